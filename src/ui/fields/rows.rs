//! Repeating rows: one card per row (a table row on paper), with add, remove and reorder.
//! Focus follows the person's action (into a new row, along with a moved one), and a removed
//! row with answers in it can be brought back with "Undo", since a stray tap on a phone is easy.

use crate::ui::translate::{tr, tr_in};
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::logic::is_cell_visible;
use crate::model::route::escape;
use crate::model::schema::{Field, FieldKind};
use crate::model::values::{next_row_id, Answer, Row};
use crate::ui::context::use_locale;
use crate::ui::field::{localized, ErrorText, FieldCtx, HelpText, LabelText};
use crate::ui::fields::log_by_month::LogByMonth;
use crate::ui::fields::FieldView;
use crate::web;

fn rows_of(answer: Option<&Answer>) -> Vec<Row> {
    match answer {
        Some(Answer::Rows { rows }) => rows.clone(),
        _ => Vec::new(),
    }
}

#[component]
pub fn RowsField(ctx: FieldCtx) -> impl IntoView {
    let (columns, min_rows, max_rows, add_label, by_month) = match &ctx.field.kind {
        FieldKind::Rows {
            columns,
            min_rows,
            max_rows,
            add_label,
            by_month,
            ..
        } => (
            columns.clone(),
            min_rows.unwrap_or(0),
            *max_rows,
            add_label.clone(),
            by_month.clone(),
        ),
        _ => (Vec::new(), 0, None, None, None),
    };
    let columns: Arc<Vec<Arc<Field>>> = Arc::new(columns.into_iter().map(Arc::new).collect());
    let value = ctx.value;
    let set = ctx.set;
    let locale = use_locale();
    let rows = Memo::new(move |_| value.with(|v| rows_of(v.as_ref())));
    let save = move |rows: Vec<Row>| set.run(Answer::Rows { rows });
    // The last row removed with answers in it, and where it was, until "Undo" or the next change.
    let removed: RwSignal<Option<(usize, Row)>> = RwSignal::new(None);
    let undo_id = format!("{}-undo", ctx.dom_id);
    let add_id = format!("{}-add", ctx.dom_id);
    let dom_id = ctx.dom_id.clone();
    // Row ids come from files too: escaped, an edited one cannot make an element id of two.
    let card_id = move |row_id: &str| format!("{dom_id}-{}", escape(row_id));
    // Focus moves once the rows are drawn again, unless the person has gone on from `origin`.
    let focus_later = |origin: String, id: String, first_control: bool| {
        request_animation_frame(move || {
            if web::focus_still_on(&origin) {
                if first_control {
                    web::focus_first_control_in(&id);
                } else {
                    web::focus_in_place(&id);
                }
            }
        })
    };
    let add = {
        let (card_id, origin) = (card_id.clone(), add_id.clone());
        move |_| {
            removed.set(None);
            let mut all = rows.get_untracked();
            let id = next_row_id(&all);
            let card = card_id(&id);
            all.push(Row {
                id,
                ..Row::default()
            });
            save(all);
            focus_later(origin.clone(), card, true);
        }
    };
    let undo = {
        let (card_id, origin) = (card_id.clone(), undo_id.clone());
        move |_| {
            let Some((at, row)) = removed.get_untracked() else {
                return;
            };
            removed.set(None);
            let mut all = rows.get_untracked();
            let card = card_id(&row.id);
            all.insert(at.min(all.len()), row);
            save(all);
            focus_later(origin.clone(), card, true);
        }
    };
    // Where focus goes after a remove: "Undo", or "Add" when there is nothing to undo.
    let after_remove = (undo_id.clone(), add_id.clone());
    let can_add = move || max_rows.is_none_or(|m| rows.with(|r| (r.len() as u32) < m));
    let add_text = add_label.map(localized);
    let row_ids =
        Memo::new(move |_| rows.with(|r| r.iter().map(|row| row.id.clone()).collect::<Vec<_>>()));
    let outer = ctx.clone();
    let by_month = by_month.map(|by| {
        let (row_label, dom_id) = (ctx.field.label.clone(), ctx.dom_id.clone());
        let (answers, roster_id) = (ctx.answers, by.roster.clone());
        // A memo: typing elsewhere in the form does not redraw the month's lists.
        let roster = Memo::new(move |_| {
            roster_id.as_deref().map_or_else(String::new, |id| {
                answers.with(|a| {
                    a.get(id)
                        .map(|v| v.as_text().to_string())
                        .unwrap_or_default()
                })
            })
        });
        view! { <LogByMonth rows by roster=roster.into() row_label dom_id/> }
    });
    view! {
        <fieldset class="field rows" id=ctx.dom_id.clone() aria-describedby=ctx.described_by()>
            <legend><LabelText ctx=ctx.clone()/></legend>
            <HelpText ctx=ctx.clone()/>
            {move || (rows.with(Vec::is_empty)).then(|| view! {
                <p class="rows-empty">{tr!(nothing_added_yet)}</p>
            })}
            <ol class="row-cards">
                <For each=move || row_ids.get() key=|id| id.clone() let:row_id>
                    {
                        let ctx = outer.clone();
                        let columns = columns.clone();
                        let card = card_id(&row_id);
                        let (up_id, down_id) = (format!("{card}-up"), format!("{card}-down"));
                        let remove_id = format!("{card}-remove");
                        let index = {
                            let row_id = row_id.clone();
                            Memo::new(move |_| rows.with(|r| r.iter().position(|x| x.id == row_id).unwrap_or(0)))
                        };
                        let move_by = {
                            let (row_id, up_id, down_id) = (row_id.clone(), up_id.clone(), down_id.clone());
                            move |delta: isize| {
                                let mut all = rows.get_untracked();
                                let Some(i) = all.iter().position(|x| x.id == row_id) else { return };
                                let j = i as isize + delta;
                                if j >= 0 && (j as usize) < all.len() {
                                    let last = all.len() - 1;
                                    all.swap(i, j as usize);
                                    save(all);
                                    // Focus stays on the moved row: on the same arrow, or on the
                                    // other one once the row reaches the top or the bottom.
                                    let at_end = j == 0 || j as usize == last;
                                    let same = if delta < 0 { &up_id } else { &down_id };
                                    let other = if delta < 0 { &down_id } else { &up_id };
                                    focus_later(same.clone(), if at_end { other } else { same }.clone(), false);
                                }
                            }
                        };
                        let remove = {
                            let (row_id, (undo_id, add_id), origin) = (row_id.clone(), after_remove.clone(), remove_id.clone());
                            move |_| {
                                let mut all = rows.get_untracked();
                                let Some(i) = all.iter().position(|x| x.id == row_id) else { return };
                                let row = all.remove(i);
                                let kept = row.has_answers().then_some((i, row));
                                let target = if kept.is_some() { undo_id.clone() } else { add_id.clone() };
                                removed.set(kept);
                                save(all);
                                focus_later(origin.clone(), target, false);
                            }
                        };
                        // "Person 2", in the card's title and in its buttons' names ("Remove
                        // Person 2"): a screen reader on a button hears which row it acts on.
                        let title = {
                            let field = ctx.field.clone();
                            move || field.row_title(index.get(), locale.get())
                        };
                        let heading = title.clone();
                        let heading_id = format!("{card}-title");
                        let heading_for = heading_id.clone();
                        let cells = columns.iter().map(|column| cell_view(&ctx, &row_id, column.clone(), index)).collect_view();
                        view! {
                            <li class="row-card" id=card aria-labelledby=heading_for>
                                <h3 class="row-title" id=heading_id>{heading}</h3>
                                {cells}
                                <div class="row-actions">
                                    <button type="button" class="secondary" id=up_id
                                        aria-label={ let t = title.clone(); move || format!("{} {}", tr_in!(locale.get(), move_up), t()) }
                                        disabled=move || index.get() == 0
                                        on:click={ let m = move_by.clone(); move |_| m(-1) }>"↑"</button>
                                    <button type="button" class="secondary" id=down_id
                                        aria-label={ let t = title.clone(); move || format!("{} {}", tr_in!(locale.get(), move_down), t()) }
                                        disabled=move || { index.get() + 1 >= rows.with(Vec::len) }
                                        on:click=move |_| move_by(1)>"↓"</button>
                                    <button type="button" class="danger" id=remove_id
                                        aria-label=move || format!("{} {}", tr_in!(locale.get(), remove), title())
                                        on:click=remove>{tr!(remove)}</button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ol>
            <div role="status" class="rows-undo">
                {move || removed.with(|r| r.is_some()).then(|| view! {
                    <p class="banner banner-info">
                        {move || tr_in!(locale.get(), row_removed)}" "
                        <button type="button" class="secondary" id=undo_id.clone() on:click=undo.clone()>{tr!(undo)}</button>
                    </p>
                })}
            </div>
            <button type="button" class="add-row" id=add_id on:click=add disabled=move || !can_add()>
                {move || add_text.as_ref().map_or_else(|| tr_in!(locale.get(), add_a_row).to_string(), |t| t())}
            </button>
            {move || (min_rows > 0).then(|| view! {
                <p class="help">{move || tr_in!(locale.get(), add_at_least, n = min_rows)}</p>
            })}
            <ErrorText ctx=ctx.clone()/>
        </fieldset>
        {by_month}
    }
}

/// One cell of one row, drawn by the same component its column kind uses on its own.
fn cell_view(
    ctx: &FieldCtx,
    row_id: &str,
    column: Arc<Field>,
    index: Memo<usize>,
) -> impl IntoView {
    let value = ctx.value;
    let set = ctx.set;
    let (r1, r2, r3) = (row_id.to_string(), row_id.to_string(), row_id.to_string());
    let (c1, c2, c3) = (column.id.clone(), column.id.clone(), column.id.clone());
    let cell_value = Memo::new(move |_| {
        value.with(|v| {
            rows_of(v.as_ref())
                .into_iter()
                .find(|r| r.id == r1)
                .and_then(|r| r.cells.get(&c1).cloned())
        })
    });
    let cell_set = Callback::new(move |answer: Answer| {
        let mut all = rows_of(value.get_untracked().as_ref());
        if let Some(row) = all.iter_mut().find(|r| r.id == r2) {
            row.cells.set(c2.clone(), answer);
        }
        set.run(Answer::Rows { rows: all });
    });
    let problems = ctx.problems;
    let cell_problems = Signal::derive(move || {
        let i = index.get();
        problems.with(|p| {
            p.iter()
                .filter(|(cell, _)| {
                    cell.as_ref()
                        .is_some_and(|(ri, col)| *ri == i && *col == c3)
                })
                .map(|(_, m)| (None, m.clone()))
                .collect::<Vec<_>>()
        })
    });
    let def = ctx.def.clone();
    let answers = ctx.answers;
    let visible_column = column.clone();
    let visible = Memo::new(move |_| {
        let row = rows_of(value.get().as_ref())
            .into_iter()
            .find(|r| r.id == r3)
            .unwrap_or_default();
        answers.with(|a| is_cell_visible(&def, a, &row.cells, &visible_column))
    });
    let cell_ctx = FieldCtx {
        field: column.clone(),
        dom_id: format!("{}-{}-{}", ctx.dom_id, escape(row_id), column.id),
        value: cell_value.into(),
        set: cell_set,
        problems: cell_problems,
        touch: ctx.touch,
        def: ctx.def.clone(),
        answers: ctx.answers,
    };
    move || {
        visible
            .get()
            .then(|| view! { <FieldView ctx=cell_ctx.clone()/> })
    }
}
