//! Type expressions (types2's `typexpr.go`, `struct.go`, `interface.go`).

use super::*;
use crate::token::Op;

impl Checker<'_> {
    /// Checks `e` as a type and records it (types2's `typ` / `varType`).
    pub fn typ(&mut self, e: ExprId) -> TypeId {
        self.def_type(e, None)
    }

    /// Like [`Self::typ`], for the type of a variable (same checks here).
    pub fn var_type(&mut self, e: ExprId) -> TypeId {
        let t = self.def_type(e, None);
        if t.is_valid() && self.types.interface(t).is_some_and(|i| i.is_comparable) {
            let s = self.ts(t);
            self.error_expr(e, format!("cannot use type {s} outside a type constraint: interface is (or embeds) comparable"));
            return TypeId::INVALID;
        }
        t
    }

    /// Checks a type expression; `def` is the named type being defined by it, if any.
    pub fn def_type(&mut self, e: ExprId, def: Option<TypeId>) -> TypeId {
        let t = self.typ_internal(e, def);
        self.record(e, OpMode::TypeExpr, t, &Value::Unknown);
        t
    }

    fn typ_internal(&mut self, e: ExprId, def: Option<TypeId>) -> TypeId {
        let ast = self.ast;
        match &ast.expr(e).kind {
            ExprKind::Bad => TypeId::INVALID,
            ExprKind::Name(_) | ExprKind::Selector { .. } => {
                let mut x = Operand::invalid();
                if let ExprKind::Name(_) = ast.expr(e).kind {
                    self.ident(&mut x, e, true);
                } else {
                    self.selector(&mut x, e, true);
                }
                match x.mode {
                    OpMode::TypeExpr => x.typ,
                    OpMode::Invalid => TypeId::INVALID,
                    OpMode::NoValue => {
                        let s = self.os(&x);
                        self.error_op(&x, format!("{s} used as type"));
                        TypeId::INVALID
                    }
                    _ => {
                        let s = self.os(&x);
                        self.error_op(&x, format!("{s} is not a type"));
                        TypeId::INVALID
                    }
                }
            }
            ExprKind::Index { .. } => {
                self.error_expr(e, "generics are not supported by the playground".into());
                TypeId::INVALID
            }
            ExprKind::Paren(x) => self.def_type(*x, def),
            ExprKind::ArrayType { len, elem } => {
                let n = match len {
                    Some(l) => self.array_length(*l),
                    None => {
                        self.error_expr(
                            e,
                            "invalid use of [...] array (outside a composite literal)".into(),
                        );
                        -1
                    }
                };
                let elem = self.var_type(*elem);
                if n < 0 {
                    return TypeId::INVALID;
                }
                self.types.array(n, elem)
            }
            ExprKind::SliceType { elem } => {
                let elem = self.var_type(*elem);
                self.types.slice(elem)
            }
            ExprKind::DotsType { .. } => {
                self.error_expr(e, "invalid use of '...'".into());
                TypeId::INVALID
            }
            ExprKind::StructType { fields } => self.struct_type(fields),
            ExprKind::Operation {
                op: Op::Mul,
                x,
                y: None,
            } => {
                let base = self.var_type(*x);
                if !base.is_valid() {
                    return TypeId::INVALID;
                }
                self.types.pointer(base)
            }
            ExprKind::FuncType(ft) => {
                let scope = self.env.scope;
                let fs = self.func_type(None, ft, scope);
                fs.sig
            }
            ExprKind::InterfaceType { methods } => self.interface_type(methods, def),
            ExprKind::MapType { key, value } => {
                let k = self.var_type(*key);
                let v = self.var_type(*value);
                if k.is_valid() && !self.types.comparable(k) && !self.types.is_interface(k) {
                    let s = self.ts(k);
                    self.error_expr(*key, format!("invalid map key type {s}"));
                    return TypeId::INVALID;
                }
                self.types.map(k, v)
            }
            ExprKind::ChanType { dir, elem } => {
                let elem = self.var_type(*elem);
                self.types.chan(*dir, elem)
            }
            _ => {
                let s = self.es(e);
                self.error_expr(e, format!("{s} is not a type"));
                TypeId::INVALID
            }
        }
    }

    fn array_length(&mut self, e: ExprId) -> i64 {
        if let Some(sym) = self.ast.name_sym(e) {
            match self.lookup(sym) {
                None => {
                    let s = self.ast.str(sym).to_string();
                    self.error_expr(
                        e,
                        format!("undefined array length {s} or missing type constraint"),
                    );
                    return -1;
                }
                Some(o) if !matches!(self.objs[o.index()].kind, ObjKind::Const(_)) => {
                    let s = self.ast.str(sym).to_string();
                    self.error_expr(e, format!("invalid array length {s}"));
                    return -1;
                }
                _ => {}
            }
        }
        let mut x = Operand::invalid();
        self.expr(&mut x, e);
        if x.mode != OpMode::Constant {
            if !x.is_invalid() {
                let s = self.os(&x);
                self.error_op(&x, format!("array length {s} must be constant"));
            }
            return -1;
        }
        if self.types.is_untyped(x.typ) || self.types.is_integer(x.typ) {
            if let Some(n) = x.val.to_int() {
                if (0..=i64::MAX as i128).contains(&n) {
                    return n as i64;
                }
            }
        }
        let s = self.os(&x);
        if self.types.is_integer(x.typ) {
            self.error_op(&x, format!("invalid array length {s}"));
        } else {
            self.error_op(&x, format!("array length {s} must be integer"));
        }
        -1
    }

    fn struct_type(&mut self, fields: &[crate::ast::Field]) -> TypeId {
        let mut out: Vec<crate::types::Field> = Vec::new();
        let mut seen: FxHashMap<Sym, u32> = FxHashMap::default();
        let mut prev: Option<(ExprId, TypeId)> = None;
        for f in fields {
            let t = match prev {
                Some((e, t)) if e == f.typ => t,
                _ => {
                    let t = self.var_type(f.typ);
                    prev = Some((f.typ, t));
                    t
                }
            };
            let (name, pos, embedded) = match f.name {
                Some(n) => (
                    self.ast.name_sym(n).unwrap_or(self.syms.blank),
                    self.ast.expr(n).pos,
                    false,
                ),
                None => {
                    // Embedded field: the name is the type name.
                    let mut te = f.typ;
                    let mut is_ptr = false;
                    loop {
                        match &self.ast.expr(te).kind {
                            ExprKind::Paren(x) => te = *x,
                            ExprKind::Operation {
                                op: Op::Mul,
                                x,
                                y: None,
                            } => {
                                te = *x;
                                is_ptr = true;
                            }
                            _ => break,
                        }
                    }
                    let name_e = match &self.ast.expr(te).kind {
                        ExprKind::Selector { sel, .. } => *sel,
                        _ => te,
                    };
                    let sym = self.ast.name_sym(name_e).unwrap_or(self.syms.blank);
                    let epos = self.ast.start_pos(f.typ);
                    if t.is_valid() {
                        let (base, _) = self.types.deref(t);
                        let u = self.types.underlying(base);
                        if is_ptr && matches!(self.types.get(u), Type::Pointer(_)) {
                            self.error_at(epos, "embedded field type cannot be a pointer".into());
                        } else if is_ptr && matches!(self.types.get(u), Type::Interface(_)) {
                            self.error_at(
                                epos,
                                "embedded field type cannot be a pointer to an interface".into(),
                            );
                        } else if matches!(self.types.get(base), Type::Pointer(_)) {
                            self.error_at(epos, "embedded field type cannot be a pointer".into());
                        }
                    }
                    (sym, self.ast.expr(name_e).pos, true)
                }
            };
            let nm = self.ast.str(name).to_string();
            let exported = is_exported(&nm);
            let mut vi = VarInfo::new(VarKind::Field, None);
            vi.embedded = embedded;
            vi.used = true;
            let o = self.new_obj(
                name,
                Some(self.pkg),
                pos,
                self.cur_file(),
                t,
                ObjKind::Var(vi),
            );
            if let Some(n) = f.name {
                self.record_def(n, o);
            }
            if name != self.syms.blank {
                if let Some(&alt) = seen.get(&name) {
                    self.error_at(
                        pos,
                        format!(
                            "{nm} redeclared\n\t{}: other declaration of {nm}",
                            crate::diag::pos_marker(alt)
                        ),
                    );
                    continue;
                }
                seen.insert(name, pos);
            }
            out.push(crate::types::Field {
                name,
                typ: t,
                embedded,
                obj: o,
                pkg: if exported { None } else { Some(self.pkg) },
                exported,
            });
        }
        self.types.new_struct(Struct { fields: out })
    }

    fn interface_type(&mut self, elems: &[crate::ast::Field], def: Option<TypeId>) -> TypeId {
        let mut methods: Vec<Method> = Vec::new();
        let mut embeddeds = Vec::new();
        for f in elems {
            match f.name {
                Some(n) => {
                    let name = self.ast.name_sym(n).unwrap_or(self.syms.blank);
                    let pos = self.ast.expr(n).pos;
                    if name == self.syms.blank {
                        self.error_at(pos, "methods must have a unique non-blank name".into());
                        continue;
                    }
                    let ExprKind::FuncType(ft) = &self.ast.expr(f.typ).kind else {
                        continue;
                    };
                    let scope = self.env.scope;
                    let fs = self.func_type(None, ft, scope);
                    let nm = self.ast.str(name).to_string();
                    let exported = is_exported(&nm);
                    let o = self.new_obj(
                        name,
                        Some(self.pkg),
                        pos,
                        self.cur_file(),
                        fs.sig,
                        ObjKind::Func(FuncInfo {
                            decl: None,
                            native: false,
                            recv_base: def,
                            ptr_recv: false,
                            iface_method: true,
                            body: None,
                        }),
                    );
                    self.record_def(n, o);
                    if methods.iter().any(|m| m.name == name) {
                        let alt = methods
                            .iter()
                            .find(|m| m.name == name)
                            .map(|m| self.objs[m.obj.index()].pos)
                            .unwrap_or(0);
                        self.error_at(
                            pos,
                            format!(
                                "duplicate method {nm}\n\t{}: other declaration of method {nm}",
                                crate::diag::pos_marker(alt)
                            ),
                        );
                        continue;
                    }
                    methods.push(Method {
                        name,
                        sig: fs.sig,
                        obj: o,
                        pkg: if exported { None } else { Some(self.pkg) },
                        exported,
                    });
                }
                None => {
                    if let ExprKind::Operation {
                        op: Op::Or | Op::Tilde,
                        ..
                    } = self.ast.expr(f.typ).kind
                    {
                        self.error_expr(
                            f.typ,
                            "type constraints are not supported by the playground".into(),
                        );
                        continue;
                    }
                    let t = self.typ(f.typ);
                    if !t.is_valid() {
                        continue;
                    }
                    if !self.types.is_interface(t) {
                        self.error_expr(
                            f.typ,
                            "type constraints are not supported by the playground".into(),
                        );
                        continue;
                    }
                    embeddeds.push(t);
                }
            }
        }
        // Check for conflicting methods from embedded interfaces.

        self.types.new_interface(
            Interface {
                methods,
                embeddeds,
                ..Default::default()
            },
            &self.ast.syms,
        )
    }
}
