//! FLIP animation of goroutine tokens: after every render, each token (an element with
//! `data-flip="KEY"`) that now sits somewhere else slides from where it was to where it
//! is (Web Animations API, transforms only). Tokens that vanished leave a fading ghost,
//! which flies to the "finished" counter (`data-flip-sink`) when the goroutine ended.
//!
//! A token is a box (measured, never moved) holding a face (its first child, the part
//! that slides). All positions are read in one pass before anything is written, so the
//! browser lays out once per frame, and a token caught mid-flight continues from where
//! its face is seen. With `prefers-reduced-motion`, or a zero duration, tokens just jump.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

// The Web Animations API (web-sys has it behind `web_sys_unstable_apis` only). Calls
// that throw (a browser without the API) are caught and the token simply jumps.
#[wasm_bindgen]
extern "C" {
    /// An element, seen through the Web Animations API.
    #[wasm_bindgen(extends = Element)]
    type Animatable;
    type Anim;
    #[wasm_bindgen(method, catch, js_name = animate)]
    fn wa_animate(
        this: &Animatable,
        keyframes: &JsValue,
        options: &JsValue,
    ) -> Result<Anim, JsValue>;
    #[wasm_bindgen(method, catch, js_name = getAnimations)]
    fn wa_animations(this: &Animatable) -> Result<Array, JsValue>;
    #[wasm_bindgen(method)]
    fn cancel(this: &Anim);
    #[wasm_bindgen(method, setter = onfinish)]
    fn set_onfinish(this: &Anim, cb: &JsValue);
}

/// At most this many ghosts per frame (a burst of goroutines ending at once).
const MAX_GHOSTS: usize = 24;

#[derive(Clone, Debug)]
struct Seen {
    x: f64,
    y: f64,
    class: String,
    label: String,
}

/// Animates the tokens under `root` after each change of `deps`; `duration` is in
/// milliseconds; `ended(key)` tells whether a vanished token's goroutine finished.
#[hook]
pub fn use_flip<D>(root: NodeRef, deps: D, duration: f64, ended: Rc<dyn Fn(&str) -> bool>)
where
    D: PartialEq + 'static,
{
    let seen = use_mut_ref(HashMap::<String, Seen>::new);
    // Read once: a media query per frame is not free.
    let reduced = *use_memo((), |_| crate::dom::prefers_reduced_motion());
    use_effect_with(deps, move |_| {
        let animate = duration > 0.0 && !reduced;
        match root.cast::<Element>() {
            Some(root) if animate => flip(&root, &seen, duration, &*ended),
            // Not animating: measure nothing (no forced layout), forget old positions.
            _ => seen.borrow_mut().clear(),
        }
    });
}

fn rect_xy(el: &Element) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top())
}

fn flip(
    root: &Element,
    seen: &Rc<RefCell<HashMap<String, Seen>>>,
    duration: f64,
    ended: &dyn Fn(&str) -> bool,
) {
    let Ok(nodes) = root.query_selector_all("[data-flip]") else {
        return;
    };
    let mut els: Vec<(Element, String)> = Vec::with_capacity(nodes.length() as usize);
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            if let Some(key) = el.get_attribute("data-flip") {
                els.push((el, key));
            }
        }
    }
    let mut prev = seen.borrow_mut();
    // One pass of reads (the browser lays out once): where each token's box is (its
    // layout position; the box itself never moves) and where its face is seen (the face
    // is what slides, so mid-animation it is somewhere in between).
    let faces: Vec<Option<Element>> = els.iter().map(|(el, _)| el.first_element_child()).collect();
    let layout: Vec<(f64, f64)> = els.iter().map(|(el, _)| rect_xy(el)).collect();
    let visual: Vec<Option<(f64, f64)>> = faces.iter().map(|f| f.as_ref().map(rect_xy)).collect();
    // Then writes only.
    let mut next: HashMap<String, Seen> = HashMap::with_capacity(els.len());
    for ((((el, key), face), (x, y)), seen_at) in els.iter().zip(&faces).zip(layout).zip(visual) {
        let Some(face) = face else { continue };
        // A token this element already showed starts where its face is seen; a token
        // that moved to a new element starts where its old element was.
        let same = el.get_attribute("data-flip-seen").as_deref() == Some(key.as_str());
        let from = if same {
            seen_at
        } else {
            prev.get(key).map(|s| (s.x, s.y))
        };
        match from {
            Some((fx, fy)) if (fx - x).abs() > 0.5 || (fy - y).abs() > 0.5 => {
                if let Ok(list) = face.unchecked_ref::<Animatable>().wa_animations() {
                    for a in list.iter() {
                        a.unchecked_into::<Anim>().cancel();
                    }
                }
                slide(face, fx - x, fy - y, duration);
            }
            None => fade_in(face, duration),
            _ => {}
        }
        if !same {
            let _ = el.set_attribute("data-flip-seen", key);
        }
        next.insert(
            key.clone(),
            Seen {
                x,
                y,
                class: el.get_attribute("class").unwrap_or_default(),
                label: el.text_content().unwrap_or_default(),
            },
        );
    }
    {
        let sink = root
            .query_selector("[data-flip-sink]")
            .ok()
            .flatten()
            .map(|s| rect_xy(&s));
        let mut ghosts = 0;
        for (key, s) in prev.iter() {
            if next.contains_key(key) || ghosts >= MAX_GHOSTS {
                continue;
            }
            ghosts += 1;
            let to = if ended(key) { sink } else { None };
            ghost(root, s, to, duration);
        }
    }
    *prev = next;
}

fn keyframes(frames: &[&[(&str, &str)]]) -> JsValue {
    let arr = Array::new();
    for f in frames {
        let o = Object::new();
        for (k, v) in *f {
            let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        arr.push(&o);
    }
    arr.into()
}

fn options(duration: f64) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"duration".into(), &duration.into());
    let _ = Reflect::set(&o, &"easing".into(), &"cubic-bezier(.2,.7,.2,1)".into());
    o.into()
}

fn slide(el: &Element, dx: f64, dy: f64, duration: f64) {
    let from = format!("translate({dx:.1}px, {dy:.1}px)");
    let frames = keyframes(&[&[("transform", &from)], &[("transform", "none")]]);
    let _ = el
        .unchecked_ref::<Animatable>()
        .wa_animate(&frames, &options(duration));
}

fn fade_in(el: &Element, duration: f64) {
    let frames = keyframes(&[
        &[("opacity", "0"), ("transform", "scale(.4)")],
        &[("opacity", "1"), ("transform", "none")],
    ]);
    let _ = el
        .unchecked_ref::<Animatable>()
        .wa_animate(&frames, &options(duration));
}

/// A fading copy of a token that is gone, optionally flying to `to`.
fn ghost(root: &Element, s: &Seen, to: Option<(f64, f64)>, duration: f64) {
    let Some(doc) = root.owner_document() else {
        return;
    };
    let Ok(el) = doc.create_element("span") else {
        return;
    };
    let _ = el.set_attribute("class", &format!("{} token--ghost", s.class));
    let _ = el.set_attribute("aria-hidden", "true");
    if let Ok(face) = doc.create_element("span") {
        let _ = face.set_attribute("class", "token__face");
        face.set_text_content(Some(&s.label));
        let _ = el.append_child(&face);
    }
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let st = h.style();
        let _ = st.set_property("left", &format!("{:.1}px", s.x));
        let _ = st.set_property("top", &format!("{:.1}px", s.y));
    }
    let Some(body) = doc.body() else { return };
    if body.append_child(&el).is_err() {
        return;
    }
    let end = match to {
        Some((tx, ty)) => format!("translate({:.1}px, {:.1}px) scale(.5)", tx - s.x, ty - s.y),
        None => "scale(.3)".to_string(),
    };
    let frames = keyframes(&[
        &[("opacity", "1"), ("transform", "none")],
        &[("opacity", "0"), ("transform", &end)],
    ]);
    let done = el.clone();
    match el
        .unchecked_ref::<Animatable>()
        .wa_animate(&frames, &options(duration * 1.5))
    {
        Ok(anim) => {
            let cb = Closure::once_into_js(move || done.remove());
            anim.set_onfinish(&cb);
        }
        Err(_) => done.remove(),
    }
}
