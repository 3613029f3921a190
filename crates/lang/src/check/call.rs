//! Calls, arguments, conversions and selectors (types2's `call.go`, `conversions.go`).

use super::*;
use crate::token::Op;

impl Checker<'_> {
    pub fn call_expr(&mut self, x: &mut Operand, e: ExprId) -> ExprKindClass {
        let ExprKind::Call {
            fun,
            args,
            has_dots,
        } = &self.ast.expr(e).kind
        else {
            return ExprKindClass::Statement;
        };
        let (fun, args, has_dots) = (*fun, args.clone(), *has_dots);
        if let ExprKind::Index { .. } = self.ast.expr(self.ast.unparen(fun)).kind {
            // Possibly an explicit instantiation f[T](...): check the callee.
            self.expr_or_type(x, fun);
        } else {
            self.expr_or_type(x, fun);
        }
        match x.mode {
            OpMode::Invalid => {
                self.use_exprs(&args);
                x.expr = Some(e);
                return ExprKindClass::Statement;
            }
            OpMode::TypeExpr => {
                let t = x.typ;
                x.mode = OpMode::Invalid;
                match args.len() {
                    0 => {
                        let s = self.ts(t);
                        self.error_expr(e, format!("missing argument in conversion to {s}"));
                    }
                    1 => {
                        self.expr(x, args[0]);
                        if !x.is_invalid() {
                            if has_dots {
                                let s = self.ts(t);
                                self.error_expr(
                                    args[0],
                                    format!("invalid use of ... in conversion to {s}"),
                                );
                                x.mode = OpMode::Invalid;
                            } else {
                                self.conversion(x, t);
                            }
                        }
                    }
                    n => {
                        self.use_exprs(&args);
                        let s = self.ts(t);
                        self.error_expr(
                            args[n - 1],
                            format!("too many arguments in conversion to {s}"),
                        );
                    }
                }
                self.info.calls.insert(
                    e,
                    CallInfo {
                        kind: CallKind::Conversion(t),
                        sig: TypeId::INVALID,
                        spread: false,
                        pack_variadic: false,
                    },
                );
                x.expr = Some(e);
                return ExprKindClass::Conversion;
            }
            OpMode::Builtin => {
                let Some(b) = x.builtin else {
                    return ExprKindClass::Statement;
                };
                if !self.builtin(x, e, b, &args, has_dots) {
                    x.mode = OpMode::Invalid;
                }
                x.expr = Some(e);
                if x.mode != OpMode::Invalid && x.mode != OpMode::Constant {
                    self.has_call_or_recv = true;
                }
                self.info.calls.insert(
                    e,
                    CallInfo {
                        kind: CallKind::Builtin(b),
                        sig: TypeId::INVALID,
                        spread: false,
                        pack_variadic: false,
                    },
                );
                if b == Builtin::Recover {
                    if let Some(body) = self.body_mut() {
                        body.has_recover = true;
                    }
                }
                return if b.is_statement() {
                    ExprKindClass::Statement
                } else {
                    ExprKindClass::Expression
                };
            }
            _ => {}
        }
        let sig_t = x.typ;
        let Some(sig) = self.types.signature(sig_t).cloned() else {
            let s = self.os(x);
            self.error_op(
                x,
                format!("invalid operation: cannot call non-function {s}"),
            );
            x.mode = OpMode::Invalid;
            x.expr = Some(e);
            return ExprKindClass::Statement;
        };
        // What is called.
        let ufun = self.ast.unparen(fun);
        let kind = match &self.ast.expr(ufun).kind {
            ExprKind::Name(_) => match self.info.uses.get(&ufun) {
                Some(&o) if matches!(self.objs[o.index()].kind, ObjKind::Func(_)) => {
                    CallKind::Func(o)
                }
                _ => CallKind::Value,
            },
            ExprKind::Selector { sel, .. } => match self.info.selections.get(&ufun) {
                Some(s) if s.kind == SelectionKind::MethodVal => CallKind::Method(s.obj),
                Some(_) => CallKind::Value,
                None => match self.info.uses.get(sel) {
                    Some(&o) if matches!(self.objs[o.index()].kind, ObjKind::Func(_)) => {
                        CallKind::Func(o)
                    }
                    _ => CallKind::Value,
                },
            },
            _ => CallKind::Value,
        };
        // Evaluate arguments.
        let (argv, spread) = if args.len() == 1 {
            let (list, _) = self.multi_expr(args[0], false);
            let spread = list.len() > 1;
            (list, spread)
        } else {
            (self.expr_list(&args), false)
        };
        let all_valid = argv.iter().all(|a| !a.is_invalid());
        let mut pack = false;
        if all_valid {
            pack = self.arguments(e, fun, &sig, argv, has_dots, &args);
        }
        self.info.calls.insert(
            e,
            CallInfo {
                kind,
                sig: sig_t,
                spread,
                pack_variadic: pack,
            },
        );
        match sig.results.len() {
            0 => x.mode = OpMode::NoValue,
            1 => {
                x.mode = OpMode::Value;
                x.typ = sig.results[0].typ;
            }
            _ => {
                x.mode = OpMode::Value;
                let ts: Vec<TypeId> = sig.results.iter().map(|p| p.typ).collect();
                let names = sig.results.iter().map(|p| p.name).collect();
                x.typ = self.types.tuple(ts, names);
            }
        }
        x.expr = Some(e);
        self.has_call_or_recv = true;
        ExprKindClass::Statement
    }

    /// Checks arguments against a signature (types2's `arguments`); returns
    /// whether trailing arguments are packed into a variadic slice.
    pub fn arguments(
        &mut self,
        call: ExprId,
        fun: ExprId,
        sig: &Signature,
        mut args: Vec<Operand>,
        ddd: bool,
        arg_exprs: &[ExprId],
    ) -> bool {
        let nargs = args.len();
        let mut npars = sig.params.len();
        let mut params: Vec<TypeId> = sig.params.iter().map(|p| p.typ).collect();
        let mut pack = false;
        if sig.variadic {
            if ddd {
                if arg_exprs.len() == 1 && nargs > 1 {
                    let s = self.es(arg_exprs[0]);
                    self.error_expr(call, format!("cannot use ... with {nargs}-valued {s}"));
                    return false;
                }
            } else if nargs + 1 >= npars {
                let last = params.pop().unwrap_or(TypeId::INVALID);
                let elem = match self.types.get(last) {
                    Type::Slice(e) => *e,
                    _ => TypeId::INVALID,
                };
                while params.len() < nargs {
                    params.push(elem);
                }
                npars = nargs;
                pack = true;
            } else {
                npars -= 1;
            }
        } else if ddd {
            let s = self.es(fun);
            self.error_expr(call, format!("cannot use ... in call to non-variadic {s}"));
            return false;
        }
        if nargs != npars {
            let (at, qualifier) = if nargs > npars {
                (args[npars].expr, "too many")
            } else if nargs > 0 {
                (args[nargs - 1].expr, "not enough")
            } else {
                (None, "not enough")
            };
            let have: Vec<TypeId> = args.iter().map(|a| a.typ).collect();
            let want: Vec<TypeId> = sig.params.iter().map(|p| p.typ).collect();
            let msg = format!(
                "{qualifier} arguments in call to {}\n\thave {}\n\twant {}",
                self.es(fun),
                self.types_summary(&have, false),
                self.types_summary(&want, sig.variadic)
            );
            match at {
                Some(a) => self.error_expr(a, msg),
                None => self.error_expr(call, msg),
            }
            return false;
        }
        let context = format!("argument to {}", self.es(fun));
        for (i, a) in args.iter_mut().enumerate() {
            self.assignment(a, Some(params[i]), &context);
        }
        pack
    }

    /// `(int, string)` / `(number, string)` for have/want lines (types2's `typesSummary`).
    pub fn types_summary(&self, list: &[TypeId], variadic: bool) -> String {
        let parts: Vec<String> = list
            .iter()
            .enumerate()
            .map(|(i, &t)| {
                if !t.is_valid() {
                    "unknown type".to_string()
                } else if self.types.is_untyped(t) {
                    if self.types.is_numeric(t) {
                        "number".into()
                    } else {
                        self.types.get(t).basic_name().replace("untyped ", "")
                    }
                } else if variadic && i + 1 == list.len() {
                    match self.types.get(t) {
                        Type::Slice(e) => format!("...{}", self.ts(*e)),
                        _ => self.ts(t),
                    }
                } else {
                    self.ts(t)
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    /// A conversion `T(x)` (types2's `conversion`).
    pub fn conversion(&mut self, x: &mut Operand, t: TypeId) {
        let const_arg = x.mode == OpMode::Constant;
        let mut ok = false;
        let mut cause = String::new();
        if const_arg && self.types.is_const_type(t) {
            let kind = self.types.basic_kind(t).unwrap_or(BasicKind::Invalid);
            if let Some(v) = expr::representable_const(&x.val, kind) {
                x.val = v;
                ok = true;
            } else if self.types.is_integer(x.typ) && kind.is_string() {
                let c = x
                    .val
                    .to_int()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                x.val = Value::String(c.to_string().into());
                ok = true;
            }
            if !ok && self.types.is_integer(x.typ) && kind.is_integer() {
                let (v, ts) = (x.val.go_string(), self.ts(t));
                self.error_op(x, format!("constant {v} overflows {ts}"));
                x.mode = OpMode::Invalid;
                return;
            }
        } else if self.convertible_to(x, t, &mut cause) {
            ok = true;
            x.mode = OpMode::Value;
        }
        if !ok {
            let (xs, ts) = (self.os(x), self.ts(t));
            if cause.is_empty() {
                self.error_op(x, format!("cannot convert {xs} to type {ts}"));
            } else {
                self.error_op(x, format!("cannot convert {xs} to type {ts}: {cause}"));
            }
            x.mode = OpMode::Invalid;
            return;
        }
        if self.types.is_untyped(x.typ) {
            let mut fin = t;
            if x.typ == TypeId::basic(BasicKind::UntypedNil) {
                // keep
            } else if self.types.is_interface(t) || (const_arg && !self.types.is_const_type(t)) {
                fin = self.types.default_type(x.typ);
            } else if x.mode == OpMode::Constant
                && self.types.is_integer(x.typ)
                && self.types.is_string(t)
            {
                fin = x.typ;
            }
            if let Some(e) = x.expr {
                self.update_expr_type(e, fin, true);
            }
        }
        if let Some(e) = x.expr {
            self.record_implicit(e, x.typ, t);
        }
        x.typ = t;
    }

    fn convertible_to(&mut self, x: &Operand, t: TypeId, cause: &mut String) -> bool {
        if self.assignable_to(x, t, Some(cause)) {
            return true;
        }
        cause.clear();
        let v = x.typ;
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if self.types.identical(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) = (self.types.get(v), self.types.get(t)) {
            if self
                .types
                .identical(self.types.underlying(*a), self.types.underlying(*b))
            {
                return true;
            }
        }
        let int_or_float = |k: Option<BasicKind>| k.is_some_and(|k| k.is_integer() || k.is_float());
        let (vk, tk) = (self.types.basic_kind(vu), self.types.basic_kind(tu));
        if int_or_float(vk) && int_or_float(tk) {
            return true;
        }
        let bytes_or_runes = |c: &Self, t: TypeId| -> bool {
            match c.types.under(t) {
                Type::Slice(e) => matches!(
                    c.types.basic_kind(*e),
                    Some(BasicKind::Uint8 | BasicKind::Int32)
                ),
                _ => false,
            }
        };
        if (vk.is_some_and(|k| k.is_integer()) || bytes_or_runes(self, vu))
            && tk.is_some_and(|k| k.is_string())
        {
            return true;
        }
        if vk.is_some_and(|k| k.is_string()) && bytes_or_runes(self, tu) {
            return true;
        }
        if let Type::Slice(se) = self.types.get(vu) {
            match self.types.get(tu) {
                Type::Array { elem, .. } if self.types.identical(*se, *elem) => return true,
                Type::Pointer(p) => {
                    if let Type::Array { elem, .. } = self.types.under(*p) {
                        if self.types.identical(*se, *elem) {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// A selector expression `x.sel` (types2's `selector`).
    pub fn selector(&mut self, x: &mut Operand, e: ExprId, want_type: bool) {
        let ExprKind::Selector { x: base, sel } = self.ast.expr(e).kind else {
            return;
        };
        let sel_name = self.ast.name_str(sel).to_string();
        // Qualified identifier?
        if let Some(sym) = self.ast.name_sym(base) {
            if let Some(o) = self.lookup(sym) {
                if let ObjKind::PkgName { pkg, .. } = self.objs[o.index()].kind {
                    self.record_use(base, o);
                    if let ObjKind::PkgName { used, .. } = &mut self.objs[o.index()].kind {
                        *used = true;
                    }
                    let pscope = self.pkgs[pkg.index()].scope;
                    let exp = self
                        .ast
                        .syms
                        .get(&sel_name)
                        .and_then(|s| self.scopes.lookup_local(pscope, s));
                    let Some(exp) = exp else {
                        let s = self.es(e);
                        self.error_at(self.ast.expr(sel).pos, format!("undefined: {s}"));
                        x.mode = OpMode::Invalid;
                        x.expr = Some(e);
                        return;
                    };
                    if !is_exported(&sel_name) {
                        let pn = self.pkg_name(pkg).to_string();
                        self.error_at(
                            self.ast.expr(sel).pos,
                            format!("name {sel_name} not exported by package {pn}"),
                        );
                    }
                    self.record_use(sel, exp);
                    if self.decls.contains_key(&exp) && self.color(exp) != Color::Black {
                        self.obj_decl(exp);
                    }
                    let typ = self.objs[exp.index()].typ;
                    match &self.objs[exp.index()].kind {
                        ObjKind::Const(v) => {
                            x.mode = OpMode::Constant;
                            x.typ = typ;
                            x.val = v.clone();
                        }
                        ObjKind::TypeName => {
                            x.mode = OpMode::TypeExpr;
                            x.typ = typ;
                        }
                        ObjKind::Var(_) => {
                            x.mode = OpMode::Variable;
                            x.typ = typ;
                            self.add_dep(exp);
                        }
                        ObjKind::Func(_) => {
                            x.mode = OpMode::Value;
                            x.typ = typ;
                            self.add_dep(exp);
                        }
                        _ => x.mode = OpMode::Invalid,
                    }
                    x.expr = Some(e);
                    return;
                }
            }
        }
        self.expr_or_type(x, base);
        match x.mode {
            OpMode::Builtin => {
                let s = self.os(x);
                self.error_at(self.ast.expr(e).pos, format!("cannot select on {s}"));
                x.mode = OpMode::Invalid;
                x.expr = Some(e);
                return;
            }
            OpMode::Invalid => {
                x.expr = Some(e);
                return;
            }
            _ => {}
        }
        let sel_pos = self.ast.expr(sel).pos;
        if want_type {
            let s = self.es(e);
            self.error_at(sel_pos, format!("{s} is not a type"));
            x.mode = OpMode::Invalid;
            x.expr = Some(e);
            return;
        }
        let xs = x.expr.map(|xe| self.es(xe)).unwrap_or_default();
        let res = self.lookup_field_or_method(x.typ, x.mode == OpMode::Variable, &sel_name, false);
        let (obj, index, indirect) = match res {
            LookupResult::Found {
                obj,
                index,
                indirect,
            } => (obj, index, indirect),
            other => {
                if !self.types.underlying(x.typ).is_valid() {
                    x.mode = OpMode::Invalid;
                    x.expr = Some(e);
                    return;
                }
                match other {
                    LookupResult::Ambiguous => {
                        self.error_at(sel_pos, format!("ambiguous selector {xs}.{sel_name}"));
                    }
                    LookupResult::NeedsPointer => {
                        let ts = self.ts(x.typ);
                        if x.mode == OpMode::TypeExpr {
                            self.error_at(
                                sel_pos,
                                format!(
                                    "invalid method expression {ts}.{sel_name} (needs pointer receiver (*{ts}).{sel_name})"
                                ),
                            );
                        } else {
                            self.error_at(
                                sel_pos,
                                format!("cannot call pointer method {sel_name} on {ts}"),
                            );
                        }
                    }
                    _ => {
                        let why = if self.is_interface_ptr(x.typ) {
                            format!(
                                "type {} is pointer to interface, not interface",
                                self.ts(x.typ)
                            )
                        } else {
                            let alt = match self.lookup_field_or_method(
                                x.typ,
                                x.mode == OpMode::Variable,
                                &sel_name,
                                true,
                            ) {
                                LookupResult::Found { obj, .. } => Some(obj),
                                _ => None,
                            };
                            self.lookup_error(x.typ, &sel_name, alt, false)
                        };
                        self.error_at(sel_pos, format!("{xs}.{sel_name} undefined ({why})"));
                    }
                }
                x.mode = OpMode::Invalid;
                x.expr = Some(e);
                return;
            }
        };
        let is_method = matches!(self.objs[obj.index()].kind, ObjKind::Func(_));
        if is_method && self.decls.contains_key(&obj) {
            self.obj_decl(obj);
        }
        let iface = matches!(
            self.objs[obj.index()].kind,
            ObjKind::Func(FuncInfo {
                iface_method: true,
                ..
            })
        );
        if x.mode == OpMode::TypeExpr {
            if !is_method {
                let ts = self.ts(x.typ);
                self.error_at(
                    sel_pos,
                    format!("{xs}.{sel_name} undefined (type {ts} has no method {sel_name})"),
                );
                x.mode = OpMode::Invalid;
                x.expr = Some(e);
                return;
            }
            self.info.selections.insert(
                e,
                Selection {
                    kind: SelectionKind::MethodExpr,
                    recv: x.typ,
                    obj,
                    index,
                    indirect,
                    adjust: RecvAdjust::None,
                    iface,
                },
            );
            let msig = self
                .types
                .signature(self.objs[obj.index()].typ)
                .cloned()
                .unwrap_or_default();
            let mut params = vec![Param {
                name: None,
                typ: x.typ,
            }];
            params.extend(msig.params.iter().cloned());
            x.mode = OpMode::Value;
            x.typ = self.types.new_signature(Signature {
                params,
                results: msig.results,
                variadic: msig.variadic,
            });
            self.add_dep(obj);
            x.expr = Some(e);
            return;
        }
        if is_method {
            let adjust = self.recv_adjust(x.typ, &index, obj);
            if adjust == RecvAdjust::AddrOf && !indirect {
                if let Some(xe) = x.expr {
                    self.mark_addr_taken(xe);
                }
            }
            self.info.selections.insert(
                e,
                Selection {
                    kind: SelectionKind::MethodVal,
                    recv: x.typ,
                    obj,
                    index,
                    indirect,
                    adjust,
                    iface,
                },
            );
            x.mode = OpMode::Value;
            x.typ = self.objs[obj.index()].typ;
            self.add_dep(obj);
        } else {
            self.info.selections.insert(
                e,
                Selection {
                    kind: SelectionKind::FieldVal,
                    recv: x.typ,
                    obj,
                    index,
                    indirect,
                    adjust: RecvAdjust::None,
                    iface: false,
                },
            );
            if x.mode == OpMode::Variable || indirect {
                x.mode = OpMode::Variable;
            } else {
                x.mode = OpMode::Value;
            }
            x.typ = self.objs[obj.index()].typ;
        }
        x.expr = Some(e);
    }

    /// The receiver adjustment for calling method `m` selected from `t` via `index`.
    fn recv_adjust(&self, t: TypeId, index: &[u32], m: ObjId) -> RecvAdjust {
        let ObjKind::Func(fi) = &self.objs[m.index()].kind else {
            return RecvAdjust::None;
        };
        if fi.iface_method {
            return RecvAdjust::None;
        }
        // The type of the value whose method is called.
        let mut cur = t;
        for &i in &index[..index.len().saturating_sub(1)] {
            let (base, _) = self.types.deref(cur);
            match self.types.struct_(base) {
                Some(s) => match s.fields.get(i as usize) {
                    Some(f) => cur = f.typ,
                    None => return RecvAdjust::None,
                },
                None => return RecvAdjust::None,
            }
        }
        let is_ptr = matches!(self.types.get(cur), Type::Pointer(_));
        match (fi.ptr_recv, is_ptr) {
            (true, false) => RecvAdjust::AddrOf,
            (false, true) => RecvAdjust::Deref,
            _ => RecvAdjust::None,
        }
    }

    /// Unused helper to keep `Op` imported for future operator-method work.
    #[allow(dead_code)]
    fn is_deref(&self, e: ExprId) -> bool {
        matches!(
            self.ast.expr(e).kind,
            ExprKind::Operation {
                op: Op::Mul,
                y: None,
                ..
            }
        )
    }
}
