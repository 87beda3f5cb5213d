//! The app's addresses (`/doc/d18c…`), read into the page they name. Pure, so every address is
//! tested natively; the router in `ui::router` only watches the address bar and draws the page.

/// A page of the app, with what its address names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: children, documents and forms.
    Home,
    /// `/form/:form_id`: the latest document of a form that belongs to no child, or a new one.
    ContinueForm { form_id: String },
    /// `/new/:form_id` and `/new/:form_id/:child_id`: a new document.
    NewDocument {
        form_id: String,
        child_id: Option<String>,
    },
    /// `/doc/:id`: one saved document.
    Document { id: String },
    /// `/settings`.
    Settings,
    /// `/key-answers/:form_id`: one form's key answers for every child.
    KeyAnswers { form_id: String },
    /// `/received`: files opened or shared to the app.
    Received,
    /// Any other address.
    NotFound,
}

impl Route {
    /// The page an address names. The query and the fragment do not choose the page (pages
    /// read their own query values), and a segment's `%XX` escapes are decoded.
    pub fn parse(address: &str) -> Route {
        let path = address.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let owned = |s: &str| s.to_string();
        match segments.as_slice() {
            [] => Route::Home,
            ["form", form_id] => Route::ContinueForm {
                form_id: owned(form_id),
            },
            ["new", form_id] => Route::NewDocument {
                form_id: owned(form_id),
                child_id: None,
            },
            ["new", form_id, child_id] => Route::NewDocument {
                form_id: owned(form_id),
                child_id: Some(owned(child_id)),
            },
            ["doc", id] => Route::Document { id: owned(id) },
            ["settings"] => Route::Settings,
            ["key-answers", form_id] => Route::KeyAnswers {
                form_id: owned(form_id),
            },
            ["received"] => Route::Received,
            _ => Route::NotFound,
        }
    }
}

/// The value of `name` in an address's query (`/doc/d1?updated=2` gives `"2"` for `updated`),
/// decoded; a name given without a value (`?shared`) gives `""`.
pub fn query_value(address: &str, name: &str) -> Option<String> {
    let query = address.split('#').next()?.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decode = |s: &str| percent_decode(&s.replace('+', " "));
        (decode(key) == name).then(|| decode(value))
    })
}

/// The address of the page whose address segments are `segments` (`["doc", id]`), each
/// escaped so that `Route::parse` gives it back whole. The app makes plain ids, but ids also
/// come from backups and files, which anyone can edit: one holding `/`, `?`, `#` or `%` would
/// otherwise open another page, or none. (A segment that is exactly `.` or `..` cannot come
/// back: browsers resolve those even escaped.)
pub fn path(segments: &[&str]) -> String {
    segments
        .iter()
        .map(|segment| format!("/{}", escape(segment)))
        .collect()
}

/// One address segment, escaped as `path` writes it. Having no space, it also makes an element
/// id from an id out of a file: a space there would split `aria-describedby` (which lists ids
/// by spaces) and name a part that does not exist.
pub fn escape(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `%XX` escapes to the bytes they stand for; text that is not a valid escape, or bytes that are
/// not UTF-8, are kept as they came rather than refused (the page then says it was not found).
fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_named_by_its_address() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/?undo=t1"), Route::Home);
        assert_eq!(
            Route::parse("/form/getting-to-know"),
            Route::ContinueForm {
                form_id: "getting-to-know".into()
            }
        );
        assert_eq!(
            Route::parse("/new/ppt-prep"),
            Route::NewDocument {
                form_id: "ppt-prep".into(),
                child_id: None
            }
        );
        assert_eq!(
            Route::parse("/new/ppt-prep/c1"),
            Route::NewDocument {
                form_id: "ppt-prep".into(),
                child_id: Some("c1".into())
            }
        );
        assert_eq!(
            Route::parse("/doc/d1?updated=2"),
            Route::Document { id: "d1".into() }
        );
        assert_eq!(Route::parse("/settings"), Route::Settings);
        assert_eq!(Route::parse("/settings/"), Route::Settings);
        assert_eq!(
            Route::parse("/key-answers/getting-to-know#top"),
            Route::KeyAnswers {
                form_id: "getting-to-know".into()
            }
        );
        assert_eq!(Route::parse("/received?shared=1"), Route::Received);
    }

    #[test]
    fn an_id_of_any_characters_comes_back_whole_from_its_address() {
        for id in [
            "d18c2f",
            "d/2?#%41 b",
            "c/1?x#y%41",
            "Núñez+1",
            "%",
            "a%zz",
            "..x",
            " ",
        ] {
            assert_eq!(
                Route::parse(&path(&["doc", id])),
                Route::Document { id: id.into() },
                "{id}"
            );
            assert_eq!(
                Route::parse(&path(&["new", "ppt-prep", id])),
                Route::NewDocument {
                    form_id: "ppt-prep".into(),
                    child_id: Some(id.into())
                },
                "{id}"
            );
        }
        assert_eq!(
            path(&["doc", "d18c2f"]),
            "/doc/d18c2f",
            "plain ids stay as they are"
        );
    }

    #[test]
    fn an_escaped_id_has_no_space_and_stays_apart_from_others() {
        let ids = ["r1", "r 1", "r%201", "r\t1", "r\u{a0}1", "ñ", "%C3%B1"];
        let escaped: Vec<String> = ids.iter().map(|id| escape(id)).collect();
        assert!(
            escaped.iter().all(|e| !e.contains(char::is_whitespace)),
            "{escaped:?}"
        );
        let mut distinct = escaped.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), ids.len(), "{escaped:?}");
        assert_eq!(escape("r1"), "r1", "the app's own ids stay as they are");
    }

    #[test]
    fn other_addresses_are_not_found() {
        for address in [
            "/nope",
            "/doc",
            "/doc/d1/extra",
            "/new",
            "/new/a/b/c",
            "/index.html",
        ] {
            assert_eq!(Route::parse(address), Route::NotFound, "{address}");
        }
    }

    #[test]
    fn query_values_are_read_decoded() {
        assert_eq!(query_value("/?undo=t1", "undo").as_deref(), Some("t1"));
        assert_eq!(
            query_value("/doc/d1?a=1&updated=2#x", "updated").as_deref(),
            Some("2")
        );
        assert_eq!(
            query_value("/received?shared", "shared").as_deref(),
            Some("")
        );
        assert_eq!(query_value("/?q=a+b%21", "q").as_deref(), Some("a b!"));
        assert_eq!(query_value("/?undo=t1", "updated"), None);
        assert_eq!(query_value("/doc/d1", "updated"), None);
        assert_eq!(query_value("/#?undo=1", "undo"), None);
    }

    #[test]
    fn escapes_in_a_segment_are_decoded_and_broken_ones_kept() {
        assert_eq!(
            Route::parse("/doc/a%20b"),
            Route::Document { id: "a b".into() }
        );
        assert_eq!(
            Route::parse("/doc/%C3%B1"),
            Route::Document { id: "ñ".into() }
        );
        assert_eq!(
            Route::parse("/doc/100%"),
            Route::Document { id: "100%".into() }
        );
        assert_eq!(
            Route::parse("/doc/%zz"),
            Route::Document { id: "%zz".into() }
        );
        assert_eq!(
            Route::parse("/doc/%+1"),
            Route::Document { id: "%+1".into() }
        );
        assert_eq!(
            Route::parse("/doc/%FF"),
            Route::Document { id: "%FF".into() }
        );
    }
}
