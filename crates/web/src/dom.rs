//! Small browser helpers (clock, language, theme attribute, saved preferences, motion
//! preference, random seeds). Every call tolerates a missing API: the page must not crash
//! inside a sandboxed iframe without storage, for instance.

use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Milliseconds from `performance.now()` (0 if unavailable).
pub fn now() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The browser's preferred language tag (`navigator.language`), or "" if unknown.
pub fn language() -> String {
    window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Whether the user asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Sets an attribute on `<html>` (`data-theme`, `lang`).
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute(name, value);
    }
}

/// `localStorage`, if the page may use it. In a sandboxed iframe merely reading
/// `window.localStorage` throws a SecurityError; web-sys turns that into an `Err` here
/// (and `getItem`/`setItem` failures likewise), so no storage failure reaches the page.
fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// A saved preference, if storage is available.
pub fn load_pref(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Saves a preference if storage is available (silently does nothing otherwise).
pub fn save_pref(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// A fresh seed for the "new seed" button (the page may be random; the simulator may not).
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 1_000_000.0) as u64 + 1
}

/// Records a timing for performance tests: when the page has a `window.__goschedTiming`
/// array (a test puts it there), pushes `[label, milliseconds]` onto it; otherwise does
/// nothing.
pub fn timing(label: &str, ms: f64) {
    let Some(w) = window() else { return };
    let Ok(list) = js_sys::Reflect::get(&w, &"__goschedTiming".into()) else {
        return;
    };
    if let Some(list) = list.dyn_ref::<js_sys::Array>() {
        let entry = js_sys::Array::new();
        entry.push(&label.into());
        entry.push(&ms.into());
        list.push(&entry);
    }
}

/// Whether an event target is a text field, where letter keys must type, not act.
pub fn is_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "textarea" | "input" | "select"
    ) || el.has_attribute("contenteditable")
}

// Scenario links (share): the URL fragment and the clipboard.

/// The URL fragment without its `#` ("" if none).
pub fn location_hash() -> String {
    let hash = window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Puts `fragment` in the address bar without a new history entry or a `hashchange`
/// event, and returns the whole URL ("" if the page has no window).
pub fn replace_hash(fragment: &str) -> String {
    let Some(w) = window() else {
        return String::new();
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{fragment}")),
        );
    }
    w.location().href().unwrap_or_default()
}

/// Removes the fragment from the address bar (the page no longer shows that link).
pub fn clear_hash() {
    let Some(w) = window() else { return };
    let loc = w.location();
    if loc.hash().is_ok_and(|h| h.is_empty()) {
        return;
    }
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Writes `text` to the clipboard; `done` gets `true` once it is there, `false` if the
/// Clipboard API is missing or refused (no permission, page not focused).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else {
        return done(false);
    };
    let nav = w.navigator();
    // `navigator.clipboard` is undefined outside secure contexts.
    let has = js_sys::Reflect::get(&nav, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has {
        return done(false);
    }
    let promise = nav.clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let ok = {
        let done = done.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::once(move |_| {
            if let Some(f) = done.take() {
                f(true)
            }
        })
    };
    let failed =
        wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::once(move |_| {
            if let Some(f) = done.take() {
                f(false)
            }
        });
    let _ = promise.then2(&ok, &failed);
    // Each runs at most once, after this function returns: they live until then (two
    // small closures per click on Copy).
    ok.forget();
    failed.forget();
}

/// Rules added to the page's last stylesheet (its sheet and how many), for
/// [`remove_css_rules`].
pub struct AddedRules(Option<(web_sys::CssStyleSheet, u32, u32)>);

/// Appends `rules` to the page's last stylesheet through the CSS object model, which
/// the Content-Security-Policy allows (inline `<style>` elements it refuses).
pub fn add_css_rules(rules: &[String]) -> AddedRules {
    use wasm_bindgen::JsCast;
    let sheet = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.style_sheets())
        .and_then(|l| l.length().checked_sub(1).and_then(|i| l.item(i)))
        .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok());
    let Some(sheet) = sheet else {
        return AddedRules(None);
    };
    let Ok(base) = sheet.css_rules().map(|r| r.length()) else {
        return AddedRules(None);
    };
    let mut n = 0;
    for r in rules {
        if sheet.insert_rule_with_index(r, base + n).is_ok() {
            n += 1;
        }
    }
    AddedRules(Some((sheet, base, n)))
}

/// Takes out rules [`add_css_rules`] added (if nothing moved them since).
pub fn remove_css_rules(added: AddedRules) {
    if let Some((sheet, base, n)) = added.0 {
        if sheet.css_rules().map(|r| r.length()) == Ok(base + n) {
            for _ in 0..n {
                let _ = sheet.delete_rule(base);
            }
        }
    }
}

// The trace download (components/export_trace.rs).

/// A piece of a download as a Blob of its own, made in the task that wrote the piece: the
/// bytes are copied into the browser's blob storage now, a megabyte at a time, so that the
/// final Blob of all pieces only refers to them. (With one Blob made from forty 1 MB byte
/// arrays at the end, a 41 MB export showed one 58 ms long task; made this way, the final
/// Blob and the click take 5 to 7 ms.)
pub fn blob_piece(bytes: &[u8]) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).ok()
}

/// Saves `parts` (an array of Blobs, or of `Uint8Array`s) as a file named `name`: a Blob of type `mime`,
/// an object URL and a temporary `<a download>` clicked from script (no inline script, so
/// the page's Content-Security-Policy allows it). The URL is revoked a minute later, once
/// the browser has long since read the Blob. Returns whether the download was started.
pub fn save_parts(parts: &js_sys::Array, mime: &str, name: &str) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(parts, &opts) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let Some(body) = doc.body() else { return false };
    if body.append_child(&a).is_err() {
        return false;
    }
    a.click();
    a.remove();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    true
}
