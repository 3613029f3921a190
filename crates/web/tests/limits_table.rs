//! README.md's limits table agrees with the code: the CLI defaults are the simulator's
//! `Limits::default()`, the page's are `driver::page_limits()`, and each message is the
//! start of the one the simulator prints, so the table cannot drift from either.

use gosched_sim::{LimitKind, Limits};
use gosched_web::driver::page_limits;

const README: &str = include_str!("../../../README.md");

/// The cells of the limits table's row whose first cell is `name`.
fn row(name: &str) -> Vec<String> {
    let table = README
        .split("\n## Limits\n")
        .nth(1)
        .expect("README.md has a `## Limits` section");
    table
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|cells| cells[0] == name)
        .unwrap_or_else(|| panic!("README.md's limits table has no row `{name}`"))
}

/// A cell's amount in bytes or units: `200,000,000`, `1024 MiB`, `16 MiB`, `1024 KiB`,
/// `1,000,000,000 bytes`.
fn amount(cell: &str) -> u64 {
    let mut words = cell.split_whitespace();
    let n: u64 = words
        .next()
        .unwrap_or("")
        .replace(',', "")
        .parse()
        .unwrap_or_else(|e| panic!("`{cell}` is not an amount: {e}"));
    match words.next() {
        None | Some("bytes") => n,
        Some("KiB") => n << 10,
        Some("MiB") => n << 20,
        Some(unit) => panic!("unknown unit {unit} in `{cell}`"),
    }
}

/// The table's message cell names the message's start (up to the `…`), in backquotes.
fn message_start(cell: &str) -> &str {
    let quoted = cell.split('`').nth(1).unwrap_or("");
    quoted.trim_end_matches('…').trim_end()
}

#[test]
fn the_readme_limits_table_matches_the_code() {
    let cli = Limits::default();
    let page = page_limits();
    let rows: [(&str, u64, u64, &str); 6] = [
        ("steps", cli.max_steps, page.max_steps, "`--max-steps N`"),
        (
            "goroutines created",
            cli.max_goroutines,
            page.max_goroutines,
            "`--max-goroutines N`",
        ),
        (
            "memory live after GC",
            cli.max_memory,
            page.max_memory,
            "`--max-memory MIB`",
        ),
        (
            "output",
            cli.max_output,
            page.max_output,
            "`--max-output KIB`",
        ),
        ("goroutine stack", cli.max_stack, page.max_stack, "—"),
        (
            "recorded trace events",
            cli.max_events,
            page.max_events,
            "—",
        ),
    ];
    for (name, cli_value, page_value, flag) in rows {
        let cells = row(name);
        assert_eq!(cells.len(), 5, "row `{name}`: {cells:?}");
        assert_eq!(amount(&cells[1]), cli_value, "CLI default of `{name}`");
        assert!(cells[2].starts_with(flag), "flag of `{name}`: {}", cells[2]);
        assert_eq!(amount(&cells[3]), page_value, "page value of `{name}`");
    }
    for (name, kind) in [
        ("steps", LimitKind::Steps),
        ("goroutines created", LimitKind::Goroutines),
        ("memory live after GC", LimitKind::Memory),
        ("output", LimitKind::Output),
    ] {
        let cell = &row(name)[4];
        let start = message_start(cell);
        let message = kind.message(&cli);
        assert!(
            start.len() > 20 && message.starts_with(start),
            "README's message for `{name}` is not the start of\n{message}\nit reads\n{start}"
        );
        let flag = row(name)[2]
            .split('`')
            .nth(1)
            .unwrap_or("")
            .split(' ')
            .next()
            .unwrap_or("")
            .to_string();
        assert!(
            message.contains(&format!("Raise it with {flag}.")),
            "{message} names {flag}"
        );
        assert!(
            cell.ends_with(&format!("({})", kind.exit_code())),
            "exit status of `{name}`: {cell}"
        );
    }
    // The stack message is Go's, with the limit in bytes.
    let stack = message_start(&row("goroutine stack")[4]).to_string();
    assert_eq!(
        stack,
        format!(
            "runtime: goroutine stack exceeds {}-byte limit",
            cli.max_stack
        )
    );
}

/// The floor, a million goroutines, is for a native run (the CLI's defaults);
/// the page keeps room for the 100,000 goroutines (and main) of its performance test.
#[test]
fn the_cli_keeps_a_million_goroutines_and_the_page_a_hundred_thousand() {
    assert!(Limits::default().max_goroutines >= 1_000_000);
    assert!(page_limits().max_goroutines > 100_000);
    assert!(page_limits().max_goroutines <= Limits::default().max_goroutines);
    assert!(page_limits().max_stack <= Limits::default().max_stack);
}
