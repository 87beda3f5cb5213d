//! The language copies come out in. A Spanish-speaking parent can hand an English-speaking
//! teacher a copy in English (and the other way round) without switching the whole app: the
//! questions, choices and cover change language; what was typed stays as it was written.

use leptos::prelude::*;

use crate::model::text::Locale;
use crate::ui::translate::tr;

/// Two radio buttons, each language named in itself, with a line saying what changes.
#[component]
pub(super) fn CopyLanguage(
    /// The language copies are made in now.
    #[prop(into)]
    copy: Signal<Locale>,
    /// Called when the person picks a language.
    pick: Callback<Locale>,
) -> impl IntoView {
    view! {
        <fieldset class="copy-language" aria-describedby="copy-language-help">
            <legend>{tr!(copy_language)}</legend>
            <div class="options options-inline">
                {Locale::ALL.into_iter().map(|l| {
                    let id = format!("copy-language-{}", l.tag());
                    view! {
                        <label class="option" for=id.clone()>
                            <input type="radio" id=id.clone() name="copy-language" value=l.tag()
                                prop:checked=move || copy.get() == l
                                on:change=move |_| pick.run(l)/>
                            <span lang=l.tag()>{l.native_name()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <p class="help" id="copy-language-help">{tr!(copy_language_help)}</p>
        </fieldset>
    }
}
