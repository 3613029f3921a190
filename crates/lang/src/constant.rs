//! Compile-time constant values and their arithmetic (Go's `go/constant`, reduced).
//!
//! Go's untyped constants have at least 256 bits of precision; the playground
//! uses `i128` for integers, exact `i128` fractions for floats while they fit
//! (so `0.1 + 0.2` is exactly `3/10` and prints `0.3`, as in Go) and `f64`
//! beyond that, which covers `1<<62`,
//! `math.MaxUint64`, `1<<100 >> 98` and every overflow check a learner meets
//! (`constant 300 overflows byte`). An integer operation that leaves `i128`
//! yields [`Value::Unknown`] and the checker reports `constant overflow`.
//! Strings are shared (`Rc<str>`) so copying a value is cheap.

use crate::token::Op;
use std::rc::Rc;

/// A constant value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// The result of an invalid or overflowing operation (errors are reported elsewhere).
    Unknown,
    Bool(bool),
    String(Rc<str>),
    Int(i128),
    Float(f64),
    /// An untyped float constant known exactly, `num / den` in lowest terms
    /// with `den > 0` (`0.1` is `1/10`). Arithmetic stays exact until `i128`
    /// overflows, then continues in `Float`.
    Rat(i128, i128),
    /// An untyped float constant outside `f64`'s exponent range:
    /// `m * 2^e` with `0.5 <= |m| < 1` (`1e300 * 1e300` before `/ 1e300`).
    BigFloat(f64, i64),
}

impl Value {
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown)
    }

    /// The value as an integer, if it is one exactly (`2.0` is).
    pub fn to_int(&self) -> Option<i128> {
        match *self {
            Value::Int(i) => Some(i),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(f as i128),
            Value::Rat(n, 1) => Some(n),
            _ => None,
        }
    }

    pub fn to_float(&self) -> Option<f64> {
        match *self {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            Value::Rat(n, d) => Some(rat_to_f64(n, d)),
            Value::BigFloat(m, e) => Some(ldexp(m, e)),
            _ => None,
        }
    }

    /// The value as mantissa and binary exponent (for extended-range float arithmetic).
    fn to_ext(&self) -> Option<(f64, i64)> {
        match *self {
            Value::BigFloat(m, e) => Some((m, e)),
            _ => self.to_float().map(frexp),
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        self.to_int().and_then(|i| i64::try_from(i).ok())
    }

    /// Go's `constant.Value.String()`: how a value appears in messages
    /// (`300`, `1.5`, `1e+100`, `"abc"`, strings shortened past 72 characters).
    pub fn go_string(&self) -> String {
        match self {
            Value::Unknown => "unknown".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Rat(..) => Value::Float(self.to_float().unwrap_or(0.0)).go_string(),
            Value::Float(f) => {
                let s = fmt_g(*f, 6);
                if f.fract() != 0.0 && !s.contains('.') && !s.contains('e') {
                    format!("{f}")
                } else {
                    s
                }
            }
            Value::BigFloat(m, e) => {
                let l = m.abs().log10() + (*e as f64) * std::f64::consts::LOG10_2;
                let exp = l.floor();
                let mant = 10f64.powf(l - exp) * m.signum();
                format!(
                    "{}e{}{:02}",
                    fmt_g(mant, 6),
                    if exp < 0.0 { '-' } else { '+' },
                    exp.abs() as i64
                )
            }
            Value::String(s) => {
                const MAX_LEN: usize = 72;
                let q = go_quote(s);
                if q.chars().count() > MAX_LEN {
                    let cut: String = q.chars().take(MAX_LEN - 3).collect();
                    format!("{cut}...")
                } else {
                    q
                }
            }
        }
    }
}

/// Whether `x` is an integer value (an `Int`, or a `Float` with no fraction).
pub fn is_integral(v: &Value) -> bool {
    v.to_int().is_some()
}

/// Converts a literal's text to a value (`0x1F`, `1_000`, `1.5e3`, `'a'`, `"s\n"`, raw strings).
pub fn from_literal(kind: crate::token::LitKind, lit: &str) -> Value {
    use crate::token::LitKind;
    match kind {
        LitKind::Int => parse_int(lit).map_or(Value::Unknown, Value::Int),
        LitKind::Float => match parse_decimal_rat(lit) {
            Some((n, d)) => make_rat(n, d).unwrap_or(Value::Unknown),
            None => parse_float(lit).map_or(Value::Unknown, Value::Float),
        },
        LitKind::Imag => Value::Unknown,
        LitKind::Rune => unquote_char(lit).map_or(Value::Unknown, |c| Value::Int(c as i128)),
        LitKind::String => unquote(lit).map_or(Value::Unknown, |s| Value::String(s.into())),
    }
}

fn parse_int(lit: &str) -> Option<i128> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if s.len() > 1 && s.starts_with('0') {
        (s[1..].to_string(), 8)
    } else {
        (s, 10)
    };
    i128::from_str_radix(&digits, radix).ok()
}

/// A decimal float literal as an exact fraction, if it fits in `i128`
/// (`1.5e3` is `1500/1`, `0.25` is `25/100`); `None` for hexadecimal floats.
fn parse_decimal_rat(lit: &str) -> Option<(i128, i128)> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    if s.starts_with("0x") || s.starts_with("0X") {
        return None;
    }
    let (mant, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (s.as_str(), 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let mut num: i128 = 0;
    for c in int_part.chars().chain(frac_part.chars()) {
        num = num.checked_mul(10)?.checked_add(c.to_digit(10)? as i128)?;
    }
    let scale = frac_part.len() as i32 - exp;
    if num == 0 {
        return Some((0, 1));
    }
    if scale > 0 {
        Some((num, 10i128.checked_pow(scale as u32)?))
    } else {
        Some((num.checked_mul(10i128.checked_pow((-scale) as u32)?)?, 1))
    }
}

/// `n / d` reduced to lowest terms with a positive denominator.
fn make_rat(n: i128, d: i128) -> Option<Value> {
    if d == 0 {
        return None;
    }
    let g = gcd(n.unsigned_abs(), d.unsigned_abs()).max(1);
    let (mut n, mut d) = (n / g as i128, d / g as i128);
    if d < 0 {
        n = n.checked_neg()?;
        d = d.checked_neg()?;
    }
    Some(Value::Rat(n, d))
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The nearest `f64` to `n / d` (correctly rounded: exact operands below
/// 2^53 divide exactly-rounded; larger ones go through a long decimal
/// expansion with a sticky digit, parsed by the correctly-rounding `str::parse`).
fn rat_to_f64(n: i128, d: i128) -> f64 {
    const EXACT: u128 = 1 << 53;
    let (un, ud) = (n.unsigned_abs(), d.unsigned_abs());
    if un <= EXACT && ud <= EXACT || ud > u128::MAX / 10 {
        return n as f64 / d as f64;
    }
    let mut s = String::new();
    if n < 0 {
        s.push('-');
    }
    s.push_str(&(un / ud).to_string());
    s.push('.');
    let mut r = un % ud;
    let mut digits = 0;
    while r != 0 && digits < 60 {
        r *= 10;
        s.push(char::from(b'0' + (r / ud) as u8));
        r %= ud;
        digits += 1;
    }
    if r != 0 {
        s.push('1');
    }
    s.parse().unwrap_or(n as f64 / d as f64)
}

/// Exact arithmetic on integers and fractions; `None` when it leaves `i128`.
fn rat_op(x: &Value, op: Op, y: &Value) -> Option<Value> {
    let parts = |v: &Value| match *v {
        Value::Int(i) => Some((i, 1i128)),
        Value::Rat(n, d) => Some((n, d)),
        _ => None,
    };
    let ((a, b), (c, d)) = (parts(x)?, parts(y)?);
    match op {
        Op::Add | Op::Sub => {
            let ad = a.checked_mul(d)?;
            let cb = c.checked_mul(b)?;
            let n = if op == Op::Add {
                ad.checked_add(cb)?
            } else {
                ad.checked_sub(cb)?
            };
            make_rat(n, b.checked_mul(d)?)
        }
        Op::Mul => make_rat(a.checked_mul(c)?, b.checked_mul(d)?),
        Op::Div if c != 0 => make_rat(a.checked_mul(d)?, b.checked_mul(c)?),
        _ => None,
    }
}

fn parse_float(lit: &str) -> Option<f64> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    if s.starts_with("0x") || s.starts_with("0X") {
        // Hexadecimal float: mantissa p exponent.
        let body = &s[2..];
        let (mant, exp) = body.split_once(['p', 'P'])?;
        let exp: i32 = exp.parse().ok()?;
        let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
        let mut v = 0f64;
        for c in int_part.chars() {
            v = v * 16.0 + c.to_digit(16)? as f64;
        }
        let mut scale = 1.0 / 16.0;
        for c in frac_part.chars() {
            v += c.to_digit(16)? as f64 * scale;
            scale /= 16.0;
        }
        return Some(v * 2f64.powi(exp));
    }
    s.parse::<f64>().ok()
}

/// Decodes one escape or character at the start of `s`; returns it and the rest.
fn decode_char(s: &str, quote: char) -> Option<(u32, bool, &str)> {
    let mut it = s.chars();
    let c = it.next()?;
    if c != '\\' {
        return Some((c as u32, false, &s[c.len_utf8()..]));
    }
    let e = it.next()?;
    let rest = &s[1 + e.len_utf8()..];
    let simple = match e {
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some('\\' as u32),
        c if c == quote => Some(c as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return Some((v, false, rest));
    }
    let (n, radix, is_byte) = match e {
        '0'..='7' => (3, 8, true),
        'x' => (2, 16, true),
        'u' => (4, 16, false),
        'U' => (8, 16, false),
        _ => return None,
    };
    let (digits, rest) = if radix == 8 {
        (&s[1..1 + n.min(s.len() - 1)], &s[(1 + n).min(s.len())..])
    } else {
        (rest.get(..n)?, rest.get(n..)?)
    };
    let v = u32::from_str_radix(digits, radix).ok()?;
    Some((v, is_byte, rest))
}

/// Unquotes a Go string literal (interpreted or raw) into its bytes, as a Rust string
/// (byte escapes that do not form valid UTF-8 are replaced, as they cannot be represented in `&str`).
pub fn unquote(lit: &str) -> Option<String> {
    if lit.len() >= 2 && lit.starts_with('`') && lit.ends_with('`') {
        return Some(lit[1..lit.len() - 1].replace('\r', ""));
    }
    if lit.len() < 2 || !lit.starts_with('"') || !lit.ends_with('"') {
        return None;
    }
    let mut s = &lit[1..lit.len() - 1];
    let mut bytes: Vec<u8> = Vec::with_capacity(s.len());
    while !s.is_empty() {
        let (v, is_byte, rest) = decode_char(s, '"')?;
        if is_byte {
            bytes.push(v as u8);
        } else {
            let c = char::from_u32(v)?;
            let mut buf = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        s = rest;
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Unquotes a rune literal.
pub fn unquote_char(lit: &str) -> Option<u32> {
    if lit.len() < 3 || !lit.starts_with('\'') || !lit.ends_with('\'') {
        return None;
    }
    let (v, _, rest) = decode_char(&lit[1..lit.len() - 1], '\'')?;
    if !rest.is_empty() {
        return None;
    }
    Some(v)
}

/// Go's `strconv.Quote`.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\u{FFFD}' => out.push_str("\\ufffd"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32))
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `%.{prec}g` (shortest of `%e` and `%f`, trailing zeros removed).
pub fn fmt_g(f: f64, prec: usize) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let prec = prec.max(1);
    let e = format!("{:.*e}", prec - 1, f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= prec as i32 {
        let mant = trim_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{:.*}", decimals, f)).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// Compares two constants (`==`, `<`, ...). Values must be of compatible kinds.
pub fn compare(x: &Value, op: Op, y: &Value) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (x, y) {
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        (Value::String(a), Value::String(b)) => a.cmp(b),
        (Value::Int(_) | Value::Rat(..), Value::Int(_) | Value::Rat(..)) => {
            let diff = rat_op(x, Op::Sub, y);
            match diff {
                Some(Value::Rat(n, _)) => n.cmp(&0),
                _ => x.to_float()?.partial_cmp(&y.to_float()?)?,
            }
        }
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                Op::Eql => Some(a == b),
                Op::Neq => Some(a != b),
                _ => None,
            }
        }
        _ => {
            let (a, b) = (x.to_float()?, y.to_float()?);
            a.partial_cmp(&b)?
        }
    };
    Some(match op {
        Op::Eql => ord == Ordering::Equal,
        Op::Neq => ord != Ordering::Equal,
        Op::Lss => ord == Ordering::Less,
        Op::Leq => ord != Ordering::Greater,
        Op::Gtr => ord == Ordering::Greater,
        Op::Geq => ord != Ordering::Less,
        _ => return None,
    })
}

/// Applies a binary operator. `int_div` selects truncated integer division
/// (for integer operands). Returns `Unknown` on overflow or invalid operands;
/// division by zero must be checked by the caller.
pub fn binary_op(x: &Value, op: Op, y: &Value, int_div: bool) -> Value {
    match (x, y) {
        (Value::Int(a), Value::Int(b)) if int_div || !matches!(op, Op::Div) => {
            let (a, b) = (*a, *b);
            let r = match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                Op::Div => a.checked_div(b),
                Op::Rem => a.checked_rem(b),
                Op::And => Some(a & b),
                Op::Or => Some(a | b),
                Op::Xor => Some(a ^ b),
                Op::AndNot => Some(a & !b),
                _ => None,
            };
            r.map_or(Value::Unknown, Value::Int)
        }
        (Value::String(a), Value::String(b)) if op == Op::Add => {
            let mut s = String::with_capacity(a.len() + b.len());
            s.push_str(a);
            s.push_str(b);
            Value::String(s.into())
        }
        (Value::Bool(a), Value::Bool(b)) => match op {
            Op::AndAnd => Value::Bool(*a && *b),
            Op::OrOr => Value::Bool(*a || *b),
            _ => Value::Unknown,
        },
        _ => {
            if let Some(r) = rat_op(x, op, y) {
                return r;
            }
            let (Some(a), Some(b)) = (x.to_float(), y.to_float()) else {
                return Value::Unknown;
            };
            let r = match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Div => a / b,
                _ => return Value::Unknown,
            };
            let exact_zero = r == 0.0 && (a == 0.0 || matches!(op, Op::Add | Op::Sub));
            let ext = matches!(x, Value::BigFloat(..)) || matches!(y, Value::BigFloat(..));
            if r.is_finite() && (r != 0.0 || exact_zero) && !ext {
                // Constants have no negative zero.
                return Value::Float(r + 0.0);
            }
            // Out of f64's exponent range: compute with an extended exponent.
            let (Some((m1, e1)), Some((m2, e2))) = (x.to_ext(), y.to_ext()) else {
                return Value::Unknown;
            };
            let (m, e) = match op {
                Op::Mul => (m1 * m2, e1 + e2),
                Op::Div if m2 != 0.0 => (m1 / m2, e1 - e2),
                Op::Add | Op::Sub => {
                    let m2 = if op == Op::Sub { -m2 } else { m2 };
                    if e1 >= e2 {
                        (m1 + ldexp(m2, e2 - e1), e1)
                    } else {
                        (ldexp(m1, e1 - e2) + m2, e2)
                    }
                }
                _ => return Value::Unknown,
            };
            let (m, de) = frexp(m);
            let e = e + de;
            if e.abs() > 1 << 40 {
                return Value::Unknown;
            }
            let f = ldexp(m, e);
            if f.is_finite() && (f != 0.0 || m == 0.0) {
                Value::Float(f)
            } else {
                Value::BigFloat(m, e)
            }
        }
    }
}

/// Splits `x` into a mantissa in `[0.5, 1)` (with sign) and a binary exponent.
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022 + adj)
}

/// `m * 2^e`, saturating to infinity or zero.
fn ldexp(m: f64, e: i64) -> f64 {
    let mut m = m;
    let mut e = e.clamp(-4000, 4000);
    while e > 1000 {
        m *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        m *= 2f64.powi(-1000);
        e += 1000;
    }
    m * 2f64.powi(e as i32)
}

/// `x << s` or `x >> s` on an integer constant.
pub fn shift(x: &Value, op: Op, s: u64) -> Value {
    let Some(a) = x.to_int() else {
        return Value::Unknown;
    };
    match op {
        Op::Shl => {
            if a == 0 {
                return Value::Int(0);
            }
            if s >= 127 {
                return Value::Unknown;
            }
            let r = a.checked_shl(s as u32);
            match r {
                Some(r) if (r >> s) == a => Value::Int(r),
                _ => Value::Unknown,
            }
        }
        Op::Shr => {
            if s >= 127 {
                Value::Int(if a < 0 { -1 } else { 0 })
            } else {
                Value::Int(a >> s)
            }
        }
        _ => Value::Unknown,
    }
}

/// Unary `+`, `-`, `^` (with `unsigned_bits` for typed unsigned complement) and `!`.
pub fn unary_op(op: Op, x: &Value, unsigned_bits: Option<u32>) -> Value {
    match (op, x) {
        (Op::Add, v) => v.clone(),
        (Op::Sub, Value::Int(a)) => a.checked_neg().map_or(Value::Unknown, Value::Int),
        (Op::Sub, Value::Float(f)) => Value::Float(if *f == 0.0 { 0.0 } else { -f }),
        (Op::Sub, Value::Rat(n, d)) => n
            .checked_neg()
            .map_or(Value::Unknown, |n| Value::Rat(n, *d)),
        (Op::Xor, Value::Int(a)) => match unsigned_bits {
            Some(bits) if bits < 128 => Value::Int(!a & ((1i128 << bits) - 1)),
            _ => Value::Int(!a),
        },
        (Op::Not, Value::Bool(b)) => Value::Bool(!b),
        _ => Value::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untyped_floats_are_exact_fractions() {
        let lit = |s| from_literal(crate::token::LitKind::Float, s);
        let sum = binary_op(&lit("0.1"), Op::Add, &lit("0.2"), false);
        assert_eq!(sum, Value::Rat(3, 10));
        assert_eq!(sum.to_float(), Some(0.3));
        assert_eq!(compare(&sum, Op::Eql, &lit("0.3")), Some(true));
        let third = binary_op(&Value::Int(1), Op::Div, &lit("3.0"), false);
        let one = binary_op(&third, Op::Mul, &Value::Int(3), false);
        assert_eq!(one.to_int(), Some(1));
        assert_eq!(lit("1.5e3"), Value::Rat(1500, 1));
        assert_eq!(lit("2.5e-3"), Value::Rat(1, 400));
        // Constants have no negative zero.
        let neg_zero = unary_op(Op::Sub, &lit("0.0"), None);
        assert_eq!(neg_zero.to_float().map(f64::is_sign_negative), Some(false));
        let neg_zero = unary_op(Op::Sub, &Value::Float(0.0), None);
        assert_eq!(neg_zero.to_float().map(f64::is_sign_negative), Some(false));
    }

    #[test]
    fn large_fractions_round_correctly() {
        // 2^64 + 1 over 3 is beyond f64's exact range on both sides.
        let n = (1i128 << 64) + 1;
        assert_eq!(rat_to_f64(n, 3), 6148914691236517205.666666666666666f64);
        assert_eq!(
            rat_to_f64(-(1i128 << 100), 7),
            -((1u128 << 100) as f64) / 7.0
        );
        // Past i128, arithmetic continues in f64.
        let huge = lit_float("1e38");
        let r = binary_op(&huge, Op::Mul, &huge, false);
        assert!(
            matches!(r, Value::Float(f) if (f / 1e76 - 1.0).abs() < 1e-15),
            "{r:?}"
        );
    }

    fn lit_float(s: &str) -> Value {
        from_literal(crate::token::LitKind::Float, s)
    }
    use crate::token::LitKind;

    #[test]
    fn literals() {
        assert_eq!(from_literal(LitKind::Int, "0x1F"), Value::Int(31));
        assert_eq!(from_literal(LitKind::Int, "1_000"), Value::Int(1000));
        assert_eq!(from_literal(LitKind::Int, "0o17"), Value::Int(15));
        assert_eq!(from_literal(LitKind::Int, "017"), Value::Int(15));
        assert_eq!(from_literal(LitKind::Float, "1.5e3"), Value::Rat(1500, 1));
        assert_eq!(from_literal(LitKind::Rune, "'\\n'"), Value::Int(10));
        assert_eq!(from_literal(LitKind::Rune, "'é'"), Value::Int(233));
        assert_eq!(
            from_literal(LitKind::String, "\"a\\tb\\u00e9\""),
            Value::String("a\tbé".into())
        );
        assert_eq!(
            from_literal(LitKind::String, "`a\\n`"),
            Value::String("a\\n".into())
        );
    }

    #[test]
    fn go_strings() {
        assert_eq!(Value::Float(1e100).go_string(), "1e+100");
        assert_eq!(Value::Float(1.5).go_string(), "1.5");
        assert_eq!(Value::Float(2.0).go_string(), "2");
        assert_eq!(Value::Float(0.1).go_string(), "0.1");
        assert_eq!(Value::Float(1234567.0).go_string(), "1.23457e+06");
        assert_eq!(Value::String("a\"b\n".into()).go_string(), "\"a\\\"b\\n\"");
        assert_eq!(Value::Int(-3).go_string(), "-3");
    }

    #[test]
    fn arithmetic_and_overflow() {
        assert_eq!(shift(&Value::Int(1), Op::Shl, 62), Value::Int(1 << 62));
        assert_eq!(shift(&Value::Int(1), Op::Shl, 200), Value::Unknown);
        assert_eq!(
            binary_op(&Value::Int(7), Op::Div, &Value::Int(2), true),
            Value::Int(3)
        );
        assert_eq!(
            binary_op(&Value::Int(7), Op::Div, &Value::Float(2.0), false),
            Value::Float(3.5)
        );
        assert_eq!(
            binary_op(&Value::Int(i128::MAX), Op::Add, &Value::Int(1), true),
            Value::Unknown
        );
        assert_eq!(unary_op(Op::Xor, &Value::Int(0), Some(8)), Value::Int(255));
        let big = binary_op(&Value::Float(1e300), Op::Mul, &Value::Float(1e300), false);
        assert!(matches!(big, Value::BigFloat(..)), "{big:?}");
        assert_eq!(big.go_string(), "1e+600");
        assert_eq!(
            binary_op(&big, Op::Div, &Value::Float(1e300), false),
            Value::Float(1e300)
        );
    }
}
