//! Markup written as text, for what the browser parses in one step rather than the framework
//! making each element one by one (each with its place-keeping comment): home's cards, the
//! key-answers sheet, and the booklet, printed or read from a received file.
//!
//! Everything that is not the app's own fixed markup goes through [`escape`], so a name or an
//! answer out of a file, or typed by anyone, stays text and is never read as markup.

use crate::export::booklet::{Booklet, Entry};

/// `text` made safe as an element's content and as a double-quoted attribute's value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends `<{tag} class="{class}">{text}</{tag}>` (no class attribute when `class` is empty),
/// `text` escaped.
fn push_element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// The class of a booklet's outer element: a letter is printed alone, as the person sends it.
pub fn booklet_class(booklet: &Booklet) -> &'static str {
    if booklet.letter.is_empty() {
        "booklet"
    } else {
        "booklet booklet-letter"
    }
}

/// What goes inside a booklet's outer element ([`booklet_class`], `lang` its locale): the
/// cover (title, child, when it was prepared, the answers a damaged file lost, the key answers),
/// then every section with its questions and answers; or, for a letter, its paragraphs.
/// `prepared_on` is the ISO date the answers were last edited.
pub fn booklet_html(booklet: &Booklet, prepared_on: &str) -> String {
    let mut out = String::new();
    if !booklet.letter.is_empty() {
        for paragraph in &booklet.letter {
            push_element(&mut out, "p", "", paragraph);
        }
        return out;
    }
    out.push_str(r#"<header class="booklet-cover"><p class="booklet-kicker">Family Forms</p>"#);
    push_element(&mut out, "h1", "booklet-title", &booklet.form_title);
    if !booklet.child_name.is_empty() {
        push_element(&mut out, "p", "booklet-child", &booklet.child_name);
    }
    push_element(
        &mut out,
        "p",
        "booklet-made",
        &booklet.cover_note(prepared_on),
    );
    // Answers a damaged file lost are named first, so no one takes them for blanks.
    if !booklet.missing.is_empty() {
        out.push_str(r#"<section class="booklet-missing">"#);
        push_element(&mut out, "h2", "", booklet.missing_title());
        push_element(&mut out, "p", "", booklet.missing_note());
        out.push_str("<ul>");
        for question in &booklet.missing {
            push_element(&mut out, "li", "", question);
        }
        out.push_str("</ul></section>");
    }
    // The key answers sit on the cover, so a teacher reads them before turning a page.
    if !booklet.at_a_glance.is_empty() {
        out.push_str(r#"<section class="booklet-glance">"#);
        push_element(&mut out, "h2", "", booklet.at_a_glance_title());
        for entry in &booklet.at_a_glance {
            push_entry(&mut out, entry);
        }
        out.push_str("</section>");
    }
    out.push_str("</header>");
    if booklet.sections.is_empty() {
        push_element(&mut out, "p", "booklet-empty", booklet.empty_note());
    }
    for section in &booklet.sections {
        out.push_str(r#"<section class="booklet-section">"#);
        push_element(&mut out, "h2", "", &section.title);
        for entry in &section.entries {
            push_entry(&mut out, entry);
        }
        out.push_str("</section>");
    }
    out
}

/// One question of a booklet with its answer, its room to write, its table or its note.
fn push_entry(out: &mut String, entry: &Entry) {
    match entry {
        Entry::Answer { question, answer } => {
            out.push_str(r#"<div class="booklet-entry">"#);
            push_element(out, "h3", "booklet-q", question);
            push_element(out, "p", "booklet-a", answer);
            out.push_str("</div>");
        }
        Entry::Blank {
            question,
            choices,
            lines,
        } => {
            out.push_str(r#"<div class="booklet-entry">"#);
            push_element(out, "h3", "booklet-q", question);
            if !choices.is_empty() {
                out.push_str(r#"<ul class="booklet-choices">"#);
                for choice in choices {
                    push_element(out, "li", "", choice);
                }
                out.push_str("</ul>");
            }
            for _ in 0..*lines {
                out.push_str(r#"<div class="booklet-line"></div>"#);
            }
            out.push_str("</div>");
        }
        Entry::Table {
            question,
            headers,
            rows,
        } => {
            out.push_str(r#"<div class="booklet-entry booklet-table-entry">"#);
            push_element(out, "h3", "booklet-q", question);
            // Many columns (a contact log has ten): set smaller, so each fits its longest word.
            out.push_str(if headers.len() > 5 {
                r#"<table class="booklet-table booklet-table-wide"><thead><tr>"#
            } else {
                r#"<table class="booklet-table"><thead><tr>"#
            });
            for header in headers {
                out.push_str(r#"<th scope="col">"#);
                push_escaped(out, header);
                out.push_str("</th>");
            }
            out.push_str("</tr></thead><tbody>");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    push_element(out, "td", "", cell);
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table></div>");
        }
        Entry::Note { text } => push_element(out, "p", "booklet-note", text),
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_a_name_stays_text() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert('1')"> & Co"#),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; Co"
        );
        assert_eq!(escape("Sofía Núñez"), "Sofía Núñez");
    }
}
