//! The run settings: speed, GOMAXPROCS, preemption mode, seed (with "new seed"), the
//! race detector, and Go's scheduling policies ("what if" switches). Changing anything but
//! the speed starts the run over.

use gosched_sim::{Fidelity, PreemptMode};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{num, t, tf, Key, Lang};
use crate::state::{Settings, MAX_PROCS, SPEEDS};

#[derive(Properties, PartialEq)]
pub struct SettingsBarProps {
    pub lang: Lang,
    pub settings: Settings,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    pub on_speed: Callback<usize>,
    pub on_procs: Callback<u32>,
    pub on_preempt: Callback<PreemptMode>,
    pub on_seed: Callback<u64>,
    pub on_new_seed: Callback<()>,
    pub on_race: Callback<bool>,
    pub on_fidelity: Callback<Fidelity>,
}

#[function_component(SettingsBar)]
pub fn settings_bar(p: &SettingsBarProps) -> Html {
    let lang = p.lang;
    let s = &p.settings;
    let speed_text = match SPEEDS.get(p.speed).copied().flatten() {
        Some(n) => tf(lang, Key::SpeedValue, &[("n", &num(lang, u64::from(n)))]),
        None => t(lang, Key::SpeedMax).to_string(),
    };
    let on_speed = p.on_speed.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.value().parse::<usize>().unwrap_or(0)
    });
    let on_procs = p.on_procs.reform(|e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        sel.value().parse::<u32>().unwrap_or(1)
    });
    let on_preempt = p.on_preempt.reform(|e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        if sel.value() == "cooperative" {
            PreemptMode::Cooperative
        } else {
            PreemptMode::Async
        }
    });
    let on_seed = p.on_seed.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.value().trim().parse::<u64>().unwrap_or(1)
    });
    let on_race = p.on_race.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.checked()
    });
    let fidelity = s.fidelity;
    let on_runnext = p.on_fidelity.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Fidelity {
            runnext: input.checked(),
            ..fidelity
        }
    });
    let on_fairness = p.on_fidelity.reform(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Fidelity {
            global_fairness: input.checked(),
            ..fidelity
        }
    });
    let what_if = !fidelity.is_go();
    let new_seed = p.on_new_seed.reform(|_: MouseEvent| ());
    // The seed field is not controlled (a redraw while typing would put the old value
    // back): its text follows the setting only when the setting changes.
    let seed_ref = use_node_ref();
    {
        let seed_ref = seed_ref.clone();
        use_effect_with(s.seed, move |seed| {
            if let Some(input) = seed_ref.cast::<HtmlInputElement>() {
                if input.value().trim().parse::<u64>().ok() != Some(*seed) {
                    input.set_value(&seed.to_string());
                }
            }
        });
    }
    let coop = s.preempt == PreemptMode::Cooperative;
    html! {
        <div class="settings" role="group" aria-label={t(lang, Key::Settings)}>
            <label class="field field--speed">
                <span class="field__label">{ t(lang, Key::Speed) }</span>
                <input type="range" data-testid="speed" min="0" max={(SPEEDS.len() - 1).to_string()}
                       value={p.speed.to_string()} aria-valuetext={speed_text.clone()} oninput={on_speed} />
                <span class="field__value" data-testid="speed-value">{ speed_text }</span>
            </label>
            <label class="field" title={t(lang, Key::ProcsTitle)}>
                <span class="field__label">{ t(lang, Key::Procs) }</span>
                <select data-testid="procs" onchange={on_procs}>
                    { for (1..=MAX_PROCS).map(|n| html! {
                        <option value={n.to_string()} selected={n == s.procs}>{ n }</option>
                    }) }
                </select>
            </label>
            <label class="field">
                <span class="field__label">{ t(lang, Key::Preempt) }</span>
                <select data-testid="preempt-mode" onchange={on_preempt}>
                    <option value="async" selected={!coop}>{ t(lang, Key::PreemptAsync) }</option>
                    <option value="cooperative" selected={coop}>{ t(lang, Key::PreemptCoop) }</option>
                </select>
            </label>
            <label class="field field--seed">
                <span class="field__label">{ t(lang, Key::Seed) }</span>
                <input type="number" data-testid="seed" min="0" inputmode="numeric"
                       ref={seed_ref} onchange={on_seed} />
            </label>
            <button type="button" class="btn btn--icon" data-testid="new-seed"
                    aria-label={t(lang, Key::NewSeed)} title={t(lang, Key::NewSeed)} onclick={new_seed}>
                { "⟳" }
            </button>
            <label class="field field--check">
                <input type="checkbox" data-testid="race-toggle" checked={s.race} onchange={on_race} />
                <span class="field__label">{ t(lang, Key::RaceToggle) }</span>
            </label>
            // Closed by default even in a "what if" run (the summary's mark says so): open,
            // it would make the sticky controls a third of a laptop screen tall.
            <details class="policies" data-testid="policies">
                <summary class="policies__summary">
                    { t(lang, Key::Policies) }
                    if what_if {
                        <span class="policies__what-if" data-testid="what-if">{ t(lang, Key::WhatIf) }</span>
                    }
                </summary>
                <p class="policies__hint">{ t(lang, Key::PoliciesHint) }</p>
                <label class="field field--check policies__item">
                    <input type="checkbox" data-testid="policy-runnext" checked={fidelity.runnext}
                           onchange={on_runnext} />
                    <span>{ t(lang, Key::PolicyRunnext) }</span>
                </label>
                <label class="field field--check policies__item">
                    <input type="checkbox" data-testid="policy-fairness" checked={fidelity.global_fairness}
                           onchange={on_fairness} />
                    <span>{ t(lang, Key::PolicyFairness) }</span>
                </label>
            </details>
        </div>
    }
}
