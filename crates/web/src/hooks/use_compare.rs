//! The compare view's animation loop: owns the [`Pair`] of runs and, while they have work
//! (computing, moving to the playhead, or playing), gives them a slice of every browser frame
//! (`requestAnimationFrame`), then publishes a [`PairFrame`]. It is separate from the
//! main page's loop (`use_driver`), which it leaves alone.
//!
//! Nothing animates while the runs are computed, so the runs take half of each frame
//! (8 ms of the 16.7), and the view is redrawn at most every 100 ms until they end.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gosched_sim::ids::Nanos;
use yew::prelude::*;

use super::frame_loop::FrameLoop;
use crate::compare::pair::{Pair, PairFrame};
use crate::compare::Vary;
use crate::state::{Settings, Shared};

/// The runs' share of a frame, in milliseconds: the main driver's largest share (far
/// under the 50 ms of a long task; drawing the view takes a few more).
const BUDGET_MS: f64 = 8.0;
/// While computing, the view is redrawn at most this often (milliseconds).
const REDRAW_MS: f64 = 100.0;

struct Inner {
    pair: RefCell<Option<Pair>>,
    on_frame: RefCell<Callback<Shared<PairFrame>>>,
    /// The loop (`requestAnimationFrame`).
    frames: FrameLoop,
    /// When the last frame was published.
    published: Cell<f64>,
    /// The last animation frame's timestamp, while the loop runs.
    last: Cell<Option<f64>>,
}

/// A handle to the pair of runs.
#[derive(Clone, PartialEq)]
pub struct CompareHandle {
    inner: Shared<Inner>,
}

impl CompareHandle {
    /// Compiles `src` for both runs and starts computing them.
    pub fn load(&self, src: &str, base: &Settings, vary: Vary) -> Result<(), Vec<String>> {
        let pair = Pair::new(src, base, vary);
        let (pair, result) = match pair {
            Ok(p) => (Some(p), Ok(())),
            Err(e) => (None, Err(e)),
        };
        *self.inner.pair.borrow_mut() = pair;
        self.inner.published.set(f64::NEG_INFINITY);
        self.inner.frames.schedule();
        result
    }

    /// Starts or stops moving the playhead by itself.
    pub fn play(&self, on: bool) {
        if let Some(p) = self.inner.pair.borrow_mut().as_mut() {
            if on {
                p.play();
            } else {
                p.pause();
            }
        }
        self.inner.frames.schedule();
    }

    /// Moves both runs to simulated time `t`.
    pub fn seek_time(&self, t: Nanos) {
        if let Some(p) = self.inner.pair.borrow_mut().as_mut() {
            p.seek_time(t);
        }
        self.inner.frames.schedule();
    }
}

fn on_tick(inner: &Rc<Inner>, ts: f64) {
    let dt = inner
        .last
        .get()
        .map_or(1000.0 / 60.0, |l| (ts - l).max(0.0));
    let (frame, busy) = {
        let mut pair = inner.pair.borrow_mut();
        let Some(p) = pair.as_mut() else { return };
        let t0 = crate::dom::now();
        p.work(&crate::dom::now, BUDGET_MS, dt);
        let t1 = crate::dom::now();
        crate::dom::timing("compare-work", t1 - t0);
        let busy = p.busy();
        let due = !p.computing() || t1 - inner.published.get() >= REDRAW_MS;
        let frame = (due && p.take_changed()).then(|| {
            inner.published.set(t1);
            Shared::new(p.frame())
        });
        (frame, busy)
    };
    if let Some(f) = frame {
        let cb = inner.on_frame.borrow().clone();
        cb.emit(f);
    }
    inner.last.set(busy.then_some(ts));
    if busy {
        inner.frames.schedule();
    }
}

/// Owns a [`Pair`]; `on_frame` receives every new frame. The loop ends with the component.
#[hook]
pub fn use_compare(on_frame: Callback<Shared<PairFrame>>) -> CompareHandle {
    let handle = use_memo((), |_| {
        let inner = Rc::new_cyclic(|weak| Inner {
            pair: RefCell::new(None),
            on_frame: RefCell::new(on_frame.clone()),
            frames: FrameLoop::animation_frame(weak.clone(), on_tick),
            published: Cell::new(f64::NEG_INFINITY),
            last: Cell::new(None),
        });
        CompareHandle {
            inner: Shared(inner),
        }
    });
    *handle.inner.on_frame.borrow_mut() = on_frame;
    (*handle).clone()
}
