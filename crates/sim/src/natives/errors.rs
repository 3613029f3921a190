//! Package errors: `errors.As`, which needs reflection on its target pointer — it walks the
//! error's Unwrap tree (calling the program's `As` and `Unwrap` methods) and assigns the first
//! match through the pointer, with Go's panics for bad targets.

use std::collections::BTreeMap;

use gosched_lang::bytecode::{TypeId, TypeKind};

use crate::interp::R;
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("errors.As", errors_as);
}

fn errors_as(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let err = m.arg(c, 0);
    let target = m.arg(c, 1);
    let (err_ty, _) = m.iface_parts(err);
    if err_ty.is_none() {
        m.ret_val(c, 0, Value::Bool(false));
        return Ok(NRet::Done);
    }
    let (tty, tval) = m.iface_parts(target);
    let Some(tty) = tty else {
        return Err(m.panic_string("errors: target cannot be nil"));
    };
    let elem = match &m.prog.ty(tty).kind {
        TypeKind::Pointer { elem } if !tval.is_nil() => *elem,
        _ => return Err(m.panic_string("errors: target must be a non-nil pointer")),
    };
    let elem_is_iface = matches!(m.prog.ty(elem).kind, TypeKind::Interface { .. });
    if !elem_is_iface && m.prog.method_by_str(elem, "Error").is_none() {
        return Err(m.panic_string("errors: *target must be interface or implement error"));
    }
    let found = as_walk(m, c, err, target, tval, elem, 0)?;
    m.ret_val(c, 0, Value::Bool(found));
    Ok(NRet::Done)
}

/// Deepest Unwrap chain followed (a cycle of wrapped errors would otherwise never end; Go
/// would loop forever, here the search gives up).
const MAX_DEPTH: u32 = 10_000;

/// errors.as: the loop over `err`'s chain, recursing into `Unwrap() []error`.
fn as_walk(
    m: &mut Machine,
    c: &NativeCall,
    mut err: Value,
    target: Value,
    ptr: Value,
    elem: TypeId,
    depth: u32,
) -> R<bool> {
    for _ in depth..MAX_DEPTH {
        let (Some(ty), val) = m.iface_parts(err) else {
            return Ok(false);
        };
        let assignable = if matches!(m.prog.ty(elem).kind, TypeKind::Interface { .. }) {
            m.prog.implements(ty, elem)
        } else {
            ty == elem
        };
        if assignable {
            assign(m, c, ptr, elem, err, val)?;
            return Ok(true);
        }
        if let Some(imp) = m.prog.method_by_str(ty, "As") {
            let r = m.call_method_sync(c.p, c.g, imp, val, &[target])?;
            if r.first().is_some_and(|v| v.as_bool()) {
                return Ok(true);
            }
        }
        let Some(unwrap) = m.prog.method_by_str(ty, "Unwrap") else {
            return Ok(false);
        };
        let r = m.call_method_sync(c.p, c.g, unwrap, val, &[])?;
        match r.first().copied().unwrap_or_default() {
            Value::Slice(s) => {
                let errs = m.heap.slice_values(Value::Slice(s));
                for e in errs {
                    if e.is_nil() {
                        continue;
                    }
                    if as_walk(m, c, e, target, ptr, elem, depth + 1)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Value::Nil => return Ok(false),
            next => err = next,
        }
    }
    Ok(false)
}

/// `*ptr = err` converted to the target's element type.
fn assign(
    m: &mut Machine,
    c: &NativeCall,
    ptr: Value,
    elem: TypeId,
    err: Value,
    val: Value,
) -> R<()> {
    let stored = if matches!(m.prog.ty(elem).kind, TypeKind::Interface { .. }) {
        err
    } else {
        val
    };
    match ptr {
        Value::Ptr(o, k) => m.store_slot(c.p, c.g, o, k, stored),
        Value::Ref(dst) if m.is_aggregate(elem) => {
            if let Value::Ref(src) = stored {
                m.copy_into(dst, src);
            }
            Ok(())
        }
        _ => Err(crate::interp::Trap::Runtime(
            "invalid memory address or nil pointer dereference".into(),
        )),
    }
}
