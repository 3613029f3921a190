//! The scanner: source text to tokens, with Go's automatic semicolons and Go's scanner errors.
//!
//! A port of `cmd/compile/internal/syntax/scanner.go`. The parser pulls one
//! token at a time with [`Lexer::next`]; the current token's kind, text,
//! operator and position are public fields. A newline (or EOF) after an
//! identifier, literal, `break`/`continue`/`fallthrough`/`return`, `++`/`--`
//! or a closing bracket becomes a [`Tok::Semi`] whose `lit` is `"newline"`
//! (or `"EOF"`), which is how Go words `syntax error: unexpected newline`.
//!
//! Scanner errors (`newline in string`, `invalid character U+0040 '@'`) are
//! collected in [`Lexer::errors`]; like Go's, they have no `syntax error:`
//! prefix. The scanner never fails and never loops without consuming input.

use crate::diag::Diagnostic;
use crate::span::Span;
use crate::token::{LitKind, Op, Tok, PREC_ADD, PREC_ANDAND, PREC_CMP, PREC_MUL, PREC_OROR};

/// Pull-based scanner over one source text.
pub struct Lexer<'a> {
    src: &'a str,
    /// Current character, or -1 at end of input.
    ch: i32,
    /// Byte offset of `ch`.
    ch_off: usize,
    /// Byte offset just past `ch`.
    rd: usize,
    /// Whether a newline or EOF turns into a semicolon.
    nlsemi: bool,

    /// Kind of the current token.
    pub tok: Tok,
    /// Byte offset where the current token starts.
    pub off: u32,
    /// Byte offset just past the current token.
    pub end: u32,
    /// Text of a name or literal; for `Semi`, one of `semicolon`, `newline`, `EOF`.
    pub lit: &'a str,
    /// Kind of a literal.
    pub kind: LitKind,
    /// Whether a literal had an error (its text may be malformed).
    pub bad: bool,
    /// Operator of `Operator`, `AssignOp`, `IncOp` and `Star` tokens.
    pub op: Op,
    /// Binary precedence of `op`.
    pub prec: u8,
    /// Scanner errors, in the order found.
    pub errors: Vec<Diagnostic>,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        let mut lx = Lexer {
            src,
            ch: ' ' as i32,
            ch_off: 0,
            rd: 0,
            nlsemi: false,
            tok: Tok::Eof,
            off: 0,
            end: 0,
            lit: "",
            kind: LitKind::Int,
            bad: false,
            op: Op::Add,
            prec: 0,
            errors: Vec::new(),
        };
        lx.nextch();
        // A byte-order mark is allowed as the very first character only.
        if lx.ch == 0xFEFF {
            lx.nextch();
        }
        lx
    }

    /// The source being scanned.
    pub fn source(&self) -> &'a str {
        self.src
    }

    fn error_at(&mut self, off: usize, msg: String) {
        self.errors
            .push(Diagnostic::new(Span::new(off as u32, off as u32), msg));
    }

    /// Reports at the current character, like Go's `s.errorf`.
    fn errorf(&mut self, msg: String) {
        self.error_at(self.ch_off, msg);
    }

    fn nextch(&mut self) {
        loop {
            self.ch_off = self.rd;
            let Some(c) = self.src[self.rd..].chars().next() else {
                self.ch = -1;
                return;
            };
            self.rd += c.len_utf8();
            if c == '\0' {
                self.errorf("invalid NUL character".into());
                continue;
            }
            if c == '\u{FEFF}' && self.ch_off > 0 {
                self.errorf("invalid BOM in the middle of the file".into());
                continue;
            }
            self.ch = c as i32;
            return;
        }
    }

    fn ch_is(&self, c: char) -> bool {
        self.ch == c as i32
    }

    fn segment(&self) -> &'a str {
        &self.src[self.off as usize..self.ch_off]
    }

    /// Advances to the next token.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while self.ch_is(' ')
                || self.ch_is('\t')
                || (self.ch_is('\n') && !nlsemi)
                || self.ch_is('\r')
            {
                self.nextch();
            }
            self.off = self.ch_off as u32;
            if self.scan_token(nlsemi) {
                self.end = self.ch_off as u32;
                return;
            }
        }
    }

    /// Scans one token; returns false if it only skipped a comment or a bad character.
    fn scan_token(&mut self, nlsemi: bool) -> bool {
        let ch = self.ch;
        if ch < 0 {
            if nlsemi {
                self.lit = "EOF";
                self.tok = Tok::Semi;
            } else {
                self.tok = Tok::Eof;
            }
            return true;
        }
        let c = char::from_u32(ch as u32).unwrap_or('\u{FFFD}');
        if is_letter(c) || (ch >= 0x80 && self.at_ident_char(true)) {
            self.nextch();
            self.ident();
            return true;
        }
        match c {
            '\n' => {
                self.nextch();
                self.lit = "newline";
                self.tok = Tok::Semi;
            }
            '0'..='9' => self.number(false),
            '"' => self.std_string(),
            '`' => self.raw_string(),
            '\'' => self.rune_lit(),
            '(' => self.punct(Tok::Lparen, false),
            '[' => self.punct(Tok::Lbrack, false),
            '{' => self.punct(Tok::Lbrace, false),
            ',' => self.punct(Tok::Comma, false),
            ';' => {
                self.nextch();
                self.lit = "semicolon";
                self.tok = Tok::Semi;
            }
            ')' => self.punct(Tok::Rparen, true),
            ']' => self.punct(Tok::Rbrack, true),
            '}' => self.punct(Tok::Rbrace, true),
            ':' => {
                self.nextch();
                if self.ch_is('=') {
                    self.nextch();
                    self.tok = Tok::Define;
                } else {
                    self.tok = Tok::Colon;
                }
            }
            '.' => {
                self.nextch();
                if (self.ch as u32).wrapping_sub('0' as u32) < 10 && self.ch >= 0 {
                    self.number(true);
                } else if self.ch_is('.') && self.src.as_bytes().get(self.rd) == Some(&b'.') {
                    self.nextch();
                    self.nextch();
                    self.tok = Tok::DotDotDot;
                } else {
                    self.tok = Tok::Dot;
                }
            }
            '+' | '-' => {
                self.nextch();
                self.op = if c == '+' { Op::Add } else { Op::Sub };
                self.prec = PREC_ADD;
                if self.ch_is(c) {
                    self.nextch();
                    self.nlsemi = true;
                    self.tok = Tok::IncOp;
                } else {
                    self.assignop();
                }
            }
            '*' => {
                self.nextch();
                self.op = Op::Mul;
                self.prec = PREC_MUL;
                if self.ch_is('=') {
                    self.nextch();
                    self.tok = Tok::AssignOp;
                } else {
                    self.tok = Tok::Star;
                }
            }
            '/' => {
                self.nextch();
                if self.ch_is('/') {
                    while self.ch >= 0 && !self.ch_is('\n') {
                        self.nextch();
                    }
                    return false;
                }
                if self.ch_is('*') {
                    self.nextch();
                    let start = self.off as usize;
                    self.skip_comment(start);
                    let has_newline = self.src[start..self.ch_off].contains('\n');
                    if has_newline && nlsemi {
                        self.lit = "newline";
                        self.tok = Tok::Semi;
                        return true;
                    }
                    return false;
                }
                self.op = Op::Div;
                self.prec = PREC_MUL;
                self.assignop();
            }
            '%' => {
                self.nextch();
                self.op = Op::Rem;
                self.prec = PREC_MUL;
                self.assignop();
            }
            '&' => {
                self.nextch();
                if self.ch_is('&') {
                    self.nextch();
                    self.set_op(Op::AndAnd, PREC_ANDAND);
                } else {
                    self.op = Op::And;
                    self.prec = PREC_MUL;
                    if self.ch_is('^') {
                        self.nextch();
                        self.op = Op::AndNot;
                    }
                    self.assignop();
                }
            }
            '|' => {
                self.nextch();
                if self.ch_is('|') {
                    self.nextch();
                    self.set_op(Op::OrOr, PREC_OROR);
                } else {
                    self.op = Op::Or;
                    self.prec = PREC_ADD;
                    self.assignop();
                }
            }
            '^' => {
                self.nextch();
                self.op = Op::Xor;
                self.prec = PREC_ADD;
                self.assignop();
            }
            '<' => {
                self.nextch();
                if self.ch_is('=') {
                    self.nextch();
                    self.set_op(Op::Leq, PREC_CMP);
                } else if self.ch_is('<') {
                    self.nextch();
                    self.op = Op::Shl;
                    self.prec = PREC_MUL;
                    self.assignop();
                } else if self.ch_is('-') {
                    self.nextch();
                    self.tok = Tok::Arrow;
                } else {
                    self.set_op(Op::Lss, PREC_CMP);
                }
            }
            '>' => {
                self.nextch();
                if self.ch_is('=') {
                    self.nextch();
                    self.set_op(Op::Geq, PREC_CMP);
                } else if self.ch_is('>') {
                    self.nextch();
                    self.op = Op::Shr;
                    self.prec = PREC_MUL;
                    self.assignop();
                } else {
                    self.set_op(Op::Gtr, PREC_CMP);
                }
            }
            '=' => {
                self.nextch();
                if self.ch_is('=') {
                    self.nextch();
                    self.set_op(Op::Eql, PREC_CMP);
                } else {
                    self.tok = Tok::Assign;
                }
            }
            '!' => {
                self.nextch();
                if self.ch_is('=') {
                    self.nextch();
                    self.set_op(Op::Neq, PREC_CMP);
                } else {
                    self.set_op(Op::Not, 0);
                }
            }
            '~' => {
                self.nextch();
                self.set_op(Op::Tilde, 0);
            }
            _ => {
                self.errorf(format!("invalid character {}", fmt_unicode(c)));
                self.nextch();
                return false;
            }
        }
        true
    }

    fn punct(&mut self, tok: Tok, nlsemi: bool) {
        self.nextch();
        self.nlsemi = nlsemi;
        self.tok = tok;
    }

    fn set_op(&mut self, op: Op, prec: u8) {
        self.op = op;
        self.prec = prec;
        self.tok = Tok::Operator;
    }

    fn assignop(&mut self) {
        if self.ch_is('=') {
            self.nextch();
            self.tok = Tok::AssignOp;
        } else {
            self.tok = Tok::Operator;
        }
    }

    fn at_ident_char(&mut self, first: bool) -> bool {
        let Some(c) = char::from_u32(self.ch.max(0) as u32) else {
            return false;
        };
        if self.ch < 0 {
            return false;
        }
        if c.is_alphabetic() || c == '_' {
            true
        } else if c.is_numeric() && c as u32 >= 0x80 {
            if first {
                self.errorf(format!(
                    "identifier cannot begin with digit {}",
                    fmt_unicode(c)
                ));
            }
            true
        } else if c.is_ascii_digit() {
            true
        } else if c as u32 >= 0x80 {
            self.errorf(format!(
                "invalid character {} in identifier",
                fmt_unicode(c)
            ));
            true
        } else {
            false
        }
    }

    fn ident(&mut self) {
        loop {
            if self.ch >= 0 && self.ch < 0x80 {
                let c = self.ch as u8;
                if c.is_ascii_alphanumeric() || c == b'_' {
                    self.nextch();
                    continue;
                }
                break;
            }
            if self.ch >= 0x80 && self.at_ident_char(false) {
                self.nextch();
                continue;
            }
            break;
        }
        let lit = self.segment();
        if let Some(kw) = Tok::keyword(lit) {
            self.nlsemi = matches!(
                kw,
                Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return
            );
            self.tok = kw;
            return;
        }
        self.nlsemi = true;
        self.lit = lit;
        self.tok = Tok::Name;
    }

    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Tok::Literal;
        self.lit = self.segment();
        self.bad = !ok;
        self.kind = kind;
    }

    /// Scans digits of `base`; returns bit 0 = digit seen, bit 1 = `_` seen.
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u32 {
        let mut digsep = 0;
        while let Some(c) = char::from_u32(self.ch.max(0) as u32).filter(|_| self.ch >= 0) {
            let ok = if base <= 10 {
                c.is_ascii_digit() || c == '_'
            } else {
                c.is_ascii_hexdigit() || c == '_'
            };
            if !ok {
                break;
            }
            let mut ds = 1;
            if c == '_' {
                ds = 2;
            } else if base <= 10 && c.to_digit(10).unwrap_or(0) >= base && invalid.is_none() {
                *invalid = Some(self.ch_off - self.off as usize);
            }
            digsep |= ds;
            self.nextch();
        }
        digsep
    }

    fn number(&mut self, seen_point: bool) {
        let mut seen_point = seen_point;
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = '\0';
        let mut digsep = 0;
        let mut invalid = None;
        if !seen_point {
            if self.ch_is('0') {
                self.nextch();
                match lower(self.ch) {
                    'x' => {
                        self.nextch();
                        base = 16;
                        prefix = 'x';
                    }
                    'o' => {
                        self.nextch();
                        base = 8;
                        prefix = 'o';
                    }
                    'b' => {
                        self.nextch();
                        base = 2;
                        prefix = 'b';
                    }
                    _ => {
                        base = 8;
                        prefix = '0';
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.ch_is('.') {
                if prefix == 'o' || prefix == 'b' {
                    self.errorf(format!(
                        "invalid radix point in {} literal",
                        base_name(base)
                    ));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.errorf(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = lower(self.ch);
        if e == 'e' || e == 'p' {
            if ok {
                if e == 'e' && prefix != '\0' && prefix != '0' {
                    self.errorf(format!(
                        "'{}' exponent requires decimal mantissa",
                        self.ch as u8 as char
                    ));
                    ok = false;
                } else if e == 'p' && prefix != 'x' {
                    self.errorf(format!(
                        "'{}' exponent requires hexadecimal mantissa",
                        self.ch as u8 as char
                    ));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.ch_is('+') || self.ch_is('-') {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.errorf("exponent has no digits".into());
                ok = false;
            }
        } else if prefix == 'x' && kind == LitKind::Float && ok {
            self.errorf("hexadecimal mantissa requires a 'p' exponent".into());
            ok = false;
        }
        if self.ch_is('i') {
            kind = LitKind::Imag;
            self.nextch();
        }
        self.set_lit(kind, ok);
        if kind == LitKind::Int && ok {
            if let Some(i) = invalid {
                let d = self.lit.as_bytes().get(i).copied().unwrap_or(b'?') as char;
                self.error_at(
                    self.off as usize + i,
                    format!("invalid digit '{d}' in {} literal", base_name(base)),
                );
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(self.lit) {
                self.error_at(
                    self.off as usize + i,
                    "'_' must separate successive digits".into(),
                );
                ok = false;
            }
        }
        self.bad = !ok;
    }

    fn rune_lit(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.ch_is('\'') {
                if ok {
                    if n == 0 {
                        self.errorf("empty rune literal or unescaped '".into());
                        ok = false;
                    } else if n != 1 {
                        self.error_at(
                            self.off as usize,
                            "more than one character in rune literal".into(),
                        );
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.ch_is('\\') {
                self.nextch();
                if !self.escape('\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.ch_is('\n') {
                if ok {
                    self.errorf("newline in rune literal".into());
                    ok = false;
                }
                break;
            }
            if self.ch < 0 {
                if ok {
                    self.error_at(self.off as usize, "rune literal not terminated".into());
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }
        self.set_lit(LitKind::Rune, ok);
    }

    fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.ch_is('"') {
                self.nextch();
                break;
            }
            if self.ch_is('\\') {
                self.nextch();
                if !self.escape('"') {
                    ok = false;
                }
                continue;
            }
            if self.ch_is('\n') {
                self.errorf("newline in string".into());
                ok = false;
                break;
            }
            if self.ch < 0 {
                self.error_at(self.off as usize, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.ch_is('`') {
                self.nextch();
                break;
            }
            if self.ch < 0 {
                self.error_at(self.off as usize, "string not terminated".into());
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn skip_comment(&mut self, start: usize) {
        while self.ch >= 0 {
            while self.ch_is('*') {
                self.nextch();
                if self.ch_is('/') {
                    self.nextch();
                    return;
                }
            }
            self.nextch();
        }
        self.error_at(start, "comment not terminated".into());
    }

    fn escape(&mut self, quote: char) -> bool {
        let (n, base, max): (u32, u32, u32);
        let c = self.ch;
        if c < 0 {
            return true;
        }
        let c = char::from_u32(c as u32).unwrap_or('\u{FFFD}');
        match c {
            'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | '\\' => {
                self.nextch();
                return true;
            }
            _ if c == quote => {
                self.nextch();
                return true;
            }
            '0'..='7' => {
                n = 3;
                base = 8;
                max = 255;
            }
            'x' => {
                self.nextch();
                n = 2;
                base = 16;
                max = 255;
            }
            'u' => {
                self.nextch();
                n = 4;
                base = 16;
                max = 0x10FFFF;
            }
            'U' => {
                self.nextch();
                n = 8;
                base = 16;
                max = 0x10FFFF;
            }
            _ => {
                self.errorf("unknown escape".into());
                return false;
            }
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch < 0 {
                return true;
            }
            let ch = char::from_u32(self.ch as u32).unwrap_or('\u{FFFD}');
            let d = ch.to_digit(16).unwrap_or(base);
            if d >= base {
                self.errorf(format!(
                    "invalid character {} in {} escape",
                    quote_char(ch),
                    base_name(base)
                ));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.errorf(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.errorf(format!(
                "escape is invalid Unicode code point {}",
                fmt_unicode_u32(x)
            ));
            return false;
        }
        true
    }
}

fn lower(ch: i32) -> char {
    if ch < 0 {
        return '\0';
    }
    char::from_u32(ch as u32)
        .map(|c| c.to_ascii_lowercase())
        .unwrap_or('\0')
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Index of the first misplaced `_` in a number literal, as Go's `invalidSep`.
fn invalid_sep(x: &str) -> Option<usize> {
    let b = x.as_bytes();
    let mut x1 = ' ';
    let mut d = '.';
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' {
        x1 = (b[1] as char).to_ascii_lowercase();
        if x1 == 'x' || x1 == 'o' || x1 == 'b' {
            d = '0';
            i = 2;
        }
    }
    while i < b.len() {
        let p = d;
        d = b[i] as char;
        if d == '_' {
            if p != '0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == 'x' && d.is_ascii_hexdigit()) {
            d = '0';
        } else {
            if p == '_' {
                return Some(i - 1);
            }
            d = '.';
        }
        i += 1;
    }
    if d == '_' {
        return Some(b.len() - 1);
    }
    None
}

/// Go's `%#U`: `U+0040 '@'` (the character is omitted when not printable).
pub fn fmt_unicode(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{}'", c as u32, c)
    }
}

fn fmt_unicode_u32(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) => fmt_unicode(c),
        None => format!("U+{x:04X}"),
    }
}

/// Go's `%q` of a rune.
pub fn quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        '\n' => "'\\n'".into(),
        '\t' => "'\\t'".into(),
        '\r' => "'\\r'".into(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<String> {
        let mut lx = Lexer::new(src);
        let mut out = Vec::new();
        loop {
            lx.next();
            let s = match lx.tok {
                Tok::Name | Tok::Literal => format!("{}({})", lx.tok.as_str(), lx.lit),
                Tok::Semi => format!(";{}", lx.lit),
                Tok::Operator | Tok::Star => lx.op.as_str().to_string(),
                Tok::AssignOp => format!("{}=", lx.op.as_str()),
                Tok::IncOp => format!("{0}{0}", lx.op.as_str()),
                t => t.as_str().to_string(),
            };
            out.push(s);
            if lx.tok == Tok::Eof {
                break;
            }
        }
        out
    }

    #[test]
    fn automatic_semicolons() {
        let got = toks("x := 1\nx++\nreturn\n}\nfoo(\n)");
        assert_eq!(
            got.join(" "),
            "name(x) := literal(1) ;newline name(x) ++ ;newline return ;newline } ;newline name(foo) ( ) ;EOF EOF"
        );
    }

    #[test]
    fn operators_and_literals() {
        let got = toks("a &^= b<<2 <- c ... 0x1F 1.5e3 'a' `raw` \"s\\n\" &&|| != ~");
        assert_eq!(
            got.join(" "),
            "name(a) &^= name(b) << literal(2) <- name(c) ... literal(0x1F) literal(1.5e3) literal('a') literal(`raw`) literal(\"s\\n\") && || != ~ EOF"
        );
    }

    #[test]
    fn comments_and_block_comment_newline() {
        assert_eq!(
            toks("x /* a\nb */ y // c\n").join(" "),
            "name(x) ;newline name(y) ;newline EOF"
        );
    }

    #[test]
    fn scanner_errors() {
        let mut lx = Lexer::new("\"abc\nx @ 09 '' 1__0");
        while {
            lx.next();
            lx.tok != Tok::Eof
        } {}
        let msgs: Vec<_> = lx
            .errors
            .iter()
            .map(|d| (d.span.lo, d.message.as_str()))
            .collect();
        assert_eq!(
            msgs,
            vec![
                (4, "newline in string"),
                (7, "invalid character U+0040 '@'"),
                (10, "invalid digit '9' in octal literal"),
                (13, "empty rune literal or unescaped '"),
                (17, "'_' must separate successive digits"),
            ]
        );
    }
}
