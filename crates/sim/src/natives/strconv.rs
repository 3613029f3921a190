//! Package strconv: integer and float parsing (status codes for the Go side's `*NumError`),
//! integer and float formatting, and Go's quoting and unquoting of strings and runes.

use std::collections::BTreeMap;

use crate::interp::{decode_rune_pub as decode_rune, R};
use crate::machine::Machine;
use crate::natives::floatfmt::format_float;
use crate::natives::unicode::is_print;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("strconv.parseInt", parse_int_native);
    r.insert("strconv.parseFloat", parse_float_native);
    r.insert("strconv.FormatInt", |m, c| format_int_native(m, c, true));
    r.insert("strconv.FormatUint", |m, c| format_int_native(m, c, false));
    r.insert("strconv.FormatFloat", format_float_native);
    r.insert("strconv.Quote", |m, c| {
        let s = m.str_arg(c, 0);
        m.ret_str(c, 0, quote(&s, b'"', false).as_bytes());
        Ok(NRet::Done)
    });
    r.insert("strconv.QuoteRune", |m, c| {
        let r = m.arg(c, 0).as_int();
        m.ret_str(c, 0, quote_rune(r, false).as_bytes());
        Ok(NRet::Done)
    });
    r.insert("strconv.Unquote", unquote_native);
}

/// Status codes of `parseInt`/`parseFloat`, as strconv.go's `numError` reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Ok = 0,
    Syntax = 1,
    Range = 2,
    Base = 3,
    BitSize = 4,
}

fn parse_int_native(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let s = m.str_arg(c, 0);
    let base = m.arg(c, 1).as_int();
    let bits = m.arg(c, 2).as_int();
    let (v, st) = parse_int(&s, base, bits);
    m.ret_val(c, 0, Value::Int(v));
    m.ret_val(c, 1, Value::Int(st as i64));
    Ok(NRet::Done)
}

fn parse_float_native(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let s = m.str_arg(c, 0);
    let bits = m.arg(c, 1).as_int();
    let (v, st) = parse_float(&s, bits);
    m.ret_val(c, 0, Value::Float(v));
    m.ret_val(c, 1, Value::Int(st as i64));
    Ok(NRet::Done)
}

fn format_int_native(m: &mut Machine, c: &mut NativeCall, signed: bool) -> R<NRet> {
    let i = m.arg(c, 0).as_int();
    let base = m.arg(c, 1).as_int();
    if !(2..=36).contains(&base) {
        return Err(m.panic_string("strconv: illegal AppendInt/FormatInt base"));
    }
    let s = if signed && i < 0 {
        format!("-{}", format_bits(i.unsigned_abs(), base as u32))
    } else {
        format_bits(i as u64, base as u32)
    };
    m.ret_str(c, 0, s.as_bytes());
    Ok(NRet::Done)
}

fn format_float_native(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let f = m.arg(c, 0).as_float();
    let fmt = m.arg(c, 1).as_int() as u8;
    let prec = m.arg(c, 2).as_int();
    let bits = m.arg(c, 3).as_int();
    match format_float(f, fmt, prec, bits) {
        Some(s) => {
            m.ret_str(c, 0, s.as_bytes());
            Ok(NRet::Done)
        }
        None => Err(m.panic_string("strconv: illegal AppendFloat/FormatFloat bitSize")),
    }
}

fn unquote_native(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let s = m.str_arg(c, 0);
    match unquote(&s) {
        Some(out) => {
            m.ret_str(c, 0, &out);
            m.ret_val(c, 1, Value::Nil);
        }
        None => {
            m.ret_val(c, 0, Value::Str(crate::value::StrRef::EMPTY));
            let e = m.global_named("strconv.ErrSyntax");
            m.ret_val(c, 1, e);
        }
    }
    Ok(NRet::Done)
}

/// `u` in base `base` (2..=36) with lower-case letters.
pub(crate) fn format_bits(mut u: u64, base: u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = Vec::new();
    loop {
        buf.push(DIGITS[(u % u64::from(base)) as usize]);
        u /= u64::from(base);
        if u == 0 {
            break;
        }
    }
    buf.reverse();
    String::from_utf8(buf).unwrap_or_default()
}

fn lower(c: u8) -> u8 {
    c | 0x20
}

/// strconv.underscoreOK: underscores only between digits (or after a base prefix).
fn underscore_ok(s: &[u8]) -> bool {
    let mut saw = b'^';
    let mut s = s;
    if let Some(b'-' | b'+') = s.first() {
        s = &s[1..];
    }
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// strconv.ParseUint: the value (clamped on overflow) and status.
fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> (u64, Status) {
    if s.is_empty() {
        return (0, Status::Syntax);
    }
    let base0 = base == 0;
    let mut digits = s;
    let base: u64 = match base {
        2..=36 => base as u64,
        0 => {
            if s[0] == b'0' {
                match s.get(1).map(|&c| lower(c)) {
                    Some(b'b') if s.len() >= 3 => {
                        digits = &s[2..];
                        2
                    }
                    Some(b'o') if s.len() >= 3 => {
                        digits = &s[2..];
                        8
                    }
                    Some(b'x') if s.len() >= 3 => {
                        digits = &s[2..];
                        16
                    }
                    _ => {
                        digits = &s[1..];
                        8
                    }
                }
            } else {
                10
            }
        }
        _ => return (0, Status::Base),
    };
    let bit_size = match bit_size {
        0 => 64,
        1..=64 => bit_size,
        _ => return (0, Status::BitSize),
    };
    let cutoff = u64::MAX / base + 1;
    let max_val = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            _ if lower(c).is_ascii_lowercase() => u64::from(lower(c) - b'a' + 10),
            _ => return (0, Status::Syntax),
        };
        if d >= base {
            return (0, Status::Syntax);
        }
        if n >= cutoff {
            return (max_val, Status::Range);
        }
        n *= base;
        match n.checked_add(d) {
            Some(n1) if n1 <= max_val => n = n1,
            _ => return (max_val, Status::Range),
        }
    }
    if underscores && !underscore_ok(s) {
        return (0, Status::Syntax);
    }
    (n, Status::Ok)
}

/// strconv.ParseInt: the value (clamped on overflow, 0 on other errors) and status.
pub(crate) fn parse_int(s: &[u8], base: i64, bit_size: i64) -> (i64, Status) {
    if s.is_empty() {
        return (0, Status::Syntax);
    }
    let (neg, rest) = match s[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let (un, st) = parse_uint(rest, base, bit_size);
    if st != Status::Ok && st != Status::Range {
        return (0, st);
    }
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let cutoff = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return ((cutoff - 1) as i64, Status::Range);
    }
    if neg && un > cutoff {
        return ((cutoff as i64).wrapping_neg(), Status::Range);
    }
    let v = if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    };
    (v, st)
}

/// strconv.special: `inf`, `infinity` (optionally signed) and `nan`, any case;
/// the value and the bytes consumed.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    let prefix_len = |s: &[u8], word: &[u8]| {
        s.iter()
            .zip(word)
            .take_while(|(a, b)| a.to_ascii_lowercase() == **b)
            .count()
    };
    let (sign, nsign, rest) = match s.first()? {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        b'n' | b'N' => {
            return (prefix_len(s, b"nan") == 3).then_some((f64::NAN, 3));
        }
        _ => (1.0, 0, s),
    };
    let mut n = prefix_len(rest, b"infinity");
    if 3 < n && n < 8 {
        n = 3;
    }
    (n == 3 || n == 8).then_some((sign * f64::INFINITY, nsign + n))
}

/// What strconv.readFloat found: the bytes consumed and, for hexadecimal
/// input, the mantissa, binary exponent and truncation.
struct ReadFloat {
    n: usize,
    neg: bool,
    hex: Option<(u64, i64, bool)>,
}

/// strconv.readFloat: Go's float syntax (decimal or hexadecimal mantissa,
/// underscores between digits); `None` for a syntax error.
fn read_float(s: &[u8]) -> Option<ReadFloat> {
    let mut i = 0;
    let mut neg = false;
    let mut underscores = false;
    match s.first()? {
        b'+' => i += 1,
        b'-' => {
            neg = true;
            i += 1;
        }
        _ => {}
    }
    let mut base: u64 = 10;
    let mut max_mant_digits = 19;
    let mut exp_char = b'e';
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        base = 16;
        max_mant_digits = 16;
        i += 2;
        exp_char = b'p';
    }
    let (mut sawdot, mut sawdigits) = (false, false);
    let (mut nd, mut nd_mant, mut dp) = (0i64, 0i64, 0i64);
    let mut mantissa: u64 = 0;
    let mut trunc = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
            dp = nd;
        } else if c.is_ascii_digit() {
            sawdigits = true;
            if c == b'0' && nd == 0 {
                dp -= 1;
                i += 1;
                continue;
            }
            nd += 1;
            if nd_mant < max_mant_digits {
                mantissa = mantissa * base + u64::from(c - b'0');
                nd_mant += 1;
            } else if c != b'0' {
                trunc = true;
            }
        } else if base == 16 && (b'a'..=b'f').contains(&lower(c)) {
            sawdigits = true;
            nd += 1;
            if nd_mant < max_mant_digits {
                mantissa = mantissa * 16 + u64::from(lower(c) - b'a' + 10);
                nd_mant += 1;
            } else {
                trunc = true;
            }
        } else {
            break;
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    if !sawdot {
        dp = nd;
    }
    if base == 16 {
        dp *= 4;
        nd_mant *= 4;
    }
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        let mut esign = 1;
        match s.get(i)? {
            b'+' => i += 1,
            b'-' => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if !s.get(i)?.is_ascii_digit() {
            return None;
        }
        let mut e: i64 = 0;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        dp += e * esign;
    } else if base == 16 {
        return None;
    }
    let exp = if mantissa != 0 { dp - nd_mant } else { 0 };
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    Some(ReadFloat {
        n: i,
        neg,
        hex: (base == 16).then_some((mantissa, exp, trunc)),
    })
}

/// strconv.atofHex: `mantissa × 2^exp` rounded to the float format (ties to
/// even), with overflow reported.
fn atof_hex(mut mantissa: u64, mut exp: i64, neg: bool, trunc: bool, bits32: bool) -> (f64, bool) {
    let (mantbits, expbits, bias): (u32, u32, i64) = if bits32 {
        (23, 8, -127)
    } else {
        (52, 11, -1023)
    };
    let max_exp = (1i64 << expbits) + bias - 2;
    let min_exp = bias + 1;
    exp += i64::from(mantbits);
    while mantissa != 0 && mantissa >> (mantbits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if trunc {
        mantissa |= 1;
    }
    while mantissa >> (1 + mantbits + 2) != 0 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exp += 1;
    }
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1;
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (1 + mantbits) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> mantbits == 0 {
        exp = bias;
    }
    let mut overflow = false;
    if exp > max_exp {
        mantissa = 1 << mantbits;
        exp = max_exp + 1;
        overflow = true;
    }
    let mut bits = mantissa & ((1u64 << mantbits) - 1);
    bits |= (((exp - bias) as u64) & ((1u64 << expbits) - 1)) << mantbits;
    if neg {
        bits |= 1 << mantbits << expbits;
    }
    let v = if bits32 {
        f64::from(f32::from_bits(bits as u32))
    } else {
        f64::from_bits(bits)
    };
    (v, overflow)
}

/// strconv.ParseFloat: the value (±Inf on overflow, 0 on syntax errors) and status.
pub(crate) fn parse_float(s: &[u8], bit_size: i64) -> (f64, Status) {
    let bits32 = bit_size == 32;
    let (v, n, range) = if let Some((v, n)) = special(s) {
        (v, n, false)
    } else {
        let Some(rf) = read_float(s) else {
            return (0.0, Status::Syntax);
        };
        match rf.hex {
            Some((mant, exp, trunc)) => {
                let (v, ovf) = atof_hex(mant, exp, rf.neg, trunc, bits32);
                (v, rf.n, ovf)
            }
            None => {
                // Rust's parser rounds correctly (ties to even), as Go's does.
                let text: String = s[..rf.n]
                    .iter()
                    .filter(|&&b| b != b'_')
                    .map(|&b| char::from(b))
                    .collect();
                let v = if bits32 {
                    text.parse::<f32>().map(f64::from)
                } else {
                    text.parse::<f64>()
                };
                match v {
                    Ok(v) => (v, rf.n, v.is_infinite()),
                    Err(_) => return (0.0, Status::Syntax),
                }
            }
        }
    };
    if n != s.len() {
        return (0.0, Status::Syntax);
    }
    if range {
        (v, Status::Range)
    } else {
        (v, Status::Ok)
    }
}

/// strconv.appendEscapedRune: one rune, escaped as Go's quoting does.
fn escape_rune(out: &mut String, r: i64, quote: u8, ascii_only: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if r == i64::from(quote) || r == i64::from(b'\\') {
        out.push('\\');
        out.push(char::from(r as u8));
        return;
    }
    let printable = if ascii_only {
        r < 0x80 && is_print(r)
    } else {
        is_print(r)
    };
    if printable {
        if let Some(ch) = u32::try_from(r).ok().and_then(char::from_u32) {
            out.push(ch);
            return;
        }
    }
    match r {
        0x07 => out.push_str("\\a"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x0B => out.push_str("\\v"),
        _ if r < i64::from(b' ') || r == 0x7F => {
            out.push_str("\\x");
            out.push(char::from(HEX[((r as u8) >> 4) as usize]));
            out.push(char::from(HEX[(r as u8 & 0xF) as usize]));
        }
        _ => {
            let valid = u32::try_from(r).ok().and_then(char::from_u32).is_some();
            let r = if valid { r } else { 0xFFFD };
            if r < 0x10000 {
                out.push_str(&format!("\\u{r:04x}"));
            } else {
                out.push_str(&format!("\\U{r:08x}"));
            }
        }
    }
}

/// strconv.Quote (and QuoteToASCII with `ascii_only`), for any bytes:
/// invalid UTF-8 bytes become `\xNN`.
pub(crate) fn quote(s: &[u8], quote_ch: u8, ascii_only: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(char::from(quote_ch));
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if w == 1 && r == 0xFFFD {
            out.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        }
        escape_rune(&mut out, i64::from(r), quote_ch, ascii_only);
        i += w.max(1);
    }
    out.push(char::from(quote_ch));
    out
}

/// strconv.QuoteRune (and QuoteRuneToASCII): invalid runes become U+FFFD.
pub(crate) fn quote_rune(r: i64, ascii_only: bool) -> String {
    let valid = u32::try_from(r).ok().and_then(char::from_u32).is_some();
    let r = if valid { r } else { 0xFFFD };
    let mut out = String::from("'");
    escape_rune(&mut out, r, b'\'', ascii_only);
    out.push('\'');
    out
}

/// strconv.CanBackquote.
pub(crate) fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        i += w.max(1);
        if w > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == 0xFFFD {
            return false;
        }
        if (r < u32::from(b' ') && r != u32::from(b'\t')) || r == u32::from(b'`') || r == 0x7F {
            return false;
        }
    }
    true
}

fn unhex(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// strconv.UnquoteChar: the rune (or byte), whether it is a multibyte rune,
/// and the rest; `None` for a syntax error.
fn unquote_char(s: &[u8], quote: u8) -> Option<(u32, bool, &[u8])> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, w) = decode_rune(s);
        return Some((r, true, &s[w.max(1)..]));
    }
    if c != b'\\' {
        return Some((u32::from(c), false, &s[1..]));
    }
    let c = *s.get(1)?;
    let s = &s[2..];
    let simple = |v: u8| Some((u32::from(v), false, s));
    match c {
        b'a' => simple(0x07),
        b'b' => simple(0x08),
        b'f' => simple(0x0C),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(0x0B),
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if s.len() < n {
                return None;
            }
            let mut v: u32 = 0;
            for &d in &s[..n] {
                v = (v << 4) | unhex(d)?;
            }
            if c == b'x' {
                return Some((v, false, &s[n..]));
            }
            char::from_u32(v)?;
            Some((v, true, &s[n..]))
        }
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            if s.len() < 2 {
                return None;
            }
            for &d in &s[..2] {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            if v > 255 {
                return None;
            }
            Some((v, false, &s[2..]))
        }
        b'\\' => simple(b'\\'),
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            simple(c)
        }
        _ => None,
    }
}

/// strconv.Unquote: the unquoted bytes, `None` for ErrSyntax.
pub(crate) fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() < 2 {
        return None;
    }
    let quote = s[0];
    let end = s[1..].iter().position(|&b| b == quote)? + 2;
    match quote {
        b'`' => {
            if end != s.len() {
                return None;
            }
            Some(
                s[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&b| b != b'\r')
                    .collect(),
            )
        }
        b'"' | b'\'' => {
            let body = &s[..end];
            if !body.contains(&b'\\') && !body.contains(&b'\n') {
                let inner = &s[1..end - 1];
                let valid = if quote == b'"' {
                    std::str::from_utf8(inner).is_ok()
                } else {
                    let (r, n) = decode_rune(inner);
                    n + 2 == end && (r != 0xFFFD || n != 1)
                };
                if valid {
                    return (end == s.len()).then(|| inner.to_vec());
                }
            }
            let mut buf = Vec::new();
            let mut rest = &s[1..];
            while let Some(&c0) = rest.first() {
                if c0 == quote {
                    break;
                }
                if c0 == b'\n' {
                    return None;
                }
                let (r, multibyte, tail) = unquote_char(rest, quote)?;
                rest = tail;
                if r < 0x80 || !multibyte {
                    buf.push(r as u8);
                } else {
                    let ch = char::from_u32(r).unwrap_or('\u{FFFD}');
                    buf.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return None;
            }
            (rest.len() == 1).then_some(buf)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type IntRow = (&'static str, (i64, Status), (i64, Status));
    type FloatRow = (&'static str, (f64, Status), (f64, Status));

    /// ParseInt(s, 0, 64) and ParseInt(s, 10, 8) as Go 1.23 returns them.
    #[test]
    fn parse_int_matches_go() {
        use Status::*;
        #[rustfmt::skip]
        let rows: &[IntRow] = &[
            ("1_000", (1000, Ok), (0, Syntax)),
            ("0x_1f", (31, Ok), (0, Syntax)),
            ("0b", (0, Syntax), (0, Syntax)),
            ("0x", (0, Syntax), (0, Syntax)),
            ("0", (0, Ok), (0, Ok)),
            ("-0", (0, Ok), (0, Ok)),
            ("+12", (12, Ok), (12, Ok)),
            ("0o17", (15, Ok), (0, Syntax)),
            ("017", (15, Ok), (17, Ok)),
            ("1__0", (0, Syntax), (0, Syntax)),
            ("9223372036854775808", (i64::MAX, Range), (127, Range)),
            ("-9223372036854775808", (i64::MIN, Ok), (-128, Range)),
            ("-9223372036854775809", (i64::MIN, Range), (-128, Range)),
            ("18446744073709551616", (i64::MAX, Range), (127, Range)),
            ("99999999999999999999x", (i64::MAX, Range), (127, Range)),
            ("_1", (0, Syntax), (0, Syntax)),
            ("1_", (0, Syntax), (0, Syntax)),
            ("0_1", (1, Ok), (0, Syntax)),
            ("", (0, Syntax), (0, Syntax)),
            ("-", (0, Syntax), (0, Syntax)),
        ];
        for &(s, a, b) in rows {
            assert_eq!(parse_int(s.as_bytes(), 0, 64), a, "ParseInt({s:?}, 0, 64)");
            assert_eq!(parse_int(s.as_bytes(), 10, 8), b, "ParseInt({s:?}, 10, 8)");
        }
        assert_eq!(parse_int(b"12", 1, 64), (0, Base));
        assert_eq!(parse_int(b"12", 37, 64), (0, Base));
        assert_eq!(parse_int(b"12", 10, 65), (0, BitSize));
        assert_eq!(parse_int(b"", 1, 65), (0, Syntax));
        assert_eq!(parse_int(b"z", 36, 0), (35, Ok));
    }

    /// ParseFloat(s, 64) and ParseFloat(s, 32) as Go 1.23 returns them
    /// (compared through their bits, so NaN and -0 count).
    #[test]
    fn parse_float_matches_go() {
        use Status::*;
        let inf = f64::INFINITY;
        #[rustfmt::skip]
        let rows: &[FloatRow] = &[
            ("1_000", (1000.0, Ok), (1000.0, Ok)),
            ("0x1_0p0", (16.0, Ok), (16.0, Ok)),
            ("1e-400", (0.0, Ok), (0.0, Ok)),
            ("1e400", (inf, Range), (inf, Range)),
            ("-1e400", (-inf, Range), (-inf, Range)),
            ("inf", (inf, Ok), (inf, Ok)),
            ("-Infinity", (-inf, Ok), (-inf, Ok)),
            ("+nan", (0.0, Syntax), (0.0, Syntax)),
            (".5", (0.5, Ok), (0.5, Ok)),
            ("5.", (5.0, Ok), (5.0, Ok)),
            (".", (0.0, Syntax), (0.0, Syntax)),
            ("1e", (0.0, Syntax), (0.0, Syntax)),
            ("1e+", (0.0, Syntax), (0.0, Syntax)),
            ("0x1p-2", (0.25, Ok), (0.25, Ok)),
            ("0x1.8", (0.0, Syntax), (0.0, Syntax)),
            ("0X1P+3", (8.0, Ok), (8.0, Ok)),
            ("1.5e3x", (0.0, Syntax), (0.0, Syntax)),
            ("", (0.0, Syntax), (0.0, Syntax)),
            (" 1", (0.0, Syntax), (0.0, Syntax)),
            ("0x.8p1", (1.0, Ok), (1.0, Ok)),
            ("1__0", (0.0, Syntax), (0.0, Syntax)),
            ("_1", (0.0, Syntax), (0.0, Syntax)),
            ("0x_1p0", (1.0, Ok), (1.0, Ok)),
            ("3.4028236e38", (3.4028236e38, Ok), (inf, Range)),
            ("1e-46", (1e-46, Ok), (0.0, Ok)),
            ("0b101", (0.0, Syntax), (0.0, Syntax)),
            ("infx", (0.0, Syntax), (0.0, Syntax)),
            ("0x1p-1074", (5e-324, Ok), (0.0, Ok)),
            ("0x1p1024", (inf, Range), (inf, Range)),
            ("1.7976931348623159e308", (inf, Range), (inf, Range)),
            ("00012", (12.0, Ok), (12.0, Ok)),
            ("1e-07", (1e-07, Ok), (1.0000000116860974e-07, Ok)),
        ];
        for &(s, a, b) in rows {
            for (bits, want) in [(64, a), (32, b)] {
                let (v, st) = parse_float(s.as_bytes(), bits);
                assert_eq!(
                    (v.to_bits(), st),
                    (want.0.to_bits(), want.1),
                    "ParseFloat({s:?}, {bits})"
                );
            }
        }
        let (v, st) = parse_float(b"NaN", 64);
        assert!(v.is_nan() && st == Ok);
    }

    #[test]
    fn quoting_matches_go() {
        #[rustfmt::skip]
        let rows: &[(&[u8], &str, &str)] = &[
            (b"hi\n\"there\"", r#""hi\n\"there\"""#, r#""hi\n\"there\"""#),
            ("héllo\u{FFFD}".as_bytes(), "\"héllo\u{FFFD}\"", r#""h\u00e9llo\ufffd""#),
            (b"\xff\x00\x7f", r#""\xff\x00\x7f""#, r#""\xff\x00\x7f""#),
            ("\u{a0}\u{200b}\u{1F600}".as_bytes(), "\"\\u00a0\\u200b\u{1F600}\"", r#""\u00a0\u200b\U0001f600""#),
            (b"\x07\x08\x0c\r\t\x0b\\", r#""\a\b\f\r\t\v\\""#, r#""\a\b\f\r\t\v\\""#),
        ];
        for &(s, want, want_ascii) in rows {
            assert_eq!(quote(s, b'"', false), want);
            assert_eq!(quote(s, b'"', true), want_ascii);
        }
        assert_eq!(quote_rune('\'' as i64, false), r"'\''");
        assert_eq!(quote_rune('"' as i64, false), "'\"'");
        assert_eq!(quote_rune(0x110000, false), "'\u{FFFD}'");
        assert_eq!(quote_rune(0xD800, false), "'\u{FFFD}'");
        assert_eq!(quote_rune('☺' as i64, true), r"'\u263a'");
        assert!(can_backquote(b"a\tb"));
        assert!(!can_backquote(b"a`b"));
        assert!(!can_backquote(b"a\nb"));
    }

    #[test]
    fn unquote_matches_go() {
        #[rustfmt::skip]
        let rows: &[(&str, Option<&[u8]>)] = &[
            (r#""hi\n""#, Some(b"hi\n")),
            (r#""\x41\101\u00e9\U0001F600""#, Some("AAé\u{1F600}".as_bytes())),
            (r#""\xff""#, Some(b"\xff")),
            ("`a\\n\r`", Some(b"a\\n")),
            ("'a'", Some(b"a")),
            ("'ab'", None),
            (r"'\''", Some(b"'")),
            (r#""\'""#, None),
            (r#""a"b"#, None),
            ("\"a\nb\"", None),
            ("\"abc", None),
            ("abc", None),
            ("\"\"", Some(b"")),
            // Go's quirk: an empty rune literal unquotes to "".
            ("''", Some(b"")),
            (r#""\400""#, None),
            (r#""\uD800""#, None),
            ("'\u{e9}'", Some("\u{e9}".as_bytes())),
        ];
        for &(s, want) in rows {
            assert_eq!(unquote(s.as_bytes()).as_deref(), want, "Unquote({s:?})");
        }
    }
}
