//! Package strings: searching, splitting, joining, replacing, trimming and case mapping, as
//! Go's strings package does them on bytes (invalid UTF-8 decodes to U+FFFD one byte at a time).
//!
//! Results that are pieces of an argument (`Split`, `Fields`, `Trim`...) share its bytes, as
//! Go's substrings do; new text is allocated.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::interp::{decode_rune_pub as decode_rune, R};
use crate::machine::Machine;
use crate::natives::unicode;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::{StrRef, Value};

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("strings.Contains", |m, c| {
        let (s, sub) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_bool(m, c, index(&s, &sub).is_some())
    });
    r.insert("strings.ContainsRune", |m, c| {
        let s = m.str_arg(c, 0);
        let r = m.arg(c, 1).as_int();
        ret_bool(m, c, index_rune(&s, r).is_some())
    });
    r.insert("strings.ContainsAny", |m, c| {
        let (s, chars) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_bool(m, c, index_any(&s, &chars).is_some())
    });
    r.insert("strings.Count", |m, c| {
        let (s, sub) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_int(m, c, count(&s, &sub) as i64)
    });
    r.insert("strings.EqualFold", |m, c| {
        let (s, t) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_bool(m, c, equal_fold(&s, &t))
    });
    r.insert("strings.Fields", |m, c| {
        let s = m.str_arg(c, 0);
        let parts = fields(&s);
        ret_pieces(m, c, &parts)
    });
    r.insert("strings.Index", |m, c| {
        let (s, sub) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_index(m, c, index(&s, &sub))
    });
    r.insert("strings.IndexByte", |m, c| {
        let s = m.str_arg(c, 0);
        let b = m.arg(c, 1).as_int() as u8;
        ret_index(m, c, s.iter().position(|&x| x == b))
    });
    r.insert("strings.IndexRune", |m, c| {
        let s = m.str_arg(c, 0);
        let r = m.arg(c, 1).as_int();
        ret_index(m, c, index_rune(&s, r))
    });
    r.insert("strings.IndexAny", |m, c| {
        let (s, chars) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_index(m, c, index_any(&s, &chars))
    });
    r.insert("strings.LastIndex", |m, c| {
        let (s, sub) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_index(m, c, last_index(&s, &sub))
    });
    r.insert("strings.Join", join_native);
    r.insert("strings.Repeat", repeat_native);
    r.insert("strings.Replace", |m, c| {
        let n = m.arg(c, 3).as_int();
        replace_native(m, c, n)
    });
    r.insert("strings.ReplaceAll", |m, c| replace_native(m, c, -1));
    r.insert("strings.Split", |m, c| split_native(m, c, -1));
    r.insert("strings.SplitN", |m, c| {
        let n = m.arg(c, 2).as_int();
        split_native(m, c, n)
    });
    r.insert("strings.Title", |m, c| {
        let s = m.str_arg(c, 0);
        let out = title(&s);
        m.ret_str(c, 0, &out);
        Ok(NRet::Done)
    });
    r.insert("strings.ToLower", |m, c| {
        let s = m.str_arg(c, 0);
        let out = map_runes(&s, unicode::to_lower);
        m.ret_str(c, 0, &out);
        Ok(NRet::Done)
    });
    r.insert("strings.ToUpper", |m, c| {
        let s = m.str_arg(c, 0);
        let out = map_runes(&s, unicode::to_upper);
        m.ret_str(c, 0, &out);
        Ok(NRet::Done)
    });
    r.insert("strings.Trim", |m, c| {
        let (s, cut) = (m.str_arg(c, 0), m.str_arg(c, 1));
        let r = trim_left(&s, &cut, trim_right(&s, &cut, 0..s.len()));
        ret_piece(m, c, r)
    });
    r.insert("strings.TrimLeft", |m, c| {
        let (s, cut) = (m.str_arg(c, 0), m.str_arg(c, 1));
        let r = trim_left(&s, &cut, 0..s.len());
        ret_piece(m, c, r)
    });
    r.insert("strings.TrimRight", |m, c| {
        let (s, cut) = (m.str_arg(c, 0), m.str_arg(c, 1));
        let r = trim_right(&s, &cut, 0..s.len());
        ret_piece(m, c, r)
    });
    r.insert("strings.TrimSpace", |m, c| {
        let s = m.str_arg(c, 0);
        let r = trim_space(&s);
        ret_piece(m, c, r)
    });
    r.insert("strings.Compare", |m, c| {
        let (a, b) = (m.str_arg(c, 0), m.str_arg(c, 1));
        ret_int(m, c, a.cmp(&b) as i64)
    });
}

fn ret_bool(m: &mut Machine, c: &NativeCall, b: bool) -> R<NRet> {
    m.ret_val(c, 0, Value::Bool(b));
    Ok(NRet::Done)
}

fn ret_int(m: &mut Machine, c: &NativeCall, v: i64) -> R<NRet> {
    m.ret_val(c, 0, Value::Int(v));
    Ok(NRet::Done)
}

fn ret_index(m: &mut Machine, c: &NativeCall, i: Option<usize>) -> R<NRet> {
    ret_int(m, c, i.map_or(-1, |i| i as i64))
}

/// A substring of argument 0 sharing its bytes.
fn piece(s: Value, r: Range<usize>) -> Value {
    match s {
        Value::Str(sr) if !r.is_empty() => Value::Str(StrRef {
            obj: sr.obj,
            off: sr.off + r.start as u32,
            len: r.len() as u32,
        }),
        _ => Value::Str(StrRef::EMPTY),
    }
}

fn ret_piece(m: &mut Machine, c: &NativeCall, r: Range<usize>) -> R<NRet> {
    let v = piece(m.arg(c, 0), r);
    m.ret_val(c, 0, v);
    Ok(NRet::Done)
}

/// A `[]string` of substrings of argument 0.
fn ret_pieces(m: &mut Machine, c: &NativeCall, parts: &[Range<usize>]) -> R<NRet> {
    // A slice header per piece: `strings.Split(s, "")` of a big string is
    // a big slice.
    m.reserve(8 * parts.len() as u64)?;
    let s = m.arg(c, 0);
    let vals: Vec<Value> = parts.iter().map(|r| piece(s, r.clone())).collect();
    let elem = m
        .prog
        .well_known
        .string
        .unwrap_or(gosched_lang::bytecode::TypeId(0));
    let v = m.new_slice(elem, vals);
    m.ret_val(c, 0, v);
    Ok(NRet::Done)
}

fn join_native(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let elems = m.heap.slice_values(m.arg(c, 0));
    let sep = m.str_arg(c, 1);
    let total: u64 = elems
        .iter()
        .map(|e| m.heap.bytes_of(*e).len() as u64)
        .sum::<u64>()
        + sep.len() as u64 * elems.len().saturating_sub(1) as u64;
    m.reserve(total)?;
    let mut out = Vec::with_capacity(total as usize);
    for (i, e) in elems.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(m.heap.bytes_of(*e));
    }
    m.ret_str(c, 0, &out);
    Ok(NRet::Done)
}

fn repeat_native(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let s = m.str_arg(c, 0);
    let count = m.arg(c, 1).as_int();
    if count < 0 {
        return Err(m.panic_string("strings: negative Repeat count"));
    }
    let total = (s.len() as u64).checked_mul(count as u64);
    match total {
        Some(t) if t <= i64::MAX as u64 => m.reserve(t)?,
        _ => return Err(m.panic_string("strings: Repeat output length overflow")),
    }
    let out = s.repeat(count as usize);
    m.ret_str(c, 0, &out);
    Ok(NRet::Done)
}

fn replace_native(m: &mut Machine, c: &mut NativeCall, n: i64) -> R<NRet> {
    let (s, old, new) = (m.str_arg(c, 0), m.str_arg(c, 1), m.str_arg(c, 2));
    if old == new || n == 0 {
        let v = m.arg(c, 0);
        m.ret_val(c, 0, v);
        return Ok(NRet::Done);
    }
    let matches = count(&s, &old) as i64;
    let n = if n < 0 || matches < n { matches } else { n };
    let grow = (new.len() as i64 - old.len() as i64).max(0) as u64;
    m.reserve(s.len() as u64 + n as u64 * grow)?;
    let out = replace(&s, &old, &new, n);
    m.ret_str(c, 0, &out);
    Ok(NRet::Done)
}

fn split_native(m: &mut Machine, c: &mut NativeCall, n: i64) -> R<NRet> {
    let (s, sep) = (m.str_arg(c, 0), m.str_arg(c, 1));
    match split(&s, &sep, n) {
        Some(parts) => ret_pieces(m, c, &parts),
        None => {
            m.ret_val(c, 0, Value::Nil);
            Ok(NRet::Done)
        }
    }
}

/// Number of runes in `s` (each invalid byte counts as one).
fn rune_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        i += decode_rune(&s[i..]).1.max(1);
        n += 1;
    }
    n
}

/// The runes of `s` with their byte ranges.
fn runes(s: &[u8]) -> impl Iterator<Item = (Range<usize>, i64)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= s.len() {
            return None;
        }
        let (r, w) = decode_rune(&s[i..]);
        let start = i;
        i += w.max(1);
        Some((start..i, i64::from(r)))
    })
}

/// utf8.DecodeLastRune: the last rune of `s` and its width.
fn decode_last_rune(s: &[u8]) -> (i64, usize) {
    let end = s.len();
    if end == 0 {
        return (0xFFFD, 0);
    }
    if s[end - 1] < 0x80 {
        return (i64::from(s[end - 1]), 1);
    }
    // Back up to the start of a rune, at most 4 bytes.
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    while start > lim && s[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    let (r, w) = decode_rune(&s[start..end]);
    if start + w != end {
        return (0xFFFD, 1);
    }
    (i64::from(r), w)
}

pub(crate) fn index(s: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() > s.len() {
        return None;
    }
    s.windows(sub.len()).position(|w| w == sub)
}

fn last_index(s: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(s.len());
    }
    if sub.len() > s.len() {
        return None;
    }
    s.windows(sub.len()).rposition(|w| w == sub)
}

/// strings.Count: non-overlapping instances; runes + 1 for an empty `sub`.
fn count(s: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return rune_count(s) + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = index(&s[i..], sub) {
        n += 1;
        i += j + sub.len();
    }
    n
}

/// strings.IndexRune: U+FFFD also matches invalid bytes; invalid runes match nothing.
fn index_rune(s: &[u8], r: i64) -> Option<usize> {
    if (0..0x80).contains(&r) {
        return s.iter().position(|&b| i64::from(b) == r);
    }
    if r == 0xFFFD {
        return runes(s).find(|(_, x)| *x == 0xFFFD).map(|(rg, _)| rg.start);
    }
    let ch = u32::try_from(r).ok().and_then(char::from_u32)?;
    index(s, ch.encode_utf8(&mut [0; 4]).as_bytes())
}

fn index_any(s: &[u8], chars: &[u8]) -> Option<usize> {
    if chars.is_empty() {
        return None;
    }
    let set: Vec<i64> = runes(chars).map(|(_, r)| r).collect();
    runes(s)
        .find(|(_, r)| set.contains(r))
        .map(|(rg, _)| rg.start)
}

/// strings.EqualFold: equal under Unicode simple case folding.
fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let mut a = runes(s).map(|(_, r)| r);
    let mut b = runes(t).map(|(_, r)| r);
    loop {
        let (sr, tr) = match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => (x, y),
            _ => return false,
        };
        if sr == tr {
            continue;
        }
        let (sr, tr) = if tr < sr { (tr, sr) } else { (sr, tr) };
        // ASCII only, sr < tr: an upper and lower case letter pair.
        if tr < 0x80 {
            if (i64::from(b'A')..=i64::from(b'Z')).contains(&sr) && tr == sr + 0x20 {
                continue;
            }
            return false;
        }
        // General case: walk sr's fold orbit looking for tr.
        let mut r = unicode::simple_fold(sr);
        while r != sr && r < tr {
            r = unicode::simple_fold(r);
        }
        if r != tr {
            return false;
        }
    }
}

/// strings.Fields: the runs of non-space runes.
fn fields(s: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (rg, r) in runes(s) {
        if unicode::is_space(r) {
            if let Some(st) = start.take() {
                out.push(st..rg.start);
            }
        } else if start.is_none() {
            start = Some(rg.start);
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// strings.genSplit without sepSave: `None` is the nil slice (`n == 0`).
fn split(s: &[u8], sep: &[u8], n: i64) -> Option<Vec<Range<usize>>> {
    if n == 0 {
        return None;
    }
    if sep.is_empty() {
        // explode: one string per rune, the last holding the rest.
        let l = rune_count(s) as i64;
        let n = if n < 0 || n > l { l } else { n } as usize;
        let mut out = Vec::with_capacity(n);
        let mut i = 0;
        for _ in 0..n.saturating_sub(1) {
            let w = decode_rune(&s[i..]).1.max(1);
            out.push(i..i + w);
            i += w;
        }
        if n > 0 {
            out.push(i..s.len());
        }
        return Some(out);
    }
    let mut n = if n < 0 { count(s, sep) as i64 + 1 } else { n };
    n = n.min(s.len() as i64 + 1);
    let mut out = Vec::new();
    let mut i = 0;
    while (out.len() as i64) < n - 1 {
        let Some(m) = index(&s[i..], sep) else { break };
        out.push(i..i + m);
        i += m + sep.len();
    }
    out.push(i..s.len());
    Some(out)
}

/// strings.Replace with the number of replacements `n` already computed.
fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut start = 0;
    for i in 0..n {
        let mut j = start;
        if old.is_empty() {
            if i > 0 {
                j += decode_rune(&s[start..]).1;
            }
        } else {
            j += index(&s[start..], old).unwrap_or(0);
        }
        out.extend_from_slice(&s[start..j]);
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(&s[start.min(s.len())..]);
    out
}

/// strings.Map with a rune mapping: invalid bytes become U+FFFD.
fn map_runes(s: &[u8], f: fn(i64) -> i64) -> Vec<u8> {
    if s.is_ascii() {
        // Go's ASCII fast paths give the same result as the mapping.
        return s
            .iter()
            .map(|&b| f(i64::from(b)) as u8)
            .collect::<Vec<u8>>();
    }
    let mut out = Vec::with_capacity(s.len());
    for (_, r) in runes(s) {
        push_rune(&mut out, f(r));
    }
    out
}

fn push_rune(out: &mut Vec<u8>, r: i64) {
    if r < 0 {
        return;
    }
    let ch = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
}

/// strings.isSeparator, for Title.
fn is_separator(r: i64) -> bool {
    if r <= 0x7F {
        let b = r as u8;
        return !(b.is_ascii_alphanumeric() || b == b'_');
    }
    if unicode::is_letter(r) || unicode::is_digit(r) {
        return false;
    }
    unicode::is_space(r)
}

/// strings.Title: title case for the first letter of each word (through
/// strings.Map, so invalid bytes become U+FFFD).
fn title(s: &[u8]) -> Vec<u8> {
    let mut prev = i64::from(b' ');
    let mut out = Vec::with_capacity(s.len());
    for (_, r) in runes(s) {
        let m = if is_separator(prev) {
            unicode::to_title(r)
        } else {
            r
        };
        prev = r;
        push_rune(&mut out, m);
    }
    out
}

/// Whether the cutset contains rune `r` (strings.ContainsRune semantics).
fn in_cutset(cutset: &[u8], r: i64) -> bool {
    index_rune(cutset, r).is_some()
}

fn trim_left(s: &[u8], cutset: &[u8], mut r: Range<usize>) -> Range<usize> {
    if cutset.is_empty() {
        return r;
    }
    while r.start < r.end {
        let (x, w) = decode_rune(&s[r.start..r.end]);
        if !in_cutset(cutset, i64::from(x)) {
            break;
        }
        r.start += w.max(1);
    }
    r
}

fn trim_right(s: &[u8], cutset: &[u8], mut r: Range<usize>) -> Range<usize> {
    if cutset.is_empty() {
        return r;
    }
    while r.start < r.end {
        let (x, w) = decode_last_rune(&s[r.start..r.end]);
        if !in_cutset(cutset, x) {
            break;
        }
        r.end -= w.max(1);
    }
    r
}

fn trim_space(s: &[u8]) -> Range<usize> {
    let mut r = 0..s.len();
    while r.start < r.end {
        let (x, w) = decode_rune(&s[r.start..r.end]);
        if !unicode::is_space(i64::from(x)) {
            break;
        }
        r.start += w.max(1);
    }
    while r.start < r.end {
        let (x, w) = decode_last_rune(&s[r.start..r.end]);
        if !unicode::is_space(x) {
            break;
        }
        r.end -= w.max(1);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs<'a>(s: &'a [u8], parts: &[Range<usize>]) -> Vec<&'a [u8]> {
        parts.iter().map(|r| &s[r.clone()]).collect()
    }

    /// Expected values printed by Go 1.23.
    #[test]
    fn searching_matches_go() {
        assert_eq!(count(b"cheese", b"e"), 3);
        assert_eq!(count(b"five", b""), 5);
        assert_eq!(count("héllo".as_bytes(), b""), 6);
        assert_eq!(count(b"aaaa", b"aa"), 2);
        assert_eq!(index(b"chicken", b"ken"), Some(4));
        assert_eq!(index(b"x", b""), Some(0));
        assert_eq!(last_index(b"go gopher", b"go"), Some(3));
        assert_eq!(last_index(b"abc", b""), Some(3));
        assert_eq!(index_rune(b"chicken", i64::from(b'k')), Some(4));
        assert_eq!(index_rune(b"a\xffb", 0xFFFD), Some(1));
        assert_eq!(index_rune(b"abc", 0xD800), None);
        assert_eq!(index_rune("añb".as_bytes(), 0xF1), Some(1));
        assert_eq!(index_any(b"golang", b"y"), None);
        assert_eq!(index_any("chicken".as_bytes(), "kmr".as_bytes()), Some(4));
        assert_eq!(index_any(b"a\xffb", "\u{FFFD}".as_bytes()), Some(1));
        assert!(equal_fold(b"Go", b"GO"));
        assert!(equal_fold("k".as_bytes(), "\u{212A}".as_bytes()));
        assert!(equal_fold("straße".as_bytes(), "STRAẞE".as_bytes()));
        assert!(!equal_fold(b"a", b"ab"));
        assert!(!equal_fold(b"[", b"{"));
    }

    #[test]
    fn splitting_matches_go() {
        let s = b"a,b,,c";
        assert_eq!(
            strs(s, &split(s, b",", -1).unwrap()),
            [&b"a"[..], b"b", b"", b"c"]
        );
        assert_eq!(strs(s, &split(s, b",", 2).unwrap()), [&b"a"[..], b"b,,c"]);
        assert_eq!(split(s, b",", 0), None);
        let s = "añb".as_bytes();
        assert_eq!(
            strs(s, &split(s, b"", -1).unwrap()),
            [&b"a"[..], "ñ".as_bytes(), b"b"]
        );
        assert_eq!(
            strs(s, &split(s, b"", 2).unwrap()),
            [&b"a"[..], "ñb".as_bytes()]
        );
        assert_eq!(split(b"", b"", -1).unwrap(), Vec::<Range<usize>>::new());
        assert_eq!(strs(b"", &split(b"", b",", -1).unwrap()), [&b""[..]]);
        let s = b"  foo bar\t\nbaz  ";
        assert_eq!(strs(s, &fields(s)), [&b"foo"[..], b"bar", b"baz"]);
        let s = "a\u{3000}b\u{85}c\u{200b}d".as_bytes();
        assert_eq!(
            strs(s, &fields(s)),
            [&b"a"[..], b"b", "c\u{200b}d".as_bytes()]
        );
        assert!(fields(b"   ").is_empty());
    }

    #[test]
    fn replacing_and_mapping_match_go() {
        assert_eq!(
            replace(b"oink oink oink", b"k", b"ky", 2),
            b"oinky oinky oink"
        );
        assert_eq!(replace(b"abc", b"", b"-", 4), b"-a-b-c-");
        assert_eq!(replace("añ".as_bytes(), b"", b"-", 3), "-a-ñ-".as_bytes());
        assert_eq!(
            map_runes("ßİıǆ".as_bytes(), unicode::to_upper),
            "ßİIǄ".as_bytes()
        );
        assert_eq!(map_runes("İ".as_bytes(), unicode::to_lower), b"i");
        assert_eq!(
            map_runes(b"a\xffB", unicode::to_lower),
            "a\u{FFFD}b".as_bytes()
        );
        assert_eq!(
            title("ǆa hello-world ﬁx".as_bytes()),
            "ǅa Hello-World ﬁx".as_bytes()
        );
        assert_eq!(title(b"her royal_highness"), b"Her Royal_highness");
        assert_eq!(title(b"\xff"), "\u{FFFD}".as_bytes());
        assert_eq!(title(b"ab\xff"), "Ab\u{FFFD}".as_bytes());
    }

    #[test]
    fn trimming_matches_go() {
        let t = |s: &[u8], cut: &[u8]| {
            let r = trim_left(s, cut, trim_right(s, cut, 0..s.len()));
            s[r].to_vec()
        };
        assert_eq!(t(b"  !!hi!! ", b" !"), b"hi");
        assert_eq!(t("¡¡hola!!".as_bytes(), "!¡".as_bytes()), b"hola");
        assert_eq!(t(b"\xffa\xff", "\u{FFFD}".as_bytes()), b"a");
        assert_eq!(t(b"abc", b""), b"abc");
        let s = "\u{3000} \t hi \n\u{85}".as_bytes();
        assert_eq!(&s[trim_space(s)], b"hi");
        let s = b"x \xff";
        assert_eq!(&s[trim_space(s)], b"x \xff");
    }
}
