//! Keyboard shortcuts: space runs or pauses, → steps, ← steps back, r resets, ? opens
//! the help, Escape closes it. Keys typed in the editor or a field are left alone.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a shortcut asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    RunPause,
    Step,
    StepBack,
    Reset,
    Help,
    Escape,
}

/// The shortcut for a key (`KeyboardEvent.key`), if any.
pub fn shortcut(key: &str) -> Option<Shortcut> {
    match key {
        " " | "Spacebar" => Some(Shortcut::RunPause),
        "ArrowRight" => Some(Shortcut::Step),
        "ArrowLeft" => Some(Shortcut::StepBack),
        "r" | "R" => Some(Shortcut::Reset),
        "?" => Some(Shortcut::Help),
        "Escape" => Some(Shortcut::Escape),
        _ => None,
    }
}

/// Listens on the window for the shortcuts and passes them to `on_key`.
#[hook]
pub fn use_shortcuts(on_key: Callback<Shortcut>) {
    use_effect_with(on_key, |on_key| {
        let on_key = on_key.clone();
        let listener = web_sys::window().map(|w| {
            // Not passive: the listener prevents the default (space scrolling the page).
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                    return;
                }
                let Some(s) = shortcut(&e.key()) else { return };
                // In a text field only Escape acts; on a button, space presses it.
                let target = e.target();
                if s != Shortcut::Escape && crate::dom::is_text_field(target.clone()) {
                    return;
                }
                if s == Shortcut::RunPause
                    && target
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            matches!(
                                el.tag_name().to_ascii_lowercase().as_str(),
                                "button" | "a" | "summary"
                            )
                        })
                {
                    return;
                }
                e.prevent_default();
                on_key.emit(s);
            })
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts() {
        assert_eq!(shortcut(" "), Some(Shortcut::RunPause));
        assert_eq!(shortcut("ArrowRight"), Some(Shortcut::Step));
        assert_eq!(shortcut("ArrowLeft"), Some(Shortcut::StepBack));
        assert_eq!(shortcut("r"), Some(Shortcut::Reset));
        assert_eq!(shortcut("?"), Some(Shortcut::Help));
        assert_eq!(shortcut("x"), None);
    }
}
