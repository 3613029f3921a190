//! gosched-web: the Yew playground page, and the only crate that knows the browser.
//!
//! The page keeps its state as plain data ([`state::Playground`], changed only
//! through [`state::Action`]) and renders it with small components (one per file
//! under `components/`) that get data and callbacks, nothing else. The running
//! simulation is owned by the [`driver::Driver`], which works in slices within a
//! per-frame time budget (`hooks/use_driver.rs` runs it from
//! `requestAnimationFrame`) and publishes [`frame::Frame`]s for the components to
//! draw. Every UI string comes from [`i18n`] (English and Brazilian Portuguese).
//!
//! Everything that does not need a browser (state, driver, i18n, narration,
//! highlighting, timeline) is unit-tested natively; the components are tested in
//! headless Chromium by `tests/browser.rs` (wasm-bindgen-test) and `tests/e2e`
//! (Playwright). Elements that tests look for carry a `data-testid` attribute;
//! treat those names as an interface.

mod app;
pub mod compare;
pub mod components;
pub mod dom;
pub mod driver;
pub mod embed;
pub mod explore;
pub mod export;
pub mod frame;
pub mod highlight;
pub mod hooks;
pub mod i18n;
pub mod lessons;
pub mod narrate;
pub mod share;
pub mod state;
pub mod timeline;

pub use app::App;

/// The program the editor holds when the page opens.
pub const DEFAULT_PROGRAM: &str = include_str!("../../../web/lessons/waitgroup.go");
