//! Custom hooks, one per file: the animation loop that drives the simulation, FLIP
//! animation of goroutine tokens, and keyboard shortcuts; `frame_loop` is the plumbing
//! the loops share.

mod frame_loop;
pub mod use_compare;
pub mod use_driver;
pub mod use_explorer;
pub mod use_flip;
pub mod use_lessons;
pub mod use_share_link;
pub mod use_shortcuts;
