//! The root component: holds the [`Playground`] state and lays out the page.

use yew::prelude::*;

use crate::editor::Editor;
use crate::report::Report;
use crate::state::{Action, Playground};

/// The whole playground page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| Playground::new(crate::DEFAULT_PROGRAM));
    let on_edit = {
        let state = state.dispatcher();
        Callback::from(move |src: String| state.dispatch(Action::Edit(src)))
    };
    html! {
        <div class="page">
            <header class="page__header">
                <h1 class="page__title" data-testid="title">{ "Go Scheduler Playground" }</h1>
                <p class="page__tagline">{ "Write a small Go program and watch how the runtime schedules its goroutines." }</p>
            </header>
            <main class="page__main">
                <Editor value={state.src.clone()} {on_edit} />
                <Report diagnostics={state.diagnostics.clone()} go_statements={state.go_statements.clone()} />
            </main>
        </div>
    }
}
