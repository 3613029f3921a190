//! The run controls: run, pause, step back, step, reset, the seek slider over the recorded
//! run, and where the run is.

use gosched_sim::ids::Step;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::frame::Status;
use crate::i18n::{num, t, tf, Key, Lang};

pub struct TransportProps {
    pub lang: Lang,
    pub status: Option<Status>,
    /// The step the run is at.
    pub step: Step,
    /// The step the slider shows (where a seek is going, or `step`).
    pub shown: Step,
    pub furthest: Step,
    /// Whether a program is loaded (it compiled).
    pub loaded: bool,
    pub on_run: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_step: Callback<()>,
    pub on_back: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_seek: Callback<Step>,
}

pub fn transport(p: &TransportProps) -> Html {
    let lang = p.lang;
    let playing = p.status == Some(Status::Playing);
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let onseek = p.on_seek.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.value().parse::<Step>().unwrap_or(0)
    });
    let (status_key, status_class) = match p.status {
        None => (Key::StatusErrors, "error"),
        Some(Status::Ready) => (Key::StatusReady, "ready"),
        Some(Status::Playing) => (Key::StatusRunning, "running"),
        Some(Status::Paused) => (Key::StatusPaused, "paused"),
        Some(Status::Seeking) => (Key::StatusSeeking, "seeking"),
        Some(Status::Finished(_)) => (Key::StatusFinished, "finished"),
    };
    let status_text = match p.status {
        Some(Status::Finished(code)) => tf(lang, status_key, &[("code", &code.to_string())]),
        _ => t(lang, status_key).to_string(),
    };
    let run_label = if p.status == Some(Status::Paused) {
        t(lang, Key::Resume)
    } else {
        t(lang, Key::Run)
    };
    html! {
        <div class="transport" role="group" aria-label={t(lang, Key::Controls)}>
            <div class="transport__buttons">
                <button type="button" class="btn btn--primary" data-testid="run"
                        title={t(lang, Key::RunTitle)} disabled={!p.loaded || playing}
                        onclick={click(&p.on_run)}>
                    <span class="btn__glyph" aria-hidden="true">{ "▶" }</span>{ run_label }
                </button>
                <button type="button" class="btn" data-testid="pause"
                        title={t(lang, Key::RunTitle)} disabled={!playing}
                        onclick={click(&p.on_pause)}>
                    <span class="btn__glyph" aria-hidden="true">{ "❚❚" }</span>{ t(lang, Key::Pause) }
                </button>
                <button type="button" class="btn" data-testid="step-back"
                        title={t(lang, Key::StepBackTitle)} disabled={!p.loaded || p.step == 0}
                        onclick={click(&p.on_back)}>
                    <span class="btn__glyph" aria-hidden="true">{ "◀" }</span>{ t(lang, Key::StepBack) }
                </button>
                <button type="button" class="btn" data-testid="step"
                        title={t(lang, Key::StepTitle)} disabled={!p.loaded}
                        onclick={click(&p.on_step)}>
                    { t(lang, Key::Step) }<span class="btn__glyph btn__glyph--after" aria-hidden="true">{ "▶" }</span>
                </button>
                <button type="button" class="btn" data-testid="reset"
                        title={t(lang, Key::ResetTitle)}
                        onclick={click(&p.on_reset)}>
                    <span class="btn__glyph" aria-hidden="true">{ "↺" }</span>{ t(lang, Key::Reset) }
                </button>
            </div>
            <div class="transport__seek">
                <input type="range" class="seek" data-testid="seek"
                       aria-label={t(lang, Key::Seek)}
                       aria-valuetext={tf(lang, Key::StepOf, &[("step", &num(lang, p.step)), ("total", &num(lang, p.furthest))])}
                       min="0" max={p.furthest.max(1).to_string()} value={p.shown.to_string()}
                       disabled={!p.loaded}
                       oninput={onseek} />
                <span class={classes!("run-status", format!("run-status--{status_class}"))} data-testid="run-status">
                    { status_text }
                </span>
                <span class="transport__where" data-testid="step-now" data-step={p.step.to_string()}>
                    { tf(lang, Key::StepOf, &[("step", &num(lang, p.step)), ("total", &num(lang, p.furthest))]) }
                </span>
            </div>
        </div>
    }
}
