//! Shared memory: every variable, field or element more than one goroutine touched, with
//! its current value. Each access flashes the cell in the accessing goroutine's colour; a
//! racy cell turns red and shows the two conflicting accesses; clicking a cell highlights
//! the lines of its accesses in the editor.

use gosched_sim::view::{CellView, RaceView};
use yew::prelude::*;

use crate::frame::Frame;
use crate::i18n::{num, t, tf, Key, Lang};
use crate::state::Shared;

/// Cells drawn before "+k".
const CELLS_SHOWN: usize = 24;

pub struct CellsProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
    /// Called with the lines to highlight.
    pub on_lines: Callback<Vec<u32>>,
    /// The selected cell (by name), and what a click selects.
    pub selected: Option<String>,
    pub on_cell: Callback<Option<String>>,
}

fn access_word(lang: Lang, write: bool) -> &'static str {
    t(lang, if write { Key::Writes } else { Key::Reads })
}

/// The lines to highlight for the cell named `name` in `frame` (`None`: no such cell).
pub fn cell_lines(frame: &Frame, name: &str) -> Option<Vec<u32>> {
    let c = frame.view.cells.iter().find(|c| c.name == name)?;
    Some(lines_of(c, frame.races.iter().find(|r| r.cell == c.cell)))
}

/// The lines a click on this cell highlights: its race's two accesses, or else its
/// two latest accesses.
fn lines_of(c: &CellView, race: Option<&RaceView>) -> Vec<u32> {
    let mut lines: Vec<u32> = match race {
        Some(r) => vec![r.previous.line, r.current.line],
        None => c.recent.iter().rev().take(2).map(|a| a.2).collect(),
    };
    lines.retain(|&l| l > 0);
    gosched_lang::sort::sort(&mut lines);
    lines.dedup();
    lines
}

pub fn cells(p: &CellsProps) -> Html {
    let lang = p.lang;
    let view = &p.frame.view;
    let items = view.cells.iter().take(CELLS_SHOWN).map(|c| {
        let race = p.frame.races.iter().find(|r| r.cell == c.cell);
        let lines = lines_of(c, race);
        let selected = p.selected.as_deref() == Some(c.name.as_str());
        let onclick = {
            let (on_lines, on_cell) = (p.on_lines.clone(), p.on_cell.clone());
            let name = c.name.clone();
            Callback::from(move |_: MouseEvent| {
                on_lines.emit(lines.clone());
                on_cell.emit((!selected).then(|| name.clone()));
            })
        };
        let last = c.recent.last().copied();
        // Re-created (keyed by the access count) so the flash animation replays.
        let flash_key = format!("{}-{}", c.name, c.reads + c.writes);
        let flash = last.map(|(g, w, _)| {
            classes!(
                "cell__flash",
                super::color_class(g.0),
                if w { "cell__flash--write" } else { "cell__flash--read" }
            )
        });
        let last_text = last.map(|(g, w, line)| {
            tf(lang, Key::AtLine, &[
                ("g", &format!("G{}", g.0)),
                ("access", access_word(lang, w)),
                ("line", &line.to_string()),
            ])
        });
        let racy = c.racy || race.is_some();
        // No aria-label: the button's name is its visible text (name = value, the race or
        // the last access, the counts), so what a screen reader says matches what is shown.
        html! {
            <li key={c.name.clone()} class="cells__item">
                <button
                    type="button"
                    class={classes!("cell", racy.then_some("cell--racy"), selected.then_some("cell--selected"))}
                    data-testid={format!("cell-{}", c.name)}
                    aria-pressed={selected.to_string()}
                    data-race={if racy { "true" } else { "false" }}
                    {onclick}
                >
                    <span key={flash_key} class={flash} aria-hidden="true"></span>
                    <span class="cell__name">{ c.name.clone() }</span>
                    <span class="visually-hidden">{ " = " }</span>
                    <span class="cell__value">{ c.value.clone() }</span>
                    if let Some(r) = race {
                        <span class="cell__race">
                            <span aria-hidden="true">{ "⚠ " }</span>
                            { t(lang, Key::CellRacy) }{ ": " }
                            { tf(lang, Key::AtLine, &[
                                ("g", &format!("G{}", r.previous.g.0)),
                                ("access", access_word(lang, r.previous.write)),
                                ("line", &r.previous.line.to_string()),
                            ]) }
                            { " × " }
                            { tf(lang, Key::AtLine, &[
                                ("g", &format!("G{}", r.current.g.0)),
                                ("access", access_word(lang, r.current.write)),
                                ("line", &r.current.line.to_string()),
                            ]) }
                        </span>
                    } else if let Some(text) = last_text {
                        <span class="cell__last">{ text }</span>
                    }
                    <span class="cell__counts">
                        { tf(lang, Key::CellCounts, &[("r", &num(lang, c.reads)), ("w", &num(lang, c.writes))]) }
                    </span>
                </button>
            </li>
        }
    });
    let hidden = view.cells.len().saturating_sub(CELLS_SHOWN);
    html! {
        <section class="panel cells" aria-labelledby="cells-title" data-testid="cells">
            <header class="panel__head">
                <h2 class="panel__title" id="cells-title">{ t(lang, Key::Cells) }</h2>
            </header>
            if view.cells.is_empty() {
                <p class="panel__empty">{ t(lang, Key::NoCells) }</p>
            }
            <ul class="cells__list">
                { for items }
                if hidden > 0 {
                    <li class="more">{ tf(lang, Key::More, &[("n", &hidden.to_string())]) }</li>
                }
            </ul>
        </section>
    }
}
