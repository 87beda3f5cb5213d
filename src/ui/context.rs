//! Cross-cutting state shared through context: the language, the store, the children, the list
//! of forms, a received document and how many damaged entries were set aside.
//! Each has a `provide_x()` for the app root and a `use_x()` for components.

use std::sync::Arc;

use leptos::prelude::*;

use crate::export::data_file::{ImportError, Received};
use crate::forms;
use crate::model::child::Child;
use crate::model::definition::parse_definition;
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::storage::documents::load_children;
use crate::storage::{keys, KeyValueStore};
use crate::web::FileReadError;

/// The store every component saves to.
pub type SharedStore = Arc<dyn KeyValueStore + Send + Sync>;

#[derive(Clone)]
struct StoreCtx(SharedStore);

/// Makes `store` the app's store.
pub fn provide_store(store: SharedStore) {
    provide_context(StoreCtx(store));
}

/// The app's store.
pub fn use_store() -> SharedStore {
    expect_context::<StoreCtx>().0
}

#[derive(Clone, Copy)]
struct LocaleCtx(RwSignal<Locale>);

/// Chooses the language: the one saved, else the browser's, and remembers changes.
pub fn provide_locale(initial: Locale) -> RwSignal<Locale> {
    let locale = RwSignal::new(initial);
    provide_context(LocaleCtx(locale));
    locale
}

/// The current language, readable and settable.
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<LocaleCtx>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Locale::En))
}

/// The language saved under `key` (the app's, or the copies'), if any.
pub fn saved_locale(store: &SharedStore, key: &str) -> Option<Locale> {
    match store.get(key).ok().flatten()?.as_str() {
        "es" => Some(Locale::Es),
        "en" => Some(Locale::En),
        _ => None,
    }
}

/// The family's children, loaded once and saved on every change.
#[derive(Clone, Copy)]
struct ChildrenCtx(RwSignal<Vec<Child>>);

/// Loads the children from the store.
pub fn provide_children(store: &SharedStore) {
    provide_context(ChildrenCtx(RwSignal::new(load_children(store.as_ref()))));
}

/// The family's children.
pub fn use_children() -> RwSignal<Vec<Child>> {
    use_context::<ChildrenCtx>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Vec::new()))
}

/// The forms the app knows: the shipped ones, then those the person added from files.
#[derive(Clone, Copy)]
pub struct FormsCtx(pub RwSignal<Vec<Arc<FormDef>>>);

/// Loads the shipped forms and the added ones from the store.
pub fn provide_forms(store: &SharedStore) {
    let mut all: Vec<Arc<FormDef>> = forms::builtin().to_vec();
    all.extend(load_added_forms(store));
    provide_context(FormsCtx(RwSignal::new(all)));
}

/// The forms the app knows.
pub fn use_forms() -> RwSignal<Vec<Arc<FormDef>>> {
    expect_context::<FormsCtx>().0
}

/// Forms added from files. One that no longer passes the checks is skipped, not fatal.
fn load_added_forms(store: &SharedStore) -> Vec<Arc<FormDef>> {
    store
        .values_with_prefix(keys::ADDED_FORM_PREFIX)
        .iter()
        .filter_map(|src| parse_definition(src).ok())
        .map(Arc::new)
        .collect()
}

/// Whether form `id` ships with the app (and so cannot be replaced by a file).
pub fn is_builtin(id: &str) -> bool {
    forms::builtin().iter().any(|f| f.id == id)
}

/// Documents opened from files, shown read-only until the person saves them. Kept in memory
/// only: nothing received is written to the device unless asked.
#[derive(Clone, Copy)]
struct ReceivedCtx {
    /// The one being read.
    current: RwSignal<Option<Arc<Received>>>,
    /// All of them, when several files were opened at once (else empty).
    opened: RwSignal<Vec<OpenedFile>>,
}

/// One of several files opened at once.
#[derive(Clone)]
pub enum OpenedFile {
    /// A document, with the id it was saved under here once the person saved it.
    Read {
        received: Arc<Received>,
        saved_as: Option<String>,
    },
    /// A file that was not opened, and why.
    Refused { file_name: String, why: Refusal },
}

/// Why a received file was not opened.
#[derive(Clone, Debug)]
pub enum Refusal {
    /// The file could not be read (too large, unreadable).
    Read(FileReadError),
    /// It was read, but is not a document this app can open.
    Import(ImportError),
}

impl Refusal {
    /// What to tell the person, in their language.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Refusal::Read(e) => e.message(locale),
            Refusal::Import(e) => e.message(locale),
        }
    }
}

/// Makes room for received documents.
pub fn provide_received() {
    provide_context(ReceivedCtx {
        current: RwSignal::new(None),
        opened: RwSignal::new(Vec::new()),
    });
}

fn received_ctx() -> ReceivedCtx {
    use_context::<ReceivedCtx>().unwrap_or_else(|| ReceivedCtx {
        current: RwSignal::new(None),
        opened: RwSignal::new(Vec::new()),
    })
}

/// The received document being looked at, if any.
pub fn use_received() -> RwSignal<Option<Arc<Received>>> {
    received_ctx().current
}

/// The files opened together, when there were several.
pub fn use_opened_files() -> RwSignal<Vec<OpenedFile>> {
    received_ctx().opened
}

/// How many damaged saved entries were kept aside at start (home says so until dealt with).
#[derive(Clone, Copy)]
struct DamagedCount(usize);

/// Remembers how many damaged saved entries were set aside at start.
pub fn provide_damaged_count(count: usize) {
    provide_context(DamagedCount(count));
}

/// How many damaged saved entries were kept aside at start.
pub fn use_damaged_count() -> usize {
    use_context::<DamagedCount>().map_or(0, |d| d.0)
}

/// Counts the app's saves of documents, so a page built before the last save landed (home,
/// drawn while the form being left still writes what was typed last) reads the store again.
#[derive(Clone, Copy)]
struct Saves(RwSignal<u64>);

/// Starts counting saves (once, for the whole app).
pub fn provide_saves() {
    provide_context(Saves(RwSignal::new(0)));
}

/// The count of documents saved so far; a page that shows saved documents watches it. Outside
/// the app (a component test) a counter of its own, that nothing moves.
pub fn use_saves() -> RwSignal<u64> {
    use_context::<Saves>().map_or_else(|| RwSignal::new(0), |s| s.0)
}
