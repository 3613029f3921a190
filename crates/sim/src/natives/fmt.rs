//! Package fmt: a port of Go 1.23's printing (fmt/print.go and fmt/format.go) over simulated
//! values — verbs, flags, widths, precisions, argument indexes, the `%!` error forms, Error/
//! String/GoString methods (with their panics caught), sorted maps, and the builtin print.
//!
//! Where Go uses reflection, the printer walks the program's runtime type information: a
//! "reflect value" is a type, a value, and whether it was reached through an unexported field
//! (then its methods may not be called, as reflect's read-only flag forbids). Pointers print as
//! stable stand-in addresses derived from object ids, since real addresses vary from run to run.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use gosched_lang::bytecode::{FloatTy, MethodImpl, TypeId, TypeKind};

use crate::heap::Obj;
use crate::ids::{GoId, ProcId};
use crate::interp::{decode_rune_pub as decode_rune, Trap, R};
use crate::machine::Machine;
use crate::natives::floatfmt::format_float;
use crate::natives::strconv::{can_backquote, quote, quote_rune};
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("fmt.Println", |m, c| {
        print_native(m, c, Mode::Println, Dest::Stdout)
    });
    r.insert("fmt.Print", |m, c| {
        print_native(m, c, Mode::Print, Dest::Stdout)
    });
    r.insert("fmt.Printf", |m, c| {
        print_native(m, c, Mode::Printf, Dest::Stdout)
    });
    r.insert("fmt.Sprintln", |m, c| {
        print_native(m, c, Mode::Println, Dest::String)
    });
    r.insert("fmt.Sprint", |m, c| {
        print_native(m, c, Mode::Print, Dest::String)
    });
    r.insert("fmt.Sprintf", |m, c| {
        print_native(m, c, Mode::Printf, Dest::String)
    });
    r.insert("builtin.print", |m, c| print_builtin(m, c, false));
    r.insert("builtin.println", |m, c| print_builtin(m, c, true));
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Print,
    Println,
    Printf,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dest {
    Stdout,
    String,
}

/// The Print family: `(format string,)? a ...any`; Printf/Println return
/// `(n int, err error)` when printing, Sprint* return a string.
fn print_native(m: &mut Machine, c: &mut NativeCall, mode: Mode, dest: Dest) -> R<NRet> {
    let (format, args_v) = if mode == Mode::Printf {
        (m.str_arg(c, 0), m.arg(c, 1))
    } else {
        (Vec::new(), m.arg(c, 0))
    };
    let args = m.heap.slice_values(args_v);
    let mut pr = Printer::new(m, c.p, c.g);
    match mode {
        Mode::Println => pr.do_println(&args)?,
        Mode::Print => pr.do_print(&args)?,
        Mode::Printf => pr.do_printf(&format, &args)?,
    }
    let out = pr.buf;
    match dest {
        Dest::Stdout => {
            m.write_out(c.g, false, &out)?;
            m.ret_val(c, 0, Value::Int(out.len() as i64));
            m.ret_val(c, 1, Value::Nil);
        }
        Dest::String => m.ret_str(c, 0, &out),
    }
    Ok(NRet::Done)
}

/// The builtins `print`/`println`: to stderr, runtime formatting.
fn print_builtin(m: &mut Machine, c: &mut NativeCall, ln: bool) -> R<NRet> {
    let args = m.heap.slice_values(m.arg(c, 0));
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if ln && i > 0 {
            out.push(' ');
        }
        let (ty, v) = m.iface_parts(*a);
        out.push_str(&match ty.map(|t| m.prog.ty(t).kind.clone()) {
            Some(TypeKind::Float(_)) => runtime_print_float(v.as_float()),
            Some(TypeKind::String) => m.heap.string_lossy(v),
            Some(TypeKind::Bool) => v.as_bool().to_string(),
            Some(TypeKind::Int(t)) if !t.is_signed() => (v.as_int() as u64).to_string(),
            Some(TypeKind::Int(_)) => v.as_int().to_string(),
            None => "nil".into(),
            _ => "0xc000010000".into(),
        });
    }
    if ln {
        out.push('\n');
    }
    m.write_out(c.g, true, out.as_bytes())?;
    Ok(NRet::Done)
}

/// How the Go runtime's `print` shows a float64: `+1.500000e+000`.
pub fn runtime_print_float(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:.6e}", v.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let sign = if v.is_sign_negative() { '-' } else { '+' };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}{mant}e{esign}{:03}", e.abs())
}

/// fmt.fmtFlags plus width and precision.
#[derive(Clone, Copy, Default, Debug)]
struct Flags {
    wid_present: bool,
    prec_present: bool,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    /// `%+v` and `%#v` set these and clear `plus`/`sharp`.
    plus_v: bool,
    sharp_v: bool,
    wid: i64,
    prec: i64,
}

/// A value as reflection sees it: its type, its representation, and
/// whether it was reached through an unexported field (read-only).
#[derive(Clone, Copy, Debug)]
struct RVal {
    ty: TypeId,
    v: Value,
    ro: bool,
}

const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Nesting beyond which printing stops (Go would overflow its stack on a
/// value that contains itself).
const MAX_DEPTH: u32 = 1000;

/// fmt.pp: one print operation.
struct Printer<'a> {
    m: &'a mut Machine,
    p: ProcId,
    g: GoId,
    buf: Vec<u8>,
    f: Flags,
    erroring: bool,
    panicking: bool,
    /// Whether an argument index (`%[2]d`) was used.
    reordered: bool,
    good_arg_num: bool,
}

impl<'a> Printer<'a> {
    fn new(m: &'a mut Machine, p: ProcId, g: GoId) -> Printer<'a> {
        Printer {
            m,
            p,
            g,
            buf: Vec::new(),
            f: Flags::default(),
            erroring: false,
            panicking: false,
            reordered: false,
            good_arg_num: true,
        }
    }

    fn type_name(&self, t: TypeId) -> String {
        self.m.prog.ty(t).name.clone()
    }

    fn kind(&self, t: TypeId) -> &TypeKind {
        &self.m.prog.ty(t).kind
    }

    // ===== Print, Println, Printf =====

    fn do_print(&mut self, args: &[Value]) -> R<()> {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let (t, _) = self.m.iface_parts(*a);
            let is_string = t.is_some_and(|t| matches!(self.kind(t), TypeKind::String));
            if i > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.f = Flags::default();
            self.print_arg(*a, 'v')?;
            prev_string = is_string;
        }
        Ok(())
    }

    fn do_println(&mut self, args: &[Value]) -> R<()> {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.f = Flags::default();
            self.print_arg(*a, 'v')?;
        }
        self.buf.push(b'\n');
        Ok(())
    }

    /// fmt.intFromArg: argument `n` as a width or precision.
    fn int_from_arg(&self, args: &[Value], n: usize) -> (i64, bool, usize) {
        let Some(a) = args.get(n) else {
            return (0, false, n);
        };
        let (t, v) = self.m.iface_parts(*a);
        let (mut num, mut ok) = match t.map(|t| self.kind(t)) {
            Some(TypeKind::Int(it)) => {
                let x = v.as_int();
                if !it.is_signed() && x < 0 {
                    (0, false)
                } else {
                    (x, true)
                }
            }
            _ => (0, false),
        };
        if !(-1_000_000..=1_000_000).contains(&num) {
            num = 0;
            ok = false;
        }
        (num, ok, n + 1)
    }

    /// fmt.argNumber: an explicit `[n]` index at `i`.
    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        nargs: usize,
    ) -> (usize, usize, bool) {
        if format.get(i) != Some(&b'[') {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && 0 <= index && (index as usize) < nargs {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    fn do_printf(&mut self, format: &[u8], args: &[Value]) -> R<()> {
        let end = format.len();
        let mut arg_num = 0usize;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            self.buf.extend_from_slice(&format[lasti..i]);
            if i >= end {
                break;
            }
            i += 1;
            self.f = Flags::default();
            while i < end {
                match format[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, args.len());
            if i < end && format[i] == b'*' {
                i += 1;
                let (w, ok, n) = self.int_from_arg(args, arg_num);
                (self.f.wid, self.f.wid_present, arg_num) = (w, ok, n);
                if !ok {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.f.wid < 0 {
                    self.f.wid = -self.f.wid;
                    self.f.minus = true;
                    self.f.zero = false;
                }
                after_index = false;
            } else {
                let (w, ok, ni) = parse_num(format, i, end);
                (self.f.wid, self.f.wid_present, i) = (w, ok, ni);
                if after_index && self.f.wid_present {
                    self.good_arg_num = false;
                }
            }
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, args.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (p, ok, n) = self.int_from_arg(args, arg_num);
                    (self.f.prec, self.f.prec_present, arg_num) = (p, ok, n);
                    if self.f.prec < 0 {
                        self.f.prec = 0;
                        self.f.prec_present = false;
                    }
                    if !self.f.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (p, ok, ni) = parse_num(format, i, end);
                    (self.f.prec, self.f.prec_present, i) = (p, ok, ni);
                    if !self.f.prec_present {
                        self.f.prec = 0;
                        self.f.prec_present = true;
                    }
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, args.len());
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (r, size) = if format[i] < 0x80 {
                (u32::from(format[i]), 1)
            } else {
                decode_rune(&format[i..])
            };
            let verb = char::from_u32(r).unwrap_or('\u{FFFD}');
            i += size.max(1);
            if verb == '%' {
                self.buf.push(b'%');
            } else if !self.good_arg_num {
                self.push_str(&format!("%!{verb}(BADINDEX)"));
            } else if arg_num >= args.len() {
                self.push_str(&format!("%!{verb}(MISSING)"));
            } else {
                if verb == 'v' || verb == 'w' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(args[arg_num], verb)?;
                arg_num += 1;
            }
        }
        if !self.reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, a) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                match self.m.iface_parts(*a).0 {
                    None => self.buf.extend_from_slice(b"<nil>"),
                    Some(t) => {
                        let name = self.type_name(t);
                        self.push_str(&name);
                        self.buf.push(b'=');
                        self.print_arg(*a, 'v')?;
                    }
                }
            }
            self.buf.push(b')');
        }
        Ok(())
    }

    fn push_str(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    // ===== printArg, handleMethods, printValue =====

    /// fmt.printArg: one interface argument.
    fn print_arg(&mut self, arg: Value, verb: char) -> R<()> {
        let (ty, v) = self.m.iface_parts(arg);
        let Some(ty) = ty else {
            return match verb {
                'T' | 'v' => {
                    self.pad(b"<nil>");
                    Ok(())
                }
                _ => self.bad_verb(verb, None),
            };
        };
        let rv = RVal { ty, v, ro: false };
        match verb {
            'T' => {
                let name = self.type_name(ty);
                self.fmt_s(name.as_bytes());
                return Ok(());
            }
            'p' => return self.fmt_pointer(rv, 'p'),
            _ => {}
        }
        if !self.handle_methods(verb, rv)? {
            self.print_value(rv, verb, 0)?;
        }
        Ok(())
    }

    /// Calls a method returning a string (Error, String, GoString).
    fn call_string_method(&mut self, imp: MethodImpl, recv: Value) -> R<Vec<u8>> {
        let out = self.m.call_method_sync(self.p, self.g, imp, recv, &[])?;
        Ok(self
            .m
            .heap
            .bytes_of(out.first().copied().unwrap_or_default())
            .to_vec())
    }

    /// fmt.handleMethods: Error, String or (for `%#v`) GoString, with
    /// panics caught as `%!v(PANIC=String method: ...)`.
    fn handle_methods(&mut self, verb: char, rv: RVal) -> R<bool> {
        if self.erroring || rv.ro {
            return Ok(false);
        }
        // fmt.Errorf (written in Go over Sprintf) needs %w to print as %v.
        let verb = if verb == 'w' { 'v' } else { verb };
        let prog = self.m.prog.clone();
        let (imp, method) = if self.f.sharp_v {
            match prog.method_by_str(rv.ty, "GoString") {
                Some(imp) => (imp, "GoString"),
                None => return Ok(false),
            }
        } else {
            if !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
                return Ok(false);
            }
            match prog.method_by_str(rv.ty, "Error") {
                Some(imp) => (imp, "Error"),
                None => match prog.method_by_str(rv.ty, "String") {
                    Some(imp) => (imp, "String"),
                    None => return Ok(false),
                },
            }
        };
        match self.call_string_method(imp, rv.v) {
            Ok(s) => {
                if method == "GoString" {
                    self.fmt_s(&s);
                } else {
                    self.fmt_string(&s, verb, rv)?;
                }
            }
            Err(Trap::Panic(pv)) => self.catch_panic(rv, verb, method, pv)?,
            Err(e) => return Err(e),
        }
        Ok(true)
    }

    /// fmt.catchPanic.
    fn catch_panic(&mut self, rv: RVal, verb: char, method: &str, pv: Value) -> R<()> {
        if matches!(self.kind(rv.ty), TypeKind::Pointer { .. }) && rv.v.is_nil() {
            self.buf.extend_from_slice(b"<nil>");
            return Ok(());
        }
        if self.panicking {
            return Err(Trap::Panic(pv));
        }
        let old = self.f;
        self.f = Flags::default();
        self.push_str(&format!("%!{verb}(PANIC={method} method: "));
        self.panicking = true;
        let r = self.print_arg(pv, 'v');
        self.panicking = false;
        r?;
        self.buf.push(b')');
        self.f = old;
        Ok(())
    }

    /// fmt.badVerb: `%!verb(type=value)`.
    fn bad_verb(&mut self, verb: char, rv: Option<RVal>) -> R<()> {
        self.erroring = true;
        self.push_str(&format!("%!{verb}("));
        match rv {
            Some(rv) => {
                let name = self.type_name(rv.ty);
                self.push_str(&name);
                self.buf.push(b'=');
                self.print_value(rv, 'v', 0)?;
            }
            None => self.buf.extend_from_slice(b"<nil>"),
        }
        self.buf.push(b')');
        self.erroring = false;
        Ok(())
    }

    /// fmt.printValue: a value by its kind.
    fn print_value(&mut self, rv: RVal, verb: char, depth: u32) -> R<()> {
        if depth > MAX_DEPTH {
            return Err(Trap::Fatal("stack overflow".into()));
        }
        if depth > 0 && self.handle_methods(verb, rv)? {
            return Ok(());
        }
        let prog = self.m.prog.clone();
        let info = prog.ty(rv.ty);
        match &info.kind {
            TypeKind::Bool => match verb {
                't' | 'v' => self.pad(if rv.v.as_bool() { b"true" } else { b"false" }),
                _ => self.bad_verb(verb, Some(rv))?,
            },
            TypeKind::Int(it) => {
                self.fmt_integer(rv.v.as_int() as u64, it.is_signed(), verb, rv)?
            }
            TypeKind::Float(ft) => {
                let size = if *ft == FloatTy::F32 { 32 } else { 64 };
                self.fmt_float_verb(rv.v.as_float(), size, verb, rv)?;
            }
            TypeKind::String => {
                let s = self.m.heap.bytes_of(rv.v).to_vec();
                self.fmt_string(&s, verb, rv)?;
            }
            TypeKind::Map { key, val } => {
                let (key, val) = (*key, *val);
                if self.f.sharp_v {
                    self.push_str(&info.name);
                    if rv.v.is_nil() {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let mut entries: Vec<(Value, Value)> = match rv.v {
                    Value::Ref(o) => match self.m.heap.get(o) {
                        Obj::Map(mm) => mm.entries().collect(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                gosched_lang::sort::sort_by(&mut entries, |a, b| {
                    self.m.compare_keys(key, a.0, b.0)
                });
                for (i, (k, e)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    self.print_value(
                        RVal {
                            ty: key,
                            v: k,
                            ro: rv.ro,
                        },
                        verb,
                        depth + 1,
                    )?;
                    self.buf.push(b':');
                    self.print_value(
                        RVal {
                            ty: val,
                            v: e,
                            ro: rv.ro,
                        },
                        verb,
                        depth + 1,
                    )?;
                }
                self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
            }
            TypeKind::Struct { fields } => {
                if self.f.sharp_v {
                    self.push_str(&info.name);
                }
                self.buf.push(b'{');
                let slots = match rv.v {
                    Value::Ref(o) => self.m.heap.slots(o).to_vec(),
                    _ => Vec::new(),
                };
                for (i, fd) in fields.iter().enumerate() {
                    if i > 0 {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(b", ");
                        } else {
                            self.buf.push(b' ');
                        }
                    }
                    if self.f.plus_v || self.f.sharp_v {
                        self.push_str(&fd.name);
                        self.buf.push(b':');
                    }
                    let exported = fd.name.chars().next().is_some_and(char::is_uppercase);
                    let field = RVal {
                        ty: fd.ty,
                        v: slots.get(i).copied().unwrap_or_default(),
                        ro: rv.ro || !exported,
                    };
                    let field = self.get_field(field);
                    self.print_value(field, verb, depth + 1)?;
                }
                self.buf.push(b'}');
            }
            TypeKind::Interface { .. } => match self.m.iface_parts(rv.v) {
                (None, _) => {
                    if self.f.sharp_v {
                        self.push_str(&info.name);
                        self.buf.extend_from_slice(b"(nil)");
                    } else {
                        self.buf.extend_from_slice(b"<nil>");
                    }
                }
                (Some(t), v) => {
                    self.print_value(
                        RVal {
                            ty: t,
                            v,
                            ro: rv.ro,
                        },
                        verb,
                        depth + 1,
                    )?;
                }
            },
            TypeKind::Array { elem, .. } | TypeKind::Slice { elem } => {
                let elem = *elem;
                let vals: Vec<Value> = match rv.v {
                    Value::Slice(_) => self.m.heap.slice_values(rv.v),
                    Value::Ref(o) => self.m.heap.slots(o).to_vec(),
                    _ => Vec::new(),
                };
                if matches!(verb, 's' | 'q' | 'x' | 'X')
                    && matches!(
                        prog.ty(elem).kind,
                        TypeKind::Int(gosched_lang::bytecode::IntTy::U8)
                    )
                {
                    let bytes: Vec<u8> = vals.iter().map(|b| b.as_int() as u8).collect();
                    return self.fmt_bytes(&bytes, verb, rv);
                }
                if self.f.sharp_v {
                    self.push_str(&info.name);
                    if matches!(info.kind, TypeKind::Slice { .. }) && rv.v.is_nil() {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                    for (i, e) in vals.into_iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.print_value(
                            RVal {
                                ty: elem,
                                v: e,
                                ro: rv.ro,
                            },
                            verb,
                            depth + 1,
                        )?;
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for (i, e) in vals.into_iter().enumerate() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.print_value(
                            RVal {
                                ty: elem,
                                v: e,
                                ro: rv.ro,
                            },
                            verb,
                            depth + 1,
                        )?;
                    }
                    self.buf.push(b']');
                }
            }
            TypeKind::Pointer { elem } => {
                let elem = *elem;
                if depth == 0 && !rv.v.is_nil() {
                    let agg = matches!(
                        prog.ty(elem).kind,
                        TypeKind::Array { .. }
                            | TypeKind::Slice { .. }
                            | TypeKind::Struct { .. }
                            | TypeKind::Map { .. }
                    );
                    if agg {
                        let inner = match rv.v {
                            Value::Ptr(o, k) => self
                                .m
                                .heap
                                .slots(o)
                                .get(k as usize)
                                .copied()
                                .unwrap_or_default(),
                            other => other,
                        };
                        self.buf.push(b'&');
                        return self.print_value(
                            RVal {
                                ty: elem,
                                v: inner,
                                ro: rv.ro,
                            },
                            verb,
                            depth + 1,
                        );
                    }
                }
                self.fmt_pointer(rv, verb)?;
            }
            TypeKind::Chan { .. } | TypeKind::Func => self.fmt_pointer(rv, verb)?,
        }
        Ok(())
    }

    /// fmt.getField: a non-nil interface field is printed as its dynamic value.
    fn get_field(&self, f: RVal) -> RVal {
        if matches!(self.kind(f.ty), TypeKind::Interface { .. }) {
            if let (Some(t), v) = self.m.iface_parts(f.v) {
                return RVal { ty: t, v, ro: f.ro };
            }
        }
        f
    }

    // ===== kinds =====

    /// fmt.fmtPointer: chans, funcs, maps, pointers and slices as addresses.
    fn fmt_pointer(&mut self, rv: RVal, verb: char) -> R<()> {
        let addressable = matches!(
            self.kind(rv.ty),
            TypeKind::Chan { .. }
                | TypeKind::Func
                | TypeKind::Map { .. }
                | TypeKind::Pointer { .. }
                | TypeKind::Slice { .. }
        );
        if !addressable {
            return self.bad_verb(verb, Some(rv));
        }
        let u = fake_address(rv.v);
        match verb {
            'v' => {
                if self.f.sharp_v {
                    let name = self.type_name(rv.ty);
                    self.push_str(&format!("({name})("));
                    if u == 0 {
                        self.buf.extend_from_slice(b"nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.buf.push(b')');
                } else if u == 0 {
                    self.pad(b"<nil>");
                } else {
                    let sharp = !self.f.sharp;
                    self.fmt_0x64(u, sharp);
                }
            }
            'p' => {
                let sharp = !self.f.sharp;
                self.fmt_0x64(u, sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(u, false, verb, rv)?,
            _ => self.bad_verb(verb, Some(rv))?,
        }
        Ok(())
    }

    /// fmt.fmt0x64: hexadecimal, with or without the 0x prefix.
    fn fmt_0x64(&mut self, u: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_int_base(u, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    /// pp.fmtInteger: the verbs of integers.
    fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, rv: RVal) -> R<()> {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt_0x64(u, true);
                } else {
                    self.fmt_int_base(u, 10, signed, verb, LDIGITS);
                }
            }
            'd' => self.fmt_int_base(u, 10, signed, verb, LDIGITS),
            'b' => self.fmt_int_base(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_int_base(u, 8, signed, verb, LDIGITS),
            'x' => self.fmt_int_base(u, 16, signed, verb, LDIGITS),
            'X' => self.fmt_int_base(u, 16, signed, verb, UDIGITS),
            'c' => {
                let s = rune_text(u, signed);
                self.pad(s.as_bytes());
            }
            'q' => {
                let r = rune_of(u, signed);
                let q = quote_rune(r, self.f.plus);
                self.pad(q.as_bytes());
            }
            'U' => self.fmt_unicode(u),
            _ => self.bad_verb(verb, Some(rv))?,
        }
        Ok(())
    }

    /// fmt.fmtInteger: digits, precision, zero padding, prefixes and sign.
    fn fmt_int_base(&mut self, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec: i64 = 0;
        if self.f.prec_present {
            prec = self.f.prec;
            if prec == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid);
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid_present {
            prec = self.f.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1;
            }
        }
        let mut out: Vec<u8> = Vec::new();
        while u >= base {
            out.push(digits[(u % base) as usize]);
            u /= base;
        }
        out.push(digits[u as usize]);
        while (out.len() as i64) < prec {
            out.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(digits[16]);
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.f.plus {
            out.push(b'+');
        } else if self.f.space {
            out.push(b' ');
        }
        out.reverse();
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&out);
        self.f.zero = old;
    }

    /// fmt.fmtUnicode: `U+0047`, with `#` also `U+0047 'G'`.
    fn fmt_unicode(&mut self, u: u64) {
        let prec = if self.f.prec_present && self.f.prec > 4 {
            self.f.prec as usize
        } else {
            4
        };
        let mut s = format!("U+{u:0prec$X}");
        if self.f.sharp && u <= 0x10FFFF && crate::natives::unicode::is_print(u as i64) {
            if let Some(ch) = char::from_u32(u as u32) {
                s.push_str(&format!(" '{ch}'"));
            }
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(s.as_bytes());
        self.f.zero = old;
    }

    /// pp.fmtFloat: the verbs of floats.
    fn fmt_float_verb(&mut self, v: f64, size: i64, verb: char, rv: RVal) -> R<()> {
        match verb {
            'v' => self.fmt_float(v, size, 'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float(v, size, verb, -1),
            'f' | 'e' | 'E' => self.fmt_float(v, size, verb, 6),
            'F' => self.fmt_float(v, size, 'f', 6),
            _ => self.bad_verb(verb, Some(rv))?,
        }
        Ok(())
    }

    /// fmt.fmtFloat: sign, `#` trailing zeros, zero padding, Inf and NaN.
    fn fmt_float(&mut self, v: f64, size: i64, verb: char, prec: i64) {
        let prec = if self.f.prec_present {
            self.f.prec
        } else {
            prec
        };
        let body = format_float(v, verb as u8, prec, size).unwrap_or_default();
        let mut num: Vec<u8> = Vec::with_capacity(body.len() + 1);
        if body.starts_with(['-', '+']) {
            num.extend_from_slice(body.as_bytes());
        } else {
            num.push(b'+');
            num.extend_from_slice(body.as_bytes());
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num.get(1) == Some(&b'I') || num.get(1) == Some(&b'N') {
            let old = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old;
            return;
        }
        if self.f.sharp && verb != 'b' {
            let mut digits: i64 = match verb {
                'v' | 'g' | 'G' | 'x' => {
                    if prec == -1 {
                        6
                    } else {
                        prec
                    }
                }
                _ => 0,
            };
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    b'e' | b'E' if verb != 'x' && verb != 'X' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus && self.f.wid_present && self.f.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.f.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    /// pp.fmtString.
    fn fmt_string(&mut self, s: &[u8], verb: char, rv: RVal) -> R<()> {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s);
                } else {
                    self.fmt_s(s);
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s, LDIGITS),
            'X' => self.fmt_sbx(s, UDIGITS),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, Some(rv))?,
        }
        Ok(())
    }

    /// pp.fmtBytes for the verbs s, q, x and X (the others print as a slice).
    fn fmt_bytes(&mut self, b: &[u8], verb: char, rv: RVal) -> R<()> {
        match verb {
            's' => self.fmt_s(b),
            'x' => self.fmt_sbx(b, LDIGITS),
            'X' => self.fmt_sbx(b, UDIGITS),
            'q' => self.fmt_q(b),
            _ => self.bad_verb(verb, Some(rv))?,
        }
        Ok(())
    }

    /// fmt.truncate: at most `prec` runes.
    fn truncate<'b>(&self, s: &'b [u8]) -> &'b [u8] {
        if self.f.prec_present {
            let mut n = self.f.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                i += decode_rune(&s[i..]).1.max(1);
            }
        }
        s
    }

    fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        self.pad(&s);
    }

    /// fmt.fmtSbx: hexadecimal bytes, with ` ` and `#` flags.
    fn fmt_sbx(&mut self, b: &[u8], digits: &[u8; 17]) {
        let mut length = b.len() as i64;
        if self.f.prec_present && self.f.prec < length {
            length = self.f.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                self.write_padding(self.f.wid);
            }
            return;
        }
        if self.f.wid_present && self.f.wid > width && !self.f.minus {
            self.write_padding(self.f.wid - width);
        }
        if self.f.sharp {
            self.buf.push(b'0');
            self.buf.push(digits[16]);
        }
        for (i, &c) in b.iter().take(length as usize).enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.push(b'0');
                    self.buf.push(digits[16]);
                }
            }
            self.buf.push(digits[(c >> 4) as usize]);
            self.buf.push(digits[(c & 0xF) as usize]);
        }
        if self.f.wid_present && self.f.wid > width && self.f.minus {
            self.write_padding(self.f.wid - width);
        }
    }

    /// fmt.fmtQ: a Go string literal (backquoted with `#` when possible).
    fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        if self.f.sharp && can_backquote(&s) {
            let mut q = vec![b'`'];
            q.extend_from_slice(&s);
            q.push(b'`');
            self.pad(&q);
            return;
        }
        let q = quote(&s, b'"', self.f.plus);
        self.pad(q.as_bytes());
    }

    /// fmt.writePadding: `n` spaces, or zeros when zero-padding to the left.
    fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let b = if self.f.zero && !self.f.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.extend(std::iter::repeat_n(b, n as usize));
    }

    /// fmt.pad: the width counts runes.
    fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let runes = String::from_utf8_lossy(b).chars().count() as i64;
        let width = self.f.wid - runes;
        if !self.f.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }
}

/// An integer argument of `%c`/`%q` as a rune (out of range: U+FFFD).
fn rune_of(u: u64, signed: bool) -> i64 {
    let r = if signed {
        u as i64
    } else {
        u.min(0x110000) as i64
    };
    if (0..=0x10FFFF).contains(&r) {
        r
    } else {
        0xFFFD
    }
}

/// fmt.fmtC: the UTF-8 encoding of a rune.
fn rune_text(u: u64, signed: bool) -> String {
    crate::interp::encode_rune_pub(rune_of(u, signed))
}

/// fmt.parsenum: digits at `start`, rejecting numbers over a million.
fn parse_num(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num: i64 = 0;
    let mut isnum = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if !(-1_000_000..=1_000_000).contains(&num) {
            return (0, false, end);
        }
        num = num * 10 + i64::from(s[i] - b'0');
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// fmt.parseArgNumber: `[n]` at the start of `s`: the zero-based index,
/// the bytes consumed, and whether it parsed.
fn parse_arg_number(s: &[u8]) -> (i64, usize, bool) {
    if s.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..s.len() {
        if s[i] == b']' {
            let (width, ok, newi) = parse_num(s, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

/// A stable stand-in for a heap address (Go prints real addresses, which
/// differ run to run; ours are derived from the object id). Zero for nil.
fn fake_address(v: Value) -> u64 {
    let id = match v {
        Value::Ref(o) | Value::Ptr(o, _) => u64::from(o.0),
        Value::Slice(s) => u64::from(s.obj.0),
        Value::Func(f) => u64::from(f.0),
        Value::Native(n) => u64::from(n.0),
        Value::Str(s) => u64::from(s.obj.0),
        _ => return 0,
    };
    0xc0_0000_0000 + 0x10000 + id * 16
}

impl Machine {
    /// internal/fmtsort ordering of map keys of type `ty`.
    pub(crate) fn compare_keys(&self, ty: TypeId, a: Value, b: Value) -> Ordering {
        match &self.prog.ty(ty).kind {
            TypeKind::Int(t) if !t.is_signed() => (a.as_int() as u64).cmp(&(b.as_int() as u64)),
            TypeKind::Int(_) => a.as_int().cmp(&b.as_int()),
            TypeKind::Float(_) => {
                let (x, y) = (a.as_float(), b.as_float());
                // fmtsort.floatCompare: NaN sorts first.
                if x.is_nan() {
                    Ordering::Less
                } else if y.is_nan() {
                    Ordering::Greater
                } else {
                    x.partial_cmp(&y).unwrap_or(Ordering::Equal)
                }
            }
            TypeKind::String => self.heap.bytes_of(a).cmp(self.heap.bytes_of(b)),
            TypeKind::Bool => a.as_bool().cmp(&b.as_bool()),
            TypeKind::Struct { fields } => {
                let (Value::Ref(x), Value::Ref(y)) = (a, b) else {
                    return Ordering::Equal;
                };
                for (i, f) in fields.iter().enumerate() {
                    let (va, vb) = (
                        self.heap.slots(x).get(i).copied().unwrap_or_default(),
                        self.heap.slots(y).get(i).copied().unwrap_or_default(),
                    );
                    let o = self.compare_keys(f.ty, va, vb);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            }
            TypeKind::Array { elem, len } => {
                let (Value::Ref(x), Value::Ref(y)) = (a, b) else {
                    return Ordering::Equal;
                };
                for i in 0..*len as usize {
                    let (va, vb) = (
                        self.heap.slots(x).get(i).copied().unwrap_or_default(),
                        self.heap.slots(y).get(i).copied().unwrap_or_default(),
                    );
                    let o = self.compare_keys(*elem, va, vb);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                Ordering::Equal
            }
            TypeKind::Interface { .. } => {
                let (ta, va) = self.iface_parts(a);
                let (tb, vb) = self.iface_parts(b);
                match (ta, tb) {
                    (Some(x), Some(y)) if x == y => self.compare_keys(x, va, vb),
                    (x, y) => x.map(|t| t.0).cmp(&y.map(|t| t.0)),
                }
            }
            // Pointers and channels by address.
            _ => fake_address(a).cmp(&fake_address(b)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_print_and_argument_indexes() {
        assert_eq!(runtime_print_float(1.5), "+1.500000e+000");
        assert_eq!(runtime_print_float(-0.0), "-0.000000e+000");
        assert_eq!(parse_arg_number(b"[2]d"), (1, 3, true));
        assert_eq!(parse_arg_number(b"[x]d"), (0, 3, false));
        assert_eq!(parse_num(b"12.3", 0, 4), (12, true, 2));
        assert_eq!(rune_of(0x110000, false), 0xFFFD);
        assert_eq!(rune_of(u64::MAX, true), 0xFFFD);
    }
}
