//! The lessons menu (`data-testid="lessons"`): a native `<select>` with one option per
//! built-in lesson, in the page's language. Choosing one opens its first step; the empty
//! option closes the lesson.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::lessons::data::{self, Lesson, LESSONS};

pub struct LessonMenuProps {
    pub lang: Lang,
    /// The lesson open now, if any.
    pub current: Option<&'static str>,
    /// A lesson was chosen (`None`: the empty option).
    pub on_choose: Callback<Option<&'static Lesson>>,
}

pub fn lesson_menu(p: &LessonMenuProps) -> Html {
    let lang = p.lang;
    let on_change = p.on_choose.reform(|e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        data::lesson(&sel.value())
    });
    html! {
        <label class="field lessons__menu">
            <span class="field__label">{ t(lang, Key::LessonsMenu) }</span>
            <select data-testid="lessons" onchange={on_change}>
                <option value="" selected={p.current.is_none()}>{ t(lang, Key::LessonsChoose) }</option>
                { for LESSONS.iter().enumerate().map(|(i, l)| html! {
                    <option value={l.id} selected={p.current == Some(l.id)} title={l.summary.get(lang.tag())}>
                        { format!("{}. {}", i + 1, l.title.get(lang.tag())) }
                    </option>
                }) }
            </select>
        </label>
    }
}
