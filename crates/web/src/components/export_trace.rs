//! The "Download trace" button in the timeline's header: saves the run's scheduling trace,
//! up to the step shown (the whole run once it has finished), as Chrome trace-event JSON
//! (`gosched-trace.json`, the format of `gosched run --trace`) for Perfetto or
//! chrome://tracing. The text is built over many short tasks (`crate::export`) and saved
//! through a Blob, an object URL and a temporary `<a download>`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use gloo_timers::callback::Timeout;
use gosched_sim::ids::Step;
use yew::prelude::*;

use crate::export::ExportJob;
use crate::hooks::use_driver::DriverHandle;
use crate::i18n::{bytes, num, t, tf, Key, Lang};

/// The file the browser saves.
pub const FILE_NAME: &str = "gosched-trace.json";
/// Each task of the export works this long (milliseconds), well under the page's 50 ms
/// rule, leaving the rest of a frame to drawing.
const TASK_MS: f64 = 8.0;

#[derive(Properties, PartialEq)]
pub struct ExportTraceProps {
    pub lang: Lang,
    pub driver: DriverHandle,
    /// The step shown, and whether the run has ended there (then the whole run is saved).
    pub step: Step,
    pub finished: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    Idle,
    /// Progress from 0 to 100.
    Working(u32),
    /// Bytes saved.
    Saved(usize),
}

/// A download in progress: the job, the pieces handed to the browser so far (Blobs), and the
/// timer of the next task (dropping it cancels the export).
struct Running {
    job: ExportJob,
    parts: js_sys::Array,
    timer: Option<Timeout>,
    started: f64,
    longest: f64,
}

type Slot = Rc<RefCell<Option<Running>>>;

/// One task of the export; queues the next one until the text is complete, then saves it.
fn task(slot: Slot, driver: DriverHandle, state: UseStateSetter<State>) {
    let t0 = crate::dom::now();
    let mut guard = slot.borrow_mut();
    let Some(run) = guard.as_mut() else { return };
    let done = driver.peek(|d| {
        let (prog, events, _) = d.recorded()?;
        // Another program (or the same one again) was loaded: its events are not these.
        if !Arc::ptr_eq(prog, run.job.program()) {
            return None;
        }
        let parts = &run.parts;
        Some(run.job.work(events, &crate::dom::now, TASK_MS, &mut |s| {
            if let Some(piece) = crate::dom::blob_piece(s.as_bytes()) {
                parts.push(&piece);
            }
        }))
    });
    let ms = crate::dom::now() - t0;
    run.longest = run.longest.max(ms);
    crate::dom::timing("export-task", ms);
    match done {
        None => {
            *guard = None;
            state.set(State::Idle);
        }
        Some(false) => {
            state.set(State::Working((run.job.progress() * 100.0) as u32));
            let (s, d, st) = (slot.clone(), driver.clone(), state.clone());
            run.timer = Some(Timeout::new(0, move || task(s, d, st)));
        }
        Some(true) => {
            let total = crate::dom::now() - run.started;
            crate::dom::timing("export", total);
            crate::dom::timing("export-longest-task", run.longest);
            let saved = run.job.bytes();
            let t1 = crate::dom::now();
            crate::dom::save_parts(&run.parts, "application/json", FILE_NAME);
            crate::dom::timing("export-save", crate::dom::now() - t1);
            *guard = None;
            state.set(State::Saved(saved));
        }
    }
}

#[function_component(ExportTrace)]
pub fn export_trace(p: &ExportTraceProps) -> Html {
    let lang = p.lang;
    let state = use_state(|| State::Idle);
    let slot: Slot = use_mut_ref(|| None);
    // A new step or run makes the last "saved" message stale.
    {
        let state = state.clone();
        use_effect_with(p.step, move |_| {
            if let State::Saved(_) = *state {
                state.set(State::Idle);
            }
        });
    }
    let onclick = {
        let (slot, driver, setter) = (slot.clone(), p.driver.clone(), state.setter());
        Callback::from(move |_: MouseEvent| {
            if slot.borrow().is_some() {
                return;
            }
            let Some(job) = driver.peek(|d| {
                d.recorded()
                    .map(|(prog, _, now)| ExportJob::new(prog.clone(), now))
            }) else {
                return;
            };
            *slot.borrow_mut() = Some(Running {
                job,
                parts: js_sys::Array::new(),
                timer: None,
                started: crate::dom::now(),
                longest: 0.0,
            });
            setter.set(State::Working(0));
            task(slot.clone(), driver.clone(), setter.clone());
        })
    };
    let working = matches!(*state, State::Working(_));
    let scope = if p.finished {
        t(lang, Key::ExportScopeWhole).to_string()
    } else {
        tf(lang, Key::ExportScopeNow, &[("step", &num(lang, p.step))])
    };
    let status = match *state {
        State::Idle => String::new(),
        State::Working(pct) => tf(lang, Key::ExportWorking, &[("pct", &pct.to_string())]),
        State::Saved(n) => tf(
            lang,
            Key::ExportSaved,
            &[("file", FILE_NAME), ("size", &bytes(lang, n as u64))],
        ),
    };
    html! {
        <span class="export">
            <button type="button" class="btn btn--ghost btn--small" data-testid="export-trace"
                    title={t(lang, Key::ExportTraceTitle)} disabled={working}
                    aria-busy={working.to_string()} {onclick}>
                { t(lang, Key::ExportTrace) }
            </button>
            <span class="export__scope" data-testid="export-scope">{ scope }</span>
            <span class="export__status" data-testid="export-status" role="status" aria-live="polite">
                { status }
            </span>
        </span>
    }
}
