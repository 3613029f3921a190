//! The two runs of the compare view together: they share each frame's time budget
//! (slices go to whichever run has had less time, so both progress together), one
//! playhead in simulated time, and one timeline scale (the longer run's length), and
//! [`Difference`] says how their outcomes differ.

use std::rc::Rc;

use gosched_sim::ids::Nanos;
use gosched_sim::view::View;

use super::run::{CompareRun, RunOutcome};
use super::{Side, Vary};
use crate::i18n::{dur, t, tf, Key, Lang};
use crate::state::Settings;
use crate::timeline::Picture;

/// One side as the view draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct SideFrame {
    pub view: View,
    /// Simulated time at this side's current step.
    pub now: Nanos,
    /// Simulated time at the end of what is computed.
    pub end: Nanos,
    pub picture: Rc<Picture>,
    pub outcome: Option<Rc<RunOutcome>>,
}

/// Both sides, and the shared playhead.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFrame {
    pub vary: Vary,
    pub left: SideFrame,
    pub right: SideFrame,
    /// The playhead the user set (`None`: at the end of both).
    pub head: Option<Nanos>,
    /// The shared scale: the longer run's end so far.
    pub end: Nanos,
    /// Either run is still being computed.
    pub computing: bool,
    /// The playhead is moving forward by itself.
    pub playing: bool,
}

/// The two runs; see the module docs.
pub struct Pair {
    vary: Vary,
    runs: [CompareRun; 2],
    head: Option<Nanos>,
    /// The playhead is moving forward by itself.
    playing: bool,
    /// Something changed since the last frame.
    changed: bool,
}

/// Playing moves the playhead across the longer run in this many milliseconds, whatever
/// its length: long enough to watch one P take turns while four run at once, short
/// enough to watch to the end.
pub const PLAY_MS: f64 = 8_000.0;

impl Pair {
    /// Compiles `src` for both sides: `base` with the setting `vary` names replaced.
    pub fn new(src: &str, base: &Settings, vary: Vary) -> Result<Pair, Vec<String>> {
        let left = CompareRun::new(src, &vary.settings(base, Side::Left))?;
        let right = CompareRun::new(src, &vary.settings(base, Side::Right))?;
        Ok(Pair {
            vary,
            runs: [left, right],
            head: None,
            playing: false,
            changed: true,
        })
    }

    pub fn run(&self, side: Side) -> &CompareRun {
        &self.runs[side as usize]
    }

    /// Whether there is work for more frames.
    pub fn busy(&self) -> bool {
        self.playing || self.runs.iter().any(CompareRun::busy)
    }

    /// Moves the playhead forward by itself (from the start, if it is at the end).
    /// Ignored while computing.
    pub fn play(&mut self) {
        if self.computing() {
            return;
        }
        if self.head.is_none_or(|h| h >= self.end()) {
            self.seek_time(0);
        }
        self.playing = true;
        self.changed = true;
    }

    pub fn pause(&mut self) {
        self.playing = false;
        self.changed = true;
    }

    /// While playing, moves the playhead by `dt_ms` of wall time ([`PLAY_MS`] for the
    /// whole), once both runs have caught up with it (a slow machine plays slower, and
    /// the two sides never drift apart). Returns whether it moved.
    fn advance(&mut self, dt_ms: f64) -> bool {
        if !self.playing || self.runs.iter().any(CompareRun::busy) {
            return false;
        }
        let end = self.end();
        let step = (end as f64 * dt_ms.clamp(0.0, 100.0) / PLAY_MS).max(1.0) as Nanos;
        let head = self.head.unwrap_or(0).saturating_add(step).min(end);
        for r in &mut self.runs {
            r.seek_time(head);
        }
        self.head = Some(head);
        if head >= end {
            self.playing = false;
        }
        self.changed = true;
        true
    }

    /// Whether either run is still being computed.
    pub fn computing(&self) -> bool {
        self.runs.iter().any(CompareRun::computing)
    }

    /// Takes (and clears) the "build a new frame" flag.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// Works for about `budget_ms` by `clock` (milliseconds): slices go to the busy run
    /// that has had less time so far in this call; it stops when another slice like the
    /// last one of that run would overrun the budget.
    /// `dt_ms` is the wall time since the last call (it moves a playing playhead).
    pub fn work(&mut self, clock: &dyn Fn() -> f64, budget_ms: f64, dt_ms: f64) {
        self.advance(dt_ms);
        let deadline = clock() + budget_ms;
        let mut spent = [0.0f64; 2];
        let mut last = [0.0f64; 2];
        let mut first = true;
        while let Some(i) = (0..2)
            .filter(|&i| self.runs[i].busy())
            .min_by(|&a, &b| spent[a].total_cmp(&spent[b]))
        {
            let t0 = clock();
            if !first && t0 + last[i] > deadline {
                break;
            }
            first = false;
            self.runs[i].slice();
            let took = clock() - t0;
            self.runs[i].took(took);
            spent[i] += took;
            last[i] = took;
            self.changed = true;
        }
    }

    /// Moves both playheads to simulated time `t` (a side that ended earlier stays at
    /// its end). Ignored while computing.
    pub fn seek_time(&mut self, t: Nanos) {
        if self.computing() {
            return;
        }
        self.head = Some(t);
        self.playing = false;
        for r in &mut self.runs {
            r.seek_time(t);
        }
        self.changed = true;
    }

    /// The shared scale: the longer run's end so far.
    pub fn end(&self) -> Nanos {
        self.runs[0].end_time().max(self.runs[1].end_time())
    }

    /// What to draw now.
    pub fn frame(&mut self) -> PairFrame {
        let end = self.end();
        let mut side = |i: usize| {
            let r = &mut self.runs[i];
            SideFrame {
                view: r.view(),
                now: r.now(),
                end: r.end_time(),
                picture: r.picture(end),
                outcome: r.outcome(),
            }
        };
        let (left, right) = (side(0), side(1));
        PairFrame {
            vary: self.vary,
            left,
            right,
            head: self.head,
            end,
            computing: self.computing(),
            playing: self.playing,
        }
    }
}

/// How the two finished runs differ, as sentences.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// One side finished sooner: `ratio` is the slower total over the faster one.
    Sooner {
        fast: Side,
        fast_total: Nanos,
        slow_total: Nanos,
        ratio: f64,
    },
    /// Both took the same simulated time.
    SameTime(Nanos),
}

impl Difference {
    pub fn of(left: &RunOutcome, right: &RunOutcome) -> Difference {
        let (l, r) = (left.total, right.total);
        if l == r {
            return Difference::SameTime(l);
        }
        let (fast, fast_total, slow_total) = if r < l {
            (Side::Right, r, l)
        } else {
            (Side::Left, l, r)
        };
        Difference::Sooner {
            fast,
            fast_total,
            slow_total,
            ratio: slow_total as f64 / fast_total.max(1) as f64,
        }
    }

    /// The headline: "GOMAXPROCS=4 finished in 12.06ms, 3.98× sooner than GOMAXPROCS=1
    /// (48ms)."
    pub fn sentence(&self, lang: Lang, vary: Vary) -> String {
        match *self {
            Difference::SameTime(total) => {
                tf(lang, Key::CompareSameTime, &[("t", &dur(lang, total))])
            }
            Difference::Sooner {
                fast,
                fast_total,
                slow_total,
                ratio,
            } => {
                let slow = if fast == Side::Left {
                    Side::Right
                } else {
                    Side::Left
                };
                let x = format!("{ratio:.2}");
                let x = if lang == Lang::PtBr {
                    x.replace('.', ",")
                } else {
                    x
                };
                tf(
                    lang,
                    Key::CompareSooner,
                    &[
                        ("fast", &vary.label(lang, fast)),
                        ("t", &dur(lang, fast_total)),
                        ("x", &x),
                        ("slow", &vary.label(lang, slow)),
                        ("t2", &dur(lang, slow_total)),
                    ],
                )
            }
        }
    }
}

/// Whether the two runs printed the same thing, in words.
pub fn outputs_sentence(lang: Lang, left: &RunOutcome, right: &RunOutcome) -> &'static str {
    let text = |o: &RunOutcome| o.console.iter().map(|c| c.1.as_str()).collect::<String>();
    t(
        lang,
        if text(left) == text(right) {
            Key::CompareSameOutput
        } else {
            Key::CompareOutputsDiffer
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::run::tests::SMALL;
    use crate::driver::tests::fake_clock;

    fn base() -> Settings {
        Settings {
            race: false,
            ..Settings::default()
        }
    }

    fn finish(p: &mut Pair) -> usize {
        let clock = fake_clock(0.2);
        let mut frames = 0;
        while p.busy() {
            p.work(&clock, 6.0, 16.0);
            frames += 1;
            assert!(frames < 100_000);
        }
        frames
    }

    #[test]
    fn both_runs_progress_together_within_the_budget() {
        let mut p = Pair::new(SMALL, &base(), Vary::Procs(1, 2)).expect("compiles");
        let clock = fake_clock(0.2);
        p.work(&clock, 6.0, 16.0);
        // Each slice reads the clock twice (0.4 ms): a 6 ms budget runs about 15 slices,
        // shared between the two runs, and never a slice past the deadline.
        let (a, b) = (p.run(Side::Left).step(), p.run(Side::Right).step());
        assert!(a > 0 && b > 0, "{a} {b}");
        assert!(p.take_changed());
        let frames = finish(&mut p);
        assert!(frames > 1, "computed over several frames");
        let f = p.frame();
        assert!(!f.computing);
        assert_eq!(f.end, f.left.end.max(f.right.end));
        assert_eq!(f.left.picture.end, f.right.picture.end, "one shared scale");
    }

    #[test]
    fn two_ps_finish_the_cpu_bound_work_about_twice_as_soon() {
        let mut p = Pair::new(SMALL, &base(), Vary::Procs(1, 2)).expect("compiles");
        finish(&mut p);
        let f = p.frame();
        let (l, r) = (
            f.left.outcome.clone().expect("left"),
            f.right.outcome.clone().expect("right"),
        );
        let d = Difference::of(&l, &r);
        match d {
            Difference::Sooner { fast, ratio, .. } => {
                assert_eq!(fast, Side::Right);
                assert!((1.7..2.1).contains(&ratio), "{ratio}");
            }
            other => panic!("{other:?}"),
        }
        let s = d.sentence(Lang::En, f.vary);
        assert!(s.starts_with("GOMAXPROCS=2 finished in "), "{s}");
        assert!(s.contains("sooner than GOMAXPROCS=1"), "{s}");
        assert!(d.sentence(Lang::PtBr, f.vary).contains("GOMAXPROCS=1"));
        assert_eq!(
            outputs_sentence(Lang::En, &l, &r),
            t(Lang::En, Key::CompareSameOutput)
        );
        assert_eq!(
            Difference::of(&l, &l),
            Difference::SameTime(l.total),
            "a run against itself"
        );
    }

    #[test]
    fn go_against_no_runnext_prints_the_goroutines_in_another_order() {
        let src = include_str!("../../../../tests/programs/sched/runnext_order.go");
        let one_p = Settings { procs: 1, ..base() };
        let vary = Vary::default_for(crate::compare::Dimension::Policies, &one_p);
        let mut p = Pair::new(src, &one_p, vary).expect("compiles");
        finish(&mut p);
        let f = p.frame();
        let text = |o: &RunOutcome| o.console.iter().map(|c| c.1.as_str()).collect::<String>();
        let (l, r) = (
            f.left.outcome.clone().expect("left"),
            f.right.outcome.clone().expect("right"),
        );
        assert_eq!(text(&l), "4\n0\n1\n2\n3\n", "Go's order on the left");
        assert_eq!(
            text(&r),
            "0\n1\n2\n3\n4\n",
            "creation order without runnext"
        );
        assert_eq!(
            outputs_sentence(Lang::En, &l, &r),
            t(Lang::En, Key::CompareOutputsDiffer)
        );
    }

    #[test]
    fn playing_moves_both_runs_together_to_the_end() {
        let mut p = Pair::new(SMALL, &base(), Vary::Procs(1, 2)).expect("compiles");
        finish(&mut p);
        p.play();
        let clock = fake_clock(0.05);
        let mut frames = 0;
        let mut last = 0;
        while p.busy() {
            // A frame every 16 ms of wall time.
            p.work(&clock, 6.0, 16.0);
            let f = p.frame();
            let head = f.head.expect("a playhead");
            assert!(head >= last, "the playhead only moves forward");
            last = head;
            if !p.runs.iter().any(CompareRun::busy) {
                for s in [&f.left, &f.right] {
                    // The machine's clock is the slowest running P's: the step of an
                    // event at `head` can read a little later.
                    let want = head.min(s.end);
                    assert!(s.now.abs_diff(want) < f.end / 20, "{} for {head}", s.now);
                }
            }
            frames += 1;
            assert!(frames < 100_000);
        }
        // PLAY_MS at 16 ms a frame, give or take the frames spent catching up.
        let expected = (PLAY_MS / 16.0) as usize;
        assert!(
            frames >= expected && frames < expected * 3,
            "{frames} frames"
        );
        let f = p.frame();
        assert!(!f.playing);
        assert_eq!(f.head, Some(f.end));
        p.play();
        assert_eq!(p.frame().head, Some(0), "playing again starts over");
        p.pause();
        assert!(!p.frame().playing);
    }

    #[test]
    fn one_playhead_moves_both_runs() {
        let mut p = Pair::new(SMALL, &base(), Vary::Procs(1, 2)).expect("compiles");
        p.seek_time(5);
        assert_eq!(p.frame().head, None, "no seeking while computing");
        finish(&mut p);
        let short = p.run(Side::Right).end_time();
        let t = short / 2;
        p.seek_time(t);
        finish(&mut p);
        let f = p.frame();
        assert_eq!(f.head, Some(t));
        for s in [&f.left, &f.right] {
            assert!(s.now.abs_diff(t) < f.end / 20, "{} for {t}", s.now);
        }
        // Past the shorter run's end, it stays at its end.
        p.seek_time(f.left.end);
        finish(&mut p);
        let f = p.frame();
        assert_eq!(f.right.now, f.right.end);
        assert_eq!(f.left.now, f.left.end);
    }
}
