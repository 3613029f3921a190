//! What the compiler says about the program: its diagnostics, or its `go` statements.

use yew::prelude::*;

use crate::state::GoStatement;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// Rendered diagnostics (`main.go:7:1: ...`), in source order.
    pub diagnostics: Vec<String>,
    /// The program's `go` statements, in source order.
    pub go_statements: Vec<GoStatement>,
}

/// The compiler panel: a status line, the diagnostics list and the goroutine starts.
#[function_component(Report)]
pub fn report(props: &ReportProps) -> Html {
    let status = match props.diagnostics.len() {
        0 => "No errors.".to_string(),
        1 => "1 error.".to_string(),
        n => format!("{n} errors."),
    };
    let status_class = if props.diagnostics.is_empty() {
        "status status--ok"
    } else {
        "status status--error"
    };
    html! {
        <section class="panel report">
            <h2 class="panel__title">{ "Compiler" }</h2>
            <p class={status_class} data-testid="status">{ status }</p>
            <ul class="report__diagnostics" data-testid="diagnostics">
                { for props.diagnostics.iter().map(|d| html! { <li class="diagnostic">{ d }</li> }) }
            </ul>
            <h2 class="panel__title">{ "Goroutines started" }</h2>
            <ul class="report__go" data-testid="go-statements">
                { for props.go_statements.iter().map(|g| html! {
                    <li class="go-statement">
                        <span class="go-statement__at">{ g.at.to_string() }</span>
                        <code class="go-statement__text">{ &g.text }</code>
                    </li>
                }) }
            </ul>
        </section>
    }
}
