//! The plumbing the hooks' loops share: one browser callback, made once and asked for
//! again and again (by `requestAnimationFrame` or by `setTimeout`), with at most one
//! request pending, cancelled when the loop is dropped, that runs its owner's step only
//! while the owner lives.
//!
//! The owner (a hook's state) holds the loop and the loop's callback holds a weak
//! reference to the owner, so there is no cycle: when the component unmounts the owner
//! drops, the loop drops with it and cancels its pending request (a callback the browser
//! called after its closure was dropped would throw). A hook builds its state with
//! [`Rc::new_cyclic`] to hand the loop that weak reference.
//!
//! gloo's `request_animation_frame` and `Timeout` do not fit: they make a new closure for
//! every call (these loops run every frame or every few milliseconds and reuse one), and
//! they throw where the browser refuses a request (the hooks' loops then just stop).

use std::cell::Cell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How the browser calls the loop back, and the callback it calls.
enum Pacing {
    /// `requestAnimationFrame`: before the next paint, with the frame's timestamp.
    AnimationFrame(Closure<dyn FnMut(f64)>),
    /// `setTimeout(ms)`: a task of its own once `ms` milliseconds have passed (browsers
    /// space nested zero timeouts by 4 ms).
    Timeout(Closure<dyn FnMut()>, i32),
}

/// A loop's callback and its one pending request; see the module's comment.
pub struct FrameLoop {
    pacing: Pacing,
    /// The id of the pending request (to cancel it); the callback clears it when it runs,
    /// before the owner's step, so the step can ask for the next call.
    pending: Rc<Cell<Option<i32>>>,
}

impl FrameLoop {
    /// A loop paced by `requestAnimationFrame`: `step` gets the owner and the frame's
    /// timestamp (milliseconds, on `performance.now()`'s clock).
    pub fn animation_frame<T: 'static>(
        owner: Weak<T>,
        mut step: impl FnMut(&Rc<T>, f64) + 'static,
    ) -> FrameLoop {
        let pending = Rc::new(Cell::new(None));
        let cleared = Rc::clone(&pending);
        let callback = Closure::new(move |ts: f64| fire(&cleared, &owner, |o| step(o, ts)));
        FrameLoop {
            pacing: Pacing::AnimationFrame(callback),
            pending,
        }
    }

    /// A loop paced by `setTimeout(ms)`: every call of `step` is a browser task of its own.
    pub fn timeout<T: 'static>(
        ms: i32,
        owner: Weak<T>,
        mut step: impl FnMut(&Rc<T>) + 'static,
    ) -> FrameLoop {
        let pending = Rc::new(Cell::new(None));
        let cleared = Rc::clone(&pending);
        let callback = Closure::new(move || fire(&cleared, &owner, &mut step));
        FrameLoop {
            pacing: Pacing::Timeout(callback, ms),
            pending,
        }
    }

    /// Asks the browser for the next call, unless one is pending already (then that call
    /// serves). If the browser refuses, the loop stays idle until asked again.
    pub fn schedule(&self) {
        request_once(&self.pending, || {
            let window = web_sys::window()?;
            match &self.pacing {
                Pacing::AnimationFrame(cb) => window
                    .request_animation_frame(cb.as_ref().unchecked_ref())
                    .ok(),
                Pacing::Timeout(cb, ms) => window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        cb.as_ref().unchecked_ref(),
                        *ms,
                    )
                    .ok(),
            }
        });
    }

    /// Whether a call is pending.
    pub fn is_pending(&self) -> bool {
        self.pending.get().is_some()
    }
}

impl Drop for FrameLoop {
    /// Cancels the pending request: its closure is about to be dropped.
    fn drop(&mut self) {
        let (Some(id), Some(window)) = (self.pending.take(), web_sys::window()) else {
            return;
        };
        match self.pacing {
            Pacing::AnimationFrame(_) => {
                // A refusal here leaves nothing to undo.
                let _ = window.cancel_animation_frame(id);
            }
            Pacing::Timeout(..) => window.clear_timeout_with_handle(id),
        }
    }
}

/// Makes a request with `request` (which returns its id, or `None` if the browser
/// refused) unless one is pending.
fn request_once(pending: &Cell<Option<i32>>, request: impl FnOnce() -> Option<i32>) {
    if pending.get().is_none() {
        pending.set(request());
    }
}

/// The browser's call: no request is pending any more, and the step runs if the owner
/// still lives.
fn fire<T>(pending: &Cell<Option<i32>>, owner: &Weak<T>, step: impl FnOnce(&Rc<T>)) {
    pending.set(None);
    if let Some(owner) = owner.upgrade() {
        step(&owner);
    }
}

#[cfg(test)]
mod tests {
    //! The loop's bookkeeping, without a browser: `request_once` and `fire` are what
    //! `schedule` and the callback do around the browser's calls.

    use super::*;

    /// A fake browser: counts requests and hands out ids, or refuses.
    struct Browser {
        requests: Cell<i32>,
        refuse: Cell<bool>,
    }

    impl Browser {
        fn new() -> Browser {
            Browser {
                requests: Cell::new(0),
                refuse: Cell::new(false),
            }
        }

        fn request(&self) -> Option<i32> {
            self.requests.set(self.requests.get() + 1);
            (!self.refuse.get()).then(|| self.requests.get())
        }
    }

    #[test]
    fn one_request_at_a_time() {
        let browser = Browser::new();
        let pending = Cell::new(None);
        request_once(&pending, || browser.request());
        request_once(&pending, || browser.request());
        assert_eq!(
            browser.requests.get(),
            1,
            "a pending call serves the second ask"
        );
        assert_eq!(pending.get(), Some(1));
        let owner = Rc::new(());
        fire(&pending, &Rc::downgrade(&owner), |_| ());
        request_once(&pending, || browser.request());
        assert_eq!(
            browser.requests.get(),
            2,
            "after the call, asking requests again"
        );
        assert_eq!(pending.get(), Some(2));
    }

    #[test]
    fn a_step_can_ask_for_the_next_call() {
        let browser = Browser::new();
        let pending = Cell::new(Some(7));
        let owner = Rc::new(());
        let mut ran = false;
        fire(&pending, &Rc::downgrade(&owner), |_| {
            ran = true;
            request_once(&pending, || browser.request());
        });
        assert!(ran);
        assert_eq!(
            browser.requests.get(),
            1,
            "the call cleared its request first"
        );
        assert_eq!(pending.get(), Some(1));
    }

    #[test]
    fn a_refused_request_leaves_the_loop_idle() {
        let browser = Browser::new();
        browser.refuse.set(true);
        let pending = Cell::new(None);
        request_once(&pending, || browser.request());
        assert_eq!(pending.get(), None);
        browser.refuse.set(false);
        request_once(&pending, || browser.request());
        assert_eq!(browser.requests.get(), 2, "the next ask tries again");
        assert!(pending.get().is_some());
    }

    #[test]
    fn no_step_once_the_owner_is_gone() {
        let pending = Cell::new(Some(3));
        let owner = Rc::new(());
        let weak = Rc::downgrade(&owner);
        drop(owner);
        let mut ran = false;
        fire(&pending, &weak, |_| ran = true);
        assert!(!ran, "the step must not run for an unmounted owner");
        assert_eq!(pending.get(), None);
    }
}
