//! A run you can move through: play forward in chunks, step from event to event, step back and
//! seek anywhere, using snapshots of the machine.
//!
//! Snapshots are whole-machine clones taken every `interval` steps (the
//! interval doubles when there are more than [`MAX_SNAPSHOTS`], so memory
//! stays bounded). Seeking to step `s` restores the last snapshot at or
//! before `s` and replays at most `interval` steps — determinism makes the
//! replay land on the same state. Events are kept once, in the session, up
//! to the furthest step ever reached; replays do not record them again.

use std::sync::Arc;

use gosched_lang::bytecode::Program;

use crate::config::Config;
use crate::ids::Step;
use crate::machine::Machine;
use crate::trace::Event;
use crate::view::View;

/// Starting distance between snapshots, in steps.
pub const SNAPSHOT_INTERVAL: Step = 4096;
/// Most snapshots kept (then every other one is dropped and the interval doubles).
pub const MAX_SNAPSHOTS: usize = 256;

#[derive(Clone, Debug)]
pub struct Session {
    machine: Machine,
    snapshots: Vec<Machine>,
    events: Vec<Event>,
    furthest: Step,
    interval: Step,
}

impl Session {
    pub fn new(prog: Arc<Program>, cfg: Config) -> Session {
        let mut machine = Machine::new(prog, cfg);
        let events = machine.take_events();
        let snapshots = vec![machine.clone()];
        Session {
            machine,
            snapshots,
            events,
            furthest: 0,
            interval: SNAPSHOT_INTERVAL,
        }
    }

    pub fn machine(&self) -> &Machine {
        &self.machine
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.machine.step()
    }

    /// The furthest step reached so far (the end of the recorded run).
    pub fn furthest(&self) -> Step {
        self.furthest
    }

    pub fn finished(&self) -> bool {
        self.machine.finished()
    }

    /// Whether the recorded run ends (the program finished at `furthest`).
    pub fn run_complete(&self) -> bool {
        self.machine.finished() && self.machine.step() == self.furthest
    }

    /// All events recorded, up to the furthest step.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Events up to the current step.
    pub fn events_now(&self) -> &[Event] {
        let s = self.step();
        let n = self.events.partition_point(|e| e.step <= s);
        &self.events[..n]
    }

    pub fn view(&self) -> View {
        self.machine.view()
    }

    /// Runs forward at most `max` steps (stops when the program ends).
    /// Returns whether the program has ended.
    pub fn run(&mut self, max: u64) -> bool {
        let target = self.step().saturating_add(max);
        self.advance_to(target);
        self.machine.finished()
    }

    /// Moves forward to the next step that records an event.
    pub fn step_forward(&mut self) -> bool {
        let s = self.step();
        // Known future: jump straight to the next recorded event.
        if let Some(e) = self.events.iter().find(|e| e.step > s) {
            let t = e.step;
            self.seek(t);
            return true;
        }
        if self.machine.finished() {
            return false;
        }
        let before = self.events.len();
        let start = self.step();
        while !self.machine.finished()
            && self.events.len() == before
            && self.step() - start < 50_000_000
        {
            let t = self.step() + 1;
            self.advance_to(t);
        }
        self.events.len() > before
    }

    /// Moves back to the previous step that recorded an event (or the start).
    pub fn step_back(&mut self) -> bool {
        let s = self.step();
        if s == 0 {
            return false;
        }
        let prev = self
            .events
            .iter()
            .rev()
            .find(|e| e.step < s)
            .map_or(0, |e| e.step);
        self.seek(prev);
        true
    }

    /// Puts the machine at step `step` (or the end, if the program ends first).
    pub fn seek(&mut self, step: Step) {
        if step < self.step() {
            let i = self
                .snapshots
                .partition_point(|m| m.step() <= step)
                .saturating_sub(1);
            self.machine = self.snapshots[i].clone();
        }
        self.advance_to(step);
    }

    /// Runs the machine to `target`, taking snapshots and recording events
    /// past the furthest step.
    fn advance_to(&mut self, target: Step) {
        while self.step() < target && !self.machine.finished() {
            let next_snap = (self.step() / self.interval + 1) * self.interval;
            let stop = target.min(next_snap);
            self.machine.run(stop - self.step());
            let new = self.machine.take_events();
            if self.step() > self.furthest {
                let f = self.furthest;
                self.events.extend(new.into_iter().filter(|e| e.step > f));
                self.furthest = self.step();
            }
            // An instruction doing a lot of work takes several steps at once
            // (machine::WORK_IN_A_STEP), so the run may pass `next_snap`.
            if self.step() >= next_snap
                && self.snapshots.last().is_some_and(|m| m.step() < next_snap)
            {
                self.snapshots.push(self.machine.clone());
                if self.snapshots.len() > MAX_SNAPSHOTS {
                    self.thin();
                }
            }
        }
        if self.machine.finished() && self.step() > self.furthest {
            self.furthest = self.step();
        }
    }

    /// Keeps every other snapshot and doubles the interval.
    fn thin(&mut self) {
        self.interval *= 2;
        let iv = self.interval;
        self.snapshots.retain(|m| m.step() % iv == 0);
    }

    /// The snapshot interval now (seek replays at most this many steps).
    pub fn interval(&self) -> Step {
        self.interval
    }
}

#[cfg(test)]
mod tests {
    // Behaviour is tested in tests/session.rs with compiled programs.
}
