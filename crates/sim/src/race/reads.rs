//! The reads a shadow cell remembers since its last write: a short list while few goroutines
//! read it, a map by goroutine when many do, so each read stays cheap.
//!
//! With a handful of readers, a read drops the earlier reads that happen
//! before it (they can no longer be the only witness of a race), keeping the
//! list short. When thousands of goroutines read one variable concurrently
//! (a captured `done` channel, a shared config), none is ordered before the
//! others and that filtering would cost O(readers) per read; past
//! [`MANY_READERS`] the cell switches to one entry per goroutine, replaced in
//! O(log n). Keeping reads that happen before a later read is harmless: a
//! race is only ever reported against an access that really is unordered.

use std::collections::BTreeMap;

use super::Access;
use crate::ids::GoId;

/// Readers beyond which a cell stops filtering and keys reads by goroutine.
const MANY_READERS: usize = 32;

#[derive(Clone, Debug)]
pub(super) enum Reads {
    Few(Vec<Access>),
    Many(BTreeMap<GoId, Access>),
}

impl Default for Reads {
    fn default() -> Reads {
        Reads::Few(Vec::new())
    }
}

impl Reads {
    /// The remembered reads, in a deterministic order.
    pub(super) fn iter(&self) -> Box<dyn Iterator<Item = &Access> + '_> {
        match self {
            Reads::Few(v) => Box::new(v.iter()),
            Reads::Many(m) => Box::new(m.values()),
        }
    }

    /// Forgets every read, calling `dropped` for each (on a write).
    pub(super) fn clear(&mut self, mut dropped: impl FnMut(GoId)) {
        for r in std::mem::take(self).into_vec() {
            dropped(r.g);
        }
    }

    fn into_vec(self) -> Vec<Access> {
        match self {
            Reads::Few(v) => v,
            Reads::Many(m) => m.into_values().collect(),
        }
    }

    /// Records read `cur`. `before(r)` says whether read `r` happens before
    /// it; `dropped` is called for each read forgotten.
    pub(super) fn record(
        &mut self,
        cur: Access,
        before: impl Fn(&Access) -> bool,
        mut dropped: impl FnMut(GoId),
    ) {
        match self {
            Reads::Few(v) => {
                v.retain(|r| {
                    let keep = r.g != cur.g && !before(r);
                    if !keep {
                        dropped(r.g);
                    }
                    keep
                });
                v.push(cur);
                if v.len() > MANY_READERS {
                    let m = std::mem::take(v).into_iter().map(|r| (r.g, r)).collect();
                    *self = Reads::Many(m);
                }
            }
            Reads::Many(m) => {
                if let Some(old) = m.insert(cur.g, cur) {
                    dropped(old.g);
                }
            }
        }
    }
}
