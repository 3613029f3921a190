//! The page's state as plain data ([`Playground`]), changed only through [`Action`]s (a Yew
//! `Reducible`). The running simulation itself lives in the driver; what it shows arrives
//! here as [`Frame`]s.
//!
//! Nothing here touches the browser, so it is tested natively.

use std::ops::Deref;
use std::rc::Rc;

use gosched_lang::{LineIndex, Span};
use gosched_sim::{Fidelity, PreemptMode};
use yew::Reducible;

use crate::compare::Vary;
use crate::frame::Frame;
use crate::i18n::Lang;
use crate::share::{self, Scenario, ShareError};

/// The name diagnostics use for the one source file, as `go build` would.
pub const FILE_NAME: &str = "main.go";

/// Speeds, in scheduler events per second (`None`: as fast as possible).
pub const SPEEDS: [Option<u32>; 9] = [
    Some(1),
    Some(2),
    Some(5),
    Some(10),
    Some(25),
    Some(100),
    Some(500),
    Some(2000),
    None,
];
/// The speed the page starts at (10 events per second: each move can be followed).
pub const DEFAULT_SPEED: usize = 3;
/// GOMAXPROCS choices offered.
pub const MAX_PROCS: u32 = 16;

/// A shared, immutable value compared by identity: cheap to pass as a prop, and a
/// component re-renders exactly when a new value is made.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Everything that changes a run: same program and settings, same run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub procs: u32,
    pub preempt: PreemptMode,
    pub seed: u64,
    pub race: bool,
    /// Go's scheduling policies; one switched off is a "what if" run.
    pub fidelity: Fidelity,
}

impl Settings {
    /// Takes a recorded schedule's settings (GOMAXPROCS, preemption, seed, race detector,
    /// policies): a schedule replays under its own, whatever the controls said.
    fn adopt(&mut self, sc: &gosched_sim::explore::Schedule) {
        self.procs = sc.procs.clamp(1, MAX_PROCS);
        self.preempt = sc.preempt;
        self.seed = sc.seed;
        self.race = sc.race;
        self.fidelity = sc.fidelity;
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            procs: 4,
            preempt: PreemptMode::Async,
            seed: 1,
            race: true,
            fidelity: Fidelity::GO,
        }
    }
}

/// Light or dark colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The next theme of the toggle: system → light → dark → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The value of `<html data-theme>` (and of the saved preference).
    pub fn attr(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_attr(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// A floating panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Popover {
    Help,
    Assumptions,
}

/// A problem in the program, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diag {
    pub line: u32,
    pub col: u32,
    pub message: String,
    /// As `go build` prints it: `main.go:7:1: syntax error: ...`.
    pub text: String,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub lang: Lang,
    pub theme: Theme,
    /// The program as typed in the editor.
    pub src: String,
    /// What gosched-lang says about `src`, in source order.
    pub diagnostics: Vec<Diag>,
    /// Errors from compiling for a run (the compiler can find problems the
    /// checker does not), rendered.
    pub run_errors: Vec<String>,
    pub settings: Settings,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// What the run shows now (`None` until a program is loaded).
    pub frame: Option<Shared<Frame>>,
    /// The goroutine the user clicked (its line is highlighted).
    pub selected: Option<u32>,
    /// Lines to highlight (a data race's two accesses).
    pub marked_lines: Vec<u32>,
    pub popover: Option<Popover>,
    /// Bumped whenever the run must start over (program or settings changed, reset).
    pub generation: u64,
    // Scenario links (share): what a link restores beyond the program and settings.
    /// The shared cell the user selected (by name, as in links).
    pub selected_cell: Option<String>,
    /// The step to seek to once this generation's run is loaded (an opened link's
    /// playhead); any later restart clears it.
    pub seek_on_load: Option<u64>,
    /// A recorded schedule to replay instead of the seed's (the explorer's hook: the
    /// driver's loaded run carries it). Edits and setting changes drop it.
    pub schedule: Option<String>,
    /// The lesson being followed, and where (lessons: `lessons/nav.rs`); links carry
    /// it as `race-condition/2`.
    pub lesson: Option<crate::lessons::nav::LessonAt>,
    /// Why the link the page was opened with could not be used.
    pub link_error: Option<ShareError>,
    /// Bumped by every [`Action::LoadScenario`], so savers can tell a loaded scenario
    /// from the user's own edits.
    pub loads: u64,
    /// What the explorer found in the loaded schedule, explained (explore-ui).
    pub finding: Option<crate::i18n::Phrase>,
    /// The compare view is open, its two runs differing in this setting.
    pub compare: Option<Vary>,
}

/// The ways the state changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor's text changed.
    Edit(String),
    SetProcs(u32),
    SetPreempt(PreemptMode),
    SetSeed(u64),
    SetRace(bool),
    /// Switch Go's scheduling policies on or off ("what if" runs).
    SetFidelity(Fidelity),
    SetSpeed(usize),
    SetTheme(Theme),
    SetLang(Lang),
    /// Start the run over with the same program and settings.
    Reset,
    /// The driver drew a new frame (`None`: nothing loaded).
    Frame(Option<Shared<Frame>>),
    /// Compiling for a run failed.
    RunErrors(Vec<String>),
    Select(Option<u32>),
    MarkLines(Vec<u32>),
    Popover(Option<Popover>),
    /// Lessons: open step `.1` (0-based) of a lesson, show a program's other run, close.
    OpenLesson(&'static crate::lessons::data::Lesson, usize),
    LessonRun(crate::lessons::nav::Run),
    CloseLesson,
    // Scenario links (share).
    /// Applies a scenario (an opened link, a saved draft, an embed's `load`): program,
    /// settings, speed, selection, language; the run then seeks to its step.
    LoadScenario(Box<Scenario>),
    /// Shows (or clears) the message about a link that could not be opened.
    LinkError(Option<ShareError>),
    /// Selects a shared cell by name (`None`: none).
    SelectCell(Option<String>),
    /// Highlights the selected cell's lines (keeps the selection).
    CellLines(Vec<u32>),
    // Explore and be the scheduler (explore-ui).
    /// Replay a recorded schedule (text form), paused at a step, with an explanation;
    /// the settings take the schedule's. A schedule that does not decode is ignored.
    LoadSchedule {
        schedule: String,
        pause_at: Option<u64>,
        finding: Option<crate::i18n::Phrase>,
    },
    /// Back to the seed's run.
    ForgetSchedule,
    /// Opens the compare view (or changes what it compares): the page's program and
    /// settings, run twice, differing in one setting.
    OpenCompare(Vary),
    CloseCompare,
}

impl Playground {
    /// A page showing `src`, in `lang`.
    pub fn new(src: impl Into<String>, lang: Lang) -> Playground {
        let src = src.into();
        Playground {
            lang,
            theme: Theme::Auto,
            diagnostics: analyze(&src),
            src,
            run_errors: Vec::new(),
            settings: Settings::default(),
            speed: DEFAULT_SPEED,
            frame: None,
            selected: None,
            marked_lines: Vec::new(),
            popover: None,
            generation: 0,
            selected_cell: None,
            seek_on_load: None,
            schedule: None,
            lesson: None,
            link_error: None,
            loads: 0,
            finding: None,
            compare: None,
        }
    }

    /// The scenario a Share link carries: program, settings, speed and the view state
    /// (playhead `step`, selection, language).
    pub fn scenario(&self, step: Option<u64>) -> Scenario {
        Scenario {
            program: self.src.clone(),
            procs: self.settings.procs,
            preempt: match self.settings.preempt {
                PreemptMode::Cooperative => share::Preempt::Coop,
                _ => share::Preempt::Async,
            },
            seed: self.settings.seed,
            race: self.settings.race,
            runnext: self.settings.fidelity.runnext,
            fairness: self.settings.fidelity.global_fairness,
            speed: u8::try_from(self.speed).unwrap_or(u8::MAX),
            step,
            goroutine: self.selected,
            cell: self.selected_cell.clone(),
            lang: Some(match self.lang {
                Lang::En => share::Lang::En,
                Lang::PtBr => share::Lang::PtBr,
            }),
            lesson: self.lesson.map(|at| crate::lessons::nav::link_step(&at)),
            schedule: self.schedule.clone(),
            compare: self.compare,
        }
    }

    /// What the page keeps of the user's own work across reloads: program, settings and
    /// speed (no view state).
    pub fn draft(&self) -> Scenario {
        Scenario {
            step: None,
            goroutine: None,
            cell: None,
            lang: None,
            schedule: None,
            compare: None,
            ..self.scenario(None)
        }
    }

    /// What [`Action::LoadScenario`] does (also used to build the first state).
    pub fn apply_scenario(&mut self, s: Scenario) {
        self.diagnostics = analyze(&s.program);
        self.src = s.program;
        self.settings = Settings {
            procs: s.procs.clamp(1, MAX_PROCS),
            preempt: match s.preempt {
                share::Preempt::Coop => PreemptMode::Cooperative,
                share::Preempt::Async => PreemptMode::Async,
            },
            seed: s.seed,
            race: s.race,
            fidelity: Fidelity {
                runnext: s.runnext,
                global_fairness: s.fairness,
            },
        };
        self.speed = usize::from(s.speed).min(SPEEDS.len() - 1);
        if let Some(l) = s.lang {
            self.lang = match l {
                share::Lang::En => Lang::En,
                share::Lang::PtBr => Lang::PtBr,
            };
        }
        self.restart();
        self.selected = s.goroutine;
        self.selected_cell = s.cell;
        // A schedule that does not decode is dropped (the seed's run plays instead). One
        // that does replays under its own settings (as `Action::LoadSchedule`), so the
        // controls show the run that plays even if the link's fields say otherwise.
        self.schedule = match s.schedule {
            Some(t) => match gosched_sim::explore::Schedule::decode(&t) {
                Ok(sc) => {
                    self.settings.adopt(&sc);
                    Some(t)
                }
                Err(_) => None,
            },
            None => None,
        };
        // A link's lesson step: the panel opens there, on the link's own program and
        // settings (the link's playhead, not the step's seek).
        self.lesson = s
            .lesson
            .as_deref()
            .and_then(|l| crate::lessons::nav::attach(l, self.lesson, &self.settings));
        self.seek_on_load = s.step.filter(|&n| n > 0);
        // A link's split view opens with it; any other scenario closes one left open.
        self.compare = s.compare.map(Vary::clamped);
        self.popover = None;
        self.loads += 1;
    }

    /// Events per second at the chosen speed (`None`: as fast as possible).
    pub fn rate(&self) -> Option<f64> {
        SPEEDS.get(self.speed).copied().flatten().map(f64::from)
    }

    /// Whether the program can run (no diagnostics).
    pub fn runnable(&self) -> bool {
        self.diagnostics.is_empty() && self.run_errors.is_empty()
    }

    /// The line of the selected goroutine now, if it is listed.
    pub fn selected_line(&self) -> Option<u32> {
        let f = self.frame.as_ref()?;
        f.goroutine(self.selected?)
            .map(|g| g.line)
            .filter(|&l| l > 0)
    }

    fn restart(&mut self) {
        self.generation += 1;
        self.seek_on_load = None;
        self.run_errors.clear();
        self.marked_lines.clear();
    }
}

/// Diagnostics for `src`, located and rendered like `go build`.
pub fn analyze(src: &str) -> Vec<Diag> {
    let analysis = gosched_lang::analyze(src);
    let index = LineIndex::new(src);
    analysis
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(d.span.lo);
            Diag {
                line: at.line,
                col: at.col,
                message: d.message.clone(),
                text: d.render(FILE_NAME, &index),
            }
        })
        .collect()
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(src) if src == self.src => return self,
            Action::Edit(src) => {
                next.diagnostics = analyze(&src);
                next.src = src;
                next.schedule = None;
                next.restart();
            }
            Action::SetProcs(n) => {
                next.schedule = None;
                next.settings.procs = n.clamp(1, MAX_PROCS);
                next.restart();
            }
            Action::SetPreempt(m) => {
                next.schedule = None;
                next.settings.preempt = m;
                next.restart();
            }
            Action::SetSeed(seed) => {
                next.schedule = None;
                next.settings.seed = seed;
                next.restart();
            }
            Action::SetRace(on) => {
                next.schedule = None;
                next.settings.race = on;
                next.restart();
            }
            Action::SetFidelity(f) => {
                next.schedule = None;
                next.settings.fidelity = f;
                next.restart();
            }
            Action::Reset => next.restart(),
            Action::SetSpeed(i) => next.speed = i.min(SPEEDS.len() - 1),
            Action::SetTheme(t) => next.theme = t,
            Action::SetLang(l) => next.lang = l,
            Action::Frame(f) => next.frame = f,
            Action::RunErrors(e) => {
                next.run_errors = e;
                next.frame = None;
            }
            Action::Select(g) => {
                next.selected = g;
                next.selected_cell = None;
                next.marked_lines.clear();
            }
            Action::MarkLines(lines) => {
                next.marked_lines = lines;
                next.selected = None;
                next.selected_cell = None;
            }
            Action::Popover(p) => next.popover = p,
            Action::OpenLesson(l, i) => crate::lessons::nav::go(&mut next, l, i),
            Action::LessonRun(r) => crate::lessons::nav::switch_run(&mut next, r),
            Action::CloseLesson => {
                next.lesson = None;
                next.marked_lines.clear();
            }
            Action::LoadScenario(s) => next.apply_scenario(*s),
            Action::LinkError(e) => next.link_error = e,
            Action::SelectCell(c) => {
                next.selected_cell = c;
                next.selected = None;
            }
            Action::CellLines(lines) => next.marked_lines = lines,
            Action::LoadSchedule {
                schedule,
                pause_at,
                finding,
            } => {
                let Ok(sc) = gosched_sim::explore::Schedule::decode(&schedule) else {
                    return self;
                };
                next.settings.adopt(&sc);
                next.restart();
                next.schedule = Some(schedule);
                next.seek_on_load = pause_at;
                next.finding = finding;
            }
            Action::ForgetSchedule => {
                if self.schedule.is_some() {
                    next.schedule = None;
                    next.restart();
                }
            }
            Action::OpenCompare(v) => next.compare = Some(v.clamped()),
            Action::CloseCompare => next.compare = None,
        }
        // An explanation belongs to the schedule it explains.
        if next.schedule.is_none() {
            next.finding = None;
        }
        if next == *self {
            return self;
        }
        Rc::new(next)
    }
}

/// The span of a diagnostic's line in `src` (for tests and the editor).
pub fn line_span(src: &str, line: u32) -> Option<Span> {
    let index = LineIndex::new(src);
    if line == 0 || line > index.line_count() {
        return None;
    }
    let lo = index.line_start(line);
    let hi = src[lo as usize..]
        .find('\n')
        .map_or(src.len() as u32, |i| lo + i as u32);
    Some(Span::new(lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Rc<Playground> {
        Rc::new(Playground::new(crate::DEFAULT_PROGRAM, Lang::En))
    }

    #[test]
    fn default_program_has_no_diagnostics() {
        assert_eq!(page().diagnostics, Vec::new());
        assert!(page().runnable());
    }

    #[test]
    fn missing_closing_brace_is_reported_at_end_of_file_like_go() {
        let p = page().reduce(Action::Edit("package main\n\nfunc main() {\n".into()));
        assert_eq!(p.diagnostics.len(), 1, "{:?}", p.diagnostics);
        assert_eq!((p.diagnostics[0].line, p.diagnostics[0].col), (4, 1));
        assert!(p.diagnostics[0]
            .text
            .starts_with("main.go:4:1: syntax error: unexpected EOF"));
        assert!(!p.runnable());
    }

    #[test]
    fn editing_or_changing_settings_restarts_the_run_but_speed_does_not() {
        let p = page();
        let same = p.clone().reduce(Action::Edit(p.src.clone()));
        assert!(Rc::ptr_eq(&p, &same));
        let g0 = p.generation;
        let p = p.reduce(Action::SetProcs(99));
        assert_eq!(p.settings.procs, MAX_PROCS);
        assert_eq!(p.generation, g0 + 1);
        let p = p.reduce(Action::SetRace(false));
        assert_eq!(p.generation, g0 + 2);
        let p = p.reduce(Action::SetSpeed(100));
        assert_eq!(p.speed, SPEEDS.len() - 1);
        assert_eq!(p.rate(), None);
        assert_eq!(p.generation, g0 + 2);
        let p = p.reduce(Action::Reset);
        assert_eq!(p.generation, g0 + 3);
    }

    #[test]
    fn selecting_a_goroutine_clears_marked_lines_and_back() {
        let p = page().reduce(Action::MarkLines(vec![3, 7]));
        assert_eq!(p.marked_lines, [3, 7]);
        let p = p.reduce(Action::Select(Some(6)));
        assert!(p.marked_lines.is_empty());
        assert_eq!(p.selected, Some(6));
    }

    #[test]
    fn a_loaded_schedule_sets_the_settings_and_any_change_forgets_it() {
        use gosched_sim::explore::Schedule;
        let sc = Schedule {
            seed: 77,
            procs: 2,
            ..Schedule::plain(&gosched_sim::Config::default())
        };
        let p = page().reduce(Action::LoadSchedule {
            schedule: sc.encode(),
            pause_at: Some(40),
            finding: None,
        });
        assert_eq!(p.schedule.as_deref(), Some(sc.encode().as_str()));
        assert_eq!(
            (p.settings.seed, p.settings.procs, p.seek_on_load),
            (77, 2, Some(40))
        );
        let g = p.generation;
        let bad = p.clone().reduce(Action::LoadSchedule {
            schedule: "not a schedule!".into(),
            pause_at: None,
            finding: None,
        });
        assert!(Rc::ptr_eq(&p, &bad));
        let p = p.reduce(Action::SetSpeed(2));
        assert!(p.schedule.is_some(), "speed does not change the run");
        let p = p.reduce(Action::SetSeed(5));
        assert_eq!(
            (p.schedule.clone(), p.seek_on_load, p.generation),
            (None, None, g + 1)
        );
    }

    #[test]
    fn a_policy_switched_off_restarts_travels_in_links_and_comes_back_from_schedules() {
        use gosched_sim::explore::Schedule;
        let off = Fidelity {
            runnext: false,
            ..Fidelity::GO
        };
        let p = page();
        let g = p.generation;
        let p = p.reduce(Action::SetFidelity(off));
        assert_eq!((p.settings.fidelity, p.generation), (off, g + 1));
        assert_eq!(crate::driver::config(&p.settings).fidelity, off);
        // The link says so, and opening it switches the policy off again.
        let link = p.scenario(None);
        assert!(!link.runnext && link.fairness);
        assert!(link.to_text().contains("runnext=0\n"));
        let opened = page().reduce(Action::LoadScenario(Box::new(link)));
        assert_eq!(opened.settings.fidelity, off);
        // A link that does not say opens Go's policies, and Go's links do not say.
        let back = opened.reduce(Action::LoadScenario(Box::new(page().scenario(None))));
        assert!(back.settings.fidelity.is_go());
        assert!(!page().scenario(None).to_text().contains("runnext"));
        // A found schedule carries its policies.
        let cfg = crate::driver::config(&Settings {
            fidelity: Fidelity {
                global_fairness: false,
                ..Fidelity::GO
            },
            ..Settings::default()
        });
        let p = page().reduce(Action::LoadSchedule {
            schedule: Schedule::plain(&cfg).encode(),
            pause_at: None,
            finding: None,
        });
        assert!(!p.settings.fidelity.global_fairness && p.settings.fidelity.runnext);
        // A link's schedule replays under its own settings, whatever its fields say.
        let link = Scenario {
            schedule: Some(Schedule::plain(&cfg).encode()),
            ..page().scenario(None)
        };
        assert!(link.fairness, "the link's field says Go");
        let opened = page().reduce(Action::LoadScenario(Box::new(link)));
        assert!(!opened.settings.fidelity.global_fairness);
    }

    #[test]
    fn the_compare_view_opens_with_clamped_settings_and_closes() {
        let p = page().reduce(Action::OpenCompare(Vary::Procs(1, 40)));
        assert_eq!(p.compare, Some(Vary::Procs(1, MAX_PROCS)));
        let g = p.generation;
        let p = p.reduce(Action::CloseCompare);
        assert_eq!(p.compare, None);
        assert_eq!(p.generation, g, "the main run is kept");
    }

    #[test]
    fn a_scenario_opens_its_split_view_and_closes_one_left_open() {
        let vary = Vary::Seed(1, 7);
        let s = Scenario {
            program: "package main\nfunc main() {}\n".into(),
            compare: Some(vary),
            ..Scenario::default()
        };
        let p = page().reduce(Action::LoadScenario(Box::new(s.clone())));
        assert_eq!(p.compare, Some(vary));
        assert_eq!(p.scenario(None).compare, Some(vary), "and shares it again");
        assert_eq!(p.draft().compare, None, "a draft is the work, not the view");
        let p = p.reduce(Action::LoadScenario(Box::new(Scenario {
            compare: None,
            ..s
        })));
        assert_eq!(p.compare, None);
    }

    #[test]
    fn theme_toggle_cycles() {
        assert_eq!(Theme::Auto.next().next().next(), Theme::Auto);
        for t in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::from_attr(t.attr()), t);
        }
    }

    #[test]
    fn line_spans() {
        assert_eq!(line_span("ab\ncd\n", 2), Some(Span::new(3, 5)));
        assert_eq!(line_span("ab", 3), None);
    }
}
