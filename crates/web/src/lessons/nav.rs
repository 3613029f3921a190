//! Moving through a lesson: which step the page is at, what opening a step does to the
//! page's state (program, settings, highlighted lines), and the `#lesson=<id>/<n>` links.
//!
//! Pure data, tested natively: the reducer calls [`go`], and the root component carries out
//! the step's seek on the driver after the run is (re)loaded (see [`LessonAt::nonce`]).

use super::data::{self, Focus, Lesson, LessonProgram, Seek, Settings as LessonSettings};
use crate::state::{analyze, Playground, Settings};
use gosched_sim::PreemptMode;

/// Which of a program's runs is shown: its own settings, or the comparison run's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Run {
    #[default]
    Primary,
    Compare,
}

/// Where the learner is in a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonAt {
    pub lesson: &'static Lesson,
    /// 0-based index into `lesson.steps`.
    pub step: usize,
    /// The program the step shows (the latest one a step up to here named).
    pub program: &'static LessonProgram,
    /// Which run of the program is loaded.
    pub run: Run,
    /// Bumped each time a step is opened or a run is switched, so the page applies the
    /// step's seek once per opening (after the run is loaded).
    pub nonce: u64,
}

impl LessonAt {
    pub fn current(&self) -> &'static data::Step {
        &self.lesson.steps[self.step]
    }

    /// The settings of the run shown.
    pub fn run_settings(&self) -> LessonSettings {
        match (self.run, self.program.compare) {
            (Run::Compare, Some(c)) => c,
            _ => self.program.settings,
        }
    }

    /// The link fragment (without `#`) of this step: `lesson=<id>/<n>`, `n` 1-based.
    pub fn fragment(&self) -> String {
        fragment(self.lesson.id, self.step)
    }

    /// The page regions the step points at, as the words of `data-lesson-focus`.
    pub fn focus_attr(&self) -> String {
        self.current()
            .focus
            .iter()
            .map(|f| focus_name(*f))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The word for a focus in `data-lesson-focus` (the stylesheet outlines the region).
pub fn focus_name(f: Focus) -> &'static str {
    match f {
        Focus::Editor => "editor",
        Focus::Console => "console",
        Focus::Controls => "controls",
        Focus::Procs => "procs",
        Focus::Runnext => "runnext",
        Focus::LocalQueue => "runq",
        Focus::GlobalQueue => "global",
        Focus::Blocked => "blocked",
        Focus::Syscalls => "syscalls",
        Focus::Memory => "memory",
        Focus::Cells => "cells",
        Focus::Timeline => "timeline",
        Focus::Compare => "compare",
    }
}

/// The page's settings for a lesson run.
pub fn page_settings(s: &LessonSettings) -> Settings {
    Settings {
        procs: s.procs,
        preempt: if s.preempt_coop {
            PreemptMode::Cooperative
        } else {
            PreemptMode::Async
        },
        seed: s.seed,
        race: s.race,
        // Lessons teach Go as it is, except a "what if" run that shows what runnext is for.
        fidelity: gosched_sim::Fidelity {
            runnext: s.runnext,
            ..gosched_sim::Fidelity::GO
        },
    }
}

/// The program shown at step `i` of `l`: the latest one named by steps `0..=i`.
pub fn program_at(l: &'static Lesson, i: usize) -> &'static LessonProgram {
    l.steps
        .iter()
        .take(i + 1)
        .filter_map(|s| s.program)
        .next_back()
        .and_then(|id| l.program(id))
        .unwrap_or(&l.programs[0])
}

/// Opens step `step` of lesson `l` (clamped to its steps) on `p`: loads the step's program
/// with its settings when the step names one, the program differs from the one shown, or
/// the program's text was edited; marks the step's lines. The caller restarts the run
/// when `p.generation` changed, and applies the step's seek.
pub fn go(p: &mut Playground, l: &'static Lesson, step: usize) {
    let step = step.min(l.steps.len().saturating_sub(1));
    let program = program_at(l, step);
    let st = &l.steps[step];
    let same = p
        .lesson
        .as_ref()
        .is_some_and(|at| std::ptr::eq(at.lesson, l) && at.program.id == program.id)
        && p.src == program.source;
    let mut run = p.lesson.map_or(Run::Primary, |at| at.run);
    if !same || st.program.is_some() {
        run = Run::Primary;
        load(p, program, &program.settings);
    }
    let nonce = p.lesson.map_or(0, |at| at.nonce) + 1;
    p.lesson = Some(LessonAt {
        lesson: l,
        step,
        program,
        run,
        nonce,
    });
    p.marked_lines = st.highlight_lines.to_vec();
    p.selected = None;
}

/// Shows the other run of the current program (its own settings or the comparison's),
/// starting over with the current step's seek.
pub fn switch_run(p: &mut Playground, run: Run) {
    let Some(mut at) = p.lesson else { return };
    if run == Run::Compare && at.program.compare.is_none() {
        return;
    }
    at.run = run;
    at.nonce += 1;
    let s = at.run_settings();
    load(p, at.program, &s);
    p.lesson = Some(at);
    p.marked_lines = at.current().highlight_lines.to_vec();
}

fn load(p: &mut Playground, program: &'static LessonProgram, s: &LessonSettings) {
    if p.src != program.source {
        p.src = program.source.to_string();
        p.diagnostics = analyze(&p.src);
    }
    p.settings = page_settings(s);
    p.generation += 1;
    p.run_errors.clear();
}

/// The step limit of the run shown (`None`: the page's default).
pub fn step_limit(p: &Playground) -> Option<u64> {
    p.lesson.and_then(|at| at.run_settings().max_steps)
}

/// The seek to apply once the run is loaded, with the nonce that asked for it.
pub fn pending_seek(p: &Playground) -> (u64, Seek) {
    p.lesson
        .map_or((0, Seek::Stay), |at| (at.nonce, at.current().seek))
}

/// What the side-by-side compare view varies to show a program's two runs: the first
/// page setting they differ in (`None`: no comparison run, or one that differs only in
/// its step limit).
pub fn vary(at: &LessonAt) -> Option<crate::compare::Vary> {
    let (a, b) = (at.program.settings, at.program.compare?);
    crate::compare::Vary::between(&page_settings(&a), &page_settings(&b))
}

/// How a scenario link carries the step (`race-condition/2`, `n` 1-based).
pub fn link_step(at: &LessonAt) -> String {
    format!("{}/{}", at.lesson.id, at.step + 1)
}

/// The lesson step a scenario link names (`<id>/<n>` or `<id>`), attached to the page
/// without loading anything: the link brings its own program, settings and playhead.
/// The run shown is the comparison run when the link's settings are its.
pub fn attach(step: &str, prev: Option<LessonAt>, settings: &Settings) -> Option<LessonAt> {
    let (lesson, i) = parse(&format!("lesson={step}"))?;
    let program = program_at(lesson, i);
    let compare = program.compare.map(|c| page_settings(&c));
    let primary = page_settings(&program.settings);
    Some(LessonAt {
        lesson,
        step: i,
        program,
        run: if compare == Some(*settings) && primary != *settings {
            Run::Compare
        } else {
            Run::Primary
        },
        // Unchanged: no seek is due.
        nonce: prev.map_or(0, |at| at.nonce),
    })
}

/// Whether a fragment is a lesson link (which the lesson hook opens, not the share codec).
pub fn is_lesson_link(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with("lesson=")
}

/// `lesson=<id>/<n>` with `n` 1-based.
pub fn fragment(id: &str, step: usize) -> String {
    format!("lesson={id}/{}", step + 1)
}

/// Reads a link fragment (with or without `#`): `lesson=<id>` or `lesson=<id>/<n>`
/// (`n` 1-based, clamped to the lesson's steps). Anything else is not a lesson link.
pub fn parse(fragment: &str) -> Option<(&'static Lesson, usize)> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let rest = f.strip_prefix("lesson=")?;
    let (id, n) = match rest.split_once('/') {
        Some((id, n)) => (id, n.trim().parse::<usize>().ok()?),
        None => (rest, 1),
    };
    let l = data::lesson(id)?;
    Some((l, n.clamp(1, l.steps.len()) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn page() -> Playground {
        Playground::new(crate::DEFAULT_PROGRAM, Lang::En)
    }

    #[test]
    fn links_round_trip_and_garbage_is_not_a_lesson() {
        for l in data::LESSONS {
            for i in 0..l.steps.len() {
                let (back, j) = parse(&fragment(l.id, i)).expect("parses");
                assert_eq!((back.id, j), (l.id, i));
            }
        }
        assert_eq!(
            parse("#lesson=memory").map(|(l, i)| (l.id, i)),
            Some(("memory", 0))
        );
        assert_eq!(parse("lesson=memory/99").map(|(_, i)| i), Some(5));
        assert_eq!(parse("lesson=memory/0").map(|(_, i)| i), Some(0));
        for bad in [
            "",
            "#",
            "lesson=",
            "lesson=nope",
            "lesson=memory/x",
            "v1.abc",
            "lesson=memory/-1",
            "<script>",
        ] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn opening_a_lesson_loads_its_first_program_and_settings() {
        let mut p = page();
        let g = p.generation;
        let l = data::lesson("race-condition").expect("lesson");
        go(&mut p, l, 0);
        let at = p.lesson.expect("open");
        assert_eq!(at.program.id, "racy");
        assert_eq!(p.src, at.program.source);
        assert_eq!(p.settings.procs, 4);
        assert!(p.settings.race);
        assert!(p.diagnostics.is_empty());
        assert_eq!(p.generation, g + 1);
        assert_eq!(p.marked_lines, l.steps[0].highlight_lines);
        assert_eq!(pending_seek(&p), (1, Seek::Start));
    }

    #[test]
    fn steps_without_a_program_keep_the_run_and_steps_with_one_load_it() {
        let mut p = page();
        let l = data::lesson("race-condition").expect("lesson");
        go(&mut p, l, 0);
        let g = p.generation;
        // Steps 2 to 4 keep the racy program running.
        go(&mut p, l, 1);
        assert_eq!(p.generation, g);
        assert_eq!(pending_seek(&p), (2, Seek::End));
        // Step 5 shows the Mutex fix, step 6 atomics, step 7 the channel.
        for (i, id) in [(4, "mutex"), (5, "atomic"), (6, "channel")] {
            go(&mut p, l, i);
            assert_eq!(p.lesson.expect("open").program.id, id);
            assert_eq!(p.src, l.program(id).expect("exists").source);
        }
        assert!(p.generation >= g + 3);
        // Back to step 3: the racy program again.
        go(&mut p, l, 2);
        assert_eq!(p.lesson.expect("open").program.id, "racy");
        assert_eq!(p.src, l.programs[0].source);
    }

    #[test]
    fn an_edited_program_is_reloaded_when_the_step_moves() {
        let mut p = page();
        let l = data::lesson("channels").expect("lesson");
        go(&mut p, l, 5);
        p.src.push_str("\n// edited\n");
        go(&mut p, l, 6);
        assert_eq!(p.src, l.program("deadlock").expect("exists").source);
    }

    #[test]
    fn the_comparison_run_uses_the_other_settings_and_its_step_limit() {
        let mut p = page();
        let l = data::lesson("preemption").expect("lesson");
        go(&mut p, l, 0);
        assert_eq!(p.settings.preempt, PreemptMode::Cooperative);
        assert_eq!(step_limit(&p), Some(25_000_000));
        let g = p.generation;
        switch_run(&mut p, Run::Compare);
        assert_eq!(p.settings.preempt, PreemptMode::Async);
        assert_eq!(step_limit(&p), None);
        assert_eq!(p.generation, g + 1);
        // A step without a program keeps the comparison run; one with a program resets it.
        go(&mut p, l, 1);
        assert_eq!(p.lesson.expect("open").run, Run::Compare);
        go(&mut p, l, 0);
        assert_eq!(p.lesson.expect("open").run, Run::Primary);
        // A program without a comparison run has nothing to switch to.
        let r = data::lesson("race-condition").expect("lesson");
        go(&mut p, r, 0);
        let before = p.clone();
        switch_run(&mut p, Run::Compare);
        assert_eq!(p, before);
    }

    #[test]
    fn scenario_links_carry_the_step_and_attach_without_loading() {
        let mut p = page();
        let l = data::lesson("scheduler").expect("lesson");
        go(&mut p, l, 3);
        let at = p.lesson.expect("open");
        assert_eq!(link_step(&at), "scheduler/4");
        let back = attach("scheduler/4", Some(at), &p.settings).expect("attaches");
        assert_eq!(
            (back.step, back.program.id, back.nonce),
            (3, "steal", at.nonce)
        );
        assert_eq!(
            attach("scheduler", None, &p.settings).map(|a| a.step),
            Some(0)
        );
        assert!(attach("nope/1", None, &p.settings).is_none());
        // A link made while the comparison run was shown opens on it.
        let last = l.steps.len();
        go(&mut p, l, last - 1);
        switch_run(&mut p, Run::Compare);
        assert!(!p.settings.fidelity.runnext);
        let link = format!("scheduler/{last}");
        let shown = attach(&link, None, &p.settings).expect("attaches");
        assert_eq!(shown.run, Run::Compare);
        switch_run(&mut p, Run::Primary);
        let shown = attach(&link, None, &p.settings).expect("attaches");
        assert_eq!(shown.run, Run::Primary);
        assert!(is_lesson_link("#lesson=memory") && !is_lesson_link("v1.abc"));
    }

    #[test]
    fn compared_programs_open_the_compare_view_on_what_differs() {
        use crate::compare::Vary;
        let mut p = page();
        go(
            &mut p,
            data::lesson("concurrency-parallelism").expect("lesson"),
            0,
        );
        assert_eq!(vary(&p.lesson.expect("open")), Some(Vary::Procs(1, 4)));
        go(&mut p, data::lesson("preemption").expect("lesson"), 0);
        assert_eq!(
            vary(&p.lesson.expect("open")),
            Some(Vary::Preempt(PreemptMode::Cooperative, PreemptMode::Async))
        );
        go(&mut p, data::lesson("memory").expect("lesson"), 0);
        assert_eq!(vary(&p.lesson.expect("open")), None);
        // The scheduler lesson's last step: Go beside a run without runnext.
        let l = data::lesson("scheduler").expect("lesson");
        go(&mut p, l, l.steps.len() - 1);
        let at = p.lesson.expect("open");
        assert_eq!(at.program.id, "runnext-what-if");
        let no_runnext = gosched_sim::Fidelity {
            runnext: false,
            ..gosched_sim::Fidelity::GO
        };
        assert_eq!(
            vary(&at),
            Some(Vary::Policies(gosched_sim::Fidelity::GO, no_runnext))
        );
        assert!(p.settings.fidelity.is_go(), "the page's own run is Go's");
    }

    #[test]
    fn every_focus_has_a_distinct_word() {
        let mut words: Vec<&str> = data::LESSONS
            .iter()
            .flat_map(|l| {
                l.steps
                    .iter()
                    .flat_map(|s| s.focus.iter().map(|f| focus_name(*f)))
            })
            .collect();
        gosched_lang::sort::sort(&mut words);
        words.dedup();
        assert!(words.len() >= 10, "{words:?}");
        assert!(words.iter().all(|w| !w.contains(' ')));
    }
}
