//! The embed's side of the postMessage API, in the browser: commands from the host drive the page, events and the content height go out.
//!
//! Only messages whose `source` is the parent window are read (a popup or
//! another frame cannot drive the embed), from any origin (course sites are
//! anywhere), and each must have exactly the shape [`parse_inbound`] accepts;
//! anything else is ignored without a word. The host's data is never
//! evaluated: it is serialised with `JSON.stringify` and parsed by serde.
//! Events go to the parent with target origin `*`: they say nothing the embed
//! URL (which the host wrote) does not already hold.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::params::EmbedParams;
use super::protocol::{parse_inbound, Inbound, Outbound};
use crate::hooks::use_driver::DriverHandle;
use crate::state::{Action, Playground};

/// What a valid command from the host does (rebuilt every render).
type Handler = Rc<dyn Fn(Inbound)>;

/// The parent window, when the page is framed (`None` at the top level).
fn parent() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let p = w.parent().ok().flatten()?;
    (!js_sys::Object::is(&p, &w)).then_some(p)
}

/// Posts an event to the parent window, if there is one.
pub fn post(ev: &Outbound) {
    let Some(p) = parent() else { return };
    if let Ok(msg) = js_sys::JSON::parse(&ev.to_json()) {
        let _ = p.post_message(&msg, "*");
    }
}

/// The command in a `message` event, if it comes from the parent and has a valid shape.
fn command(e: &Event) -> Option<Inbound> {
    let e = e.dyn_ref::<web_sys::MessageEvent>()?;
    let from = e.source()?;
    if !js_sys::Object::is(&from, &parent()?.into()) {
        return None;
    }
    let data = e.data();
    // Commands are objects; this also keeps `undefined` (which has no JSON text) out.
    if !data.is_object() {
        return None;
    }
    let json = JsValue::from(js_sys::JSON::stringify(&data).ok()?).as_string()?;
    parse_inbound(&json)
}

/// The bottom of the page's content, in CSS pixels (what the host should size the iframe to).
fn content_height() -> Option<u32> {
    let doc = web_sys::window()?.document()?;
    let app = doc.query_selector(".app").ok()??;
    let el = app.dyn_ref::<web_sys::HtmlElement>()?;
    let px = f64::from(el.offset_top()) + el.get_bounding_client_rect().height();
    Some(px.ceil().clamp(0.0, 100_000.0) as u32)
}

/// What stays alive while the page is embedded.
struct Installed {
    _listener: EventListener,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
}

impl Drop for Installed {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Listens for commands (`handle` is called with each valid one) and reports the
/// content height whenever it changes.
fn install(handle: Rc<RefCell<Option<Handler>>>) -> Option<Installed> {
    let window = web_sys::window()?;
    let listener = EventListener::new(&window, "message", move |e| {
        if let Some(cmd) = command(e) {
            let f = handle.borrow().clone();
            if let Some(f) = f {
                f(cmd);
            }
        }
    });
    let last = Rc::new(RefCell::new(0u32));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Some(px) = content_height() {
            if *last.borrow() != px {
                *last.borrow_mut() = px;
                post(&Outbound::Height { px });
            }
        }
    });
    // The whole page resizes with its content; observing <body> catches every change.
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(body)) = (&observer, window.document().and_then(|d| d.body())) {
        o.observe(&body);
    }
    Some(Installed {
        _listener: listener,
        observer,
        _on_resize: on_resize,
    })
}

/// Runs the embed's side of the API when `params` is `Some`; does nothing otherwise.
#[hook]
pub fn use_embed(
    params: Option<EmbedParams>,
    state: &UseReducerHandle<Playground>,
    driver: &DriverHandle,
) {
    let on = params.is_some();
    // The command handler is rebuilt every render, so it sees the current speed.
    let handle = use_mut_ref(|| None::<Handler>);
    {
        let state = state.clone();
        let driver = driver.clone();
        let rate = state.rate();
        *handle.borrow_mut() = Some(Rc::new(move |cmd: Inbound| match cmd {
            Inbound::Load { scenario } => super::apply::load(&state, &scenario),
            Inbound::Play => driver.with(|d| d.play(rate)),
            Inbound::Pause => driver.with(|d| d.pause()),
            Inbound::Step => driver.with(|d| d.step()),
            Inbound::Seek { step } => driver.with(|d| d.seek(step)),
            Inbound::Set { procs } => state.dispatch(Action::SetProcs(procs)),
        }));
    }
    {
        let handle = handle.clone();
        use_effect_with(on, move |on| {
            let installed = if *on { install(handle) } else { None };
            if installed.is_some() {
                post(&Outbound::Ready);
            }
            move || drop(installed)
        });
    }
    // Events from each new frame; autoplay once the first program is loaded.
    let watcher = use_mut_ref(super::events::Watcher::default);
    let autoplayed = use_mut_ref(|| false);
    let autoplay = params.is_some_and(|p| p.autoplay);
    let rate = state.rate();
    let driver = driver.clone();
    use_effect_with(state.frame.clone(), move |frame| {
        if let (true, Some(f)) = (on, frame) {
            for ev in watcher.borrow_mut().observe_frame(f, crate::dom::now()) {
                post(&ev);
            }
            if autoplay && !*autoplayed.borrow() && f.status == crate::frame::Status::Ready {
                *autoplayed.borrow_mut() = true;
                driver.with(|d| d.play(rate));
            }
        }
    });
}

/// `location.search` ("" if unavailable).
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment (`https://host/path/`).
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Copies `text` to the clipboard (`navigator.clipboard.writeText`); `done` is called
/// with whether it worked. The API is looked up at run time: a sandboxed frame or an
/// old browser may lack it, and then `done(false)` is called at once.
pub fn copy_text(text: &str, done: Callback<bool>) {
    let promise = (|| {
        let nav = web_sys::window()?.navigator();
        let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).ok()?;
        let write = js_sys::Reflect::get(&clip, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        write
            .call1(&clip, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    })();
    match promise {
        Some(p) => {
            // Two small closures per click, kept (forgotten) until the promise settles.
            let ok = done.clone();
            let ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| ok.emit(true));
            let failed = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| done.emit(false));
            let _ = p.then2(&ok, &failed);
            ok.forget();
            failed.forget();
        }
        None => done.emit(false),
    }
}
