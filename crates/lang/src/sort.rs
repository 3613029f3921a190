//! A small stable sort for every crate of the project, to keep the page's wasm small.
//!
//! `slice::sort_by` is fast, but its code is instantiated for every element
//! type and comparator: about 3 to 7 KB of wasm each, 100 KB for the 29
//! call sites in lang, sim and web. This sort orders *indices* with one
//! non-generic merge sort (called through `&mut dyn FnMut`), then moves the
//! elements into place, so each call site adds only a few hundred bytes.
//! It is stable and O(n log n); natives like `sort.Ints` use it on user data.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by the key `f` extracts.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` stably in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Runs shorter than this are sorted by insertion first.
const RUN: usize = 16;

/// The indices `0..n` in the order `cmp` sorts them, stably (a bottom-up
/// merge sort over insertion-sorted runs).
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right only when strictly smaller: stable.
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Moves `v[order[i]]` to position `i`, following the permutation's cycles.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..v.len() {
        // Position `i` takes the element at `order[i]`; chase the cycle.
        let mut cur = i;
        while order[cur] != i {
            let next = order[cur];
            v.swap(cur, next);
            order[cur] = cur;
            cur = next;
        }
        order[cur] = cur;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_std_and_is_stable(mut v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut want = v.clone();
            want.sort_by_key(|e| e.0);
            sort_by_key(&mut v, |e| e.0);
            prop_assert_eq!(v, want);
        }
    }

    #[test]
    fn edge_cases() {
        let mut e: Vec<i32> = vec![];
        sort(&mut e);
        assert!(e.is_empty());
        let mut v = vec![3, 1, 2];
        sort(&mut v);
        assert_eq!(v, [1, 2, 3]);
        let mut r: Vec<u32> = (0..1000).rev().collect();
        sort(&mut r);
        assert!(r.windows(2).all(|w| w[0] < w[1]));
        let mut s = vec!["b".to_string(), "a".into(), "c".into()];
        sort_by(&mut s, |a, b| b.cmp(a));
        assert_eq!(s, ["c", "b", "a"]);
    }
}
