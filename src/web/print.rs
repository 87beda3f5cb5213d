//! The browser's print dialog.

/// Opens the browser's print dialog (where "Save as PDF" also lives).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
