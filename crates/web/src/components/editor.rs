//! The Go editor: a transparent `<textarea>` (where typing happens; `data-testid="editor"`)
//! over a highlighted `<pre>` with line numbers. Diagnostics show inline at their
//! line:col; while running, the gutter shows a coloured marker on each line where a
//! goroutine is; the selected goroutine's line and a race's two lines are highlighted.

use std::collections::BTreeMap;
use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::frame::Frame;
use crate::highlight::{highlight, Class, Line};
use crate::i18n::{t, tf, Key, Lang};
use crate::state::{Diag, Shared, FILE_NAME};

/// Goroutine markers drawn per line before "+k".
const DOTS_SHOWN: usize = 3;
/// Goroutines listed in the editor's header.
const LEGEND_SHOWN: usize = 8;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub src: AttrValue,
    pub diagnostics: Vec<Diag>,
    pub frame: Option<Shared<Frame>>,
    /// The selected goroutine's current line.
    pub selected_line: Option<u32>,
    pub marked_lines: Vec<u32>,
    pub selected: Option<u32>,
    pub lang: Lang,
    /// Called with the whole new text on every edit.
    pub on_edit: Callback<String>,
    pub on_select: Callback<u32>,
    /// Shown but not editable (an embed with `editor=ro`).
    #[prop_or_default]
    pub readonly: bool,
}

/// A goroutine marker: id and state.
type Marker = (u32, &'static str);

/// Cuts a line's pieces so that the text from byte column `col` (1-based) to the end of
/// its piece is marked (the diagnostic underline).
fn mark_column(line: &Line, col: u32) -> Vec<(Class, String, bool)> {
    let at = col.saturating_sub(1) as usize;
    let mut out = Vec::with_capacity(line.len() + 2);
    let mut pos = 0usize;
    let mut marked_any = false;
    for (class, text) in line {
        let end = pos + text.len();
        if !marked_any && at >= pos && at < end && text.is_char_boundary(at - pos) {
            let (a, b) = text.split_at(at - pos);
            if !a.is_empty() {
                out.push((*class, a.to_string(), false));
            }
            out.push((*class, b.to_string(), true));
            marked_any = true;
        } else {
            out.push((*class, text.clone(), false));
        }
        pos = end;
    }
    out
}

#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let lang = p.lang;
    let lines = use_memo(p.src.clone(), |src| highlight(src));
    let oninput = {
        let on_edit = p.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };

    // Where each goroutine is now.
    let mut markers: BTreeMap<u32, Vec<Marker>> = BTreeMap::new();
    let mut legend: Vec<Marker> = Vec::new();
    // Lines of data races, with what to say there.
    let mut race_notes: BTreeMap<u32, String> = BTreeMap::new();
    if let Some(f) = &p.frame {
        for g in f.view.goroutines.iter().filter(|g| !g.system) {
            // `main.init` is the compiler's package initializer: its line means nothing.
            if g.line > 0 && g.func != "main.init" {
                markers.entry(g.line).or_default().push((g.id.0, g.state));
            }
            if legend.len() < LEGEND_SHOWN {
                legend.push((g.id.0, g.state));
            }
        }
        for r in f.races.iter() {
            let word = |w: bool| t(lang, if w { Key::Writes } else { Key::Reads });
            let note = format!(
                "◀ {}: G{} {} × G{} {}",
                t(lang, Key::CellRacy),
                r.previous.g.0,
                word(r.previous.write),
                r.current.g.0,
                word(r.current.write)
            );
            for l in [r.previous.line, r.current.line] {
                race_notes.entry(l).or_insert_with(|| note.clone());
            }
        }
    }

    let dot = |(id, state): Marker| {
        let onclick = p.on_select.reform(move |_: MouseEvent| id);
        html! {
            <button type="button" tabindex="-1"
                    class={classes!("gdot", "gdot--mark", super::color_class(id))}
                    data-state={state} title={format!("G{id}")} {onclick}>
                { format!("G{id}") }
            </button>
        }
    };
    let gutter = lines.iter().enumerate().map(|(i, _)| {
        let n = i as u32 + 1;
        let here = markers.get(&n);
        let title = here.map(|gs| {
            let list = gs.iter().map(|(id, _)| format!("G{id}")).collect::<Vec<_>>().join(", ");
            tf(lang, Key::GoroutinesOnLine, &[("line", &n.to_string()), ("list", &list)])
        });
        html! {
            <div class={classes!("gutter__line", here.is_some().then_some("gutter__line--busy"))} title={title}>
                <span class="gutter__dots">
                    { for here.into_iter().flatten().take(DOTS_SHOWN).map(|m| dot(*m)) }
                    if here.is_some_and(|g| g.len() > DOTS_SHOWN) {
                        <span class="gutter__more">{ format!("+{}", here.map_or(0, |g| g.len()) - DOTS_SHOWN) }</span>
                    }
                </span>
                <span class="gutter__num">{ n }</span>
            </div>
        }
    });
    let chips = legend.into_iter().map(|(id, state)| {
        let onclick = p.on_select.reform(move |_: MouseEvent| id);
        html! {
            <button type="button" key={id}
                    class={classes!("gchip", super::color_class(id), (p.selected == Some(id)).then_some("gchip--selected"))}
                    data-state={state} {onclick}>
                { format!("G{id}") }
            </button>
        }
    });
    html! {
        <section class="panel editor" aria-labelledby="editor-title">
            <header class="panel__head">
                <label class="panel__title editor__file" id="editor-title" for="editor">{ FILE_NAME }</label>
                <span class="editor__legend">{ for chips }</span>
            </header>
            <div class="editor__scroll">
                <div class="editor__inner">
                    <div class="editor__gutter" aria-hidden="true">{ for gutter }</div>
                    <div class="editor__code">
                        <CodeLines
                            lines={lines.clone()}
                            diagnostics={p.diagnostics.clone()}
                            selected_line={p.selected_line}
                            marked_lines={p.marked_lines.clone()}
                            {race_notes}
                        />
                        <textarea
                            id="editor"
                            class="editor__text"
                            data-testid="editor"
                            aria-label={t(lang, Key::EditorLabel)}
                            spellcheck="false"
                            autocomplete="off"
                            autocapitalize="off"
                            wrap="off"
                            value={p.src.clone()}
                            readonly={p.readonly}
                            {oninput}
                        />
                    </div>
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CodeLinesProps {
    lines: Rc<Vec<Line>>,
    diagnostics: Vec<Diag>,
    selected_line: Option<u32>,
    marked_lines: Vec<u32>,
    /// What to say on the lines of data races.
    race_notes: BTreeMap<u32, String>,
}

/// The highlighted source with inline diagnostics and race notes. Its own component, so
/// that it is not redrawn every frame while goroutine markers move in the gutter.
#[function_component(CodeLines)]
fn code_lines(p: &CodeLinesProps) -> Html {
    let mut diags: BTreeMap<u32, &Diag> = BTreeMap::new();
    for d in &p.diagnostics {
        diags.entry(d.line).or_insert(d);
    }
    let code = p.lines.iter().enumerate().map(|(i, line)| {
        let n = i as u32 + 1;
        let diag = diags.get(&n);
        let pieces = match diag {
            Some(d) => mark_column(line, d.col),
            None => line.iter().map(|(c, s)| (*c, s.clone(), false)).collect(),
        };
        let race = p.race_notes.get(&n);
        html! {
            <div class={classes!(
                "code-line",
                diag.is_some().then_some("code-line--error"),
                race.is_some().then_some("code-line--race"),
                (p.selected_line == Some(n)).then_some("code-line--selected"),
                p.marked_lines.contains(&n).then_some("code-line--marked"),
            )}>
                { for pieces.into_iter().map(|(class, text, marked)| html! {
                    <span class={classes!(class.css(), marked.then_some("diag-mark"))}>{ text }</span>
                }) }
                if let Some(d) = diag {
                    <span class="code-line__note code-line__note--error">{ format!("◀ {}", d.message) }</span>
                } else if let Some(note) = race {
                    <span class="code-line__note code-line__note--race">{ note.clone() }</span>
                }
            </div>
        }
    });
    html! { <pre class="editor__pre" aria-hidden="true">{ for code }</pre> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_mark_splits_the_piece_it_falls_in() {
        let line: Line = vec![
            (Class::Plain, "\tx := ".into()),
            (Class::Number, "42".into()),
        ];
        let marked = mark_column(&line, 3);
        assert_eq!(
            marked,
            vec![
                (Class::Plain, "\tx".to_string(), false),
                (Class::Plain, " := ".to_string(), true),
                (Class::Number, "42".to_string(), false),
            ]
        );
        // Past the end of the line: nothing is marked, nothing is lost.
        let past = mark_column(&line, 40);
        assert!(past.iter().all(|p| !p.2));
        assert_eq!(
            past.iter().map(|p| p.1.as_str()).collect::<String>(),
            "\tx := 42"
        );
    }
}
