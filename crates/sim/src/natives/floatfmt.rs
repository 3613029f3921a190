//! Go's `strconv.FormatFloat` (formats b, e, E, f, g, G, x, X; shortest or fixed precision; 32 or
//! 64 bits), shared by the strconv and fmt natives.
//!
//! The decimal digits come from Rust's float formatting (shortest round-trip digits for `prec <
//! 0`, exact correctly rounded digits with ties to even otherwise — what Go's Ryū and
//! multiprecision paths produce); the layout around them is a port of strconv/ftoa.go.

/// Decimal digits `d` (no trailing zeros) with the decimal point at `dp`:
/// the value is `0.d × 10^dp` (strconv's `decimalSlice`). Zero has no digits.
#[derive(Debug, PartialEq)]
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

/// The longest precision formatted, so a huge precision cannot exhaust the
/// host's memory inside one native call (Go would try and fail later).
const MAX_PREC: i64 = 1 << 20;

/// Parses Rust's `{:e}` output (`d.ddde±x`) into digits and point position.
fn from_exp_form(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Digits { d, dp: 0 };
    }
    Digits { d, dp: exp + 1 }
}

/// Shortest digits that read back as `a` (a finite, non-negative value of
/// the given width).
fn shortest(a: f64, bits32: bool) -> Digits {
    if a == 0.0 {
        return Digits {
            d: Vec::new(),
            dp: 0,
        };
    }
    if bits32 {
        from_exp_form(&format!("{:e}", a as f32))
    } else {
        from_exp_form(&format!("{a:e}"))
    }
}

/// Digits asked of Rust's formatter at most. A finite `f64` has at most 767
/// significant decimal digits and 1074 digits after the point, so any further
/// digit is a zero (the callers pad with zeros); and Rust's formatter panics
/// on a precision above `u16::MAX`.
const EXACT_DIGITS: usize = 1100;

/// `a` correctly rounded to `n >= 1` significant digits.
fn significant(a: f64, n: usize) -> Digits {
    let n = n.min(EXACT_DIGITS);
    if a == 0.0 {
        return Digits {
            d: Vec::new(),
            dp: 0,
        };
    }
    from_exp_form(&format!("{:.*e}", n - 1, a))
}

/// `a` correctly rounded to `prec` digits after the decimal point.
fn fixed(a: f64, prec: usize) -> Digits {
    let prec = prec.min(EXACT_DIGITS);
    let s = format!("{a:.prec$}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut dp = int.len() as i32;
    let mut d: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let lead = d.iter().take_while(|&&b| b == b'0').count();
    d.drain(..lead);
    dp -= lead as i32;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        dp = 0;
    }
    Digits { d, dp }
}

/// `strconv.FormatFloat(v, fmt, prec, bitSize)`; `None` for a bit size other
/// than 32 or 64 (Go panics).
pub(crate) fn format_float(v: f64, fmt: u8, prec: i64, bit_size: i64) -> Option<String> {
    let bits32 = match bit_size {
        32 => true,
        64 => false,
        _ => return None,
    };
    let v = if bits32 { f64::from(v as f32) } else { v };
    if v.is_nan() {
        return Some("NaN".into());
    }
    if v.is_infinite() {
        return Some(if v < 0.0 { "-Inf" } else { "+Inf" }.into());
    }
    let neg = v.is_sign_negative();
    let a = v.abs();
    let prec = prec.min(MAX_PREC);
    match fmt {
        b'b' => return Some(fmt_b(neg, a, bits32)),
        b'x' | b'X' => return Some(fmt_x(neg, a, bits32, prec, fmt)),
        _ => {}
    }
    let shortest_mode = prec < 0;
    let (digs, prec) = if shortest_mode {
        let digs = shortest(a, bits32);
        let nd = digs.d.len() as i64;
        let prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - i64::from(digs.dp)).max(0),
            b'g' | b'G' => nd,
            _ => prec,
        };
        (digs, prec)
    } else {
        match fmt {
            b'e' | b'E' => (significant(a, prec as usize + 1), prec),
            b'f' => (fixed(a, prec as usize), prec),
            b'g' | b'G' => {
                let p = prec.max(1);
                (significant(a, p as usize), p)
            }
            _ => (significant(a, 1), prec),
        }
    };
    let mut out = String::new();
    match fmt {
        b'e' | b'E' => fmt_e(&mut out, neg, &digs, prec, fmt),
        b'f' => fmt_f(&mut out, neg, &digs, prec),
        b'g' | b'G' => {
            let nd = digs.d.len() as i64;
            let dp = i64::from(digs.dp);
            // Trailing fractional zeros in the %e form are trimmed.
            let mut eprec = prec;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            // %e is used if the exponent is less than -4 or at least the
            // precision; with the shortest digits, the precision is 6.
            if shortest_mode {
                eprec = 6;
            }
            let exp = dp - 1;
            let mut prec = prec;
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                fmt_e(&mut out, neg, &digs, prec - 1, fmt + b'e' - b'g');
            } else {
                if prec > dp {
                    prec = nd;
                }
                fmt_f(&mut out, neg, &digs, (prec - dp).max(0));
            }
        }
        _ => {
            out.push('%');
            out.push(char::from(fmt));
        }
    }
    Some(out)
}

/// `%e`: `-d.ddddde±dd`.
fn fmt_e(out: &mut String, neg: bool, d: &Digits, prec: i64, fmt: u8) {
    if neg {
        out.push('-');
    }
    out.push(char::from(*d.d.first().unwrap_or(&b'0')));
    if prec > 0 {
        out.push('.');
        let prec = prec as usize;
        let m = d.d.len().min(prec + 1);
        let mut i = 1;
        if i < m {
            out.extend(d.d[i..m].iter().map(|&b| char::from(b)));
            i = m;
        }
        out.extend(std::iter::repeat_n('0', (prec + 1).saturating_sub(i)));
    }
    out.push(char::from(fmt));
    let exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exp.unsigned_abs()));
}

/// `%f`: `-ddddddd.ddddd`.
fn fmt_f(out: &mut String, neg: bool, d: &Digits, prec: i64) {
    if neg {
        out.push('-');
    }
    if d.dp > 0 {
        let dp = d.dp as usize;
        let m = d.d.len().min(dp);
        out.extend(d.d[..m].iter().map(|&b| char::from(b)));
        out.extend(std::iter::repeat_n('0', dp - m));
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec {
            let j = i64::from(d.dp) + i;
            let ch = usize::try_from(j)
                .ok()
                .and_then(|j| d.d.get(j))
                .copied()
                .unwrap_or(b'0');
            out.push(char::from(ch));
        }
    }
}

/// The binary mantissa and exponent of a finite non-negative value, as
/// genericFtoa computes them (`mant × 2^exp`, denormals included).
fn mant_exp(a: f64, bits32: bool) -> (u64, i64) {
    let (mantbits, expbits, bias, raw): (u32, u32, i64, u64) = if bits32 {
        (23, 8, -127, u64::from((a as f32).to_bits()))
    } else {
        (52, 11, -1023, a.to_bits())
    };
    let mut exp = ((raw >> mantbits) & ((1 << expbits) - 1)) as i64;
    let mut mant = raw & ((1u64 << mantbits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1u64 << mantbits;
    }
    (mant, exp + bias - i64::from(mantbits))
}

/// `%b`: `-ddddddddp±ddd`.
fn fmt_b(neg: bool, a: f64, bits32: bool) -> String {
    let (mant, exp) = mant_exp(a, bits32);
    let sign = if neg { "-" } else { "" };
    let esign = if exp >= 0 { "+" } else { "" };
    format!("{sign}{mant}p{esign}{exp}")
}

/// `%x`: `-0x1.yyyyyyyyp±dd` (or `-0x0p+00`).
fn fmt_x(neg: bool, a: f64, bits32: bool, prec: i64, fmt: u8) -> String {
    let mantbits = if bits32 { 23 } else { 52 };
    let (mut mant, e) = mant_exp(a, bits32);
    // mant_exp gives mant × 2^e; ftoa.go's exp is for the form 1.xxx × 2^exp.
    let mut exp = e + mantbits;
    if mant == 0 {
        exp = 0;
    }
    // Shift digits so the leading 1 (if any) is at bit 1<<60.
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push('0');
    out.push(char::from(fmt));
    out.push(char::from(b'0' + ((mant >> 60) & 1) as u8));
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(char::from(hex[((mant >> 60) & 15) as usize]));
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(char::from(hex[((mant >> 60) & 15) as usize]));
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exp.unsigned_abs()));
    out
}

#[cfg(test)]
mod tests {
    use super::format_float;

    /// Expected strings printed by Go 1.23's strconv.FormatFloat.
    #[test]
    fn format_float_matches_go() {
        #[rustfmt::skip]
        let rows: &[(f64, u8, i64, i64, &str)] = &[
            (0.0, b'g', -1, 64, "0"),
            (-0.0, b'g', -1, 64, "-0"),
            (0.0, b'e', -1, 64, "0e+00"),
            (0.0, b'e', 3, 64, "0.000e+00"),
            (0.0, b'f', -1, 64, "0"),
            (1.0, b'f', -1, 64, "1"),
            (0.1, b'g', -1, 32, "0.1"),
            (0.1, b'g', -1, 64, "0.1"),
            (f64::from(0.1f32), b'g', -1, 64, "0.10000000149011612"),
            (1e21, b'g', -1, 64, "1e+21"),
            (1e20, b'f', -1, 64, "100000000000000000000"),
            (123456789.0, b'g', -1, 64, "1.23456789e+08"),
            (100000.0, b'g', -1, 64, "100000"),
            (1000000.0, b'g', -1, 64, "1e+06"),
            (0.0001, b'g', -1, 64, "0.0001"),
            (0.00001, b'g', -1, 64, "1e-05"),
            (1234.5678, b'e', 6, 64, "1.234568e+03"),
            (1234.5678, b'E', -1, 64, "1.2345678E+03"),
            (0.000012, b'g', -1, 64, "1.2e-05"),
            (std::f64::consts::PI, b'g', 3, 64, "3.14"),
            (std::f64::consts::PI, b'g', 0, 64, "3"),
            (100.0, b'g', 2, 64, "1e+02"),
            (100.0, b'g', 3, 64, "100"),
            (123456.0, b'g', 10, 64, "123456"),
            (0.5, b'f', 0, 64, "0"),
            (1.5, b'f', 0, 64, "2"),
            (2.5, b'f', 0, 64, "2"),
            (0.125, b'f', 2, 64, "0.12"),
            (-0.0001, b'f', 2, 64, "-0.00"),
            (1e23, b'f', 2, 64, "99999999999999991611392.00"),
            (5e-324, b'g', -1, 64, "5e-324"),
            (5e-324, b'e', 3, 64, "4.941e-324"),
            (f64::MAX, b'g', -1, 64, "1.7976931348623157e+308"),
            (1.0, b'b', -1, 64, "4503599627370496p-52"),
            (1.0, b'b', -1, 32, "8388608p-23"),
            (-0.5, b'b', -1, 64, "-4503599627370496p-53"),
            (1.0, b'x', -1, 64, "0x1p+00"),
            (0.0, b'x', -1, 64, "0x0p+00"),
            (1.5, b'X', 3, 64, "0X1.800P+00"),
            (3.0, b'x', 0, 64, "0x1p+02"),
            (1e300, b'x', -1, 64, "0x1.7e43c8800759cp+996"),
            (f64::NAN, b'g', -1, 64, "NaN"),
            (f64::INFINITY, b'f', 2, 64, "+Inf"),
            (f64::NEG_INFINITY, b'e', -1, 32, "-Inf"),
            (16777217.0, b'f', -1, 32, "16777216"),
            (3.3333333333333335, b'g', -1, 32, "3.3333333"),
            (1.0, b'z', -1, 64, "%z"),
            (123.456, b'g', 5, 64, "123.46"),
            (0.000123456, b'G', 2, 64, "0.00012"),
            (1e-5, b'G', 2, 64, "1E-05"),
        ];
        for &(v, fmt, prec, bits, want) in rows {
            assert_eq!(
                format_float(v, fmt, prec, bits).as_deref(),
                Some(want),
                "FormatFloat({v:e}, '{}', {prec}, {bits})",
                char::from(fmt)
            );
        }
        assert_eq!(format_float(1.0, b'g', -1, 16), None);
    }
}
