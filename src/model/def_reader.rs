//! Reads a form definition out of parsed JSON, by hand.
//!
//! Why not `#[derive(Deserialize)]`: a field's kind is a tagged enum flattened into the field,
//! which serde reads by buffering each field into an intermediate tree, and the path tracking
//! that error messages need wraps every step again. Together that was about 100 KB of the
//! app's wasm and a slow read of the shipped forms at every start. Walking the JSON tree
//! directly is small and quick, and every error names its path in both languages.
//!
//! The format read here is the one `Serialize` writes (see `schema.rs`) and the README's
//! authoring guide describes. Unknown properties of a field are ignored (a newer editor may add
//! some); everywhere else they are refused, so a typo names itself.

use serde_json::{Map, Value};

use super::definition::DefError;
use super::goal::GoalSources;
use super::schema::{
    Audience, ByMonth, ChecklistItem, ChildAttr, ChoiceDisplay, ChoiceOption, Condition,
    DerivedRule, Field, FieldKind, FormDef, InfoTone, Section,
};
use super::text::Text;

type Read<T> = Result<T, DefError>;

/// Reads a whole definition; the first problem met is returned with its path.
pub fn read_form(v: &Value) -> Read<FormDef> {
    let o = Obj::new(v, Path::Root)?;
    o.only(&["id", "version", "title", "intro", "audience", "sections"])?;
    Ok(FormDef {
        id: o.string("id")?,
        version: o
            .whole("version", 0, u32::MAX.into())?
            .ok_or_else(|| o.missing("version"))? as u32,
        title: o.text("title")?,
        intro: o.opt_text("intro")?,
        audience: o
            .one_of(
                "audience",
                &[
                    ("families", Audience::Families),
                    ("school", Audience::School),
                ],
            )?
            .unwrap_or_default(),
        sections: o.list("sections", section)?,
    })
}

fn section(v: &Value, path: Path<'_>) -> Read<Section> {
    let o = Obj::new(v, path)?;
    o.only(&["id", "title", "intro", "visible_when", "fields"])?;
    Ok(Section {
        id: o.string("id")?,
        title: o.text("title")?,
        intro: o.opt_text("intro")?,
        visible_when: o.opt("visible_when", condition)?,
        fields: o.list("fields", field)?,
    })
}

fn field(v: &Value, path: Path<'_>) -> Read<Field> {
    let o = Obj::new(v, path)?;
    let kind = match o.string("kind")?.as_str() {
        "short_text" => FieldKind::ShortText {
            autocomplete: o.opt_string("autocomplete")?,
        },
        "long_text" => FieldKind::LongText {},
        "date" => FieldKind::Date {
            not_after_today: o.flag("not_after_today")?,
        },
        "number" => FieldKind::Number {
            unit: o.opt_text("unit")?,
            min: o.number("min")?,
            max: o.number("max")?,
        },
        "email" => FieldKind::Email {},
        "phone" => FieldKind::Phone {},
        "choice" => FieldKind::Choice {
            options: o.list("options", choice_option)?,
            other: o.flag("other")?,
            display: o
                .one_of(
                    "display",
                    &[
                        ("radio", ChoiceDisplay::Radio),
                        ("select", ChoiceDisplay::Select),
                    ],
                )?
                .unwrap_or_default(),
        },
        "multi_choice" => FieldKind::MultiChoice {
            options: o.list("options", choice_option)?,
            other: o.flag("other")?,
        },
        "yes_no" => FieldKind::YesNo {
            describe: o.opt_text("describe")?,
        },
        "rating" => FieldKind::Rating {
            min: o.whole("min", 0, u8::MAX.into())?.unwrap_or(1) as u8,
            max: o.whole("max", 0, u8::MAX.into())?.unwrap_or(5) as u8,
            low: o.opt_text("low")?,
            high: o.opt_text("high")?,
        },
        "checklist" => FieldKind::Checklist {
            items: o.list("items", checklist_item)?,
        },
        "rows" => FieldKind::Rows {
            columns: o.list("columns", field)?,
            min_rows: o.whole("min_rows", 0, u32::MAX.into())?.map(|n| n as u32),
            max_rows: o.whole("max_rows", 0, u32::MAX.into())?.map(|n| n as u32),
            add_label: o.opt_text("add_label")?,
            item_label: o.opt_text("item_label")?,
            by_month: o.opt("by_month", by_month)?,
        },
        "derived" => FieldKind::Derived {
            rule: o.req("rule", derived_rule)?,
        },
        "signature" => FieldKind::Signature {},
        "info" => FieldKind::Info {
            body: o.text("body")?,
            tone: o
                .one_of(
                    "tone",
                    &[("note", InfoTone::Note), ("important", InfoTone::Important)],
                )?
                .unwrap_or_default(),
        },
        "letter" => FieldKind::Letter {
            body: o.text("body")?,
        },
        other => return Err(o.unknown_value("kind", other, &super::schema::KIND_NAMES)),
    };
    Ok(Field {
        id: o.string("id")?,
        label: o.text("label")?,
        help: o.opt_text("help")?,
        required: o.flag("required")?,
        visible_when: o.opt("visible_when", condition)?,
        prefill: o.one_of(
            "prefill",
            &[
                ("name", ChildAttr::Name),
                ("preferred_name", ChildAttr::PreferredName),
                ("birth_date", ChildAttr::BirthDate),
                ("grade", ChildAttr::Grade),
                ("school", ChildAttr::School),
            ],
        )?,
        at_a_glance: o.flag("at_a_glance")?,
        remind: o.flag("remind")?,
        kind,
    })
}

fn choice_option(v: &Value, path: Path<'_>) -> Read<ChoiceOption> {
    let o = Obj::new(v, path)?;
    o.only(&["value", "label"])?;
    Ok(ChoiceOption {
        value: o.string("value")?,
        label: o.text("label")?,
    })
}

fn checklist_item(v: &Value, path: Path<'_>) -> Read<ChecklistItem> {
    let o = Obj::new(v, path)?;
    o.only(&["id", "label"])?;
    Ok(ChecklistItem {
        id: o.string("id")?,
        label: o.text("label")?,
    })
}

fn by_month(v: &Value, path: Path<'_>) -> Read<ByMonth> {
    let o = Obj::new(v, path)?;
    o.only(&["date", "who", "roster"])?;
    Ok(ByMonth {
        date: o.string("date")?,
        who: o.string("who")?,
        roster: o.opt_string("roster")?,
    })
}

fn derived_rule(v: &Value, path: Path<'_>) -> Read<DerivedRule> {
    let o = Obj::new(v, path)?;
    match o.string("op")?.as_str() {
        "add_days" => {
            o.only(&["op", "from", "days"])?;
            Ok(DerivedRule::AddDays {
                from: o.string("from")?,
                days: o
                    .whole("days", i64::MIN, i64::MAX)?
                    .ok_or_else(|| o.missing("days"))?,
            })
        }
        "toward_goal" => {
            o.only(&["op", "target", "start", "unit", "rows", "result", "date"])?;
            Ok(DerivedRule::TowardGoal(GoalSources {
                target: o.string("target")?,
                start: o.opt_string("start")?,
                unit: o.opt_string("unit")?,
                rows: o.string("rows")?,
                result: o.string("result")?,
                date: o.opt_string("date")?,
            }))
        }
        other => Err(o.unknown_value("op", other, &["add_days", "toward_goal"])),
    }
}

fn condition(v: &Value, path: Path<'_>) -> Read<Condition> {
    let o = Obj::new(v, path)?;
    let op = o.string("op")?;
    let one_value = ["op", "field", "value"];
    let field_only = ["op", "field"];
    let cond = match op.as_str() {
        "equals" => {
            o.only(&one_value)?;
            Condition::Equals {
                field: o.string("field")?,
                value: o.string("value")?,
            }
        }
        "not_equals" => {
            o.only(&one_value)?;
            Condition::NotEquals {
                field: o.string("field")?,
                value: o.string("value")?,
            }
        }
        "any_of" => {
            o.only(&["op", "field", "values"])?;
            Condition::AnyOf {
                field: o.string("field")?,
                values: o.list("values", as_string)?,
            }
        }
        "answered" => {
            o.only(&field_only)?;
            Condition::Answered {
                field: o.string("field")?,
            }
        }
        "yes" => {
            o.only(&field_only)?;
            Condition::Yes {
                field: o.string("field")?,
            }
        }
        other => {
            return Err(o.unknown_value(
                "op",
                other,
                &["equals", "not_equals", "any_of", "answered", "yes"],
            ))
        }
    };
    Ok(cond)
}

/// `{ "en": …, "es": … }`; other languages a file may carry are ignored.
fn text(v: &Value, path: Path<'_>) -> Read<Text> {
    let o = Obj::new(v, path)?;
    Ok(Text {
        en: o.string("en")?,
        es: o.string("es")?,
    })
}

fn as_string(v: &Value, path: Path<'_>) -> Read<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| wrong_type(path, "text in quotes", "un texto entre comillas"))
}

fn wrong_type(path: Path<'_>, en: &str, es: &str) -> DefError {
    DefError::new(
        path.to_string(),
        format!("should be {en}"),
        format!("debería ser {es}"),
    )
}

/// Where a value is: built up as reading goes down, and written out only for an error
/// (formatting a path for every value read cost more than reading the values).
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match *self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A JSON object being read, with the path that names it in messages.
struct Obj<'a, 'p> {
    map: &'a Map<String, Value>,
    path: Path<'p>,
}

impl<'a, 'p> Obj<'a, 'p> {
    fn new(v: &'a Value, path: Path<'p>) -> Read<Self> {
        match v.as_object() {
            Some(map) => Ok(Obj { map, path }),
            None => Err(wrong_type(path, "an object { … }", "un objeto { … }")),
        }
    }

    /// Where `key` of this object is, for messages.
    fn at<'s>(&'s self, key: &'s str) -> Path<'s> {
        Path::Key(&self.path, key)
    }

    /// Refuses a property not in `known`.
    fn only(&self, known: &[&str]) -> Read<()> {
        match self.map.keys().find(|k| !known.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) => Err(DefError::new(
                self.at(k).to_string(),
                format!("unknown property \"{k}\" (known: {})", known.join(", ")),
                format!(
                    "propiedad desconocida \"{k}\" (válidas: {})",
                    known.join(", ")
                ),
            )),
        }
    }

    fn missing(&self, key: &str) -> DefError {
        DefError::new(
            self.at(key).to_string(),
            "is required but missing",
            "es obligatorio y falta",
        )
    }

    fn unknown_value(&self, key: &str, value: &str, known: &[&str]) -> DefError {
        DefError::new(
            self.at(key).to_string(),
            format!("unknown value \"{value}\" (known: {})", known.join(", ")),
            format!(
                "valor desconocido \"{value}\" (válidos: {})",
                known.join(", ")
            ),
        )
    }

    /// The value of `key`; `null` counts as absent, as it did for serde's `Option`.
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn opt<T>(&self, key: &str, read: impl Fn(&'a Value, Path<'_>) -> Read<T>) -> Read<Option<T>> {
        self.get(key).map(|v| read(v, self.at(key))).transpose()
    }

    fn req<T>(&self, key: &str, read: impl Fn(&'a Value, Path<'_>) -> Read<T>) -> Read<T> {
        self.opt(key, read)?.ok_or_else(|| self.missing(key))
    }

    fn string(&self, key: &str) -> Read<String> {
        self.req(key, as_string)
    }

    fn opt_string(&self, key: &str) -> Read<Option<String>> {
        self.opt(key, as_string)
    }

    fn text(&self, key: &str) -> Read<Text> {
        self.req(key, text)
    }

    fn opt_text(&self, key: &str) -> Read<Option<Text>> {
        self.opt(key, text)
    }

    /// A list under `key`, each item read with its index in the path.
    fn list<T>(
        &self,
        key: &str,
        mut item: impl FnMut(&'a Value, Path<'_>) -> Read<T>,
    ) -> Read<Vec<T>> {
        let path = self.at(key);
        let Some(v) = self.get(key) else {
            return Err(self.missing(key));
        };
        let Some(items) = v.as_array() else {
            return Err(wrong_type(path, "a list [ … ]", "una lista [ … ]"));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, v)| item(v, Path::Index(&path, i)))
            .collect()
    }

    /// `true` or `false`, absent meaning `false`.
    fn flag(&self, key: &str) -> Read<bool> {
        self.opt(key, |v, path| {
            v.as_bool()
                .ok_or_else(|| wrong_type(path, "true or false", "true o false"))
        })
        .map(Option::unwrap_or_default)
    }

    fn number(&self, key: &str) -> Read<Option<f64>> {
        self.opt(key, |v, path| {
            v.as_f64()
                .ok_or_else(|| wrong_type(path, "a number", "un número"))
        })
    }

    /// A whole number from `lo` to `hi`.
    fn whole(&self, key: &str, lo: i64, hi: i64) -> Read<Option<i64>> {
        self.opt(key, |v, path| {
            v.as_i64().filter(|n| (lo..=hi).contains(n)).ok_or_else(|| {
                if lo == i64::MIN {
                    wrong_type(path, "a whole number", "un número entero")
                } else {
                    wrong_type(
                        path,
                        &format!("a whole number from {lo} to {hi}"),
                        &format!("un número entero de {lo} a {hi}"),
                    )
                }
            })
        })
    }

    /// One of the named values, for a setting with a few choices.
    fn one_of<T: Copy>(&self, key: &str, named: &[(&str, T)]) -> Read<Option<T>> {
        self.opt(key, |v, path| {
            let s = as_string(v, path)?;
            named
                .iter()
                .find(|(name, _)| *name == s)
                .map(|(_, value)| *value)
                .ok_or_else(|| {
                    let names: Vec<&str> = named.iter().map(|(n, _)| *n).collect();
                    self.unknown_value(key, &s, &names)
                })
        })
    }
}
