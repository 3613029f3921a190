//! Field and method lookup through embedding, method sets, `implements`,
//! assignability (types2's `lookup.go`, `operand.go`, `errsupport.go`).

use super::*;

/// The result of [`Checker::lookup_field_or_method`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupResult {
    /// Found a field (`Var`) or method (`Func`) at `index`; `indirect` if a pointer was followed.
    Found {
        obj: ObjId,
        index: Vec<u32>,
        indirect: bool,
    },
    /// Several entries at the same depth.
    Ambiguous,
    /// A pointer-receiver method on a value that is not addressable.
    NeedsPointer,
    NotFound,
}

#[derive(Clone)]
struct Embedded {
    typ: TypeId,
    index: Vec<u32>,
    indirect: bool,
    multiples: bool,
}

/// What field and method lookup needs: the program's types, objects and
/// names, and the package the lookup happens in (for unexported names).
pub struct LookupEnv<'a> {
    pub types: &'a TypeTable,
    pub objs: &'a [Object],
    pub syms: &'a Interner,
    pub pkg: PkgId,
}

/// Go's `LookupFieldOrMethod`: finds field or method `name` of type `t`
/// (through embedded fields, breadth first), as seen from package `env.pkg`.
pub fn lookup_field_or_method(
    env: &LookupEnv<'_>,
    t: TypeId,
    addressable: bool,
    name: &str,
    fold_case: bool,
) -> LookupResult {
    let (typ, is_ptr) = env.types.deref(t);
    if is_ptr && env.types.is_interface(typ) {
        return LookupResult::NotFound;
    }
    let same = |s: Sym, pkg: Option<PkgId>, exported: bool| -> bool {
        let n = env.syms.resolve(s);
        let name_ok = if fold_case {
            n.eq_ignore_ascii_case(name)
        } else {
            n == name
        };
        name_ok && (exported || fold_case || pkg.is_none() || pkg == Some(env.pkg))
    };
    let mut current = vec![Embedded {
        typ,
        index: vec![],
        indirect: is_ptr,
        multiples: false,
    }];
    let mut seen: FxHashSet<TypeId> = FxHashSet::default();
    for _depth in 0..32 {
        if current.is_empty() {
            break;
        }
        let mut found: Option<(ObjId, Vec<u32>, bool)> = None;
        let mut ambiguous = false;
        let mut next: Vec<Embedded> = Vec::new();
        for e in &current {
            let mut typ = e.typ;
            if let Type::Named(n) = env.types.get(typ) {
                if !seen.insert(typ) {
                    continue;
                }
                if let Some((i, &m)) = n.methods.iter().enumerate().find(|(_, &m)| {
                    let o = &env.objs[m.index()];
                    same(o.name, o.pkg, is_exported(env.syms.resolve(o.name)))
                }) {
                    let mut index = e.index.clone();
                    index.push(i as u32);
                    if found.is_some() || e.multiples {
                        ambiguous = true;
                    }
                    found = Some((m, index, e.indirect));
                    continue;
                }
                typ = n.underlying;
            }
            match env.types.get(typ) {
                Type::Struct(s) => {
                    for (i, f) in s.fields.iter().enumerate() {
                        if same(f.name, f.pkg, f.exported) {
                            let mut index = e.index.clone();
                            index.push(i as u32);
                            if found.is_some() || e.multiples {
                                ambiguous = true;
                            }
                            found = Some((f.obj, index, e.indirect));
                            continue;
                        }
                        if found.is_none() && f.embedded {
                            let (ft, p) = env.types.deref(f.typ);
                            let mut index = e.index.clone();
                            index.push(i as u32);
                            next.push(Embedded {
                                typ: ft,
                                index,
                                indirect: e.indirect || p,
                                multiples: e.multiples,
                            });
                        }
                    }
                }
                Type::Interface(it) => {
                    if let Some((i, m)) = it
                        .all
                        .iter()
                        .enumerate()
                        .find(|(_, m)| same(m.name, m.pkg, m.exported))
                    {
                        let mut index = e.index.clone();
                        index.push(i as u32);
                        if found.is_some() || e.multiples {
                            ambiguous = true;
                        }
                        found = Some((m.obj, index, e.indirect));
                    }
                }
                _ => {}
            }
        }
        if ambiguous {
            return LookupResult::Ambiguous;
        }
        if let Some((obj, index, indirect)) = found {
            if let ObjKind::Func(fi) = &env.objs[obj.index()].kind {
                if fi.ptr_recv && !indirect && !addressable {
                    return LookupResult::NeedsPointer;
                }
            }
            return LookupResult::Found {
                obj,
                index,
                indirect,
            };
        }
        // Consolidate multiples: the same type reached twice at one depth.
        let mut merged: Vec<Embedded> = Vec::new();
        for e in next {
            if let Some(m) = merged
                .iter_mut()
                .find(|m| env.types.identical(m.typ, e.typ))
            {
                m.multiples = true;
            } else {
                merged.push(e);
            }
        }
        current = merged;
    }
    LookupResult::NotFound
}

impl Checker<'_> {
    /// Go's `LookupFieldOrMethod` (with `fold_case` for "but does have" hints).
    /// Go's `LookupFieldOrMethod` (with `fold_case` for "but does have" hints).
    pub fn lookup_field_or_method(
        &self,
        t: TypeId,
        addressable: bool,
        name: &str,
        fold_case: bool,
    ) -> LookupResult {
        let env = LookupEnv {
            types: &self.types,
            objs: &self.objs,
            syms: &self.ast.syms,
            pkg: self.pkg,
        };
        lookup_field_or_method(&env, t, addressable, name, fold_case)
    }

    /// The message after `x.f undefined (`...`)` (types2's `lookupError`).
    pub fn lookup_error(
        &self,
        typ: TypeId,
        sel: &str,
        alt: Option<ObjId>,
        struct_lit: bool,
    ) -> String {
        #[derive(PartialEq)]
        enum E {
            Missing,
            Misspelled,
            Unexported,
            Inaccessible,
        }
        let tail = |s: &str| s.chars().skip(1).collect::<String>();
        let mut e = E::Missing;
        let mut alt_name = String::new();
        if let Some(a) = alt {
            alt_name = self.obj_name(a).to_string();
            if self.objs[a.index()].pkg == Some(self.pkg) {
                e = E::Misspelled;
            } else if is_exported(sel) {
                if is_exported(&alt_name) {
                    e = E::Misspelled;
                } else if tail(sel) == tail(&alt_name) {
                    e = E::Unexported;
                }
            } else if is_exported(&alt_name) {
                if tail(sel) == tail(&alt_name) {
                    e = E::Misspelled;
                }
            } else if sel == alt_name {
                e = E::Inaccessible;
            }
        }
        let ts = self.ts(typ);
        if struct_lit {
            return match e {
                E::Missing => format!("unknown field {sel} in struct literal of type {ts}"),
                E::Misspelled => format!(
                    "unknown field {sel} in struct literal of type {ts}, but does have {alt_name}"
                ),
                E::Unexported => {
                    format!("unknown field {sel} in struct literal of type {ts}, but does have unexported {alt_name}")
                }
                E::Inaccessible => format!(
                    "cannot refer to unexported field {alt_name} in struct literal of type {ts}"
                ),
            };
        }
        let what = match alt.map(|a| &self.objs[a.index()].kind) {
            Some(ObjKind::Var(_)) => "field",
            Some(ObjKind::Func(_)) => "method",
            _ => "object",
        };
        match e {
            E::Missing => format!("type {ts} has no field or method {sel}"),
            E::Misspelled => format!("type {ts} has no field or method {sel}, but does have {what} {alt_name}"),
            E::Unexported => format!("type {ts} has no field or method {sel}, but does have unexported {what} {alt_name}"),
            E::Inaccessible => format!("cannot refer to unexported {what} {alt_name}"),
        }
    }

    /// Whether `t` is a pointer to an interface.
    pub fn is_interface_ptr(&self, t: TypeId) -> bool {
        self.types
            .pointer_elem(t)
            .is_some_and(|e| self.types.is_interface(e))
    }

    /// `M(int) string` for a method, as in "have/want" lines.
    fn func_string(&self, f: ObjId) -> String {
        let mut s = self.obj_name(f).to_string();
        if let Type::Signature(sig) = self.types.get(self.objs[f.index()].typ) {
            // Parameter names are omitted, as Go's funcString does.
            let sig = Signature {
                params: sig
                    .params
                    .iter()
                    .map(|p| Param {
                        name: None,
                        typ: p.typ,
                    })
                    .collect(),
                results: sig
                    .results
                    .iter()
                    .map(|p| Param {
                        name: None,
                        typ: p.typ,
                    })
                    .collect(),
                variadic: sig.variadic,
            };
            self.types.write_signature(
                &mut s,
                &sig,
                &self.name_ctx(),
                Qualifier::Relative(self.pkg),
                0,
            );
        }
        s
    }

    /// The first method of interface `t` that `v` lacks, with a cause (types2's `missingMethod`).
    pub fn missing_method(
        &self,
        v: TypeId,
        t: TypeId,
        static_: bool,
        cause: Option<&mut String>,
    ) -> Option<ObjId> {
        let methods = self
            .types
            .interface(t)
            .map(|i| i.all.clone())
            .unwrap_or_default();
        if methods.is_empty() {
            return None;
        }
        #[derive(PartialEq)]
        enum S {
            Ok,
            NotFound,
            WrongName,
            Unexported,
            WrongSig,
            Ambig,
            PtrRecv,
            Field,
        }
        let mut state = S::Ok;
        let mut missing: Option<&Method> = None;
        let mut have: Option<ObjId> = None;
        if let Some(vi) = self.types.interface(v) {
            for m in &methods {
                let f = vi.all.iter().find(|x| x.name == m.name);
                match f {
                    None => {
                        if !static_ {
                            continue;
                        }
                        state = S::NotFound;
                        missing = Some(m);
                        break;
                    }
                    Some(f) => {
                        if !self.types.identical(f.sig, m.sig) {
                            state = S::WrongSig;
                            missing = Some(m);
                            have = Some(f.obj);
                            break;
                        }
                    }
                }
            }
        } else {
            for m in &methods {
                let name = self.ast.str(m.name);
                match self.lookup_field_or_method(v, false, name, false) {
                    LookupResult::Ambiguous => {
                        state = S::Ambig;
                        missing = Some(m);
                        break;
                    }
                    LookupResult::NeedsPointer => {
                        state = S::PtrRecv;
                        missing = Some(m);
                        break;
                    }
                    LookupResult::NotFound => {
                        state = S::NotFound;
                        missing = Some(m);
                        if let LookupResult::Found { obj, .. } =
                            self.lookup_field_or_method(v, false, name, true)
                        {
                            if matches!(self.objs[obj.index()].kind, ObjKind::Func(_)) {
                                have = Some(obj);
                                state = if self.obj_name(obj) == name {
                                    S::Unexported
                                } else {
                                    S::WrongName
                                };
                            }
                        }
                        break;
                    }
                    LookupResult::Found { obj, .. } => {
                        if !matches!(self.objs[obj.index()].kind, ObjKind::Func(_)) {
                            state = S::Field;
                            missing = Some(m);
                            break;
                        }
                        if !self.types.identical(self.objs[obj.index()].typ, m.sig) {
                            state = S::WrongSig;
                            missing = Some(m);
                            have = Some(obj);
                            break;
                        }
                    }
                }
            }
        }
        if state == S::Ok {
            return None;
        }
        let m = missing?;
        if let Some(cause) = cause {
            let mname = self.ast.str(m.name);
            *cause = match state {
                S::NotFound => {
                    if self.is_interface_ptr(v) {
                        format!(
                            "(type {} is pointer to interface, not interface)",
                            self.ts(v)
                        )
                    } else if self.is_interface_ptr(t) {
                        format!(
                            "(type {} is pointer to interface, not interface)",
                            self.ts(t)
                        )
                    } else {
                        format!("(missing method {mname})")
                    }
                }
                S::WrongName => {
                    let (fs, ms) = (
                        have.map(|h| self.func_string(h)).unwrap_or_default(),
                        self.func_string(m.obj),
                    );
                    format!("(missing method {mname})\n\t\thave {fs}\n\t\twant {ms}")
                }
                S::Unexported => format!("(unexported method {mname})"),
                S::WrongSig => {
                    let (fs, ms) = (
                        have.map(|h| self.func_string(h)).unwrap_or_default(),
                        self.func_string(m.obj),
                    );
                    if fs == ms {
                        format!("(wrong type for method {mname})")
                    } else {
                        format!("(wrong type for method {mname})\n\t\thave {fs}\n\t\twant {ms}")
                    }
                }
                S::Ambig => format!("(ambiguous selector {}.{mname})", self.ts(v)),
                S::PtrRecv => format!("(method {mname} has pointer receiver)"),
                S::Field => format!("({}.{mname} is a field, not a method)", self.ts(v)),
                S::Ok => String::new(),
            };
        }
        Some(m.obj)
    }

    /// Whether a value of interface type `v` can hold dynamic type `t` (types2's `assertableTo`).
    pub fn assertable_to(&self, v: TypeId, t: TypeId, cause: &mut String) -> bool {
        if self.types.is_interface(t) {
            return true;
        }
        self.missing_method(t, v, false, Some(cause)).is_none()
    }

    /// Whether `v` implements interface `t` (types2's `implements`).
    pub fn implements(&self, v: TypeId, t: TypeId, cause: Option<&mut String>) -> bool {
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if !vu.is_valid() || !tu.is_valid() {
            return true;
        }
        let Some(ti) = self.types.interface(t) else {
            if let Some(c) = cause {
                let detail = if self.is_interface_ptr(t) {
                    format!("type {} is pointer to interface, not interface", self.ts(t))
                } else {
                    format!("{} is not an interface", self.ts(t))
                };
                *c = format!(
                    "{} does not implement {} ({detail})",
                    self.ts(v),
                    self.ts(t)
                );
            }
            return false;
        };
        if ti.all.is_empty() && !ti.is_comparable {
            return true;
        }
        let mut c = String::new();
        if self.missing_method(v, t, true, Some(&mut c)).is_some() {
            if let Some(cause) = cause {
                *cause = format!("{} does not implement {} {c}", self.ts(v), self.ts(t));
            }
            return false;
        }
        true
    }

    /// Go's assignability (types2's `assignableTo`); fills `cause` when given.
    pub fn assignable_to(&self, x: &Operand, t: TypeId, cause: Option<&mut String>) -> bool {
        if x.is_invalid() || !t.is_valid() {
            return true;
        }
        let v = x.typ;
        if self.types.identical(v, t) {
            return true;
        }
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if self.types.is_untyped(vu) {
            return self.implicit_type_and_value(x, t).is_ok();
        }
        if self.types.identical(vu, tu) && (!self.types.has_name(v) || !self.types.has_name(t)) {
            return true;
        }
        let mut cause = cause;
        if self.types.is_interface(tu) || self.is_interface_ptr(tu) {
            if self.implements(v, t, cause.as_deref_mut()) {
                return true;
            }
            return false;
        }
        if self.types.is_interface(vu) && self.implements(t, v, None) {
            if let Some(c) = cause {
                *c = "need type assertion".into();
            }
            return false;
        }
        if let (
            Type::Chan {
                dir: ChanDir::Both,
                elem: ve,
            },
            Type::Chan { elem: te, .. },
        ) = (self.types.get(vu), self.types.get(tu))
        {
            if self.types.identical(*ve, *te) {
                return !self.types.has_name(v) || !self.types.has_name(t);
            }
        }
        false
    }
}
