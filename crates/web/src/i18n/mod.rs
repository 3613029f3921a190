//! Every string the page shows, in English and Brazilian Portuguese: typed keys, one table per
//! language, placeholder filling and number formatting.
//!
//! Components never hold UI text: they ask for [`t`]`(lang, Key::Run)` or
//! [`tf`]`(lang, Key::SpeedValue, &[("n", "5")])`. The tables live in `en.rs`
//! and `pt_br.rs`, one `(Key, text)` pair per line, so a translator edits one
//! file; the tests below fail if a key is missing, repeated or has different
//! placeholders in either language.

mod en;
mod pt_br;

use std::fmt::Write as _;

/// The languages the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    PtBr,
}

impl Lang {
    /// Every language, in the order a language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    /// The language for a BCP 47 tag such as `navigator.language` gives
    /// (`pt-BR`, `pt`, `en-US`): Portuguese for any `pt`, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("pt") {
            Lang::PtBr
        } else {
            Lang::En
        }
    }

    /// The tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }

    fn table(self) -> &'static [(Key, &'static str)] {
        match self {
            Lang::En => en::TABLE,
            Lang::PtBr => pt_br::TABLE,
        }
    }

    fn assumptions(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => &[],
            Lang::PtBr => pt_br::ASSUMPTIONS,
        }
    }
}

macro_rules! keys {
    ($($k:ident),* $(,)?) => {
        /// A UI string. Both tables must have every key (see the tests).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key { $($k),* }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$k),*];

            /// The key's name, shown when a text is missing.
            pub fn name(self) -> &'static str {
                match self { $(Key::$k => stringify!($k)),* }
            }
        }
    };
}

keys! {
    // Page and header.
    AppTitle, Tagline, Controls, Settings, Run, Resume, Pause, RunTitle, Step, StepTitle, StepBack,
    StepBackTitle, Reset, ResetTitle, Speed, SpeedValue, SpeedMax, Procs, ProcsTitle, Preempt,
    PreemptAsync, PreemptCoop, Seed, NewSeed, RaceToggle, Policies, PoliciesHint, PolicyRunnext,
    PolicyFairness, WhatIf, Theme, ThemeAuto, ThemeLight, ThemeDark,
    Help, Shortcuts, KeySpace, KeySpaceName, KeyRight, KeyLeft, KeyReset, KeyHelp, KeyEscape, Close,
    Assumptions, AssumptionsIntro, Seek, StepOf, StatusReady, StatusRunning, StatusPaused,
    StatusSeeking, StatusFinished, StatusErrors, Lesson,
    // Editor and diagnostics.
    EditorLabel, Problems, NoErrors, OneError, NErrors, GoroutinesOnLine, FixErrorsFirst,
    // The scheduler stage.
    Stage, ProcessorLabel, Running, Runnext, RunnextOff, LocalQueue, PIdle, PRunning, PSyscall, PSpinning,
    NoM, GlobalQueue, Empty, More, MoreLabel, Threads, MRunning, MSpinning, MIdle, MSyscall,
    Blocked, NothingBlocked, Channel, ChanCap, ChanClosed, ChanRecvq, ChanSendq, ChanBuffer,
    Mutex, RwMutex, LockFree, HeldBy, Waiting, ModeNormal, ModeStarving, Readers, WaitGroup,
    WgCounter, Cond, InSelect, Forever, OsPanel, Syscalls, Netpoller, NetReady, Timers, WakesAt,
    Finished, FinishedOne, Nothing,
    // Goroutine states and tokens.
    StateRunnable, StateRunning, StateWaiting, StateSyscall, StateDead, TokenLabel, Line,
    // Memory meter and statistics.
    Memory, MemGoroutines, MemGoroutineOne, MemStacks, MemGrowth, MemThreads, MemWindows, MemLinux, MemRatio,
    MemGoroutineBar, MemThreadBar, Stats, StatSteps, StatTime, StatLive, StatPeak, StatSwitches,
    StatSteals, StatPreemptions, StatHandoffs,
    // Shared memory, console, races.
    Cells, NoCells, CellCounts, CellRacy, CellLabel, Reads, Writes, AtLine, Console, ConsoleEmpty,
    Races, NoRaces, RaceOff, RaceOn, RaceSide, ShowLines,
    // Timeline and event log.
    Timeline, TimelineHint, TimelineLabel, MarkPreempt, MarkSteal, MarkSyscall, MarkBlock, Events,
    NoEvents, Narration,
    // Event narration.
    EvCreate, EvCreateTail, EvStartRunnext, EvStartLocal, EvStartGlobal, EvStartStolen, EvStartNetpoll,
    EvStartSyscall, EvStartMain, EvGosched, EvPreempted, EvStopTheWorld, EvBlock, EvBlockOn,
    EvWake, EvWakeTail, EvWakeGlobal, EvWakeSelf, EvWakeSelfTail, EvEnd, EvKicked, EvOverflow, EvGlobalTake, EvSteal,
    EvStealRunnext, EvPreemptRequest, EvSyscallEnter, EvSyscallExitSame, EvSyscallExitOther,
    EvSyscallExitGlobal, EvHandoff, EvHandoffIdle, EvNetReady, EvTimerWake, EvTimerChan,
    EvTimer, EvProcStart, EvProcSpin, EvProcIdle, EvThread, EvProcs, EvRead, EvWrite,
    EvAtomicRead, EvAtomicWrite, EvChanSend, EvChanRecv, EvChanRecvClosed, EvChanClose, EvSelectRandom, EvSelectOnly, EvSelectDefault, EvLock,
    EvUnlock, EvRLock, EvRUnlock, EvStarving, EvWgAdd, EvWgWait, EvCondWait, EvSignal,
    EvBroadcast, EvRace, EvOutput, EvExit,
    // Explore, be the scheduler, wait-for graph (issue 7, branch explore-ui).
    ExploreTitle, ExploreHint, ExploreFind, FindRace, FindDeadlock, FindPanic, FindOutput,
    ExploreStrategy, StrategyRandom, StrategyPct, StrategyBounded, ExploreStart, ExploreCancel,
    ExploreRunning, ExploreFoundAfter, ExploreNotFound, ExploreCancelled, ExploreOutcomes,
    ExploreRuns, ExploreRunOne, ExploreOther, FoundRace, FoundDeadlock, FoundPanic, FoundOutput,
    ScheduleReplaying, ScheduleForget, BeScheduler, BeSchedulerTitle, SeatGoal, SeatGoalRace,
    SeatGoalCritical, SeatGoalDeadlock, SeatAt, SeatContinue, SeatPreempt, SeatPreemptAny,
    SeatYield, SeatSkip, SeatUndo, SeatQueued, SeatDecisions, SeatEnded, SeatNoMore,
    SeatReached, SeatNotYet, SeatCritical, SeatStealAt, SeatStealFrom, SeatSelectAt,
    SeatCaseRecv, SeatCaseSend, SeatGoRandom, WaitForTitle, WaitForIntro, WaitForWaits,
    WaitForHeldBy, WaitForFedBy, WaitForNobody, WaitForCycle, WaitForActive, WaitForNone,
    WaitForSelect, WaitForIntroGlobal,
    // Lessons (menu and guided panel).
    LessonsMenu, LessonsChoose, LessonPanel, LessonStepOf, LessonPrev, LessonNext, LessonClose, LessonProgram, LessonRuns, LessonRunName, LessonRunShow, LessonRunShown, LessonRunTime, LessonRunLimit, LessonRunPending, LessonSteps, LessonGoStep, LessonSideBySide,
    // Scenario links and the language switch (share).
    Share, ShareTitle, ShareLink, Copy, LinkCopied, CopyByHand, Language, LangEn, LangPtBr, LinkError, LinkNotAScenario, LinkNewer, LinkBadEncoding, LinkCorrupt, LinkTooLarge, LinkBadField, LinkNotText,
    // ---- compare runs (issue 7) ----
    Compare, CompareTitle, CompareHeading, CompareIntro, CompareDimension, CompareByPreempt,
    CompareBySeed, CompareLeftValue, CompareRightValue, CompareClose, CompareRunProcs,
    CompareRunAsync, CompareRunCoop, CompareRunSeed, CompareByPolicies, CompareRunGo,
    CompareRunNoRunnext, CompareRunNoFairness, CompareRunNeither, CompareTotal, CompareAt, CompareComputing,
    CompareOutput, CompareNoOutput, CompareRaceCount, CompareRaceOff, CompareMemory,
    CompareMemoryValue, CompareExit, CompareSooner, CompareSameTime, CompareSameOutput,
    CompareOutputsDiffer, ComparePlayhead, CompareProcsLabel, ComparePlay,
    // Embedding (the embed's link and the Embed dialog).
    EmbedOpenPlayground, EmbedOpenPlaygroundTitle, EmbedButton, EmbedButtonTitle, EmbedTitle,
    EmbedIntro, EmbedWidth, EmbedHeight, EmbedLanguage, EmbedLangEn, EmbedLangPt, EmbedEditor,
    EmbedEditorNone, EmbedEditorRo, EmbedEditorRw, EmbedAutoplay, EmbedSnippet, EmbedCopy,
    EmbedCopied, EmbedCopyFailed, EmbedHostNote, EmbedTheme,
    // Limits and runaway programs (harden): the console shows the end of long output.
    ConsoleHidden,
    // The trace download (export): the timeline's "Download trace" button.
    ExportTrace, ExportTraceTitle, ExportScopeNow, ExportScopeWhole, ExportWorking, ExportSaved,
}

/// The text of `key` in `lang` (English if a table lacks it, which the tests forbid).
pub fn t(lang: Lang, key: Key) -> &'static str {
    lookup(lang.table(), key)
        .or_else(|| lookup(en::TABLE, key))
        .unwrap_or(key.name())
}

fn lookup(table: &'static [(Key, &'static str)], key: Key) -> Option<&'static str> {
    // Tables are written in `Key` order, so the entry is usually at the key's index.
    let i = key as usize;
    match table.get(i) {
        Some((k, text)) if *k == key => Some(text),
        _ => table.iter().find(|(k, _)| *k == key).map(|(_, text)| *text),
    }
}

/// The text of `key` with each `{name}` replaced by its value from `args`.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// Replaces `{name}` placeholders in `template`; unknown names stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A sentence to show later in some language: a key and its placeholder values
/// (goroutine and processor names, durations, Go's own words), which read the
/// same in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub key: Key,
    pub args: Vec<(&'static str, String)>,
}

impl Phrase {
    pub fn new(key: Key) -> Phrase {
        Phrase {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a placeholder value.
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Phrase {
        self.args.push((name, value.into()));
        self
    }

    /// The sentence in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        tf(lang, self.key, &args)
    }
}

/// `n` with thousands separators: `18,240` in English, `18.240` in Portuguese.
pub fn num(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::PtBr => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A duration as people read it (`850ns`, `12.5µs`, `3.2ms`), with a decimal
/// comma in Portuguese.
pub fn dur(lang: Lang, ns: u64) -> String {
    let s = gosched_sim::ids::fmt_nanos(ns);
    match lang {
        Lang::En => s,
        Lang::PtBr => s.replace('.', ","),
    }
}

/// A byte count in binary units (`2 KiB`, `14 MiB`, `1.5 GiB`), with a decimal
/// comma in Portuguese.
pub fn bytes(lang: Lang, n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    let mut s = String::new();
    if u == 0 || v >= 100.0 || v.fract() < 0.05 {
        let _ = write!(s, "{:.0} {}", v, UNITS[u]);
    } else {
        let _ = write!(s, "{:.1} {}", v, UNITS[u]);
    }
    match lang {
        Lang::En => s,
        Lang::PtBr => s.replace('.', ","),
    }
}

/// The page's wording of one of the simulator's assumptions (by its id), falling
/// back to the simulator's English text.
pub fn assumption(lang: Lang, id: &str, english: &'static str) -> &'static str {
    lang.assumptions()
        .iter()
        .find(|(k, _)| *k == id)
        .map_or(english, |(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            out.insert(after[..close].to_string());
            rest = &after[close + 1..];
        }
        out
    }

    #[test]
    fn every_key_is_in_every_language_exactly_once() {
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let table = lang.table();
            for key in Key::ALL {
                let n = table.iter().filter(|(k, _)| k == key).count();
                if n != 1 {
                    problems.push(format!("{lang:?}: {} appears {n} times", key.name()));
                }
            }
            for (k, text) in table {
                if text.trim().is_empty() {
                    problems.push(format!("{lang:?}: {} is empty", k.name()));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn translations_use_the_same_placeholders() {
        let mut problems = Vec::new();
        for key in Key::ALL {
            let en = placeholders(t(Lang::En, *key));
            let pt = placeholders(t(Lang::PtBr, *key));
            if en != pt {
                problems.push(format!("{}: en {en:?} pt-BR {pt:?}", key.name()));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn tables_are_in_key_order_for_fast_lookup() {
        for lang in Lang::ALL {
            for (i, (k, _)) in lang.table().iter().enumerate() {
                assert_eq!(*k as usize, i, "{lang:?}: {} is out of order", k.name());
            }
        }
    }

    #[test]
    fn every_assumption_is_translated() {
        for a in gosched_sim::assumptions::assumptions() {
            let pt = assumption(Lang::PtBr, a.id, a.text);
            assert_ne!(pt, a.text, "assumption {} has no pt-BR text", a.id);
            assert_eq!(assumption(Lang::En, a.id, a.text), a.text);
        }
        let ids: BTreeSet<&str> = gosched_sim::assumptions::assumptions()
            .iter()
            .map(|a| a.id)
            .collect();
        for (id, _) in pt_br::ASSUMPTIONS {
            assert!(
                ids.contains(id),
                "pt-BR translates an unknown assumption {id}"
            );
        }
    }

    /// Every piece of text the components write between tags comes from the tables: a
    /// string literal shown as a text node (`{ "Run" }`) is a hard-coded UI string.
    /// Allowed: glyphs and symbols, and the logo's letter.
    #[test]
    fn components_hold_no_ui_text() {
        const ALLOWED: &[&str] = &["G"];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/components");
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .expect("components dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/src/app.rs").into());
        let mut problems = Vec::new();
        for f in &files {
            let src = std::fs::read_to_string(f).expect("read a component");
            for (n, line) in src.lines().enumerate() {
                // Text nodes: `{ "..." }` on a line of markup (after a tag's `>`).
                let mut rest = line;
                while let Some(i) = rest.find("{ \"") {
                    let after = &rest[i + 3..];
                    let Some(end) = after.find("\" }") else { break };
                    let lit = &after[..end];
                    let before = &rest[..i];
                    let is_text = before.trim_end().ends_with('>') || before.trim().is_empty();
                    if is_text && lit.chars().any(char::is_alphabetic) && !ALLOWED.contains(&lit) {
                        problems.push(format!("{}:{}: {lit:?}", f.display(), n + 1));
                    }
                    rest = &after[end..];
                }
                // Labels given as literals.
                for attr in ["aria-label=\"", "title=\"", "placeholder=\""] {
                    if line.contains(attr) {
                        problems.push(format!("{}:{}: literal {attr}", f.display(), n + 1));
                    }
                }
            }
        }
        assert!(
            problems.is_empty(),
            "hard-coded UI text:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn portuguese_reads_like_a_brazilian_course() {
        assert_eq!(t(Lang::PtBr, Key::Run), "Executar");
        assert_eq!(t(Lang::PtBr, Key::Pause), "Pausar");
        assert_eq!(t(Lang::PtBr, Key::LocalQueue), "fila local");
        assert_eq!(t(Lang::PtBr, Key::GlobalQueue), "Fila global");
    }

    #[test]
    fn language_comes_from_the_browser_tag() {
        assert_eq!(Lang::from_tag("pt-BR"), Lang::PtBr);
        assert_eq!(Lang::from_tag("pt"), Lang::PtBr);
        assert_eq!(Lang::from_tag("PT_pt"), Lang::PtBr);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::PtBr.tag(), "pt-BR");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                "{a} stole {b} from {c}",
                &[("a", "P2"), ("b", "G7, G9"), ("c", "P0")]
            ),
            "P2 stole G7, G9 from P0"
        );
        assert_eq!(fill("keep {x} and {", &[]), "keep {x} and {");
        assert_eq!(
            tf(
                Lang::PtBr,
                Key::EvSteal,
                &[("thief", "P2"), ("gs", "G7, G9"), ("victim", "P0")]
            ),
            "P2 roubou G7, G9 de P0"
        );
    }

    #[test]
    fn numbers_and_sizes_follow_the_language() {
        assert_eq!(num(Lang::En, 18_240), "18,240");
        assert_eq!(num(Lang::PtBr, 18_240), "18.240");
        assert_eq!(num(Lang::En, 999), "999");
        assert_eq!(num(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(bytes(Lang::En, 2048), "2 KiB");
        assert_eq!(bytes(Lang::En, 14 << 20), "14 MiB");
        assert_eq!(bytes(Lang::PtBr, 3 << 19), "1,5 MiB");
        assert_eq!(dur(Lang::PtBr, 12_500), "12,5µs");
    }
}
