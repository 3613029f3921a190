//! The animation loop: owns the [`Driver`] and, while it has work, gives it a slice of
//! every browser frame, then publishes a [`Frame`].
//!
//! Drawing and simulating are separate tasks of the browser's event loop: the
//! `requestAnimationFrame` callback builds and publishes the frame (Yew renders it in
//! the same task), then queues the simulation's slice as a task of its own
//! (`setTimeout(0)`), which asks for the next animation frame when it is done. A long
//! task is then the larger of a slice and a drawing, never their sum: with 100,000
//! goroutines each takes several milliseconds, and a collection inside a slice or a
//! grown event list can add tens more.
//!
//! The simulation's share of a frame adapts: it starts at 6 ms and shrinks when frames
//! come late (rendering took longer), grows back when they are on time, so drawing
//! keeps up at 60 fps and no task gets anywhere near 50 ms. When the program runs flat
//! out and drawing a frame is dear (thousands of goroutines), frames are drawn less
//! often, so drawing never takes more than a third of the time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::frame_loop::FrameLoop;
use crate::driver::Driver;
use crate::frame::Frame;
use crate::state::Shared;

/// The simulation's share of a frame, in milliseconds: start, least and most (drawing
/// the frame, layout and paint need the rest of the 16.7 ms).
const BUDGET_START: f64 = 6.0;
const BUDGET_MIN: f64 = 2.0;
const BUDGET_MAX: f64 = 8.0;
/// A frame interval above this means the last frame was late.
const LATE_MS: f64 = 20.0;

struct Inner {
    driver: RefCell<Driver>,
    on_frame: RefCell<Callback<Option<Shared<Frame>>>>,
    /// Draws the frames (`requestAnimationFrame`).
    frames: FrameLoop,
    /// Runs the slices, each a task of its own (`setTimeout(0)`); one is pending
    /// between a frame and the next.
    slices: FrameLoop,
    /// The frame interval the queued slice plays for (milliseconds).
    work_dt: Cell<f64>,
    last: Cell<Option<f64>>,
    budget: Cell<f64>,
    /// When the last frame was handed to the page (for render timings).
    emitted: Cell<f64>,
    /// How long building and drawing a frame takes lately (milliseconds, smoothed).
    draw_ms: Cell<f64>,
    /// When the last frame was built.
    published: Cell<f64>,
}

/// A handle to the driver: run commands with [`DriverHandle::with`].
#[derive(Clone, PartialEq)]
pub struct DriverHandle {
    inner: Shared<Inner>,
}

impl DriverHandle {
    /// Runs `f` on the driver, then makes sure the loop runs to carry it out.
    pub fn with<R>(&self, f: impl FnOnce(&mut Driver) -> R) -> R {
        let r = f(&mut self.inner.driver.borrow_mut());
        self.inner.frames.schedule();
        r
    }

    /// Records how long the page took to draw the last frame (call after rendering).
    pub fn rendered(&self) {
        let t = self.inner.emitted.replace(0.0);
        if t > 0.0 {
            let ms = crate::dom::now() - t;
            crate::dom::timing("render", ms);
            // Building plus drawing, smoothed.
            let build = self.inner.draw_ms.get();
            self.inner.draw_ms.set(build + ms);
        }
    }

    /// Reads the driver without starting the loop.
    pub fn peek<R>(&self, f: impl FnOnce(&Driver) -> R) -> R {
        f(&self.inner.driver.borrow())
    }
}

fn on_tick(inner: &Rc<Inner>, ts: f64) {
    let dt = inner
        .last
        .get()
        .map_or(1000.0 / 60.0, |l| (ts - l).max(0.0));
    let playing = inner.driver.borrow().busy();
    inner.last.set(playing.then_some(ts));
    // Playing flat out, a frame that is dear to build and draw (thousands of goroutines)
    // is drawn at most every third of the time, so the simulation keeps most of the
    // main thread; at a set speed every change is drawn.
    let now = crate::dom::now();
    let flat_out = inner.driver.borrow().playing_flat_out();
    let draw_ms = inner.draw_ms.get();
    let throttled = flat_out && now - inner.published.get() < 2.0 * draw_ms;
    // Late frames shrink the simulation's share; punctual ones grow it back. Flat out,
    // the simulation takes the whole share on frames that are not drawn, and what
    // drawing leaves of it on the others.
    let budget = inner.budget.get();
    let budget = if flat_out {
        if throttled {
            BUDGET_MAX
        } else {
            (BUDGET_MAX - draw_ms).max(BUDGET_MIN)
        }
    } else if dt > LATE_MS {
        (budget * 0.75).max(BUDGET_MIN)
    } else {
        (budget + 0.5).min(BUDGET_MAX)
    };
    inner.budget.set(budget);
    // Draw what the last slice did (the run may have ended or stopped: then the last
    // frame is always drawn).
    let frame = {
        let mut d = inner.driver.borrow_mut();
        let throttled = throttled && d.busy();
        if !throttled && d.take_changed() {
            let t1 = crate::dom::now();
            let f = d.frame(t1).map(Shared::new);
            let t2 = crate::dom::now();
            crate::dom::timing("frame", t2 - t1);
            inner.published.set(t1);
            inner.emitted.set(t2);
            inner.draw_ms.set(t2 - t1);
            Some(f)
        } else {
            None
        }
    };
    if let Some(frame) = frame {
        let cb = inner.on_frame.borrow().clone();
        cb.emit(frame);
    }
    if !inner.driver.borrow().busy() {
        inner.last.set(None);
    } else if !inner.slices.is_pending() {
        // A slice of the simulation, as its own task after this frame's drawing (a
        // slice queued already plays for the interval it was queued with).
        inner.work_dt.set(dt);
        inner.slices.schedule();
    }
}

/// A slice of the simulation; then the next frame draws what it did.
fn on_work(inner: &Rc<Inner>) {
    let t0 = crate::dom::now();
    {
        let mut d = inner.driver.borrow_mut();
        d.work(
            &crate::dom::now,
            inner.budget.get(),
            inner.work_dt.get().min(100.0),
        );
    }
    crate::dom::timing("work", crate::dom::now() - t0);
    // Whether or not the work is done, the next frame draws where it got to.
    inner.frames.schedule();
}

/// Owns a [`Driver`]; `on_frame` receives every new frame.
#[hook]
pub fn use_driver(on_frame: Callback<Option<Shared<Frame>>>) -> DriverHandle {
    let handle = use_memo((), |_| {
        // The loops hold weak references, so they end with the page.
        let inner = Rc::new_cyclic(|weak| Inner {
            driver: RefCell::new(Driver::default()),
            on_frame: RefCell::new(on_frame.clone()),
            frames: FrameLoop::animation_frame(weak.clone(), on_tick),
            slices: FrameLoop::timeout(0, weak.clone(), on_work),
            work_dt: Cell::new(1000.0 / 60.0),
            last: Cell::new(None),
            budget: Cell::new(BUDGET_START),
            emitted: Cell::new(0.0),
            draw_ms: Cell::new(0.0),
            published: Cell::new(f64::NEG_INFINITY),
        });
        DriverHandle {
            inner: Shared(inner),
        }
    });
    // Keep the callback current (it captures the latest dispatcher).
    *handle.inner.on_frame.borrow_mut() = on_frame;
    (*handle).clone()
}
