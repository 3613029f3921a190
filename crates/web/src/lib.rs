//! gosched-web: the Yew playground page, and the only crate that knows the browser.
//!
//! The page keeps its state as plain data ([`state::Playground`], changed only
//! through [`state::Action`]) and renders it with small components that get data
//! and callbacks, nothing else. Everything that does not need a browser lives in
//! [`state`] and is unit-tested natively; the components are tested in headless
//! Chromium by `tests/browser.rs` (wasm-bindgen-test) and `tests/e2e` (Playwright).
//!
//! Elements that tests look for carry a `data-testid` attribute; treat those
//! names as an interface.

mod app;
mod editor;
pub mod embed;
mod report;
pub mod share;
pub mod state;

pub use app::App;

/// The program the editor holds when the page opens.
pub const DEFAULT_PROGRAM: &str = include_str!("../../../web/lessons/waitgroup.go");
