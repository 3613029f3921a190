//! Pure operations on values: integer arithmetic with Go's wrapping rules, comparisons,
//! conversions, zero values, deep copy and equality of aggregates, and Go's slice growth.

use gosched_lang::bytecode::{CmpOp, Conv, FloatTy, IntOp, IntTy, TypeId, TypeKind};

use crate::heap::{CellsKind, Obj, OBJ_OVERHEAD};
use crate::ids::ObjId;
use crate::interp::{Trap, R};
use crate::machine::Machine;
use crate::value::{SliceRef, Value};

/// `x op y` on integers of type `ty`. Errors carry Go's runtime error text.
#[inline(always)]
pub(crate) fn int_op(op: IntOp, ty: IntTy, x: i64, y: i64) -> Result<i64, &'static str> {
    let signed = ty.is_signed();
    let v = match op {
        IntOp::Add => x.wrapping_add(y),
        IntOp::Sub => x.wrapping_sub(y),
        IntOp::Mul => x.wrapping_mul(y),
        IntOp::Div => {
            if y == 0 {
                return Err("integer divide by zero");
            }
            if signed {
                x.wrapping_div(y)
            } else {
                ((x as u64) / (y as u64)) as i64
            }
        }
        IntOp::Rem => {
            if y == 0 {
                return Err("integer divide by zero");
            }
            if signed {
                x.wrapping_rem(y)
            } else {
                ((x as u64) % (y as u64)) as i64
            }
        }
        IntOp::And => x & y,
        IntOp::Or => x | y,
        IntOp::Xor => x ^ y,
        IntOp::AndNot => x & !y,
        IntOp::Shl => {
            if y < 0 {
                return Err("negative shift amount");
            }
            if y >= 64 {
                0
            } else {
                x << y
            }
        }
        IntOp::Shr => {
            if y < 0 {
                return Err("negative shift amount");
            }
            if signed {
                if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }
            } else if y >= 64 {
                0
            } else {
                ((x as u64) >> y) as i64
            }
        }
    };
    Ok(ty.wrap(v))
}

#[inline(always)]
pub(crate) fn int_cmp(op: CmpOp, ty: IntTy, x: i64, y: i64) -> bool {
    let ord = if ty.is_signed() {
        x.cmp(&y)
    } else {
        (x as u64).cmp(&(y as u64))
    };
    cmp_holds(op, ord)
}

pub(crate) fn cmp_holds(op: CmpOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Eq => ord == Equal,
        CmpOp::Ne => ord != Equal,
        CmpOp::Lt => ord == Less,
        CmpOp::Le => ord != Greater,
        CmpOp::Gt => ord == Greater,
        CmpOp::Ge => ord != Less,
    }
}

pub(crate) fn round_float(ty: FloatTy, v: f64) -> f64 {
    match ty {
        FloatTy::F32 => v as f32 as f64,
        FloatTy::F64 => v,
    }
}

/// Decodes one UTF-8 sequence at the start of `b` as Go does: invalid
/// encodings give U+FFFD and width 1.
pub(crate) fn decode_rune(b: &[u8]) -> (u32, usize) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let n = match b[0] {
        0x00..=0x7F => return (u32::from(b[0]), 1),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, 1),
    };
    if b.len() < n {
        return (0xFFFD, 1);
    }
    match std::str::from_utf8(&b[..n]) {
        Ok(s) => (s.chars().next().map_or(0xFFFD, u32::from), n),
        Err(_) => (0xFFFD, 1),
    }
}

/// UTF-8 encoding of rune `r`, or of U+FFFD when `r` is not a valid scalar.
pub(crate) fn encode_rune(r: i64) -> String {
    u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}')
        .to_string()
}

/// Go's size classes (runtime/sizeclasses.go) up to 32 KiB: `append`
/// rounds capacities up to them, which is why `cap` grows 1, 2, 4, 8, ...
/// and then in odd steps.
const SIZE_CLASSES: [u64; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

fn roundupsize(size: u64) -> u64 {
    if size <= 32768 {
        *SIZE_CLASSES.iter().find(|&&c| c >= size).unwrap_or(&size)
    } else {
        // Large objects: whole pages of 8 KiB.
        size.div_ceil(8192) * 8192
    }
}

/// The capacity `append` gives when a slice of capacity `old_cap` must hold
/// `new_len` elements of `elem_size` bytes (runtime/slice.go: growslice,
/// nextslicecap, Go 1.20+).
pub(crate) fn grow_cap(old_cap: u64, new_len: u64, elem_size: u64) -> u64 {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if new_len > doublecap {
        newcap = new_len;
    } else {
        const THRESHOLD: u64 = 256;
        if old_cap < THRESHOLD {
            newcap = doublecap;
        } else {
            while newcap < new_len {
                newcap += (newcap + 3 * THRESHOLD) >> 2;
            }
        }
    }
    if elem_size == 0 {
        return newcap;
    }
    roundupsize(newcap * elem_size) / elem_size
}

impl Machine {
    /// The size in bytes Go gives a value of type `ty` on amd64.
    pub(crate) fn type_size(&self, ty: TypeId) -> u64 {
        self.size_align(ty, 0).0
    }

    fn size_align(&self, ty: TypeId, depth: u32) -> (u64, u64) {
        if depth > 64 {
            return (8, 8);
        }
        match &self.prog.ty(ty).kind {
            TypeKind::Bool => (1, 1),
            TypeKind::Int(t) => {
                let b = u64::from(t.bits() / 8);
                (b, b)
            }
            TypeKind::Float(FloatTy::F32) => (4, 4),
            TypeKind::Float(FloatTy::F64) => (8, 8),
            TypeKind::String | TypeKind::Interface { .. } => (16, 8),
            TypeKind::Slice { .. } => (24, 8),
            TypeKind::Map { .. }
            | TypeKind::Chan { .. }
            | TypeKind::Pointer { .. }
            | TypeKind::Func => (8, 8),
            TypeKind::Array { elem, len } => {
                let (s, a) = self.size_align(*elem, depth + 1);
                (s * u64::from(*len), a)
            }
            TypeKind::Struct { fields } => {
                let mut off = 0u64;
                let mut align = 1u64;
                for f in fields {
                    let (s, a) = self.size_align(f.ty, depth + 1);
                    off = off.div_ceil(a) * a + s;
                    align = align.max(a);
                }
                (off.div_ceil(align) * align, align)
            }
        }
    }

    /// Whether values of `ty` are aggregates (structs, arrays) with value semantics.
    #[inline]
    pub(crate) fn is_aggregate(&self, ty: TypeId) -> bool {
        self.prog.ty(ty).kind.is_aggregate()
    }

    /// The estimated heap bytes of a fresh zeroed value of `ty` (its objects,
    /// counted as the heap counts them), saturating: what to reserve before
    /// [`Self::zero_value`] builds a large array, so that the memory limit
    /// stops `var a [1 << 26]int` before the host allocates it.
    pub(crate) fn zero_bytes(&self, ty: TypeId) -> u64 {
        self.zero_bytes_at(ty, 0)
    }

    fn zero_bytes_at(&self, ty: TypeId, depth: u32) -> u64 {
        // Types cannot contain themselves by value (the checker rejects
        // invalid recursive types); the depth bound is only a safeguard.
        if depth > 64 {
            return u64::MAX;
        }
        match &self.prog.ty(ty).kind {
            TypeKind::Struct { fields } => {
                fields
                    .iter()
                    .fold(OBJ_OVERHEAD + 8 * fields.len() as u64, |sum, f| {
                        let inner = if self.is_aggregate(f.ty) {
                            self.zero_bytes_at(f.ty, depth + 1)
                        } else {
                            0
                        };
                        sum.saturating_add(inner)
                    })
            }
            TypeKind::Array { elem, len } => {
                let len = u64::from(*len);
                let inner = if self.is_aggregate(*elem) {
                    len.saturating_mul(self.zero_bytes_at(*elem, depth + 1))
                } else {
                    0
                };
                (OBJ_OVERHEAD + 8 * len).saturating_add(inner)
            }
            _ => 0,
        }
    }

    /// The zero value of `ty`; aggregates get fresh zeroed objects.
    pub(crate) fn zero_value(&mut self, ty: TypeId) -> Value {
        match &self.prog.ty(ty).kind {
            TypeKind::Bool => Value::Bool(false),
            TypeKind::Int(_) => Value::Int(0),
            TypeKind::Float(_) => Value::Float(0.0),
            TypeKind::String => Value::Str(crate::value::StrRef::EMPTY),
            TypeKind::Struct { .. } | TypeKind::Array { .. } => Value::Ref(self.new_aggregate(ty)),
            _ => Value::Nil,
        }
    }

    /// A fresh zeroed struct or array object of type `ty`.
    pub(crate) fn new_aggregate(&mut self, ty: TypeId) -> ObjId {
        let prog = self.prog.clone();
        match &prog.ty(ty).kind {
            TypeKind::Struct { fields } => {
                let slots = fields.iter().map(|f| self.zero_value(f.ty)).collect();
                self.heap.alloc_cells(CellsKind::Struct(ty), slots)
            }
            TypeKind::Array { elem, len } => {
                let slots = if self.is_aggregate(*elem) {
                    (0..*len).map(|_| self.zero_value(*elem)).collect()
                } else {
                    let z = self.zero_value(*elem);
                    vec![z; *len as usize]
                };
                self.heap.alloc_cells(CellsKind::Array(ty), slots)
            }
            _ => self.heap.alloc_cells(CellsKind::Struct(ty), Vec::new()),
        }
    }

    /// The element (or field) types of aggregate object `o`, slot by slot:
    /// which slots hold nested aggregates that copy deeply.
    fn nested_aggregate(&self, o: ObjId, slot: usize) -> bool {
        let ty = match self.heap.cells_kind(o) {
            Some(CellsKind::Struct(t)) => match &self.prog.ty(t).kind {
                TypeKind::Struct { fields } => fields.get(slot).map(|f| f.ty),
                _ => None,
            },
            Some(CellsKind::Array(t)) => match &self.prog.ty(t).kind {
                TypeKind::Array { elem, .. } => Some(*elem),
                _ => None,
            },
            Some(CellsKind::Backing(e)) => Some(e),
            Some(CellsKind::Box(t, _)) => Some(t),
            _ => None,
        };
        ty.is_some_and(|t| self.is_aggregate(t))
    }

    /// A deep copy of aggregate `src` (struct/array value semantics).
    pub(crate) fn clone_aggregate(&mut self, src: ObjId) -> ObjId {
        let kind = self.heap.cells_kind(src).unwrap_or(CellsKind::Globals);
        let slots: Vec<Value> = self.heap.slots(src).to_vec();
        let mut out = Vec::with_capacity(slots.len());
        for (i, v) in slots.into_iter().enumerate() {
            match v {
                Value::Ref(o) if self.nested_aggregate(src, i) => {
                    out.push(Value::Ref(self.clone_aggregate(o)))
                }
                v => out.push(v),
            }
        }
        self.heap.alloc_cells(kind, out)
    }

    /// Copies aggregate `src` into aggregate `dst`, keeping nested objects' identity.
    pub(crate) fn copy_into(&mut self, dst: ObjId, src: ObjId) {
        if dst == src {
            return;
        }
        let slots: Vec<Value> = self.heap.slots(src).to_vec();
        for (i, v) in slots.into_iter().enumerate() {
            let nested = self.nested_aggregate(dst, i);
            let cur = self.heap.slots(dst).get(i).copied();
            match (nested, cur, v) {
                (true, Some(Value::Ref(d)), Value::Ref(s)) => self.copy_into(d, s),
                _ => {
                    if let Some(slot) = self.heap.slots_mut(dst).get_mut(i) {
                        *slot = v;
                    }
                }
            }
        }
    }

    /// Whether `a == b` for values of type `ty` (deep for aggregates and interfaces).
    pub(crate) fn values_equal(&mut self, ty: TypeId, a: Value, b: Value) -> R<bool> {
        let prog = self.prog.clone();
        match &prog.ty(ty).kind {
            TypeKind::String => Ok(self.heap.bytes_of(a) == self.heap.bytes_of(b)),
            TypeKind::Float(_) => Ok(a.as_float() == b.as_float()),
            TypeKind::Struct { fields } => {
                let (Value::Ref(x), Value::Ref(y)) = (a, b) else {
                    return Ok(a == b);
                };
                for (i, f) in fields.iter().enumerate() {
                    let (va, vb) = (self.heap.slots(x)[i], self.heap.slots(y)[i]);
                    if !self.values_equal(f.ty, va, vb)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            TypeKind::Array { elem, len } => {
                let (Value::Ref(x), Value::Ref(y)) = (a, b) else {
                    return Ok(a == b);
                };
                for i in 0..*len as usize {
                    let (va, vb) = (self.heap.slots(x)[i], self.heap.slots(y)[i]);
                    if !self.values_equal(*elem, va, vb)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            TypeKind::Interface { .. } => self.iface_equal(a, b),
            _ => Ok(a == b),
        }
    }

    /// Interface equality: same dynamic type and equal values; comparing
    /// uncomparable dynamic types panics as in Go.
    pub(crate) fn iface_equal(&mut self, a: Value, b: Value) -> R<bool> {
        let (ta, va) = self.iface_parts(a);
        let (tb, vb) = self.iface_parts(b);
        match (ta, tb) {
            (None, None) => Ok(true),
            (Some(x), Some(y)) if x == y => {
                if !self.prog.ty(x).comparable {
                    return Err(Trap::Runtime(format!(
                        "comparing uncomparable type {}",
                        self.prog.ty(x).name
                    )));
                }
                self.values_equal(x, va, vb)
            }
            _ => Ok(false),
        }
    }

    /// The dynamic type and value of an interface value (`None` for nil).
    pub(crate) fn iface_parts(&self, v: Value) -> (Option<TypeId>, Value) {
        match v {
            Value::Ref(o) => match self.heap.get(o) {
                Obj::Iface { ty, val } => (Some(*ty), *val),
                _ => (None, Value::Nil),
            },
            _ => (None, Value::Nil),
        }
    }

    pub(crate) fn make_iface(&mut self, ty: TypeId, val: Value) -> Value {
        Value::Ref(self.heap.alloc(Obj::Iface { ty, val }))
    }

    /// A new slice of `elems` with element type `elem` (cap = len).
    pub(crate) fn new_slice(&mut self, elem: TypeId, elems: Vec<Value>) -> Value {
        self.work(elems.len() as u64);
        let len = elems.len() as u32;
        let obj = self.heap.alloc_cells(CellsKind::Backing(elem), elems);
        Value::Slice(SliceRef { obj, off: 0, len })
    }

    /// Numeric and string conversions.
    pub(crate) fn convert(
        &mut self,
        conv: Conv,
        v: Value,
        elem_types: (Option<TypeId>, Option<TypeId>),
    ) -> Value {
        match conv {
            Conv::IntToInt(ty) => Value::Int(ty.wrap(v.as_int())),
            Conv::IntToFloat { from, to } => {
                let f = if from.is_signed() {
                    v.as_int() as f64
                } else {
                    v.as_int() as u64 as f64
                };
                Value::Float(round_float(to, f))
            }
            Conv::FloatToInt(ty) => {
                let f = v.as_float();
                let i = if ty.is_signed() || ty.bits() < 64 {
                    f as i64
                } else {
                    f as u64 as i64
                };
                Value::Int(ty.wrap(i))
            }
            Conv::FloatToFloat(ty) => Value::Float(round_float(ty, v.as_float())),
            Conv::RuneToString => {
                let s = encode_rune(v.as_int());
                self.heap.str_value(&s)
            }
            Conv::StringToBytes => {
                let bytes: Vec<Value> = self
                    .heap
                    .bytes_of(v)
                    .iter()
                    .map(|&b| Value::Int(i64::from(b)))
                    .collect();
                let elem = elem_types
                    .0
                    .or(self.prog.well_known.int)
                    .unwrap_or(TypeId(0));
                self.new_slice(elem, bytes)
            }
            Conv::BytesToString => {
                let bytes: Vec<u8> = self
                    .heap
                    .slice_values(v)
                    .iter()
                    .map(|b| b.as_int() as u8)
                    .collect();
                Value::Str(self.heap.alloc_str(&bytes))
            }
            Conv::StringToRunes => {
                let s = self.heap.bytes_of(v).to_vec();
                let mut runes = Vec::new();
                let mut i = 0;
                while i < s.len() {
                    let (r, w) = decode_rune(&s[i..]);
                    runes.push(Value::Int(i64::from(r)));
                    i += w.max(1);
                }
                let elem = elem_types
                    .0
                    .or(self.prog.well_known.int)
                    .unwrap_or(TypeId(0));
                self.new_slice(elem, runes)
            }
            Conv::RunesToString => {
                let s: String = self
                    .heap
                    .slice_values(v)
                    .iter()
                    .map(|r| encode_rune(r.as_int()))
                    .collect();
                self.heap.str_value(&s)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_ops_wrap_like_go() {
        assert_eq!(int_op(IntOp::Add, IntTy::I8, 127, 1), Ok(-128));
        assert_eq!(int_op(IntOp::Add, IntTy::U8, 255, 1), Ok(0));
        assert_eq!(int_op(IntOp::Sub, IntTy::U32, 0, 1), Ok(4294967295));
        assert_eq!(int_op(IntOp::Div, IntTy::I64, i64::MIN, -1), Ok(i64::MIN));
        assert_eq!(
            int_op(IntOp::Div, IntTy::I64, 7, 0),
            Err("integer divide by zero")
        );
        assert_eq!(int_op(IntOp::Rem, IntTy::I64, -7, 3), Ok(-1));
        assert_eq!(int_op(IntOp::Shr, IntTy::I64, -8, 100), Ok(-1));
        assert_eq!(int_op(IntOp::Shr, IntTy::U64, -8, 60), Ok(15));
        assert_eq!(
            int_op(IntOp::Shl, IntTy::I32, 1, 31),
            Ok(i64::from(i32::MIN))
        );
        assert!(
            int_cmp(CmpOp::Lt, IntTy::U64, 1, -1),
            "uint64 max is larger than 1"
        );
    }

    #[test]
    fn append_growth_matches_go() {
        // Go: appending one int at a time gives caps 1 2 4 8 16 32 64 128 256 512 848.
        let mut cap = 0;
        let mut seen = Vec::new();
        for len in 1..=600u64 {
            if len > cap {
                cap = grow_cap(cap, len, 8);
                seen.push(cap);
            }
        }
        assert_eq!(seen, vec![1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848]);
        // Bytes round up to size classes: append 1 byte to nil gives cap 8.
        assert_eq!(grow_cap(0, 1, 1), 8);
        // Strings (16 bytes): 1, 2, 4, 8.
        assert_eq!(grow_cap(0, 1, 16), 1);
        assert_eq!(grow_cap(2, 3, 16), 4);
    }

    #[test]
    fn runes_decode_like_go() {
        assert_eq!(decode_rune("é".as_bytes()), (0xE9, 2));
        assert_eq!(decode_rune(&[0xFF, 0x41]), (0xFFFD, 1));
        assert_eq!(encode_rune(-1), "\u{FFFD}");
    }
}
