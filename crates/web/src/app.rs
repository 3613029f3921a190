//! The root component: owns the [`Playground`] state and the simulation driver, builds the
//! callbacks (each maps a user action to an [`Action`] or a driver command), and lays out
//! the page.

use gosched_sim::ids::{Nanos, Step};
use gosched_sim::PreemptMode;
use yew::prelude::*;

use crate::compare::{Dimension, Vary};
use crate::components::assumptions::{assumptions, AssumptionsProps};
use crate::components::be_scheduler::BeScheduler;
use crate::components::cells::{cells, CellsProps};
use crate::components::compare_view::CompareView;
use crate::components::console::Console;
use crate::components::diagnostics::{diagnostics, DiagnosticsProps};
use crate::components::editor::Editor;
use crate::components::embed_dialog::EmbedDialog;
use crate::components::embed_link::{embed_link, EmbedLinkProps};
use crate::components::event_log::EventLog;
use crate::components::explore_panel::ExplorePanel;
use crate::components::export_trace::ExportTrace;
use crate::components::header::{header, HeaderProps};
use crate::components::help::{help, HelpProps};
use crate::components::lesson_menu::{lesson_menu, LessonMenuProps};
use crate::components::lesson_panel::LessonPanel;
use crate::components::narration::Narration;
use crate::components::race_report::{race_report, RaceReportProps};
use crate::components::settings_bar::SettingsBar;
use crate::components::share::{LangSelect, LinkErrorBanner, ShareTools};
use crate::components::stage::Stage;
use crate::components::timeline::Timeline;
use crate::components::transport::{transport, TransportProps};
use crate::components::wait_for::{wait_for, WaitForProps};
use crate::embed::params::EditorMode;
use crate::frame::Status;
use crate::hooks::use_driver::use_driver;
use crate::hooks::use_lessons::use_lessons;
use crate::hooks::use_share_link::{use_share_link, LANG_PREF};
use crate::hooks::use_shortcuts::{use_shortcuts, Shortcut};
use crate::i18n::{t, Key, Lang};
use crate::state::{Action, Playground, Popover, Shared, Theme};

/// The wait-for graph is worked out and listed for at most this many live goroutines:
/// past it, walking the heap and listing every blocked goroutine would block the page
/// for seconds (900,000 goroutines blocked in `select {}` took 76 s).
const WAIT_FOR_MAX_GOROUTINES: u64 = 5_000;

/// Where the theme choice is saved.
const THEME_PREF: &str = "gosched.theme";

/// How long a token takes to move at `rate` events per second: most of the time between
/// two events, between 90 and 380 ms; from 100 events per second on, tokens move every
/// frame and just jump (an animation would be cut short by the next move anyway).
fn move_ms(rate: Option<f64>) -> f64 {
    match rate {
        Some(r) if r > 0.0 && r < 100.0 => (800.0 / r).clamp(90.0, 380.0),
        _ => 0.0,
    }
}

/// The whole playground page.
#[function_component(App)]
pub fn app() -> Html {
    // Embed mode (`?embed&editor=…`): read once.
    let embed = *use_memo((), |_| {
        crate::embed::params::parse(&crate::embed::bridge::location_search())
    });
    let state = use_reducer(move || {
        let mut p = Playground::new(
            crate::DEFAULT_PROGRAM,
            Lang::from_tag(&crate::dom::language()),
        );
        p.theme = crate::dom::load_pref(THEME_PREF).map_or(Theme::Auto, |s| Theme::from_attr(&s));
        match embed {
            // A link in the address bar, else the user's saved draft.
            None => crate::hooks::use_share_link::restore(&mut p),
            // An embed shows its link (never the reader's draft), in the theme and
            // language the host page chose.
            Some(e) => {
                crate::embed::apply::restore(&mut p);
                p.theme = e.theme.unwrap_or(Theme::Auto);
                p.lang = e.lang.unwrap_or(p.lang);
            }
        }
        p
    });
    // An embed's edits are not the reader's draft: only the full page saves them.
    use_share_link(&state, embed.is_none());
    let driver = use_driver({
        let d = state.dispatcher();
        Callback::from(move |f| d.dispatch(Action::Frame(f)))
    });

    // Load the program again whenever the run must start over.
    {
        let driver = driver.clone();
        let d = state.dispatcher();
        let src = state.src.clone();
        let settings = state.settings;
        let seek = state.seek_on_load;
        let ok = state.diagnostics.is_empty();
        // A recorded schedule (explorer, be the scheduler, link) replays instead of the seed.
        let schedule = state.schedule.clone();
        let limit = crate::lessons::nav::step_limit(&state);
        use_effect_with(state.generation, move |_| {
            if ok {
                driver.with(|dr| dr.set_max_steps(limit));
                if let Err(errors) = driver.with(|dr| {
                    crate::share::start_run(dr, &src, &settings, schedule.as_deref(), seek)
                }) {
                    d.dispatch(Action::RunErrors(errors));
                }
            } else {
                driver.with(|dr| dr.unload());
            }
        });
    }
    crate::embed::bridge::use_embed(embed, &state, &driver);
    use_lessons(&state, &driver);
    {
        let driver = driver.clone();
        use_effect_with(state.rate().map(f64::to_bits), move |rate| {
            let rate = rate.map(f64::from_bits);
            driver.with(|d| d.set_rate(rate));
        });
    }
    // The theme goes on <html> while rendering, before any child's effect runs, so that
    // effects reading computed colours (the timeline's canvas) see the new theme.
    {
        let applied = use_mut_ref(|| None::<Theme>);
        if *applied.borrow() != Some(state.theme) {
            crate::dom::set_root_attr("data-theme", state.theme.attr());
            *applied.borrow_mut() = Some(state.theme);
        }
    }
    // An embed's theme is the host's choice, not the reader's preference.
    use_effect_with(state.theme, move |theme| {
        if embed.is_none() {
            crate::dom::save_pref(THEME_PREF, theme.attr())
        }
    });
    use_effect_with(state.lang, |lang| {
        crate::dom::set_root_attr("lang", lang.tag())
    });

    // Driver commands.
    let rate = state.rate();
    let command = |f: fn(&mut crate::driver::Driver, Option<f64>)| {
        let driver = driver.clone();
        Callback::from(move |()| driver.with(|d| f(d, rate)))
    };
    let on_run = command(|d, rate| d.play(rate));
    let on_pause = command(|d, _| d.pause());
    let on_step = command(|d, _| d.step());
    let on_back = command(|d, _| d.step_back());
    let on_seek = {
        let driver = driver.clone();
        Callback::from(move |s: Step| driver.with(|d| d.seek(s)))
    };
    let on_seek_time = {
        let driver = driver.clone();
        Callback::from(move |t: Nanos| driver.with(|d| d.seek_time(t)))
    };

    // State actions.
    let dispatch = |f: fn(&UseReducerHandle<Playground>) -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(f(&state)))
    };
    let on_reset = dispatch(|_| Action::Reset);
    let on_theme = dispatch(|s| Action::SetTheme(s.theme.next()));
    let on_new_seed = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::SetSeed(crate::dom::random_seed())))
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |src: String| state.dispatch(Action::Edit(src)))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |g: u32| {
            let next = (state.selected != Some(g)).then_some(g);
            state.dispatch(Action::Select(next));
        })
    };
    let on_lines = {
        let state = state.clone();
        Callback::from(move |lines: Vec<u32>| state.dispatch(Action::MarkLines(lines)))
    };
    let on_popover = {
        let state = state.clone();
        Callback::from(move |p: Popover| {
            let next = (state.popover != Some(p)).then_some(p);
            state.dispatch(Action::Popover(next));
        })
    };
    let close_popover = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Popover(None)))
    };
    let setting = |f: fn(u64) -> Action| {
        let state = state.clone();
        Callback::from(move |v: u64| state.dispatch(f(v)))
    };
    let on_seed = setting(Action::SetSeed);
    let on_procs = {
        let state = state.clone();
        Callback::from(move |n: u32| state.dispatch(Action::SetProcs(n)))
    };
    let on_preempt = {
        let state = state.clone();
        Callback::from(move |m: PreemptMode| state.dispatch(Action::SetPreempt(m)))
    };
    let on_race = {
        let state = state.clone();
        Callback::from(move |on: bool| state.dispatch(Action::SetRace(on)))
    };
    let on_fidelity = {
        let state = state.clone();
        Callback::from(move |f: gosched_sim::Fidelity| state.dispatch(Action::SetFidelity(f)))
    };
    let on_speed = {
        let state = state.clone();
        Callback::from(move |i: usize| state.dispatch(Action::SetSpeed(i)))
    };

    // Scenario links and the language switch.
    let make_link = {
        let state = state.clone();
        Callback::from(move |()| {
            // The playhead, once the run has started (a fresh run opens at step 0 anyway).
            let step = state
                .frame
                .as_ref()
                .filter(|f| f.status != Status::Ready)
                .map(|f| f.target.unwrap_or(f.step));
            crate::dom::replace_hash(&crate::share::encode(&state.scenario(step)))
        })
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |l: Lang| {
            crate::dom::save_pref(LANG_PREF, l.tag());
            state.dispatch(Action::SetLang(l));
        })
    };
    let close_link_error = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::LinkError(None)))
    };
    let on_cell = {
        let state = state.clone();
        Callback::from(move |c: Option<String>| state.dispatch(Action::SelectCell(c)))
    };

    // A cell selected by a link: once the run shows it, highlight its lines as a click would.
    {
        let d = state.dispatcher();
        let cell = state
            .selected_cell
            .clone()
            .filter(|_| state.marked_lines.is_empty());
        let frame = state.frame.clone().filter(|f| f.target.is_none());
        use_effect_with((cell, frame), move |(cell, frame)| {
            if let (Some(name), Some(f)) = (cell, frame) {
                if let Some(lines) = crate::components::cells::cell_lines(f, name) {
                    d.dispatch(Action::CellLines(lines));
                }
            }
        });
    }
    // Explore and be the scheduler (issue 7).
    let on_found = {
        let state = state.clone();
        Callback::from(
            move |(schedule, step, finding, lines): (
                String,
                Step,
                crate::i18n::Phrase,
                Vec<u32>,
            )| {
                state.dispatch(Action::LoadSchedule {
                    schedule,
                    pause_at: Some(step),
                    finding: Some(finding),
                });
                if !lines.is_empty() {
                    state.dispatch(Action::MarkLines(lines));
                }
            },
        )
    };
    let on_seat_load = {
        let state = state.clone();
        Callback::from(move |(schedule, step): (String, Step)| {
            state.dispatch(Action::LoadSchedule {
                schedule,
                pause_at: Some(step),
                finding: None,
            })
        })
    };
    let on_forget = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ForgetSchedule))
    };
    let on_run_errors = {
        let state = state.clone();
        Callback::from(move |e: Vec<String>| state.dispatch(Action::RunErrors(e)))
    };
    // The wait-for graph of the shown step, when paused or finished (it walks the heap).
    let wait_for_graph = {
        let driver = driver.clone();
        let f = state.frame.as_ref();
        let key = (
            state.generation,
            f.map(|f| f.step),
            f.is_some_and(|f| f.status == Status::Playing),
            f.is_some_and(|f| f.view.memory.goroutines > WAIT_FOR_MAX_GOROUTINES),
        );
        use_memo(key, move |(_, step, playing, too_many)| {
            if *playing || step.is_none() || *too_many {
                return None;
            }
            driver.peek(|d| {
                d.machine().map(|m| {
                    let global = m.outcome().is_some_and(|o| o.is_deadlock());
                    (Shared::new(m.wait_for_graph()), global)
                })
            })
        })
    };
    // The compare view: the main run pauses while it is open.
    let on_compare = {
        let state = state.clone();
        let driver = driver.clone();
        Callback::from(move |_: MouseEvent| {
            driver.with(|d| d.pause());
            state.dispatch(Action::OpenCompare(Vary::default_for(
                Dimension::Procs,
                &state.settings,
            )));
        })
    };
    let on_vary = {
        let state = state.clone();
        Callback::from(move |v: Vary| state.dispatch(Action::OpenCompare(v)))
    };
    let on_close_compare = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::CloseCompare))
    };

    // Keyboard shortcuts.
    {
        let driver = driver.clone();
        let on_reset = on_reset.clone();
        let on_popover = on_popover.clone();
        let close_popover = close_popover.clone();
        let comparing = state.compare.is_some() && state.popover.is_none();
        let on_close_compare = on_close_compare.clone();
        use_shortcuts(Callback::from(move |s: Shortcut| match s {
            Shortcut::RunPause => {
                driver.with(|d| if d.playing() { d.pause() } else { d.play(rate) })
            }
            Shortcut::Step => driver.with(|d| d.step()),
            Shortcut::StepBack => driver.with(|d| d.step_back()),
            Shortcut::Reset => on_reset.emit(()),
            Shortcut::Help => on_popover.emit(Popover::Help),
            Shortcut::Escape if comparing => on_close_compare.emit(()),
            Shortcut::Escape => close_popover.emit(()),
        }));
    }

    // After every render: how long drawing took (for performance tests).
    {
        let driver = driver.clone();
        use_effect(move || driver.rendered());
    }

    // Helpers for the layout.
    let lang = state.lang;
    let frame = state.frame.clone();
    let status = frame.as_ref().map(|f| f.status);
    let playing = status == Some(Status::Playing);
    let mut problems: Vec<String> = state.diagnostics.iter().map(|d| d.text.clone()).collect();
    problems.extend(state.run_errors.iter().cloned());
    let popover = match state.popover {
        Some(Popover::Help) => help(&HelpProps {
            lang,
            on_close: close_popover.clone(),
        }),
        Some(Popover::Assumptions) => assumptions(&AssumptionsProps {
            lang,
            on_close: close_popover.clone(),
        }),
        None => html! {},
    };

    // Embedding: the dialog's scenario, and the embed's link back to the full page.
    let embed_fragment = {
        let state = state.clone();
        Callback::from(move |()| crate::embed::link::fragment_of(&state))
    };
    let playground_href = use_memo(
        (
            embed.is_some(),
            state.src.clone(),
            state.settings,
            state.speed,
            lang,
        ),
        {
            let state = state.clone();
            move |(on, ..)| {
                on.then(|| {
                    let fragment = crate::embed::link::fragment_of(&state);
                    format!("{}#{fragment}", crate::embed::bridge::page_base())
                })
            }
        },
    );
    let app_class = classes!(
        "app",
        embed.map(|e| classes!(
            "app--embed",
            match e.editor {
                EditorMode::None => "app--embed-noeditor",
                EditorMode::ReadOnly => "app--embed-readonly",
                EditorMode::Editable => "app--embed-editable",
            }
        ))
    );

    // Lessons: the menu, and the panel of the lesson being followed.
    let lessons = {
        let on_choose = {
            let state = state.clone();
            Callback::from(
                move |l: Option<&'static crate::lessons::data::Lesson>| match l {
                    Some(l) => state.dispatch(Action::OpenLesson(l, 0)),
                    None => state.dispatch(Action::CloseLesson),
                },
            )
        };
        let panel = state.lesson.map(|at| {
            let s = state.clone();
            let on_step = Callback::from(move |i: usize| s.dispatch(Action::OpenLesson(at.lesson, i)));
            let s = state.clone();
            let on_run = Callback::from(move |r| s.dispatch(Action::LessonRun(r)));
            let s = state.clone();
            let on_close = Callback::from(move |()| s.dispatch(Action::CloseLesson));
            // A compared program's two runs side by side (the compare view).
            let on_compare = crate::lessons::nav::vary(&at).map(|v| {
                let (s, driver) = (state.clone(), driver.clone());
                Callback::from(move |()| {
                    driver.with(|d| d.pause());
                    s.dispatch(Action::OpenCompare(v));
                })
            });
            html! {
                <LessonPanel {lang} {at} {status} end_time={frame.as_ref().map_or(0, |f| f.end_time)}
                             {on_step} {on_run} {on_close} {on_compare} />
            }
        });
        html! {
            <aside class="lessons" data-testid="lessons-area">
                { lesson_menu(&LessonMenuProps { lang, current: state.lesson.map(|at| at.lesson.id), on_choose }) }
                { panel.unwrap_or_default() }
            </aside>
        }
    };

    html! {
        <div class={app_class} data-lesson-focus={state.lesson.map(|at| at.focus_attr())}>
            { header(&HeaderProps { lang, theme: state.theme, on_theme, on_popover, tools: html! {
                <>
                    <ShareTools {lang} {make_link} />
                    <EmbedDialog {lang} theme={state.theme} fragment={embed_fragment} />
                    <LangSelect {lang} {on_lang} />
                </>
            } }) }
            if let Some(error) = state.link_error.clone() {
                <LinkErrorBanner {lang} {error} on_close={close_link_error} />
            }
            if state.compare.is_none() {
            <nav class="controls">
                { transport(&TransportProps {
                    lang,
                    status,
                    step: frame.as_ref().map_or(0, |f| f.step),
                    shown: frame.as_ref().map_or(0, |f| f.target.unwrap_or(f.step)),
                    furthest: frame.as_ref().map_or(0, |f| f.furthest),
                    loaded: frame.is_some(),
                    on_run,
                    on_pause,
                    on_step,
                    on_back,
                    on_reset,
                    on_seek: on_seek.clone(),
                }) }
                <SettingsBar
                    {lang}
                    settings={state.settings}
                    speed={state.speed}
                    {on_speed} {on_procs} {on_preempt} {on_seed} {on_new_seed} {on_race} {on_fidelity}
                />
                <button type="button" class="btn" data-testid="compare" title={t(lang, Key::CompareTitle)}
                        disabled={!state.runnable()} onclick={on_compare}>
                    { t(lang, Key::Compare) }
                </button>
            </nav>
            }
            if let Some(vary) = state.compare {
                <main class="compare-page">
                    <CompareView {lang} theme={state.theme} src={AttrValue::from(state.src.clone())}
                                 settings={state.settings} {vary} {on_vary} on_close={on_close_compare} />
                </main>
            } else {
            <main class="layout">
                <div class="layout__code">
                    { lessons }
                    <Editor
                        src={AttrValue::from(state.src.clone())}
                        diagnostics={state.diagnostics.clone()}
                        frame={frame.clone()}
                        selected_line={state.selected_line()}
                        marked_lines={state.marked_lines.clone()}
                        selected={state.selected}
                        {lang}
                        {on_edit}
                        on_select={on_select.clone()}
                        readonly={embed.is_some_and(|e| e.editor != EditorMode::Editable)}
                    />
                    { diagnostics(&DiagnosticsProps { items: problems, lang }) }
                    <Console chunks={frame.as_ref().map(|f| f.console.clone()).unwrap_or_default()} {lang} />
                    <ExplorePanel {lang} src={AttrValue::from(state.src.clone())} settings={state.settings}
                        runnable={state.runnable()} schedule={state.schedule.clone().map(AttrValue::from)}
                        finding={state.finding.clone()} {on_found} on_forget={on_forget.clone()}
                        on_errors={on_run_errors.clone()} />
                    <BeScheduler {lang} src={AttrValue::from(state.src.clone())} settings={state.settings}
                        runnable={state.runnable()} on_load={on_seat_load} on_leave={on_forget}
                        on_lines={on_lines.clone()} on_errors={on_run_errors} />
                </div>
                <div class="layout__stage">
                    if let Some(f) = frame.clone() {
                        <Stage frame={f.clone()} {lang} selected={state.selected}
                               on_select={on_select.clone()} move_ms={move_ms(state.rate())} />
                        <div class="layout__pair">
                            { cells(&CellsProps { frame: f.clone(), lang, on_lines: on_lines.clone(),
                                    selected: state.selected_cell.clone(), on_cell }) }
                            { race_report(&RaceReportProps { frame: f.clone(), lang, on_lines: on_lines.clone() }) }
                        </div>
                        if let Some((graph, global)) = (*wait_for_graph).clone() {
                            { wait_for(&WaitForProps { graph, finished: f.finished(), global, lang, on_lines: on_lines.clone() }) }
                        }
                        <Timeline picture={f.timeline.clone()} procs={f.view.procs.len()} now={f.view.time} end={f.end_time} {lang} on_seek={on_seek_time} theme={state.theme}
                                  tools={html! { <ExportTrace {lang} driver={driver.clone()} step={f.step} finished={f.finished()} /> }} />
                        <EventLog entries={f.log.clone()} {lang} on_seek={on_seek} />
                        <Narration phrases={f.narration.clone()} {playing} {lang} />
                    }
                </div>
            </main>
            }
            if let Some(href) = (*playground_href).clone() {
                { embed_link(&EmbedLinkProps { lang, href }) }
            }
            if state.popover.is_some() {
                <div class="backdrop" onclick={close_popover.reform(|_: MouseEvent| ())}></div>
                { popover }
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn moves_take_most_of_the_time_between_events() {
        assert_eq!(super::move_ms(Some(1.0)), 380.0);
        assert_eq!(super::move_ms(Some(4.0)), 200.0);
        assert_eq!(super::move_ms(Some(25.0)), 90.0);
        assert_eq!(super::move_ms(Some(100.0)), 0.0);
        assert_eq!(super::move_ms(None), 0.0);
    }
}
