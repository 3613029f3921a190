//! The instruction set: a register machine with typed operands, designed for a fast interpreter.
//!
//! # Execution model
//!
//! Each goroutine has a register stack of `Value`s and a stack of frames. A
//! frame sees a window of `Function::nregs` registers, addressed by [`Reg`]
//! (0-based within the window). Parameters arrive in registers
//! `0..nparams` (the receiver first for methods, then the parameters; a
//! variadic parameter arrives as one slice).
//!
//! **Calls** use overlapping windows, as Lua does: the caller evaluates the
//! arguments into consecutive registers starting at some `base`, and the
//! callee's window starts at the caller's `base`. Results come back in the
//! same place: after the call, registers `base..base+nresults` of the caller
//! hold the results. So a call needs no copying of arguments.
//!
//! **Observable memory.** Registers are private to their goroutine and never
//! observed by the race detector or shown as shared cells. Every access to
//! memory another goroutine may reach — package variables, boxed (captured or
//! address-taken) variables, struct fields, array and slice elements, map
//! entries, pointer targets — is its own instruction, so the scheduler can
//! interleave goroutines between a load and a store (`counter++` is
//! `LoadGlobal`, `AddInt`, `StoreGlobal`), and the race detector sees each
//! read and write. The compiler decides which locals live in registers and
//! which in boxes (escape analysis: address taken or captured by a closure
//! means boxed).
//!
//! **Aggregates.** Struct and array *values* are heap objects referenced by
//! `Value::Ref`. A slot (register, field, element, box, global) whose static
//! type is a struct or array owns its object exclusively: assigning to such a
//! slot copies the source object's contents into the slot's object
//! ([`Instr::CopyInto`]), and reading it as a value to store elsewhere makes a
//! copy ([`Instr::Clone`]). A pointer to an aggregate is a `Ref` to its object;
//! a pointer to a scalar slot is a `Ptr { obj, slot }`.
//!
//! **Integers** of every width are stored as `i64`, canonicalised to their
//! type after each operation (sign-extended for signed, zero-extended for
//! unsigned; `uint64` keeps its bit pattern). Typed instructions carry an
//! [`IntTy`] that says how to wrap, divide, compare and shift.
//!
//! **Panics.** Instructions that can fail (index out of range, nil map write,
//! nil dereference, division by zero, failed type assertion, ...) raise a Go
//! runtime panic with Go's message; the simulator unwinds through deferred
//! calls.

use super::{ConstId, FuncId, GlobalId, NameId, NativeId, SelectId, TypeId};

/// A register in the current frame's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reg(pub u16);

/// An instruction index within one function's code.
pub type Label = u32;

/// How an integer operation wraps, divides, compares and shifts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntTy {
    I8,
    I16,
    I32,
    /// `int` and `int64`.
    I64,
    U8,
    U16,
    U32,
    /// `uint`, `uint64` and `uintptr`.
    U64,
}

impl IntTy {
    pub fn is_signed(self) -> bool {
        matches!(self, IntTy::I8 | IntTy::I16 | IntTy::I32 | IntTy::I64)
    }

    pub fn bits(self) -> u32 {
        match self {
            IntTy::I8 | IntTy::U8 => 8,
            IntTy::I16 | IntTy::U16 => 16,
            IntTy::I32 | IntTy::U32 => 32,
            IntTy::I64 | IntTy::U64 => 64,
        }
    }

    /// Canonicalises `v` to this type: truncates to the width, then sign- or
    /// zero-extends back to 64 bits.
    #[inline]
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntTy::I64 | IntTy::U64 => v,
            IntTy::I32 => v as i32 as i64,
            IntTy::I16 => v as i16 as i64,
            IntTy::I8 => v as i8 as i64,
            IntTy::U32 => v as u32 as i64,
            IntTy::U16 => v as u16 as i64,
            IntTy::U8 => v as u8 as i64,
        }
    }
}

/// `float32` or `float64`. Values are stored as `f64`; `F32` operations round
/// their result to `f32` precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatTy {
    F32,
    F64,
}

/// Binary integer operations. Division and remainder truncate toward zero and
/// panic with `integer divide by zero`; `MinInt / -1` wraps as in Go. Shifts
/// take the count from an unsigned-or-signed integer register: a negative
/// count panics with `negative shift amount`; counts >= width give 0 (or -1
/// for right shifts of negative signed values), as in Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
}

/// Binary float operations (IEEE 754; division by zero gives ±Inf or NaN).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// Comparisons. For integers, signedness comes from the [`IntTy`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Conversions between basic representations (`T(x)` in Go). Conversions to
/// interface types use [`Instr::MakeIface`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Conv {
    /// Integer to integer of another width/signedness: re-wrap to the target.
    IntToInt(IntTy),
    /// Integer (of the given source type) to float.
    IntToFloat {
        from: IntTy,
        to: FloatTy,
    },
    /// Float to integer: truncate toward zero, then wrap (Go leaves
    /// out-of-range results implementation-defined; we saturate then wrap).
    FloatToInt(IntTy),
    FloatToFloat(FloatTy),
    /// `string(rune)`: UTF-8 encoding of the code point, or "\uFFFD" when invalid.
    RuneToString,
    /// `[]byte(s)`.
    StringToBytes,
    /// `string(b)` for `[]byte`.
    BytesToString,
    /// `[]rune(s)`.
    StringToRunes,
    /// `string(r)` for `[]rune`.
    RunesToString,
}

/// A builtin that is neither a call nor memory access (`len`, `cap`, ...) is
/// an instruction; builtins with effects on shared memory are their own
/// instructions below. This enum names the "pure" ones for [`Instr::Builtin1`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin1 {
    /// `len(s)` of a string.
    LenString,
    /// `len(s)` of a slice (nil slice: 0).
    LenSlice,
    /// `cap(s)` of a slice.
    CapSlice,
    /// `len(m)` of a map (an observable read of the map).
    LenMap,
    /// `len(c)` of a channel (buffered items).
    LenChan,
    /// `cap(c)` of a channel.
    CapChan,
}

/// One instruction. Registers named `dst` are written; everything else is read.
///
/// Keep this enum small (it is the interpreter's hot data): large operands go
/// to side tables in [`super::Function`] (select tables) or [`super::Program`]
/// (constants, names).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    // ===== constants and moves =====
    /// No operation (a placeholder the compiler may patch).
    Nop,
    /// `dst = src`.
    Move {
        dst: Reg,
        src: Reg,
    },
    /// `dst = imm` for an integer constant that fits in 32 bits (already
    /// canonical for its type).
    LoadInt {
        dst: Reg,
        imm: i32,
    },
    /// `dst = consts[k]` (big integers, floats, strings, bools).
    LoadConst {
        dst: Reg,
        k: ConstId,
    },
    /// `dst = nil` (nil pointer, slice, map, chan, func or interface).
    LoadNil {
        dst: Reg,
    },
    /// `dst = true/false`.
    LoadBool {
        dst: Reg,
        v: bool,
    },
    /// `dst` = the zero value of type `ty`. For struct and array types this
    /// allocates a fresh zeroed object (recursively for nested aggregates);
    /// for other types it is the scalar zero (0, 0.0, "", false, nil).
    Zero {
        dst: Reg,
        ty: TypeId,
    },
    /// `dst` = the top-level function `func` as a func value.
    LoadFunc {
        dst: Reg,
        func: FuncId,
    },

    // ===== arithmetic =====
    /// `dst = a op b` on integers of type `ty`.
    Int {
        op: IntOp,
        ty: IntTy,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `dst = a op imm` (the immediate is converted to `ty` first). Shifts
    /// with an immediate count are allowed.
    IntImm {
        op: IntOp,
        ty: IntTy,
        dst: Reg,
        a: Reg,
        imm: i32,
    },
    /// `dst = -a` (wrapping).
    NegInt {
        ty: IntTy,
        dst: Reg,
        a: Reg,
    },
    /// `dst = ^a`.
    NotInt {
        ty: IntTy,
        dst: Reg,
        a: Reg,
    },
    /// `dst = a op b` on floats.
    Float {
        op: FloatOp,
        ty: FloatTy,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `dst = -a`.
    NegFloat {
        dst: Reg,
        a: Reg,
    },
    /// `dst = !a`.
    Not {
        dst: Reg,
        a: Reg,
    },
    /// `dst = a + b` on strings (allocates the result).
    Concat {
        dst: Reg,
        a: Reg,
        b: Reg,
    },

    // ===== comparisons (dst is a bool) =====
    CmpInt {
        op: CmpOp,
        ty: IntTy,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    CmpIntImm {
        op: CmpOp,
        ty: IntTy,
        dst: Reg,
        a: Reg,
        imm: i32,
    },
    CmpFloat {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// Byte-wise lexicographic comparison of strings.
    CmpString {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `dst = a == b` (or `!=` when `ne`) for bools, pointers, channels,
    /// maps/slices/funcs against nil, and any other case where identity of the
    /// `Value` is equality.
    EqRef {
        dst: Reg,
        a: Reg,
        b: Reg,
        ne: bool,
    },
    /// Deep `==` (or `!=`) for values of static type `ty` that need it:
    /// structs, arrays, interfaces (compare dynamic type, then value; panics
    /// `runtime error: comparing uncomparable type T` for uncomparable dynamic
    /// types). Reads every field/element involved (observable reads).
    EqDeep {
        dst: Reg,
        a: Reg,
        b: Reg,
        ty: TypeId,
        ne: bool,
    },

    // ===== control flow =====
    Jump {
        to: Label,
    },
    JumpIf {
        cond: Reg,
        to: Label,
    },
    JumpIfNot {
        cond: Reg,
        to: Label,
    },
    /// Fused loop test: `if !(a op b) { goto to }` on integers of type `ty`.
    JumpIfNotCmpInt {
        op: CmpOp,
        ty: IntTy,
        a: Reg,
        b: Reg,
        to: Label,
    },

    // ===== conversions =====
    Conv {
        conv: Conv,
        dst: Reg,
        src: Reg,
    },

    // ===== calls =====
    /// Calls top-level function `func` with arguments in `base..` (see the
    /// module docs); results land in `base..`. A call is a cooperative
    /// preemption point (Go's function prologue) and may grow the stack.
    Call {
        func: FuncId,
        base: Reg,
    },
    /// Calls the func value in `callee` (a `Func`, a closure `Ref`, a native
    /// func value, or nil, which panics with a nil dereference). `nargs` and
    /// `nresults` come from the callee's static type and are used to check the
    /// window.
    CallValue {
        callee: Reg,
        base: Reg,
    },
    /// Calls native (built-in library) function `native` with arguments in
    /// `base..`; results land in `base..`. Natives may block (e.g.
    /// `time.Sleep`, `sync.(*Mutex).Lock`).
    CallNative {
        native: NativeId,
        base: Reg,
    },
    /// Calls method `method` (an interned method name) on the interface value
    /// in register `base` (the receiver slot), dispatching on its dynamic
    /// type; the receiver slot is replaced by the dynamic value before the
    /// call. Panics with a nil dereference on a nil interface.
    CallIface {
        method: NameId,
        base: Reg,
    },
    /// Returns `n` results from registers `src..src+n` (copied to the start of
    /// the frame's window) after running this frame's pending deferred calls.
    Ret {
        src: Reg,
        n: u16,
    },

    // ===== goroutines, defer, panic =====
    /// `go f(args)`: starts a new goroutine running the function `func` with
    /// `nargs` argument values copied from `base..`.
    Go {
        func: FuncId,
        base: Reg,
        nargs: u16,
    },
    /// `go v(args)` for a func value (closure, method value). A `go` of a
    /// native (`go fmt.Println(x)`) is compiled as a `go` of a wrapper
    /// function.
    GoValue {
        callee: Reg,
        base: Reg,
        nargs: u16,
    },
    /// `defer f(args)`: records `func` and copies of `nargs` arguments from
    /// `base..` (evaluated now) on the goroutine's defer stack for this frame.
    Defer {
        func: FuncId,
        base: Reg,
        nargs: u16,
    },
    /// `defer v(args)` for a func value.
    DeferValue {
        callee: Reg,
        base: Reg,
        nargs: u16,
    },
    /// `defer` of a native (e.g. `defer wg.Done()`, `defer mu.Unlock()`).
    DeferNative {
        native: NativeId,
        base: Reg,
        nargs: u16,
    },
    /// `panic(v)`; `v` is an interface value (`any`).
    Panic {
        v: Reg,
    },
    /// `dst = recover()`: the current panic value (and stops the panic) if
    /// called directly by a deferred function while panicking; nil otherwise.
    Recover {
        dst: Reg,
    },

    // ===== heap: boxes, globals, objects (all observable) =====
    /// `dst` = a fresh box (a one-slot heap object) holding `init`, for a
    /// local variable that escapes. `name` is the variable's name, shown for
    /// the shared cell.
    Box {
        dst: Reg,
        init: Reg,
        name: NameId,
    },
    /// `dst = *box` (observable read of the box's slot).
    LoadBox {
        dst: Reg,
        boxed: Reg,
    },
    /// `*box = src` (observable write).
    StoreBox {
        boxed: Reg,
        src: Reg,
    },
    /// `dst = globals[g]` (observable read).
    LoadGlobal {
        dst: Reg,
        g: GlobalId,
    },
    /// `globals[g] = src` (observable write).
    StoreGlobal {
        g: GlobalId,
        src: Reg,
    },
    /// `dst` = the object of aggregate-typed global `g` (not a data access:
    /// the slot's object never changes).
    GlobalRef {
        dst: Reg,
        g: GlobalId,
    },
    /// `dst` = `&globals[g]` for a scalar-typed global (a `Ptr`).
    GlobalAddr {
        dst: Reg,
        g: GlobalId,
    },
    /// `dst = obj.fields[field]` (observable read). `obj` is a struct `Ref`
    /// (nil panics with a nil dereference).
    LoadField {
        dst: Reg,
        obj: Reg,
        field: u16,
    },
    /// `obj.fields[field] = src` (observable write).
    StoreField {
        obj: Reg,
        field: u16,
        src: Reg,
    },
    /// `dst` = the object of an aggregate-typed field (not a data access).
    FieldRef {
        dst: Reg,
        obj: Reg,
        field: u16,
    },
    /// `dst = &obj.fields[field]` for a scalar-typed field (a `Ptr`).
    FieldAddr {
        dst: Reg,
        obj: Reg,
        field: u16,
    },
    /// `dst = seq[idx]` for an array `Ref` or a slice; bounds-checked
    /// (`index out of range [i] with length n`); observable read.
    LoadIndex {
        dst: Reg,
        seq: Reg,
        idx: Reg,
    },
    /// `seq[idx] = src`; bounds-checked; observable write.
    StoreIndex {
        seq: Reg,
        idx: Reg,
        src: Reg,
    },
    /// `dst` = the object of an aggregate-typed element (bounds-checked, not a
    /// data access).
    IndexRef {
        dst: Reg,
        seq: Reg,
        idx: Reg,
    },
    /// `dst = &seq[idx]` for a scalar-typed element (bounds-checked).
    IndexAddr {
        dst: Reg,
        seq: Reg,
        idx: Reg,
    },
    /// `dst = *ptr` for a scalar pointer (`Ptr`); nil panics.
    LoadPtr {
        dst: Reg,
        ptr: Reg,
    },
    /// `*ptr = src`.
    StorePtr {
        ptr: Reg,
        src: Reg,
    },
    /// `dst` = a deep copy of the aggregate object `src` (reads every slot).
    Clone {
        dst: Reg,
        src: Reg,
    },
    /// Copies every slot of aggregate `src` into aggregate `dst` (reads and
    /// writes every slot; nested aggregates are copied into, keeping their
    /// identity). Panics with a nil dereference if either is nil.
    CopyInto {
        dst: Reg,
        src: Reg,
    },
    /// `dst` = a new zeroed object of aggregate type `ty` (same as `Zero` for
    /// aggregates) — used for `new(T)` and `&T{...}`; for scalar `ty`, a box
    /// holding the zero value is returned as a `Ptr`.
    New {
        dst: Reg,
        ty: TypeId,
    },

    // ===== strings and slices =====
    /// `dst = s[idx]` (a byte) of a string; bounds-checked.
    StrIndex {
        dst: Reg,
        s: Reg,
        idx: Reg,
    },
    /// `dst = s[lo:hi]` for strings; `lo`/`hi` registers, missing bounds are
    /// `None` (0 and len). Bounds-checked.
    StrSlice {
        dst: Reg,
        s: Reg,
        lo: Option<Reg>,
        hi: Option<Reg>,
    },
    /// Decodes the rune at byte index `idx` of string `s`: `dst` = rune,
    /// `dst+1` = its width in bytes (for `range` over strings).
    DecodeRune {
        dst: Reg,
        s: Reg,
        idx: Reg,
    },
    /// `dst = make([]T, len, cap)` with element type `elem` (zero-filled;
    /// aggregate elements get fresh objects). `cap` may be `None`.
    /// Panics `makeslice: len out of range` / `cap out of range`.
    MakeSlice {
        dst: Reg,
        elem: TypeId,
        len: Reg,
        cap: Option<Reg>,
    },
    /// `dst = []T{...}` of `n` elements taken from registers `src..src+n`
    /// (aggregate elements are stored as given: the compiler clones).
    SliceLit {
        dst: Reg,
        elem: TypeId,
        src: Reg,
        n: u16,
    },
    /// `dst = seq[lo:hi:max]` for slices and arrays (`seq` is a slice or an
    /// array `Ref`). Missing bounds are `None`. Bounds-checked with Go's
    /// messages (`slice bounds out of range [:5] with capacity 3`).
    Reslice {
        dst: Reg,
        seq: Reg,
        lo: Option<Reg>,
        hi: Option<Reg>,
        max: Option<Reg>,
    },
    /// `dst = append(s, vals...)`: appends `n` values from `src..src+n` to
    /// slice `s` of element type `elem`, growing as Go does (double below 256
    /// elements, then about 1.25x; see the simulator). Writes to the backing
    /// array are observable.
    Append {
        dst: Reg,
        s: Reg,
        elem: TypeId,
        src: Reg,
        n: u16,
    },
    /// `dst = append(s, t...)` where `t` is a slice (or a string when `s` is
    /// `[]byte`).
    AppendSlice {
        dst: Reg,
        s: Reg,
        elem: TypeId,
        t: Reg,
    },
    /// `dst = copy(to, from)` (from may be a string for `[]byte`).
    Copy {
        dst: Reg,
        to: Reg,
        from: Reg,
    },
    /// Pure builtins: `len`, `cap` of various kinds.
    Builtin1 {
        op: Builtin1,
        dst: Reg,
        a: Reg,
    },
    /// `dst = min(a, b)` / `max` on integers, floats or strings of type `ty`.
    MinMax {
        max: bool,
        ty: TypeId,
        dst: Reg,
        a: Reg,
        b: Reg,
    },

    // ===== maps =====
    /// `dst = make(map[K]V, hint)`; `ty` is the map type.
    MakeMap {
        dst: Reg,
        ty: TypeId,
    },
    /// `dst = m[key]` (zero value if absent; a nil map reads as empty). If
    /// `ok` is set, `ok` receives whether the key was present. Observable
    /// read of the entry (and Go's concurrent-map check).
    MapGet {
        dst: Reg,
        m: Reg,
        key: Reg,
        ok: Option<Reg>,
    },
    /// `m[key] = src`. Nil map panics `assignment to entry in nil map`.
    /// Observable write; takes two steps so that concurrent writers can meet
    /// (`fatal error: concurrent map writes`, as Go detects it).
    MapSet {
        m: Reg,
        key: Reg,
        src: Reg,
    },
    /// `delete(m, key)`.
    MapDelete {
        m: Reg,
        key: Reg,
    },
    /// `clear(m)` for maps, `clear(s)` for slices (zeroes elements).
    Clear {
        target: Reg,
    },
    /// Starts a `range` over map `m`: `dst` = an iterator over a snapshot of
    /// the keys in a random order (Go randomises iteration order).
    MapIter {
        dst: Reg,
        m: Reg,
    },
    /// Advances iterator `iter`: `key` and `val` (val may be `None`) receive
    /// the next entry still present in the map; jumps to `done` when finished.
    MapNext {
        iter: Reg,
        key: Reg,
        val: Option<Reg>,
        done: Label,
    },

    // ===== interfaces =====
    /// `dst` = interface value holding `src` with dynamic type `ty` (a nil
    /// pointer of type `*T` stays a non-nil interface, as in Go). The compiler
    /// clones aggregates before boxing.
    MakeIface {
        dst: Reg,
        src: Reg,
        ty: TypeId,
    },
    /// `dst = x.(T)`: `ty` is the asserted type (concrete: dynamic type must be
    /// identical; interface: dynamic type must implement it). With `ok`, a
    /// failure stores the zero value and false; without, it panics
    /// `interface conversion: interface {} is string, not int`.
    TypeAssert {
        dst: Reg,
        src: Reg,
        ty: TypeId,
        ok: Option<Reg>,
    },
    /// `dst` = the dynamic type id of interface value `src` as an integer
    /// (`-1` for nil), for type switches.
    IfaceType {
        dst: Reg,
        src: Reg,
    },
    /// `dst` = whether the dynamic type of `src` (a type id from `IfaceType`)
    /// implements interface type `iface`.
    Implements {
        dst: Reg,
        ty_reg: Reg,
        iface: TypeId,
    },

    // ===== channels and select (may block) =====
    /// `dst = make(chan T, cap)`; `ty` is the channel type. Negative cap panics
    /// `makechan: size out of range`.
    MakeChan {
        dst: Reg,
        ty: TypeId,
        cap: Option<Reg>,
    },
    /// `ch <- v`.
    Send {
        ch: Reg,
        v: Reg,
    },
    /// `dst = <-ch` (zero value after close); with `ok`, whether a value was
    /// received (not closed). `dst` may be `None` to discard.
    Recv {
        dst: Option<Reg>,
        ch: Reg,
        ok: Option<Reg>,
    },
    /// `close(ch)`.
    Close {
        ch: Reg,
    },
    /// `select` described by `Function::selects[table]`; `dst` receives the
    /// index of the chosen case (`cases.len()` for `default`).
    Select {
        table: SelectId,
        dst: Reg,
    },

    // ===== closures =====
    /// `dst` = a closure of function `func` capturing `n` values from
    /// registers `src..src+n` (boxes of captured variables, in the order of
    /// the callee's `Function::captures`).
    MakeClosure {
        dst: Reg,
        func: FuncId,
        src: Reg,
        n: u16,
    },
    /// `dst` = capture number `idx` of the running closure.
    LoadCapture {
        dst: Reg,
        idx: u16,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The interpreter streams through instructions: keep them small.
    #[test]
    fn instructions_stay_small() {
        assert!(
            std::mem::size_of::<Instr>() <= 16,
            "Instr is {} bytes",
            std::mem::size_of::<Instr>()
        );
    }
}
