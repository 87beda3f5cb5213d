//! A letter's template: text with `{field_id}` where an answer goes. Read here, so the
//! definition checker can refuse a template naming a missing field; filled in by
//! `export::letter`.

/// One piece of a template line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    /// The id of the field whose answer goes here.
    Answer(&'a str),
}

/// A template as paragraphs (split at blank lines) of lines of parts. A `{` with no `}` after
/// it is refused, with the text that follows it.
pub fn read_template(body: &str) -> Result<Vec<Vec<Vec<Part<'_>>>>, String> {
    let mut paragraphs = Vec::new();
    // A file written on Windows separates paragraphs with "\r\n\r\n".
    let separator = if body.contains("\r\n") {
        "\r\n\r\n"
    } else {
        "\n\n"
    };
    for paragraph in body.split(separator) {
        let mut lines = Vec::new();
        for line in paragraph.lines() {
            lines.push(read_line(line)?);
        }
        if !lines.is_empty() {
            paragraphs.push(lines);
        }
    }
    Ok(paragraphs)
}

fn read_line(mut line: &str) -> Result<Vec<Part<'_>>, String> {
    let mut parts = Vec::new();
    while let Some(open) = line.find('{') {
        let Some(close) = line[open..].find('}') else {
            return Err(line[open..].chars().take(20).collect());
        };
        if open > 0 {
            parts.push(Part::Text(&line[..open]));
        }
        parts.push(Part::Answer(line[open + 1..open + close].trim()));
        line = &line[open + close + 1..];
    }
    if !line.is_empty() {
        parts.push(Part::Text(line));
    }
    Ok(parts)
}

/// Every field id the template names, in order (with repeats).
pub fn answer_ids(body: &str) -> Vec<&str> {
    read_template(body)
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|p| match p {
            Part::Answer(id) => Some(id),
            Part::Text(_) => None,
        })
        .collect()
}
