//! One sort for the whole app. Each `sort_unstable_by` on a new type compiles its own copy of
//! the standard library's sort into the wasm (1–3 KB each; 24 KB for the app's eleven sorts);
//! here every caller shares a single copy that sorts positions, then moves the items once.

use std::cmp::Ordering;

/// Sorts `items` by `compare`. Not stable: give `compare` a full order (a tie-break on an id)
/// wherever equal items could come out in either order.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    reorder(items, order);
}

/// Sorts `items` by a key worked out once per item, for keys that cost something to make
/// (a name folded for sorting allocates).
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    reorder(items, order);
}

/// Puts `items` in the order of `positions` (a permutation of `0..items.len()`).
fn reorder<T>(items: &mut Vec<T>, positions: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(positions.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives them: the one place the standard sort
/// is compiled.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_unstable_by(|&a, &b| compare(a, b));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_order_given_and_keeps_every_item() {
        let mut words = vec!["pear", "fig", "apple", "fig", "kiwi"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "fig", "kiwi", "pear"]);
        let mut owned: Vec<String> = ["b", "c", "a"].map(String::from).to_vec();
        sort_by(&mut owned, |a, b| b.cmp(a));
        assert_eq!(owned, ["c", "b", "a"]);
        let mut names = vec!["Zoe", "ana", "Bea"];
        sort_by_cached_key(&mut names, |n| n.to_lowercase());
        assert_eq!(names, ["ana", "Bea", "Zoe"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    // proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_sort(mut items: Vec<(u8, i16)>) {
            let mut expected = items.clone();
            expected.sort_unstable();
            sort(&mut items);
            proptest::prop_assert_eq!(items, expected);
        }
    }
}
