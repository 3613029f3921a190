//! The lessons' scenario links as the page makes them (program, the lesson's settings, the
//! lesson id, the language and a playhead), measured as whole URLs: each must stay under
//! the 2,000 characters chat tools keep.

#[allow(dead_code)]
#[path = "../src/lessons/data.rs"]
mod data;

use gosched_web::share::{decode, encode, Lang, Preempt, Scenario};

/// A plausible deployed address (GitHub Pages), counted in the length.
const ORIGIN: &str = "https://example.github.io/go-scheduler-playground/#";

#[test]
fn every_lesson_link_is_under_2000_characters() {
    let mut total = 0;
    let mut count = 0;
    let mut longest = 0;
    for lesson in data::LESSONS {
        for p in lesson.programs {
            let s = Scenario {
                program: p.source.to_string(),
                procs: p.settings.procs,
                preempt: if p.settings.preempt_coop {
                    Preempt::Coop
                } else {
                    Preempt::Async
                },
                seed: p.settings.seed,
                race: p.settings.race,
                step: Some(1234),
                goroutine: Some(5),
                lang: Some(Lang::PtBr),
                lesson: Some(format!("{}/{}", lesson.id, p.id)),
                ..Scenario::default()
            };
            let url = format!("{ORIGIN}{}", encode(&s));
            println!(
                "{:<24} {:<20} {:>3} lines {:>5} characters",
                lesson.id,
                p.id,
                p.source.lines().count(),
                url.len()
            );
            assert_eq!(decode(&url[ORIGIN.len()..]), Ok(s));
            assert!(url.len() < 2000, "{}: {} characters", p.id, url.len());
            total += url.len();
            count += 1;
            longest = longest.max(url.len());
        }
    }
    println!("{count} lesson links, {total} characters in all, the longest {longest}");
    assert!(count > 0);
}
