//! The link fragment of the scenario the page shows now (for the embed's "Open in the playground" link and the Embed dialog's snippet).

use crate::share;
use crate::state::Playground;

/// The link fragment (without `#`) for the page's program, settings and
/// selection; the playhead is left out (an embed or a link built for every
/// frame would cost a deflate per frame, and an embed starts at the start).
pub fn fragment_of(p: &Playground) -> String {
    share::encode(&p.scenario(None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::share::Preempt;
    use crate::state::Action;
    use gosched_sim::PreemptMode;
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
