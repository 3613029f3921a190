//! The simulation driver: owns the running [`Session`] and does the work the page asks for
//! (play at a speed, step one event, step back, seek) in slices that fit a time budget, so
//! the browser stays responsive however long the program runs. It knows neither Yew nor
//! the browser: the caller passes a clock (`performance.now()` in the page, a fake one in
//! tests) and gets a [`Frame`] to draw.
//!
//! Slices adapt their size: a slice that took under half a millisecond doubles the number
//! of steps of the next one, one that took over one and a half halves it; a frame runs
//! slices while the time left is more than the last slice took. Seeking backwards restores
//! a snapshot and replays; long replays are spread over frames as well
//! ([`Session::seek_toward`]).

use std::rc::Rc;
use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_lang::LineIndex;
use gosched_sim::explore::Schedule;
use gosched_sim::ids::{Nanos, Step};
use gosched_sim::session::SnapshotBudget;
use gosched_sim::view::RaceView;
use gosched_sim::{Config, Limits, Session, TraceLevel};

use crate::frame::{Frame, LogEntry, Status};
use crate::lessons::data::Moment;
use crate::narrate::{self, Names};
use crate::state::{Settings, FILE_NAME};
use crate::timeline::{Picture, Timeline};

/// Goroutines listed in detail per frame; beyond this the view lists queue heads only
/// (the page draws a few tokens per queue and shows counts beyond them anyway). Listing
/// a goroutine costs two strings and a line lookup, every frame.
pub const VIEW_LIMIT: usize = 300;
/// Events in the log panel.
pub const LOG_LINES: usize = 30;
/// Most events examined (backwards from now) to fill the log, so memory-access-heavy
/// runs cannot make building a frame slow.
const LOG_SCAN: usize = 20_000;
/// Columns of the timeline picture (over a span of up to twice the run's length, see
/// [`Timeline::picture`]).
pub const TIMELINE_COLUMNS: u32 = 384;
/// While playing, the event log is rebuilt at most this often (milliseconds).
const LOG_REFRESH_MS: f64 = 200.0;
/// While playing, the timeline picture is redrawn at most this often (milliseconds); the
/// playhead still moves every frame.
const TIMELINE_REFRESH_MS: f64 = 100.0;
/// Snapshots stay small enough to copy within a frame (1 MiB, a few thousand goroutines:
/// a few milliseconds), are taken no more often than copying them costs compared with
/// running (32 bytes per step: a 1 MiB machine at most every 32,768 steps), and are
/// together bounded. Bigger machines are not snapshotted: seeking back then replays from
/// an earlier snapshot, over several frames.
pub(crate) const SNAPSHOTS: SnapshotBudget = SnapshotBudget {
    per_snapshot: 1 << 20,
    total: 64 << 20,
    bytes_per_step: 32,
};
/// Slices start at this many steps, and stay within these bounds. The upper bound keeps
/// one slice short even when steps suddenly get dearer: a lone P runs long bursts at a
/// few nanoseconds a step, while several Ps interleaving instruction by instruction cost
/// up to a hundred times more per step (measured: 8,192 steps take 0.1 to 3 ms in
/// Chromium).
pub(crate) const CHUNK_START: u64 = 1_024;
pub(crate) const CHUNK_MIN: u64 = 64;
pub(crate) const CHUNK_MAX: u64 = 1 << 13;

/// What the frames are working toward.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Goal {
    Idle,
    /// Play: `rate` events per second (`None`: as fast as possible); `credit`
    /// counts events due but not yet taken.
    Play {
        rate: Option<f64>,
        credit: f64,
    },
    /// Move to the next event, then stop.
    Step,
    /// Move to this step, then stop.
    Seek(Step),
    /// Run until the first event of this kind, then stop on it (a lesson's step).
    SeekFirst(Moment),
}

/// Progress of "move to the next event", kept across slices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Stepper {
    /// The step of the next event, once known.
    target: Option<Step>,
    /// Steps to run before looking for new events again (doubles while none appear).
    probe: u64,
}

/// A loaded program and its run.
struct Run {
    prog: Arc<Program>,
    session: Session,
    race: bool,
    timeline: Timeline,
    picture: Rc<Picture>,
    picture_key: (usize, Nanos),
    /// When (by the caller's clock) the picture was drawn.
    picture_at: f64,
    /// The latest simulated time seen at the end of the recorded run. Kept as a
    /// maximum: `Machine::now` is the slowest running P's clock, which can step back
    /// when a P that was behind starts running, and a timeline that grew and shrank
    /// would redraw every bar.
    end_time: Nanos,
    console: Rc<Vec<(bool, String)>>,
    console_key: (usize, usize),
    races: Rc<Vec<RaceView>>,
    log: Rc<Vec<LogEntry>>,
    /// When (by the caller's clock) and at which step the log was built.
    log_at: (f64, Step),
}

/// Drives one run at a time; see the module docs.
pub struct Driver {
    run: Option<Run>,
    goal: Goal,
    stepper: Stepper,
    chunk: u64,
    /// Something changed since the last frame was built.
    changed: bool,
    /// The user has started the run (so a stop is "paused", not "ready").
    started: bool,
    /// A step limit for the next load lower than the default (a lesson's run that is
    /// meant to hang reaches it quickly).
    max_steps: Option<u64>,
    /// Events already searched by [`Goal::SeekFirst`].
    scanned: usize,
}

impl Default for Driver {
    fn default() -> Driver {
        Driver {
            run: None,
            goal: Goal::Idle,
            stepper: Stepper::default(),
            chunk: CHUNK_START,
            changed: false,
            started: false,
            max_steps: None,
            scanned: 0,
        }
    }
}

/// The simulator configuration for the page's settings.
pub fn config(settings: &Settings) -> Config {
    Config {
        procs: settings.procs,
        preempt: settings.preempt,
        seed: settings.seed,
        race: settings.race,
        fidelity: settings.fidelity,
        trace: TraceLevel::Full,
        limits: page_limits(),
        ..Config::default()
    }
}

/// The page's resource limits: the simulator's defaults, except where a run in a tab
/// (32-bit wasm, at most 4 GiB, one main thread) needs less. README.md's limits table
/// lists them, and a test keeps it in step (crates/web/tests/limits_table.rs).
pub fn page_limits() -> Limits {
    Limits {
        max_events: 2_000_000,
        // A runaway `for { go f() }` ends here in a second or two, instead of growing for
        // minutes toward the CLI's 10 million (5 GB natively, beyond a tab's 4 GiB). The
        // bound is the main thread's: a garbage collection marks from every live goroutine
        // in one step, 8-16 ms natively with 100,000 of them and over 100 ms with a
        // million, and no task may take 50 ms. 150,000 leaves room for the 100,000 the
        // performance test runs; the CLI (natively) keeps 10 million.
        max_goroutines: 150_000,
        // Endless recursion grows one goroutine's registers by doubling, and each copy is
        // one uninterruptible step: with Go's 1 GB (2 GB of simulator registers) the last
        // copies block the tab for about a second, with 64 MiB still for 50 ms natively.
        // 16 MiB ends `func f() { f() }` in about 0.1 s natively with no step over 16 ms,
        // holds hundreds of thousands of frames of a small function, and is what
        // `debug.SetMaxStack(16 << 20)` would set in Go.
        max_stack: 16 << 20,
        ..Limits::default()
    }
}

impl Driver {
    /// Compiles `src` and loads it at step 0, paused. On errors, returns them rendered as
    /// `go build` prints them, and unloads.
    pub fn load(&mut self, src: &str, settings: &Settings) -> Result<(), Vec<String>> {
        self.load_scheduled(src, settings, None)
    }

    /// Like [`Driver::load`], but the run follows `schedule` when there is one (an
    /// explored or hand-made schedule: [`Session::with_schedule`]; its settings replace
    /// `settings`' seed, GOMAXPROCS, preemption mode and race detector).
    pub fn load_scheduled(
        &mut self,
        src: &str,
        settings: &Settings,
        schedule: Option<&Schedule>,
    ) -> Result<(), Vec<String>> {
        self.run = None;
        self.goal = Goal::Idle;
        self.stepper = Stepper::default();
        self.started = false;
        self.changed = true;
        let prog = match gosched_lang::compile::compile(src) {
            Ok(p) => Arc::new(p),
            Err(diags) => {
                let index = LineIndex::new(src);
                return Err(diags.iter().map(|d| d.render(FILE_NAME, &index)).collect());
            }
        };
        let mut cfg = config(settings);
        if let Some(n) = self.max_steps {
            cfg.limits.max_steps = n.min(cfg.limits.max_steps);
        }
        let (mut session, race) = match schedule {
            Some(sc) => (Session::with_schedule(prog.clone(), cfg, sc), sc.race),
            None => (Session::new(prog.clone(), cfg), settings.race),
        };
        session.set_snapshot_budget(SNAPSHOTS);
        let mut timeline = Timeline::default();
        timeline.feed(session.events());
        self.run = Some(Run {
            prog,
            session,
            race,
            timeline,
            picture: Rc::new(Picture::default()),
            picture_key: (usize::MAX, 0),
            picture_at: f64::NEG_INFINITY,
            end_time: 0,
            console: Rc::new(Vec::new()),
            console_key: (0, 0),
            races: Rc::new(Vec::new()),
            log: Rc::new(Vec::new()),
            log_at: (f64::NEG_INFINITY, Step::MAX),
        });
        Ok(())
    }

    /// Sets the step limit of the runs loaded from now on (`None`: the default).
    pub fn set_max_steps(&mut self, max_steps: Option<u64>) {
        self.max_steps = max_steps;
    }

    /// Moves to the first event of kind `m` (running as far as needed), and pauses; at
    /// the end of a run that has none, stays at the end.
    pub fn seek_first(&mut self, m: Moment) {
        if self.run.is_none() {
            return;
        }
        self.started = true;
        self.goal = Goal::SeekFirst(m);
        self.scanned = 0;
        self.stepper = Stepper::default();
        self.changed = true;
    }

    /// Runs as fast as possible to the end of the run (or its step limit); does
    /// nothing at the end of a finished run.
    pub fn run_to_end(&mut self) {
        let Some(run) = &self.run else { return };
        if run.session.finished() && run.session.step() == run.session.furthest() {
            return;
        }
        self.play(None);
    }

    /// Forgets the loaded program (the editor holds errors).
    pub fn unload(&mut self) {
        self.run = None;
        self.goal = Goal::Idle;
        self.changed = true;
    }

    /// Whether a program is loaded.
    pub fn loaded(&self) -> bool {
        self.run.is_some()
    }

    /// The loaded run's machine at the shown step (for views the frame does not carry,
    /// such as the wait-for graph).
    pub fn machine(&self) -> Option<&gosched_sim::Machine> {
        self.run.as_ref().map(|r| r.session.machine())
    }

    /// The loaded program, every event recorded so far, and how many of them happened up
    /// to the step shown (the trace download exports those: `crate::export`).
    pub fn recorded(&self) -> Option<(&Arc<Program>, &[gosched_sim::trace::Event], usize)> {
        self.run
            .as_ref()
            .map(|r| (&r.prog, r.session.events(), r.session.events_now().len()))
    }

    /// Plays at `rate` events per second (`None`: as fast as possible). From the end of
    /// a finished run, starts over.
    pub fn play(&mut self, rate: Option<f64>) {
        let Some(run) = &mut self.run else { return };
        if run.session.finished() {
            run.session.seek(0);
        }
        self.started = true;
        self.goal = Goal::Play { rate, credit: 1.0 };
        self.stepper = Stepper::default();
        self.changed = true;
    }

    /// Changes the speed of a run that is playing.
    pub fn set_rate(&mut self, rate: Option<f64>) {
        if let Goal::Play { credit, .. } = self.goal {
            self.goal = Goal::Play {
                rate,
                credit: credit.min(1.0),
            };
        }
    }

    pub fn pause(&mut self) {
        if matches!(self.goal, Goal::Play { .. }) {
            self.goal = Goal::Idle;
            self.stepper = Stepper::default();
            self.changed = true;
        }
    }

    pub fn playing(&self) -> bool {
        matches!(self.goal, Goal::Play { .. })
    }

    /// Whether it plays as fast as possible.
    pub fn playing_flat_out(&self) -> bool {
        matches!(self.goal, Goal::Play { rate: None, .. })
    }

    /// Moves to the next event (and pauses).
    pub fn step(&mut self) {
        if self.run.is_none() {
            return;
        }
        self.started = true;
        self.goal = Goal::Step;
        self.stepper = Stepper::default();
        self.changed = true;
    }

    /// Moves back to the previous event (and pauses).
    pub fn step_back(&mut self) {
        let Some(run) = &self.run else { return };
        let cur = match self.goal {
            Goal::Seek(t) => t,
            _ => run.session.step(),
        };
        let evs = run.session.events();
        let i = evs.partition_point(|e| e.step < cur);
        let prev = i
            .checked_sub(1)
            .and_then(|i| evs.get(i))
            .map_or(0, |e| e.step);
        self.seek(prev);
    }

    /// Moves to `step` (and pauses).
    pub fn seek(&mut self, step: Step) {
        if self.run.is_none() {
            return;
        }
        self.started = true;
        self.goal = Goal::Seek(step);
        self.stepper = Stepper::default();
        self.changed = true;
    }

    /// Moves to the first event at or after simulated time `t` (and pauses).
    pub fn seek_time(&mut self, t: Nanos) {
        let Some(run) = &self.run else { return };
        let evs = run.session.events();
        let i = evs.partition_point(|e| e.time < t);
        let step = evs
            .get(i)
            .or(evs.last())
            .map_or(0, |e| e.step)
            .min(run.session.furthest());
        self.seek(step);
    }

    /// Whether there is work for more frames.
    pub fn busy(&self) -> bool {
        self.goal != Goal::Idle
    }

    /// Takes (and clears) the "something changed, build a frame" flag.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// Works for about `budget_ms` by `clock` (milliseconds), `dt_ms` after the last
    /// call (for playing at a given speed).
    pub fn work(&mut self, clock: &dyn Fn() -> f64, budget_ms: f64, dt_ms: f64) {
        let Some(run) = &mut self.run else {
            self.goal = Goal::Idle;
            return;
        };
        let start = clock();
        let deadline = start + budget_ms;
        if let Goal::Play {
            rate: Some(r),
            credit,
        } = &mut self.goal
        {
            // At most a tenth of a second of events can be owed (after a stall).
            *credit = (*credit + *r * dt_ms / 1000.0).min((*r / 10.0).max(1.0));
        }
        let before = run.session.step();
        let mut first = true;
        let mut last = 0.0;
        loop {
            let t0 = clock();
            // Stop when another slice like the last one would overrun the budget.
            if !first && t0 + last > deadline {
                break;
            }
            first = false;
            let done = match self.goal {
                Goal::Idle => true,
                Goal::Seek(target) => {
                    let arrived = run.session.seek_toward(target, self.chunk);
                    if arrived {
                        self.goal = Goal::Idle;
                    }
                    arrived
                }
                Goal::SeekFirst(m) => {
                    // Search what is recorded, then record more: replay up to the
                    // furthest step, then run on.
                    let evs = run.session.events();
                    let found = evs
                        .get(self.scanned..)
                        .unwrap_or_default()
                        .iter()
                        .find(|e| crate::lessons::moment::matches(m, &e.kind))
                        .map(|e| e.step);
                    self.scanned = evs.len();
                    if let Some(step) = found {
                        self.goal = Goal::Seek(step);
                        false
                    } else if run.session.step() < run.session.furthest() {
                        let furthest = run.session.furthest();
                        run.session.seek_toward(furthest, self.chunk);
                        false
                    } else if run.session.finished() {
                        self.goal = Goal::Idle;
                        true
                    } else {
                        run.session.run(self.chunk);
                        false
                    }
                }
                Goal::Step => match step_slice(&mut run.session, &mut self.stepper, self.chunk) {
                    Some(_) => {
                        self.goal = Goal::Idle;
                        self.stepper = Stepper::default();
                        true
                    }
                    None => false,
                },
                Goal::Play { rate: None, .. } => {
                    if run.session.run(self.chunk) {
                        self.goal = Goal::Idle;
                        true
                    } else {
                        false
                    }
                }
                Goal::Play {
                    rate: Some(r),
                    credit,
                } => {
                    if credit < 1.0 {
                        true
                    } else {
                        match step_slice(&mut run.session, &mut self.stepper, self.chunk) {
                            Some(true) => {
                                self.stepper = Stepper::default();
                                self.goal = Goal::Play {
                                    rate: Some(r),
                                    credit: credit - 1.0,
                                };
                                false
                            }
                            Some(false) => {
                                self.goal = Goal::Idle;
                                true
                            }
                            None => false,
                        }
                    }
                }
            };
            let took = clock() - t0;
            last = took;
            if took < 0.5 {
                self.chunk = (self.chunk * 2).min(CHUNK_MAX);
            } else if took > 1.5 {
                self.chunk = (self.chunk / 2).max(CHUNK_MIN);
            }
            if done {
                break;
            }
        }
        if run.session.finished() && matches!(self.goal, Goal::Play { .. }) {
            self.goal = Goal::Idle;
        }
        // On the way to a seek's or a step's destination there is nothing worth
        // drawing (the slider already shows where it goes): only playing draws as it
        // goes, and everything draws on arrival.
        let moving = matches!(self.goal, Goal::Seek(_) | Goal::Step | Goal::SeekFirst(_));
        if (run.session.step() != before && !moving) || self.goal == Goal::Idle {
            self.changed = true;
        }
    }

    /// The current steps-per-slice (for tests and measurements).
    pub fn chunk(&self) -> u64 {
        self.chunk
    }

    /// What to draw now (`None` when nothing is loaded); `now_ms` is the caller's clock.
    pub fn frame(&mut self, now_ms: f64) -> Option<Frame> {
        let goal = self.goal;
        let started = self.started;
        let run = self.run.as_mut()?;
        let s = &run.session;
        let machine = s.machine();
        let view = machine.view_limited(VIEW_LIMIT);

        // Console and race reports only change when their lengths do.
        let console = machine.console();
        let key = (console.len(), console.last().map_or(0, |c| c.1.len()));
        if key != run.console_key {
            run.console = Rc::new(console.to_vec());
            run.console_key = key;
        }
        if run.race {
            let races = machine.race_views();
            if races.len() != run.races.len() {
                run.races = Rc::new(races);
            }
        }

        // The timeline takes in newly recorded events; redraw when it or the end moved.
        let fed = run.timeline.fed();
        if fed < s.events().len() {
            run.timeline.feed(&s.events()[fed..]);
        }
        let latest = s
            .events()
            .last()
            .map_or(0, |e| e.time)
            .max(if s.step() == s.furthest() {
                view.time
            } else {
                0
            });
        run.end_time = run.end_time.max(latest);
        let end_time = run.end_time;
        let pkey = (run.timeline.fed(), end_time);
        let playing = matches!(goal, Goal::Play { .. });
        if pkey != run.picture_key && (!playing || now_ms - run.picture_at >= TIMELINE_REFRESH_MS) {
            run.picture = Rc::new(run.timeline.picture(TIMELINE_COLUMNS, end_time));
            run.picture_key = pkey;
            run.picture_at = now_ms;
        }

        let names = Names {
            prog: &run.prog,
            view: &view,
            runnext: s.machine().config().fidelity.runnext,
        };
        let now = s.events_now();
        let cur = s.step();
        let stale = run.log_at.1 != cur;
        if stale && (!playing || now_ms - run.log_at.0 >= LOG_REFRESH_MS) {
            let mut log = Vec::new();
            for ev in now.iter().rev().take(LOG_SCAN) {
                if log.len() >= LOG_LINES {
                    break;
                }
                if narrate::logged(&ev.kind) {
                    log.push(LogEntry {
                        step: ev.step,
                        time: ev.time,
                        phrase: narrate::describe(ev, &names, &run.races),
                        gs: narrate::goroutines(&ev.kind),
                        kind: narrate::kind_class(&ev.kind),
                    });
                }
            }
            run.log = Rc::new(log);
            run.log_at = (now_ms, cur);
        }
        let narration = now
            .iter()
            .rev()
            .take_while(|e| e.step == cur && cur > 0)
            .take(4)
            .map(|e| narrate::describe(e, &names, &run.races))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();

        let status = match goal {
            Goal::Play { .. } => Status::Playing,
            _ if s.finished() => Status::Finished(machine.outcome().map_or(0, |o| o.exit_code)),
            Goal::Seek(_) | Goal::Step | Goal::SeekFirst(_) => Status::Seeking,
            Goal::Idle if started || cur > 0 => Status::Paused,
            Goal::Idle => Status::Ready,
        };
        Some(Frame {
            step: cur,
            furthest: s.furthest(),
            target: match goal {
                Goal::Seek(t) => Some(t),
                _ => None,
            },
            end_time,
            status,
            console: run.console.clone(),
            races: run.races.clone(),
            race_enabled: run.race,
            fidelity: machine.config().fidelity,
            log: run.log.clone(),
            narration,
            timeline: run.picture.clone(),
            view,
        })
    }
}

/// One slice of "move to the next event", at most about `max_steps` steps. Returns
/// `Some(true)` when there, `Some(false)` when the run ended without another event,
/// `None` when more slices are needed.
fn step_slice(s: &mut Session, st: &mut Stepper, max_steps: u64) -> Option<bool> {
    if st.target.is_none() {
        let cur = s.step();
        let evs = s.events();
        let i = evs.partition_point(|e| e.step <= cur);
        if let Some(e) = evs.get(i) {
            st.target = Some(e.step);
        } else if s.finished() {
            return Some(false);
        } else {
            // The future is not recorded yet: run ahead, a little more each time,
            // until an event appears; then go back to it if we ran past.
            let before = evs.len();
            let k = st.probe.clamp(1, max_steps.max(1));
            let ended = s.run(k);
            st.probe = (st.probe.max(1) * 2).min(1 << 16);
            match s.events().get(before).map(|e| e.step) {
                Some(first) if first == s.step() => return Some(true),
                Some(first) => st.target = Some(first),
                None if ended => return Some(false),
                None => return None,
            }
        }
    }
    let target = st.target?;
    s.seek_toward(target, max_steps).then_some(true)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    use super::*;

    /// A clock that advances by `tick` milliseconds each time it is read (the driver's
    /// and the compare view's tests).
    pub(crate) fn fake_clock(tick: f64) -> impl Fn() -> f64 {
        let t = Cell::new(0.0);
        move || {
            t.set(t.get() + tick);
            t.get()
        }
    }

    fn loaded(src: &str, settings: Settings) -> Driver {
        let mut d = Driver::default();
        d.load(src, &settings).expect("compiles");
        d
    }

    fn settings() -> Settings {
        Settings::default()
    }

    #[test]
    fn a_syntax_error_is_reported_like_go_build() {
        let mut d = Driver::default();
        let err = d
            .load("package main\n\nfunc main() {\n", &settings())
            .unwrap_err();
        assert!(err[0].starts_with("main.go:4:1: syntax error"), "{err:?}");
        assert!(!d.loaded());
    }

    #[test]
    fn playing_as_fast_as_possible_reaches_the_end_in_slices() {
        let mut d = loaded(crate::DEFAULT_PROGRAM, settings());
        let f = d.frame(0.0).expect("a frame");
        assert_eq!(f.status, Status::Ready);
        assert_eq!(f.step, 0);
        d.play(None);
        let clock = fake_clock(0.25);
        let mut frames = 0;
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
            frames += 1;
            assert!(frames < 10_000);
        }
        let f = d.frame(0.0).expect("a frame");
        assert_eq!(f.status, Status::Finished(0));
        let out: String = f.console.iter().map(|(_, t)| t.as_str()).collect();
        assert!(out.ends_with("all workers done\n"), "{out}");
        assert!(!f.log.is_empty());
        assert!(!f.timeline.lanes.is_empty());
    }

    #[test]
    fn step_and_step_back_return_to_the_same_view() {
        let mut d = loaded(crate::DEFAULT_PROGRAM, settings());
        let clock = fake_clock(0.01);
        let mut views = vec![d.frame(0.0).expect("frame").view];
        for _ in 0..25 {
            d.step();
            while d.busy() {
                d.work(&clock, 8.0, 16.0);
            }
            let f = d.frame(0.0).expect("frame");
            assert_ne!(f.view.step, views.last().map_or(0, |v| v.step));
            assert!(!f.narration.is_empty(), "a step lands on an event");
            views.push(f.view);
        }
        for want in views.iter().rev().skip(1) {
            d.step_back();
            while d.busy() {
                d.work(&clock, 8.0, 16.0);
            }
            let f = d.frame(0.0).expect("frame");
            assert_eq!(&f.view, want, "at step {}", f.step);
        }
    }

    #[test]
    fn a_spinning_loop_never_blocks_a_slice_for_long() {
        // `for {}` records no events for millions of steps: stepping must still
        // come back after every slice.
        let src = "package main\n\nfunc main() {\n\tgo func() {\n\t\tfor {\n\t\t}\n\t}()\n\tfor {\n\t}\n}\n";
        let mut d = loaded(
            src,
            Settings {
                procs: 1,
                ..settings()
            },
        );
        let clock = fake_clock(0.5);
        for _ in 0..3 {
            d.step();
            let mut slices = 0;
            while d.busy() {
                d.work(&clock, 4.0, 16.0);
                slices += 1;
                assert!(slices < 100_000);
            }
        }
        assert!(d.chunk() >= CHUNK_MIN && d.chunk() <= CHUNK_MAX);
        let f = d.frame(0.0).expect("frame");
        assert!(f.step > 0);
    }

    #[test]
    fn playing_at_a_rate_takes_that_many_events() {
        let mut d = loaded(crate::DEFAULT_PROGRAM, settings());
        d.play(Some(10.0));
        let clock = fake_clock(0.001);
        // Half a second at 10 events/s: five events (plus the first, due at once).
        let mut steps = Vec::new();
        for _ in 0..30 {
            d.work(&clock, 8.0, 1000.0 / 60.0);
            steps.push(d.frame(0.0).expect("frame").step);
        }
        steps.dedup();
        assert!((5..=7).contains(&steps.len()), "{steps:?}");
    }

    #[test]
    fn a_loaded_schedule_replays_its_run_not_the_seeds() {
        use gosched_sim::explore::{self, ExploreConfig, Explorer, Goal, StrategyKind};
        let src = include_str!("../../../tests/programs/explore/lock_order.go");
        let one = Settings {
            procs: 1,
            ..settings()
        };
        let prog = Arc::new(gosched_lang::compile::compile(src).expect("compiles"));
        let xc = ExploreConfig::new(
            StrategyKind::from_key("bounded").expect("bounded"),
            Goal::Deadlock,
        );
        let mut ex = Explorer::new(prog, config(&one), xc);
        while ex.advance(1 << 16).status == explore::Status::Running {}
        let found = ex.found().expect("the deadlock").clone();
        let clock = fake_clock(0.1);
        let mut ends = Vec::new();
        for schedule in [None, Some(&found.schedule)] {
            let mut d = Driver::default();
            d.load_scheduled(src, &one, schedule).expect("compiles");
            d.play(None);
            while d.busy() {
                d.work(&clock, 8.0, 16.0);
            }
            ends.push(d.frame(0.0).expect("frame").status);
        }
        assert_eq!(ends, [Status::Finished(0), Status::Finished(2)]);
    }

    #[test]
    fn seeking_by_time_lands_on_an_event() {
        let mut d = loaded(crate::DEFAULT_PROGRAM, settings());
        d.play(None);
        let clock = fake_clock(0.1);
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
        }
        let end = d.frame(0.0).expect("frame").end_time;
        d.seek_time(end / 2);
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
        }
        let f = d.frame(0.0).expect("frame");
        assert_eq!(f.status, Status::Paused);
        assert!(
            f.view.time >= end / 2 && f.view.time < end,
            "{} of {end}",
            f.view.time
        );
    }

    /// A lesson's "seek to the first preemption request" lands on that event, paused,
    /// and the same seek from further on moves back to it.
    #[test]
    fn seek_first_lands_on_the_first_event_of_a_kind() {
        use crate::lessons::data::{program, Moment};
        let (_, p) = program("cpu-bound").expect("lesson program");
        let mut d = loaded(
            p.source,
            Settings {
                procs: 1,
                race: false,
                ..settings()
            },
        );
        let clock = fake_clock(0.05);
        d.seek_first(Moment::PreemptRequest);
        let mut frames = 0;
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
            frames += 1;
            assert!(frames < 100_000);
        }
        let f = d.frame(0.0).expect("frame");
        assert_eq!(f.status, Status::Paused);
        let first = f.step;
        assert!(first > 0);
        assert!(
            f.narration
                .iter()
                .any(|n| n.key == crate::i18n::Key::EvPreemptRequest),
            "{:?}",
            f.narration
        );
        d.run_to_end();
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
        }
        assert!(d.frame(0.0).expect("frame").step > first);
        d.seek_first(Moment::PreemptRequest);
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
        }
        assert_eq!(d.frame(0.0).expect("frame").step, first);
    }

    /// A lesson's step limit ends a hanging run early.
    #[test]
    fn a_step_limit_ends_a_spinning_run() {
        let mut d = Driver::default();
        d.set_max_steps(Some(200_000));
        let src = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
        d.load(src, &settings()).expect("compiles");
        d.run_to_end();
        let clock = fake_clock(0.05);
        let mut frames = 0;
        while d.busy() {
            d.work(&clock, 8.0, 16.0);
            frames += 1;
            assert!(frames < 100_000);
        }
        let f = d.frame(0.0).expect("frame");
        assert!(matches!(f.status, Status::Finished(_)), "{:?}", f.status);
        // The limit is checked between bursts, which are short.
        assert!((200_000..201_000).contains(&f.step), "{}", f.step);
    }
}
