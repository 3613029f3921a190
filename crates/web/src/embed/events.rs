//! Which events the embed posts to its host, decided from the frames the page draws: step (throttled), race, deadlock, panic, finished.
//!
//! [`Watcher::observe`] sees each new frame once and returns the events it
//! implies. Plain data in, plain data out: tested natively.

use crate::embed::protocol::Outbound;
use crate::frame::{Frame, Status};

/// The fewest milliseconds between two `step` events while playing: at most
/// ten a second, whatever the speed (flat out the playhead moves thousands of
/// steps a second, and a host wants to follow it, not drown in it). A paused,
/// stepped, sought or finished playhead is always reported at once, so the
/// last position is never lost.
pub const STEP_INTERVAL_MS: f64 = 100.0;

/// Go's deadlock message (runtime/proc.go, `checkdead`).
const DEADLOCK: &str = "fatal error: all goroutines are asleep - deadlock!";

/// What the watcher needs from a frame.
#[derive(Clone, Copy, Debug)]
pub struct Seen<'a> {
    pub step: u64,
    pub status: Status,
    /// `(variable, [line of this access, line of the earlier one])` per race found so far.
    pub races: &'a [(String, [u32; 2])],
    /// Program output: (stderr?, text).
    pub console: &'a [(bool, String)],
}

/// Remembers what the host was already told.
#[derive(Clone, Debug)]
pub struct Watcher {
    last_step: Option<u64>,
    last_step_at: f64,
    races_sent: usize,
    ended: bool,
}

impl Default for Watcher {
    fn default() -> Watcher {
        Watcher {
            last_step: None,
            // The first step is reported whatever the clock says.
            last_step_at: f64::NEG_INFINITY,
            races_sent: 0,
            ended: false,
        }
    }
}

impl Watcher {
    /// The events a new frame implies, `now_ms` being the page's clock.
    pub fn observe(&mut self, f: &Seen<'_>, now_ms: f64) -> Vec<Outbound> {
        let mut out = Vec::new();
        let playing = f.status == Status::Playing;
        if self.last_step != Some(f.step)
            && (!playing || now_ms - self.last_step_at >= STEP_INTERVAL_MS)
        {
            out.push(Outbound::Step { step: f.step });
            self.last_step = Some(f.step);
            self.last_step_at = now_ms;
        }
        // A new run (or a playhead moved back) lists fewer races: start counting again.
        self.races_sent = self.races_sent.min(f.races.len());
        for (variable, lines) in &f.races[self.races_sent..] {
            out.push(Outbound::Race {
                variable: variable.clone(),
                lines: lines.to_vec(),
            });
        }
        self.races_sent = f.races.len();
        match f.status {
            Status::Finished(code) if !self.ended => {
                self.ended = true;
                let stderr: String = f
                    .console
                    .iter()
                    .filter(|(err, _)| *err)
                    .map(|(_, t)| t.as_str())
                    .collect();
                if stderr.contains(DEADLOCK) {
                    out.push(Outbound::Deadlock);
                }
                if let Some(line) = stderr.lines().find(|l| l.starts_with("panic: ")) {
                    out.push(Outbound::Panic {
                        message: line.chars().take(1000).collect(),
                    });
                }
                out.push(Outbound::Finished { exit_code: code });
            }
            Status::Finished(_) => {}
            _ => self.ended = false,
        }
        out
    }

    /// [`Self::observe`] for a page frame.
    pub fn observe_frame(&mut self, f: &Frame, now_ms: f64) -> Vec<Outbound> {
        let races: Vec<(String, [u32; 2])> = f
            .races
            .iter()
            .map(|r| (r.name.clone(), [r.current.line, r.previous.line]))
            .collect();
        self.observe(
            &Seen {
                step: f.step,
                status: f.status,
                races: &races,
                console: &f.console,
            },
            now_ms,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(step: u64, status: Status) -> Seen<'static> {
        Seen {
            step,
            status,
            races: &[],
            console: &[],
        }
    }

    fn types(evs: &[Outbound]) -> Vec<String> {
        evs.iter()
            .map(|e| {
                let v: serde_json::Value = serde_json::from_str(&e.to_json()).expect("valid JSON");
                v["type"].as_str().unwrap_or("?").to_string()
            })
            .collect()
    }

    #[test]
    fn steps_are_throttled_while_playing_and_never_lost() {
        let mut w = Watcher::default();
        let mut sent = 0;
        // Sixty frames a second for two seconds, 40 steps a frame.
        for i in 0..120u64 {
            let evs = w.observe(&seen(i * 40, Status::Playing), i as f64 * 1000.0 / 60.0);
            sent += evs.len();
        }
        assert!((19..=21).contains(&sent), "{sent} step events in 2 s");
        // Pausing reports the last step at once.
        let evs = w.observe(&seen(4800, Status::Paused), 2001.0);
        assert_eq!(evs, [Outbound::Step { step: 4800 }]);
        // The same step again says nothing.
        assert_eq!(w.observe(&seen(4800, Status::Paused), 2002.0), []);
        // Single steps are each reported.
        assert_eq!(w.observe(&seen(4801, Status::Paused), 2003.0).len(), 1);
        assert_eq!(w.observe(&seen(4802, Status::Paused), 2004.0).len(), 1);
    }

    #[test]
    fn a_deadlock_is_reported_once_then_finished() {
        let console = [
            (false, "waiting\n".to_string()),
            (true, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n".to_string()),
            (true, "exit status 2\n".to_string()),
        ];
        let mut w = Watcher::default();
        let f = Seen {
            step: 10,
            status: Status::Finished(2),
            races: &[],
            console: &console,
        };
        let evs = w.observe(&f, 0.0);
        assert_eq!(types(&evs), ["step", "deadlock", "finished"]);
        assert_eq!(evs[2], Outbound::Finished { exit_code: 2 });
        assert_eq!(w.observe(&f, 1.0), []);
        // Played again from the start: reported again at the end.
        w.observe(&seen(0, Status::Playing), 500.0);
        assert_eq!(
            types(&w.observe(&f, 1000.0)),
            ["step", "deadlock", "finished"]
        );
    }

    #[test]
    fn a_panic_carries_its_first_line() {
        let console = [(
            true,
            "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n".to_string(),
        )];
        let mut w = Watcher::default();
        let evs = w.observe(
            &Seen {
                step: 3,
                status: Status::Finished(2),
                races: &[],
                console: &console,
            },
            0.0,
        );
        assert_eq!(types(&evs), ["step", "panic", "finished"]);
        assert_eq!(
            evs[1],
            Outbound::Panic {
                message: "panic: boom".into()
            }
        );
        // A clean exit is only "finished".
        let mut w = Watcher::default();
        let evs = w.observe(&seen(3, Status::Finished(0)), 0.0);
        assert_eq!(types(&evs), ["step", "finished"]);
    }

    fn at(races: &[(String, [u32; 2])], step: u64) -> Seen<'_> {
        Seen {
            step,
            status: Status::Playing,
            races,
            console: &[],
        }
    }

    #[test]
    fn each_race_is_reported_once() {
        let one = [("counter".to_string(), [14, 14])];
        let two = [one[0].clone(), ("total".to_string(), [20, 9])];
        let mut w = Watcher::default();
        let evs = w.observe(&at(&one, 5), 0.0);
        assert_eq!(types(&evs), ["step", "race"]);
        assert_eq!(
            evs[1],
            Outbound::Race {
                variable: "counter".into(),
                lines: vec![14, 14]
            }
        );
        let evs = w.observe(&at(&two, 6), 10.0);
        assert_eq!(
            evs,
            [Outbound::Race {
                variable: "total".into(),
                lines: vec![20, 9]
            }]
        );
        // A new run starts with none, and finds them again.
        w.observe(&at(&[], 0), 200.0);
        assert_eq!(types(&w.observe(&at(&one, 5), 400.0)), ["step", "race"]);
    }
}
