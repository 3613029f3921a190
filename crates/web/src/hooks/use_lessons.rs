//! Lessons on the page: opens the lesson a `#lesson=<id>/<n>` link names (on load and
//! whenever the fragment changes), keeps the address bar on the current step, and carries
//! out each step's seek on the driver once its run is loaded.
//!
//! Call it after the effect that loads the run (effects run in declaration order, so a
//! step that loads a program and seeks sees the program loaded first).

use gloo_events::EventListener;
use yew::prelude::*;

use crate::hooks::use_driver::DriverHandle;
use crate::lessons::data::Seek;
use crate::lessons::{nav, url};
use crate::state::{Action, Playground};

#[hook]
pub fn use_lessons(state: &UseReducerHandle<Playground>, driver: &DriverHandle) {
    // Links: the fragment on load, and later changes (a lesson link clicked on the page,
    // or typed in the address bar).
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let open = move || {
                if let Some((l, i)) = nav::parse(&url::hash()) {
                    d.dispatch(Action::OpenLesson(l, i));
                }
            };
            open();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| open()));
            move || drop(listener)
        });
    }
    // The address bar follows the step (and loses the lesson when it is closed, not
    // before one was ever opened: the link may still be waiting to be read).
    let fragment = state.lesson.map(|at| at.fragment());
    let had = use_mut_ref(|| false);
    use_effect_with(fragment, move |f| match f {
        Some(f) => {
            *had.borrow_mut() = true;
            url::replace_hash(f);
        }
        None if *had.borrow() => url::clear_lesson_hash(),
        None => {}
    });
    // The step's seek, once per opening.
    let (nonce, seek) = nav::pending_seek(state);
    let driver = driver.clone();
    use_effect_with(nonce, move |&nonce| {
        if nonce == 0 {
            return;
        }
        driver.with(|d| match seek {
            Seek::Stay => {}
            // Every step that starts over names its program, which loads it at step 0.
            Seek::Start => {}
            Seek::End => d.run_to_end(),
            Seek::First(m) => d.seek_first(m),
        });
    });
}
