//! One document as a file another person can open in the app (a teacher receiving a family's
//! booklet), and reading such a file back as untrusted input.
//!
//! The file is the saved-document envelope plus what makes it self-describing: the form's id,
//! version and title, the child's name, and, for a form a school added, the definition itself.
//! Because it is still a document envelope, "restore a backup" also accepts it.

use std::borrow::Borrow;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::model::child::{typed_in_form, Child};
use crate::model::definition::parse_definition;
use crate::model::document::{
    over_kept, restore_what_reads, Document, RestoreError, Salvaged, DOCUMENT_FORMAT,
    DOCUMENT_VERSION,
};
use crate::model::schema::{ChildAttr, FormDef};
use crate::model::text::{Locale, Text};
use crate::model::values::Answer;

/// Largest file opened; a filled form is a few kilobytes.
pub const MAX_FILE_BYTES: usize = 5_000_000;
/// Longest single answer accepted; the longest honest answer is a few pages.
pub const MAX_ANSWER_CHARS: usize = 100_000;
/// Deepest nesting of brackets accepted; a real file nests about six levels.
pub const MAX_DEPTH: usize = 32;

/// A document read from a file, not yet saved on this device.
#[derive(Clone, Debug)]
pub struct Received {
    pub def: FormDef,
    /// The definition's source when the file brought a form this device does not have.
    pub new_form_source: Option<String>,
    pub document: Document,
    pub child_name: String,
    /// The ids of answers the file holds but that could not be read: the document has every
    /// other answer, and the person is told which questions were left out.
    pub unreadable: Vec<String>,
}

impl Received {
    /// The received document as it would update `kept`, the copy this device keeps of it: the
    /// answers the file could not read stay as `kept` has them, instead of being cleared.
    pub fn over(&self, kept: &Document) -> Document {
        over_kept(&self.document, &self.unreadable, kept)
    }
}

/// Why a received file was refused. Every case has a message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    TooDeep,
    NotJson,
    /// A whole backup, which belongs in Settings → Restore.
    IsBackup,
    NotOurs,
    Newer(u32),
    Damaged(String),
    /// The form is neither in the app nor in the file.
    UnknownForm(String),
    BadForm(crate::model::definition::DefError),
    AnswerTooLong(String),
}

impl ImportError {
    pub fn message(&self, locale: Locale) -> String {
        let es = locale == Locale::Es;
        let mb = MAX_FILE_BYTES / 1_000_000;
        match self {
            ImportError::TooLarge if es => format!("El archivo es demasiado grande (más de {mb} MB) para ser un formulario."),
            ImportError::TooLarge => format!("The file is too large (over {mb} MB) to be a form."),
            ImportError::TooDeep if es => "El archivo tiene una estructura demasiado anidada: no es un formulario de Family Forms.".into(),
            ImportError::TooDeep => "The file is nested too deeply: it is not a Family Forms form.".into(),
            ImportError::NotJson if es => "Este archivo no se puede leer: no es un archivo de Family Forms (.json).".into(),
            ImportError::NotJson => "This file cannot be read: it is not a Family Forms file (.json).".into(),
            ImportError::IsBackup if es => "Esta es una copia de seguridad completa. Para recuperarla, vaya a Configuración → Recuperar una copia.".into(),
            ImportError::IsBackup => "This is a whole backup. To restore it, go to Settings → Restore a backup.".into(),
            ImportError::NotOurs if es => "Este archivo no es un formulario de Family Forms.".into(),
            ImportError::NotOurs => "This file is not a Family Forms form.".into(),
            ImportError::Newer(v) if es => format!("Este archivo lo hizo una versión más nueva de la aplicación (formato {v}). Actualice la aplicación para abrirlo."),
            ImportError::Newer(v) => format!("This file was made by a newer version of the app (format {v}). Update the app to open it."),
            // What `why` says is for a developer, in English: the person is told what to do.
            ImportError::Damaged(_) if es => "El archivo está dañado: una parte no se puede leer. Pida una copia nueva a quien se lo envió.".into(),
            ImportError::Damaged(_) => "The file is damaged: part of it cannot be read. Ask whoever sent it for a new copy.".into(),
            ImportError::UnknownForm(name) if es => format!("Este archivo es del formulario «{name}», que esta aplicación no tiene. Pida también el archivo del formulario."),
            ImportError::UnknownForm(name) => format!("This file is for the form “{name}”, which this app does not have. Ask for the form file too."),
            ImportError::BadForm(why) if es => format!("El formulario que trae el archivo tiene un problema: {}", why.describe(locale)),
            ImportError::BadForm(why) => format!("The form inside the file has a problem: {}", why.describe(locale)),
            ImportError::AnswerTooLong(field) if es => format!("Una respuesta del archivo («{field}») es demasiado larga (más de {MAX_ANSWER_CHARS} caracteres)."),
            ImportError::AnswerTooLong(field) => format!("An answer in the file (“{field}”) is too long (over {MAX_ANSWER_CHARS} characters)."),
        }
    }
}

/// Writes `doc` as a file another device can open. `definition_source` is for forms not shipped
/// with the app, so the receiver can read them too: the text the form was added from (or came
/// in), put in the file as it is, so the receiver reads exactly the form this device read.
pub fn write_data_file(
    def: &FormDef,
    doc: &Document,
    child: Option<&Child>,
    definition_source: Option<&str>,
    now: DateTime<Utc>,
) -> String {
    // Who the file is about: the child's profile, else the names typed in the form.
    let typed = |attr: ChildAttr| typed_in_form(def, &doc.answers, attr);
    let (name, preferred_name) = match child {
        Some(c) => (c.name.clone(), c.preferred_name.clone()),
        None => (typed(ChildAttr::Name), typed(ChildAttr::PreferredName)),
    };
    let file = DataFileOut {
        format: DOCUMENT_FORMAT,
        version: DOCUMENT_VERSION,
        exported: now,
        form: FormOut {
            id: &def.id,
            version: def.version,
            title: &def.title,
        },
        document: doc,
        child: (!name.is_empty() || !preferred_name.is_empty()).then_some(ChildOut {
            name,
            preferred_name,
        }),
        definition: definition_source.and_then(|src| serde_json::from_str(src).ok()),
    };
    // Written by the same serializer as every save, then laid out for a person to read (keys
    // in order, as before): a second serializer, into a JSON tree, would be code of its own
    // for every type in a document and a form.
    let compact = serde_json::to_string(&file).unwrap_or_default();
    serde_json::from_str::<Value>(&compact)
        .map(|tree| serde_json::to_string_pretty(&tree).unwrap_or_default())
        .unwrap_or(compact)
}

/// A data file as written (see [`write_data_file`]).
#[derive(Serialize)]
struct DataFileOut<'a> {
    format: &'a str,
    version: u32,
    exported: DateTime<Utc>,
    form: FormOut<'a>,
    document: &'a Document,
    #[serde(skip_serializing_if = "Option::is_none")]
    child: Option<ChildOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    definition: Option<Value>,
}

/// Which form a data file's answers belong to.
#[derive(Serialize)]
struct FormOut<'a> {
    id: &'a str,
    version: u32,
    title: &'a Text,
}

/// The names of the child a data file is about.
#[derive(Serialize)]
struct ChildOut {
    name: String,
    preferred_name: String,
}

/// Reads a received file. `forms` are the forms this device knows (as values or shared); a form
/// the file brings is used only when the device has none with that id.
pub fn read_data_file<F: Borrow<FormDef>>(
    text: &str,
    forms: &[F],
) -> Result<Received, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    match value.get("format").and_then(Value::as_str) {
        Some(DOCUMENT_FORMAT) => {}
        Some(crate::export::backup::BACKUP_FORMAT) => return Err(ImportError::IsBackup),
        _ => return Err(ImportError::NotOurs),
    }
    // One answer that cannot be read does not keep the teacher from reading the forty others:
    // the file is read answer by answer, and the ones left out are named.
    let Salvaged {
        mut document,
        mut unreadable,
    } = restore_what_reads(text).map_err(|e| match e {
        RestoreError::Newer(v) => ImportError::Newer(v),
        RestoreError::NotJson => ImportError::NotJson,
        RestoreError::NotADocument => ImportError::NotOurs,
        RestoreError::Damaged(why) => ImportError::Damaged(why),
    })?;
    let known = forms
        .iter()
        .map(Borrow::borrow)
        .find(|f| f.id == document.form_id);
    let (def, new_form_source) = match known {
        Some(def) => (def.clone(), None),
        None => {
            let Some(source) = value.get("definition").filter(|d| !d.is_null()) else {
                let name = value["form"]["title"]["en"]
                    .as_str()
                    .unwrap_or(&document.form_id)
                    .chars()
                    .take(120)
                    .collect();
                return Err(ImportError::UnknownForm(name));
            };
            let source = source.to_string();
            let def = parse_definition(&source).map_err(|errors| {
                errors
                    .into_iter()
                    .next()
                    .map_or(ImportError::NotOurs, ImportError::BadForm)
            })?;
            if def.id != document.form_id {
                return Err(ImportError::Damaged(
                    "the form and the answers do not match".into(),
                ));
            }
            (def, Some(source))
        }
    };
    // Only the form's own questions are named: an answer to a question the form does not have
    // is never shown, read or not.
    unreadable.retain(|id| def.field(id).is_some());
    document.missing.retain(|id| def.field(id).is_some());
    if let Some(field) = longest_answer_over(&document, MAX_ANSWER_CHARS) {
        return Err(ImportError::AnswerTooLong(field));
    }
    let child = &value["child"];
    let child_name = [&child["preferred_name"], &child["name"]]
        .iter()
        .filter_map(|v| v.as_str())
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect();
    Ok(Received {
        def,
        new_form_source,
        document,
        child_name,
        unreadable,
    })
}

/// How deeply brackets nest, outside strings: checked before parsing, so a hostile file of a
/// million `[` is refused at once with a clear reason.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The id of the first answer (or row cell) longer than `limit` characters.
fn longest_answer_over(doc: &Document, limit: usize) -> Option<String> {
    fn too_long(answer: &Answer, limit: usize) -> bool {
        let long = |s: &str| s.chars().count() > limit;
        match answer {
            Answer::Text { value } => long(value),
            Answer::Choice { selected, other } => long(selected) || long(other),
            Answer::Multi { selected, other } => selected.iter().any(|s| long(s)) || long(other),
            Answer::YesNo { details, .. } => long(details),
            Answer::Checklist { items } => items.values().any(|i| long(&i.note) || long(&i.date)),
            Answer::Rows { rows } => rows
                .iter()
                .any(|r| r.cells.0.values().any(|a| too_long(a, limit))),
            Answer::Signature { name, date } => long(name) || long(date),
        }
    }
    doc.answers
        .0
        .iter()
        .find(|(_, a)| too_long(a, limit))
        .map(|(id, _)| id.chars().take(80).collect())
}
