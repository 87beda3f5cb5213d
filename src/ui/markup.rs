//! Markup written as text, for the one list drawn in one go: home's cards. With fifty children
//! the browser parses a card's markup in one step several times faster than the framework
//! makes its twenty-odd elements one by one (each with its place-keeping comment).
//!
//! Everything that is not the app's own fixed markup goes through [`escape`], so a name out of
//! a file or typed by anyone stays text and is never read as markup.

/// `text` made safe as an element's content and as a double-quoted attribute's value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
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
    out
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
