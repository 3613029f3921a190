//! The Go code editor (a plain textarea for now).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The program text to show.
    pub value: String,
    /// Called with the whole new text on every edit.
    pub on_edit: Callback<String>,
}

/// A monospace textarea labelled `main.go`.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    html! {
        <section class="panel editor">
            <label class="panel__title" for="editor">{ "main.go" }</label>
            <textarea
                id="editor"
                class="editor__text"
                data-testid="editor"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                value={props.value.clone()}
                {oninput}
            />
        </section>
    }
}
