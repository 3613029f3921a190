//! Scenario links over time: opens a link pasted into the address bar of an open page
//! (`hashchange`), and keeps the user's own program and settings across reloads (saved
//! to `localStorage`, debounced; nothing happens where storage is blocked).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::share::{self, Scenario};
use crate::state::{Action, Playground};

/// Where the user's program and settings are saved (as a link fragment).
pub const DRAFT_KEY: &str = "gosched.draft";
/// Where the chosen language is saved.
pub const LANG_PREF: &str = "gosched.lang";
/// Saving waits until the user stops typing this long (milliseconds).
const SAVE_DELAY_MS: u32 = 400;

/// The state the page opens with, on top of `p`: the link in the address bar (or the
/// default scenario and the link's error), else the user's saved draft; the saved
/// language unless the link names one.
pub fn restore(p: &mut Playground) {
    if let Some(l) = crate::dom::load_pref(LANG_PREF) {
        p.lang = crate::i18n::Lang::from_tag(&l);
    }
    let hash = crate::dom::location_hash();
    // A lesson link (`#lesson=...`) is opened by the lessons hook, over the default
    // program (not the draft).
    if crate::lessons::nav::is_lesson_link(&hash) {
        return;
    }
    if !hash.is_empty() {
        let (s, err) = share::open(&hash);
        p.apply_scenario(s);
        p.link_error = err;
    } else if let Some(Ok(s)) = crate::dom::load_pref(DRAFT_KEY).map(|d| share::decode(&d)) {
        p.apply_scenario(Scenario { lang: None, ..s });
    }
}

/// Dispatches what opening `fragment` does: the scenario (or the default one) and the
/// link's error (or none).
pub fn open_fragment(dispatch: &UseReducerDispatcher<Playground>, fragment: &str) {
    let (s, err) = share::open(fragment);
    dispatch.dispatch(Action::LoadScenario(Box::new(s)));
    dispatch.dispatch(Action::LinkError(err));
}

/// Listens for `hashchange` and, when `save` (not in an embed), saves the draft; see
/// the module docs.
#[hook]
pub fn use_share_link(state: &UseReducerHandle<Playground>, save: bool) {
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    let hash = crate::dom::location_hash();
                    if !hash.is_empty() && !crate::lessons::nav::is_lesson_link(&hash) {
                        open_fragment(&dispatch, &hash);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Save the user's own changes: not the state the page opened with, nor a scenario
    // just loaded (a link someone shared must not overwrite the user's work).
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let seen_loads = use_mut_ref(|| None::<u64>);
    let draft = state.draft();
    let loads = state.loads;
    use_effect_with((draft, loads), move |(draft, loads)| {
        let first = seen_loads.borrow().is_none();
        let loaded = seen_loads.replace(Some(*loads)) != Some(*loads);
        if save && !first && !loaded {
            // The address bar's link no longer describes the page: a reload must
            // bring back these edits, not the link.
            crate::dom::clear_hash();
            let text = share::encode(draft);
            *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                crate::dom::save_pref(DRAFT_KEY, &text)
            }));
        }
    });
}
