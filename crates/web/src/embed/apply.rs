//! The embed's `load` command: opens a scenario sent by the host (a link fragment) on the page.

use gosched_sim::PreemptMode;
use yew::prelude::*;

use crate::hooks::use_driver::DriverHandle;
use crate::i18n::Lang;
use crate::share::{self, Preempt};
use crate::state::{Action, Playground};

/// Decodes `fragment` and applies it; a link that cannot be opened is ignored
/// (the host's mistake must not replace what the reader sees).
pub fn load(state: &UseReducerHandle<Playground>, driver: &DriverHandle, fragment: &str) {
    let Ok(s) = share::decode(fragment) else {
        return;
    };
    let _ = driver;
    state.dispatch(Action::Edit(s.program));
    state.dispatch(Action::SetProcs(s.procs));
    state.dispatch(Action::SetPreempt(match s.preempt {
        Preempt::Async => PreemptMode::Async,
        Preempt::Coop => PreemptMode::Cooperative,
    }));
    state.dispatch(Action::SetSeed(s.seed));
    state.dispatch(Action::SetRace(s.race));
    state.dispatch(Action::SetSpeed(usize::from(s.speed)));
    if let Some(l) = s.lang {
        state.dispatch(Action::SetLang(match l {
            share::Lang::En => Lang::En,
            share::Lang::PtBr => Lang::PtBr,
        }));
    }
}
