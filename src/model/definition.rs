//! Reading a form definition from text, refusing a bad one with messages that name the problem
//! and where it is, never a panic and never a half-loaded form.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::def_reader::read_form;
use super::letter::{answer_ids, read_template};
use super::schema::{ByMonth, Condition, DerivedRule, Field, FieldKind, FormDef, KIND_NAMES};
use super::text::{Locale, Text};
use super::values::OTHER;

/// Largest definition file accepted (the biggest shipped form is far below this).
pub const MAX_DEFINITION_BYTES: usize = 1_000_000;

/// One thing wrong with a definition: where (a JSON path such as `sections[2].fields[4].kind`)
/// and what, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefError {
    pub path: String,
    pub message: Text,
}

impl DefError {
    pub(crate) fn new(
        path: impl Into<String>,
        en: impl Into<String>,
        es: impl Into<String>,
    ) -> Self {
        DefError {
            path: path.into(),
            message: Text::new(en, es),
        }
    }

    /// `path: message` in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        if self.path.is_empty() {
            self.message.get(locale).to_string()
        } else {
            format!("{}: {}", self.path, self.message.get(locale))
        }
    }
}

/// Parses and checks a definition. Either the whole form, or every problem found.
pub fn parse_definition(src: &str) -> Result<FormDef, Vec<DefError>> {
    if src.len() > MAX_DEFINITION_BYTES {
        return Err(vec![DefError::new(
            "",
            format!(
                "The file is too large (over {} KB).",
                MAX_DEFINITION_BYTES / 1000
            ),
            format!(
                "El archivo es demasiado grande (más de {} KB).",
                MAX_DEFINITION_BYTES / 1000
            ),
        )]);
    }
    let raw = parse_json(src).map_err(|e| vec![e])?;
    let kind_errors = check_kinds(&raw);
    if !kind_errors.is_empty() {
        return Err(kind_errors);
    }
    let def = read_form(&raw).map_err(|e| vec![e])?;
    let problems = check_definition(&def);
    if problems.is_empty() {
        Ok(def)
    } else {
        Err(problems)
    }
}

/// Reads a definition without the engine's checks: only for the shipped forms, which the
/// native tests check (see `forms::check_builtin`).
pub fn read_unchecked(src: &str) -> Result<FormDef, DefError> {
    read_form(&parse_json(src)?)
}

/// The JSON tree of a definition file, or where its syntax breaks.
fn parse_json(src: &str) -> Result<Value, DefError> {
    serde_json::from_str(src).map_err(|e| {
        DefError::new(
            format!("line {}, column {}", e.line(), e.column()),
            format!("This is not a valid form file (JSON): {e}"),
            format!("Este no es un archivo de formulario válido (JSON): {e}"),
        )
    })
}

/// Finds every unknown or missing `kind` before reading, so a file with several is told about
/// all of them at once (reading stops at its first problem).
fn check_kinds(raw: &Value) -> Vec<DefError> {
    let mut errors = Vec::new();
    let Some(sections) = raw.get("sections").and_then(Value::as_array) else {
        return errors;
    };
    for (si, section) in sections.iter().enumerate() {
        let Some(fields) = section.get("fields").and_then(Value::as_array) else {
            continue;
        };
        for (fi, field) in fields.iter().enumerate() {
            let path = format!("sections[{si}].fields[{fi}]");
            check_kind(field, &path, &mut errors);
            if let Some(columns) = field.get("columns").and_then(Value::as_array) {
                for (ci, column) in columns.iter().enumerate() {
                    check_kind(column, &format!("{path}.columns[{ci}]"), &mut errors);
                }
            }
        }
    }
    errors
}

fn check_kind(field: &Value, path: &str, errors: &mut Vec<DefError>) {
    match field.get("kind") {
        None => errors.push(DefError::new(
            path,
            "missing \"kind\"",
            "falta \"kind\" (el tipo de pregunta)",
        )),
        Some(Value::String(k)) if KIND_NAMES.contains(&k.as_str()) => {}
        Some(k) => {
            let shown = k
                .as_str()
                .map_or_else(|| k.to_string(), |s| format!("\"{s}\""));
            errors.push(DefError::new(
                format!("{path}.kind"),
                format!("unknown kind {shown} (known: {})", KIND_NAMES.join(", ")),
                format!(
                    "tipo desconocido {shown} (válidos: {})",
                    KIND_NAMES.join(", ")
                ),
            ))
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The engine's checks on a parsed definition: ids, translations, conditions, derived fields and
/// limits. Shipped forms must pass with no error; so must any form a user adds.
pub fn check_definition(def: &FormDef) -> Vec<DefError> {
    let mut c = Checker::default();
    c.id("id", &def.id);
    c.text("title", &def.title);
    if let Some(intro) = &def.intro {
        c.text("intro", intro);
    }
    if def.sections.is_empty() {
        c.err(
            "sections",
            "a form needs at least one section",
            "un formulario necesita por lo menos una sección",
        );
    }
    let mut section_ids = HashSet::new();
    for (si, section) in def.sections.iter().enumerate() {
        let sp = format!("sections[{si}]");
        c.id(&format!("{sp}.id"), &section.id);
        if !section_ids.insert(section.id.as_str()) {
            c.err(
                format!("{sp}.id"),
                format!("duplicate section id \"{}\"", section.id),
                format!("id de sección repetido \"{}\"", section.id),
            );
        }
        c.text(&format!("{sp}.title"), &section.title);
        if let Some(intro) = &section.intro {
            c.text(&format!("{sp}.intro"), intro);
        }
        for (fi, field) in section.fields.iter().enumerate() {
            let fp = format!("{sp}.fields[{fi}]");
            if c.field_paths.insert(field.id.clone(), fp.clone()).is_some() {
                c.err(
                    format!("{fp}.id"),
                    format!("duplicate field id \"{}\"", field.id),
                    format!("id de pregunta repetido \"{}\"", field.id),
                );
            }
            c.field(&fp, field, false);
        }
    }
    // References are checked once every id is known.
    for (si, section) in def.sections.iter().enumerate() {
        if let Some(cond) = &section.visible_when {
            c.condition_target(
                def,
                &format!("sections[{si}].visible_when"),
                cond,
                None,
                None,
            );
        }
        for (fi, field) in section.fields.iter().enumerate() {
            let fp = format!("sections[{si}].fields[{fi}]");
            c.references(def, &fp, field, None);
        }
    }
    c.cycles(def);
    c.errors
}

#[derive(Default)]
struct Checker {
    errors: Vec<DefError>,
    field_paths: HashMap<String, String>,
}

impl Checker {
    fn err(&mut self, path: impl Into<String>, en: impl Into<String>, es: impl Into<String>) {
        self.errors.push(DefError::new(path, en, es));
    }

    fn id(&mut self, path: &str, id: &str) {
        if !is_valid_id(id) {
            self.err(
                path,
                format!("id \"{id}\" must be 1-64 lowercase letters, digits, '_' or '-'"),
                format!(
                    "el id \"{id}\" debe tener de 1 a 64 letras minúsculas, dígitos, '_' o '-'"
                ),
            );
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        for locale in text.missing_languages() {
            self.err(
                format!("{path}.{}", locale.tag()),
                "text is missing in this language",
                "falta el texto en este idioma",
            );
        }
    }

    fn field(&mut self, fp: &str, field: &Field, in_row: bool) {
        self.id(&format!("{fp}.id"), &field.id);
        self.text(&format!("{fp}.label"), &field.label);
        if let Some(help) = &field.help {
            self.text(&format!("{fp}.help"), help);
        }
        if field.required && !field.kind.takes_input() {
            self.err(
                format!("{fp}.required"),
                format!("a {} field cannot be required", field.kind.name()),
                format!(
                    "una pregunta de tipo {} no puede ser obligatoria",
                    field.kind.name()
                ),
            );
        }
        if field.at_a_glance && (in_row || !field.kind.has_single_answer()) {
            let (en, es) = if in_row {
                (
                    "a column cannot be shown at a glance".to_string(),
                    "una columna no se puede mostrar en «Lo más importante»".to_string(),
                )
            } else {
                let kind = field.kind.name();
                (
                    format!("{kind} fields cannot be shown at a glance"),
                    format!(
                        "las preguntas de tipo {kind} no se pueden mostrar en «Lo más importante»"
                    ),
                )
            };
            self.err(format!("{fp}.at_a_glance"), en, es);
        }
        let a_date = matches!(
            field.kind,
            FieldKind::Date { .. }
                | FieldKind::Derived {
                    rule: DerivedRule::AddDays { .. }
                }
        );
        if field.remind && !a_date {
            self.err(
                format!("{fp}.remind"),
                "only a date question can be a reminder".to_string(),
                "solo una pregunta de fecha puede ser un recordatorio".to_string(),
            );
        }
        match &field.kind {
            FieldKind::Number { unit, min, max } => {
                if let Some(unit) = unit {
                    self.text(&format!("{fp}.unit"), unit);
                }
                if let (Some(lo), Some(hi)) = (min, max) {
                    if lo > hi {
                        self.err(
                            format!("{fp}.min"),
                            "min is larger than max",
                            "el mínimo es mayor que el máximo",
                        );
                    }
                }
            }
            FieldKind::Choice { options, other, .. }
            | FieldKind::MultiChoice { options, other } => {
                if options.is_empty() && !other {
                    self.err(
                        format!("{fp}.options"),
                        "a choice needs options",
                        "una pregunta de opciones necesita opciones",
                    );
                }
                let mut seen = HashSet::new();
                for (oi, option) in options.iter().enumerate() {
                    let op = format!("{fp}.options[{oi}]");
                    if option.value.is_empty() || option.value == OTHER {
                        self.err(
                            format!("{op}.value"),
                            "option value is empty or reserved",
                            "el valor de la opción está vacío o reservado",
                        );
                    }
                    if !seen.insert(option.value.as_str()) {
                        self.err(
                            format!("{op}.value"),
                            format!("duplicate option \"{}\"", option.value),
                            format!("opción repetida \"{}\"", option.value),
                        );
                    }
                    self.text(&format!("{op}.label"), &option.label);
                }
            }
            FieldKind::YesNo { describe: Some(d) } => self.text(&format!("{fp}.describe"), d),
            FieldKind::Rating {
                min,
                max,
                low,
                high,
            } => {
                if min >= max || max - min > 10 {
                    self.err(
                        format!("{fp}.max"),
                        "a rating runs from min to max, 2 to 11 steps",
                        "una escala va de min a max, de 2 a 11 pasos",
                    );
                }
                for (name, t) in [("low", low), ("high", high)] {
                    if let Some(t) = t {
                        self.text(&format!("{fp}.{name}"), t);
                    }
                }
            }
            FieldKind::Checklist { items } => {
                let mut seen = HashSet::new();
                for (ii, item) in items.iter().enumerate() {
                    let ip = format!("{fp}.items[{ii}]");
                    self.id(&format!("{ip}.id"), &item.id);
                    if !seen.insert(item.id.as_str()) {
                        self.err(
                            format!("{ip}.id"),
                            format!("duplicate item id \"{}\"", item.id),
                            format!("id de elemento repetido \"{}\"", item.id),
                        );
                    }
                    self.text(&format!("{ip}.label"), &item.label);
                }
                if items.is_empty() {
                    self.err(
                        format!("{fp}.items"),
                        "a checklist needs items",
                        "una lista necesita elementos",
                    );
                }
            }
            FieldKind::Rows {
                columns,
                min_rows,
                max_rows,
                add_label,
                item_label,
                by_month,
            } => {
                if let Some(by) = by_month {
                    self.by_month(&format!("{fp}.by_month"), by, columns);
                }
                if in_row {
                    self.err(
                        format!("{fp}.kind"),
                        "rows cannot hold rows",
                        "una tabla no puede contener otra tabla",
                    );
                    return;
                }
                if columns.is_empty() {
                    self.err(
                        format!("{fp}.columns"),
                        "rows need at least one column",
                        "una tabla necesita por lo menos una columna",
                    );
                }
                if let (Some(lo), Some(hi)) = (min_rows, max_rows) {
                    if lo > hi {
                        self.err(
                            format!("{fp}.min_rows"),
                            "min_rows is larger than max_rows",
                            "min_rows es mayor que max_rows",
                        );
                    }
                }
                if let Some(add) = add_label {
                    self.text(&format!("{fp}.add_label"), add);
                }
                if let Some(item) = item_label {
                    self.text(&format!("{fp}.item_label"), item);
                }
                let mut seen = HashSet::new();
                for (ci, column) in columns.iter().enumerate() {
                    let cp = format!("{fp}.columns[{ci}]");
                    if !seen.insert(column.id.as_str()) {
                        self.err(
                            format!("{cp}.id"),
                            format!("duplicate column id \"{}\"", column.id),
                            format!("id de columna repetido \"{}\"", column.id),
                        );
                    }
                    if matches!(
                        column.kind,
                        FieldKind::Checklist { .. }
                            | FieldKind::Info { .. }
                            | FieldKind::Derived { .. }
                            | FieldKind::Letter { .. }
                    ) {
                        self.err(
                            format!("{cp}.kind"),
                            format!("a {} cannot be a column", column.kind.name()),
                            format!(
                                "una pregunta de tipo {} no puede ser columna",
                                column.kind.name()
                            ),
                        );
                    }
                    self.field(&cp, column, true);
                }
            }
            FieldKind::Info { body, .. } | FieldKind::Letter { body } => {
                self.text(&format!("{fp}.body"), body)
            }
            _ => {}
        }
    }

    /// `by_month` must name a date column and a short-text column of the same rows.
    fn by_month(&mut self, path: &str, by: &ByMonth, columns: &[Field]) {
        self.column(path, "date", columns, &by.date, "date");
        self.column(path, "who", columns, &by.who, "short_text");
    }

    /// Column `id` (named by `path.key`) must be among `columns`, of kind `wanted`.
    fn column(&mut self, path: &str, key: &str, columns: &[Field], id: &str, wanted: &str) {
        match columns.iter().find(|c| c.id == id).map(|c| &c.kind) {
            Some(kind) if kind.name() == wanted => {}
            Some(kind) => self.err(
                format!("{path}.{key}"),
                format!("column \"{id}\" is a {}, not a {wanted}", kind.name()),
                format!(
                    "la columna \"{id}\" es de tipo {}, no {wanted}",
                    kind.name()
                ),
            ),
            None => self.err(
                format!("{path}.{key}"),
                format!("no column \"{id}\" in these rows"),
                format!("no hay una columna \"{id}\" en esta tabla"),
            ),
        }
    }

    fn references(&mut self, def: &FormDef, fp: &str, field: &Field, row: Option<&[Field]>) {
        if let Some(cond) = &field.visible_when {
            self.condition_target(
                def,
                &format!("{fp}.visible_when"),
                cond,
                Some(&field.id),
                row,
            );
        }
        match &field.kind {
            FieldKind::Derived { rule } => self.derived(def, &format!("{fp}.rule"), rule),
            FieldKind::Rows {
                columns, by_month, ..
            } => {
                for (ci, column) in columns.iter().enumerate() {
                    self.references(def, &format!("{fp}.columns[{ci}]"), column, Some(columns));
                }
                if let Some(roster) = by_month.as_ref().and_then(|by| by.roster.as_deref()) {
                    let path = format!("{fp}.by_month.roster");
                    match def.field(roster).map(|f| &f.kind) {
                        Some(FieldKind::LongText {}) => {}
                        Some(kind) => self.err(
                            path,
                            format!(
                                "\"{roster}\" is a {}, not a long_text (one name per line)",
                                kind.name()
                            ),
                            format!(
                                "\"{roster}\" es de tipo {}, no long_text (un nombre por línea)",
                                kind.name()
                            ),
                        ),
                        None => self.err(
                            path,
                            format!("no field \"{roster}\" in this form"),
                            format!("no hay una pregunta \"{roster}\" en este formulario"),
                        ),
                    }
                }
            }
            FieldKind::Letter { body } => {
                for locale in Locale::ALL {
                    self.letter(
                        def,
                        &format!("{fp}.body.{}", locale.tag()),
                        body.get(locale),
                    );
                }
            }
            _ => {}
        }
    }

    /// A derived value's questions must be in the form and of the kinds it reads.
    fn derived(&mut self, def: &FormDef, path: &str, rule: &DerivedRule) {
        match rule {
            DerivedRule::AddDays { from, .. } => {
                self.reads(def, &format!("{path}.from"), from, &["date", "derived"]);
            }
            DerivedRule::TowardGoal(g) => {
                self.reads(def, &format!("{path}.target"), &g.target, &["number"]);
                if let Some(start) = &g.start {
                    self.reads(def, &format!("{path}.start"), start, &["number"]);
                }
                if let Some(unit) = &g.unit {
                    self.reads(def, &format!("{path}.unit"), unit, &["short_text"]);
                }
                if !self.reads(def, &format!("{path}.rows"), &g.rows, &["rows"]) {
                    return;
                }
                let Some(FieldKind::Rows { columns, .. }) = def.field(&g.rows).map(|f| &f.kind)
                else {
                    return;
                };
                self.column(path, "result", columns, &g.result, "number");
                if let Some(date) = &g.date {
                    self.column(path, "date", columns, date, "date");
                }
            }
        }
    }

    /// Whether question `id` is in the form and of one of the `wanted` kinds; says why not.
    fn reads(&mut self, def: &FormDef, path: &str, id: &str, wanted: &[&str]) -> bool {
        match def.field(id).map(|f| &f.kind) {
            Some(kind) if wanted.contains(&kind.name()) => true,
            Some(kind) => {
                self.err(
                    path,
                    format!(
                        "\"{id}\" is a {}, not a {}",
                        kind.name(),
                        wanted.join(" or ")
                    ),
                    format!(
                        "\"{id}\" es de tipo {}, no {}",
                        kind.name(),
                        wanted.join(" o ")
                    ),
                );
                false
            }
            None => {
                self.err(
                    path,
                    format!("no field \"{id}\" in this form"),
                    format!("no hay una pregunta \"{id}\" en este formulario"),
                );
                false
            }
        }
    }

    /// A letter's `{field_id}`s must be closed and name questions with a one-line answer.
    fn letter(&mut self, def: &FormDef, path: &str, body: &str) {
        if let Err(rest) = read_template(body) {
            self.err(
                path,
                format!("\"{{\" is not closed with \"}}\" in \"{rest}\""),
                format!("falta cerrar \"{{\" con \"}}\" en \"{rest}\""),
            );
            return;
        }
        for id in answer_ids(body) {
            match def.field(id) {
                None => self.err(
                    path,
                    format!("no field \"{id}\" in this form"),
                    format!("no hay una pregunta \"{id}\" en este formulario"),
                ),
                Some(f) if !f.kind.has_single_answer() => self.err(
                    path,
                    format!(
                        "\"{id}\" is a {}, which cannot go in a letter",
                        f.kind.name()
                    ),
                    format!(
                        "\"{id}\" es de tipo {}, que no puede ir en una carta",
                        f.kind.name()
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    fn condition_target(
        &mut self,
        def: &FormDef,
        path: &str,
        cond: &Condition,
        own: Option<&str>,
        row: Option<&[Field]>,
    ) {
        let target = cond.field();
        let in_row = row.is_some_and(|cols| cols.iter().any(|c| c.id == target));
        if own == Some(target) {
            self.err(
                format!("{path}.field"),
                "a field cannot depend on itself",
                "una pregunta no puede depender de sí misma",
            );
        } else if !in_row && def.field(target).is_none() {
            self.err(
                format!("{path}.field"),
                format!("condition points at a missing field \"{target}\""),
                format!("la condición apunta a una pregunta que no existe \"{target}\""),
            );
        }
    }

    /// Refuses cycles among top-level conditions and derived values (a shows when b, b when a).
    fn cycles(&mut self, def: &FormDef) {
        let mut edges: HashMap<&str, Vec<&str>> = HashMap::new();
        for section in &def.sections {
            for field in &section.fields {
                let deps = edges.entry(field.id.as_str()).or_default();
                if let Some(c) = &field.visible_when {
                    deps.push(c.field());
                }
                if let Some(c) = &section.visible_when {
                    deps.push(c.field());
                }
                if let FieldKind::Derived { rule } = &field.kind {
                    deps.extend(rule.sources());
                }
            }
        }
        // Iterative depth-first search with colours; reports each cycle once, at its start.
        let mut state: HashMap<&str, u8> = HashMap::new();
        let mut ids: Vec<&str> = edges.keys().copied().collect();
        crate::model::sorting::sort(&mut ids);
        for start in ids {
            if state.contains_key(start) {
                continue;
            }
            let mut stack = vec![(start, 0usize)];
            state.insert(start, 1);
            while let Some((node, next)) = stack.pop() {
                let deps = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
                if let Some(&dep) = deps.get(next) {
                    stack.push((node, next + 1));
                    match state.get(dep) {
                        Some(1) => {
                            let path = self.field_paths.get(node).cloned().unwrap_or_default();
                            self.err(
                                path,
                                format!(
                                    "\"{node}\" and \"{dep}\" depend on each other in a circle"
                                ),
                                format!(
                                    "\"{node}\" y \"{dep}\" dependen una de la otra en círculo"
                                ),
                            );
                        }
                        Some(_) => {}
                        None => {
                            state.insert(dep, 1);
                            stack.push((dep, 0));
                        }
                    }
                } else {
                    state.insert(node, 2);
                }
            }
        }
    }
}
