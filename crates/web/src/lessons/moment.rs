//! Which simulator trace events a lesson's [`Moment`] names: a step that says "seek to the
//! first preemption request" moves the playhead to the first event this matches.
//!
//! Kept apart from `data.rs`, which must depend on nothing but `core` (the simulator's
//! tests compile it by path).

use gosched_sim::trace::{EventKind, StopReason};

use super::data::Moment;

/// Whether `kind` is an event of the kind `m` names (see [`Moment::event_name`]).
pub fn matches(m: Moment, kind: &EventKind) -> bool {
    match m {
        Moment::GoCreate => matches!(kind, EventKind::GoCreate { .. }),
        Moment::Kicked => matches!(kind, EventKind::Kicked { .. }),
        Moment::Steal => matches!(kind, EventKind::Steal { .. }),
        Moment::PreemptRequest => matches!(kind, EventKind::PreemptRequest { .. }),
        Moment::Gosched => matches!(
            kind,
            EventKind::GoStop {
                reason: StopReason::Gosched,
                ..
            }
        ),
        Moment::GlobalTake => matches!(kind, EventKind::GlobalTake { .. }),
        Moment::SyscallEnter => matches!(kind, EventKind::SyscallEnter { .. }),
        Moment::Handoff => matches!(kind, EventKind::Handoff { .. }),
        Moment::SyscallExit => matches!(kind, EventKind::SyscallExit { .. }),
        Moment::GoBlock => matches!(kind, EventKind::GoBlock { .. }),
        Moment::Race => matches!(kind, EventKind::Race { .. }),
        Moment::Output => matches!(kind, EventKind::Output { .. }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matcher and the data table's names agree: the variant name in an event's
    /// `Debug` text is the one `Moment::event_name` gives.
    #[test]
    fn names_agree_with_the_data_table() {
        use gosched_sim::{Config, Machine};
        use std::sync::Arc;
        let all = [
            Moment::GoCreate,
            Moment::Kicked,
            Moment::Steal,
            Moment::PreemptRequest,
            Moment::Gosched,
            Moment::GlobalTake,
            Moment::SyscallEnter,
            Moment::Handoff,
            Moment::SyscallExit,
            Moment::GoBlock,
            Moment::Race,
            Moment::Output,
        ];
        let mut seen = vec![false; all.len()];
        for lesson in super::super::data::LESSONS {
            for p in lesson.programs {
                let Ok(prog) = gosched_lang::compile::compile(p.source) else {
                    panic!("{} does not compile", p.id)
                };
                let cfg = Config {
                    procs: p.settings.procs,
                    race: p.settings.race,
                    seed: p.settings.seed,
                    fidelity: crate::lessons::nav::page_settings(&p.settings).fidelity,
                    ..Config::default()
                };
                let mut m = Machine::new(Arc::new(prog), cfg);
                // Long enough for sysmon's first preemption request (10 ms of
                // simulated time), short enough for a debug build.
                for _ in 0..40 {
                    let end = m.run(500_000);
                    for e in m.take_events() {
                        let name = format!("{:?}", e.kind);
                        let name = name.split([' ', '{', '(']).next().unwrap_or("");
                        for (i, &mo) in all.iter().enumerate() {
                            if matches(mo, &e.kind) {
                                assert_eq!(name, mo.event_name(), "{mo:?}");
                                seen[i] = true;
                            }
                        }
                    }
                    if end || seen.iter().all(|s| *s) {
                        break;
                    }
                }
            }
        }
        for (i, s) in seen.iter().enumerate() {
            assert!(s, "no lesson program makes a {:?} event", all[i]);
        }
    }
}
