//! Package os: `(*File).Write` on the standard streams (the only files a playground program
//! has), which `fmt.Fprint*` and `WriteString` reach.

use std::collections::BTreeMap;

use crate::interp::R;
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("os.(*File).Write", file_write);
}

/// `(f *File) Write(b []byte) (n int, err error)`: descriptor 2 is stderr,
/// anything else stdout (only `Stdout` and `Stderr` exist).
fn file_write(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let fd = match m.arg(c, 0) {
        Value::Ref(o) => m.heap.slots(o).first().map_or(1, |v| v.as_int()),
        _ => {
            return Err(crate::interp::Trap::Runtime(
                "invalid memory address or nil pointer dereference".into(),
            ))
        }
    };
    let bytes: Vec<u8> = m
        .heap
        .slice_values(m.arg(c, 1))
        .iter()
        .map(|b| b.as_int() as u8)
        .collect();
    m.write_out(c.g, fd == 2, &bytes)?;
    m.ret_val(c, 0, Value::Int(bytes.len() as i64));
    m.ret_val(c, 1, Value::Nil);
    Ok(NRet::Done)
}
