//! Everything that takes a document off the device: print (filled or blank), PDF, a file for the
//! app, the phone's share sheet and "copy as text". Nothing leaves unless the person asks here.

mod copy_language;

use crate::ui::translate::{tr, tr_in, tr_n};
use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use crate::export::booklet::{booklet, plain_text, Booklet, Mode};
use crate::export::data_file::write_data_file;
use crate::export::export_file_name;
use crate::export::pdf::{booklet_pdf, MARKER};
use crate::model::child::Child;
use crate::model::document::Document;
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::storage::keys;
use crate::ui::booklet_view::BookletView;
use crate::ui::context::{is_builtin, saved_locale, use_locale, use_store};
use crate::web::{self, ShareOutcome};
use copy_language::CopyLanguage;

/// The export buttons, the language copies come out in, and the booklet drawn (for print only)
/// while printing. `snapshot` gives the document as it is at the moment of export.
#[component]
pub fn ExportActions(
    def: Arc<FormDef>,
    snapshot: Callback<(), Document>,
    /// The profile of the child the document is for, read at each export (a form page can
    /// give its document to a child while open).
    #[prop(into)]
    child: Signal<Option<Child>>,
    /// Offers "print a blank copy" (not for a received document: its sender has the form).
    #[prop(default = true)]
    blank: bool,
    /// The text of a form not shipped with the app, when it came in a received file and is not
    /// kept on this device; a form added here is found in storage.
    #[prop(optional_no_strip)]
    form_source: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    // A data file carries the form too when the receiver may not have it: the text it came in,
    // else the one it was added from, read when a file is made (nothing is read to open a page).
    let form_source = StoredValue::new(form_source);
    let added_form_source = {
        let store = store.clone();
        move |id: &str| {
            (!is_builtin(id))
                .then(|| store.get(&keys::added_form(id)).ok().flatten())
                .flatten()
        }
    };
    // Copies follow the app's language until the person picks one; the pick is remembered.
    let chosen = RwSignal::new(saved_locale(&store, keys::COPY_LOCALE));
    let copy_locale = Signal::derive(move || chosen.get().unwrap_or_else(|| locale.get()));
    let pick = Callback::new(move |l: Locale| {
        chosen.set(Some(l));
        // Remembering it is a convenience; a failed write changes nothing else.
        let _ = store.set(keys::COPY_LOCALE, l.tag());
    });
    let printing: RwSignal<Option<Mode>> = RwSignal::new(None);
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let def = StoredValue::new(def);

    // Each action takes one snapshot of the document and draws what it needs from it.
    let build = move |doc: &Document, mode: Mode| {
        let l = copy_locale.get_untracked();
        def.with_value(|def| {
            // Answers lost on the way (a damaged file) are named, so none reads as blank.
            child
                .with_untracked(|c| booklet(def, &doc.answers, c.as_ref(), l, mode))
                .with_missing(def, doc)
        })
    };
    // The cover's date: when the answers were last edited (a received file's are the sender's).
    let prepared_on = |doc: &Document| web::local_date_iso(doc.updated);
    let file_name = |b: &Booklet, ext: &str| {
        export_file_name(&b.form_title, &b.child_name, &web::today_iso(), ext)
    };

    let print = move |mode: Mode| {
        message.set(None);
        printing.set(Some(mode));
        // Drawn first, printed on the next frame.
        request_animation_frame(web::print);
    };
    // The browser's own Print menu gets the booklet too, drawn fresh from the answers of the
    // moment; after printing it goes, so a later print never shows stale answers.
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        printing.set(Some(printing.get_untracked().unwrap_or(Mode::Filled)));
    });
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(None));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });

    let say = move |ok: bool, text: String| message.set(Some((ok, text)));
    // What happened to the PDF (`pdf`) or the data file, in the person's language.
    let report = move |outcome: ShareOutcome, pdf: bool| {
        let l = locale.get_untracked();
        let (ok, text) = match (outcome, pdf) {
            (ShareOutcome::Cancelled, _) => return message.set(None),
            (ShareOutcome::Shared, true) => (true, tr_in!(l, pdf_shared)),
            (ShareOutcome::Shared, false) => (true, tr_in!(l, file_shared)),
            (ShareOutcome::Downloaded, true) => (true, tr_in!(l, pdf_downloaded)),
            (ShareOutcome::Downloaded, false) => (true, tr_in!(l, file_downloaded)),
            (ShareOutcome::Failed, true) => (false, tr_in!(l, pdf_failed)),
            (ShareOutcome::Failed, false) => (false, tr_in!(l, file_failed)),
        };
        say(ok, text.to_string());
    };

    let pdf = move |_| {
        web::start_measure("ff-pdf");
        let doc = snapshot.run(());
        let b = build(&doc, Mode::Filled);
        let file = booklet_pdf(&b, &prepared_on(&doc));
        web::end_measure("ff-pdf");
        let name = file_name(&b, "pdf");
        let title = b.form_title.clone();
        leptos::task::spawn_local(async move {
            let outcome =
                web::share_or_download(&name, "application/pdf", &file.bytes, &title).await;
            report(outcome, true);
            if file.replaced > 0 && outcome != ShareOutcome::Failed {
                let n = file.replaced;
                say(
                    false,
                    tr_n!(
                        locale.get_untracked(),
                        n,
                        pdf_replaced_chars_one,
                        pdf_replaced_chars,
                        marker = MARKER
                    ),
                );
            }
        });
    };

    let data_file = move |_| {
        let doc = snapshot.run(());
        let text = def.with_value(|def| {
            let source = form_source
                .get_value()
                .or_else(|| added_form_source(&def.id));
            child.with_untracked(|c| {
                write_data_file(def, &doc, c.as_ref(), source.as_deref(), Utc::now())
            })
        });
        let b = build(&doc, Mode::Filled);
        let name = file_name(&b, "json");
        let title = b.form_title;
        leptos::task::spawn_local(async move {
            let outcome =
                web::share_or_download(&name, "application/json", text.as_bytes(), &title).await;
            report(outcome, false);
        });
    };

    let copy = move |_| {
        let text = plain_text(&build(&snapshot.run(()), Mode::Filled));
        leptos::task::spawn_local(async move {
            if web::copy_text(&text).await {
                say(true, tr_in!(locale.get_untracked(), copied).to_string());
            } else {
                say(
                    false,
                    tr_in!(locale.get_untracked(), copy_not_allowed).to_string(),
                );
            }
        });
    };

    let booklet_for_print = move || {
        let mode = printing.get()?;
        let doc = snapshot.run(());
        let b = build(&doc, mode);
        Some(
            view! { <div class="print-only"><BookletView booklet=b prepared_on=prepared_on(&doc)/></div> },
        )
    };

    view! {
        <section class="export screen-only" aria-labelledby="export-title">
            <h2 id="export-title">{tr!(print_or_share)}</h2>
            <p class="help">{tr!(export_privacy_note)}</p>
            <CopyLanguage copy=copy_locale pick/>
            <div class="export-buttons">
                <button type="button" class="secondary" on:click=move |_| print(Mode::Filled)>{tr!(print)}</button>
                <button type="button" class="secondary" on:click=pdf>{tr!(save_or_share_as_pdf)}</button>
                <button type="button" class="secondary" on:click=copy>{tr!(copy_as_text)}</button>
                <button type="button" class="secondary" on:click=data_file>{tr!(save_data_file)}</button>
                {blank.then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| print(Mode::Blank)>{tr!(print_a_blank_copy)}</button>
                })}
            </div>
            <p class="help">{tr!(data_file_help)}</p>
            <div role="status" aria-live="polite" class="export-status">
                {move || message.get().map(|(ok, text)| {
                    view! { <p class=if ok { "banner banner-ok" } else { "banner banner-error" }>{text}</p> }
                })}
            </div>
        </section>
        {booklet_for_print}
    }
}
