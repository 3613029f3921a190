//! "Find a bad interleaving": what to look for and with which strategy, the button that
//! starts (and cancels) the search, its progress (schedules tried, distinct outcomes with
//! counts, time), and, once a schedule is loaded, what it shows and a way back to the seed.
//!
//! The search runs in `hooks/use_explorer.rs`; a found schedule goes to the page through
//! `on_found` (the page loads it paused just before the decisive step).

use gosched_sim::explore::{Found, FoundKind, Goal, StrategyKind};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::explore::search::{Request, Search};
use crate::hooks::use_explorer::{use_explorer, Report};
use crate::i18n::{dur, num, t, tf, Key, Lang, Phrase};
use crate::state::Settings;

/// Outcomes listed (the rest are summed in one line).
const LISTED: usize = 8;

#[derive(Properties, PartialEq)]
pub struct ExplorePanelProps {
    pub lang: Lang,
    pub src: AttrValue,
    pub settings: Settings,
    pub runnable: bool,
    /// The schedule the main view replays, and what it shows.
    pub schedule: Option<AttrValue>,
    pub finding: Option<Phrase>,
    /// A found schedule: its text, the step to pause at, the explanation, and the
    /// lines to mark (a race's two accesses).
    pub on_found: Callback<(String, u64, Phrase, Vec<u32>)>,
    pub on_forget: Callback<()>,
    /// Compile errors of a search.
    pub on_errors: Callback<Vec<String>>,
}

/// The explanation of a finding (what it is, where the run pauses).
pub fn finding(f: &Found) -> Phrase {
    let step = f.decisive_step.to_string();
    match &f.kind {
        FoundKind::Race {
            name,
            previous,
            current,
        } => Phrase::new(Key::FoundRace)
            .arg("name", name.clone())
            .arg("previous", previous.clone())
            .arg("current", current.clone()),
        FoundKind::Deadlock => Phrase::new(Key::FoundDeadlock),
        FoundKind::Panic { message } => {
            // The sentence says "a panic" already; Go's line starts with `panic: `.
            let message = message.strip_prefix("panic: ").unwrap_or(message);
            Phrase::new(Key::FoundPanic).arg("message", message.to_string())
        }
        FoundKind::Output { .. } => Phrase::new(Key::FoundOutput).arg("what", f.summary.clone()),
    }
    .arg("step", step)
}

/// The source lines a finding is about (`main.go:19` → 19): a race's two accesses.
pub fn finding_lines(f: &Found) -> Vec<u32> {
    let line = |pos: &str| pos.rsplit(':').next().and_then(|n| n.parse::<u32>().ok());
    let mut lines: Vec<u32> = match &f.kind {
        FoundKind::Race {
            previous, current, ..
        } => [previous, current]
            .into_iter()
            .filter_map(|p| line(p))
            .collect(),
        _ => Vec::new(),
    };
    lines.sort_unstable();
    lines.dedup();
    lines
}

fn goal_key(g: Goal) -> Key {
    match g {
        Goal::Race => Key::FindRace,
        Goal::Deadlock => Key::FindDeadlock,
        Goal::Panic => Key::FindPanic,
        Goal::Output => Key::FindOutput,
    }
}

/// The strategies offered, by the CLI's names.
const STRATEGIES: [(&str, Key); 3] = [
    ("random", Key::StrategyRandom),
    ("pct", Key::StrategyPct),
    ("bounded", Key::StrategyBounded),
];

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

#[function_component(ExplorePanel)]
pub fn explore_panel(p: &ExplorePanelProps) -> Html {
    let lang = p.lang;
    let goal = use_state(|| Goal::Race);
    let strategy = use_state(|| "random".to_string());
    let report = use_state(|| None::<Report>);
    let explorer = {
        let report = report.clone();
        let on_found = p.on_found.clone();
        use_explorer(Callback::from(move |r: Report| {
            if let (false, Some(f)) = (r.running, &r.found) {
                on_found.emit((
                    f.schedule.encode(),
                    f.decisive_step.saturating_sub(1),
                    finding(f),
                    finding_lines(f),
                ));
            }
            report.set(Some(r));
        }))
    };
    let running = report.as_ref().is_some_and(|r| r.running);

    let on_goal = {
        let goal = goal.clone();
        Callback::from(move |e: Event| {
            if let Some(g) = Goal::from_key(&select_value(&e)) {
                goal.set(g);
            }
        })
    };
    let on_strategy = {
        let strategy = strategy.clone();
        Callback::from(move |e: Event| strategy.set(select_value(&e)))
    };
    let on_start = {
        let explorer = explorer.clone();
        let (src, settings) = (p.src.clone(), p.settings);
        let (goal, strategy) = (*goal, (*strategy).clone());
        let on_errors = p.on_errors.clone();
        Callback::from(move |_: MouseEvent| {
            let strategy = StrategyKind::from_key(&strategy).unwrap_or(StrategyKind::Random);
            match Search::new(&src, &settings, Request { goal, strategy }) {
                Ok(s) => explorer.start(s),
                Err(e) => on_errors.emit(e),
            }
        })
    };
    let on_cancel = {
        let explorer = explorer.clone();
        Callback::from(move |_: MouseEvent| explorer.cancel())
    };
    let on_forget = p.on_forget.reform(|_: MouseEvent| ());

    let status = report.as_ref().map(|r| {
        let time = dur(lang, (r.elapsed_ms * 1e6) as u64);
        let n = num(lang, r.schedules);
        let rate = num(lang, r.rate.round() as u64);
        let line = if r.running {
            tf(lang, Key::ExploreRunning, &[("n", &n), ("time", &time)])
        } else if r.cancelled {
            tf(lang, Key::ExploreCancelled, &[("n", &n), ("time", &time)])
        } else if let Some(f) = &r.found {
            // What was found in the page's language (Go's own words for a panic).
            let what = match &f.kind {
                FoundKind::Race { name, .. } => format!("{} ({name})", t(lang, Key::FindRace)),
                FoundKind::Deadlock => t(lang, Key::FindDeadlock).to_string(),
                FoundKind::Panic { message } => message.clone(),
                FoundKind::Output { .. } => t(lang, Key::FindOutput).to_string(),
            };
            tf(
                lang,
                Key::ExploreFoundAfter,
                &[("n", &n), ("time", &time), ("rate", &rate), ("what", &what)],
            )
        } else {
            tf(lang, Key::ExploreNotFound, &[("n", &n), ("time", &time), ("rate", &rate)])
        };
        let runs = |c: u64| {
            if c == 1 {
                t(lang, Key::ExploreRunOne).to_string()
            } else {
                tf(lang, Key::ExploreRuns, &[("n", &num(lang, c))])
            }
        };
        let other: u64 = r.outcomes.iter().skip(LISTED).map(|(_, c)| c).sum::<u64>() + r.other;
        html! {
            <>
                <p class="explore__line" data-state={if r.running { "running" } else if r.found.is_some() { "found" } else { "done" }}>{ line }</p>
                if !r.outcomes.is_empty() {
                    <p class="explore__outcomes-title">{ t(lang, Key::ExploreOutcomes) }</p>
                    <ul class="explore__outcomes">
                        { for r.outcomes.iter().take(LISTED).map(|(label, c)| html! {
                            <li><span class="explore__label">{ label.clone() }</span>{ ": " }{ runs(*c) }</li>
                        }) }
                        if other > 0 {
                            <li>{ tf(lang, Key::ExploreOther, &[("n", &num(lang, other))]) }</li>
                        }
                    </ul>
                }
            </>
        }
    });

    html! {
        <section class="panel explore" aria-labelledby="explore-title">
            <h2 class="panel__title" id="explore-title">{ t(lang, Key::ExploreTitle) }</h2>
            <p class="explore__hint">{ t(lang, Key::ExploreHint) }</p>
            <div class="explore__controls">
                <label>
                    { t(lang, Key::ExploreFind) }{ " " }
                    <select data-testid="explore-find" onchange={on_goal} disabled={running}>
                        { for [Goal::Race, Goal::Deadlock, Goal::Panic, Goal::Output].into_iter().map(|g| html! {
                            <option value={g.key()} selected={g == *goal}>{ t(lang, goal_key(g)) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    { t(lang, Key::ExploreStrategy) }{ " " }
                    <select data-testid="explore-strategy" onchange={on_strategy} disabled={running}>
                        { for STRATEGIES.iter().map(|(k, label)| html! {
                            <option value={*k} selected={*k == strategy.as_str()}>{ t(lang, *label) }</option>
                        }) }
                    </select>
                </label>
                if running {
                    <button type="button" class="btn" data-testid="explore-cancel" onclick={on_cancel}>{ t(lang, Key::ExploreCancel) }</button>
                } else {
                    <button type="button" class="btn btn--primary" data-testid="explore" onclick={on_start} disabled={!p.runnable}>{ t(lang, Key::ExploreStart) }</button>
                }
            </div>
            <div class="explore__status" data-testid="explore-status" aria-live="polite">
                { status.unwrap_or_default() }
            </div>
            if let Some(code) = &p.schedule {
                <div class="explore__loaded" data-testid="schedule-loaded" data-schedule={code.clone()}>
                    if let Some(f) = &p.finding {
                        <p class="explore__finding" data-testid="explore-finding">{ f.render(lang) }</p>
                    }
                    <p class="explore__code">{ tf(lang, Key::ScheduleReplaying, &[("code", code)]) }</p>
                    <button type="button" class="btn btn--small" data-testid="schedule-forget" onclick={on_forget}>{ t(lang, Key::ScheduleForget) }</button>
                </div>
            }
        </section>
    }
}
