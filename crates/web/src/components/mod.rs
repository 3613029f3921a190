//! The page's components, one per file. Each gets data and callbacks through its props and
//! holds no state of its own beyond what presentation needs (a scroll position, the time
//! of the last screen-reader announcement). Class names are BEM-like; styles live in
//! `web/*.css`.

pub mod assumptions;
pub mod be_scheduler;
pub mod blocked;
pub mod cells;
pub mod compare_view;
pub mod console;
pub mod console_tail;
pub mod diagnostics;
pub mod editor;
pub mod embed_dialog;
pub mod embed_link;
pub mod event_log;
pub mod explore_panel;
pub mod export_trace;
pub mod header;
pub mod help;
pub mod lesson_menu;
pub mod lesson_panel;
pub mod machines;
pub mod memory_meter;
pub mod narration;
pub mod os_waits;
pub mod p_card;
pub mod race_report;
pub mod settings_bar;
pub mod share;
pub mod slot;
pub mod stage;
pub mod stats;
pub mod timeline;
pub mod token;
pub mod transport;
pub mod wait_for;

/// The colour class of goroutine `id` (16 colours, defined in the stylesheet). Colour is
/// never the only signal: tokens also show their id and a state glyph.
pub fn color_class(id: u32) -> String {
    format!("gc-{}", id % 16)
}
