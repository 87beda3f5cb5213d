//! Reading a file the person picked, with a size limit and a message when it cannot be read.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of the file a person just picked in an `<input type=file>`, refusing one larger
/// than `max_bytes` before reading it. The file is taken from the input at once (`None` when
/// nothing was picked) and the input cleared, so picking the same file again fires again.
pub fn read_picked_file(
    ev: &web_sys::Event,
    max_bytes: usize,
) -> Option<impl std::future::Future<Output = Result<String, FileReadError>>> {
    read_picked_files(ev, max_bytes)
        .into_iter()
        .next()
        .map(|(_, reading)| reading)
}

/// Every file picked in an `<input type=file multiple>`, each with its name and its reading
/// (as [`read_picked_file`], each with the limit of `max_bytes`). Empty when nothing was picked.
pub fn read_picked_files(
    ev: &web_sys::Event,
    max_bytes: usize,
) -> Vec<(
    String,
    impl std::future::Future<Output = Result<String, FileReadError>>,
)> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let Some(list) = input.files() else {
        return Vec::new();
    };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    input.set_value("");
    files
        .into_iter()
        .map(|file| (file.name(), read_text(file, max_bytes)))
        .collect()
}

async fn read_text(file: web_sys::File, max_bytes: usize) -> Result<String, FileReadError> {
    if file.size() > max_bytes as f64 {
        return Err(FileReadError::TooLarge { max_bytes });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| FileReadError::Unreadable)?;
    text.as_string().ok_or(FileReadError::Unreadable)
}

/// Why a picked file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileReadError {
    /// Larger than the limit that applied.
    TooLarge {
        max_bytes: usize,
    },
    Unreadable,
}

impl FileReadError {
    /// What to tell the person.
    pub fn message(self, locale: crate::model::text::Locale) -> String {
        use crate::ui::translate::tr_in;
        match self {
            FileReadError::TooLarge { max_bytes } => {
                tr_in!(locale, file_too_large, max_mb = max_bytes / 1_000_000)
            }
            FileReadError::Unreadable => tr_in!(locale, file_unreadable).to_string(),
        }
    }
}
