//! Package unicode: rune classes and case mappings exactly as Go 1.23 computes them (from the
//! tables in `unicode_tables.rs`), for the unicode natives and for strings and strconv.

use std::collections::BTreeMap;

use crate::interp::R;
use crate::machine::Machine;
use crate::natives::unicode_tables as t;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("unicode.IsDigit", |m, c| class(m, c, is_digit));
    r.insert("unicode.IsLetter", |m, c| class(m, c, is_letter));
    r.insert("unicode.IsLower", |m, c| class(m, c, is_lower));
    r.insert("unicode.IsPunct", |m, c| class(m, c, is_punct));
    r.insert("unicode.IsSpace", |m, c| class(m, c, is_space));
    r.insert("unicode.IsUpper", |m, c| class(m, c, is_upper));
    r.insert("unicode.ToLower", |m, c| map(m, c, to_lower));
    r.insert("unicode.ToUpper", |m, c| map(m, c, to_upper));
}

fn class(m: &mut Machine, c: &mut NativeCall, f: fn(i64) -> bool) -> R<NRet> {
    let r = m.arg(c, 0).as_int();
    m.ret_val(c, 0, Value::Bool(f(r)));
    Ok(NRet::Done)
}

fn map(m: &mut Machine, c: &mut NativeCall, f: fn(i64) -> i64) -> R<NRet> {
    let r = m.arg(c, 0).as_int();
    m.ret_val(c, 0, Value::Int(f(r)));
    Ok(NRet::Done)
}

/// `unicode.MaxRune`.
pub(crate) const MAX_RUNE: i64 = 0x10FFFF;

/// Whether `r` is in a `(lo, hi, stride)` table.
fn in_table(table: &[(u32, u32, u32)], r: i64) -> bool {
    let Ok(r) = u32::try_from(r) else {
        return false;
    };
    let i = table.partition_point(|&(_, hi, _)| hi < r);
    match table.get(i) {
        Some(&(lo, _, stride)) => lo <= r && (r - lo) % stride.max(1) == 0,
        None => false,
    }
}

pub(crate) fn is_letter(r: i64) -> bool {
    in_table(t::LETTER, r)
}

pub(crate) fn is_upper(r: i64) -> bool {
    in_table(t::UPPER, r)
}

pub(crate) fn is_lower(r: i64) -> bool {
    in_table(t::LOWER, r)
}

pub(crate) fn is_digit(r: i64) -> bool {
    in_table(t::DIGIT, r)
}

pub(crate) fn is_punct(r: i64) -> bool {
    in_table(t::PUNCT, r)
}

/// `unicode.IsPrint` (also `strconv.IsPrint`): L, M, N, P, S and U+0020.
pub(crate) fn is_print(r: i64) -> bool {
    in_table(t::PRINT, r)
}

/// `unicode.IsSpace`: the Latin-1 spaces, then the White_Space property.
pub(crate) fn is_space(r: i64) -> bool {
    match r {
        0x09..=0x0D | 0x20 | 0x85 | 0xA0 => true,
        0..=0xFF => false,
        0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => true,
        _ => false,
    }
}

/// `unicode.UpperCase`, `LowerCase`, `TitleCase`: indexes of a case delta.
#[derive(Clone, Copy)]
enum Case {
    Upper = 0,
    Lower = 1,
    Title = 2,
}

/// unicode.to: maps `r` through `CaseRanges`.
fn to(case: Case, r: i64) -> i64 {
    let Ok(u) = u32::try_from(r) else {
        return r;
    };
    let i = t::CASE_RANGES.partition_point(|&(_, hi, _)| hi < u);
    match t::CASE_RANGES.get(i) {
        Some(&(lo, _, deltas)) if lo <= u => {
            let delta = deltas[case as usize];
            if delta == t::UPPER_LOWER {
                // Alternating upper/lower pairs: even offsets are upper case.
                let lo = i64::from(lo);
                lo + (((r - lo) & !1) | (case as i64 & 1))
            } else {
                r + i64::from(delta)
            }
        }
        _ => r,
    }
}

pub(crate) fn to_upper(r: i64) -> i64 {
    to(Case::Upper, r)
}

pub(crate) fn to_lower(r: i64) -> i64 {
    to(Case::Lower, r)
}

pub(crate) fn to_title(r: i64) -> i64 {
    to(Case::Title, r)
}

/// `unicode.SimpleFold`: the next rune of `r`'s case-folding orbit.
pub(crate) fn simple_fold(r: i64) -> i64 {
    if !(0..=MAX_RUNE).contains(&r) {
        return r;
    }
    if let Ok(i) = t::CASE_ORBIT.binary_search_by_key(&(r as u32), |&(from, _)| from) {
        return i64::from(t::CASE_ORBIT[i].1);
    }
    let l = to_lower(r);
    if l != r {
        return l;
    }
    to_upper(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: rune, then what Go 1.23 says for IsLetter, IsUpper, IsLower,
    /// IsDigit, IsPunct, IsSpace, IsPrint, ToUpper, ToLower, ToTitle, SimpleFold.
    #[test]
    fn runes_classify_and_map_like_go() {
        #[rustfmt::skip]
        let rows: &[(i64, [bool; 7], [i64; 4])] = &[
            ('a' as i64, [true, false, true, false, false, false, true], ['A' as i64, 'a' as i64, 'A' as i64, 'A' as i64]),
            ('Z' as i64, [true, true, false, false, false, false, true], ['Z' as i64, 'z' as i64, 'Z' as i64, 'z' as i64]),
            ('5' as i64, [false, false, false, true, false, false, true], ['5' as i64; 4]),
            ('$' as i64, [false, false, false, false, false, false, true], ['$' as i64; 4]),
            ('_' as i64, [false, false, false, false, true, false, true], ['_' as i64; 4]),
            (0xAA, [true, false, false, false, false, false, true], [0xAA; 4]),
            (0xDF, [true, false, true, false, false, false, true], [0xDF, 0xDF, 0xDF, 0x1E9E]),
            (0x130, [true, true, false, false, false, false, true], [0x130, 0x69, 0x130, 0x130]),
            (0x131, [true, false, true, false, false, false, true], [0x49, 0x131, 0x49, 0x131]),
            (0x1C6, [true, false, true, false, false, false, true], [0x1C4, 0x1C6, 0x1C5, 0x1C4]),
            ('k' as i64, [true, false, true, false, false, false, true], ['K' as i64, 'k' as i64, 'K' as i64, 0x212A]),
            (0x85, [false, false, false, false, false, true, false], [0x85; 4]),
            (0xA0, [false, false, false, false, false, true, false], [0xA0; 4]),
            (0x200B, [false, false, false, false, false, false, false], [0x200B; 4]),
            (0x3000, [false, false, false, false, false, true, false], [0x3000; 4]),
            (0x0663, [false, false, false, true, false, false, true], [0x0663; 4]),
            (0x00BF, [false, false, false, false, true, false, true], [0x00BF; 4]),
            (0x0100, [true, true, false, false, false, false, true], [0x100, 0x101, 0x100, 0x101]),
            (0x0101, [true, false, true, false, false, false, true], [0x100, 0x101, 0x100, 0x100]),
            (-1, [false; 7], [-1; 4]),
            (0x110000, [false; 7], [0x110000; 4]),
        ];
        for &(r, classes, maps) in rows {
            let got = [
                is_letter(r),
                is_upper(r),
                is_lower(r),
                is_digit(r),
                is_punct(r),
                is_space(r),
                is_print(r),
            ];
            assert_eq!(got, classes, "classes of {r:#x}");
            let got = [to_upper(r), to_lower(r), to_title(r), simple_fold(r)];
            assert_eq!(got, maps, "mappings of {r:#x}");
        }
    }
}
