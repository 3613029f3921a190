//! Named language entities (variables, constants, types, functions, packages...) and scopes.
//!
//! Every declared or predeclared name is an [`Object`] in one arena,
//! addressed by [`ObjId`] (as `go/types.Object`). The checker's side tables
//! map identifiers to objects (`Info::defs`, `Info::uses`); the compiler
//! reads an object's kind to decide how to load it: a local [`Var`](ObjKind::Var)
//! (register or heap box, see [`VarInfo`]), a global, a constant (its value),
//! a function (user code, stdlib Go code, or a native implemented by the
//! simulator), a builtin.

use crate::ast::{DeclId, ExprId, FileId, Sym};
use crate::constant::Value;
use crate::info::BodyId;
use crate::types::TypeId;
use rustc_hash::FxHashMap;

macro_rules! id {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// An object (see [`Object`]).
    ObjId
);
id!(
    /// A package: `main` or one of the standard-library packages.
    PkgId
);
id!(
    /// A lexical scope.
    ScopeId
);

/// A named entity.
#[derive(Clone, Debug)]
pub struct Object {
    pub name: Sym,
    /// Declaring package; `None` for predeclared objects (`int`, `len`, `nil`, `error`).
    pub pkg: Option<PkgId>,
    /// Offset of the declaring identifier in its file (0 for predeclared objects).
    pub pos: u32,
    /// The file the object is declared in (`None` for predeclared objects).
    pub file: Option<FileId>,
    /// The object's type (`TypeId::INVALID` until resolved, and for packages, labels, builtins).
    pub typ: TypeId,
    pub kind: ObjKind,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var(VarInfo),
    Const(Value),
    TypeName,
    Func(FuncInfo),
    Builtin(Builtin),
    /// An imported package name in a file scope.
    PkgName {
        pkg: PkgId,
        used: bool,
    },
    Nil,
    Label,
}

/// What kind of variable a [`ObjKind::Var`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// A local variable (including `:=`, range and type-switch variables).
    Local,
    /// A function or closure parameter.
    Param,
    /// A (named or unnamed) result.
    Result,
    /// A method receiver.
    Recv,
    /// A package-level variable.
    Global,
    /// A struct field.
    Field,
}

/// Facts about a variable, for the compiler's storage decisions.
#[derive(Clone, Debug)]
pub struct VarInfo {
    pub kind: VarKind,
    /// Read somewhere (for `declared and not used`).
    pub used: bool,
    /// Its address is taken: `&x`, `x.M()` with a pointer receiver on addressable `x`,
    /// or slicing an array variable `x[:]`. Such a local must live in a heap box.
    pub addr_taken: bool,
    /// Referenced from a function literal other than the one declaring it
    /// (a free variable of a closure). Such a local must live in a heap box
    /// shared with the closure.
    pub captured: bool,
    /// A loop variable of a three-clause `for` or a `range` loop: Go 1.22 gives
    /// each iteration a fresh copy (matters when captured or address-taken).
    pub per_iteration: bool,
    /// An embedded struct field.
    pub embedded: bool,
    /// The function body declaring it (`None` for globals and fields).
    pub owner: Option<BodyId>,
}

impl VarInfo {
    pub fn new(kind: VarKind, owner: Option<BodyId>) -> VarInfo {
        VarInfo {
            kind,
            used: false,
            addr_taken: false,
            captured: false,
            per_iteration: false,
            embedded: false,
            owner,
        }
    }
}

/// Facts about a function or method.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// The declaration (`None` for interface methods).
    pub decl: Option<DeclId>,
    /// Declared without a body: the simulator implements it (see [`crate::stdlib`]).
    pub native: bool,
    /// For methods: the receiver's base named type (`T` for both `T` and `*T` receivers).
    pub recv_base: Option<TypeId>,
    /// For methods: whether the receiver is a pointer (`func (p *T) M()`).
    pub ptr_recv: bool,
    /// An interface method (abstract, dispatched dynamically).
    pub iface_method: bool,
    /// The checked body, if the function has one.
    pub body: Option<BodyId>,
}

/// The predeclared functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
}

impl Builtin {
    pub const ALL: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Complex => "complex",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Imag => "imag",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Real => "real",
            Builtin::Recover => "recover",
        }
    }

    /// (minimum argument count, variadic) as in types2's `predeclaredFuncs`.
    pub fn arity(self) -> (usize, bool) {
        match self {
            Builtin::Append => (1, true),
            Builtin::Cap | Builtin::Clear | Builtin::Close | Builtin::Imag | Builtin::Len => {
                (1, false)
            }
            Builtin::Real | Builtin::New | Builtin::Panic => (1, false),
            Builtin::Complex | Builtin::Copy | Builtin::Delete => (2, false),
            Builtin::Make | Builtin::Max | Builtin::Min => (1, true),
            Builtin::Print | Builtin::Println => (0, true),
            Builtin::Recover => (0, false),
        }
    }

    /// Whether a call can be used as an expression statement.
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            Builtin::Clear
                | Builtin::Close
                | Builtin::Copy
                | Builtin::Delete
                | Builtin::Panic
                | Builtin::Print
                | Builtin::Println
                | Builtin::Recover
        )
    }
}

/// A package.
#[derive(Clone, Debug)]
pub struct Package {
    /// Package name (`rand` for `math/rand`).
    pub name: Sym,
    /// Import path (`math/rand`; `main` for the user's program).
    pub path: String,
    /// The package scope (package-level declarations).
    pub scope: ScopeId,
    pub files: Vec<FileId>,
}

/// What a scope belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Universe,
    Package,
    File,
    Func,
    Block,
}

/// A lexical scope.
#[derive(Clone, Debug)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    pub kind: ScopeKind,
    pub names: FxHashMap<Sym, ObjId>,
    /// Declaration order (for deterministic iteration).
    pub order: Vec<ObjId>,
}

/// The scope tree.
#[derive(Clone, Debug, Default)]
pub struct Scopes {
    pub scopes: Vec<Scope>,
}

impl Scopes {
    pub fn new_scope(&mut self, parent: Option<ScopeId>, kind: ScopeKind) -> ScopeId {
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope {
            parent,
            kind,
            names: FxHashMap::default(),
            order: Vec::new(),
        });
        id
    }

    pub fn lookup_local(&self, s: ScopeId, name: Sym) -> Option<ObjId> {
        self.scopes[s.index()].names.get(&name).copied()
    }

    /// Inserts unless the name exists; returns the existing object otherwise.
    pub fn insert(&mut self, s: ScopeId, name: Sym, obj: ObjId) -> Option<ObjId> {
        let sc = &mut self.scopes[s.index()];
        if let Some(&alt) = sc.names.get(&name) {
            return Some(alt);
        }
        sc.names.insert(name, obj);
        sc.order.push(obj);
        None
    }

    /// Finds `name` in `s` or an enclosing scope; returns the object and the scope it was found in.
    pub fn lookup_parent(&self, mut s: ScopeId, name: Sym) -> Option<(ObjId, ScopeId)> {
        loop {
            let sc = &self.scopes[s.index()];
            if let Some(&o) = sc.names.get(&name) {
                return Some((o, s));
            }
            s = sc.parent?;
        }
    }
}

/// Whether an identifier is exported (starts with an upper-case letter).
pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Identifies an expression that refers to an object, for side tables.
pub type IdentId = ExprId;
