//! Everything that takes a document off the device: print (filled or blank), PDF, a file for the
//! app, the phone's share sheet and "copy as text". Nothing leaves unless the person asks here.

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
use crate::ui::booklet_view::BookletView;
use crate::ui::context::{is_builtin, tr, use_locale};
use crate::web::{self, ShareOutcome};

/// The export buttons, and the booklet drawn (for print only) while printing.
/// `snapshot` gives the document as it is at the moment of export.
#[component]
pub fn ExportActions(
    def: Arc<FormDef>,
    snapshot: Callback<(), Document>,
    child: Option<Child>,
    /// Offers "print a blank copy" (not for a received document: its sender has the form).
    #[prop(default = true)]
    blank: bool,
    /// Whether this component draws the booklet for printing (a page that already shows the
    /// booklet on screen does not need a second one).
    #[prop(default = true)]
    print_booklet: bool,
) -> impl IntoView {
    let locale = use_locale();
    let printing: RwSignal<Option<Mode>> = RwSignal::new(None);
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let child = StoredValue::new(child);
    let def = StoredValue::new(def);

    let build = move |mode: Mode| {
        let doc = snapshot.run(());
        let l = locale.get_untracked();
        def.with_value(|def| child.with_value(|c| booklet(def, &doc.answers, c.as_ref(), l, mode)))
    };
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

    let say = move |ok: bool, en: String, es: String| {
        let text = match locale.get_untracked() {
            Locale::En => en,
            Locale::Es => es,
        };
        message.set(Some((ok, text)));
    };
    let report = move |outcome: ShareOutcome, what_en: &str, what_es: &str| match outcome {
        ShareOutcome::Shared => say(
            true,
            format!("{what_en} shared."),
            format!("{what_es} compartido."),
        ),
        ShareOutcome::Downloaded => say(
            true,
            format!("{what_en} saved to your downloads."),
            format!("{what_es} guardado en sus descargas."),
        ),
        ShareOutcome::Cancelled => message.set(None),
        ShareOutcome::Failed => say(
            false,
            format!(
                "The {} could not be shared or saved. Try Print instead.",
                what_en.to_lowercase()
            ),
            format!(
                "No se pudo compartir ni guardar el {}. Pruebe con Imprimir.",
                what_es.to_lowercase()
            ),
        ),
    };

    let pdf = move |_| {
        web::start_measure("ff-pdf");
        let b = build(Mode::Filled);
        let file = booklet_pdf(&b, &web::today_iso());
        web::end_measure("ff-pdf");
        let name = file_name(&b, "pdf");
        let title = b.form_title.clone();
        leptos::task::spawn_local(async move {
            let outcome =
                web::share_or_download(&name, "application/pdf", &file.bytes, &title).await;
            report(outcome, "PDF", "PDF");
            if file.replaced > 0 && outcome != ShareOutcome::Failed {
                let n = file.replaced;
                say(
                    false,
                    format!("The PDF is ready, but {n} character(s) cannot be shown in it and appear as {MARKER}. Print keeps every character."),
                    format!("El PDF está listo, pero {n} carácter(es) no se pueden mostrar en él y aparecen como {MARKER}. Imprimir conserva todos los caracteres."),
                );
            }
        });
    };

    let data_file = move |_| {
        let doc = snapshot.run(());
        let text = def.with_value(|def| {
            child.with_value(|c| {
                write_data_file(def, &doc, c.as_ref(), !is_builtin(&def.id), Utc::now())
            })
        });
        let b = build(Mode::Filled);
        let name = file_name(&b, "json");
        let title = b.form_title;
        leptos::task::spawn_local(async move {
            let outcome =
                web::share_or_download(&name, "application/json", text.as_bytes(), &title).await;
            report(outcome, "File", "Archivo");
        });
    };

    let copy = move |_| {
        let text = plain_text(&build(Mode::Filled));
        leptos::task::spawn_local(async move {
            if web::copy_text(&text).await {
                say(
                    true,
                    "Copied. Paste it into a text message or an email.".into(),
                    "Copiado. Péguelo en un mensaje de texto o un correo.".into(),
                );
            } else {
                say(
                    false,
                    "This browser did not allow copying. Use the PDF or Print instead.".into(),
                    "Este navegador no permitió copiar. Use el PDF o Imprimir.".into(),
                );
            }
        });
    };

    let booklet_for_print = move || {
        let mode = printing.get()?;
        print_booklet.then(|| {
            let b = build(mode);
            view! { <div class="print-only"><BookletView booklet=b today=web::today_iso()/></div> }
        })
    };

    view! {
        <section class="export screen-only" aria-labelledby="export-title">
            <h2 id="export-title">{tr("Print or share", "Imprimir o compartir")}</h2>
            <p class="help">{tr(
                "Nothing leaves this device unless you choose one of these.",
                "Nada sale de este aparato a menos que elija una de estas opciones.",
            )}</p>
            <div class="export-buttons">
                <button type="button" class="secondary" on:click=move |_| print(Mode::Filled)>{tr("Print", "Imprimir")}</button>
                <button type="button" class="secondary" on:click=pdf>{tr("Save or share as PDF", "Guardar o compartir como PDF")}</button>
                <button type="button" class="secondary" on:click=copy>{tr("Copy as text", "Copiar como texto")}</button>
                <button type="button" class="secondary" on:click=data_file>{tr("Save a file for the app", "Guardar un archivo para la aplicación")}</button>
                {blank.then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| print(Mode::Blank)>{tr("Print a blank copy", "Imprimir una copia en blanco")}</button>
                })}
            </div>
            <p class="help">{tr(
                "The file for the app lets a teacher or another device open these answers in Family Forms.",
                "El archivo para la aplicación permite que una maestra u otro aparato abra estas respuestas en Family Forms.",
            )}</p>
            <div role="status" aria-live="polite" class="export-status">
                {move || message.get().map(|(ok, text)| {
                    view! { <p class=if ok { "banner banner-ok" } else { "banner banner-error" }>{text}</p> }
                })}
            </div>
        </section>
        {booklet_for_print}
    }
}
