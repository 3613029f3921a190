//! Runtime type information: checker types to bytecode `TypeInfo`s, named and printed as Go's
//! reflection prints them (`%T`), with method tables for interface dispatch.

use rustc_hash::FxHashMap;

use crate::ast::ChanDir as AstChanDir;
use crate::bytecode::{
    self, ChanDir, FieldInfo, FloatTy, IntTy, Method, MethodImpl, TypeInfo, TypeKind, WellKnown,
};
use crate::compile::Compiler;
use crate::types::{BasicKind, Type, TypeId};

/// The bytecode type table being built.
#[derive(Default)]
pub(crate) struct RtTypes {
    pub infos: Vec<TypeInfo>,
    /// Checker type -> runtime type.
    pub map: FxHashMap<TypeId, bytecode::TypeId>,
    /// Canonical key -> runtime type (identical unnamed types share one).
    pub by_key: FxHashMap<String, bytecode::TypeId>,
    /// The checker type each runtime type came from (for method sets).
    pub source: Vec<Option<TypeId>>,
    pub well_known: WellKnown,
    /// How many types already have their method tables.
    pub methods_done: usize,
}

pub(crate) fn int_ty(k: BasicKind) -> Option<IntTy> {
    Some(match k {
        BasicKind::Int | BasicKind::Int64 | BasicKind::UntypedInt => IntTy::I64,
        BasicKind::Int8 => IntTy::I8,
        BasicKind::Int16 => IntTy::I16,
        BasicKind::Int32 | BasicKind::UntypedRune => IntTy::I32,
        BasicKind::Uint | BasicKind::Uint64 | BasicKind::Uintptr => IntTy::U64,
        BasicKind::Uint8 => IntTy::U8,
        BasicKind::Uint16 => IntTy::U16,
        BasicKind::Uint32 => IntTy::U32,
        _ => return None,
    })
}

impl Compiler<'_> {
    /// The integer kind of a checker type, if it is an integer.
    pub fn int_ty(&self, t: TypeId) -> Option<IntTy> {
        self.prog.types.basic_kind(t).and_then(int_ty)
    }

    pub fn float_ty(&self, t: TypeId) -> Option<FloatTy> {
        match self.prog.types.basic_kind(t)? {
            BasicKind::Float32 => Some(FloatTy::F32),
            BasicKind::Float64 | BasicKind::UntypedFloat => Some(FloatTy::F64),
            _ => None,
        }
    }

    /// Whether values of `t` are aggregates (struct/array objects).
    pub fn is_agg(&self, t: TypeId) -> bool {
        matches!(
            self.prog.types.under(t),
            Type::Struct(_) | Type::Array { .. }
        )
    }

    pub fn is_iface(&self, t: TypeId) -> bool {
        self.prog.types.is_interface(t)
    }

    /// The name Go's reflection prints for a type (`%T`).
    pub fn rt_name(&self, t: TypeId) -> String {
        self.rt_name_depth(t, 0)
    }

    fn rt_name_depth(&self, t: TypeId, depth: u32) -> String {
        if depth > 16 {
            return "...".into();
        }
        let ty = &self.prog.types;
        let n = |x: TypeId| self.rt_name_depth(x, depth + 1);
        match ty.get(t) {
            Type::Basic { kind, .. } => match kind {
                BasicKind::UntypedBool => "bool".into(),
                BasicKind::UntypedInt => "int".into(),
                BasicKind::UntypedRune => "int32".into(),
                BasicKind::UntypedFloat => "float64".into(),
                BasicKind::UntypedString => "string".into(),
                BasicKind::UntypedNil => "nil".into(),
                k => k.name().into(),
            },
            Type::Named(nm) => {
                let obj = &self.prog.objs[nm.obj.index()];
                let name = self.ast.str(obj.name);
                match obj.pkg {
                    Some(p) => {
                        let path = &self.prog.pkgs[p.index()].path;
                        format!("{}.{name}", path.rsplit('/').next().unwrap_or(path))
                    }
                    None => name.to_string(),
                }
            }
            Type::Pointer(e) => format!("*{}", n(*e)),
            Type::Slice(e) => format!("[]{}", n(*e)),
            Type::Array { len, elem } => format!("[{len}]{}", n(*elem)),
            Type::Map { key, value } => format!("map[{}]{}", n(*key), n(*value)),
            Type::Chan { dir, elem } => match dir {
                AstChanDir::Both => format!("chan {}", n(*elem)),
                AstChanDir::Send => format!("chan<- {}", n(*elem)),
                AstChanDir::Recv => format!("<-chan {}", n(*elem)),
            },
            Type::Struct(s) => {
                if s.fields.is_empty() {
                    return "struct {}".into();
                }
                let fields: Vec<String> = s
                    .fields
                    .iter()
                    .map(|f| {
                        if f.embedded {
                            n(f.typ)
                        } else {
                            format!("{} {}", self.ast.str(f.name), n(f.typ))
                        }
                    })
                    .collect();
                format!("struct {{ {} }}", fields.join("; "))
            }
            Type::Signature(sig) => {
                let mut params: Vec<String> = sig.params.iter().map(|p| n(p.typ)).collect();
                if sig.variadic {
                    if let Some(last) = params.last_mut() {
                        *last = format!("...{}", last.trim_start_matches("[]"));
                    }
                }
                let results: Vec<String> = sig.results.iter().map(|p| n(p.typ)).collect();
                let r = match results.len() {
                    0 => String::new(),
                    1 => format!(" {}", results[0]),
                    _ => format!(" ({})", results.join(", ")),
                };
                format!("func({}){r}", params.join(", "))
            }
            Type::Interface(i) => {
                if i.all.is_empty() {
                    return "interface {}".into();
                }
                let ms: Vec<String> = i
                    .all
                    .iter()
                    .map(|m| {
                        format!(
                            "{}{}",
                            self.ast.str(m.name),
                            n(m.sig).trim_start_matches("func")
                        )
                    })
                    .collect();
                format!("interface {{ {} }}", ms.join("; "))
            }
            Type::Tuple { elems, .. } => elems.iter().map(|x| n(*x)).collect::<Vec<_>>().join(", "),
        }
    }

    /// The runtime type of checker type `t`.
    pub fn rt_type(&mut self, t: TypeId) -> bytecode::TypeId {
        if let Some(&r) = self.rt.map.get(&t) {
            return r;
        }
        let key = match self.prog.types.get(t) {
            Type::Named(nm) => format!("named#{}", nm.obj.0),
            Type::Basic { kind, .. } => format!("basic#{}", self.rt_basic_key(*kind)),
            _ => self.rt_name(t),
        };
        if let Some(&r) = self.rt.by_key.get(&key) {
            self.rt.map.insert(t, r);
            return r;
        }
        let id = bytecode::TypeId(self.rt.infos.len() as u32);
        self.rt.infos.push(TypeInfo {
            name: String::new(),
            kind: TypeKind::Bool,
            named: false,
            methods: vec![],
            comparable: true,
        });
        self.rt.source.push(Some(t));
        self.rt.map.insert(t, id);
        self.rt.by_key.insert(key, id);
        let name = self.rt_name(t);
        let named = matches!(self.prog.types.get(t), Type::Named(_));
        let comparable = self.prog.types.comparable(t);
        let kind = self.rt_kind(t);
        let info = &mut self.rt.infos[id.index()];
        info.name = name;
        info.kind = kind;
        info.named = named;
        info.comparable = comparable;
        id
    }

    /// Basic kinds that are the same runtime type (byte = uint8, rune = int32).
    fn rt_basic_key(&self, k: BasicKind) -> u32 {
        match k {
            BasicKind::UntypedBool => BasicKind::Bool as u32,
            BasicKind::UntypedInt => BasicKind::Int as u32,
            BasicKind::UntypedRune => BasicKind::Int32 as u32,
            BasicKind::UntypedFloat => BasicKind::Float64 as u32,
            BasicKind::UntypedString => BasicKind::String as u32,
            k => k as u32,
        }
    }

    fn rt_kind(&mut self, t: TypeId) -> TypeKind {
        let u = self.prog.types.underlying(t);
        match self.prog.types.get(u).clone() {
            Type::Basic { kind, .. } => {
                if let Some(i) = int_ty(kind) {
                    TypeKind::Int(i)
                } else {
                    match kind {
                        BasicKind::Bool | BasicKind::UntypedBool => TypeKind::Bool,
                        BasicKind::Float32 => TypeKind::Float(FloatTy::F32),
                        BasicKind::Float64 | BasicKind::UntypedFloat => {
                            TypeKind::Float(FloatTy::F64)
                        }
                        BasicKind::String | BasicKind::UntypedString => TypeKind::String,
                        _ => TypeKind::Interface { methods: vec![] },
                    }
                }
            }
            Type::Named(_) => TypeKind::Interface { methods: vec![] },
            Type::Pointer(e) => TypeKind::Pointer {
                elem: self.rt_type(e),
            },
            Type::Slice(e) => TypeKind::Slice {
                elem: self.rt_type(e),
            },
            Type::Array { len, elem } => TypeKind::Array {
                elem: self.rt_type(elem),
                len: len.clamp(0, u32::MAX as i64) as u32,
            },
            Type::Map { key, value } => TypeKind::Map {
                key: self.rt_type(key),
                val: self.rt_type(value),
            },
            Type::Chan { dir, elem } => TypeKind::Chan {
                elem: self.rt_type(elem),
                dir: match dir {
                    AstChanDir::Both => ChanDir::Both,
                    AstChanDir::Send => ChanDir::Send,
                    AstChanDir::Recv => ChanDir::Recv,
                },
            },
            Type::Struct(s) => {
                let mut fields = Vec::with_capacity(s.fields.len());
                for f in &s.fields {
                    fields.push(FieldInfo {
                        name: self.ast.str(f.name).to_string(),
                        ty: self.rt_type(f.typ),
                        embedded: f.embedded,
                    });
                }
                TypeKind::Struct { fields }
            }
            Type::Signature(_) => TypeKind::Func,
            Type::Interface(i) => {
                let mut methods: Vec<_> = i
                    .all
                    .iter()
                    .map(|m| self.method_key_of(m.name, m.sig))
                    .collect();
                crate::sort::sort(&mut methods);
                methods.dedup();
                let methods = methods.iter().map(|m| self.name(m)).collect();
                TypeKind::Interface { methods }
            }
            Type::Tuple { .. } => TypeKind::Struct { fields: vec![] },
        }
    }

    /// A method's identity at run time: its name and signature, as Go
    /// compares them (`Error() string`, `Less(int, int) bool`), so that
    /// `Unwrap() error` and `Unwrap() []error` are different methods.
    pub fn method_key_of(&self, name: crate::ast::Sym, sig: TypeId) -> String {
        let s = self.rt_name(sig);
        format!(
            "{}{}",
            self.ast.str(name),
            s.strip_prefix("func").unwrap_or(&s)
        )
    }

    /// [`Self::method_key_of`] for a method object, interned.
    pub fn method_key(&mut self, m: crate::objects::ObjId) -> bytecode::NameId {
        let o = &self.prog.objs[m.index()];
        let k = self.method_key_of(o.name, o.typ);
        self.name(&k)
    }

    /// Method-set entries are added by `methods.rs`.
    pub fn set_methods(&mut self, rt: bytecode::TypeId, mut methods: Vec<Method>) {
        crate::sort::sort_by(&mut methods, |a, b| {
            self.names[a.name.index()].cmp(&self.names[b.name.index()])
        });
        methods.dedup_by_key(|m| m.name);
        self.rt.infos[rt.index()].methods = methods;
    }

    /// The runtime's error types (see [`bytecode::RUNTIME_ERROR_TYPES`]).
    pub fn synth_runtime_errors(&mut self) -> Vec<bytecode::TypeId> {
        bytecode::RUNTIME_ERROR_TYPES
            .iter()
            .map(|n| self.synth_runtime_error(n))
            .collect()
    }

    /// A synthesized named runtime type with native methods (a runtime error
    /// type for runtime panics).
    fn synth_runtime_error(&mut self, name: &str) -> bytecode::TypeId {
        let key = format!("synth#{name}");
        if let Some(&r) = self.rt.by_key.get(&key) {
            return r;
        }
        let id = bytecode::TypeId(self.rt.infos.len() as u32);
        let native = self.native_named("runtime.Error.Error", 1, 1);
        let e = self.name("Error() string");
        let re = self.name("RuntimeError()");
        self.rt.infos.push(TypeInfo {
            name: name.into(),
            kind: TypeKind::String,
            named: true,
            methods: vec![
                Method {
                    name: e,
                    imp: MethodImpl::Native(native),
                },
                Method {
                    name: re,
                    imp: MethodImpl::Native(native),
                },
            ],
            comparable: true,
        });
        self.rt.source.push(None);
        self.rt.by_key.insert(key, id);
        id
    }
}
