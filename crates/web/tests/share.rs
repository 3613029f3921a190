//! Scenario links: round trips, lengths of the lessons' links, and every way a link can be broken.

use gosched_sim::PreemptMode;
use gosched_web::compare::Vary;
use gosched_web::share::{decode, encode, Lang, Preempt, Scenario, ShareError, PREFIX};

fn lesson_programs() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/lessons");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("web/lessons")
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    for d in dirs {
        let files: Vec<_> = if d.is_dir() {
            std::fs::read_dir(&d)
                .expect("lesson dir")
                .flatten()
                .map(|e| e.path())
                .collect()
        } else {
            vec![d.clone()]
        };
        for f in files {
            if f.extension().is_some_and(|x| x == "go") {
                let name = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
                out.push((name, std::fs::read_to_string(&f).expect("readable")));
            }
        }
    }
    out.sort();
    out
}

fn full(program: &str) -> Scenario {
    Scenario {
        program: program.to_string(),
        procs: 2,
        preempt: Preempt::Coop,
        seed: 987_654_321,
        race: false,
        runnext: false,
        fairness: false,
        speed: 5,
        step: Some(123_456),
        goroutine: Some(7),
        cell: Some("s.hits[\"a\\b\"]\nx".into()),
        lang: Some(Lang::PtBr),
        lesson: Some("race-condition/2".into()),
        schedule: Some("AbC-_09".into()),
        compare: Some(Vary::Preempt(PreemptMode::Async, PreemptMode::Cooperative)),
    }
}

#[test]
fn every_field_round_trips() {
    for (_, src) in lesson_programs() {
        let s = full(&src);
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        assert_eq!(decode(&format!("#{}", encode(&s))), Ok(s));
        let d = Scenario {
            program: src.clone(),
            ..Scenario::default()
        };
        assert_eq!(decode(&encode(&d)), Ok(d));
    }
    // Programs that look like settings, start with blank lines or are empty.
    for p in [
        "",
        "\n",
        "\n\nprocs=9\n",
        "procs=9\n\npackage main",
        "a=b\n",
    ] {
        let s = Scenario {
            program: p.to_string(),
            ..Scenario::default()
        };
        assert_eq!(decode(&encode(&s)), Ok(s.clone()), "{p:?}");
        let s = full(p);
        assert_eq!(decode(&encode(&s)), Ok(s.clone()), "{p:?}");
    }
}

#[test]
fn lesson_links_are_short_and_deflate_beats_lz_string() {
    let mut report = Vec::new();
    let (mut total_deflate, mut total_lz) = (0, 0);
    for (name, src) in lesson_programs() {
        let s = Scenario {
            program: src.clone(),
            step: Some(1_000_000),
            lang: Some(Lang::PtBr),
            lesson: Some("race-condition/3".into()),
            ..Scenario::default()
        };
        let link = encode(&s);
        let lz = lz_str::compress_to_encoded_uri_component(&s.to_text());
        total_deflate += link.len();
        total_lz += lz.len() + PREFIX.len();
        report.push(format!(
            "{name:<40} {:>3} lines {:>5} chars deflate, {:>5} lz-string",
            src.lines().count(),
            link.len(),
            lz.len() + PREFIX.len()
        ));
        if src.lines().count() <= 40 {
            assert!(link.len() < 2000, "{name}: {} characters", link.len());
        }
    }
    println!("{}", report.join("\n"));
    println!("total: deflate {total_deflate}, lz-string {total_lz}");
    assert!(
        total_deflate < total_lz,
        "deflate {total_deflate} vs lz-string {total_lz}"
    );
}

#[test]
fn a_forty_line_program_stays_under_2000_characters() {
    // A dense program: 40 lines of distinct statements.
    let mut src = String::from("package main\n\nimport \"fmt\"\n\nfunc main() {\n");
    for i in 0..34 {
        src.push_str(&format!(
            "\tfmt.Println(\"line {i}\", {i}*{i}+{}, \"{}\")\n",
            i * 7919,
            "x".repeat(i % 11)
        ));
    }
    src.push_str("}\n");
    assert_eq!(src.lines().count(), 40);
    let link = encode(&full(&src));
    assert!(link.len() < 2000, "{} characters", link.len());
}

#[test]
fn broken_links_say_what_is_wrong() {
    let good = encode(&full("package main\n\nfunc main() {}\n"));
    let data = &good[PREFIX.len()..];
    assert_eq!(decode(""), Err(ShareError::NotAScenario));
    assert_eq!(decode("#"), Err(ShareError::NotAScenario));
    assert_eq!(decode("#hello"), Err(ShareError::NotAScenario));
    assert_eq!(decode("#v.abc"), Err(ShareError::NotAScenario));
    assert_eq!(decode("#v0.abc"), Err(ShareError::NotAScenario));
    assert_eq!(
        decode(&format!("#v2.{data}")),
        Err(ShareError::NewerVersion(2))
    );
    assert_eq!(
        decode(&format!("#v99999.{data}")),
        Err(ShareError::NewerVersion(99999))
    );
    assert_eq!(
        decode("#v1.<script>alert(1)</script>"),
        Err(ShareError::BadEncoding)
    );
    // Truncated anywhere: an error, never a panic and never a wrong scenario.
    for cut in 1..data.len() {
        let r = decode(&format!("v1.{}", &data[..cut]));
        assert!(r.is_err(), "cut at {cut} decoded to {r:?}");
    }
    // One character changed anywhere: an error or (rarely, in stored
    // blocks) a different but valid scenario; never a panic.
    for i in 0..data.len() {
        let mut b = data.as_bytes().to_vec();
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        let _ = decode(&format!("v1.{}", String::from_utf8(b).expect("ascii")));
    }
}

#[test]
fn bad_settings_are_refused_by_name() {
    let link = |text: &str| {
        use base64::Engine;
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
        format!(
            "v1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    };
    for (text, name) in [
        ("procs=0\n\nx", "procs"),
        ("procs=65\n\nx", "procs"),
        ("procs=four\n\nx", "procs"),
        ("preempt=sometimes\n\nx", "preempt"),
        ("seed=-1\n\nx", "seed"),
        ("race=yes\n\nx", "race"),
        ("runnext=off\n\nx", "runnext"),
        ("fairness=2\n\nx", "fairness"),
        ("step=1e9\n\nx", "step"),
        ("lang=fr\n\nx", "lang"),
        ("cell=bad\\escape\n\nx", "cell"),
        ("compare=procs:0:4\n\nx", "compare"),
        ("compare=procs:1:17\n\nx", "compare"),
        ("compare=procs:1\n\nx", "compare"),
        ("compare=procs:1:4:8\n\nx", "compare"),
        ("compare=preempt:async:sometimes\n\nx", "compare"),
        ("compare=seed:1:-2\n\nx", "compare"),
        ("compare=threads:1:2\n\nx", "compare"),
        ("compare=policies:go:faster\n\nx", "compare"),
    ] {
        match decode(&link(text)) {
            Err(ShareError::BadField { name: n, .. }) => assert_eq!(n, name, "{text:?}"),
            other => panic!("{text:?}: {other:?}"),
        }
    }
    // Each kind of split view round trips through its text form.
    for v in [
        Vary::Procs(1, 16),
        Vary::Preempt(PreemptMode::Cooperative, PreemptMode::Async),
        Vary::Seed(u64::MAX, 0),
        Vary::Policies(
            gosched_sim::Fidelity::GO,
            gosched_sim::Fidelity {
                runnext: false,
                global_fairness: false,
            },
        ),
    ] {
        let s = Scenario {
            compare: Some(v),
            ..Scenario::default()
        };
        assert_eq!(decode(&encode(&s)).expect("decodes").compare, Some(v));
    }
    // Unknown settings from a later v1 are ignored.
    let s = decode(&link("future=1\nprocs=2\n\nprogram")).expect("decodes");
    assert_eq!((s.procs, s.program.as_str()), (2, "program"));
    // No blank line: not a scenario text.
    assert_eq!(decode(&link("procs=2")), Err(ShareError::Corrupt));
    // Not UTF-8.
    {
        use base64::Engine;
        let packed = miniz_oxide::deflate::compress_to_vec(&[b'\n', 0xff, 0xfe], 6);
        let l = format!(
            "v1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        );
        assert_eq!(decode(&l), Err(ShareError::NotText));
    }
}

#[test]
fn a_decompression_bomb_is_refused_without_inflating_it() {
    use base64::Engine;
    // 64 MiB of newlines compress to about 64 KiB.
    let bomb = vec![b'\n'; 64 << 20];
    let packed = miniz_oxide::deflate::compress_to_vec(&bomb, 10);
    assert!(packed.len() < 200_000, "{}", packed.len());
    let l = format!(
        "v1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    );
    assert_eq!(decode(&l), Err(ShareError::TooLarge));
    assert_eq!(
        decode(&format!("v1.{}", "A".repeat(600_000))),
        Err(ShareError::TooLarge)
    );
}
