//! A long section drawn a batch of fields at a time: its first questions at once, the rest in
//! short tasks after, so the page takes a tap or a key in between.

use leptos::prelude::*;

/// How many fields of a section are drawn in the first frame. The shipped forms' sections are
/// this short, but for one of PPT prep (10), whose last two follow right after the first paint;
/// a long section from a school's own form shows its first questions at once and the rest in a
/// few short tasks after.
const FIRST_BATCH: usize = 8;

/// The fields drawn in each step, as index ranges: 8 (a phone screenful), then 16, 32, …
/// (twice as many each time, so 300 fields take 6 steps).
pub fn batches(fields: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, FIRST_BATCH);
    while start < fields {
        let end = fields.min(start + size);
        out.push(start..end);
        start = end;
        size *= 2;
    }
    out
}

/// Draws the remaining batches once the first screenful has been painted, each in its own
/// task so a tap or a key can come in between. Only the first waits for a paint: waiting for
/// a frame before every batch left the page idle between them (on the benchmark, 300 fields
/// took 472 ms to draw that way and about 360 ms this way). Stops by itself when the section
/// is left (its `drawn` signal is gone).
pub(super) fn draw_rest_after_paint(drawn: RwSignal<usize>, count: usize) {
    request_animation_frame(move || draw_next_batch(drawn, count));
}

/// One more batch in a task of its own, then the next, until all `count` are drawn.
fn draw_next_batch(drawn: RwSignal<usize>, count: usize) {
    set_timeout(
        move || {
            let more = drawn.try_update(|d| {
                *d += 1;
                *d < count
            });
            if more == Some(true) {
                draw_next_batch(drawn, count);
            }
        },
        std::time::Duration::ZERO,
    )
}
