//! Package fmt: Go's printing verbs, flags, widths and precisions over simulated values, with
//! Stringer/error methods, sorted map printing and Go's float formatting.

use std::collections::BTreeMap;

use gosched_lang::bytecode::{FloatTy, IntTy, MethodImpl, TypeId, TypeKind};

use crate::heap::Obj;
use crate::ids::{GoId, ProcId};
use crate::interp::{Trap, R};
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("fmt.Println", |m, c| {
        print_native(m, c, Mode::Println, false, Dest::Stdout)
    });
    r.insert("fmt.Print", |m, c| {
        print_native(m, c, Mode::Print, false, Dest::Stdout)
    });
    r.insert("fmt.Printf", |m, c| {
        print_native(m, c, Mode::Printf, true, Dest::Stdout)
    });
    r.insert("fmt.Sprintln", |m, c| {
        print_native(m, c, Mode::Println, false, Dest::String)
    });
    r.insert("fmt.Sprint", |m, c| {
        print_native(m, c, Mode::Print, false, Dest::String)
    });
    r.insert("fmt.Sprintf", |m, c| {
        print_native(m, c, Mode::Printf, true, Dest::String)
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
fn print_native(
    m: &mut Machine,
    c: &mut NativeCall,
    mode: Mode,
    has_format: bool,
    dest: Dest,
) -> R<NRet> {
    let (format, args_v) = if has_format {
        (Some(m.arg(c, 0)), m.arg(c, 1))
    } else {
        (None, m.arg(c, 0))
    };
    let args = m.heap.slice_values(args_v);
    let mut f = Formatter {
        m,
        p: c.p,
        g: c.g,
        out: Vec::new(),
        depth: 0,
    };
    match mode {
        Mode::Println => f.sprintln(&args)?,
        Mode::Print => f.sprint(&args)?,
        Mode::Printf => {
            let fmt_bytes = f.m.heap.bytes_of(format.unwrap_or_default()).to_vec();
            f.sprintf(&fmt_bytes, &args)?;
        }
    }
    let out = f.out;
    match dest {
        Dest::Stdout => {
            m.write_out(c.g, false, &out)?;
            m.ret_val(c, 0, Value::Int(out.len() as i64));
            m.ret_val(c, 1, Value::Nil);
        }
        Dest::String => {
            let s = Value::Str(m.heap.alloc_str(&out));
            m.ret_val(c, 0, s);
        }
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

/// Flags, width and precision of one verb.
#[derive(Clone, Copy, Default, Debug)]
struct Spec {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
    verb: char,
}

struct Formatter<'a> {
    m: &'a mut Machine,
    p: ProcId,
    g: GoId,
    out: Vec<u8>,
    depth: u32,
}

impl Formatter<'_> {
    fn sprint(&mut self, args: &[Value]) -> R<()> {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let is_string = self.is_string(*a);
            if i > 0 && !is_string && !prev_string {
                self.out.push(b' ');
            }
            let s = self.format_arg(
                *a,
                Spec {
                    verb: 'v',
                    ..Spec::default()
                },
            )?;
            self.out.extend_from_slice(&s);
            prev_string = is_string;
        }
        Ok(())
    }

    fn sprintln(&mut self, args: &[Value]) -> R<()> {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.out.push(b' ');
            }
            let s = self.format_arg(
                *a,
                Spec {
                    verb: 'v',
                    ..Spec::default()
                },
            )?;
            self.out.extend_from_slice(&s);
        }
        self.out.push(b'\n');
        Ok(())
    }

    fn is_string(&self, a: Value) -> bool {
        let (t, _) = self.m.iface_parts(a);
        t.is_some_and(|t| matches!(self.m.prog.ty(t).kind, TypeKind::String))
    }

    fn sprintf(&mut self, format: &[u8], args: &[Value]) -> R<()> {
        let mut argi = 0;
        let mut i = 0;
        while i < format.len() {
            let b = format[i];
            if b != b'%' {
                let start = i;
                while i < format.len() && format[i] != b'%' {
                    i += 1;
                }
                self.out.extend_from_slice(&format[start..i]);
                continue;
            }
            i += 1;
            let mut spec = Spec::default();
            while i < format.len() {
                match format[i] {
                    b'-' => spec.minus = true,
                    b'+' => spec.plus = true,
                    b'#' => spec.sharp = true,
                    b' ' => spec.space = true,
                    b'0' => spec.zero = true,
                    _ => break,
                }
                i += 1;
            }
            // Width: digits or '*'.
            if i < format.len() && format[i] == b'*' {
                i += 1;
                if let Some(a) = args.get(argi) {
                    let (_, v) = self.m.iface_parts(*a);
                    let w = v.as_int();
                    if w < 0 {
                        spec.minus = true;
                    }
                    spec.width = Some(w.unsigned_abs() as usize);
                }
                argi += 1;
            } else {
                let (w, n) = parse_num(&format[i..]);
                spec.width = w;
                i += n;
            }
            if i < format.len() && format[i] == b'.' {
                i += 1;
                if i < format.len() && format[i] == b'*' {
                    i += 1;
                    if let Some(a) = args.get(argi) {
                        let (_, v) = self.m.iface_parts(*a);
                        spec.prec = Some(v.as_int().max(0) as usize);
                    }
                    argi += 1;
                } else {
                    let (p, n) = parse_num(&format[i..]);
                    spec.prec = Some(p.unwrap_or(0));
                    i += n;
                }
            }
            if i >= format.len() {
                self.out.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, w) = crate::interp::decode_rune_pub(&format[i..]);
            i += w.max(1);
            spec.verb = char::from_u32(verb).unwrap_or('\u{FFFD}');
            if spec.verb == 'w' {
                // Errorf's %w prints like %v.
                spec.verb = 'v';
            }
            if spec.verb == '%' {
                self.out.push(b'%');
                continue;
            }
            let Some(&a) = args.get(argi) else {
                self.out
                    .extend_from_slice(format!("%!{}(MISSING)", spec.verb).as_bytes());
                continue;
            };
            argi += 1;
            let s = self.format_arg(a, spec)?;
            self.out.extend_from_slice(&s);
        }
        if argi < args.len() {
            self.out.extend_from_slice(b"%!(EXTRA ");
            for (k, a) in args[argi..].iter().enumerate() {
                if k > 0 {
                    self.out.extend_from_slice(b", ");
                }
                let (t, _) = self.m.iface_parts(*a);
                let tn = t.map_or_else(|| "<nil>".to_string(), |t| self.m.prog.ty(t).name.clone());
                let v = self.format_arg(
                    *a,
                    Spec {
                        verb: 'v',
                        ..Spec::default()
                    },
                )?;
                self.out.extend_from_slice(tn.as_bytes());
                self.out.push(b'=');
                self.out.extend_from_slice(&v);
            }
            self.out.push(b')');
        }
        Ok(())
    }

    /// Formats one interface argument under `spec`, with padding.
    fn format_arg(&mut self, a: Value, spec: Spec) -> R<Vec<u8>> {
        let (ty, v) = self.m.iface_parts(a);
        let body = match ty {
            None => match spec.verb {
                'T' | 'v' | 's' => b"<nil>".to_vec(),
                _ => format!("%!{}(<nil>)", spec.verb).into_bytes(),
            },
            Some(t) => {
                if spec.verb == 'T' {
                    self.m.prog.ty(t).name.clone().into_bytes()
                } else {
                    self.format_value(t, v, spec, true)?
                }
            }
        };
        Ok(self.pad(body, spec))
    }

    fn pad(&self, body: Vec<u8>, spec: Spec) -> Vec<u8> {
        let Some(w) = spec.width else { return body };
        let len = String::from_utf8_lossy(&body).chars().count();
        if len >= w {
            return body;
        }
        let fill = w - len;
        if spec.minus {
            let mut b = body;
            b.extend(std::iter::repeat_n(b' ', fill));
            b
        } else if spec.zero
            && matches!(
                spec.verb,
                'd' | 'f' | 'e' | 'g' | 'x' | 'X' | 'o' | 'b' | 'F' | 'E' | 'G'
            )
        {
            let (sign, rest) = match body.first() {
                Some(b'-' | b'+' | b' ') => (vec![body[0]], body[1..].to_vec()),
                _ => (Vec::new(), body),
            };
            let mut b = sign;
            b.extend(std::iter::repeat_n(b'0', fill));
            b.extend(rest);
            b
        } else {
            let mut b: Vec<u8> = std::iter::repeat_n(b' ', fill).collect();
            b.extend(body);
            b
        }
    }

    /// Calls `String()` or `Error()` if the type has it and the verb allows.
    fn try_methods(&mut self, t: TypeId, v: Value, spec: Spec) -> R<Option<Vec<u8>>> {
        if !matches!(spec.verb, 'v' | 's' | 'q' | 'x' | 'X') || spec.sharp && spec.verb == 'v' {
            return Ok(None);
        }
        let imp: Option<MethodImpl> = self
            .m
            .prog
            .method_by_str(t, "Error")
            .or_else(|| self.m.prog.method_by_str(t, "String"));
        let Some(imp) = imp else { return Ok(None) };
        let out = match self.m.call_method_sync(self.p, self.g, imp, v, &[]) {
            Ok(r) => r,
            Err(Trap::Panic(pv)) => {
                // fmt catches panics in String methods (print.go: catchPanic).
                if v.is_nil() {
                    return Ok(Some(b"<nil>".to_vec()));
                }
                let s = self.m.panic_text_simple(pv);
                return Ok(Some(
                    format!("%!{}(PANIC=String method: {s})", spec.verb).into_bytes(),
                ));
            }
            Err(e) => return Err(e),
        };
        let s = out.first().copied().unwrap_or_default();
        let bytes = self.m.heap.bytes_of(s).to_vec();
        Ok(Some(match spec.verb {
            'q' => go_quote(&String::from_utf8_lossy(&bytes)).into_bytes(),
            'x' => hex_bytes(&bytes, false),
            'X' => hex_bytes(&bytes, true),
            _ => precision_str(bytes, spec.prec),
        }))
    }

    fn format_value(&mut self, t: TypeId, v: Value, spec: Spec, top: bool) -> R<Vec<u8>> {
        self.depth += 1;
        if self.depth > 64 {
            self.depth -= 1;
            return Ok(b"...".to_vec());
        }
        let r = self.format_value_inner(t, v, spec, top);
        self.depth -= 1;
        r
    }

    fn format_value_inner(&mut self, t: TypeId, v: Value, spec: Spec, top: bool) -> R<Vec<u8>> {
        if let Some(s) = self.try_methods(t, v, spec)? {
            return Ok(s);
        }
        let prog = self.m.prog.clone();
        let info = prog.ty(t);
        let verb = spec.verb;
        Ok(match &info.kind {
            TypeKind::Bool => match verb {
                'v' | 't' => v.as_bool().to_string().into_bytes(),
                _ => bad_verb(verb, &info.name, &v.as_bool().to_string()),
            },
            TypeKind::Int(it) => self.fmt_int(*it, v.as_int(), spec, &info.name),
            TypeKind::Float(ft) => match fmt_float_v(v.as_float(), *ft, spec) {
                Some(s) => s.into_bytes(),
                None => {
                    let plain = fmt_float_v(
                        v.as_float(),
                        *ft,
                        Spec {
                            verb: 'v',
                            ..Spec::default()
                        },
                    )
                    .unwrap_or_default();
                    bad_verb(verb, &info.name, &plain)
                }
            },
            TypeKind::String => {
                let b = self.m.heap.bytes_of(v).to_vec();
                match verb {
                    'v' | 's' => precision_str(b, spec.prec),
                    'q' => {
                        if spec.sharp && !b.contains(&b'`') {
                            format!("`{}`", String::from_utf8_lossy(&b)).into_bytes()
                        } else {
                            go_quote(&String::from_utf8_lossy(&b)).into_bytes()
                        }
                    }
                    'x' => hex_bytes(&b, false),
                    'X' => hex_bytes(&b, true),
                    _ => bad_verb(verb, "string", &String::from_utf8_lossy(&b)),
                }
            }
            TypeKind::Slice { elem } | TypeKind::Array { elem, .. } => {
                let elem = *elem;
                let vals: Vec<Value> = match v {
                    Value::Slice(_) => self.m.heap.slice_values(v),
                    Value::Ref(o) => self.m.heap.slots(o).to_vec(),
                    _ => Vec::new(),
                };
                // []byte with %s/%q/%x prints as a string.
                if matches!(prog.ty(elem).kind, TypeKind::Int(IntTy::U8))
                    && matches!(verb, 's' | 'q' | 'x' | 'X')
                {
                    let b: Vec<u8> = vals.iter().map(|x| x.as_int() as u8).collect();
                    return Ok(match verb {
                        'q' => go_quote(&String::from_utf8_lossy(&b)).into_bytes(),
                        'x' => hex_bytes(&b, false),
                        'X' => hex_bytes(&b, true),
                        _ => b,
                    });
                }
                if verb == 'v' && spec.sharp {
                    let mut out = format!("{}{{", info.name).into_bytes();
                    for (i, e) in vals.iter().enumerate() {
                        if i > 0 {
                            out.extend_from_slice(b", ");
                        }
                        out.extend(self.format_value(elem, *e, spec, false)?);
                    }
                    out.push(b'}');
                    return Ok(out);
                }
                let mut out = vec![b'['];
                for (i, e) in vals.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    out.extend(self.format_value(elem, *e, spec, false)?);
                }
                out.push(b']');
                out
            }
            TypeKind::Map { key, val } => {
                let (key, val) = (*key, *val);
                let mut entries: Vec<(Value, Value)> = match v {
                    Value::Ref(o) => match self.m.heap.get(o) {
                        Obj::Map(mm) => mm.entries().collect(),
                        _ => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                // internal/fmtsort: keys in a defined order.
                entries.sort_by(|a, b| self.m.compare_keys(key, a.0, b.0));
                let mut out = if spec.sharp && verb == 'v' {
                    format!("{}{{", info.name).into_bytes()
                } else {
                    b"map[".to_vec()
                };
                for (i, (k, e)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(if spec.sharp { b", " } else { b" " });
                    }
                    out.extend(self.format_value(key, *k, spec, false)?);
                    out.push(b':');
                    out.extend(self.format_value(val, *e, spec, false)?);
                }
                out.push(if spec.sharp && verb == 'v' {
                    b'}'
                } else {
                    b']'
                });
                out
            }
            TypeKind::Struct { fields } => {
                let Value::Ref(o) = v else {
                    return Ok(b"{}".to_vec());
                };
                let slots = self.m.heap.slots(o).to_vec();
                let mut out = if spec.sharp && verb == 'v' {
                    format!("{}{{", info.name).into_bytes()
                } else {
                    vec![b'{']
                };
                for (i, (f, s)) in fields.iter().zip(slots).enumerate() {
                    if i > 0 {
                        out.extend_from_slice(if spec.sharp && verb == 'v' {
                            b", "
                        } else {
                            b" "
                        });
                    }
                    if spec.plus || (spec.sharp && verb == 'v') {
                        out.extend_from_slice(f.name.as_bytes());
                        out.push(b':');
                    }
                    let exported = f.name.chars().next().is_some_and(char::is_uppercase);
                    let fspec = spec;
                    if exported || f.embedded {
                        out.extend(self.format_value(f.ty, s, fspec, false)?);
                    } else {
                        // Methods cannot be called on unexported fields.
                        let saved = self.depth;
                        out.extend(self.format_plain(f.ty, s, fspec)?);
                        self.depth = saved;
                    }
                }
                out.push(b'}');
                out
            }
            TypeKind::Pointer { elem } => {
                if v.is_nil() {
                    return Ok(match verb {
                        'v' | 's' => b"<nil>".to_vec(),
                        'p' => b"0x0".to_vec(),
                        _ => bad_verb(verb, &info.name, "<nil>"),
                    });
                }
                let elem = *elem;
                let agg = matches!(
                    prog.ty(elem).kind,
                    TypeKind::Struct { .. }
                        | TypeKind::Array { .. }
                        | TypeKind::Slice { .. }
                        | TypeKind::Map { .. }
                );
                if top && agg && matches!(verb, 'v' | 's') {
                    let mut out = vec![b'&'];
                    let inner = match v {
                        Value::Ptr(o, k) => self
                            .m
                            .heap
                            .slots(o)
                            .get(k as usize)
                            .copied()
                            .unwrap_or_default(),
                        other => other,
                    };
                    out.extend(self.format_value(elem, inner, spec, false)?);
                    out
                } else {
                    fake_address(v).into_bytes()
                }
            }
            TypeKind::Interface { .. } => {
                let (dt, dv) = self.m.iface_parts(v);
                match dt {
                    None => b"<nil>".to_vec(),
                    Some(dt) => self.format_value(dt, dv, spec, false)?,
                }
            }
            TypeKind::Chan { .. } | TypeKind::Func => {
                if v.is_nil() {
                    b"<nil>".to_vec()
                } else {
                    fake_address(v).into_bytes()
                }
            }
        })
    }

    /// Formats without calling methods (unexported fields).
    fn format_plain(&mut self, t: TypeId, v: Value, spec: Spec) -> R<Vec<u8>> {
        let prog = self.m.prog.clone();
        match &prog.ty(t).kind {
            TypeKind::Struct { .. }
            | TypeKind::Slice { .. }
            | TypeKind::Array { .. }
            | TypeKind::Map { .. } => self.format_value(t, v, spec, false),
            TypeKind::Interface { .. } => {
                let (dt, dv) = self.m.iface_parts(v);
                match dt {
                    None => Ok(b"<nil>".to_vec()),
                    Some(dt) => self.format_plain(dt, dv, spec),
                }
            }
            _ => {
                // Same as format_value but skipping try_methods.
                let spec2 = Spec {
                    verb: if spec.verb == 's' { 'v' } else { spec.verb },
                    ..spec
                };
                let info = prog.ty(t);
                Ok(match &info.kind {
                    TypeKind::Int(it) => self.fmt_int(*it, v.as_int(), spec2, &info.name),
                    TypeKind::Float(ft) => fmt_float_v(v.as_float(), *ft, spec2)
                        .unwrap_or_default()
                        .into_bytes(),
                    TypeKind::String => self.m.heap.bytes_of(v).to_vec(),
                    TypeKind::Bool => v.as_bool().to_string().into_bytes(),
                    TypeKind::Pointer { .. } | TypeKind::Chan { .. } | TypeKind::Func => {
                        if v.is_nil() {
                            b"<nil>".to_vec()
                        } else {
                            fake_address(v).into_bytes()
                        }
                    }
                    _ => Vec::new(),
                })
            }
        }
    }

    fn fmt_int(&self, it: IntTy, raw: i64, spec: Spec, tyname: &str) -> Vec<u8> {
        let unsigned = !it.is_signed();
        let neg = !unsigned && raw < 0;
        let mag: u64 = if unsigned {
            raw as u64
        } else {
            raw.unsigned_abs()
        };
        let digits = match spec.verb {
            'v' | 'd' => mag.to_string(),
            'x' => format!("{mag:x}"),
            'X' => format!("{mag:X}"),
            'o' | 'O' => format!("{mag:o}"),
            'b' => format!("{mag:b}"),
            'c' => return crate::interp::encode_rune_pub(raw).into_bytes(),
            'q' => return go_quote_rune(raw).into_bytes(),
            'U' => return format!("U+{:04X}", raw).into_bytes(),
            _ => return bad_verb(spec.verb, tyname, &raw.to_string()),
        };
        let mut digits = digits;
        if let Some(p) = spec.prec {
            while digits.len() < p {
                digits.insert(0, '0');
            }
        }
        let prefix = match (spec.sharp, spec.verb) {
            (true, 'x') => "0x",
            (true, 'X') => "0X",
            (true, 'o') => "0",
            (true, 'b') => "0b",
            (_, 'O') => "0o",
            _ => "",
        };
        let sign = if neg {
            "-"
        } else if spec.plus {
            "+"
        } else if spec.space {
            " "
        } else {
            ""
        };
        format!("{sign}{prefix}{digits}").into_bytes()
    }
}

impl Machine {
    /// internal/fmtsort ordering of map keys of type `ty`.
    pub(crate) fn compare_keys(&self, ty: TypeId, a: Value, b: Value) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        match &self.prog.ty(ty).kind {
            TypeKind::Int(t) if !t.is_signed() => (a.as_int() as u64).cmp(&(b.as_int() as u64)),
            TypeKind::Int(_) => a.as_int().cmp(&b.as_int()),
            TypeKind::Float(_) => a
                .as_float()
                .partial_cmp(&b.as_float())
                .unwrap_or(Ordering::Equal),
            TypeKind::String => self.heap.bytes_of(a).cmp(self.heap.bytes_of(b)),
            TypeKind::Bool => a.as_bool().cmp(&b.as_bool()),
            TypeKind::Struct { fields } => {
                let (Value::Ref(x), Value::Ref(y)) = (a, b) else {
                    return Ordering::Equal;
                };
                for (i, f) in fields.iter().enumerate() {
                    let o = self.compare_keys(f.ty, self.heap.slots(x)[i], self.heap.slots(y)[i]);
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
                    let o = self.compare_keys(*elem, self.heap.slots(x)[i], self.heap.slots(y)[i]);
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
            _ => format!("{a:?}").cmp(&format!("{b:?}")),
        }
    }

    /// A panic value as plain text (for fmt's PANIC= and similar).
    pub(crate) fn panic_text_simple(&self, v: Value) -> String {
        let (t, inner) = self.iface_parts(v);
        match t.map(|t| &self.prog.ty(t).kind) {
            Some(TypeKind::String) => self.heap.string_lossy(inner),
            Some(TypeKind::Int(_)) => inner.as_int().to_string(),
            _ => format!("{inner:?}"),
        }
    }
}

fn parse_num(b: &[u8]) -> (Option<usize>, usize) {
    let mut n = 0usize;
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() && i < 8 {
        n = n * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    if i == 0 {
        (None, 0)
    } else {
        (Some(n), i)
    }
}

fn bad_verb(verb: char, tyname: &str, val: &str) -> Vec<u8> {
    format!("%!{verb}({tyname}={val})").into_bytes()
}

fn precision_str(b: Vec<u8>, prec: Option<usize>) -> Vec<u8> {
    match prec {
        Some(p) => String::from_utf8_lossy(&b)
            .chars()
            .take(p)
            .collect::<String>()
            .into_bytes(),
        None => b,
    }
}

fn hex_bytes(b: &[u8], upper: bool) -> Vec<u8> {
    b.iter()
        .map(|x| {
            if upper {
                format!("{x:02X}")
            } else {
                format!("{x:02x}")
            }
        })
        .collect::<String>()
        .into_bytes()
}

/// A stable stand-in for a heap address (Go prints real addresses, which
/// differ run to run; ours are derived from the object id).
fn fake_address(v: Value) -> String {
    let id = match v {
        Value::Ref(o) | Value::Ptr(o, _) => u64::from(o.0),
        Value::Func(f) => u64::from(f.0),
        _ => 0,
    };
    format!("0xc{:09x}", 0x10000 + id * 16)
}

/// strconv.Quote: Go's double-quoted string with escapes.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            '\u{FFFD}' => out.push_str("\\ufffd"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn go_quote_rune(r: i64) -> String {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    match c {
        '\'' => "'\\''".into(),
        '"' => "'\"'".into(),
        _ => {
            let q = go_quote(&c.to_string());
            format!("'{}'", &q[1..q.len() - 1])
        }
    }
}

/// Formats a float for verbs v, g, G, e, E, f, F; `None` for other verbs.
pub fn fmt_float(v: f64, ty: FloatTy, spec: Spec2) -> Option<String> {
    fmt_float_spec(v, ty, spec)
}

/// Alias so callers outside this module can build specs.
pub type Spec2 = SpecPub;

/// A formatting spec for floats, usable from strconv.
#[derive(Clone, Copy, Default, Debug)]
pub struct SpecPub {
    pub verb: char,
    pub prec: Option<usize>,
    pub plus: bool,
    pub space: bool,
    pub sharp: bool,
}

impl From<Spec> for SpecPub {
    fn from(s: Spec) -> SpecPub {
        SpecPub {
            verb: s.verb,
            prec: s.prec,
            plus: s.plus,
            space: s.space,
            sharp: s.sharp,
        }
    }
}

fn fmt_float_spec(v: f64, ty: FloatTy, spec: SpecPub) -> Option<String> {
    let body = if v.is_nan() {
        "NaN".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf" } else { "-Inf" }.to_string()
    } else {
        match spec.verb {
            'v' => format_g(v, ty, None, false),
            'g' => format_g(v, ty, spec.prec, false),
            'G' => format_g(v, ty, spec.prec, true),
            'e' => format_e(v, spec.prec.unwrap_or(6), false),
            'E' => format_e(v, spec.prec.unwrap_or(6), true),
            'f' | 'F' => format!("{:.*}", spec.prec.unwrap_or(6), v),
            _ => return None,
        }
    };
    if !body.starts_with('-') && !body.starts_with('+') {
        if spec.plus {
            return Some(format!("+{body}"));
        }
        if spec.space {
            return Some(format!(" {body}"));
        }
    }
    Some(body)
}

fn fmt_float_v(v: f64, ty: FloatTy, spec: Spec) -> Option<String> {
    fmt_float_spec(v, ty, spec.into())
}

/// Shortest decimal digits and exponent of `v` (for float32, of its f32 value).
fn shortest(v: f64, ty: FloatTy) -> (String, i32) {
    let s = match ty {
        FloatTy::F32 => format!("{:e}", (v as f32).abs()),
        FloatTy::F64 => format!("{:e}", v.abs()),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// Digits rounded to `prec` significant digits, and the exponent.
fn rounded(v: f64, prec: usize) -> (String, i32) {
    let s = format!("{:.*e}", prec.saturating_sub(1), v.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// strconv.FormatFloat(v, 'g', prec): shortest (or `prec`) significant
/// digits; %e form when the exponent is < -4 or >= the precision (6 when
/// shortest), trailing zeros dropped.
fn format_g(v: f64, ty: FloatTy, prec: Option<usize>, upper: bool) -> String {
    let (mut digits, exp) = match prec {
        None => shortest(v, ty),
        Some(p) => rounded(v, p.max(1)),
    };
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let nd = digits.len() as i32;
    let eprec = match prec {
        None => 6,
        Some(p) => {
            let p = p.max(1) as i32;
            if p > nd && nd > exp {
                nd
            } else {
                p
            }
        }
    };
    let mut s = String::from(if v.is_sign_negative() { "-" } else { "" });
    if exp < -4 || exp >= eprec {
        s.push_str(&digits[..1]);
        if digits.len() > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        s.push(if upper { 'E' } else { 'e' });
        s.push(if exp < 0 { '-' } else { '+' });
        s.push_str(&format!("{:02}", exp.abs()));
    } else {
        s.push_str(&place_point(&digits, exp));
    }
    s
}

/// Digits with the decimal point after position `exp + 1`.
fn place_point(digits: &str, exp: i32) -> String {
    let n = digits.len() as i32;
    if exp < 0 {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else if exp + 1 >= n {
        format!("{}{}", digits, "0".repeat((exp + 1 - n) as usize))
    } else {
        let (a, b) = digits.split_at((exp + 1) as usize);
        format!("{a}.{b}")
    }
}

fn format_e(v: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, v);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    format!(
        "{mant}{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_go() {
        let v = |x: f64| format_g(x, FloatTy::F64, None, false);
        assert_eq!(v(2.75), "2.75");
        assert_eq!(v(100000.0), "100000");
        assert_eq!(v(0.0001), "0.0001");
        assert_eq!(v(0.00001), "1e-05");
        assert_eq!(v(2.5), "2.5");
        assert_eq!(runtime_print_float(1.5), "+1.500000e+000");
        assert_eq!(go_quote("a\"b\n"), "\"a\\\"b\\n\"");
    }
}
