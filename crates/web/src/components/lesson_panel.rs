//! The lesson panel: the guided explanation of the current step in the page's language,
//! previous/next buttons and a button per step, and, for a program with a comparison run
//! (GOMAXPROCS=1 against 4, cooperative against asynchronous preemption), the two runs as
//! a pair the learner switches between, each with the total simulated time it reached.
//!
//! The only state kept here is presentation: the end times of the runs seen so far for the
//! program shown (forgotten when the program changes).

use yew::prelude::*;

use crate::frame::Status;
use crate::i18n::{dur, t, tf, Key, Lang};
use crate::lessons::data::Settings as LessonSettings;
use crate::lessons::nav::{LessonAt, Run};

/// The exit status of a run stopped by its step limit (`timeout`'s, as the simulator).
const STEP_LIMIT_EXIT: i32 = 124;

#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    pub lang: Lang,
    pub at: LessonAt,
    /// The run's status and simulated time now (`None`: nothing loaded).
    pub status: Option<Status>,
    pub end_time: u64,
    pub on_step: Callback<usize>,
    pub on_run: Callback<Run>,
    pub on_close: Callback<()>,
    /// Opens the side-by-side view of both runs, where the page has one.
    #[prop_or_default]
    pub on_compare: Option<Callback<()>>,
}

/// How a finished run ended: its total simulated time, or the step limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ended {
    At(u64),
    Limit,
}

#[function_component(LessonPanel)]
pub fn lesson_panel(p: &LessonPanelProps) -> Html {
    let lang = p.lang;
    let tag = lang.tag();
    let at = p.at;
    let lesson = at.lesson;
    let step = at.current();
    let n = lesson.steps.len();

    // End times per run, for the program shown.
    let ended = use_state(|| (at.program.id, [None::<Ended>; 2]));
    {
        let ended = ended.clone();
        let status = p.status;
        let time = p.end_time;
        use_effect_with(
            (at.program.id, at.run, status, time),
            move |&(id, run, status, time)| {
                let mut next = if ended.0 == id { ended.1 } else { [None; 2] };
                if let Some(Status::Finished(code)) = status {
                    next[run as usize] = Some(if code == STEP_LIMIT_EXIT {
                        Ended::Limit
                    } else {
                        Ended::At(time)
                    });
                }
                if (id, next) != *ended {
                    ended.set((id, next));
                }
            },
        );
    }

    let go = |i: usize| p.on_step.reform(move |_: MouseEvent| i);
    let prev = at.step.checked_sub(1);
    let next = (at.step + 1 < n).then_some(at.step + 1);
    let run_name = |s: &LessonSettings| {
        let preempt = t(
            lang,
            if s.preempt_coop {
                Key::PreemptCoop
            } else {
                Key::PreemptAsync
            },
        );
        let name = tf(
            lang,
            Key::LessonRunName,
            &[("procs", &s.procs.to_string()), ("preempt", preempt)],
        );
        // A "what if" run says so, or its name would read like Go's run beside it.
        if s.runnext {
            name
        } else {
            format!("{name}, {}", t(lang, Key::CompareRunNoRunnext))
        }
    };
    let runs = at.program.compare.map(|c| {
        let times = if ended.0 == at.program.id { ended.1 } else { [None; 2] };
        let row = |run: Run, s: LessonSettings| {
            let shown = at.run == run;
            let result = match times[run as usize] {
                Some(Ended::At(ns)) => tf(lang, Key::LessonRunTime, &[("time", &dur(lang, ns))]),
                Some(Ended::Limit) => t(lang, Key::LessonRunLimit).to_string(),
                None => t(lang, Key::LessonRunPending).to_string(),
            };
            let which = if run == Run::Primary { "primary" } else { "compare" };
            html! {
                <li class={classes!("lesson__run", shown.then_some("lesson__run--shown"))}
                    data-testid={format!("lesson-run-{which}")}>
                    <span class="lesson__run-name">{ run_name(&s) }</span>
                    <span class="lesson__run-result" data-testid={format!("lesson-run-{which}-result")}>{ result }</span>
                    <button type="button" class="btn btn--small" aria-pressed={shown.to_string()}
                            data-testid={format!("lesson-show-{which}")}
                            onclick={p.on_run.reform(move |_: MouseEvent| run)}>
                        { t(lang, if shown { Key::LessonRunShown } else { Key::LessonRunShow }) }
                    </button>
                </li>
            }
        };
        html! {
            <div class="lesson__runs" data-testid="lesson-runs">
                <h3 class="lesson__runs-title" id="lesson-runs-title">{ t(lang, Key::LessonRuns) }</h3>
                <ul aria-labelledby="lesson-runs-title">
                    { row(Run::Primary, at.program.settings) }
                    { row(Run::Compare, c) }
                </ul>
                if let Some(open) = p.on_compare.clone() {
                    <button type="button" class="btn" data-testid="lesson-compare"
                            onclick={open.reform(|_: MouseEvent| ())}>
                        { t(lang, Key::LessonSideBySide) }
                    </button>
                }
            </div>
        }
    });

    html! {
        <section class="panel lesson" data-testid="lesson-panel"
                 aria-label={tf(lang, Key::LessonPanel, &[("title", lesson.title.get(tag))])}>
            <header class="panel__head lesson__head">
                <h2 class="panel__title" data-testid="lesson-title">{ lesson.title.get(tag) }</h2>
                <span class="lesson__count" data-testid="lesson-step" data-step={(at.step + 1).to_string()}>
                    { tf(lang, Key::LessonStepOf, &[("n", &(at.step + 1).to_string()), ("total", &n.to_string())]) }
                </span>
                <button type="button" class="btn btn--ghost btn--icon" data-testid="lesson-close"
                        aria-label={t(lang, Key::LessonClose)} title={t(lang, Key::LessonClose)}
                        onclick={p.on_close.reform(|_: MouseEvent| ())}>
                    { "×" }
                </button>
            </header>
            <p class="lesson__program" data-testid="lesson-program">
                { tf(lang, Key::LessonProgram, &[("name", at.program.label.get(tag))]) }
            </p>
            <p class="lesson__text" data-testid="lesson-text" aria-live="polite">{ step.text.get(tag) }</p>
            { runs.unwrap_or_default() }
            <nav class="lesson__nav" aria-label={t(lang, Key::LessonSteps)}>
                <button type="button" class="btn" data-testid="lesson-prev" disabled={prev.is_none()}
                        onclick={go(prev.unwrap_or(0))}>
                    <span aria-hidden="true">{ "← " }</span>{ t(lang, Key::LessonPrev) }
                </button>
                <ol class="lesson__dots">
                    { for (0..n).map(|i| html! {
                        <li>
                            <button type="button"
                                    class={classes!("lesson__dot", (i == at.step).then_some("lesson__dot--current"))}
                                    aria-current={(i == at.step).then_some("step")}
                                    aria-label={tf(lang, Key::LessonGoStep, &[("n", &(i + 1).to_string())])}
                                    onclick={go(i)}>
                                { i + 1 }
                            </button>
                        </li>
                    }) }
                </ol>
                <button type="button" class="btn btn--primary" data-testid="lesson-next" disabled={next.is_none()}
                        onclick={go(next.unwrap_or(at.step))}>
                    { t(lang, Key::LessonNext) }<span aria-hidden="true">{ " →" }</span>
                </button>
            </nav>
        </section>
    }
}
