//! The compare view: the page's program run twice, differing in one setting (GOMAXPROCS,
//! preemption or seed, chosen here with the value of each side), side by side. Each side
//! shows a compact stage (one lane per P: what runs there, its runnext and local queue),
//! its timeline on a scale shared with the other side, and its outcome (output, total
//! simulated time, data races, peak goroutines and stack memory). One playhead, by
//! simulated time, moves both runs; a sentence on top says how they differ.
//!
//! Test contract: `compare-view`, `compare-left` / `compare-right` (each side),
//! `compare-time-left` / `-right` (total simulated time, `data-ns`), `compare-now-*`
//! (the side's playhead, `data-ns`), `compare-output-*`, `compare-races-*`,
//! `compare-timeline-*` (click to seek both), `compare-seek` (the shared playhead),
//! `compare-play` (play / pause both), `compare-summary`, `compare-dimension`, `compare-value-left` / `-right`,
//! `compare-close`.

use gosched_sim::ids::Nanos;
use gosched_sim::PreemptMode;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::timeline::Bars;
use crate::compare::pair::{outputs_sentence, Difference, PairFrame, SideFrame};
use crate::compare::{Dimension, Side, Vary};
use crate::hooks::use_compare::use_compare;
use crate::i18n::{bytes, dur, num, t, tf, Key, Lang};
use crate::state::{Settings, Shared, Theme, MAX_PROCS};

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub theme: Theme,
    /// The program both runs execute.
    pub src: AttrValue,
    /// The page's settings: both runs use them, but for the one `vary` names.
    pub settings: Settings,
    pub vary: Vary,
    /// The user chose another comparison.
    pub on_vary: Callback<Vary>,
    pub on_close: Callback<()>,
}

#[function_component(CompareView)]
pub fn compare_view(p: &CompareViewProps) -> Html {
    let lang = p.lang;
    let frame = use_state(|| None::<Shared<PairFrame>>);
    let errors = use_state(Vec::<String>::new);
    let handle = use_compare({
        let frame = frame.clone();
        Callback::from(move |f| frame.set(Some(f)))
    });
    {
        let handle = handle.clone();
        let frame = frame.clone();
        let errors = errors.clone();
        use_effect_with(
            (p.src.clone(), p.settings, p.vary),
            move |(src, settings, vary)| {
                frame.set(None);
                errors.set(handle.load(src, settings, *vary).err().unwrap_or_default());
            },
        );
    }
    let on_seek = {
        let handle = handle.clone();
        Callback::from(move |t: Nanos| handle.seek_time(t))
    };
    let close = p.on_close.reform(|_: MouseEvent| ());

    let summary = match frame.as_ref() {
        _ if !errors.is_empty() => html! {
            <ul class="compare__errors">{ for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
        },
        None => {
            html! { <p class="compare__line">{ tf(lang, Key::CompareComputing, &[("t", &dur(lang, 0))]) }</p> }
        }
        Some(f) => match (&f.left.outcome, &f.right.outcome) {
            (Some(l), Some(r)) if !f.computing => html! {
                <>
                    <p class="compare__line compare__line--main">{ Difference::of(l, r).sentence(lang, f.vary) }</p>
                    <p class="compare__line">{ outputs_sentence(lang, l, r) }</p>
                </>
            },
            _ => {
                html! { <p class="compare__line">{ tf(lang, Key::CompareComputing, &[("t", &dur(lang, f.end))]) }</p> }
            }
        },
    };
    let (end, head, computing, playing) = frame.as_ref().map_or((0, 0, true, false), |f| {
        (f.end, f.head.unwrap_or(f.end), f.computing, f.playing)
    });
    let on_play = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.play(!playing))
    };
    let on_range = on_seek.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.value().parse::<Nanos>().unwrap_or(0)
    });
    let sides = frame.as_ref().map(|f| {
        [Side::Left, Side::Right].map(|side| {
            side_view(&SideProps {
                side,
                lang,
                theme: p.theme,
                frame: side.pick(&f.left, &f.right),
                label: f.vary.label(lang, side),
                end: f.end,
                on_seek: on_seek.clone(),
            })
        })
    });
    html! {
        <section class="panel compare" data-testid="compare-view" aria-labelledby="compare-title">
            <header class="compare__head">
                <div class="compare__titles">
                    <h2 class="panel__title" id="compare-title">{ t(lang, Key::CompareHeading) }</h2>
                    <p class="compare__intro">{ t(lang, Key::CompareIntro) }</p>
                </div>
                <button type="button" class="btn" data-testid="compare-close"
                        title={t(lang, Key::CompareClose)} aria-label={t(lang, Key::CompareClose)}
                        onclick={close}>
                    { t(lang, Key::Close) }
                </button>
            </header>
            { chooser(lang, &p.settings, p.vary, &p.on_vary) }
            <div class="compare__summary" data-testid="compare-summary" aria-live="polite">{ summary }</div>
            <div class="compare__seek">
            <button type="button" class={classes!("btn", (!playing).then_some("btn--primary"))}
                    data-testid="compare-play" disabled={computing} onclick={on_play}>
                { t(lang, if playing { Key::Pause } else { Key::ComparePlay }) }
            </button>
            <label class="field compare__seek-field">
                <span class="field__label">{ t(lang, Key::ComparePlayhead) }</span>
                <input type="range" class="seek" data-testid="compare-seek" min="0" max={end.to_string()}
                       step="1" value={head.to_string()} disabled={computing}
                       aria-valuetext={dur(lang, head)} oninput={on_range} />
                <output class="field__value" data-testid="compare-head" data-ns={head.to_string()}>{ dur(lang, head) }</output>
            </label>
            </div>
            <div class="compare__sides">
                if let Some([l, r]) = sides { { l } { r } }
            </div>
        </section>
    }
}

/// The chooser: which setting differs, and its value on each side.
fn chooser(lang: Lang, base: &Settings, vary: Vary, on_vary: &Callback<Vary>) -> Html {
    let on_dim = {
        let base = *base;
        on_vary.reform(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let dim = Dimension::from_attr(&sel.value()).unwrap_or(Dimension::Procs);
            Vary::default_for(dim, &base)
        })
    };
    let dim = vary.dimension();
    let value = |side: Side| -> Html {
        let testid = format!("compare-value-{}", side.attr());
        let on_vary = on_vary.clone();
        match vary {
            Vary::Procs(a, b) => {
                let onchange = on_vary.reform(move |e: Event| {
                    let sel: HtmlSelectElement = e.target_unchecked_into();
                    let n = sel.value().parse::<u32>().unwrap_or(1);
                    match side {
                        Side::Left => Vary::Procs(n, b),
                        Side::Right => Vary::Procs(a, n),
                    }
                });
                let cur = side.pick(a, b);
                html! {
                    <select data-testid={testid} {onchange}>
                        { for (1..=MAX_PROCS).map(|n| html! {
                            <option value={n.to_string()} selected={n == cur}>{ n }</option>
                        }) }
                    </select>
                }
            }
            Vary::Preempt(a, b) => {
                let onchange = on_vary.reform(move |e: Event| {
                    let sel: HtmlSelectElement = e.target_unchecked_into();
                    let m = if sel.value() == "cooperative" {
                        PreemptMode::Cooperative
                    } else {
                        PreemptMode::Async
                    };
                    match side {
                        Side::Left => Vary::Preempt(m, b),
                        Side::Right => Vary::Preempt(a, m),
                    }
                });
                let coop = side.pick(a, b) == PreemptMode::Cooperative;
                html! {
                    <select data-testid={testid} {onchange}>
                        <option value="async" selected={!coop}>{ t(lang, Key::PreemptAsync) }</option>
                        <option value="cooperative" selected={coop}>{ t(lang, Key::PreemptCoop) }</option>
                    </select>
                }
            }
            Vary::Seed(a, b) => {
                let onchange = on_vary.reform(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let s = input
                        .value()
                        .trim()
                        .parse::<u64>()
                        .unwrap_or(side.pick(a, b));
                    match side {
                        Side::Left => Vary::Seed(s, b),
                        Side::Right => Vary::Seed(a, s),
                    }
                });
                html! {
                    <input type="number" min="0" inputmode="numeric" data-testid={testid}
                           value={side.pick(a, b).to_string()} {onchange} />
                }
            }
            Vary::Policies(a, b) => {
                let onchange = on_vary.reform(move |e: Event| {
                    let sel: HtmlSelectElement = e.target_unchecked_into();
                    let f = crate::compare::policy_from_word(&sel.value())
                        .unwrap_or(gosched_sim::Fidelity::GO);
                    match side {
                        Side::Left => Vary::Policies(f, b),
                        Side::Right => Vary::Policies(a, f),
                    }
                });
                let cur = side.pick(a, b);
                html! {
                    <select data-testid={testid} {onchange}>
                        { for crate::compare::policy_sets(lang).map(|(f, word, name)| html! {
                            <option value={word} selected={f == cur}>{ name }</option>
                        }) }
                    </select>
                }
            }
        }
    };
    html! {
        <div class="settings compare__chooser" role="group" aria-label={t(lang, Key::CompareDimension)}>
            <label class="field">
                <span class="field__label">{ t(lang, Key::CompareDimension) }</span>
                <select data-testid="compare-dimension" onchange={on_dim}>
                    { for Dimension::ALL.into_iter().map(|d| html! {
                        <option value={d.attr()} selected={d == dim}>{ d.name(lang) }</option>
                    }) }
                </select>
            </label>
            <label class="field field--seed">
                <span class="field__label">{ t(lang, Key::CompareLeftValue) }</span>
                { value(Side::Left) }
            </label>
            <label class="field field--seed">
                <span class="field__label">{ t(lang, Key::CompareRightValue) }</span>
                { value(Side::Right) }
            </label>
        </div>
    }
}

struct SideProps<'a> {
    side: Side,
    lang: Lang,
    theme: Theme,
    frame: &'a SideFrame,
    /// What names this run (`GOMAXPROCS=4`).
    label: String,
    /// The shared scale's end.
    end: Nanos,
    on_seek: Callback<Nanos>,
}

/// One side: its name, facts, compact stage, timeline and output.
fn side_view(p: &SideProps) -> Html {
    let lang = p.lang;
    let f = p.frame;
    let s = p.side.attr();
    let id = |what: &str| format!("compare-{what}-{s}");
    let outcome = f.outcome.as_deref();
    let total = outcome.map(|o| o.total);
    let facts = html! {
        <dl class="compare__facts">
            <div class="compare__fact compare__fact--time">
                <dt>{ t(lang, Key::CompareTotal) }</dt>
                <dd data-testid={id("time")} data-ns={total.map(|t| t.to_string())}>
                    { total.map_or_else(|| format!("{}…", dur(lang, f.end)), |t| dur(lang, t)) }
                </dd>
            </div>
            <div class="compare__fact">
                <dt>{ t(lang, Key::Races) }</dt>
                <dd data-testid={id("races")}>{ match outcome {
                    Some(o) if !o.race => t(lang, Key::CompareRaceOff).to_string(),
                    Some(o) => tf(lang, Key::CompareRaceCount, &[("n", &num(lang, o.races as u64))]),
                    None => "…".to_string(),
                } }</dd>
            </div>
            <div class="compare__fact">
                <dt>{ t(lang, Key::CompareMemory) }</dt>
                <dd data-testid={id("memory")}>{ match outcome {
                    Some(o) => tf(lang, Key::CompareMemoryValue, &[
                        ("n", &num(lang, o.peak_goroutines)),
                        ("size", &bytes(lang, o.peak_stack_bytes)),
                    ]),
                    None => "…".to_string(),
                } }</dd>
            </div>
        </dl>
    };
    let lanes = f.view.procs.iter().map(|pv| {
        let running = pv.running.map(|g| {
            html! { <span class={classes!("cchip", crate::components::color_class(g.0))}>{ format!("G{}", g.0) }</span> }
        });
        let next = pv.runnext.map(|g| format!("{} G{}", t(lang, Key::Runnext), g.0));
        let queue = (!pv.runq.is_empty())
            .then(|| format!("{} {}", t(lang, Key::LocalQueue), num(lang, pv.runq.len() as u64)));
        let rest = [next, queue].into_iter().flatten().collect::<Vec<_>>().join(" · ");
        html! {
            <li class={classes!("clane", format!("clane--{}", pv.status))} key={pv.id.0}>
                <span class="clane__name">{ format!("P{}", pv.id.0) }</span>
                <span class="clane__run">{ running.unwrap_or_else(|| html! {
                    <span class="clane__idle">{ t(lang, Key::PIdle) }</span>
                }) }</span>
                <span class="clane__rest">{ rest }</span>
            </li>
        }
    });
    let n_lanes = f.picture.lanes.len().max(f.view.procs.len()).max(1) as u32;
    let names = (0..n_lanes).map(|i| html! { <li class="tl__lane-name">{ format!("P{i}") }</li> });
    let end = p.end.max(f.picture.end).max(1);
    let head = (f.now as f64 / end as f64 * 100.0).clamp(0.0, 100.0);
    let own_end = (f.end as f64 / end as f64 * 100.0).clamp(0.0, 100.0);
    let onclick = p.on_seek.reform(move |e: MouseEvent| {
        // Yew delegates events to the app's root, so `current_target` is not the lanes:
        // measure the lanes the click landed in.
        let r = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".tl__lanes").ok().flatten())
            .map(|el| el.get_bounding_client_rect());
        match r {
            Some(r) if r.width() > 0.0 => {
                let fraction = (f64::from(e.client_x()) - r.left()) / r.width();
                (fraction.clamp(0.0, 1.0) * end as f64) as Nanos
            }
            _ => 0,
        }
    });
    let console: String = outcome.map_or_else(String::new, |o| {
        o.console.iter().map(|c| c.1.as_str()).collect()
    });
    html! {
        <article class={classes!("compare__side", format!("compare__side--{s}"))}
                 data-testid={format!("compare-{s}")} aria-labelledby={id("title")}>
            <h3 class="compare__name" id={id("title")}>{ p.label.clone() }</h3>
            { facts }
            <ol class="clanes" aria-label={tf(lang, Key::CompareProcsLabel, &[("run", &p.label)])}>
                { for lanes }
            </ol>
            <div class="tl compare__tl">
                <ul class="tl__names" aria-hidden="true">{ for names }</ul>
                <div class="tl__lanes" data-testid={id("timeline")} role="img"
                     aria-label={t(lang, Key::TimelineLabel)}
                     style={format!("height:{}px", n_lanes * 16)} {onclick}>
                    <Bars picture={f.picture.clone()} lanes={n_lanes} theme={p.theme} />
                    <span class="compare__end" style={format!("left:{own_end:.2}%")}></span>
                    <span class="tl__head" style={format!("left:{head:.2}%")}></span>
                </div>
            </div>
            <p class="compare__now" data-testid={id("now")} data-ns={f.now.to_string()}>
                { tf(lang, Key::CompareAt, &[("t", &dur(lang, f.now))]) }
            </p>
            <h4 class="compare__sub">{ t(lang, Key::CompareOutput) }</h4>
            <pre class="console__out compare__out" data-testid={id("output")}>
                { if outcome.is_some() && console.is_empty() { t(lang, Key::CompareNoOutput).to_string() } else { console } }
            </pre>
            if let Some(o) = outcome.filter(|o| o.exit_code != 0) {
                <p class="compare__exit">{ tf(lang, Key::CompareExit, &[("code", &o.exit_code.to_string())]) }</p>
            }
        </article>
    }
}
