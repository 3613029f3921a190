//! The checker's results: side tables keyed by AST ids, like `go/types.Info`.
//!
//! This is the contract with the compiler. For a program that checks
//! without errors:
//!
//! - every expression the compiler evaluates has a [`TypeAndValue`] in
//!   [`Info::types`] (mode, type, constant value). Untyped constants carry
//!   their *final* type (the one they are converted to by context: `x + 1`
//!   with `x int64` records `1` as `int64`), and constant expressions carry
//!   their value, so the compiler never folds constants itself;
//! - every identifier has its object in [`Info::defs`] (declarations) or
//!   [`Info::uses`] (references); type-switch variables, which are declared
//!   once per clause, are in [`Info::implicits`];
//! - every selector `x.f` that is not a qualified identifier (`fmt.Println`)
//!   has a [`Selection`];
//! - every call has a [`CallInfo`] saying what is called and how arguments
//!   are passed;
//! - every place a value is implicitly converted to an interface (assignment,
//!   argument, return, send, composite literal element, comparison with an
//!   interface, ...) has an entry in [`Info::implicit_conversions`]: box the
//!   value into that interface type;
//! - every function body (declared functions, methods, function literals)
//!   has a [`Body`] with its parameters, results, locals and closure facts.

use crate::ast::{ExprId, StmtId};
use crate::constant::Value;
use crate::objects::{Builtin, ObjId};
use crate::types::TypeId;
use rustc_hash::FxHashMap;

/// A checked function body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BodyId(pub u32);

impl BodyId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The addressing mode of an expression (Go's `operandMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A call of a function without results.
    NoValue,
    /// A predeclared function (only as the callee of a call).
    Builtin(Builtin),
    /// A type (`int`, `[]T`, `sync.Mutex`).
    TypeExpr,
    /// A constant; the value is in [`TypeAndValue::value`].
    Constant,
    /// An addressable variable (`x`, `*p`, `s[i]`, `a.f` on addressable `a`).
    Variable,
    /// A map index expression (assignable, not addressable; comma-ok capable).
    MapIndex,
    /// A computed value.
    Value,
    /// A value that may be used in a comma-ok assignment: a channel receive or type assertion.
    CommaOk,
    /// The predeclared `nil` (its type is the type it was converted to, or `untyped nil`).
    Nil,
}

/// The type (and constant value) of an expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub typ: TypeId,
    pub value: Option<Value>,
}

/// What a selector `x.f` selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// A struct field (`p.X`).
    FieldVal,
    /// A method value or call (`p.M`, `p.M()`).
    MethodVal,
    /// A method expression (`T.M`, `(*T).M`): a function taking the receiver first.
    MethodExpr,
}

/// How the receiver must be adjusted before calling a selected method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvAdjust {
    /// Pass the (possibly field-selected) receiver as it is.
    None,
    /// Take its address: `x.M()` with `func (*T) M()` on addressable `x` of type `T`.
    AddrOf,
    /// Dereference it: `p.M()` with `func (T) M()` on `p` of type `*T`.
    Deref,
}

/// A resolved selector.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x` in `x.f`.
    pub recv: TypeId,
    /// The selected field (`Var`) or method (`Func`).
    pub obj: ObjId,
    /// Path to the entry: for fields, the field indices through embedded
    /// fields ending with the field itself; for methods, the embedded field
    /// indices to the value whose method is called, then the method's index.
    pub index: Vec<u32>,
    /// Some step through the embedded fields dereferences a pointer.
    pub indirect: bool,
    /// Receiver adjustment for methods (always `None` for fields).
    pub adjust: RecvAdjust,
    /// The method is an interface method (dynamic dispatch on the selected value).
    pub iface: bool,
}

/// What a call expression calls.
#[derive(Clone, Debug, PartialEq)]
pub enum CallKind {
    /// A function declared at package level (user, stdlib Go code, or a native: see the object's `FuncInfo`).
    Func(ObjId),
    /// A method call `x.M(...)` (see the callee's [`Selection`]; interface methods dispatch dynamically).
    Method(ObjId),
    /// A call of a function value: a closure, a variable of func type, a method value, a method expression.
    Value,
    /// A builtin (`len`, `append`, ...).
    Builtin(Builtin),
    /// A conversion `T(x)` to this type.
    Conversion(TypeId),
}

/// A checked call.
#[derive(Clone, Debug, PartialEq)]
pub struct CallInfo {
    pub kind: CallKind,
    /// The callee's signature (`INVALID` for builtins and conversions).
    pub sig: TypeId,
    /// `f(g())` where `g` returns several values that become the arguments.
    pub spread: bool,
    /// Arguments from index `sig.params.len() - 1` on are packed into a new
    /// slice for the variadic parameter (false with `f(xs...)`).
    pub pack_variadic: bool,
}

/// What a function body belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyOwner {
    /// A function or method declaration (`Func` object).
    Func(ObjId),
    /// A function literal expression.
    Lit(ExprId),
}

/// A checked function body.
#[derive(Clone, Debug)]
pub struct Body {
    pub owner: BodyOwner,
    /// The enclosing body, for function literals.
    pub parent: Option<BodyId>,
    /// The signature (`Signature` type).
    pub sig: TypeId,
    pub recv: Option<ObjId>,
    /// Parameter variables in order (unnamed parameters get `_` objects).
    pub params: Vec<ObjId>,
    /// Result variables in order (unnamed results get `_` objects).
    pub results: Vec<ObjId>,
    /// The results are named (a bare `return` returns them).
    pub named_results: bool,
    /// Local variables declared in the body (not in nested function literals).
    pub locals: Vec<ObjId>,
    /// For function literals: the variables of enclosing bodies it uses (its free variables).
    pub free_vars: Vec<ObjId>,
    /// The body contains a `defer` statement (directly, not in a nested literal).
    pub has_defer: bool,
    /// The body calls `recover()` (directly).
    pub has_recover: bool,
}

/// Side tables produced by the checker.
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// Indexed by `ExprId`.
    pub types: Vec<Option<TypeAndValue>>,
    /// Identifiers that declare an object (also `_` declarations, with a `_` object).
    pub defs: FxHashMap<ExprId, ObjId>,
    /// Identifiers that refer to an object.
    pub uses: FxHashMap<ExprId, ObjId>,
    /// The variable a type switch declares in each clause: keyed by the
    /// switch statement and the clause index.
    pub implicits: FxHashMap<(StmtId, u32), ObjId>,
    pub selections: FxHashMap<ExprId, Selection>,
    pub calls: FxHashMap<ExprId, CallInfo>,
    /// Expressions whose value is converted to this interface type where used.
    pub implicit_conversions: FxHashMap<ExprId, TypeId>,
    pub bodies: Vec<Body>,
    /// The body of each function literal.
    pub func_lits: FxHashMap<ExprId, BodyId>,
    /// The type of each `T{...}` composite literal is its `TypeAndValue`;
    /// this is the type of each type-switch case (`None` for `case nil`),
    /// keyed by the case expression.
    pub case_types: FxHashMap<ExprId, Option<TypeId>>,
    /// Map index expressions, receives and type assertions used in the
    /// two-value comma-ok form (`v, ok := m[k]`).
    pub comma_ok: rustc_hash::FxHashSet<ExprId>,
}

impl Info {
    /// The recorded type and value of an expression.
    pub fn type_of(&self, e: ExprId) -> Option<&TypeAndValue> {
        self.types.get(e.index()).and_then(|t| t.as_ref())
    }

    /// The object an identifier defines or uses.
    pub fn object_of(&self, ident: ExprId) -> Option<ObjId> {
        self.defs
            .get(&ident)
            .or_else(|| self.uses.get(&ident))
            .copied()
    }

    pub fn body(&self, b: BodyId) -> &Body {
        &self.bodies[b.index()]
    }
}
