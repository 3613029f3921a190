//! Package sort: the typed slice sorts (`Ints`, `Float64s`, `Strings` and their `AreSorted`
//! checks) and the reflection stand-ins `sliceLen`/`sliceSwap` behind the Go-written
//! `sort.Slice`. Element reads and writes are observed, so the race detector sees them.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use gosched_lang::bytecode::TypeKind;

use crate::interp::{Trap, R};
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("sort.Ints", |m, c| sort_native(m, c, Elem::Int));
    r.insert("sort.Float64s", |m, c| sort_native(m, c, Elem::Float));
    r.insert("sort.Strings", |m, c| sort_native(m, c, Elem::Str));
    r.insert("sort.IntsAreSorted", |m, c| sorted_native(m, c, Elem::Int));
    r.insert("sort.Float64sAreSorted", |m, c| {
        sorted_native(m, c, Elem::Float)
    });
    r.insert("sort.StringsAreSorted", |m, c| {
        sorted_native(m, c, Elem::Str)
    });
    r.insert("sort.sliceLen", slice_len);
    r.insert("sort.sliceSwap", slice_swap);
}

#[derive(Clone, Copy)]
enum Elem {
    Int,
    Float,
    Str,
}

/// slices.Sort's order: for floats, NaNs first (cmpLess), and otherwise
/// `<`; elements neither less nor greater are equal.
fn compare(m: &Machine, e: Elem, a: Value, b: Value) -> Ordering {
    match e {
        Elem::Int => a.as_int().cmp(&b.as_int()),
        Elem::Str => m.heap.bytes_of(a).cmp(m.heap.bytes_of(b)),
        Elem::Float => {
            let (x, y) = (a.as_float(), b.as_float());
            match (x.is_nan(), y.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            }
        }
    }
}

/// The elements of slice argument 0, read as the program would (observed).
fn read_elems(m: &mut Machine, c: &NativeCall) -> R<Vec<(crate::ids::ObjId, u32, Value)>> {
    let Value::Slice(s) = m.arg(c, 0) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(s.len as usize);
    for (o, k) in m.slice_slots(s) {
        let v = m.load_slot(c.p, c.g, o, k)?;
        out.push((o, k, v));
    }
    Ok(out)
}

fn sort_native(m: &mut Machine, c: &mut NativeCall, e: Elem) -> R<NRet> {
    let elems = read_elems(m, c)?;
    let mut vals: Vec<Value> = elems.iter().map(|&(_, _, v)| v).collect();
    // A stable sort: equal elements keep their order. For ints and strings
    // equal elements are identical, so the result is Go's; for floats only
    // -0/+0 (and NaN payloads) could be told apart.
    gosched_lang::sort::sort_by(&mut vals, |a, b| compare(m, e, *a, *b));
    for (&(o, k, old), v) in elems.iter().zip(vals) {
        if old != v {
            m.store_slot(c.p, c.g, o, k, v)?;
        }
    }
    Ok(NRet::Done)
}

fn sorted_native(m: &mut Machine, c: &mut NativeCall, e: Elem) -> R<NRet> {
    let elems = read_elems(m, c)?;
    let sorted = elems
        .windows(2)
        .all(|w| compare(m, e, w[1].2, w[0].2) != Ordering::Less);
    m.ret_val(c, 0, Value::Bool(sorted));
    Ok(NRet::Done)
}

/// What reflectlite says about a value that is not a slice:
/// `reflect: call of Swapper on int Value` (sort.Slice asks for a Swapper first).
fn not_a_slice(m: &mut Machine, x: Value) -> Trap {
    let (ty, _) = m.iface_parts(x);
    let kind = match ty.map(|t| m.prog.ty(t)) {
        None => "zero".to_string(),
        // An unnamed basic type's name is its kind (`int`, `string`).
        Some(info) if !info.named && !info.name.contains(['[', '*', '{', '(']) => info.name.clone(),
        Some(info) => kind_name(&info.kind).to_string(),
    };
    let v = m.runtime_error_value(&format!("reflect: call of Swapper on {kind} Value"));
    Trap::Panic(v)
}

/// reflect.Kind's names.
fn kind_name(k: &TypeKind) -> &'static str {
    use gosched_lang::bytecode::{FloatTy, IntTy};
    match k {
        TypeKind::Bool => "bool",
        TypeKind::Int(t) => match t {
            IntTy::I8 => "int8",
            IntTy::I16 => "int16",
            IntTy::I32 => "int32",
            IntTy::I64 => "int",
            IntTy::U8 => "uint8",
            IntTy::U16 => "uint16",
            IntTy::U32 => "uint32",
            IntTy::U64 => "uint",
        },
        TypeKind::Float(FloatTy::F32) => "float32",
        TypeKind::Float(FloatTy::F64) => "float64",
        TypeKind::String => "string",
        TypeKind::Slice { .. } => "slice",
        TypeKind::Array { .. } => "array",
        TypeKind::Map { .. } => "map",
        TypeKind::Chan { .. } => "chan",
        TypeKind::Pointer { .. } => "ptr",
        TypeKind::Func => "func",
        TypeKind::Struct { .. } => "struct",
        TypeKind::Interface { .. } => "interface",
    }
}

/// The slice inside `any` argument 0 and its element type, or Go's panic.
fn slice_arg(
    m: &mut Machine,
    c: &NativeCall,
) -> R<(Value, Option<gosched_lang::bytecode::TypeId>)> {
    let x = m.arg(c, 0);
    let (ty, v) = m.iface_parts(x);
    match ty.map(|t| m.prog.ty(t).kind.clone()) {
        Some(TypeKind::Slice { elem }) => Ok((v, Some(elem))),
        _ => Err(not_a_slice(m, x)),
    }
}

fn slice_len(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let (v, _) = slice_arg(m, c)?;
    let n = match v {
        Value::Slice(s) => i64::from(s.len),
        _ => 0,
    };
    m.ret_val(c, 0, Value::Int(n));
    Ok(NRet::Done)
}

/// reflectlite.Swapper's swap: exchanges the contents of elements `i` and
/// `j` (struct and array elements are copied, keeping their identity).
fn slice_swap(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let (v, elem) = slice_arg(m, c)?;
    let (i, j) = (m.arg(c, 1).as_int(), m.arg(c, 2).as_int());
    let Value::Slice(s) = v else {
        return Err(m.panic_string("reflect: slice index out of range"));
    };
    let len = i64::from(s.len);
    if !(0..len).contains(&i) || !(0..len).contains(&j) {
        return Err(m.panic_string("reflect: slice index out of range"));
    }
    let (oi, ki) = m.heap.slice_slot(s, i as u32);
    let (oj, kj) = m.heap.slice_slot(s, j as u32);
    let a = m.load_slot(c.p, c.g, oi, ki)?;
    let b = m.load_slot(c.p, c.g, oj, kj)?;
    let aggregate = elem.is_some_and(|t| m.is_aggregate(t));
    match (aggregate, a, b) {
        (true, Value::Ref(x), Value::Ref(y)) => {
            if x != y {
                let tmp = m.clone_aggregate(x);
                m.copy_into(x, y);
                m.copy_into(y, tmp);
            }
        }
        _ => {
            m.store_slot(c.p, c.g, oi, ki, b)?;
            m.store_slot(c.p, c.g, oj, kj, a)?;
        }
    }
    Ok(NRet::Done)
}
