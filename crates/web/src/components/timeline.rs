//! The timeline: a lane per P (a Gantt chart, like `go tool trace`) showing which goroutine
//! ran when, with marks for preemptions, steals, system calls and blocking, and a playhead
//! at the current moment. Clicking a lane moves the run to that moment.

use std::rc::Rc;

use gosched_sim::ids::Nanos;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use crate::i18n::{dur, t, Key, Lang};
use crate::state::Theme;
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
    pub theme: Theme,
    /// More controls at the end of the header (the trace download).
    #[prop_or_default]
    pub tools: Html,
}

#[derive(Properties, PartialEq)]
pub struct BarsProps {
    pub picture: Rc<Picture>,
    /// Lanes drawn (at least the picture's).
    pub lanes: u32,
    /// Redraw when the colours change.
    pub theme: Theme,
}

/// The CSS custom properties the canvas takes its colours from (defined in theme.css,
/// so colours stay in the stylesheet): one per goroutine colour class, then the marks.
type Palette = (Vec<String>, [String; 4]);

fn palette() -> Option<Palette> {
    let window = web_sys::window()?;
    let root = window.document()?.document_element()?;
    let style = window.get_computed_style(&root).ok()??;
    let var = |name: &str| {
        style
            .get_property_value(name)
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let goroutines = (0..16).map(|i| var(&format!("--gc-{i}"))).collect();
    let marks = [
        var("--warn"),
        var("--accent"),
        var("--ink-2"),
        var("--faint"),
    ];
    Some((goroutines, marks))
}

/// The lanes' bars and marks, drawn on a canvas: a run with thousands of context switches
/// would otherwise be thousands of SVG elements to diff, lay out and paint. It is a
/// component of its own, redrawn only when the picture is (a few times a second while
/// playing), not at every frame. The compare view draws its two timelines with it too.
#[function_component(Bars)]
pub fn bars(p: &BarsProps) -> Html {
    let canvas = use_node_ref();
    // Reading computed styles forces a style pass: read the colours once per theme.
    let colors = use_mut_ref(|| None::<(Theme, Palette)>);
    {
        let canvas = canvas.clone();
        let lanes = (p.picture.lanes.len() as u32).max(p.lanes).max(1);
        use_effect_with(
            (p.picture.clone(), lanes, p.theme),
            move |(pic, lanes, theme)| {
                let mut colors = colors.borrow_mut();
                if colors.as_ref().map(|c| c.0) != Some(*theme) {
                    *colors = palette().map(|p| (*theme, p));
                }
                if let Some((_, palette)) = colors.as_ref() {
                    draw(&canvas, pic, *lanes, palette);
                }
            },
        );
    }
    html! { <canvas class="tl__canvas" ref={canvas} aria-hidden="true"></canvas> }
}

/// The canvas bitmap's width in pixels. The stylesheet stretches the canvas to its box:
/// drawing at a fixed size means never asking the browser for the box's size, which
/// would force a layout in the middle of a frame.
const CANVAS_WIDTH: u32 = 1200;
/// Bitmap pixels per lane unit of height.
const CANVAS_Y: u32 = 3;

fn draw(canvas: &NodeRef, pic: &Picture, lanes: u32, palette: &Palette) -> Option<()> {
    let canvas = canvas.cast::<HtmlCanvasElement>()?;
    let (w, h) = (f64::from(CANVAS_WIDTH), f64::from(lanes * LANE * CANVAS_Y));
    if canvas.width() != CANVAS_WIDTH || f64::from(canvas.height()) != h {
        canvas.set_width(CANVAS_WIDTH);
        canvas.set_height(h as u32);
    }
    let ctx = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    let (colors, marks) = palette;
    let sx = w / pic.visible();
    let sy = h / f64::from(lanes * LANE);
    ctx.clear_rect(0.0, 0.0, w, h);
    for (i, bars) in pic.lanes.iter().enumerate() {
        let y = f64::from(i as u32 * LANE + (LANE - BAR) / 2) * sy;
        for b in bars {
            ctx.set_fill_style_str(&colors[(b.g % 16) as usize]);
            let x = f64::from(b.x0) * sx;
            let width = (f64::from(b.x1 - b.x0) * sx).max(1.0);
            ctx.fill_rect(x, y, width, f64::from(BAR) * sy);
        }
    }
    for (i, lane) in pic.marks.iter().enumerate() {
        let top = f64::from(i as u32 * LANE);
        for &(x, kind) in lane {
            let (dy, color) = match kind {
                Mark::Preempt => (0.0, &marks[0]),
                Mark::Steal => (0.0, &marks[1]),
                Mark::Syscall => (f64::from(LANE - 3), &marks[2]),
                Mark::Block => (f64::from(LANE - 3), &marks[3]),
            };
            ctx.set_fill_style_str(color);
            ctx.fill_rect(
                f64::from(x) * sx,
                (top + dy) * sy,
                (1.5 * sx).max(1.5),
                3.0 * sy,
            );
        }
    }
    Some(())
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
            // Yew delegates events to the app's root, so `current_target` is not the lanes:
            // measure the lanes the click landed in.
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".tl__lanes").ok().flatten())
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
                { p.tools.clone() }
            </header>
            <div class="tl">
                <ul class="tl__names" aria-hidden="true">{ for labels }</ul>
                <div class="tl__lanes" data-testid="timeline" role="img"
                     aria-label={t(lang, Key::TimelineLabel)}
                     style={format!("height:{}px", lanes * 16)}
                     {onclick}>
                    <Bars picture={pic.clone()} {lanes} theme={p.theme} />
                    <span class="tl__head" style={format!("left:{head:.2}%")}></span>
                </div>
            </div>
            <ul class="tl__legend">{ for legend }</ul>
        </section>
    }
}
