//! Assignments, variable initialization and `:=` (types2's `assignments.go`).

use super::*;

impl Checker<'_> {
    /// Checks that `x` can be assigned to type `t` (or, for `None`, has a
    /// default type) and converts untyped values (types2's `assignment`).
    pub fn assignment(&mut self, x: &mut Operand, t: Option<TypeId>, context: &str) {
        self.single_value(x);
        match x.mode {
            OpMode::Invalid => return,
            OpMode::NilValue
            | OpMode::Constant
            | OpMode::Variable
            | OpMode::MapIndex
            | OpMode::Value
            | OpMode::CommaOk => {}
            _ => {
                let (xs, ts) = (self.os(x), t.map(|t| self.ts(t)).unwrap_or_default());
                self.error_op(x, format!("cannot assign {xs} to {ts} in {context}"));
                x.mode = OpMode::Invalid;
                return;
            }
        }
        if self.types.is_untyped(x.typ) {
            let mut target = t;
            if x.is_nil() {
                if t.is_none() {
                    self.error_op(x, format!("use of untyped nil in {context}"));
                    x.mode = OpMode::Invalid;
                    return;
                }
            } else if t.is_none_or(|t| self.types.is_interface(t)) {
                target = Some(self.types.default_type(x.typ));
            }
            let target = target.unwrap_or(x.typ);
            match self.implicit_type_and_value(x, target) {
                Err(code) => {
                    let (xs, ts) = (self.os(x), self.ts(target));
                    let mut msg = format!("cannot use {xs} as {ts} value in {context}");
                    match code {
                        expr::ConvCode::TruncatedFloat => msg.push_str(" (truncated)"),
                        expr::ConvCode::NumericOverflow => msg.push_str(" (overflows)"),
                        _ => {}
                    }
                    self.error_op(x, msg);
                    x.mode = OpMode::Invalid;
                    return;
                }
                Ok((new_type, val)) => {
                    if let Some(v) = val {
                        x.val = v.clone();
                        if let Some(e) = x.expr {
                            if let Some(info) = self.untyped.get_mut(&e) {
                                info.val = v;
                            }
                        }
                    }
                    if new_type != x.typ {
                        x.typ = new_type;
                        if let Some(e) = x.expr {
                            self.update_expr_type(e, new_type, false);
                        }
                    }
                }
            }
        }
        let Some(t) = t else { return };
        let mut cause = String::new();
        if !self.assignable_to(x, t, Some(&mut cause)) {
            let (xs, ts) = (self.os(x), self.ts(t));
            if cause.is_empty() {
                self.error_op(x, format!("cannot use {xs} as {ts} value in {context}"));
            } else {
                self.error_op(
                    x,
                    format!("cannot use {xs} as {ts} value in {context}: {cause}"),
                );
            }
            x.mode = OpMode::Invalid;
            return;
        }
        if let Some(e) = x.expr {
            self.record_implicit(e, x.typ, t);
        }
    }

    /// Initializes variable `v` from `x` (types2's `initVar`); `declared` if `v` has a declared type.
    pub fn init_var(&mut self, v: ObjId, declared: bool, x: &mut Operand, context: &str) {
        let vt = self.objs[v.index()].typ;
        if x.is_invalid() || !x.typ.is_valid() || (declared && !vt.is_valid()) {
            if !declared {
                self.objs[v.index()].typ = TypeId::INVALID;
            }
            x.mode = OpMode::Invalid;
            return;
        }
        if !declared {
            let mut t = x.typ;
            if self.types.is_untyped(t) {
                if x.is_nil() {
                    self.error_op(x, format!("use of untyped nil in {context}"));
                    self.objs[v.index()].typ = TypeId::INVALID;
                    x.mode = OpMode::Invalid;
                    return;
                }
                t = self.types.default_type(t);
            }
            self.objs[v.index()].typ = t;
        }
        let t = self.objs[v.index()].typ;
        self.assignment(x, Some(t), context);
    }

    /// Initializes several variables (types2's `initVars`); `ret` is the return statement, if any.
    pub fn init_vars(
        &mut self,
        lhs: &[ObjId],
        declared: bool,
        orig_rhs: &[ExprId],
        ret: Option<StmtId>,
    ) {
        let context = if ret.is_some() {
            "return statement"
        } else {
            "assignment"
        };
        let (l, r) = (lhs.len(), orig_rhs.len());
        let is_call = r == 1
            && matches!(
                self.ast.expr(self.ast.unparen(orig_rhs[0])).kind,
                ExprKind::Call { .. }
            );
        if l == r && !is_call {
            for (i, &v) in lhs.iter().enumerate() {
                let mut x = Operand::invalid();
                self.expr(&mut x, orig_rhs[i]);
                self.init_var(v, declared, &mut x, context);
            }
            return;
        }
        if r != 1 {
            if self.use_exprs(orig_rhs) {
                if let Some(rs) = ret {
                    let rhs = self.expr_list_quiet(orig_rhs);
                    self.return_error(rs, lhs, &rhs);
                } else {
                    self.assign_error(orig_rhs, l, r);
                }
            }
            for &v in lhs {
                if !self.objs[v.index()].typ.is_valid() || !declared {
                    self.mark_invalid_var(v);
                }
            }
            return;
        }
        let (mut rhs, comma_ok) = self.multi_expr(orig_rhs[0], l == 2 && ret.is_none());
        let r = rhs.len();
        if l == r {
            for (i, &v) in lhs.iter().enumerate() {
                self.init_var(v, declared, &mut rhs[i], context);
            }
            if comma_ok {
                self.record_comma_ok(orig_rhs[0], &rhs);
            }
            return;
        }
        if !rhs[0].is_invalid() {
            if let Some(rs) = ret {
                self.return_error(rs, lhs, &rhs);
            } else {
                self.assign_error(orig_rhs, l, r);
            }
        }
        for &v in lhs {
            if !declared {
                self.mark_invalid_var(v);
            }
        }
    }

    fn mark_invalid_var(&mut self, v: ObjId) {
        self.objs[v.index()].typ = TypeId::INVALID;
    }

    /// Re-evaluates expressions already checked (for error messages), without new errors.
    fn expr_list_quiet(&mut self, list: &[ExprId]) -> Vec<Operand> {
        list.iter()
            .map(|&e| match self.info.type_of(e) {
                Some(tv) => Operand {
                    mode: OpMode::Value,
                    expr: Some(e),
                    typ: tv.typ,
                    val: Value::Unknown,
                    builtin: None,
                },
                None => {
                    let t = self.untyped.get(&e).map_or(TypeId::INVALID, |u| u.typ);
                    Operand {
                        mode: OpMode::Value,
                        expr: Some(e),
                        typ: t,
                        val: Value::Unknown,
                        builtin: None,
                    }
                }
            })
            .collect()
    }

    /// Records the comma-ok form `v, ok := m[k]` / `<-c` / `x.(T)`: the expression's type becomes a pair.
    fn record_comma_ok(&mut self, e: ExprId, rhs: &[Operand]) {
        if rhs.len() != 2 || rhs[0].is_invalid() || rhs[1].is_invalid() {
            return;
        }
        let u = self.ast.unparen(e);
        self.info.comma_ok.insert(u);
        let _ = e;
    }

    fn assign_error(&mut self, rhs: &[ExprId], l: usize, r: usize) {
        let vars = measure(l, "variable");
        let vals = measure(r, "value");
        let rhs0 = rhs[0];
        if rhs.len() == 1 {
            if let ExprKind::Call { fun, .. } = self.ast.expr(self.ast.unparen(rhs0)).kind {
                let fs = self.es(fun);
                self.error_expr(
                    rhs0,
                    format!("assignment mismatch: {vars} but {fs} returns {vals}"),
                );
                return;
            }
        }
        self.error_expr(rhs0, format!("assignment mismatch: {vars} but {vals}"));
    }

    pub fn return_error(&mut self, ret: StmtId, lhs: &[ObjId], rhs: &[Operand]) {
        let (l, r) = (lhs.len(), rhs.len());
        let (at, qualifier) = if r > l {
            (rhs[l].expr.map(|e| self.ast.start_pos(e)), "too many")
        } else if r > 0 {
            (rhs[r - 1].expr.map(|e| self.ast.start_pos(e)), "not enough")
        } else {
            (None, "not enough")
        };
        let at = at.unwrap_or(self.ast.stmt(ret).span.lo);
        let have: Vec<TypeId> = rhs.iter().map(|x| x.typ).collect();
        let want: Vec<TypeId> = lhs.iter().map(|&v| self.objs[v.index()].typ).collect();
        let msg = format!(
            "{qualifier} return values\n\thave {}\n\twant {}",
            self.types_summary(&have, false),
            self.types_summary(&want, false)
        );
        self.error_at(at, msg);
    }

    /// The type of an assignment's left-hand side; `None` for `_` (types2's `lhsVar`).
    fn lhs_var(&mut self, lhs: ExprId) -> Option<TypeId> {
        let u = self.ast.unparen(lhs);
        if self.ast.name_sym(u) == Some(self.syms.blank) {
            self.record_def(u, ObjId(u32::MAX));
            self.info.defs.remove(&u);
            return None;
        }
        // Assignments do not count as uses.
        let mut restore: Option<(ObjId, bool)> = None;
        if let Some(sym) = self.ast.name_sym(u) {
            if let Some(o) = self.lookup(sym) {
                if let ObjKind::Var(vi) = &self.objs[o.index()].kind {
                    if self.objs[o.index()].pkg == Some(self.pkg) {
                        restore = Some((o, vi.used));
                    }
                }
            }
        }
        let mut x = Operand::invalid();
        self.expr(&mut x, lhs);
        if let Some((o, used)) = restore {
            if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                vi.used = used;
            }
        }
        if x.is_invalid() || !x.typ.is_valid() {
            return Some(TypeId::INVALID);
        }
        match x.mode {
            OpMode::Variable | OpMode::MapIndex => Some(x.typ),
            _ => {
                if let ExprKind::Selector { x: base, .. } = self.ast.expr(u).kind {
                    let base_is_map_index = self
                        .info
                        .type_of(base)
                        .is_some_and(|t| t.mode == Mode::MapIndex);
                    if base_is_map_index {
                        let s = self.es(u);
                        self.error_op(&x, format!("cannot assign to struct field {s} in map"));
                        return Some(TypeId::INVALID);
                    }
                }
                let s = self.es(u);
                self.error_op(
                    &x,
                    format!(
                        "cannot assign to {s} (neither addressable nor a map index expression)"
                    ),
                );
                Some(TypeId::INVALID)
            }
        }
    }

    /// `lhs = rhs` or `lhs = x` (types2's `assignVar`).
    pub fn assign_var(
        &mut self,
        lhs: ExprId,
        rhs: Option<ExprId>,
        x: Option<&mut Operand>,
        context: &str,
    ) {
        let t = self.lhs_var(lhs);
        if t.is_some_and(|t| !t.is_valid()) {
            match x {
                Some(x) => x.mode = OpMode::Invalid,
                None => {
                    if let Some(r) = rhs {
                        self.use_exprs(&[r]);
                    }
                }
            }
            return;
        }
        let mut local = Operand::invalid();
        let x = match x {
            Some(x) => x,
            None => {
                if let Some(r) = rhs {
                    self.expr(&mut local, r);
                }
                &mut local
            }
        };
        let context = if t.is_none() && context == "assignment" {
            "assignment to _ identifier"
        } else {
            context
        };
        self.assignment(x, t, context);
    }

    /// `a, b = x, y` (types2's `assignVars`).
    pub fn assign_vars(&mut self, lhs: &[ExprId], orig_rhs: &[ExprId]) {
        let (l, r) = (lhs.len(), orig_rhs.len());
        let is_call = r == 1
            && matches!(
                self.ast.expr(self.ast.unparen(orig_rhs[0])).kind,
                ExprKind::Call { .. }
            );
        if l == r && !is_call {
            for i in 0..l {
                self.assign_var(lhs[i], Some(orig_rhs[i]), None, "assignment");
            }
            return;
        }
        if r != 1 {
            let ok_lhs = self.use_lhs(lhs);
            let ok_rhs = self.use_exprs(orig_rhs);
            if ok_lhs && ok_rhs {
                self.assign_error(orig_rhs, l, r);
            }
            return;
        }
        let (mut rhs, comma_ok) = self.multi_expr(orig_rhs[0], l == 2);
        let r = rhs.len();
        if l == r {
            for i in 0..l {
                self.assign_var(lhs[i], None, Some(&mut rhs[i]), "assignment");
            }
            if comma_ok {
                self.record_comma_ok(orig_rhs[0], &rhs);
            }
            return;
        }
        if !rhs[0].is_invalid() {
            self.assign_error(orig_rhs, l, r);
        }
        self.use_lhs(lhs);
    }

    /// `a, b := x, y` (types2's `shortVarDecl`); `pos` is the `:=` position.
    pub fn short_var_decl(
        &mut self,
        pos: u32,
        lhs: &[ExprId],
        rhs: &[ExprId],
        per_iteration: bool,
    ) {
        let scope = self.env.scope;
        let mut seen: Vec<Sym> = Vec::new();
        let mut lhs_vars: Vec<Option<ObjId>> = vec![None; lhs.len()];
        let mut new_vars: Vec<(ExprId, ObjId)> = Vec::new();
        let mut has_err = false;
        for (i, &l) in lhs.iter().enumerate() {
            let Some(sym) = self.ast.name_sym(l) else {
                self.use_lhs(&[l]);
                let s = self.es(l);
                self.error_expr(l, format!("non-name {s} on left side of :="));
                has_err = true;
                continue;
            };
            if sym != self.syms.blank {
                if seen.contains(&sym) {
                    let s = self.es(l);
                    self.error_expr(l, format!("{s} repeated on left side of :="));
                    has_err = true;
                    continue;
                }
                seen.push(sym);
            }
            if let Some(alt) = self.scopes.lookup_local(scope, sym) {
                self.record_use(l, alt);
                if matches!(self.objs[alt.index()].kind, ObjKind::Var(_)) {
                    lhs_vars[i] = Some(alt);
                } else {
                    let s = self.es(l);
                    self.error_expr(l, format!("cannot assign to {s}"));
                    has_err = true;
                }
                continue;
            }
            let o = self.new_local(sym, self.ast.expr(l).pos, TypeId::INVALID);
            if per_iteration {
                if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                    vi.per_iteration = true;
                }
            }
            lhs_vars[i] = Some(o);
            if sym != self.syms.blank {
                new_vars.push((l, o));
            }
            self.record_def(l, o);
        }
        let lhs_objs: Vec<ObjId> = lhs_vars
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Some(o) => *o,
                None => {
                    let p = self.ast.expr(lhs[i]).pos;
                    let blank = self.syms.blank;
                    self.new_obj(
                        blank,
                        Some(self.pkg),
                        p,
                        None,
                        TypeId::INVALID,
                        ObjKind::Var(VarInfo::new(VarKind::Local, None)),
                    )
                }
            })
            .collect();
        // Existing variables keep their types (they are "declared").
        self.init_vars_mixed(&lhs_objs, &new_vars, rhs);
        if new_vars.is_empty() && !has_err {
            self.soft_error_at(pos, "no new variables on left side of :=".into());
            return;
        }
        for (ident, o) in new_vars {
            self.declare(scope, Some(ident), o);
        }
    }

    /// `initVars` where some variables are new (untyped) and some exist.
    fn init_vars_mixed(&mut self, lhs: &[ObjId], new_vars: &[(ExprId, ObjId)], rhs: &[ExprId]) {
        let is_new = |o: ObjId| {
            new_vars.iter().any(|(_, n)| *n == o) || !self.objs[o.index()].typ.is_valid()
        };
        let declared: Vec<bool> = lhs.iter().map(|&o| !is_new(o)).collect();
        let (l, r) = (lhs.len(), rhs.len());
        let is_call = r == 1
            && matches!(
                self.ast.expr(self.ast.unparen(rhs[0])).kind,
                ExprKind::Call { .. }
            );
        if l == r && !is_call {
            for (i, &v) in lhs.iter().enumerate() {
                let mut x = Operand::invalid();
                self.expr(&mut x, rhs[i]);
                self.init_var(v, declared[i], &mut x, "assignment");
            }
            return;
        }
        if r != 1 {
            if self.use_exprs(rhs) {
                self.assign_error(rhs, l, r);
            }
            for (i, &v) in lhs.iter().enumerate() {
                if !declared[i] {
                    self.mark_invalid_var(v);
                }
            }
            return;
        }
        let (mut xs, comma_ok) = self.multi_expr(rhs[0], l == 2);
        if xs.len() == l {
            for (i, &v) in lhs.iter().enumerate() {
                self.init_var(v, declared[i], &mut xs[i], "assignment");
            }
            if comma_ok {
                self.record_comma_ok(rhs[0], &xs);
            }
            return;
        }
        if !xs[0].is_invalid() {
            self.assign_error(rhs, l, xs.len());
        }
        for (i, &v) in lhs.iter().enumerate() {
            if !declared[i] {
                self.mark_invalid_var(v);
            }
        }
    }
}

fn measure(x: usize, unit: &str) -> String {
    if x == 1 {
        format!("{x} {unit}")
    } else {
        format!("{x} {unit}s")
    }
}
