//! A booklet as a PDF file, written in Rust with `pdf-writer`.
//!
//! It uses the PDF standard fonts (Helvetica and Helvetica-Bold) in WinAnsiEncoding: every
//! reader has them, so no font is embedded and the file stays small, and that encoding holds
//! every letter and mark Spanish and English need (ñ á é í ó ú ü ¿ ¡ ’ “ ” – —). The text is real
//! text: it can be selected, searched and read aloud. A character the fonts cannot show (an emoji,
//! another script) becomes a visible `[?]` and is counted, so the app can say so.

use crate::model::child::title_and_name;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::booklet::{Booklet, Entry, Mode};
use super::winansi_table::WINANSI_HIGH;

/// The byte and character of each [`WINANSI_HIGH`] entry, made at compile time: the glyph names
/// are for `build.rs` only, so they stay out of the app's wasm (about 2 KB).
const WINANSI_BYTES: [(u8, char); WINANSI_HIGH.len()] = {
    let mut out = [(0, '\0'); WINANSI_HIGH.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = (WINANSI_HIGH[i].0, WINANSI_HIGH[i].1);
        i += 1;
    }
    out
};

mod widths {
    include!(concat!(env!("OUT_DIR"), "/font_widths.rs"));
}

/// The finished file and how many characters had to be replaced.
#[derive(Clone, Debug)]
pub struct PdfFile {
    pub bytes: Vec<u8>,
    pub replaced: usize,
}

/// What stands in for a character the fonts cannot show.
pub const MARKER: &str = "[?]";

// US Letter: the schools this is for print on it; A4 printers scale it without cutting text.
const PAGE_W: f32 = 612.0;
const PAGE_H: f32 = 792.0;
const MARGIN: f32 = 56.0;
const TOP: f32 = PAGE_H - MARGIN;
/// Leaves room for the page number.
const BOTTOM: f32 = MARGIN + 14.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

#[derive(Clone, Copy, PartialEq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    fn widths(self) -> &'static [u16; 256] {
        match self {
            Font::Regular => &widths::HELVETICA,
            Font::Bold => &widths::HELVETICA_BOLD,
        }
    }

    /// Width of WinAnsi bytes at `size` points.
    fn measure(self, text: &[u8], size: f32) -> f32 {
        let table = self.widths();
        text.iter()
            .map(|b| f32::from(table[*b as usize]))
            .sum::<f32>()
            * size
            / 1000.0
    }
}

/// Turns text into WinAnsi bytes: look-alikes are mapped (a non-breaking hyphen is a hyphen),
/// and anything else the fonts lack becomes [`MARKER`], counted in `replaced`.
fn encode(text: &str, replaced: &mut usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' '..='~' => out.push(c as u8),
            '\t' => out.push(b' '),
            // Kept for `wrap`, which starts a new line there (a typed answer's own lines).
            '\n' => out.push(b'\n'),
            '\u{2010}'..='\u{2012}' | '\u{2212}' => out.push(b'-'),
            '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => out.push(b' '),
            '\u{2032}' => out.push(b'\''),
            '\u{2033}' => out.push(b'"'),
            // Joiners, direction marks and variation selectors carry nothing to print.
            '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => match WINANSI_BYTES.iter().find(|(_, ch)| *ch == c) {
                Some((byte, _)) => out.push(*byte),
                None => {
                    out.extend_from_slice(MARKER.as_bytes());
                    *replaced += 1;
                }
            },
        }
    }
    out
}

/// The size of the foot's type.
const FOOTER_SIZE: f32 = 8.5;
/// "…" in WinAnsi.
const ELLIPSIS: u8 = 0x85;

/// The foot of page `page` of `pages`, as WinAnsi bytes no wider than the page's text. A name
/// long enough to run off the paper is cut short with "…", so the page's number still shows.
fn page_footer(booklet: &Booklet, page: usize, pages: usize, replaced: &mut usize) -> Vec<u8> {
    let whole = encode(&booklet.page_footer(page, pages), replaced);
    if Font::Regular.measure(&whole, FOOTER_SIZE) <= WIDTH {
        return whole;
    }
    // Already counted in `replaced` above.
    let mut counted = 0;
    let number = encode(&booklet.page_footer_number(page, pages), &mut counted);
    let room = WIDTH
        - Font::Regular.measure(&number, FOOTER_SIZE)
        - Font::Regular.measure(&[ELLIPSIS], FOOTER_SIZE);
    // Kept a character at a time while they fit, so a character the fonts lack goes whole
    // with its marker.
    let mut bytes = Vec::new();
    let mut width = 0.0;
    for c in booklet.page_footer_title().chars() {
        let piece = encode(c.encode_utf8(&mut [0; 4]), &mut counted);
        width += Font::Regular.measure(&piece, FOOTER_SIZE);
        if width > room {
            break;
        }
        bytes.extend_from_slice(&piece);
    }
    bytes.truncate(bytes.trim_ascii_end().len());
    bytes.push(ELLIPSIS);
    bytes.extend_from_slice(&number);
    bytes
}

/// Breaks encoded text into lines no wider than `width`, at spaces where it can.
fn wrap(text: &[u8], font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    for paragraph in text.split(|b| *b == b'\n') {
        let mut line: Vec<u8> = Vec::new();
        for word in paragraph.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
            let candidate_width = if line.is_empty() {
                font.measure(word, size)
            } else {
                font.measure(&line, size) + font.measure(b" ", size) + font.measure(word, size)
            };
            if candidate_width <= width {
                if !line.is_empty() {
                    line.push(b' ');
                }
                line.extend_from_slice(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word longer than the line (a web address, a long number) is cut where it must be.
            for &b in word {
                if !line.is_empty() && font.measure(&line, size) + font.measure(&[b], size) > width
                {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(b);
            }
        }
        lines.push(line);
    }
    lines
}

/// What each column of a table needs at `size`: its longest word (`least`, so no word is cut)
/// and its longest line (`most`), padding included. A blank table (to fill by hand) wants the
/// room shared evenly.
fn measure_columns(
    header: &[Vec<u8>],
    rows: &[Vec<Vec<u8>>],
    size: f32,
    pad: f32,
    blank: bool,
) -> (Vec<f32>, Vec<f32>) {
    let columns = header.len().max(1);
    let mut least = vec![2.0 * pad; columns];
    let mut most = vec![2.0 * pad; columns];
    let header_cells = header.iter().map(|c| (c, Font::Bold)).enumerate();
    let row_cells = rows
        .iter()
        .flat_map(|r| r.iter().map(|c| (c, Font::Regular)).enumerate());
    for (i, (text, font)) in header_cells.chain(row_cells) {
        let (Some(least), Some(most)) = (least.get_mut(i), most.get_mut(i)) else {
            continue;
        };
        for line in text.split(|b| *b == b'\n') {
            *most = most.max(font.measure(line, size) + 2.0 * pad);
            for word in line.split(|b| *b == b' ') {
                // (Half a point spare, so rounding never cuts the word it was measured for.)
                *least = least.max(font.measure(word, size) + 2.0 * pad + 0.5);
            }
        }
    }
    if blank {
        let even = WIDTH / columns as f32;
        most.iter_mut().for_each(|m| *m = even);
    }
    for (m, l) in most.iter_mut().zip(&least) {
        *m = m.max(*l);
    }
    (least, most)
}

/// Column widths across the page: each column at least its longest word, and the room left
/// shared by how much more each column's longest line would take. When even the longest words
/// do not fit (the table's type is already as small as it goes), the widths follow them.
fn column_widths(least: &[f32], most: &[f32]) -> Vec<f32> {
    let (sum_least, sum_most) = (least.iter().sum::<f32>(), most.iter().sum::<f32>());
    if sum_least >= WIDTH {
        least.iter().map(|l| l * WIDTH / sum_least).collect()
    } else if sum_most <= WIDTH {
        most.iter().map(|m| m * WIDTH / sum_most).collect()
    } else {
        let share = (WIDTH - sum_least) / (sum_most - sum_least);
        least
            .iter()
            .zip(most)
            .map(|(l, m)| l + (m - l) * share)
            .collect()
    }
}

/// Lays text out page by page.
struct Layout {
    pages: Vec<Content>,
    page: Content,
    y: f32,
    replaced: usize,
}

impl Layout {
    fn new() -> Self {
        Layout {
            pages: Vec::new(),
            page: Content::new(),
            y: TOP,
            replaced: 0,
        }
    }

    fn new_page(&mut self) {
        let done = std::mem::replace(&mut self.page, Content::new());
        self.pages.push(done);
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn keep(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    fn text_at(&mut self, font: Font, size: f32, x: f32, y: f32, bytes: &[u8]) {
        self.page
            .begin_text()
            .set_font(font.name(), size)
            .set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y])
            .show(Str(bytes))
            .end_text();
    }

    /// Writes a wrapped paragraph; `keep_lines` lines at least stay with what comes before.
    fn paragraph(
        &mut self,
        text: &str,
        font: Font,
        size: f32,
        x: f32,
        width: f32,
        keep_lines: usize,
    ) {
        let bytes = encode(text, &mut self.replaced);
        let lines = wrap(&bytes, font, size, width);
        let leading = size * 1.35;
        self.keep(leading * keep_lines.min(lines.len()) as f32);
        for line in lines {
            self.keep(leading);
            self.y -= leading;
            self.text_at(font, size, x, self.y + size * 0.25, &line);
        }
    }

    /// A heading of a box on the cover, ruled below.
    fn cover_heading(&mut self, title: &str) {
        self.y -= 36.0;
        self.paragraph(title, Font::Bold, 16.0, MARGIN, WIDTH, 1);
        self.y -= 4.0;
        self.rule(MARGIN, WIDTH, 0.3);
        self.y -= 6.0;
    }

    /// A question in bold with its answer below, indented.
    fn answer(&mut self, question: &str, answer: &str) {
        // A question never sits alone at the foot of a page without its answer.
        let q_lines = wrap(&encode(question, &mut 0), Font::Bold, 10.0, WIDTH).len();
        self.keep(q_lines as f32 * 13.5 + 2.0 * 15.0);
        self.paragraph(question, Font::Bold, 10.0, MARGIN, WIDTH, 1);
        self.paragraph(answer, Font::Regular, 11.0, MARGIN + 10.0, WIDTH - 10.0, 2);
    }

    fn rule(&mut self, x: f32, width: f32, gray: f32) {
        self.page
            .set_stroke_gray(gray)
            .set_line_width(0.6)
            .move_to(x, self.y)
            .line_to(x + width, self.y)
            .stroke();
    }

    fn table(&mut self, headers: &[String], rows: &[Vec<String>], blank: bool) {
        let pad = 4.0;
        let header_bytes: Vec<Vec<u8>> = headers
            .iter()
            .map(|h| encode(h, &mut self.replaced))
            .collect();
        let row_bytes: Vec<Vec<Vec<u8>>> = rows
            .iter()
            .map(|r| r.iter().map(|c| encode(c, &mut self.replaced)).collect())
            .collect();
        // A table with many columns (a contact log has ten) is set smaller, down to 7.5 pt,
        // until its longest words fit whole; text widths grow in step with the size.
        let mut size = 9.5;
        let (mut least, mut most) = measure_columns(&header_bytes, &row_bytes, size, pad, blank);
        let fixed = least.len() as f32 * (2.0 * pad + 0.5);
        let words: f32 = least.iter().sum::<f32>() - fixed;
        if words > WIDTH - fixed {
            size = (size * (WIDTH - fixed) / words * 0.99).max(7.5);
            (least, most) = measure_columns(&header_bytes, &row_bytes, size, pad, blank);
        }
        let leading = size * 1.3;
        let widths = column_widths(&least, &most);
        let lefts: Vec<f32> = widths
            .iter()
            .scan(MARGIN, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let wrap_row = |cells: &[Vec<u8>], font: Font| -> Vec<Vec<Vec<u8>>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(bytes, w)| wrap(bytes, font, size, w - 2.0 * pad))
                .collect()
        };
        let header = wrap_row(&header_bytes, Font::Bold);
        let draw_row =
            |layout: &mut Layout, cells: &[Vec<Vec<u8>>], font: Font, min_lines: usize| {
                let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(min_lines);
                let height = lines as f32 * leading + 2.0 * pad;
                let top = layout.y;
                for (cell, left) in cells.iter().zip(&lefts) {
                    let x = left + pad;
                    for (n, line) in cell.iter().enumerate() {
                        let y = top - pad - (n as f32 + 1.0) * leading + size * 0.25;
                        layout.text_at(font, size, x, y, line);
                    }
                }
                layout.y -= height;
                layout.rule(MARGIN, WIDTH, 0.7);
            };
        let header_height = |cells: &[Vec<Vec<u8>>]| {
            cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * pad
        };
        self.keep(header_height(&header) * 2.0);
        self.rule(MARGIN, WIDTH, 0.4);
        draw_row(self, &header, Font::Bold, 1);
        for row in &row_bytes {
            let cells = wrap_row(row, Font::Regular);
            let min_lines = if blank { 2 } else { 1 };
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(min_lines) as f32
                * leading
                + 2.0 * pad;
            if self.y - height < BOTTOM {
                // The header goes with the rows onto the next page, so a column is never nameless.
                self.new_page();
                self.rule(MARGIN, WIDTH, 0.4);
                draw_row(self, &header, Font::Bold, 1);
            }
            draw_row(self, &cells, Font::Regular, min_lines);
        }
    }
}

/// Writes `booklet` as a PDF. `prepared_on` is the ISO date shown on the cover (see
/// [`Booklet::cover_note`]).
pub fn booklet_pdf(booklet: &Booklet, prepared_on: &str) -> PdfFile {
    let mut layout = Layout::new();
    if !booklet.letter.is_empty() {
        // A letter is the whole document: its paragraphs from the top of the first page.
        layout.y = TOP;
        for paragraph in &booklet.letter {
            layout.paragraph(paragraph, Font::Regular, 11.0, MARGIN, WIDTH, 1);
            layout.y -= 11.0;
        }
        layout.new_page();
        return finish(booklet, layout);
    }

    // Cover: what this is and whom it is about, readable across a room. With key answers the
    // title moves up, so they fit on the cover below it.
    let glance = &booklet.at_a_glance;
    layout.y = if glance.is_empty() && booklet.missing.is_empty() {
        PAGE_H * 0.62
    } else {
        TOP - 40.0
    };
    layout.paragraph(&booklet.form_title, Font::Bold, 26.0, MARGIN, WIDTH, 1);
    if !booklet.child_name.is_empty() {
        layout.y -= 10.0;
        layout.paragraph(&booklet.child_name, Font::Bold, 20.0, MARGIN, WIDTH, 1);
    }
    layout.y -= 18.0;
    layout.rule(MARGIN, WIDTH, 0.5);
    layout.paragraph(
        &booklet.cover_note(prepared_on),
        Font::Regular,
        11.0,
        MARGIN,
        WIDTH,
        1,
    );
    // Answers the file lost come first, so no one takes them for questions left blank.
    if !booklet.missing.is_empty() {
        layout.cover_heading(booklet.missing_title());
        layout.paragraph(
            booklet.missing_note(),
            Font::Regular,
            10.5,
            MARGIN,
            WIDTH,
            2,
        );
        for question in &booklet.missing {
            layout.y -= 4.0;
            layout.paragraph(
                &format!("\u{2022} {question}"),
                Font::Bold,
                10.0,
                MARGIN + 10.0,
                WIDTH - 10.0,
                1,
            );
        }
    }
    if !glance.is_empty() {
        layout.cover_heading(booklet.at_a_glance_title());
        for entry in glance {
            if let Entry::Answer { question, answer } = entry {
                layout.y -= 8.0;
                layout.answer(question, answer);
            }
        }
    }
    if booklet.sections.is_empty() {
        layout.y -= 12.0;
        layout.paragraph(booklet.empty_note(), Font::Regular, 11.0, MARGIN, WIDTH, 1);
    }

    for (i, section) in booklet.sections.iter().enumerate() {
        // Sections flow on, so a short form is a few pages; a heading never ends a page.
        if i == 0 {
            layout.new_page();
        } else {
            layout.y -= 22.0;
            layout.keep(120.0);
        }
        layout.paragraph(&section.title, Font::Bold, 16.0, MARGIN, WIDTH, 1);
        layout.y -= 4.0;
        layout.rule(MARGIN, WIDTH, 0.3);
        layout.y -= 6.0;
        for entry in &section.entries {
            layout.y -= 8.0;
            match entry {
                Entry::Answer { question, answer } => layout.answer(question, answer),
                Entry::Blank {
                    question,
                    choices,
                    lines,
                } => {
                    layout.keep(13.5 + 22.0 * f32::from((*lines).max(1)));
                    layout.paragraph(question, Font::Bold, 10.0, MARGIN, WIDTH, 1);
                    for choice in choices {
                        layout.keep(15.0);
                        layout.y -= 15.0;
                        layout
                            .page
                            .set_stroke_gray(0.2)
                            .set_line_width(0.8)
                            .rect(MARGIN + 10.0, layout.y + 1.0, 8.0, 8.0)
                            .stroke();
                        let bytes = encode(choice, &mut layout.replaced);
                        layout.text_at(Font::Regular, 10.5, MARGIN + 24.0, layout.y + 2.0, &bytes);
                    }
                    for _ in 0..*lines {
                        layout.keep(22.0);
                        layout.y -= 22.0;
                        layout.rule(MARGIN + 10.0, WIDTH - 10.0, 0.6);
                    }
                }
                Entry::Table {
                    question,
                    headers,
                    rows,
                } => {
                    layout.keep(13.5 + 40.0);
                    layout.paragraph(question, Font::Bold, 10.0, MARGIN, WIDTH, 1);
                    layout.y -= 4.0;
                    layout.table(headers, rows, booklet.mode == Mode::Blank);
                }
                Entry::Note { text } => {
                    layout.paragraph(text, Font::Regular, 9.5, MARGIN + 10.0, WIDTH - 20.0, 2);
                }
            }
        }
    }
    layout.new_page();
    finish(booklet, layout)
}

fn finish(booklet: &Booklet, layout: Layout) -> PdfFile {
    let Layout {
        pages,
        mut replaced,
        ..
    } = layout;
    let locale = booklet.locale;
    let mut pdf = Pdf::new();
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let regular_id = Ref::new(3);
    let bold_id = Ref::new(4);
    let info_id = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();

    {
        let mut catalog = pdf.catalog(catalog_id);
        catalog.pages(tree_id);
        catalog.lang(TextStr(locale.tag()));
        catalog.viewer_preferences().display_doc_title(true);
    }
    let title = title_and_name(&booklet.form_title, &booklet.child_name);
    pdf.document_info(info_id)
        .title(TextStr(&title))
        .creator(TextStr("Family Forms"))
        .producer(TextStr("Family Forms (pdf-writer)"));
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    for (id, name) in [(regular_id, "Helvetica"), (bold_id, "Helvetica-Bold")] {
        pdf.type1_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let total = pages.len();
    for (i, mut content) in pages.into_iter().enumerate() {
        let page_id = page_ids[i];
        let content_id = Ref::new(page_id.get() + 1);
        if i > 0 {
            let bytes = page_footer(booklet, i + 1, total, &mut replaced);
            content
                .set_fill_gray(0.35)
                .begin_text()
                .set_font(Font::Regular.name(), FOOTER_SIZE)
                .set_text_matrix([1.0, 0.0, 0.0, 1.0, MARGIN, MARGIN - 6.0])
                .show(Str(&bytes))
                .end_text();
        }
        let stream = content.finish();
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources()
            .fonts()
            .pair(Font::Regular.name(), regular_id)
            .pair(Font::Bold.name(), bold_id);
        page.finish();
        pdf.stream(content_id, &stream);
    }
    PdfFile {
        bytes: pdf.finish(),
        replaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::booklet::booklet;
    use crate::model::text::Locale;
    use crate::model::values::{Answer, Answers};

    fn booklet_for(name: &str, locale: Locale) -> Booklet {
        let def = crate::forms::builtin()
            .iter()
            .find(|d| d.id == "ppt-prep")
            .expect("PPT prep ships");
        let mut answers = Answers::default();
        answers.0.insert("student_name".into(), Answer::text(name));
        booklet(def, &answers, None, locale, Mode::Filled)
    }

    #[test]
    fn the_foot_fits_the_page_whatever_the_name() {
        for locale in [Locale::En, Locale::Es] {
            // A name of several words, one with no space at all, and one of characters the
            // fonts lack (each printed as a three-character marker).
            for name in ["Ana Lucía ".repeat(12), "X".repeat(200), "名".repeat(60)] {
                let b = booklet_for(&name, locale);
                let mut replaced = 0;
                let foot = page_footer(&b, 12, 14, &mut replaced);
                assert!(Font::Regular.measure(&foot, FOOTER_SIZE) <= WIDTH, "{name}");
                let number = encode(&b.page_footer_number(12, 14), &mut 0);
                assert!(foot.ends_with(&number), "{name}: the page's number is kept");
                assert!(foot.contains(&ELLIPSIS), "{name}: the cut is shown");
                assert!(foot.starts_with(&encode(&b.form_title, &mut 0)), "{name}");
            }
        }
    }

    #[test]
    fn a_foot_that_fits_is_left_whole() {
        let b = booklet_for("Mía", Locale::Es);
        let foot = page_footer(&b, 2, 9, &mut 0);
        assert_eq!(foot, encode(&b.page_footer(2, 9), &mut 0));
        assert!(!foot.contains(&ELLIPSIS));
    }
}
