//! Every storage key the app uses, in one place, all under one prefix so "erase everything"
//! and backups find exactly what is ours.

/// Prefix of every key.
pub const PREFIX: &str = "family-forms:";

/// The chosen language.
pub const LOCALE: &str = "family-forms:locale";

/// The language chosen for copies (print, PDF, text), once the person picks one; until then
/// copies follow the app's language.
pub const COPY_LOCALE: &str = "family-forms:copy-locale";

/// When this device last made a backup file (RFC 3339), for home's reminder to make one.
pub const LAST_BACKUP: &str = "family-forms:last-backup";

/// When the person last said "Not now" to home's backup reminder (RFC 3339).
pub const BACKUP_REMINDER_DISMISSED: &str = "family-forms:backup-reminder-dismissed";

/// When the person last said "Not now" to home's offer to install the app (RFC 3339).
pub const INSTALL_TIP_DISMISSED: &str = "family-forms:install-tip-dismissed";

/// The list of children.
pub const CHILDREN: &str = "family-forms:children";

/// Prefix of saved documents.
pub const DOCUMENT_PREFIX: &str = "family-forms:doc:";

/// Prefix of form definitions the user added from a file.
pub const ADDED_FORM_PREFIX: &str = "family-forms:form:";

/// The saved document with this id.
pub fn document(id: &str) -> String {
    format!("{DOCUMENT_PREFIX}{id}")
}

/// A form definition the user added.
pub fn added_form(form_id: &str) -> String {
    format!("{ADDED_FORM_PREFIX}{form_id}")
}

/// Prefix of damaged entries set aside for the person to recover.
pub const RECOVERY_PREFIX: &str = "family-forms:recovery:";

/// Where a damaged entry for document `id` is kept, found at `millis`.
pub fn recovery(id: &str, millis: i64) -> String {
    format!("{RECOVERY_PREFIX}{id}:{millis}")
}

/// Prefix of kept versions of documents.
pub const HISTORY_PREFIX: &str = "family-forms:history:";

/// The kept versions of document `id`.
pub fn history(id: &str) -> String {
    format!("{HISTORY_PREFIX}{id}")
}

/// Prefix of deleted things that can be brought back.
pub const TRASH_PREFIX: &str = "family-forms:trash:";

/// A trash entry.
pub fn trash(id: &str) -> String {
    format!("{TRASH_PREFIX}{id}")
}

/// Prefix of the small per-document summaries home reads instead of every whole document.
pub const SUMMARY_PREFIX: &str = "family-forms:summary:";

/// The summary of document `id`.
pub fn summary(id: &str) -> String {
    format!("{SUMMARY_PREFIX}{id}")
}

/// Prefix of where each document was last open.
pub const PLACE_PREFIX: &str = "family-forms:place:";

/// The id of the section document `id` was last open at, so it reopens there. Not part of the
/// document: left out of backups and data files.
pub fn place(id: &str) -> String {
    format!("{PLACE_PREFIX}{id}")
}

/// Whether a change another tab made under `key` (`None`: it cleared everything) changes what
/// home lists: the children, or a document saved, added or removed.
pub fn changes_home(key: Option<&str>) -> bool {
    match key {
        None => true,
        Some(k) => k == CHILDREN || k.starts_with(DOCUMENT_PREFIX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_follows_the_children_and_the_documents_only() {
        assert!(changes_home(Some(CHILDREN)));
        assert!(changes_home(Some(&document("d1"))));
        assert!(changes_home(None), "everything cleared");
        assert!(
            !changes_home(Some(&summary("d1"))),
            "written with its document"
        );
        assert!(!changes_home(Some(&history("d1"))));
        assert!(!changes_home(Some(LOCALE)));
        assert!(!changes_home(Some("another-app:doc:1")));
    }
}
