//! The timeline: a lane per P (a Gantt chart, like `go tool trace`) showing which goroutine
//! ran when, with marks for preemptions, steals, system calls and blocking, and a playhead
//! at the current moment. Clicking a lane moves the run to that moment.

use std::rc::Rc;

use gosched_sim::ids::Nanos;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{dur, t, Key, Lang};
use crate::timeline::{Mark, Picture};

/// Height of a lane in SVG units (the width is the picture's shown columns).
const LANE: u32 = 12;
const BAR: u32 = 9;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub picture: Rc<Picture>,
    /// Processors to draw a lane for (at least; more if the picture has more).
    pub procs: usize,
    /// Simulated time now (the playhead).
    pub now: Nanos,
    /// Simulated time at the end of the recorded run (the right edge; the picture may
    /// lag behind it by a few frames while the run plays).
    pub end: Nanos,
    pub lang: Lang,
    /// Called with the simulated time clicked.
    pub on_seek: Callback<Nanos>,
}

#[derive(Properties, PartialEq)]
struct BarsProps {
    picture: Rc<Picture>,
}

/// The lanes' bars and marks: a component of its own, so that it is only redrawn when
/// the picture is (a few times a second while playing), not at every frame.
#[function_component(Bars)]
fn bars(p: &BarsProps) -> Html {
    let pic = &p.picture;
    // One group per lane: a bar appended to one lane leaves the others untouched.
    let lanes = pic.lanes.iter().zip(pic.marks.iter()).enumerate().map(|(i, (bars, marks))| {
        let y = i as u32 * LANE;
        let bars = bars.iter().map(move |b| {
            html! {
                <rect key={b.x0} class={classes!("tl__bar", super::color_class(b.g))}
                      x={b.x0.to_string()} y={(y + (LANE - BAR) / 2).to_string()}
                      width={(b.x1 - b.x0).to_string()} height={BAR.to_string()} />
            }
        });
        let marks = marks.iter().map(move |&(x, kind)| {
            let (dy, h) = match kind {
                Mark::Preempt | Mark::Steal => (0, 3),
                Mark::Syscall | Mark::Block => (LANE - 3, 3),
            };
            html! {
                <rect key={x * 4 + kind as u32} class={classes!("tl__mark", format!("tl__mark--{}", kind.css()))}
                      x={x.to_string()} y={(y + dy).to_string()} width="1.5" height={h.to_string()} />
            }
        });
        // Bars and marks in separate groups, keyed by column: Yew lines unkeyed lists up
        // from the end, so an appended bar would otherwise rewrite every other one.
        html! { <g key={i}><g>{ for bars }</g><g>{ for marks }</g></g> }
    });
    let lanes_n = pic.lanes.len().max(1) as u32;
    html! {
        <svg class="tl__svg" viewBox={format!("0 0 {:.2} {}", pic.visible(), lanes_n * LANE)}
             preserveAspectRatio="none" aria-hidden="true">
            { for lanes }
        </svg>
    }
}

#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let lang = p.lang;
    let pic = &p.picture;
    let lanes = pic.lanes.len().max(p.procs).max(1) as u32;
    let onclick = {
        let end = pic.end;
        let on_seek = p.on_seek.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 {
                let fraction = (f64::from(e.client_x()) - r.left()) / r.width();
                on_seek.emit((fraction.clamp(0.0, 1.0) * end as f64) as Nanos);
            }
        })
    };
    // The playhead is an HTML element over the bars, so moving it does not repaint them.
    let head = (p.now as f64 / pic.end.max(1) as f64 * 100.0).clamp(0.0, 100.0);
    let labels = (0..lanes).map(|i| html! { <li class="tl__lane-name">{ format!("P{i}") }</li> });
    let legend = [Mark::Preempt, Mark::Steal, Mark::Syscall, Mark::Block].map(|m| {
        let k = match m {
            Mark::Preempt => Key::MarkPreempt,
            Mark::Steal => Key::MarkSteal,
            Mark::Syscall => Key::MarkSyscall,
            Mark::Block => Key::MarkBlock,
        };
        html! { <li class={classes!("tl__legend-item", format!("tl__legend-item--{}", m.css()))}>{ t(lang, k) }</li> }
    });
    html! {
        <section class="panel timeline" aria-labelledby="timeline-title">
            <header class="panel__head">
                <h2 class="panel__title" id="timeline-title">{ t(lang, Key::Timeline) }</h2>
                <span class="panel__hint">{ t(lang, Key::TimelineHint) }</span>
                <span class="timeline__end">{ dur(lang, p.end.max(pic.end)) }</span>
            </header>
            <div class="tl">
                <ul class="tl__names" aria-hidden="true">{ for labels }</ul>
                <div class="tl__lanes" data-testid="timeline" role="img"
                     aria-label={t(lang, Key::TimelineLabel)}
                     style={format!("height:{}px", lanes * 16)}
                     {onclick}>
                    <Bars picture={pic.clone()} />
                    <span class="tl__head" style={format!("left:{head:.2}%")}></span>
                </div>
            </div>
            <ul class="tl__legend">{ for legend }</ul>
        </section>
    }
}
