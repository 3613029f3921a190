//! `Value`: what a register, a variable or a heap slot holds — 16 bytes, `Copy`.
//!
//! Everything bigger than a scalar lives in the [`crate::heap::Heap`] and is
//! referenced by [`ObjId`]: strings, slice backing arrays, structs, arrays,
//! maps, channels, closures and interface boxes. Values carry no type: the
//! bytecode's typed instructions know what they operate on, and interface
//! values carry their dynamic type in their box.

use gosched_lang::bytecode::{FuncId, NativeId};

use crate::ids::ObjId;

/// An immutable byte string: `len` bytes at `off` in a `Bytes` object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrRef {
    pub obj: ObjId,
    pub off: u32,
    pub len: u32,
}

impl StrRef {
    /// The empty string (object 0 is the heap's permanent empty `Bytes`).
    pub const EMPTY: StrRef = StrRef {
        obj: ObjId(0),
        off: 0,
        len: 0,
    };
}

/// A slice header: `len` elements starting at `off` of a backing `Cells`
/// object (or a `View` for three-index slices). Its capacity is the backing
/// object's length minus `off` (or the view's limit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SliceRef {
    pub obj: ObjId,
    pub off: u32,
    pub len: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Value {
    /// nil pointer, slice, map, channel, func or interface.
    #[default]
    Nil,
    Bool(bool),
    /// Every integer type, canonicalised to its width.
    Int(i64),
    /// float32 (rounded) and float64.
    Float(f64),
    Str(StrRef),
    Slice(SliceRef),
    /// A heap object: struct or array (value or pointer to it), map, channel,
    /// closure, interface box, map iterator.
    Ref(ObjId),
    /// A pointer to one slot of an object (a scalar variable, field or element).
    Ptr(ObjId, u32),
    /// A top-level function as a value.
    Func(FuncId),
    /// A native function as a value.
    Native(NativeId),
}

impl Value {
    #[inline]
    pub fn as_int(self) -> i64 {
        match self {
            Value::Int(v) => v,
            Value::Bool(b) => i64::from(b),
            _ => 0,
        }
    }

    #[inline]
    pub fn as_bool(self) -> bool {
        matches!(self, Value::Bool(true))
    }

    #[inline]
    pub fn as_float(self) -> f64 {
        match self {
            Value::Float(v) => v,
            Value::Int(v) => v as f64,
            _ => 0.0,
        }
    }

    /// The heap object this value keeps alive, if any (for the collector).
    #[inline]
    pub fn obj(self) -> Option<ObjId> {
        match self {
            Value::Str(s) => Some(s.obj),
            Value::Slice(s) => Some(s.obj),
            Value::Ref(o) | Value::Ptr(o, _) => Some(o),
            _ => None,
        }
    }

    pub fn is_nil(self) -> bool {
        matches!(self, Value::Nil)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_16_bytes() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }
}
