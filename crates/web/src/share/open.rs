//! Opening a scenario on the page: what a link fragment turns into (a scenario, or the
//! default one and the reason), and starting a loaded scenario's run at its step.
//!
//! This is the one place that applies a scenario; the page's link handling, its saved
//! draft and the embed's postMessage `load` all go through [`open`] and
//! [`crate::state::Action::LoadScenario`], and the run starts through [`start_run`].

use super::{decode, Scenario, ShareError};
use crate::driver::Driver;
use crate::state::Settings;

/// The scenario the page opens without a link: the default program, default settings.
pub fn default_scenario() -> Scenario {
    Scenario {
        program: crate::DEFAULT_PROGRAM.to_string(),
        ..Scenario::default()
    }
}

/// The scenario a link fragment (with or without `#`) opens: the link's own, or the
/// default scenario together with what was wrong with the link.
pub fn open(fragment: &str) -> (Scenario, Option<ShareError>) {
    match decode(fragment) {
        Ok(s) => (s, None),
        Err(e) => (default_scenario(), Some(e)),
    }
}

/// Loads `src` with `settings` into the driver and, when the scenario asked for it
/// (`seek`: [`crate::state::Playground::seek_on_load`]), moves the playhead there: the
/// run opens paused at the shared step. Errors are the compiler's, rendered.
pub fn start_run(
    driver: &mut Driver,
    src: &str,
    settings: &Settings,
    seek: Option<u64>,
) -> Result<(), Vec<String>> {
    driver.load(src, settings)?;
    if let Some(step) = seek {
        driver.seek(step);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::state::{Action, Playground};
    use std::rc::Rc;
    use yew::Reducible;

    fn page() -> Rc<Playground> {
        Rc::new(Playground::new(crate::DEFAULT_PROGRAM, Lang::En))
    }

    #[test]
    fn a_shared_scenario_loads_back_into_the_same_state() {
        let p = page()
            .reduce(Action::SetProcs(2))
            .reduce(Action::SetSeed(77))
            .reduce(Action::SetRace(false))
            .reduce(Action::SetSpeed(6))
            .reduce(Action::SetLang(Lang::PtBr))
            .reduce(Action::Select(Some(3)));
        let link = super::super::encode(&p.scenario(Some(40)));
        let (s, err) = open(&format!("#{link}"));
        assert_eq!(err, None);
        let q = page().reduce(Action::LoadScenario(Box::new(s)));
        assert_eq!(q.src, p.src);
        assert_eq!(q.settings, p.settings);
        assert_eq!(q.speed, 6);
        assert_eq!(q.lang, Lang::PtBr);
        assert_eq!(q.selected, Some(3));
        assert_eq!(q.seek_on_load, Some(40));
        assert_eq!(q.scenario(Some(40)), p.scenario(Some(40)));
        assert!(q.generation > 0 && q.loads == 1);
    }

    #[test]
    fn a_later_restart_forgets_the_seek_and_edits_drop_the_schedule() {
        let s = Scenario {
            step: Some(9),
            schedule: Some("abc".into()),
            cell: Some("counter".into()),
            ..default_scenario()
        };
        let p = page().reduce(Action::LoadScenario(Box::new(s)));
        assert_eq!(p.seek_on_load, Some(9));
        assert_eq!(p.schedule.as_deref(), Some("abc"));
        assert_eq!(p.selected_cell.as_deref(), Some("counter"));
        let r = p.clone().reduce(Action::Reset);
        assert_eq!(r.seek_on_load, None);
        assert_eq!(r.schedule.as_deref(), Some("abc"));
        let e = p.reduce(Action::Edit("package main\n".into()));
        assert_eq!(e.schedule, None);
    }

    #[test]
    fn a_broken_link_opens_the_default_scenario_and_says_why() {
        for (frag, want) in [
            ("#garbage", ShareError::NotAScenario),
            ("#v9.AAAA", ShareError::NewerVersion(9)),
            ("#v1.%%%", ShareError::BadEncoding),
        ] {
            let (s, err) = open(frag);
            assert_eq!(err, Some(want));
            assert_eq!(s, default_scenario());
        }
    }

    #[test]
    fn the_run_opens_paused_at_the_shared_step() {
        let mut d = Driver::default();
        start_run(
            &mut d,
            crate::DEFAULT_PROGRAM,
            &Settings::default(),
            Some(25),
        )
        .unwrap();
        let t = std::cell::Cell::new(0.0);
        let clock = || {
            t.set(t.get() + 0.01);
            t.get()
        };
        for _ in 0..100 {
            if !d.busy() {
                break;
            }
            d.work(&clock, 1000.0, 16.0);
        }
        let f = d.frame(0.0).unwrap();
        assert_eq!(f.step, 25);
        assert_eq!(f.status, crate::frame::Status::Paused);
        assert!(start_run(
            &mut d,
            "package main\nfunc main() { x }\n",
            &Settings::default(),
            Some(3)
        )
        .is_err());
    }

    #[test]
    fn a_step_past_the_end_opens_the_finished_run() {
        let mut d = Driver::default();
        start_run(
            &mut d,
            crate::DEFAULT_PROGRAM,
            &Settings::default(),
            Some(u64::MAX),
        )
        .unwrap();
        let t = std::cell::Cell::new(0.0);
        let clock = || {
            t.set(t.get() + 0.01);
            t.get()
        };
        let mut frames = 0;
        while d.busy() && frames < 10_000 {
            d.work(&clock, 1000.0, 16.0);
            frames += 1;
        }
        assert!(!d.busy(), "still seeking after {frames} frames");
        let f = d.frame(0.0).unwrap();
        assert_eq!(f.status, crate::frame::Status::Finished(0));
    }
}
