//! Pure transforms for what leaves the device: file names, data files, backups, the booklet
//! as markup.

pub mod backup;
pub mod booklet;
pub mod calendar;
pub mod class_sheet;
pub mod data_file;
pub mod html;
pub mod letter;
pub mod pdf;
mod winansi_table;

/// A name safe for a file: lowercase ASCII letters, digits and single dashes
/// (`Getting to Know Mía` → `getting-to-know-mia`).
pub fn file_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = match crate::model::text::fold_char(c) {
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c != '-' || !out.ends_with('-') {
            out.push(c);
        }
    }
    out.trim_matches('-')
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// The name of an exported file: form, child and date, such as
/// `getting-to-know-my-child-mia-2026-11-23.pdf`.
pub fn export_file_name(
    form_title: &str,
    child_name: &str,
    date_iso: &str,
    extension: &str,
) -> String {
    let child = file_slug(child_name);
    let mut name = file_slug(form_title);
    if !child.is_empty() {
        name.push('-');
        name.push_str(&child);
    }
    format!("{name}-{date_iso}.{extension}")
}
