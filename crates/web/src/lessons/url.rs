//! The browser side of lesson links: reading `location.hash`, putting the current step's
//! `#lesson=<id>/<n>` in the address bar (without a history entry or a reload), and
//! following the fragment when it changes. Every call tolerates a missing API.

use wasm_bindgen::JsValue;

/// `location.hash` without the `#` ("" if unavailable).
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Replaces the address bar's fragment with `fragment` (no reload, no history entry);
/// does nothing when it is already there.
pub fn replace_hash(fragment: &str) {
    if hash() == fragment {
        return;
    }
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Removes a lesson fragment from the address bar (when the lesson is closed); leaves
/// any other fragment (a share link) alone.
pub fn clear_lesson_hash() {
    if !hash().starts_with("lesson=") {
        return;
    }
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        let search = w.location().search().unwrap_or_default();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
        }
    }
}
