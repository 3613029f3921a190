//! The schedule search's loop: while a [`Search`] runs, it gets one task of at most
//! [`TASK_MS`] every time the browser is free (`setTimeout(0)`), and the page gets a
//! [`Report`] at most every [`REPORT_MS`] and when the search ends. Cancelling drops the
//! search; the next task finds nothing to do.
//!
//! `setTimeout(0)` rather than `requestAnimationFrame`: a search draws nothing per frame,
//! so it can take most of the main thread (browsers space nested zero timeouts by 4 ms,
//! which leaves room for input and rendering between tasks).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gosched_sim::explore::Found;
use yew::prelude::*;

use super::frame_loop::FrameLoop;
use crate::explore::search::{Request, Search};
use crate::state::Shared;

/// Work per task, in milliseconds: far from the 50 ms long-task line even when a slice
/// overruns its estimate or the machine is busy (measured on 2 shared cores at load 16:
/// a 12 ms budget took 16 ms at the median, 41 ms at p95), and long enough that the 4 ms
/// gaps between tasks cost a third of the time at most.
const TASK_MS: f64 = 10.0;
/// How often the page is told about progress while searching.
const REPORT_MS: f64 = 150.0;

/// What the page shows of a search.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub request: Request,
    pub running: bool,
    pub cancelled: bool,
    pub schedules: u64,
    pub elapsed_ms: f64,
    /// Schedules per second of working time.
    pub rate: f64,
    /// Distinct outcomes and their counts, most frequent first.
    pub outcomes: Vec<(String, u64)>,
    pub other: u64,
    pub found: Option<Found>,
}

impl Report {
    fn of(s: &Search, cancelled: bool) -> Report {
        let p = s.progress();
        Report {
            request: s.request,
            running: s.running() && !cancelled,
            cancelled,
            schedules: p.schedules,
            elapsed_ms: s.elapsed_ms,
            rate: s.rate(),
            outcomes: p
                .outcomes
                .iter()
                .map(|o| (o.label.clone(), o.count))
                .collect(),
            other: p.other_outcomes,
            found: s.found().cloned(),
        }
    }
}

struct Inner {
    search: RefCell<Option<Search>>,
    on_report: RefCell<Callback<Report>>,
    /// The loop (`setTimeout(0)`).
    tasks: FrameLoop,
    reported: Cell<f64>,
}

/// Starts and cancels searches.
#[derive(Clone, PartialEq)]
pub struct ExplorerHandle {
    inner: Shared<Inner>,
}

impl ExplorerHandle {
    /// Starts `search` (replacing any search in progress).
    pub fn start(&self, search: Search) {
        let report = Report::of(&search, false);
        *self.inner.search.borrow_mut() = Some(search);
        self.inner.reported.set(crate::dom::now());
        self.inner.on_report.borrow().emit(report);
        self.inner.tasks.schedule();
    }

    /// Stops the search in progress, reporting where it got.
    pub fn cancel(&self) {
        let Some(s) = self.inner.search.borrow_mut().take() else {
            return;
        };
        self.inner.on_report.borrow().emit(Report::of(&s, true));
    }
}

fn on_tick(inner: &Rc<Inner>) {
    let report = {
        let mut slot = inner.search.borrow_mut();
        let Some(search) = slot.as_mut() else {
            return;
        };
        let t0 = crate::dom::now();
        let going = search.work(&crate::dom::now, TASK_MS);
        crate::dom::timing("explore", crate::dom::now() - t0);
        let now = crate::dom::now();
        if !going {
            let r = Report::of(search, false);
            *slot = None;
            Some(r)
        } else if now - inner.reported.get() >= REPORT_MS {
            inner.reported.set(now);
            Some(Report::of(search, false))
        } else {
            None
        }
    };
    let going = inner.search.borrow().is_some();
    if let Some(r) = report {
        let cb = inner.on_report.borrow().clone();
        cb.emit(r);
    }
    if going {
        inner.tasks.schedule();
    }
}

/// Owns the search loop; `on_report` receives every [`Report`].
#[hook]
pub fn use_explorer(on_report: Callback<Report>) -> ExplorerHandle {
    let handle = use_memo((), |_| {
        let inner = Rc::new_cyclic(|weak| Inner {
            search: RefCell::new(None),
            on_report: RefCell::new(on_report.clone()),
            tasks: FrameLoop::timeout(0, weak.clone(), on_tick),
            reported: Cell::new(0.0),
        });
        ExplorerHandle {
            inner: Shared(inner),
        }
    });
    *handle.inner.on_report.borrow_mut() = on_report;
    (*handle).clone()
}
