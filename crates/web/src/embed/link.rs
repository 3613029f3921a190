//! The scenario the page shows now (for the embed's "Open in the playground" link and the Embed dialog's snippet).

use gosched_sim::PreemptMode;

use crate::i18n::Lang;
use crate::share::{self, Preempt, Scenario};
use crate::state::Playground;

/// The page's program and settings as a [`Scenario`] (the playhead is left
/// out: a link built for every step would cost a deflate per frame).
pub fn scenario_of(p: &Playground) -> Scenario {
    Scenario {
        program: p.src.clone(),
        procs: p.settings.procs,
        preempt: match p.settings.preempt {
            PreemptMode::Async => Preempt::Async,
            PreemptMode::Cooperative => Preempt::Coop,
        },
        seed: p.settings.seed,
        race: p.settings.race,
        speed: u8::try_from(p.speed).unwrap_or(u8::MAX),
        lang: Some(match p.lang {
            Lang::En => share::Lang::En,
            Lang::PtBr => share::Lang::PtBr,
        }),
        ..Scenario::default()
    }
}

/// The link fragment (without `#`) for the page's scenario.
pub fn fragment_of(p: &Playground) -> String {
    share::encode(&scenario_of(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use std::rc::Rc;
    use yew::Reducible;

    #[test]
    fn the_fragment_opens_the_same_program_and_settings() {
        let p = Rc::new(Playground::new(crate::DEFAULT_PROGRAM, Lang::PtBr))
            .reduce(Action::SetProcs(2))
            .reduce(Action::SetPreempt(PreemptMode::Cooperative))
            .reduce(Action::SetSeed(77));
        let s = share::decode(&fragment_of(&p)).expect("decodes");
        assert_eq!(s.program, crate::DEFAULT_PROGRAM);
        assert_eq!((s.procs, s.preempt, s.seed), (2, Preempt::Coop, 77));
        assert_eq!(s.lang, Some(share::Lang::PtBr));
        assert_eq!(s.step, None);
    }
}
