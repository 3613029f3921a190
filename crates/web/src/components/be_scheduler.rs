//! "Be the scheduler": a toggle (`data-testid="be-scheduler"`), a goal, and at each decision
//! point the candidates as buttons — the goroutine goes on, or is preempted and its P takes
//! the next one (named), or its core lets another P run first; which P an idle P steals
//! from; which ready case a `select` takes — plus "go on ×10" and undo.
//! The goroutine at the decision and the one that would run instead are outlined on the
//! stage; its line is marked in the editor. The page replays every decision through a
//! recorded schedule (see `explore/seat.rs`), paused at the next decision.

use std::rc::Rc;

use gosched_sim::explore::SwitchAction;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::explore::seat::{Decision, Pick, Seat, SeatGoal};
use crate::i18n::{num, t, tf, Key, Lang};
use crate::state::Settings;

#[derive(Properties, PartialEq)]
pub struct BeSchedulerProps {
    pub lang: Lang,
    pub src: AttrValue,
    pub settings: Settings,
    pub runnable: bool,
    /// Replay this schedule (text form) paused at this step.
    pub on_load: Callback<(String, u64)>,
    /// Leave the mode: back to the seed's run.
    pub on_leave: Callback<()>,
    pub on_lines: Callback<Vec<u32>>,
    pub on_errors: Callback<Vec<String>>,
}

fn goal_key(g: SeatGoal) -> Key {
    match g {
        SeatGoal::Race => Key::SeatGoalRace,
        SeatGoal::Critical => Key::SeatGoalCritical,
        SeatGoal::Deadlock => Key::SeatGoalDeadlock,
    }
}

/// What a seat is built from: a change of any of these starts the game over. The race
/// setting is left out: a seat always runs the race detector, and loading its schedule
/// switches the page's setting on.
type SeatKey = (AttrValue, u32, gosched_sim::PreemptMode, u64);

fn key_of(p: &BeSchedulerProps) -> SeatKey {
    (
        p.src.clone(),
        p.settings.procs,
        p.settings.preempt,
        p.settings.seed,
    )
}

/// The `data-kind` of a decision, for tests and styles.
fn pick_kind(p: &Pick) -> &'static str {
    match p {
        Pick::Switch => "switch",
        Pick::Steal { .. } => "steal",
        Pick::Select { .. } => "select",
    }
}

/// The goroutines to outline on the stage for a decision: those standing at it (solid)
/// and those it would run instead (dashed).
fn outlined(d: &Decision) -> (Vec<u32>, Vec<u32>) {
    match &d.pick {
        Pick::Switch => (vec![d.g], d.next.into_iter().collect()),
        Pick::Steal { victims, .. } => (
            Vec::new(),
            victims
                .iter()
                .flat_map(|(_, gs)| gs.iter().copied())
                .collect(),
        ),
        Pick::Select { .. } => (vec![d.g], Vec::new()),
    }
}

#[function_component(BeScheduler)]
pub fn be_scheduler(p: &BeSchedulerProps) -> Html {
    let lang = p.lang;
    let seat = use_mut_ref(|| None::<(SeatKey, Seat)>);
    let redraw = use_force_update();
    let goal = use_state(|| SeatGoal::Race);
    let on = seat.borrow().is_some();

    // Show where the seat stands (and mark the decision's line).
    let publish = {
        let on_load = p.on_load.clone();
        let on_lines = p.on_lines.clone();
        let redraw = redraw.clone();
        move |s: &Seat| {
            on_load.emit((s.schedule().encode(), s.spot.step));
            if let Some(d) = &s.spot.pending {
                if d.line > 0 {
                    on_lines.emit(vec![d.line]);
                }
            }
            redraw.force_update();
        }
    };

    // The program or a setting changed under the game: start it over.
    {
        let key = key_of(p);
        let stale = seat.borrow().as_ref().is_some_and(|(k, _)| *k != key);
        let seat = seat.clone();
        let settings = p.settings;
        let on_errors = p.on_errors.clone();
        let publish = publish.clone();
        use_effect_with(stale, move |stale| {
            if *stale {
                match Seat::new(&key.0, &settings) {
                    Ok(s) => {
                        *seat.borrow_mut() = Some((key, s.clone()));
                        publish(&s);
                    }
                    Err(e) => {
                        *seat.borrow_mut() = None;
                        on_errors.emit(e);
                    }
                }
            }
        });
    }

    let on_toggle = {
        let seat = seat.clone();
        let key = key_of(p);
        let settings = p.settings;
        let on_leave = p.on_leave.clone();
        let on_errors = p.on_errors.clone();
        let publish = publish.clone();
        let redraw = redraw.clone();
        Callback::from(move |_: MouseEvent| {
            let was_on = seat.borrow().is_some();
            if was_on {
                *seat.borrow_mut() = None;
                on_leave.emit(());
                redraw.force_update();
                return;
            }
            match Seat::new(&key.0, &settings) {
                Ok(s) => {
                    *seat.borrow_mut() = Some((key.clone(), s.clone()));
                    publish(&s);
                }
                Err(e) => on_errors.emit(e),
            }
        })
    };
    let act = |f: Rc<dyn Fn(&mut Seat)>| {
        let seat = seat.clone();
        let publish = publish.clone();
        Callback::from(move |_: MouseEvent| {
            // The borrow ends before publishing: the page may render at once.
            let now = seat.borrow_mut().as_mut().map(|(_, s)| {
                f(s);
                s.clone()
            });
            if let Some(s) = now {
                publish(&s);
            }
        })
    };
    let on_continue = act(Rc::new(|s| s.decide(SwitchAction::Continue)));
    let on_preempt = act(Rc::new(|s| s.decide(SwitchAction::Preempt)));
    let on_yield = act(Rc::new(|s| s.decide(SwitchAction::Yield)));
    let on_skip = act(Rc::new(|s| s.skip(10)));
    let on_undo = act(Rc::new(|s| {
        s.undo();
    }));
    let on_steal = |victim: u32| act(Rc::new(move |s| s.steal_from(victim)));
    let on_case = |case: u32| act(Rc::new(move |s| s.take_case(case)));
    let on_goal = {
        let goal = goal.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(g) = SeatGoal::from_key(&v) {
                goal.set(g);
            }
        })
    };

    // Outline the goroutine at the decision (solid) and the one that would run instead
    // (dashed) on the stage: rules added to the page's own stylesheet through the CSS
    // object model (the Content-Security-Policy refuses inline <style> elements, and the
    // stage redraws its tokens after this panel).
    let marks = seat
        .borrow()
        .as_ref()
        .and_then(|(_, s)| s.spot.pending.as_ref().map(outlined));
    use_effect_with(marks, |marks| {
        let marks = marks.clone();
        let mut rules = Vec::new();
        if let Some((standing, next)) = marks {
            for g in standing {
                rules.push(format!(
                    "[data-testid=\"g-{g}\"] {{ outline: 3px solid var(--seat-standing, #d97706); outline-offset: 2px; }}"
                ));
            }
            for n in next {
                rules.push(format!(
                    "[data-testid=\"g-{n}\"] {{ outline: 3px dashed var(--seat-next, #059669); outline-offset: 2px; }}"
                ));
            }
        }
        let added = crate::dom::add_css_rules(&rules);
        move || crate::dom::remove_css_rules(added)
    });
    let body = seat.borrow().as_ref().map(|(_, s)| {
        let spot = &s.spot;
        let reached = spot.reached(*goal);
        let goal_text = t(lang, goal_key(*goal));
        let g = |id: u32| format!("G{id}");
        let decision = match &spot.pending {
            Some(d) if d.pick != Pick::Switch => {
                // At Go's own random choices, "goes on" lets Go draw as it would.
                let go_random = html! {
                    <button type="button" class="btn btn--small" data-testid="seat-continue" onclick={on_continue.clone()}>
                        { t(lang, Key::SeatGoRandom) }
                    </button>
                };
                let choices = match &d.pick {
                    Pick::Steal { thief, victims } => html! {
                        <>
                            <p>{ tf(lang, Key::SeatStealAt, &[("p", &format!("P{thief}"))]) }</p>
                            <div class="seat__choices">
                                { for victims.iter().map(|(v, gs)| {
                                    let gs: Vec<String> = gs.iter().map(|&q| g(q)).collect();
                                    html! {
                                        <button type="button" class="btn seat__choice" data-testid={format!("seat-steal-{v}")}
                                                onclick={on_steal(*v)}>
                                            { tf(lang, Key::SeatStealFrom, &[("p", &format!("P{v}")), ("gs", &gs.join(", "))]) }
                                        </button>
                                    }
                                }) }
                                { go_random.clone() }
                            </div>
                        </>
                    },
                    Pick::Select { cases } => html! {
                        <>
                            <p>{ tf(lang, Key::SeatSelectAt, &[("g", &g(d.g)), ("line", &d.line.to_string())]) }</p>
                            <div class="seat__choices">
                                { for cases.iter().filter(|c| c.ready).map(|c| html! {
                                    <button type="button" class={classes!("btn", "seat__choice", super::color_class(d.g))}
                                            data-testid={format!("seat-case-{}", c.case)} onclick={on_case(c.case)}>
                                        { tf(lang, if c.send { Key::SeatCaseSend } else { Key::SeatCaseRecv }, &[("line", &c.line.to_string())]) }
                                    </button>
                                }) }
                                { go_random.clone() }
                            </div>
                        </>
                    },
                    Pick::Switch => Html::default(),
                };
                html! {
                    <div class="seat__decision" data-testid="seat-decision" data-kind={pick_kind(&d.pick)}
                         data-g={d.g.to_string()} data-line={d.line.to_string()} data-index={d.index.to_string()}>
                        { choices }
                    </div>
                }
            }
            Some(d) => {
                let queued: Vec<String> = d.queued.iter().map(|&q| g(q)).collect();
                let preempt = match d.next {
                    Some(n) => tf(lang, Key::SeatPreempt, &[("g", &g(d.g)), ("next", &g(n))]),
                    None => tf(lang, Key::SeatPreemptAny, &[("g", &g(d.g))]),
                };
                html! {
                    <div class="seat__decision" data-testid="seat-decision" data-kind="switch" data-g={d.g.to_string()} data-line={d.line.to_string()} data-index={d.index.to_string()}>
                        <p>{ tf(lang, Key::SeatAt, &[("g", &g(d.g)), ("line", &d.line.to_string())]) }</p>
                        <div class="seat__choices">
                            <button type="button" class={classes!("btn", "seat__choice", super::color_class(d.g))} data-testid="seat-continue" onclick={on_continue.clone()}>
                                { tf(lang, Key::SeatContinue, &[("g", &g(d.g))]) }
                            </button>
                            if d.can_preempt {
                                <button type="button" class={classes!("btn", "seat__choice", d.next.map(super::color_class))} data-testid="seat-preempt" onclick={on_preempt.clone()}>
                                    { preempt }
                                </button>
                            }
                            if d.can_yield {
                                <button type="button" class="btn seat__choice" data-testid="seat-yield" onclick={on_yield.clone()}>
                                    { t(lang, Key::SeatYield) }
                                </button>
                            }
                            <button type="button" class="btn btn--small" data-testid="seat-skip" onclick={on_skip.clone()}>{ t(lang, Key::SeatSkip) }</button>
                        </div>
                        if !queued.is_empty() {
                            <p class="seat__queued">{ tf(lang, Key::SeatQueued, &[("gs", &queued.join(", "))]) }</p>
                        }
                    </div>
                }
            }
            None if spot.finished => html! { <p data-testid="seat-ended">{ t(lang, Key::SeatEnded) }</p> },
            None => html! {
                <p data-testid="seat-ended">{ tf(lang, Key::SeatNoMore, &[("n", &num(lang, crate::explore::seat::SEARCH_STEPS))]) }</p>
            },
        };
        let critical = spot.critical.map(|(a, b, line)| {
            tf(lang, Key::SeatCritical, &[("a", &g(a)), ("b", &g(b)), ("line", &line.to_string())])
        });
        html! {
            <>
                <p class={classes!("seat__goal", reached.then_some("seat__goal--reached"))}
                   data-testid="seat-goal-state" data-reached={reached.to_string()} aria-live="polite">
                    { if reached {
                        tf(lang, Key::SeatReached, &[("goal", goal_text)])
                    } else {
                        tf(lang, Key::SeatNotYet, &[("goal", goal_text)])
                    } }
                </p>
                if let Some(c) = critical {
                    <p class="seat__critical">{ c }</p>
                }
                { decision }
                <div class="seat__history">
                    <span>{ tf(lang, Key::SeatDecisions, &[("n", &s.decisions().to_string())]) }</span>
                    <button type="button" class="btn btn--small" data-testid="seat-undo" onclick={on_undo.clone()} disabled={s.decisions() == 0}>
                        { t(lang, Key::SeatUndo) }
                    </button>
                </div>
            </>
        }
    });

    html! {
        <section class="panel seat" aria-labelledby="seat-title" data-testid="seat">
            <div class="seat__head">
                <h2 class="panel__title" id="seat-title">{ t(lang, Key::BeScheduler) }</h2>
                <button type="button" class={classes!("btn", on.then_some("btn--primary"))} data-testid="be-scheduler"
                        aria-pressed={on.to_string()} title={t(lang, Key::BeSchedulerTitle)}
                        onclick={on_toggle} disabled={!p.runnable && !on}>
                    { t(lang, Key::BeScheduler) }
                </button>
            </div>
            if on {
                <label class="seat__goal-choice">
                    { t(lang, Key::SeatGoal) }{ " " }
                    <select data-testid="seat-goal" onchange={on_goal}>
                        { for SeatGoal::ALL.into_iter().map(|gl| html! {
                            <option value={gl.key()} selected={gl == *goal}>{ t(lang, goal_key(gl)) }</option>
                        }) }
                    </select>
                </label>
                { body.unwrap_or_default() }
            }
        </section>
    }
}
