//! The compare view's data: which one setting two runs of the same program differ in
//! ([`Vary`]: GOMAXPROCS, the preemption mode, the seed or Go's scheduling policies, with
//! the value of each side),
//! the runs themselves ([`run::CompareRun`], computed in time slices), the pair that
//! shares one time budget and one playhead ([`pair::Pair`]), and the sentence that says
//! how the two outcomes differ ([`pair::Difference`]).
//!
//! To open the view from elsewhere (a lesson's button), dispatch
//! `Action::OpenCompare(Vary::Procs(1, 4))`: both runs take the page's program and its
//! other settings. [`Vary::to_text`] / [`Vary::parse`] give it a short text form for links
//! (`procs:1:4`).

pub mod pair;
pub mod run;

use gosched_sim::{Fidelity, PreemptMode};

use crate::i18n::{t, tf, Key, Lang};
use crate::state::{Settings, MAX_PROCS};

/// Which setting differs between the two runs, and its value on each side (left, right).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vary {
    Procs(u32, u32),
    Preempt(PreemptMode, PreemptMode),
    Seed(u64, u64),
    /// Go's policies against a "what if" without some of them.
    Policies(Fidelity, Fidelity),
}

/// The kinds of [`Vary`], for the chooser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Procs,
    Preempt,
    Seed,
    Policies,
}

/// Go without its `runnext` slot: the "what if" the chooser offers first.
const NO_RUNNEXT: Fidelity = Fidelity {
    runnext: false,
    global_fairness: true,
};

/// The policy sets the chooser offers, with their link words and names.
const POLICY_SETS: [(Fidelity, &str, Key); 4] = [
    (Fidelity::GO, "go", Key::CompareRunGo),
    (NO_RUNNEXT, "no-runnext", Key::CompareRunNoRunnext),
    (
        Fidelity {
            runnext: true,
            global_fairness: false,
        },
        "no-fairness",
        Key::CompareRunNoFairness,
    ),
    (
        Fidelity {
            runnext: false,
            global_fairness: false,
        },
        "neither",
        Key::CompareRunNeither,
    ),
];

/// A policy set's link word (`go`, `no-runnext`, `no-fairness`, `neither`).
pub fn policy_word(f: Fidelity) -> &'static str {
    POLICY_SETS
        .iter()
        .find(|(x, ..)| *x == f)
        .map_or("go", |(_, w, _)| w)
}

/// The policy set a link word names.
pub fn policy_from_word(w: &str) -> Option<Fidelity> {
    POLICY_SETS
        .iter()
        .find(|(_, x, _)| *x == w)
        .map(|(f, ..)| *f)
}

/// Every policy set, for the chooser: (value, link word, name).
pub fn policy_sets(lang: Lang) -> impl Iterator<Item = (Fidelity, &'static str, &'static str)> {
    POLICY_SETS
        .iter()
        .map(move |(f, w, k)| (*f, *w, t(lang, *k)))
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Procs,
        Dimension::Preempt,
        Dimension::Seed,
        Dimension::Policies,
    ];

    /// The value of the chooser's `<option>`.
    pub fn attr(self) -> &'static str {
        match self {
            Dimension::Procs => "procs",
            Dimension::Preempt => "preempt",
            Dimension::Seed => "seed",
            Dimension::Policies => "policies",
        }
    }

    pub fn from_attr(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.attr() == s)
    }

    /// The chooser's words for it.
    pub fn name(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Dimension::Procs => Key::Procs,
                Dimension::Preempt => Key::CompareByPreempt,
                Dimension::Seed => Key::CompareBySeed,
                Dimension::Policies => Key::CompareByPolicies,
            },
        )
    }
}

/// Which side of the split view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn attr(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// `left` or `right`, for this side.
    pub fn pick<T>(self, left: T, right: T) -> T {
        match self {
            Side::Left => left,
            Side::Right => right,
        }
    }
}

impl Vary {
    /// The course's first comparison: one P against four.
    pub const LESSON: Vary = Vary::Procs(1, 4);

    /// The comparison the chooser offers first for `dim`, given the page's settings:
    /// GOMAXPROCS 1 against 4 (or the page's own value when it is more than 1), the
    /// two preemption modes, the page's seed against the next one, Go's policies against
    /// the page's "what if" (or, when the page runs Go's, against no runnext).
    pub fn default_for(dim: Dimension, base: &Settings) -> Vary {
        match dim {
            Dimension::Procs => Vary::Procs(1, if base.procs > 1 { base.procs } else { 4 }),
            Dimension::Preempt => Vary::Preempt(PreemptMode::Async, PreemptMode::Cooperative),
            Dimension::Seed => Vary::Seed(base.seed, base.seed.wrapping_add(1)),
            Dimension::Policies => Vary::Policies(
                Fidelity::GO,
                if base.fidelity.is_go() {
                    NO_RUNNEXT
                } else {
                    base.fidelity
                },
            ),
        }
    }

    pub fn dimension(self) -> Dimension {
        match self {
            Vary::Procs(..) => Dimension::Procs,
            Vary::Preempt(..) => Dimension::Preempt,
            Vary::Seed(..) => Dimension::Seed,
            Vary::Policies(..) => Dimension::Policies,
        }
    }

    /// The same comparison with GOMAXPROCS clamped to what the page offers.
    pub fn clamped(self) -> Vary {
        match self {
            Vary::Procs(a, b) => Vary::Procs(a.clamp(1, MAX_PROCS), b.clamp(1, MAX_PROCS)),
            v => v,
        }
    }

    /// The settings of one side: `base` with the varied setting replaced.
    pub fn settings(self, base: &Settings, side: Side) -> Settings {
        let mut s = *base;
        match self.clamped() {
            Vary::Procs(a, b) => s.procs = side.pick(a, b),
            Vary::Preempt(a, b) => s.preempt = side.pick(a, b),
            Vary::Seed(a, b) => s.seed = side.pick(a, b),
            Vary::Policies(a, b) => s.fidelity = side.pick(a, b),
        }
        s
    }

    /// The comparison between two settings that a lesson names: the first setting in
    /// which they differ (GOMAXPROCS, then preemption, then seed, then policies), if any.
    pub fn between(a: &Settings, b: &Settings) -> Option<Vary> {
        if a.procs != b.procs {
            Some(Vary::Procs(a.procs, b.procs))
        } else if a.preempt != b.preempt {
            Some(Vary::Preempt(a.preempt, b.preempt))
        } else if a.seed != b.seed {
            Some(Vary::Seed(a.seed, b.seed))
        } else if a.fidelity != b.fidelity {
            Some(Vary::Policies(a.fidelity, b.fidelity))
        } else {
            None
        }
    }

    /// A short text form for links: `procs:1:4`, `preempt:async:coop`, `seed:1:2`,
    /// `policies:go:no-runnext`.
    pub fn to_text(self) -> String {
        let mode = |m: PreemptMode| match m {
            PreemptMode::Async => "async",
            PreemptMode::Cooperative => "coop",
        };
        match self {
            Vary::Procs(a, b) => format!("procs:{a}:{b}"),
            Vary::Preempt(a, b) => format!("preempt:{}:{}", mode(a), mode(b)),
            Vary::Seed(a, b) => format!("seed:{a}:{b}"),
            Vary::Policies(a, b) => format!("policies:{}:{}", policy_word(a), policy_word(b)),
        }
    }

    /// Reads [`Self::to_text`]'s form (lesson steps and share links); `None` for
    /// anything else (GOMAXPROCS outside the page's 1..=16 included).
    pub fn parse(s: &str) -> Option<Vary> {
        let mut parts = s.split(':');
        let (kind, a, b) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let procs = |v: &str| {
            v.parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_PROCS).contains(n))
        };
        let mode = |v: &str| match v {
            "async" => Some(PreemptMode::Async),
            "coop" => Some(PreemptMode::Cooperative),
            _ => None,
        };
        match kind {
            "procs" => Some(Vary::Procs(procs(a)?, procs(b)?)),
            "preempt" => Some(Vary::Preempt(mode(a)?, mode(b)?)),
            "seed" => Some(Vary::Seed(a.parse().ok()?, b.parse().ok()?)),
            "policies" => Some(Vary::Policies(policy_from_word(a)?, policy_from_word(b)?)),
            _ => None,
        }
    }

    /// What names a side's run: `GOMAXPROCS=4`, `cooperative preemption`, `seed 7`.
    pub fn label(self, lang: Lang, side: Side) -> String {
        match self.clamped() {
            Vary::Procs(a, b) => tf(
                lang,
                Key::CompareRunProcs,
                &[("n", &side.pick(a, b).to_string())],
            ),
            Vary::Preempt(a, b) => t(
                lang,
                match side.pick(a, b) {
                    PreemptMode::Async => Key::CompareRunAsync,
                    PreemptMode::Cooperative => Key::CompareRunCoop,
                },
            )
            .to_string(),
            Vary::Seed(a, b) => tf(
                lang,
                Key::CompareRunSeed,
                &[("n", &side.pick(a, b).to_string())],
            ),
            Vary::Policies(a, b) => {
                let f = side.pick(a, b);
                policy_sets(lang)
                    .find(|(x, ..)| *x == f)
                    .map_or_else(String::new, |(.., name)| name.to_string())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_sides_differ_in_exactly_the_chosen_setting() {
        let base = Settings::default();
        for dim in Dimension::ALL {
            let v = Vary::default_for(dim, &base);
            assert_eq!(v.dimension(), dim);
            let (a, b) = (
                v.settings(&base, Side::Left),
                v.settings(&base, Side::Right),
            );
            assert_ne!(a, b, "{v:?}");
            assert_eq!(Vary::between(&a, &b), Some(v));
            assert_eq!(Dimension::from_attr(dim.attr()), Some(dim));
        }
        assert_eq!(Vary::between(&base, &base), None);
        assert_eq!(Dimension::from_attr("<b>"), None);
    }

    #[test]
    fn the_text_form_round_trips_and_refuses_anything_else() {
        for v in [
            Vary::LESSON,
            Vary::Preempt(PreemptMode::Cooperative, PreemptMode::Async),
            Vary::Seed(0, u64::MAX),
        ]
        .into_iter()
        .chain(
            POLICY_SETS
                .iter()
                .flat_map(|(a, ..)| POLICY_SETS.iter().map(|(b, ..)| Vary::Policies(*a, *b))),
        ) {
            assert_eq!(Vary::parse(&v.to_text()), Some(v), "{}", v.to_text());
        }
        assert_eq!(
            Vary::default_for(Dimension::Policies, &Settings::default()).to_text(),
            "policies:go:no-runnext"
        );
        assert_eq!(Vary::LESSON.to_text(), "procs:1:4");
        for bad in [
            "",
            "procs",
            "procs:1",
            "procs:0:4",
            "procs:1:17",
            "procs:1:4:5",
            "seed:-1:2",
            "preempt:async:fast",
            "gc:1:2",
            "<b>:1:2",
            "policies:go:fast",
            "policies:go",
            "policies:GO:neither",
        ] {
            assert_eq!(Vary::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn procs_are_clamped_to_the_page_choices() {
        let base = Settings::default();
        let v = Vary::Procs(0, 99);
        assert_eq!(v.settings(&base, Side::Left).procs, 1);
        assert_eq!(v.settings(&base, Side::Right).procs, MAX_PROCS);
        assert_eq!(
            Vary::default_for(Dimension::Procs, &Settings { procs: 1, ..base }),
            Vary::LESSON
        );
    }

    #[test]
    fn sides_are_named_in_both_languages() {
        assert_eq!(Vary::LESSON.label(Lang::En, Side::Right), "GOMAXPROCS=4");
        let v = Vary::Preempt(PreemptMode::Async, PreemptMode::Cooperative);
        assert_ne!(
            v.label(Lang::En, Side::Left),
            v.label(Lang::En, Side::Right)
        );
        assert_ne!(
            v.label(Lang::En, Side::Right),
            v.label(Lang::PtBr, Side::Right)
        );
        assert_eq!(Vary::Seed(3, 9).label(Lang::PtBr, Side::Right), "semente 9");
        let v = Vary::default_for(Dimension::Policies, &Settings::default());
        assert_eq!(v.label(Lang::En, Side::Left), "Go's policies");
        assert_eq!(v.label(Lang::PtBr, Side::Right), "e se: sem runnext");
    }
}
