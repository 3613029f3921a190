//! What the page draws at one moment of a run: the simulator's [`View`] plus the console,
//! the race reports, the recent events in words and the timeline picture. The driver
//! builds a `Frame` after each slice of work; components only read it.

use std::rc::Rc;

use gosched_sim::ids::{Nanos, Step};
use gosched_sim::view::{GView, RaceView, View};

use crate::i18n::Phrase;
use crate::timeline::Picture;

/// Where the run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Loaded at step 0, never started.
    Ready,
    Playing,
    Paused,
    /// Moving to a step the user asked for (seek, step, step back).
    Seeking,
    /// The program ended here, with this exit code.
    Finished(i32),
}

/// One line of the event log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub step: Step,
    pub time: Nanos,
    pub phrase: Phrase,
    /// Goroutines the event is about (for coloured dots).
    pub gs: Vec<u32>,
    /// A short kind (`steal`, `preempt` ...) for the line's marker.
    pub kind: &'static str,
}

/// Everything the page draws at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub view: View,
    pub step: Step,
    /// The end of the recorded run so far.
    pub furthest: Step,
    /// Where a seek is going, while it is on its way (the slider shows this).
    pub target: Option<Step>,
    /// Simulated time at `furthest`.
    pub end_time: Nanos,
    pub status: Status,
    /// Program output in order: (stderr?, text).
    pub console: Rc<Vec<(bool, String)>>,
    pub races: Rc<Vec<RaceView>>,
    /// Whether the race detector is on for this run.
    pub race_enabled: bool,
    /// Go's scheduling policies in this run (a "what if" run switches some off).
    pub fidelity: gosched_sim::Fidelity,
    /// The latest logged events up to `step`, newest first (refreshed a few times a
    /// second while playing: nobody reads a log that changes sixty times a second).
    pub log: Rc<Vec<LogEntry>>,
    /// The events of exactly this step, in words (what a screen reader announces).
    pub narration: Vec<Phrase>,
    pub timeline: Rc<Picture>,
}

impl Frame {
    /// The goroutine with this id, if the view lists it (goroutines are listed in id order).
    pub fn goroutine(&self, id: u32) -> Option<&GView> {
        let gs = &self.view.goroutines;
        gs.binary_search_by_key(&id, |g| g.id.0)
            .ok()
            .and_then(|i| gs.get(i))
    }

    /// Whether the program has ended at this step.
    pub fn finished(&self) -> bool {
        matches!(self.status, Status::Finished(_))
    }
}
