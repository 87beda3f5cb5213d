//! How much of the browser's room for saved data is taken. Everything is kept in localStorage,
//! which has a fixed limit per site, apart from the quota `navigator.storage.estimate()` reports
//! (that counts the app's offline copy, not the forms: in Chrome it said "1.3 MB of 10.7 GB"
//! whatever the forms held). So the app counts for itself, as the browsers count.

use crate::storage::{keys, KeyValueStore};

/// Chrome's and Firefox's limit: 5 MiB of characters (Chrome counts 10 MiB of UTF-16), keys
/// and values together, in UTF-16 code units as JavaScript counts a string's length.
const LIMIT_UNITS: usize = 5 * 1024 * 1024;

/// Safari's (every iPhone browser's) limit: 5 MiB of bytes, two per UTF-16 code unit when the
/// text has any character beyond Latin-1, as saved answers usually do (curly quotes, dashes).
const WEBKIT_LIMIT_UNITS: usize = LIMIT_UNITS / 2;

/// From this share of the room taken by what does not give way (in %), Settings says room is
/// running out.
pub const RUNNING_OUT_PERCENT: u32 = 75;

/// The room the browser has for this site's saved data, in UTF-16 code units.
pub fn room_limit(webkit: bool) -> usize {
    if webkit {
        WEBKIT_LIMIT_UNITS
    } else {
        LIMIT_UNITS
    }
}

/// The room the store's entries take, keys and values, in UTF-16 code units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoomTaken {
    /// Everything but earlier versions: children, documents, forms, settings, anything else
    /// on this site.
    pub kept: usize,
    /// Earlier versions of documents, which give way when a save finds the room full
    /// (`documents::save_document`).
    pub versions: usize,
}

/// The room every entry of the store takes. Entries that cannot be read are not counted.
pub fn room_taken(store: &dyn KeyValueStore) -> RoomTaken {
    let utf16 = |s: &str| s.chars().map(char::len_utf16).sum::<usize>();
    let mut taken = RoomTaken::default();
    for key in store.keys_with_prefix("").unwrap_or_default() {
        let size = utf16(&key) + store.get(&key).ok().flatten().map_or(0, |v| utf16(&v));
        if key.starts_with(keys::HISTORY_PREFIX) {
            taken.versions += size;
        } else {
            taken.kept += size;
        }
    }
    taken
}

/// `used` as a whole percentage of `limit`, rounded up so that anything saved shows as at
/// least 1%, and at most 100.
pub fn percent_of_room(used: usize, limit: usize) -> u32 {
    if used == 0 || limit == 0 {
        return 0;
    }
    let percent = (used * 100).div_ceil(limit);
    percent.min(100) as u32
}
