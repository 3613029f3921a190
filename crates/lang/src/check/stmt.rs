//! Statements (types2's `stmt.go`) and terminating statements (`return.go`).

use super::*;
use crate::token::{Op, Tok};

/// Statement context flags (types2's `stmtContext`), for fallthrough analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct StmtCtx {
    pub fallthrough_ok: bool,
    pub final_switch_case: bool,
    pub in_type_switch: bool,
}

impl StmtCtx {
    pub fn empty() -> StmtCtx {
        StmtCtx::default()
    }
    fn inner(self) -> StmtCtx {
        StmtCtx::default()
    }
}

impl Checker<'_> {
    pub fn stmt_list(&mut self, ctxt: StmtCtx, list: &[StmtId]) {
        let mut n = list.len();
        while n > 0 && matches!(self.ast.stmt(list[n - 1]).kind, StmtKind::Empty) {
            n -= 1;
        }
        let ok = ctxt.fallthrough_ok;
        let inner = StmtCtx {
            fallthrough_ok: false,
            ..ctxt
        };
        for (i, &s) in list[..n].iter().enumerate() {
            let mut c = inner;
            if ok && i + 1 == n {
                c.fallthrough_ok = true;
            }
            self.stmt(c, s);
        }
    }

    fn simple_stmt(&mut self, s: Option<StmtId>) {
        if let Some(s) = s {
            self.stmt(StmtCtx::empty(), s);
        }
    }

    pub fn stmt(&mut self, ctxt: StmtCtx, s: StmtId) {
        let ast = self.ast;
        let inner = ctxt.inner();
        let st = ast.stmt(s);
        match &st.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(decls) => self.decl_stmt(decls),
            StmtKind::Labeled { stmt, .. } => self.stmt(ctxt, *stmt),
            StmtKind::Expr(e) => {
                let mut x = Operand::invalid();
                let kind = self.raw_expr(&mut x, *e, None);
                let msg = match x.mode {
                    OpMode::Invalid => return,
                    OpMode::Builtin => "must be called",
                    OpMode::TypeExpr => "is not an expression",
                    _ => {
                        if kind == ExprKindClass::Statement {
                            return;
                        }
                        "is not used"
                    }
                };
                let xs = self.os(&x);
                self.error_op(&x, format!("{xs} {msg}"));
            }
            StmtKind::Send { chan, value } => {
                let mut ch = Operand::invalid();
                let mut val = Operand::invalid();
                self.expr(&mut ch, *chan);
                self.expr(&mut val, *value);
                if ch.is_invalid() || val.is_invalid() {
                    return;
                }
                let Type::Chan { dir, elem } = self.types.under(ch.typ).clone() else {
                    let cs = self.os(&ch);
                    self.error_at(
                        st.span.lo,
                        format!("invalid operation: cannot send to non-channel {cs}"),
                    );
                    return;
                };
                if dir == ChanDir::Recv {
                    let cs = self.os(&ch);
                    self.error_at(
                        st.span.lo,
                        format!("invalid operation: cannot send to receive-only channel {cs}"),
                    );
                    return;
                }
                self.assignment(&mut val, Some(elem), "send");
            }
            StmtKind::Assign { kind, lhs, rhs } => match kind {
                AssignKind::IncDec(op) => {
                    let mut x = Operand::invalid();
                    self.expr(&mut x, lhs[0]);
                    if x.is_invalid() {
                        return;
                    }
                    if !self.types.is_numeric(x.typ) {
                        let (ls, ts) = (self.es(lhs[0]), self.ts(x.typ));
                        let o = op.as_str();
                        self.error_expr(
                            lhs[0],
                            format!("invalid operation: {ls}{o}{o} (non-numeric type {ts})"),
                        );
                        return;
                    }
                    self.assign_var(lhs[0], None, Some(&mut x), "assignment");
                }
                AssignKind::Plain => self.assign_vars(lhs, rhs),
                AssignKind::Define => self.short_var_decl(st.pos, lhs, rhs, false),
                AssignKind::Op(op) => {
                    if lhs.len() != 1 || rhs.len() != 1 {
                        self.error_at(
                            st.span.lo,
                            format!(
                                "assignment operation {} requires single-valued expressions",
                                op.as_str()
                            ),
                        );
                        return;
                    }
                    let mut x = Operand::invalid();
                    self.binary(&mut x, None, lhs[0], rhs[0], *op);
                    self.assign_var(lhs[0], None, Some(&mut x), "assignment");
                }
            },
            StmtKind::Call { tok, call } => {
                if *tok == Tok::Defer {
                    if let Some(b) = self.body_mut() {
                        b.has_defer = true;
                    }
                }
                self.suspended_call(tok.as_str(), *call);
            }
            StmtKind::Return { results } => self.return_stmt(s, results),
            // Branch targets were checked after parsing (see `crate::branches`).
            StmtKind::Branch { .. } => {}
            StmtKind::Block(b) => {
                self.open_scope(ScopeKind::Block);
                self.stmt_list(inner, &b.stmts);
                self.close_scope();
            }
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.open_scope(ScopeKind::Block);
                self.simple_stmt(*init);
                if let Some(c) = cond {
                    let mut x = Operand::invalid();
                    self.expr(&mut x, *c);
                    if !x.is_invalid() && !self.types.is_boolean(x.typ) {
                        self.error_expr(*c, "non-boolean condition in if statement".into());
                    }
                }
                self.open_scope(ScopeKind::Block);
                self.stmt_list(inner, &then.stmts);
                self.close_scope();
                if let Some(e) = els {
                    self.stmt(inner, *e);
                }
                self.close_scope();
            }
            StmtKind::Switch {
                init,
                tag,
                body,
                rbrace,
            } => {
                self.open_scope(ScopeKind::Block);
                self.simple_stmt(*init);
                let guard = tag.and_then(|t| match self.ast.expr(t).kind {
                    ExprKind::TypeSwitchGuard { lhs, x } => Some((t, lhs, x)),
                    _ => None,
                });
                match guard {
                    Some((g, lhs, x)) => {
                        let c = StmtCtx {
                            in_type_switch: true,
                            ..inner
                        };
                        self.type_switch_stmt(c, s, g, lhs, x, body);
                    }
                    None => self.switch_stmt(inner, *tag, body, *rbrace),
                }
                self.close_scope();
            }
            StmtKind::Select { body, .. } => {
                self.multiple_defaults(
                    body.iter().map(|c| (c.comm.is_none(), c.span.lo)).collect(),
                );
                for clause in body {
                    let mut valid = clause.comm.is_none();
                    if let Some(c) = clause.comm {
                        let rhs = match &self.ast.stmt(c).kind {
                            StmtKind::Send { .. } => {
                                valid = true;
                                None
                            }
                            StmtKind::Assign {
                                kind: AssignKind::Plain | AssignKind::Define,
                                rhs,
                                ..
                            } if rhs.len() == 1 => Some(rhs[0]),
                            StmtKind::Expr(x) => Some(*x),
                            _ => None,
                        };
                        if let Some(r) = rhs {
                            let u = self.ast.unparen(r);
                            if let ExprKind::Operation {
                                op: Op::Recv,
                                y: None,
                                ..
                            } = self.ast.expr(u).kind
                            {
                                valid = true;
                            }
                        }
                        if !valid {
                            let st = self.ast.stmt(c);
                            let lo = match st.kind {
                                StmtKind::Expr(_) => st.pos,
                                _ => st.span.lo,
                            };
                            self.error_at(
                                lo,
                                "select case must be send or receive (possibly with assignment)"
                                    .into(),
                            );
                            continue;
                        }
                    }
                    self.open_scope(ScopeKind::Block);
                    if let Some(c) = clause.comm {
                        self.stmt(inner, c);
                    }
                    self.stmt_list(inner, &clause.body);
                    self.close_scope();
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.open_scope(ScopeKind::Block);
                if let Some(i) = init {
                    // Go 1.22: variables declared by the init statement are per-iteration.
                    if let StmtKind::Assign {
                        kind: AssignKind::Define,
                        lhs,
                        rhs,
                    } = &self.ast.stmt(*i).kind
                    {
                        let pos = self.ast.stmt(*i).pos;
                        self.short_var_decl(pos, lhs, rhs, true);
                    } else {
                        self.simple_stmt(Some(*i));
                    }
                }
                if let Some(c) = cond {
                    let mut x = Operand::invalid();
                    self.expr(&mut x, *c);
                    if !x.is_invalid() && !self.types.is_boolean(x.typ) {
                        self.error_expr(*c, "non-boolean condition in for statement".into());
                    }
                }
                self.simple_stmt(*post);
                self.open_scope(ScopeKind::Block);
                self.stmt_list(inner, &body.stmts);
                self.close_scope();
                self.close_scope();
            }
            StmtKind::Range {
                key,
                value,
                def,
                x,
                body,
                ..
            } => self.range_stmt(inner, s, *key, *value, *def, *x, body),
        }
    }

    fn multiple_defaults(&mut self, clauses: Vec<(bool, u32)>) {
        let mut first: Option<u32> = None;
        for (is_default, pos) in clauses {
            if is_default {
                match first {
                    Some(f) => self.error_at(
                        pos,
                        format!(
                            "multiple defaults (first at {})",
                            crate::diag::pos_marker(f)
                        ),
                    ),
                    None => first = Some(pos),
                }
            }
        }
    }

    fn suspended_call(&mut self, keyword: &str, call: ExprId) {
        if !matches!(self.ast.expr(call).kind, ExprKind::Call { .. }) {
            self.error_expr(
                call,
                format!("expression in {keyword} must be function call"),
            );
            self.use_exprs(&[call]);
            return;
        }
        let mut x = Operand::invalid();
        let msg = match self.raw_expr(&mut x, call, None) {
            ExprKindClass::Conversion => "requires function call, not conversion",
            ExprKindClass::Expression => "discards result of",
            ExprKindClass::Statement => return,
        };
        let xs = self.os(&x);
        self.error_op(&x, format!("{keyword} {msg} {xs}"));
    }

    fn return_stmt(&mut self, s: StmtId, results: &[ExprId]) {
        let Some(sig_t) = self.env.sig else { return };
        let Some(body) = self.env.body else { return };
        let res_objs = self.info.bodies[body.index()].results.clone();
        let named = self.info.bodies[body.index()].named_results;
        let _ = sig_t;
        if results.is_empty() && !res_objs.is_empty() && named {
            for &o in &res_objs {
                let name = self.objs[o.index()].name;
                if let Some(alt) = self.lookup(name) {
                    if alt != o {
                        let n = self.ast.str(name).to_string();
                        let alt_pos = self.objs[alt.index()].pos;
                        let at = format!("var {n} {}", self.ts(self.objs[alt.index()].typ));
                        self.error_at(
                            self.ast.stmt(s).span.lo,
                            format!(
                                "result parameter {n} not in scope at return\n\t{}: inner declaration of {at}",
                                crate::diag::pos_marker(alt_pos)
                            ),
                        );
                    }
                }
            }
            return;
        }
        // Result variables already have their types: they are "declared".
        if results.is_empty() && !res_objs.is_empty() {
            self.return_error(s, &res_objs, &[]);
            return;
        }
        self.init_vars(&res_objs, true, results, Some(s));
    }

    fn switch_stmt(
        &mut self,
        inner: StmtCtx,
        tag: Option<ExprId>,
        body: &[CaseClause],
        rbrace: u32,
    ) {
        let mut x = Operand::invalid();
        match tag {
            Some(t) => {
                self.expr(&mut x, t);
                self.assignment(&mut x, None, "switch expression");
                if !x.is_invalid() && !self.types.comparable(x.typ) && !self.types.has_nil(x.typ) {
                    let (xs, ts) = (self.os(&x), self.ts(x.typ));
                    self.error_op(
                        &x,
                        format!("cannot switch on {xs} ({ts} is not comparable)"),
                    );
                    x.mode = OpMode::Invalid;
                }
            }
            None => {
                x.mode = OpMode::Constant;
                x.typ = TypeId::basic(BasicKind::Bool);
                x.val = Value::Bool(true);
                let _ = rbrace;
            }
        }
        self.multiple_defaults(
            body.iter()
                .map(|c| (c.cases.is_none(), c.span.lo))
                .collect(),
        );
        let mut seen: Vec<(String, u32, TypeId)> = Vec::new();
        for (i, clause) in body.iter().enumerate() {
            let mut c = inner;
            if i + 1 < body.len() {
                c.fallthrough_ok = true;
            } else {
                c.final_switch_case = true;
            }
            if let Some(cases) = &clause.cases {
                self.case_values(&x, tag.is_none(), cases, &mut seen);
            }
            self.open_scope(ScopeKind::Block);
            self.stmt_list(c, &clause.body);
            self.close_scope();
        }
    }

    fn case_values(
        &mut self,
        x: &Operand,
        no_tag: bool,
        values: &[ExprId],
        seen: &mut Vec<(String, u32, TypeId)>,
    ) {
        for &e in values {
            let mut v = Operand::invalid();
            self.expr(&mut v, e);
            if x.is_invalid() || v.is_invalid() {
                continue;
            }
            self.convert_untyped(&mut v, x.typ);
            if v.is_invalid() {
                continue;
            }
            let mut res = v.clone();
            let mut xx = x.clone();
            if no_tag {
                xx.expr = None;
            }
            self.comparison_case(&mut res, &mut xx, no_tag);
            if res.is_invalid() {
                continue;
            }
            if v.mode != OpMode::Constant {
                continue;
            }
            let key = match &v.val {
                Value::Int(i) => format!("i{i}"),
                Value::Float(f) => format!("f{f}"),
                Value::Rat(n, 1) => format!("i{n}"),
                Value::Rat(..) => format!("f{}", v.val.to_float().unwrap_or(0.0)),
                Value::String(s) => format!("s{s}"),
                Value::Bool(b) => format!("b{b}"),
                Value::BigFloat(..) | Value::Unknown => continue,
            };
            if let Some((_, pos, _)) = seen
                .iter()
                .find(|(k, _, t)| *k == key && self.types.identical(*t, v.typ))
            {
                let vs = self.os(&v);
                let pos = *pos;
                self.error_op(
                    &v,
                    format!(
                        "duplicate case {vs} in expression switch\n\t{}: previous case",
                        crate::diag::pos_marker(pos)
                    ),
                );
                continue;
            }
            let p = self.ast.start_pos(e);
            seen.push((key, p, v.typ));
        }
    }

    /// `comparison(res, x, Eql, switchCase=true)`; for a tagless switch the tag prints as `true`.
    fn comparison_case(&mut self, res: &mut Operand, x: &mut Operand, no_tag: bool) {
        if no_tag {
            // Compare with the constant `true`: only the boolean-ness matters.
            if !self.assignable_to(res, x.typ, None) && !self.assignable_to(x, res.typ, None) {
                let (rs, xt, rt) = (
                    res.expr.map(|e| self.es(e)).unwrap_or_default(),
                    self.ts(res.typ),
                    self.ts(x.typ),
                );
                self.error_op(
                    res,
                    format!("invalid case {rs} in switch (mismatched types {xt} and {rt})"),
                );
                res.mode = OpMode::Invalid;
            }
            return;
        }
        self.comparison(res, x, Op::Eql, true);
    }

    #[allow(clippy::too_many_arguments)]
    fn type_switch_stmt(
        &mut self,
        inner: StmtCtx,
        s: StmtId,
        _guard: ExprId,
        lhs: Option<ExprId>,
        gx: ExprId,
        body: &[CaseClause],
    ) {
        let mut lhs = lhs;
        if let Some(l) = lhs {
            if self.ast.name_sym(l) == Some(self.syms.blank) {
                self.soft_error_at(
                    self.ast.expr(l).pos,
                    "no new variable on left side of :=".into(),
                );
                lhs = None;
            }
        }
        let mut sx: Option<Operand> = None;
        {
            let mut x = Operand::invalid();
            self.expr(&mut x, gx);
            if !x.is_invalid() {
                if self.types.is_interface(x.typ) {
                    sx = Some(x);
                } else {
                    let xs = self.os(&x);
                    self.error_op(&x, format!("{xs} is not an interface"));
                }
            }
        }
        self.multiple_defaults(
            body.iter()
                .map(|c| (c.cases.is_none(), c.span.lo))
                .collect(),
        );
        let mut lhs_vars = Vec::new();
        let mut seen: Vec<(Option<TypeId>, ExprId)> = Vec::new();
        for (ci, clause) in body.iter().enumerate() {
            let cases = clause.cases.clone().unwrap_or_default();
            let t = self.case_types(sx.as_ref(), &cases, &mut seen);
            self.open_scope(ScopeKind::Block);
            if let Some(l) = lhs {
                let mut t = t.unwrap_or(TypeId::INVALID);
                if cases.len() != 1 || t == TypeId::INVALID {
                    t = sx.as_ref().map_or(TypeId::INVALID, |x| x.typ);
                }
                let name = self.ast.name_sym(l).unwrap_or(self.syms.blank);
                let o = self.new_local(name, self.ast.expr(l).pos, t);
                let scope = self.env.scope;
                self.scopes.insert(scope, name, o);
                self.info.implicits.insert((s, ci as u32), o);
                lhs_vars.push(o);
            }
            self.stmt_list(inner, &clause.body);
            self.close_scope();
        }
        if let Some(l) = lhs {
            let mut used = false;
            for &v in &lhs_vars {
                if let ObjKind::Var(vi) = &mut self.objs[v.index()].kind {
                    used |= vi.used;
                    vi.used = true;
                }
            }
            if !used {
                let n = self.ast.name_str(l).to_string();
                self.soft_error_at(self.ast.expr(l).pos, format!("{n} declared and not used"));
            }
            // The symbolic variable itself.
            let name = self.ast.name_sym(l).unwrap_or(self.syms.blank);
            let mut vi = VarInfo::new(VarKind::Local, self.env.body);
            vi.used = true;
            let o = self.new_obj(
                name,
                Some(self.pkg),
                self.ast.expr(l).pos,
                self.cur_file(),
                TypeId::INVALID,
                ObjKind::Var(vi),
            );
            self.record_def(l, o);
        }
    }

    /// The types of a type switch clause; `Some(None)` entries are `nil` (types2's `caseTypes`).
    fn case_types(
        &mut self,
        x: Option<&Operand>,
        types: &[ExprId],
        seen: &mut Vec<(Option<TypeId>, ExprId)>,
    ) -> Option<TypeId> {
        let mut result: Option<TypeId> = None;
        for &e in types {
            let t: Option<TypeId>;
            if self.is_nil_expr(e) {
                t = None;
                let mut dummy = Operand::invalid();
                self.expr(&mut dummy, e);
            } else {
                let tt = self.var_type(e);
                if !tt.is_valid() {
                    continue;
                }
                t = Some(tt);
            }
            self.info.case_types.insert(e, t);
            if let Some((_, other)) = seen.iter().find(|(st, _)| match (st, t) {
                (None, None) => true,
                (Some(a), Some(b)) => self.types.identical(*a, b),
                _ => false,
            }) {
                let ts = t.map_or("nil".to_string(), |t| self.ts(t));
                let op = self.ast.start_pos(*other);
                self.error_expr(
                    e,
                    format!(
                        "duplicate case {ts} in type switch\n\t{}: previous case",
                        crate::diag::pos_marker(op)
                    ),
                );
                continue;
            }
            seen.push((t, e));
            if let (Some(x), Some(tt)) = (x, t) {
                let xx = x.clone();
                self.type_assertion(e, &xx, tt, true);
            }
            result = t;
        }
        if types.len() == 1 {
            result
        } else {
            None
        }
    }

    fn is_nil_expr(&self, e: ExprId) -> bool {
        let u = self.ast.unparen(e);
        match self.ast.name_sym(u) {
            Some(s) => self
                .lookup(s)
                .is_some_and(|o| matches!(self.objs[o.index()].kind, ObjKind::Nil)),
            None => false,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        inner: StmtCtx,
        s: StmtId,
        key: Option<ExprId>,
        value: Option<ExprId>,
        def: bool,
        range_x: ExprId,
        body: &Block,
    ) {
        let mut x = Operand::invalid();
        self.expr(&mut x, range_x);
        let mut k_t: Option<TypeId> = None;
        let mut v_t: Option<TypeId> = None;
        let mut valid = false;
        if !x.is_invalid() {
            let mut u = self.types.underlying(x.typ);
            if let Type::Pointer(p) = self.types.get(u) {
                if let Type::Array { .. } = self.types.under(*p) {
                    u = self.types.underlying(*p);
                }
            }
            let mut cause = String::new();
            match self.types.get(u).clone() {
                Type::Basic { kind, .. } if kind.is_string() => {
                    valid = true;
                    k_t = Some(TypeId::basic(BasicKind::Int));
                    v_t = Some(RUNE);
                }
                Type::Basic { kind, .. } if kind.is_integer() => {
                    valid = true;
                    k_t = Some(x.typ);
                }
                Type::Array { elem, .. } | Type::Slice(elem) => {
                    valid = true;
                    k_t = Some(TypeId::basic(BasicKind::Int));
                    v_t = Some(elem);
                }
                Type::Map { key, value } => {
                    valid = true;
                    k_t = Some(key);
                    v_t = Some(value);
                }
                Type::Chan { dir, elem } => {
                    if dir == ChanDir::Send {
                        cause = "receive from send-only channel".into();
                    } else {
                        valid = true;
                        k_t = Some(elem);
                    }
                }
                Type::Signature(_) => {
                    cause = "range over functions is not supported by the playground".into()
                }
                _ => {}
            }
            let xs = self.os(&x);
            if !valid && !cause.is_empty() {
                self.soft_error_at(
                    self.ast.start_pos(range_x),
                    format!("cannot range over {xs}: {cause}"),
                );
            } else if !valid {
                self.soft_error_at(
                    self.ast.start_pos(range_x),
                    format!("cannot range over {xs}"),
                );
            } else if k_t.is_none() && key.is_some() {
                self.soft_error_at(
                    self.ast.start_pos(key.unwrap_or(range_x)),
                    format!("range over {xs} permits no iteration variables"),
                );
            } else if v_t.is_none() && value.is_some() {
                self.soft_error_at(
                    self.ast.start_pos(value.unwrap_or(range_x)),
                    format!("range over {xs} permits only one iteration variable"),
                );
            }
        }
        if !valid {
            k_t = Some(TypeId::INVALID);
            v_t = Some(TypeId::INVALID);
        }
        self.open_scope(ScopeKind::Block);
        let lhs = [key, value];
        let rhs = [k_t, v_t];
        let range_over_int = self.types.is_integer(x.typ);
        if def {
            let mut vars: Vec<(ExprId, ObjId)> = Vec::new();
            for i in 0..2 {
                let Some(l) = lhs[i] else { continue };
                let Some(sym) = self.ast.name_sym(l) else {
                    let ls = self.es(l);
                    self.error_expr(l, format!("cannot declare {ls}"));
                    continue;
                };
                let o = self.new_local(sym, self.ast.expr(l).pos, TypeId::INVALID);
                if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                    vi.per_iteration = true;
                }
                self.record_def(l, o);
                if sym != self.syms.blank {
                    vars.push((l, o));
                }
                let t = rhs[i].unwrap_or(TypeId::INVALID);
                if !t.is_valid() {
                    if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                        vi.used = true;
                    }
                    continue;
                }
                if range_over_int && i == 0 {
                    let mut xx = x.clone();
                    self.init_var(o, false, &mut xx, "range clause");
                } else {
                    let mut y = Operand::value(Some(l), t);
                    self.init_var(o, false, &mut y, "assignment");
                }
            }
            if vars.is_empty() {
                self.error_at(
                    self.ast.stmt(s).span.lo,
                    "no new variables on left side of :=".into(),
                );
            }
            let scope = self.env.scope;
            for (l, o) in vars {
                let name = self.objs[o.index()].name;
                if let Some(_alt) = self.scopes.insert(scope, name, o) {
                    let n = self.ast.str(name).to_string();
                    self.error_at(
                        self.ast.expr(l).pos,
                        format!("{n} repeated on left side of :="),
                    );
                }
            }
        } else if key.is_some() {
            for i in 0..2 {
                let Some(l) = lhs[i] else { continue };
                let t = rhs[i].unwrap_or(TypeId::INVALID);
                if !t.is_valid() {
                    continue;
                }
                if range_over_int && i == 0 {
                    let mut xx = x.clone();
                    self.assign_var(l, None, Some(&mut xx), "range clause");
                } else {
                    let mut y = Operand::value(Some(l), t);
                    self.assign_var(l, None, Some(&mut y), "assignment");
                }
            }
        } else if range_over_int {
            self.assignment(&mut x, None, "range clause");
        }
        self.open_scope(ScopeKind::Block);
        self.stmt_list(inner, &body.stmts);
        self.close_scope();
        self.close_scope();
    }

    // ---- terminating statements ----

    pub fn is_terminating_list(&self, list: &[StmtId], label: Option<Sym>) -> bool {
        for &s in list.iter().rev() {
            if !matches!(self.ast.stmt(s).kind, StmtKind::Empty) {
                return self.is_terminating(s, label);
            }
        }
        false
    }

    fn is_terminating(&self, s: StmtId, label: Option<Sym>) -> bool {
        match &self.ast.stmt(s).kind {
            StmtKind::Labeled { label: l, stmt } => {
                self.is_terminating(*stmt, self.ast.name_sym(*l))
            }
            StmtKind::Expr(e) => {
                let u = self.ast.unparen(*e);
                self.panics.contains(&u)
            }
            StmtKind::Return { .. } => true,
            StmtKind::Branch { tok, .. } => matches!(tok, Tok::Goto | Tok::Fallthrough),
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts, None),
            StmtKind::If {
                then, els: Some(e), ..
            } => self.is_terminating_list(&then.stmts, None) && self.is_terminating(*e, None),
            StmtKind::Switch { body, .. } => {
                let mut has_default = false;
                for cc in body {
                    if cc.cases.is_none() {
                        has_default = true;
                    }
                    if !self.is_terminating_list(&cc.body, None)
                        || self.has_break_list(&cc.body, label, true)
                    {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::Select { body, .. } => {
                for cc in body {
                    if !self.is_terminating_list(&cc.body, None)
                        || self.has_break_list(&cc.body, label, true)
                    {
                        return false;
                    }
                }
                true
            }
            StmtKind::For {
                cond: None, body, ..
            } => !self.has_break_list(&body.stmts, label, true),
            _ => false,
        }
    }

    fn has_break_list(&self, list: &[StmtId], label: Option<Sym>, implicit: bool) -> bool {
        list.iter().any(|&s| self.has_break(s, label, implicit))
    }

    fn has_break(&self, s: StmtId, label: Option<Sym>, implicit: bool) -> bool {
        match &self.ast.stmt(s).kind {
            StmtKind::Labeled { stmt, .. } => self.has_break(*stmt, label, implicit),
            StmtKind::Branch {
                tok: Tok::Break,
                label: l,
            } => match l {
                None => implicit,
                Some(l) => self.ast.name_sym(*l) == label && label.is_some(),
            },
            StmtKind::Block(b) => self.has_break_list(&b.stmts, label, implicit),
            StmtKind::If { then, els, .. } => {
                self.has_break_list(&then.stmts, label, implicit)
                    || els.is_some_and(|e| self.has_break(e, label, implicit))
            }
            StmtKind::Switch { body, .. } => {
                label.is_some()
                    && body
                        .iter()
                        .any(|cc| self.has_break_list(&cc.body, label, false))
            }
            StmtKind::Select { body, .. } => {
                label.is_some()
                    && body
                        .iter()
                        .any(|cc| self.has_break_list(&cc.body, label, false))
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                label.is_some() && self.has_break_list(&body.stmts, label, false)
            }
            _ => false,
        }
    }
}
