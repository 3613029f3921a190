//! Scenarios in an embed: the one it opens with (its link, never the reader's saved draft) and the ones a host sends (`load`).

use yew::prelude::*;

use crate::share;
use crate::state::{Action, Playground};

/// The state an embed opens with: the link in its address (or the default
/// scenario and the link's error). Unlike the full page, it never restores the
/// reader's draft: an embed shows what the course page chose.
pub fn restore(p: &mut Playground) {
    let hash = crate::dom::location_hash();
    if !hash.is_empty() {
        let (s, err) = share::open(&hash);
        p.apply_scenario(s);
        p.link_error = err;
    }
}

/// Opens a scenario a host sent (a link fragment). One that cannot be opened
/// is ignored: the host's mistake must not replace what the reader sees.
pub fn load(state: &UseReducerHandle<Playground>, fragment: &str) {
    if let Ok(s) = share::decode(fragment) {
        state.dispatch(Action::LoadScenario(Box::new(s)));
    }
}
