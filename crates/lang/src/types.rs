//! Types: an interning table of [`Type`]s addressed by [`TypeId`], with Go's predicates.
//!
//! Composite unnamed types (`*T`, `[]T`, `[N]T`, `map[K]V`, `chan T`,
//! tuples) are interned, so they can be compared by id; structs,
//! signatures and interfaces are not (they carry names), so type identity
//! is [`TypeTable::identical`], never `==` on ids. Each `type T ...`
//! declaration makes one [`Type::Named`], whose underlying type is filled in
//! once resolved.
//!
//! Basic types sit at fixed ids ([`TypeId::basic`]); `byte` and `rune` are
//! separate ids (so messages print `byte`), identical to `uint8` / `int32`.
//!
//! [`TypeTable::type_string`] prints a type as Go does: qualified
//! (`main.Point`, `*sync.Mutex`, for `%T`) or relative to a package
//! (`Point` inside `main`, for error messages).

use crate::ast::{ChanDir, Interner, Sym};
use crate::objects::{ObjId, Object, Package, PkgId};
use rustc_hash::FxHashMap;

/// A type in the [`TypeTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub u32);

impl TypeId {
    pub const INVALID: TypeId = TypeId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The id of a basic type.
    pub const fn basic(kind: BasicKind) -> TypeId {
        TypeId(kind as u32)
    }

    pub fn is_valid(self) -> bool {
        self != TypeId::INVALID
    }
}

/// Kinds of basic types (Go's `types2.BasicKind`, without complex and unsafe).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    pub const ALL: [BasicKind; 25] = [
        BasicKind::Invalid,
        BasicKind::Bool,
        BasicKind::Int,
        BasicKind::Int8,
        BasicKind::Int16,
        BasicKind::Int32,
        BasicKind::Int64,
        BasicKind::Uint,
        BasicKind::Uint8,
        BasicKind::Uint16,
        BasicKind::Uint32,
        BasicKind::Uint64,
        BasicKind::Uintptr,
        BasicKind::Float32,
        BasicKind::Float64,
        BasicKind::Complex64,
        BasicKind::Complex128,
        BasicKind::String,
        BasicKind::UnsafePointer,
        BasicKind::UntypedBool,
        BasicKind::UntypedInt,
        BasicKind::UntypedRune,
        BasicKind::UntypedFloat,
        BasicKind::UntypedString,
        BasicKind::UntypedNil,
    ];

    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }
    pub fn is_complex(self) -> bool {
        matches!(self, BasicKind::Complex64 | BasicKind::Complex128)
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool | UntypedInt | UntypedRune | UntypedFloat | UntypedString | UntypedNil
        )
    }
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }
    pub fn is_const_type(self) -> bool {
        self.is_boolean() || self.is_numeric() || self.is_string()
    }
    /// Size in bits of a sized numeric kind (`int`, `uint` and `uintptr` are 64-bit).
    pub fn bits(self) -> Option<u32> {
        use BasicKind::*;
        Some(match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 => 32,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 => 64,
            _ => return None,
        })
    }
}

/// Id of `byte` (identical to `uint8`).
pub const BYTE: TypeId = TypeId(BasicKind::UntypedNil as u32 + 1);
/// Id of `rune` (identical to `int32`).
pub const RUNE: TypeId = TypeId(BasicKind::UntypedNil as u32 + 2);

#[derive(Clone, Debug)]
pub enum Type {
    Basic {
        kind: BasicKind,
        name: &'static str,
    },
    Named(Named),
    Pointer(TypeId),
    Slice(TypeId),
    Array {
        len: i64,
        elem: TypeId,
    },
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Struct(Struct),
    Signature(Signature),
    Interface(Interface),
    /// The type of a multi-value expression (function results, with their names if named).
    Tuple {
        elems: Vec<TypeId>,
        names: Vec<Option<Sym>>,
    },
}

/// A defined type (`type T U`).
#[derive(Clone, Debug)]
pub struct Named {
    /// The `TypeName` object.
    pub obj: ObjId,
    /// The underlying type (`INVALID` while being resolved).
    pub underlying: TypeId,
    /// Declared methods (`Func` objects), in declaration order.
    pub methods: Vec<ObjId>,
}

#[derive(Clone, Debug, Default)]
pub struct Struct {
    pub fields: Vec<Field>,
}

/// A struct field.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: Sym,
    pub typ: TypeId,
    pub embedded: bool,
    /// The field's `Var` object.
    pub obj: ObjId,
    /// Package of an unexported field (field identity depends on it).
    pub pkg: Option<PkgId>,
    pub exported: bool,
}

/// A parameter or result in a signature.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: Option<Sym>,
    pub typ: TypeId,
}

/// A function type. For methods, the receiver is not part of the type.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    /// The last parameter is `...T` (its type is `[]T`).
    pub variadic: bool,
}

/// An interface method.
#[derive(Clone, Debug)]
pub struct Method {
    pub name: Sym,
    /// A `Signature`.
    pub sig: TypeId,
    /// The method's `Func` object.
    pub obj: ObjId,
    pub pkg: Option<PkgId>,
    pub exported: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Interface {
    /// Explicitly declared methods, sorted by name.
    pub methods: Vec<Method>,
    /// Embedded interfaces.
    pub embeddeds: Vec<TypeId>,
    /// The full method set (explicit plus embedded), sorted by name.
    pub all: Vec<Method>,
    /// This is the predeclared `any` (printed as `any`).
    pub is_any: bool,
    /// This is the predeclared `comparable` (only usable as a constraint).
    pub is_comparable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Pointer(TypeId),
    Slice(TypeId),
    Array(i64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Tuple(Vec<TypeId>, Vec<Option<Sym>>),
}

/// How to qualify named types when printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// Always qualify: `main.Point` (as `%T` prints).
    Full,
    /// Omit the qualifier for this package (as error messages do).
    Relative(PkgId),
}

/// All types of a program.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    interned: FxHashMap<Key, TypeId>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut types: Vec<Type> = BasicKind::ALL
            .iter()
            .map(|&k| Type::Basic {
                kind: k,
                name: k.name(),
            })
            .collect();
        types.push(Type::Basic {
            kind: BasicKind::Uint8,
            name: "byte",
        });
        types.push(Type::Basic {
            kind: BasicKind::Int32,
            name: "rune",
        });
        TypeTable {
            types,
            interned: FxHashMap::default(),
        }
    }

    pub fn get(&self, t: TypeId) -> &Type {
        &self.types[t.index()]
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    fn push(&mut self, t: Type) -> TypeId {
        let id = TypeId(self.types.len() as u32);
        self.types.push(t);
        id
    }

    fn intern(&mut self, key: Key, t: Type) -> TypeId {
        if let Some(&id) = self.interned.get(&key) {
            return id;
        }
        let id = self.push(t);
        self.interned.insert(key, id);
        id
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Key::Pointer(elem), Type::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Key::Slice(elem), Type::Slice(elem))
    }
    pub fn array(&mut self, len: i64, elem: TypeId) -> TypeId {
        self.intern(Key::Array(len, elem), Type::Array { len, elem })
    }
    pub fn map(&mut self, key: TypeId, value: TypeId) -> TypeId {
        self.intern(Key::Map(key, value), Type::Map { key, value })
    }
    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.intern(Key::Chan(dir, elem), Type::Chan { dir, elem })
    }
    /// A tuple of result types; `names` is empty or has one entry per element.
    pub fn tuple(&mut self, elems: Vec<TypeId>, names: Vec<Option<Sym>>) -> TypeId {
        let names = if names.iter().all(|n| n.is_none()) {
            Vec::new()
        } else {
            names
        };
        self.intern(
            Key::Tuple(elems.clone(), names.clone()),
            Type::Tuple { elems, names },
        )
    }
    pub fn new_struct(&mut self, s: Struct) -> TypeId {
        self.push(Type::Struct(s))
    }
    pub fn new_signature(&mut self, s: Signature) -> TypeId {
        self.push(Type::Signature(s))
    }
    /// A new interface; `all` is computed from `methods` and the embedded
    /// interfaces' method sets, and both are sorted by name.
    pub fn new_interface(&mut self, mut i: Interface, syms: &Interner) -> TypeId {
        crate::sort::sort_by(&mut i.methods, |a, b| {
            syms.resolve(a.name).cmp(syms.resolve(b.name))
        });
        let mut all = i.methods.clone();
        for &e in &i.embeddeds {
            if let Some(ei) = self.interface(e) {
                for m in &ei.all {
                    if !all.iter().any(|x| x.name == m.name) {
                        all.push(m.clone());
                    }
                }
            }
        }
        crate::sort::sort_by(&mut all, |a, b| {
            syms.resolve(a.name).cmp(syms.resolve(b.name))
        });
        i.all = all;
        self.push(Type::Interface(i))
    }
    pub fn new_named(&mut self, obj: ObjId) -> TypeId {
        self.push(Type::Named(Named {
            obj,
            underlying: TypeId::INVALID,
            methods: Vec::new(),
        }))
    }
    pub fn set_underlying(&mut self, named: TypeId, u: TypeId) {
        if let Type::Named(n) = &mut self.types[named.index()] {
            n.underlying = u;
        }
    }
    pub fn add_method(&mut self, named: TypeId, m: ObjId) {
        if let Type::Named(n) = &mut self.types[named.index()] {
            n.methods.push(m);
        }
    }

    // ---- structure ----

    /// The underlying type (a named type's resolved type; itself otherwise).
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match &self.types[t.index()] {
            Type::Named(n) => n.underlying,
            _ => t,
        }
    }

    pub fn under(&self, t: TypeId) -> &Type {
        self.get(self.underlying(t))
    }

    pub fn named(&self, t: TypeId) -> Option<&Named> {
        match self.get(t) {
            Type::Named(n) => Some(n),
            _ => None,
        }
    }

    pub fn basic_kind(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    pub fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.under(t) {
            Type::Signature(s) => Some(s),
            _ => None,
        }
    }

    pub fn interface(&self, t: TypeId) -> Option<&Interface> {
        match self.under(t) {
            Type::Interface(i) => Some(i),
            _ => None,
        }
    }

    pub fn struct_(&self, t: TypeId) -> Option<&Struct> {
        match self.under(t) {
            Type::Struct(s) => Some(s),
            _ => None,
        }
    }

    pub fn tuple_elems(&self, t: TypeId) -> Option<&[TypeId]> {
        match self.get(t) {
            Type::Tuple { elems, .. } => Some(elems),
            _ => None,
        }
    }

    /// The element type of a pointer type (`*T` -> `T`).
    pub fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.under(t) {
            Type::Pointer(e) => Some(*e),
            _ => None,
        }
    }

    /// `T` for `*T`, with a flag; `t` itself otherwise (types2's `deref`).
    pub fn deref(&self, t: TypeId) -> (TypeId, bool) {
        match self.get(t) {
            Type::Pointer(e) => (*e, true),
            _ => (t, false),
        }
    }

    // ---- predicates (on the underlying type) ----

    fn bk(&self, t: TypeId, f: fn(BasicKind) -> bool) -> bool {
        self.basic_kind(t).is_some_and(f)
    }
    pub fn is_boolean(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_boolean)
    }
    pub fn is_integer(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_integer)
    }
    pub fn is_unsigned(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_unsigned)
    }
    pub fn is_float(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_float)
    }
    pub fn is_numeric(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_numeric)
    }
    pub fn is_string(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_string)
    }
    pub fn is_untyped(&self, t: TypeId) -> bool {
        // Only basic types can be untyped, and never through a name.
        matches!(self.get(t), Type::Basic { kind, .. } if kind.is_untyped())
    }
    pub fn is_typed(&self, t: TypeId) -> bool {
        !self.is_untyped(t)
    }
    pub fn is_ordered(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_ordered)
    }
    pub fn is_const_type(&self, t: TypeId) -> bool {
        self.bk(t, BasicKind::is_const_type)
    }
    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }
    /// A named (or basic, which are named in Go) type.
    pub fn has_name(&self, t: TypeId) -> bool {
        matches!(self.get(t), Type::Basic { .. } | Type::Named(_))
    }
    /// Types whose zero value is `nil`.
    pub fn has_nil(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Basic { kind, .. } => *kind == BasicKind::UnsafePointer,
            Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map { .. }
            | Type::Chan { .. }
            | Type::Signature(_) => true,
            Type::Interface(_) => true,
            _ => false,
        }
    }

    /// Whether values of `t` can be compared with `==` (Go's `Comparable`).
    pub fn comparable(&self, t: TypeId) -> bool {
        self.comparable_depth(t, 0)
    }

    fn comparable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 64 {
            return true;
        }
        match self.under(t) {
            Type::Basic { kind, .. } => *kind != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan { .. } | Type::Interface(_) => true,
            Type::Struct(s) => s
                .fields
                .iter()
                .all(|f| self.comparable_depth(f.typ, depth + 1)),
            Type::Array { elem, .. } => self.comparable_depth(*elem, depth + 1),
            _ => false,
        }
    }

    /// The default type of an untyped constant kind (`untyped int` -> `int`).
    pub fn default_type(&self, t: TypeId) -> TypeId {
        match self.get(t) {
            Type::Basic { kind, .. } => match kind {
                BasicKind::UntypedBool => TypeId::basic(BasicKind::Bool),
                BasicKind::UntypedInt => TypeId::basic(BasicKind::Int),
                BasicKind::UntypedRune => RUNE,
                BasicKind::UntypedFloat => TypeId::basic(BasicKind::Float64),
                BasicKind::UntypedString => TypeId::basic(BasicKind::String),
                _ => t,
            },
            _ => t,
        }
    }

    // ---- identity ----

    /// Go's type identity.
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        self.identical_depth(a, b, 0)
    }

    fn identical_depth(&self, a: TypeId, b: TypeId, depth: u32) -> bool {
        if a == b {
            return true;
        }
        if depth > 64 {
            return false;
        }
        let d = depth + 1;
        match (self.get(a), self.get(b)) {
            (Type::Basic { kind: k1, .. }, Type::Basic { kind: k2, .. }) => k1 == k2,
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => {
                self.identical_depth(*x, *y, d)
            }
            (Type::Array { len: l1, elem: e1 }, Type::Array { len: l2, elem: e2 }) => {
                l1 == l2 && self.identical_depth(*e1, *e2, d)
            }
            (Type::Map { key: k1, value: v1 }, Type::Map { key: k2, value: v2 }) => {
                self.identical_depth(*k1, *k2, d) && self.identical_depth(*v1, *v2, d)
            }
            (Type::Chan { dir: d1, elem: e1 }, Type::Chan { dir: d2, elem: e2 }) => {
                d1 == d2 && self.identical_depth(*e1, *e2, d)
            }
            (Type::Struct(s1), Type::Struct(s2)) => {
                s1.fields.len() == s2.fields.len()
                    && s1.fields.iter().zip(&s2.fields).all(|(f, g)| {
                        f.name == g.name
                            && f.embedded == g.embedded
                            && (f.exported || f.pkg == g.pkg)
                            && self.identical_depth(f.typ, g.typ, d)
                    })
            }
            (Type::Signature(s1), Type::Signature(s2)) => self.identical_sigs(s1, s2, d),
            (Type::Interface(i1), Type::Interface(i2)) => {
                if i1.is_comparable != i2.is_comparable {
                    return false;
                }
                i1.all.len() == i2.all.len()
                    && i1.all.iter().all(|m| {
                        i2.all.iter().any(|n| {
                            n.name == m.name
                                && (m.exported || m.pkg == n.pkg)
                                && self.identical_depth(m.sig, n.sig, d)
                        })
                    })
            }
            (Type::Tuple { elems: t1, .. }, Type::Tuple { elems: t2, .. }) => {
                t1.len() == t2.len()
                    && t1
                        .iter()
                        .zip(t2)
                        .all(|(x, y)| self.identical_depth(*x, *y, d))
            }
            _ => false,
        }
    }

    fn identical_sigs(&self, s1: &Signature, s2: &Signature, d: u32) -> bool {
        s1.variadic == s2.variadic
            && s1.params.len() == s2.params.len()
            && s1.results.len() == s2.results.len()
            && s1
                .params
                .iter()
                .zip(&s2.params)
                .all(|(x, y)| self.identical_depth(x.typ, y.typ, d))
            && s1
                .results
                .iter()
                .zip(&s2.results)
                .all(|(x, y)| self.identical_depth(x.typ, y.typ, d))
    }

    // ---- printing ----

    /// The type as Go prints it (see [`Qualifier`]).
    pub fn type_string(&self, t: TypeId, ctx: &NameCtx<'_>, q: Qualifier) -> String {
        let mut s = String::new();
        self.write_type(&mut s, t, ctx, q, 0);
        s
    }

    fn write_type(&self, out: &mut String, t: TypeId, ctx: &NameCtx<'_>, q: Qualifier, depth: u32) {
        if depth > 32 {
            out.push('…');
            return;
        }
        let d = depth + 1;
        match self.get(t) {
            Type::Basic { name, .. } => out.push_str(name),
            Type::Named(n) => {
                let obj = &ctx.objs[n.obj.index()];
                if let Some(pkg) = obj.pkg {
                    let qualify = match q {
                        Qualifier::Full => true,
                        Qualifier::Relative(p) => p != pkg,
                    };
                    if qualify {
                        out.push_str(ctx.syms.resolve(ctx.pkgs[pkg.index()].name));
                        out.push('.');
                    }
                }
                out.push_str(ctx.syms.resolve(obj.name));
            }
            Type::Pointer(e) => {
                out.push('*');
                self.write_type(out, *e, ctx, q, d);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write_type(out, *e, ctx, q, d);
            }
            Type::Array { len, elem } => {
                out.push_str(&format!("[{len}]"));
                self.write_type(out, *elem, ctx, q, d);
            }
            Type::Map { key, value } => {
                out.push_str("map[");
                self.write_type(out, *key, ctx, q, d);
                out.push(']');
                self.write_type(out, *value, ctx, q, d);
            }
            Type::Chan { dir, elem } => {
                let (prefix, paren) = match dir {
                    ChanDir::Both => (
                        "chan ",
                        matches!(
                            self.get(*elem),
                            Type::Chan {
                                dir: ChanDir::Recv,
                                ..
                            }
                        ),
                    ),
                    ChanDir::Send => ("chan<- ", false),
                    ChanDir::Recv => ("<-chan ", false),
                };
                out.push_str(prefix);
                if paren {
                    out.push('(');
                }
                self.write_type(out, *elem, ctx, q, d);
                if paren {
                    out.push(')');
                }
            }
            Type::Struct(s) => {
                out.push_str("struct{");
                for (i, f) in s.fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !f.embedded {
                        out.push_str(ctx.syms.resolve(f.name));
                        out.push(' ');
                    }
                    self.write_type(out, f.typ, ctx, q, d);
                }
                out.push('}');
            }
            Type::Signature(sig) => {
                out.push_str("func");
                self.write_signature(out, sig, ctx, q, d);
            }
            Type::Interface(i) => {
                if i.is_any {
                    out.push_str("any");
                    return;
                }
                if i.is_comparable {
                    out.push_str("comparable");
                    return;
                }
                out.push_str("interface{");
                let mut first = true;
                for m in &i.methods {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    out.push_str(ctx.syms.resolve(m.name));
                    if let Type::Signature(sig) = self.get(m.sig) {
                        self.write_signature(out, sig, ctx, q, d);
                    }
                }
                for &e in &i.embeddeds {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    self.write_type(out, e, ctx, q, d);
                }
                out.push('}');
            }
            Type::Tuple { elems, names } => {
                out.push('(');
                for (i, &e) in elems.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if let Some(Some(n)) = names.get(i) {
                        out.push_str(ctx.syms.resolve(*n));
                        out.push(' ');
                    }
                    self.write_type(out, e, ctx, q, d);
                }
                out.push(')');
            }
        }
    }

    /// Writes `(params) results` of a signature.
    pub fn write_signature(
        &self,
        out: &mut String,
        sig: &Signature,
        ctx: &NameCtx<'_>,
        q: Qualifier,
        d: u32,
    ) {
        self.write_params(out, &sig.params, sig.variadic, ctx, q, d);
        match sig.results.len() {
            0 => {}
            1 if sig.results[0].name.is_none() => {
                out.push(' ');
                self.write_type(out, sig.results[0].typ, ctx, q, d);
            }
            _ => {
                out.push(' ');
                self.write_params(out, &sig.results, false, ctx, q, d);
            }
        }
    }

    fn write_params(
        &self,
        out: &mut String,
        ps: &[Param],
        variadic: bool,
        ctx: &NameCtx<'_>,
        q: Qualifier,
        d: u32,
    ) {
        out.push('(');
        for (i, p) in ps.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if let Some(n) = p.name {
                out.push_str(ctx.syms.resolve(n));
                out.push(' ');
            }
            if variadic && i + 1 == ps.len() {
                out.push_str("...");
                let elem = match self.get(p.typ) {
                    Type::Slice(e) => *e,
                    _ => p.typ,
                };
                self.write_type(out, elem, ctx, q, d);
            } else {
                self.write_type(out, p.typ, ctx, q, d);
            }
        }
        out.push(')');
    }
}

/// What printing a type needs besides the types: object names and packages.
pub struct NameCtx<'a> {
    pub objs: &'a [Object],
    pub pkgs: &'a [Package],
    pub syms: &'a Interner,
}
