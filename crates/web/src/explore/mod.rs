//! The page side of the schedule explorer (issue 7): searching a program's schedules for a
//! race, a deadlock, a panic or a different output ([`search`]), and "be the scheduler",
//! where the user makes the scheduler's decisions one click at a time ([`seat`]).
//!
//! Both are plain data driven by a caller's clock, so they are tested natively; the
//! browser loops live in `hooks/use_explorer.rs` and the panels in `components/explore_panel.rs`,
//! `components/be_scheduler.rs` and `components/wait_for.rs`.

pub mod search;
pub mod seat;
