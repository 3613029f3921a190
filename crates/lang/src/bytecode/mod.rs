//! Bytecode: the compiled program the simulator runs — functions of [`Instr`]s plus runtime type
//! information and debug tables.
//!
//! This module is the contract between the compiler (this crate) and the
//! interpreter (`gosched-sim`). Everything the simulator needs to run a
//! program, report errors the way Go does and name shared memory cells is
//! here; the simulator never sees source text except through [`SourceFile`]s
//! for line numbers.
//!
//! **Architecture invariant:** a `Program` is plain data. It holds no
//! references into the AST and can be built, cloned and compared without the
//! front end.

mod disasm;
mod instr;
mod verify;

pub use disasm::disassemble;
pub use instr::{Builtin1, CmpOp, Conv, FloatOp, FloatTy, Instr, IntOp, IntTy, Label, Reg};
pub use verify::verify;

use crate::span::{LineIndex, Span};

macro_rules! id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            #[inline]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// A function in [`Program::funcs`].
    FuncId
);
id!(
    /// A runtime type in [`Program::types`].
    TypeId
);
id!(
    /// A package-level variable in [`Program::globals`].
    GlobalId
);
id!(
    /// A constant in [`Program::consts`].
    ConstId
);
id!(
    /// An interned string in [`Program::names`] (method names, variable names).
    NameId
);
id!(
    /// A native (simulator-implemented) function in [`Program::natives`].
    NativeId
);
id!(
    /// A select table in [`Function::selects`].
    SelectId
);
id!(
    /// A source file in [`Program::files`].
    FileId
);

/// A whole compiled program.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub funcs: Vec<Function>,
    /// The function goroutine 1 starts in: initialises package variables of
    /// every package in dependency order, runs `init` functions, then calls
    /// `main.main`. Tracebacks hide it.
    pub entry: FuncId,
    /// `main.main`.
    pub main: FuncId,
    pub types: Vec<TypeInfo>,
    pub globals: Vec<GlobalInfo>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub natives: Vec<NativeInfo>,
    pub files: Vec<SourceFile>,
    /// Types the simulator creates values of by itself.
    pub well_known: WellKnown,
}

/// Runtime types the simulator needs to build values (e.g. a runtime panic
/// value that satisfies `error`, the `time.Time` a timer sends).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct WellKnown {
    pub bool_: Option<TypeId>,
    pub int: Option<TypeId>,
    pub string: Option<TypeId>,
    pub float64: Option<TypeId>,
    /// The concrete type of runtime panics (`runtime.Error`), whose `Error`
    /// method returns `"runtime error: " + msg`. The panic value is an
    /// interface holding a string of this type.
    pub runtime_error: Option<TypeId>,
    /// A concrete `error` type holding a string, for errors natives return
    /// (`errors.errorString`-like; its `Error` method returns the string).
    pub error_string: Option<TypeId>,
    /// The runtime's concrete error types, parallel to [`RUNTIME_ERROR_TYPES`]
    /// (each holds its message as a string and has `Error` and `RuntimeError`).
    pub runtime_errors: Vec<TypeId>,
    /// `time.Time` and `time.Duration`, if the program imports `time`.
    pub time_time: Option<TypeId>,
    pub time_duration: Option<TypeId>,
}

/// The name part of a method identity (`Error` of `Error() string`).
pub fn method_name(key: &str) -> &str {
    key.split('(').next().unwrap_or(key)
}

/// The runtime's concrete error types, as `%T` prints them: which one a
/// runtime panic uses depends on the error (see the simulator).
pub const RUNTIME_ERROR_TYPES: [&str; 5] = [
    "runtime.errorString",
    "runtime.boundsError",
    "runtime.plainError",
    "*runtime.TypeAssertionError",
    "*runtime.PanicNilError",
];

/// One function (top-level function, method, closure body or a compiler
/// generated wrapper).
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// The symbol name Go prints in tracebacks and race reports:
    /// `main.main`, `main.main.func1`, `main.(*Counter).Inc`, `main.worker`.
    pub name: String,
    pub file: FileId,
    /// The whole declaration (or function literal).
    pub span: Span,
    /// Registers `0..nparams` hold the parameters on entry (receiver first).
    pub nparams: u16,
    pub nresults: u16,
    /// Size of the register window (>= nparams, >= nresults).
    pub nregs: u16,
    /// Number of captured values a closure of this function carries.
    pub ncaptures: u16,
    pub code: Vec<Instr>,
    /// Parallel to `code`.
    pub debug: Vec<InstrDebug>,
    pub selects: Vec<SelectTable>,
    /// Non-empty only for functions containing `defer`: where the results
    /// live, so that `Ret` (after running deferred calls) and a recovered panic
    /// can collect their final values (deferred closures may change named
    /// results). Registers are zero-initialised on entry by the compiler.
    pub results: Vec<ResultSlot>,
    pub has_defer: bool,
    /// Compiler-generated (wrappers, init); hidden from tracebacks.
    pub synthetic: bool,
    /// Debug names of registers holding local variables (for views).
    pub locals: Vec<LocalDebug>,
}

/// Where a result of a function with `defer` lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResultSlot {
    pub reg: Reg,
    /// The register holds a box (the result variable escapes) rather than the value.
    pub boxed: bool,
}

/// Debug information for one instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct InstrDebug {
    /// The source construct this instruction implements (for line:col in
    /// tracebacks, race reports and the editor's goroutine markers).
    pub span: Span,
    /// For observable memory accesses: the source text of the base
    /// expression (`counter`, `s`, `buf`, `m`), from which the simulator names
    /// the shared cell (`counter`, `s.hits`, `buf[3]`, `m["k"]`).
    pub access: Option<NameId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalDebug {
    pub name: String,
    pub reg: Reg,
    pub boxed: bool,
}

/// A `select` statement's cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectTable {
    pub cases: Vec<SelectCase>,
    pub has_default: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectCase {
    pub send: bool,
    pub ch: Reg,
    /// Send: the value to send. Receive: where the received value goes (if
    /// the case assigns it).
    pub val: Option<Reg>,
    /// Receive with `v, ok :=`: where `ok` goes.
    pub ok: Option<Reg>,
    pub span: Span,
}

/// A constant too big for an immediate.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Str(String),
}

/// A package-level variable.
#[derive(Clone, Debug, PartialEq)]
pub struct GlobalInfo {
    /// Qualified name: `main.counter`, `sort.x`.
    pub name: String,
    /// Name as the user writes it in package main (`counter`), for cells.
    pub display: String,
    pub ty: TypeId,
    pub span: Span,
}

/// A function implemented by the simulator (declared without a body in the
/// embedded standard library sources).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NativeInfo {
    /// Qualified name: `fmt.Println`, `sync.(*Mutex).Lock`, `time.Sleep`.
    pub name: String,
    pub nparams: u16,
    pub nresults: u16,
}

/// A source file (main.go, or an embedded standard library file).
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFile {
    /// As printed in tracebacks: `main.go`, `sort/sort.go`.
    pub name: String,
    pub lines: LineIndex,
}

/// Runtime type information.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeInfo {
    /// The type as Go prints it (`%T`, panics): `int`, `main.Point`,
    /// `[]string`, `map[string]int`, `*main.Node`, `func(int) bool`.
    pub name: String,
    /// The structure of the type (of its underlying type, for named types).
    pub kind: TypeKind,
    /// Whether this is a named (defined) type.
    pub named: bool,
    /// The method set, sorted by name: for `T` the value-receiver methods,
    /// for `*T` all methods (the compiler generates the wrappers needed, so
    /// each entry is directly callable with this type's value as receiver;
    /// promoted methods of embedded fields are included the same way).
    pub methods: Vec<Method>,
    /// Whether `==` is defined (no slices, maps or funcs inside).
    pub comparable: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Method {
    pub name: NameId,
    pub imp: MethodImpl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodImpl {
    Func(FuncId),
    Native(NativeId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    Bool,
    Int(IntTy),
    Float(FloatTy),
    String,
    Slice {
        elem: TypeId,
    },
    Array {
        elem: TypeId,
        len: u32,
    },
    Map {
        key: TypeId,
        val: TypeId,
    },
    Chan {
        elem: TypeId,
        dir: ChanDir,
    },
    Pointer {
        elem: TypeId,
    },
    Func,
    Struct {
        fields: Vec<FieldInfo>,
    },
    /// Method names, sorted.
    Interface {
        methods: Vec<NameId>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldInfo {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
}

impl TypeKind {
    /// Struct and array values are heap objects with value semantics.
    pub fn is_aggregate(&self) -> bool {
        matches!(self, TypeKind::Struct { .. } | TypeKind::Array { .. })
    }
}

impl Program {
    pub fn func(&self, id: FuncId) -> &Function {
        &self.funcs[id.index()]
    }

    pub fn ty(&self, id: TypeId) -> &TypeInfo {
        &self.types[id.index()]
    }

    pub fn name(&self, id: NameId) -> &str {
        &self.names[id.index()]
    }

    /// The method of type `ty` called `name`, if any.
    pub fn method(&self, ty: TypeId, name: NameId) -> Option<MethodImpl> {
        let methods = &self.types[ty.index()].methods;
        methods.iter().find(|m| m.name == name).map(|m| m.imp)
    }

    /// The method of type `ty` called `name` (any signature: a type has at
    /// most one method of a name). Method identities are `name(signature)`.
    pub fn method_by_str(&self, ty: TypeId, name: &str) -> Option<MethodImpl> {
        let methods = &self.types[ty.index()].methods;
        methods
            .iter()
            .find(|m| method_name(&self.names[m.name.index()]) == name)
            .map(|m| m.imp)
    }

    /// The method of type `ty` with exactly this identity (`Error() string`).
    pub fn method_by_key(&self, ty: TypeId, key: &str) -> Option<MethodImpl> {
        let methods = &self.types[ty.index()].methods;
        methods
            .iter()
            .find(|m| self.names[m.name.index()] == key)
            .map(|m| m.imp)
    }

    /// Whether dynamic type `ty` implements interface type `iface`.
    pub fn implements(&self, ty: TypeId, iface: TypeId) -> bool {
        let TypeKind::Interface { methods } = &self.types[iface.index()].kind else {
            return false;
        };
        let have = &self.types[ty.index()].methods;
        methods.iter().all(|m| have.iter().any(|h| h.name == *m))
    }

    /// `file:line` of an instruction, as tracebacks print it (`pc` out of
    /// range means the function's declaration, as for a prologue).
    pub fn position(&self, func: FuncId, pc: usize) -> String {
        let f = self.func(func);
        let span = f.debug.get(pc).map_or(f.span, |d| d.span);
        let file = &self.files[f.file.index()];
        format!("{}:{}", file.name, file.lines.line_col(span.lo).line)
    }
}
