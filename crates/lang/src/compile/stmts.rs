//! Statements: declarations, assignments, control flow, loops over every range form, switch,
//! type switch, select, return, go and defer.

use crate::ast::{
    AssignKind, Block, CaseClause, CommClause, DeclKind, ExprId, ExprKind, StmtId, StmtKind,
};
use crate::bytecode::{CmpOp, FloatOp, Instr, IntOp, Reg, SelectCase, SelectId, SelectTable};
use crate::compile::exprs::{int_op, Val};
use crate::compile::func::{CResult, FnCompiler, LoopCtx, VarLoc};
use crate::compile::places::Place;
use crate::objects::ObjId;
use crate::token::{Op, Tok};
use crate::types::{Type, TypeId};

impl FnCompiler<'_, '_> {
    pub(crate) fn block(&mut self, stmts: &[StmtId]) -> CResult<()> {
        let mark = self.mark();
        for &s in stmts {
            self.stmt(s)?;
        }
        self.release(mark);
        Ok(())
    }

    fn stmt(&mut self, s: StmtId) -> CResult<()> {
        let saved = self.set_span_stmt(s);
        let r = self.stmt_inner(s);
        self.span = saved;
        r
    }

    fn stmt_inner(&mut self, s: StmtId) -> CResult<()> {
        let kind = self.c.ast.stmt(s).kind.clone();
        let label = self.pending_label.take();
        match kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Labeled { label, stmt } => {
                let name = self.c.ast.name_str(label).to_string();
                let here = self.here();
                self.labels.insert(name.clone(), here);
                for (l, j) in std::mem::take(&mut self.gotos) {
                    if l == name {
                        self.patch_to(j, here);
                    } else {
                        self.gotos.push((l, j));
                    }
                }
                self.pending_label = Some(name);
                self.stmt(stmt)
            }
            StmtKind::Block(b) => self.block(&b.stmts),
            StmtKind::Expr(e) => {
                let mark = self.mark();
                if let ExprKind::Call { .. } = self.c.ast.expr(self.c.ast.unparen(e)).kind {
                    self.call(self.c.ast.unparen(e), 0)?;
                } else {
                    self.expr(e)?;
                }
                self.release(mark);
                Ok(())
            }
            StmtKind::Send { chan, value } => {
                let mark = self.mark();
                let ch = self.expr(chan)?.reg;
                let v = self.temp();
                let et = self.chan_elem(self.ty(chan));
                self.expr_to_as(value, v, et)?;
                self.emit(Instr::Send { ch, v });
                self.release(mark);
                Ok(())
            }
            StmtKind::Decl(decls) => {
                for d in decls {
                    if let DeclKind::Var { names, values, .. } = self.c.ast.decl(d).kind.clone() {
                        self.var_decl(&names, &values)?;
                    }
                }
                Ok(())
            }
            StmtKind::Assign { kind, lhs, rhs } => self.assign(kind, &lhs, &rhs),
            StmtKind::Branch { tok, label } => self.branch(tok, label),
            StmtKind::Call { tok, call } => {
                let mark = self.mark();
                self.go_defer(tok == Tok::Go, self.c.ast.unparen(call))?;
                self.release(mark);
                Ok(())
            }
            StmtKind::Return { results } => self.ret(&results),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                let mark = self.mark();
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let cond = cond.ok_or("if without condition")?;
                let falses = self.cond_false_jumps(cond)?;
                self.block(&then.stmts)?;
                if let Some(els) = els {
                    let end = self.jump();
                    for j in falses {
                        self.patch(j);
                    }
                    self.stmt(els)?;
                    self.patch(end);
                } else {
                    for j in falses {
                        self.patch(j);
                    }
                }
                self.release(mark);
                Ok(())
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(label, init, cond, post, &body),
            StmtKind::Range {
                key,
                value,
                def,
                x,
                body,
                ..
            } => self.range_loop(label, key, value, def, x, &body),
            StmtKind::Switch {
                init, tag, body, ..
            } => {
                let mark = self.mark();
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                let r = match tag.map(|t| (t, self.c.ast.expr(t).kind.clone())) {
                    Some((_, ExprKind::TypeSwitchGuard { lhs, x })) => {
                        self.type_switch(label, s, lhs, x, &body)
                    }
                    _ => self.expr_switch(label, tag, &body),
                };
                self.release(mark);
                r
            }
            StmtKind::Select { body, .. } => self.select(label, &body),
        }
    }

    // ===== declarations and assignments =====

    fn var_decl(&mut self, names: &[ExprId], values: &[ExprId]) -> CResult<()> {
        let objs: Vec<Option<ObjId>> = names
            .iter()
            .map(|n| self.c.prog.info.defs.get(n).copied())
            .collect();
        let mark = self.mark();
        let vals: Vec<Reg> = if values.is_empty() {
            let mut v = Vec::new();
            for o in &objs {
                let r = self.temp();
                let t = o.map_or(TypeId::INVALID, |o| self.c.obj_type(o));
                self.zero(r, t);
                v.push(r);
            }
            v
        } else {
            let types: Vec<TypeId> = objs
                .iter()
                .map(|o| o.map_or(TypeId::INVALID, |o| self.c.obj_type(o)))
                .collect();
            self.rhs_values(values, names.len(), Some(&types))?
        };
        self.release(mark);
        for (o, v) in objs.into_iter().zip(vals) {
            if let Some(o) = o {
                self.declare_var(o, v);
            }
        }
        Ok(())
    }

    /// Evaluates the right-hand sides of an assignment of `n` values into
    /// owned registers (one multi-value call may supply all of them).
    fn rhs_values(
        &mut self,
        rhs: &[ExprId],
        n: usize,
        types: Option<&[TypeId]>,
    ) -> CResult<Vec<Reg>> {
        if rhs.len() == 1 && n > 1 {
            let e = self.c.ast.unparen(rhs[0]);
            if self.c.prog.info.comma_ok.contains(&e) {
                let (v, ok) = self.comma_ok(e)?;
                if let Some(t) = types.and_then(|t| t.first().copied()) {
                    let from = self.ty(e);
                    let c = self.convert_value(v, Some(from), t);
                    if c != v {
                        self.emit(Instr::Move { dst: v, src: c });
                    }
                }
                return Ok(vec![v, ok]);
            }
            let base = self.call(e, n)?;
            if let Some(t) = types {
                self.convert_spread(base, e, t)?;
            }
            return Ok((0..n as u16).map(|i| Reg(base.0 + i)).collect());
        }
        let mut out = Vec::with_capacity(rhs.len());
        for (i, &e) in rhs.iter().enumerate() {
            let r = self.temp();
            let t = types
                .and_then(|t| t.get(i).copied())
                .unwrap_or(TypeId::INVALID);
            self.expr_to_as(e, r, t)?;
            out.push(r);
        }
        Ok(out)
    }

    /// The element type of a channel type.
    pub(crate) fn chan_elem(&self, t: TypeId) -> TypeId {
        match self.c.prog.types.under(t) {
            Type::Chan { elem, .. } => *elem,
            _ => TypeId::INVALID,
        }
    }

    /// `v, ok := m[k]`, `<-ch`, `x.(T)`.
    fn comma_ok(&mut self, e: ExprId) -> CResult<(Reg, Reg)> {
        let kind = self.c.ast.expr(e).kind.clone();
        let v = self.temp();
        let ok = self.temp();
        match kind {
            ExprKind::Index { x, index } => {
                let m = self.expr(x)?.reg;
                let k = self.expr(index)?.reg;
                let t = self.ty(e);
                self.zero(v, t);
                self.emit_access(
                    Instr::MapGet {
                        dst: v,
                        m,
                        key: k,
                        ok: Some(ok),
                    },
                    Some(x),
                );
            }
            ExprKind::Operation {
                op: Op::Recv,
                x,
                y: None,
            } => {
                let ch = self.expr(x)?.reg;
                self.emit(Instr::Recv {
                    dst: Some(v),
                    ch,
                    ok: Some(ok),
                });
            }
            ExprKind::Assert { x, .. } => {
                let src = self.expr(x)?.reg;
                let t = self.ty(e);
                let rt = self.c.rt_type(t);
                self.emit(Instr::TypeAssert {
                    dst: v,
                    src,
                    ty: rt,
                    ok: Some(ok),
                });
            }
            _ => return Err("unexpected comma-ok expression".into()),
        }
        Ok((v, ok))
    }

    fn assign(&mut self, kind: AssignKind, lhs: &[ExprId], rhs: &[ExprId]) -> CResult<()> {
        match kind {
            AssignKind::Define => {
                let mark = self.mark();
                let vals = self.rhs_values(rhs, lhs.len(), None)?;
                // Existing variables on the left are assigned; new ones declared.
                let mut targets = Vec::new();
                for &l in lhs {
                    let new = self.c.prog.info.defs.get(&l).copied();
                    targets.push(new);
                }
                // Values must survive until all are bound: copy those below the
                // new variables' registers out of the way first.
                self.release(mark);
                let top = vals.iter().map(|r| r.0 + 1).max().unwrap_or(mark);
                self.next_reg = self.next_reg.max(top);
                let mut pending = Vec::new();
                for ((l, t), v) in lhs.iter().zip(targets).zip(vals) {
                    match t {
                        Some(o) if self.c.ast.name_str(*l) != "_" => pending.push((o, v)),
                        Some(_) => {}
                        None => {
                            let p = self.place(*l)?;
                            let vt = self.place_type(&p).unwrap_or(TypeId::INVALID);
                            let _ = vt;
                            self.store(
                                &p,
                                Val {
                                    reg: v,
                                    fresh: true,
                                },
                            );
                        }
                    }
                }
                // Declare in order from `mark` up: the values sit in
                // increasing registers at or above their variables', so each
                // is moved down (or is already in place) before it is
                // overwritten.
                self.release(mark);
                for (o, v) in &pending {
                    self.declare_var(*o, *v);
                }
                Ok(())
            }
            AssignKind::Plain => {
                let mark = self.mark();
                if lhs.len() == 1 && rhs.len() == 1 {
                    let p = self.place(lhs[0])?;
                    let pt = self.place_type(&p).unwrap_or(TypeId::INVALID);
                    let v = self.expr_as(rhs[0], pt)?;
                    let t = if self.c.is_iface(pt) {
                        pt
                    } else {
                        self.used_type(rhs[0])
                    };
                    let v = if matches!(
                        p,
                        Place::Reg(..)
                            | Place::Boxed(..)
                            | Place::Global(..)
                            | Place::Field(..)
                            | Place::Index(..)
                            | Place::Ptr(..)
                    ) && self.c.is_agg(t)
                    {
                        v
                    } else {
                        let r = self.owned(v, t);
                        Val {
                            reg: r,
                            fresh: true,
                        }
                    };
                    self.store(&p, v);
                } else {
                    // Evaluate places' operands, then values, then store left to right.
                    let mut places = Vec::new();
                    for &l in lhs {
                        places.push(self.place(l)?);
                    }
                    let types: Vec<TypeId> = places
                        .iter()
                        .map(|p| self.place_type(p).unwrap_or(TypeId::INVALID))
                        .collect();
                    let vals = self.rhs_values(rhs, lhs.len(), Some(&types))?;
                    // Copy values into fresh registers so stores cannot clobber them.
                    let mut copies = Vec::new();
                    for v in vals {
                        let r = self.temp();
                        self.emit(Instr::Move { dst: r, src: v });
                        copies.push(r);
                    }
                    for (p, v) in places.iter().zip(copies) {
                        self.store(
                            p,
                            Val {
                                reg: v,
                                fresh: true,
                            },
                        );
                    }
                }
                self.release(mark);
                Ok(())
            }
            AssignKind::Op(op) => {
                let mark = self.mark();
                let p = self.place(lhs[0])?;
                let cur = self.load_place(&p);
                let t = self.place_type(&p).unwrap_or(TypeId::INVALID);
                // A register variable is updated in place.
                let dst = match p {
                    Place::Reg(r, _) => r,
                    _ => self.temp(),
                };
                self.arith(dst, op, t, cur.reg, rhs[0])?;
                if !matches!(p, Place::Reg(..)) {
                    self.store(
                        &p,
                        Val {
                            reg: dst,
                            fresh: true,
                        },
                    );
                }
                self.release(mark);
                Ok(())
            }
            AssignKind::IncDec(op) => {
                let mark = self.mark();
                let p = self.place(lhs[0])?;
                let cur = self.load_place(&p);
                let t = self.place_type(&p).unwrap_or(TypeId::INVALID);
                let dst = match p {
                    Place::Reg(r, _) => r,
                    _ => self.temp(),
                };
                if let Some(ity) = self.c.int_ty(t) {
                    let iop = if op == Op::Add {
                        IntOp::Add
                    } else {
                        IntOp::Sub
                    };
                    self.emit(Instr::IntImm {
                        op: iop,
                        ty: ity,
                        dst,
                        a: cur.reg,
                        imm: 1,
                    });
                } else {
                    let one = self.temp();
                    let k = self.c.const_val(crate::bytecode::Const::Float(1.0));
                    self.emit(Instr::LoadConst { dst: one, k });
                    let fty = self.c.float_ty(t).unwrap_or(crate::bytecode::FloatTy::F64);
                    let fop = if op == Op::Add {
                        FloatOp::Add
                    } else {
                        FloatOp::Sub
                    };
                    self.emit(Instr::Float {
                        op: fop,
                        ty: fty,
                        dst,
                        a: cur.reg,
                        b: one,
                    });
                }
                if !matches!(p, Place::Reg(..)) {
                    self.store(
                        &p,
                        Val {
                            reg: dst,
                            fresh: true,
                        },
                    );
                }
                self.release(mark);
                Ok(())
            }
        }
    }

    /// `dst = a op y` for an op-assignment on type `t`.
    fn arith(&mut self, dst: Reg, op: Op, t: TypeId, a: Reg, y: ExprId) -> CResult<()> {
        if let (Some(ity), Some(iop)) = (self.c.int_ty(t), int_op(op)) {
            if let Some(imm) = self.small_int_const(y) {
                self.emit(Instr::IntImm {
                    op: iop,
                    ty: ity,
                    dst,
                    a,
                    imm,
                });
                return Ok(());
            }
            let b = self.expr(y)?.reg;
            self.emit(Instr::Int {
                op: iop,
                ty: ity,
                dst,
                a,
                b,
            });
            return Ok(());
        }
        let b = self.expr(y)?.reg;
        if let Some(fty) = self.c.float_ty(t) {
            let fop = match op {
                Op::Add => FloatOp::Add,
                Op::Sub => FloatOp::Sub,
                Op::Mul => FloatOp::Mul,
                Op::Div => FloatOp::Div,
                _ => return Err("bad float op-assignment".into()),
            };
            self.emit(Instr::Float {
                op: fop,
                ty: fty,
                dst,
                a,
                b,
            });
            return Ok(());
        }
        if self.c.prog.types.is_string(t) && op == Op::Add {
            self.emit(Instr::Concat { dst, a, b });
            return Ok(());
        }
        Err(format!("unsupported op-assignment {op:?}"))
    }

    // ===== control flow =====

    fn branch(&mut self, tok: Tok, label: Option<ExprId>) -> CResult<()> {
        let label = label.map(|l| self.c.ast.name_str(l).to_string());
        match tok {
            Tok::Break => {
                let j = self.jump();
                let ctx = self
                    .loops
                    .iter_mut()
                    .rev()
                    .find(|l| label.is_none() || l.label == label)
                    .ok_or("break outside a loop")?;
                ctx.breaks.push(j);
            }
            Tok::Continue => {
                let j = self.jump();
                let ctx = self
                    .loops
                    .iter_mut()
                    .rev()
                    .find(|l| l.continues.is_some() && (label.is_none() || l.label == label))
                    .ok_or("continue outside a loop")?;
                if let Some(c) = &mut ctx.continues {
                    c.push(j);
                }
            }
            Tok::Fallthrough => {
                let j = self.jump();
                self.fallthroughs.push(j);
            }
            Tok::Goto => {
                let name = label.ok_or("goto without label")?;
                match self.labels.get(&name) {
                    Some(&to) => {
                        self.emit(Instr::Jump { to });
                    }
                    None => {
                        let j = self.jump();
                        self.gotos.push((name, j));
                    }
                }
            }
            _ => return Err("unexpected branch statement".into()),
        }
        Ok(())
    }

    fn push_loop(&mut self, label: Option<String>, continuable: bool) {
        self.loops.push(LoopCtx {
            label,
            breaks: Vec::new(),
            continues: continuable.then(Vec::new),
        });
    }

    /// Pops the innermost loop: patches its breaks here and its continues to `cont`.
    fn pop_loop(&mut self, cont: Option<u32>) {
        let ctx = self.loops.pop().expect("loop stack");
        let here = self.here();
        for j in ctx.breaks {
            self.patch_to(j, here);
        }
        if let (Some(cs), Some(to)) = (ctx.continues, cont) {
            for j in cs {
                self.patch_to(j, to);
            }
        }
    }

    fn for_loop(
        &mut self,
        label: Option<String>,
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: &Block,
    ) -> CResult<()> {
        let mark = self.mark();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        // Go 1.22: loop variables declared by the init statement are fresh
        // each iteration; those that live in boxes get a new box.
        let per_iter: Vec<(ObjId, Reg)> = self.init_decls(init);
        // The test sits at the bottom (one branch per iteration instead of
        // a test and a jump): jump to it first.
        let to_test = cond.map(|_| self.jump());
        let top = self.here();
        self.push_loop(label, true);
        self.block(&body.stmts)?;
        let cont = self.here();
        for &(o, r) in &per_iter {
            let t = self.temp();
            self.emit(Instr::LoadBox { dst: t, boxed: r });
            let oname = self.c.obj_name(o).to_string();
            let n = self.c.name(&oname);
            self.emit(Instr::Box {
                dst: r,
                init: t,
                name: n,
            });
            self.release(t.0);
        }
        if let Some(p) = post {
            self.stmt(p)?;
        }
        match (cond, to_test) {
            (Some(c), Some(j)) => {
                self.patch(j);
                self.cond_true_jump(c, top)?;
            }
            _ => {
                self.emit(Instr::Jump { to: top });
            }
        }
        self.pop_loop(Some(cont));
        self.release(mark);
        Ok(())
    }

    /// Jumps to `to` when condition `e` holds.
    fn cond_true_jump(&mut self, e: ExprId, to: u32) -> CResult<()> {
        let saved = self.set_span_expr(e);
        let mark = self.mark();
        let e2 = self.c.ast.unparen(e);
        if let ExprKind::Operation { op, x, y: Some(y) } = self.c.ast.expr(e2).kind.clone() {
            if let Some(cmp) = cmp_of(op) {
                let xt = self.used_type(x);
                if let Some(ity) = self.c.int_ty(xt) {
                    let a = self.expr(x)?;
                    let b = self.expr(y)?;
                    // "jump unless not (a cmp b)": the negated comparison.
                    self.emit(Instr::JumpIfNotCmpInt {
                        op: negate(cmp),
                        ty: ity,
                        a: a.reg,
                        b: b.reg,
                        to,
                    });
                    self.release(mark);
                    self.span = saved;
                    return Ok(());
                }
            }
        }
        let v = self.expr(e)?;
        self.emit(Instr::JumpIf { cond: v.reg, to });
        self.release(mark);
        self.span = saved;
        Ok(())
    }

    /// Boxed variables declared by a for loop's init statement.
    fn init_decls(&self, init: Option<StmtId>) -> Vec<(ObjId, Reg)> {
        let Some(i) = init else { return Vec::new() };
        let StmtKind::Assign {
            kind: AssignKind::Define,
            lhs,
            ..
        } = &self.c.ast.stmt(i).kind
        else {
            return Vec::new();
        };
        lhs.iter()
            .filter_map(|l| self.c.prog.info.defs.get(l).copied())
            .filter_map(|o| match self.vars.get(&o) {
                Some(VarLoc::Boxed(r)) => Some((o, *r)),
                _ => None,
            })
            .collect()
    }

    /// Binds a range variable for this iteration: `def` declares (a fresh
    /// box each iteration when boxed), otherwise assigns.
    fn bind_range_var(
        &mut self,
        e: Option<ExprId>,
        def: bool,
        v: Val,
        t: TypeId,
        slot: &mut Option<VarLoc>,
    ) -> CResult<()> {
        let Some(e) = e else { return Ok(()) };
        if self.c.ast.name_str(e) == "_" && matches!(self.c.ast.expr(e).kind, ExprKind::Name(_)) {
            return Ok(());
        }
        let v = Val {
            reg: self.owned(v, t),
            fresh: true,
        };
        if def {
            let o = *self
                .c
                .prog
                .info
                .defs
                .get(&e)
                .ok_or("range variable without object")?;
            match *slot {
                None => {
                    let loc = self.declare_var(o, v.reg);
                    *slot = Some(loc);
                }
                Some(VarLoc::Reg(r)) => {
                    self.emit(Instr::Move { dst: r, src: v.reg });
                }
                Some(VarLoc::Boxed(r)) => {
                    let oname = self.c.obj_name(o).to_string();
                    let n = self.c.name(&oname);
                    self.emit(Instr::Box {
                        dst: r,
                        init: v.reg,
                        name: n,
                    });
                }
            }
            return Ok(());
        }
        let p = self.place(e)?;
        self.store(&p, v);
        Ok(())
    }

    /// Reserves storage for range variables before the loop so every
    /// iteration binds the same registers.
    fn prebind(&mut self, e: Option<ExprId>, def: bool, t: TypeId) -> CResult<Option<VarLoc>> {
        let Some(e) = e else { return Ok(None) };
        if !def || self.c.ast.name_str(e) == "_" {
            return Ok(None);
        }
        let o = *self
            .c
            .prog
            .info
            .defs
            .get(&e)
            .ok_or("range variable without object")?;
        let z = self.temp();
        self.zero(z, t);
        Ok(Some(self.declare_var(o, z)))
    }

    fn range_loop(
        &mut self,
        label: Option<String>,
        key: Option<ExprId>,
        value: Option<ExprId>,
        def: bool,
        x: ExprId,
        body: &Block,
    ) -> CResult<()> {
        let mark = self.mark();
        let xt = self.ty(x);
        let under = self.c.prog.types.underlying(xt);
        let kt = key.map_or(TypeId::INVALID, |k| self.var_type_of(k));
        let vt = value.map_or(TypeId::INVALID, |v| self.var_type_of(v));
        let mut kslot = self.prebind(key, def, kt)?;
        let mut vslot = self.prebind(value, def, vt)?;
        let ty = self.c.prog.types.get(under).clone();
        match ty {
            Type::Basic { .. } if self.c.prog.types.is_string(under) => {
                let s = self.expr(x)?.reg;
                let idx = self.temp();
                self.emit(Instr::LoadInt { dst: idx, imm: 0 });
                let len = self.temp();
                self.emit(Instr::Builtin1 {
                    op: crate::bytecode::Builtin1::LenString,
                    dst: len,
                    a: s,
                });
                let rune = self.temps(2);
                let top = self.here();
                let end = self.emit(Instr::JumpIfNotCmpInt {
                    op: CmpOp::Lt,
                    ty: crate::bytecode::IntTy::I64,
                    a: idx,
                    b: len,
                    to: 0,
                });
                self.emit(Instr::DecodeRune { dst: rune, s, idx });
                self.bind_range_var(
                    key,
                    def,
                    Val {
                        reg: idx,
                        fresh: true,
                    },
                    kt,
                    &mut kslot,
                )?;
                self.bind_range_var(
                    value,
                    def,
                    Val {
                        reg: rune,
                        fresh: true,
                    },
                    vt,
                    &mut vslot,
                )?;
                self.push_loop(label, true);
                self.block(&body.stmts)?;
                let cont = self.here();
                self.emit(Instr::Int {
                    op: IntOp::Add,
                    ty: crate::bytecode::IntTy::I64,
                    dst: idx,
                    a: idx,
                    b: Reg(rune.0 + 1),
                });
                self.emit(Instr::Jump { to: top });
                self.patch(end);
                self.pop_loop(Some(cont));
            }
            Type::Basic { .. } => {
                // range over an integer
                let n = self.expr(x)?.reg;
                let ity = self.c.int_ty(under).unwrap_or(crate::bytecode::IntTy::I64);
                let idx = self.temp();
                self.emit(Instr::LoadInt { dst: idx, imm: 0 });
                let top = self.here();
                let end = self.emit(Instr::JumpIfNotCmpInt {
                    op: CmpOp::Lt,
                    ty: ity,
                    a: idx,
                    b: n,
                    to: 0,
                });
                self.bind_range_var(
                    key,
                    def,
                    Val {
                        reg: idx,
                        fresh: true,
                    },
                    kt,
                    &mut kslot,
                )?;
                self.push_loop(label, true);
                self.block(&body.stmts)?;
                let cont = self.here();
                self.emit(Instr::IntImm {
                    op: IntOp::Add,
                    ty: ity,
                    dst: idx,
                    a: idx,
                    imm: 1,
                });
                self.emit(Instr::Jump { to: top });
                self.patch(end);
                self.pop_loop(Some(cont));
            }
            Type::Slice(elem) | Type::Array { elem, .. } => {
                self.range_seq(
                    label, key, value, def, x, elem, body, &mut kslot, &mut vslot, kt, vt,
                )?;
            }
            Type::Pointer(inner) => {
                let elem = match self.c.prog.types.under(inner) {
                    Type::Array { elem, .. } => *elem,
                    _ => return Err("range over pointer to non-array".into()),
                };
                self.range_seq(
                    label, key, value, def, x, elem, body, &mut kslot, &mut vslot, kt, vt,
                )?;
            }
            Type::Map { .. } => {
                let m = self.expr(x)?.reg;
                let it = self.temp();
                self.emit_access(Instr::MapIter { dst: it, m }, Some(x));
                let k = self.temp();
                let v = self.temp();
                let top = self.here();
                let end = self.emit_access(
                    Instr::MapNext {
                        iter: it,
                        key: k,
                        val: value.map(|_| v),
                        done: 0,
                    },
                    Some(x),
                );
                self.bind_range_var(
                    key,
                    def,
                    Val {
                        reg: k,
                        fresh: true,
                    },
                    kt,
                    &mut kslot,
                )?;
                self.bind_range_var(
                    value,
                    def,
                    Val {
                        reg: v,
                        fresh: true,
                    },
                    vt,
                    &mut vslot,
                )?;
                self.push_loop(label, true);
                self.block(&body.stmts)?;
                self.emit(Instr::Jump { to: top });
                self.patch(end);
                self.pop_loop(Some(top));
            }
            Type::Chan { .. } => {
                let ch = self.expr(x)?.reg;
                let v = self.temp();
                let ok = self.temp();
                let top = self.here();
                self.emit(Instr::Recv {
                    dst: Some(v),
                    ch,
                    ok: Some(ok),
                });
                let end = self.jump_if_not(ok);
                self.bind_range_var(
                    key,
                    def,
                    Val {
                        reg: v,
                        fresh: true,
                    },
                    kt,
                    &mut kslot,
                )?;
                self.push_loop(label, true);
                self.block(&body.stmts)?;
                self.emit(Instr::Jump { to: top });
                self.patch(end);
                self.pop_loop(Some(top));
            }
            _ => return Err("range over this type is not supported by the playground".into()),
        }
        self.release(mark);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn range_seq(
        &mut self,
        label: Option<String>,
        key: Option<ExprId>,
        value: Option<ExprId>,
        def: bool,
        x: ExprId,
        elem: TypeId,
        body: &Block,
        kslot: &mut Option<VarLoc>,
        vslot: &mut Option<VarLoc>,
        kt: TypeId,
        vt: TypeId,
    ) -> CResult<()> {
        let s = self.expr(x)?.reg;
        let len = self.temp();
        let xt = self.c.prog.types.underlying(self.ty(x));
        match self.c.prog.types.get(xt).clone() {
            Type::Slice(_) => {
                self.emit(Instr::Builtin1 {
                    op: crate::bytecode::Builtin1::LenSlice,
                    dst: len,
                    a: s,
                });
            }
            Type::Array { len: n, .. } => {
                self.emit(Instr::LoadInt {
                    dst: len,
                    imm: n as i32,
                });
            }
            Type::Pointer(inner) => {
                let n = match self.c.prog.types.under(inner) {
                    Type::Array { len, .. } => *len,
                    _ => 0,
                };
                self.emit(Instr::LoadInt {
                    dst: len,
                    imm: n as i32,
                });
            }
            _ => {}
        }
        let idx = self.temp();
        self.emit(Instr::LoadInt { dst: idx, imm: 0 });
        let top = self.here();
        let end = self.emit(Instr::JumpIfNotCmpInt {
            op: CmpOp::Lt,
            ty: crate::bytecode::IntTy::I64,
            a: idx,
            b: len,
            to: 0,
        });
        self.bind_range_var(
            key,
            def,
            Val {
                reg: idx,
                fresh: true,
            },
            kt,
            kslot,
        )?;
        if value.is_some() {
            let v = self.temp();
            if self.c.is_agg(elem) {
                self.emit(Instr::IndexRef {
                    dst: v,
                    seq: s,
                    idx,
                });
            } else {
                self.emit_access(
                    Instr::LoadIndex {
                        dst: v,
                        seq: s,
                        idx,
                    },
                    Some(x),
                );
            }
            self.bind_range_var(
                value,
                def,
                Val {
                    reg: v,
                    fresh: false,
                },
                vt,
                vslot,
            )?;
        }
        self.push_loop(label, true);
        self.block(&body.stmts)?;
        let cont = self.here();
        self.emit(Instr::IntImm {
            op: IntOp::Add,
            ty: crate::bytecode::IntTy::I64,
            dst: idx,
            a: idx,
            imm: 1,
        });
        self.emit(Instr::Jump { to: top });
        self.patch(end);
        self.pop_loop(Some(cont));
        Ok(())
    }

    /// The type of a range variable expression (defined or assigned).
    fn var_type_of(&self, e: ExprId) -> TypeId {
        match self.c.prog.info.defs.get(&e) {
            Some(&o) => self.c.obj_type(o),
            None => self.ty(e),
        }
    }

    // ===== switch =====

    fn expr_switch(
        &mut self,
        label: Option<String>,
        tag: Option<ExprId>,
        body: &[CaseClause],
    ) -> CResult<()> {
        let (tag_reg, tag_t) = match tag {
            Some(t) => {
                let r = self.temp();
                self.expr_into(t, r)?;
                (Some(r), self.used_type(t))
            }
            None => (None, TypeId::INVALID),
        };
        // Tests, in order; each jumps to its clause's body.
        let mut to_body: Vec<Vec<usize>> = vec![Vec::new(); body.len()];
        let mut default = None;
        for (i, clause) in body.iter().enumerate() {
            let Some(cases) = &clause.cases else {
                default = Some(i);
                continue;
            };
            for &c in cases {
                let mark = self.mark();
                let saved = self.set_span_expr(c);
                match tag_reg {
                    Some(tr) => {
                        let v = self.expr(c)?;
                        let t = if self.c.is_iface(tag_t) {
                            tag_t
                        } else {
                            self.used_type(c)
                        };
                        let dst = self.temp();
                        self.compare(dst, CmpOp::Eq, t, tr, v.reg);
                        to_body[i].push(self.jump_if(dst));
                    }
                    None => {
                        let v = self.expr(c)?;
                        to_body[i].push(self.jump_if(v.reg));
                    }
                }
                self.span = saved;
                self.release(mark);
            }
        }
        let to_default = self.jump();
        self.push_loop(label, false);
        let mut ends = Vec::new();
        let mut pending_fall: Vec<usize> = Vec::new();
        for (i, clause) in body.iter().enumerate() {
            for j in std::mem::take(&mut to_body[i]) {
                self.patch(j);
            }
            if default == Some(i) {
                self.patch(to_default);
            }
            for j in pending_fall.drain(..) {
                self.patch(j);
            }
            let saved_falls = std::mem::take(&mut self.fallthroughs);
            self.block(&clause.body)?;
            pending_fall = std::mem::replace(&mut self.fallthroughs, saved_falls);
            ends.push(self.jump());
        }
        if default.is_none() {
            self.patch(to_default);
        }
        for j in ends {
            self.patch(j);
        }
        self.pop_loop(None);
        Ok(())
    }

    fn type_switch(
        &mut self,
        label: Option<String>,
        s: StmtId,
        lhs: Option<ExprId>,
        x: ExprId,
        body: &[CaseClause],
    ) -> CResult<()> {
        let xv = self.temp();
        self.expr_into(x, xv)?;
        let xt = self.ty(x);
        let tid = self.temp();
        self.emit(Instr::IfaceType { dst: tid, src: xv });
        let mut to_body: Vec<Vec<usize>> = vec![Vec::new(); body.len()];
        let mut default = None;
        for (i, clause) in body.iter().enumerate() {
            let Some(cases) = &clause.cases else {
                default = Some(i);
                continue;
            };
            for &c in cases {
                let ct = self.c.prog.info.case_types.get(&c).copied().flatten();
                let dst = self.temp();
                match ct {
                    None => {
                        self.emit(Instr::CmpIntImm {
                            op: CmpOp::Eq,
                            ty: crate::bytecode::IntTy::I64,
                            dst,
                            a: tid,
                            imm: -1,
                        });
                    }
                    Some(t) if self.c.is_iface(t) => {
                        let rt = self.c.rt_type(t);
                        self.emit(Instr::Implements {
                            dst,
                            ty_reg: tid,
                            iface: rt,
                        });
                    }
                    Some(t) => {
                        let rt = self.c.rt_type(t);
                        self.emit(Instr::CmpIntImm {
                            op: CmpOp::Eq,
                            ty: crate::bytecode::IntTy::I64,
                            dst,
                            a: tid,
                            imm: rt.0 as i32,
                        });
                    }
                }
                to_body[i].push(self.jump_if(dst));
                self.release(dst.0);
            }
        }
        let to_default = self.jump();
        self.push_loop(label, false);
        let mut ends = Vec::new();
        for (i, clause) in body.iter().enumerate() {
            for j in std::mem::take(&mut to_body[i]) {
                self.patch(j);
            }
            if default == Some(i) {
                self.patch(to_default);
            }
            let mark = self.mark();
            // The clause's variable: the asserted value for a single concrete
            // type, the interface value otherwise.
            if lhs.is_some() {
                if let Some(&o) = self.c.prog.info.implicits.get(&(s, i as u32)) {
                    let vt = self.c.obj_type(o);
                    let v = self.temp();
                    if self.c.is_iface(vt) || crate::types::TypeId::INVALID == vt {
                        self.emit(Instr::Move { dst: v, src: xv });
                    } else {
                        let rt = self.c.rt_type(vt);
                        let ok = self.temp();
                        self.emit(Instr::TypeAssert {
                            dst: v,
                            src: xv,
                            ty: rt,
                            ok: Some(ok),
                        });
                    }
                    let _ = xt;
                    self.declare_var(o, v);
                }
            }
            self.block(&clause.body)?;
            self.release(mark);
            ends.push(self.jump());
        }
        if default.is_none() {
            self.patch(to_default);
        }
        for j in ends {
            self.patch(j);
        }
        self.pop_loop(None);
        Ok(())
    }

    // ===== select =====

    fn select(&mut self, label: Option<String>, body: &[CommClause]) -> CResult<()> {
        let mut cases = Vec::new();
        let mut recv_binds: Vec<Option<(StmtId, Reg, Option<Reg>)>> = Vec::new();
        let mut default = None;
        let mut clause_of_case = Vec::new();
        for (i, clause) in body.iter().enumerate() {
            let Some(comm) = clause.comm else {
                default = Some(i);
                continue;
            };
            let span = self.c.ast.stmt(comm).span;
            match self.c.ast.stmt(comm).kind.clone() {
                StmtKind::Send { chan, value } => {
                    let ch = self.temp();
                    self.expr_into(chan, ch)?;
                    let v = self.temp();
                    let et = self.chan_elem(self.ty(chan));
                    self.expr_to_as(value, v, et)?;

                    cases.push(SelectCase {
                        send: true,
                        ch,
                        val: Some(v),
                        ok: None,
                        span,
                    });
                    recv_binds.push(None);
                }
                StmtKind::Expr(e) => {
                    let ExprKind::Operation {
                        op: Op::Recv,
                        x,
                        y: None,
                    } = self.c.ast.expr(self.c.ast.unparen(e)).kind.clone()
                    else {
                        return Err("select case is not a communication".into());
                    };
                    let ch = self.temp();
                    self.expr_into(x, ch)?;
                    cases.push(SelectCase {
                        send: false,
                        ch,
                        val: None,
                        ok: None,
                        span,
                    });
                    recv_binds.push(None);
                }
                StmtKind::Assign { lhs, rhs, .. } => {
                    let re = self.c.ast.unparen(rhs[0]);
                    let ExprKind::Operation {
                        op: Op::Recv,
                        x,
                        y: None,
                    } = self.c.ast.expr(re).kind.clone()
                    else {
                        return Err("select case is not a receive".into());
                    };
                    let ch = self.temp();
                    self.expr_into(x, ch)?;
                    let v = self.temp();
                    let ok = if lhs.len() > 1 {
                        Some(self.temp())
                    } else {
                        None
                    };
                    cases.push(SelectCase {
                        send: false,
                        ch,
                        val: Some(v),
                        ok,
                        span,
                    });
                    recv_binds.push(Some((comm, v, ok)));
                }
                _ => return Err("unexpected select case".into()),
            }
            clause_of_case.push(i);
        }
        let table = SelectId(self.selects.len() as u32);
        let ncases = cases.len();
        self.selects.push(SelectTable {
            cases,
            has_default: default.is_some(),
        });
        let idx = self.temp();
        self.emit(Instr::Select { table, dst: idx });
        let mut to_body: Vec<Option<usize>> = vec![None; body.len()];
        for (k, &ci) in clause_of_case.iter().enumerate() {
            let t = self.temp();
            self.emit(Instr::CmpIntImm {
                op: CmpOp::Eq,
                ty: crate::bytecode::IntTy::I64,
                dst: t,
                a: idx,
                imm: k as i32,
            });
            to_body[ci] = Some(self.jump_if(t));
        }
        let to_default = self.jump();
        let _ = ncases;
        self.push_loop(label, false);
        let mut ends = Vec::new();
        let mut k = 0;
        for (i, clause) in body.iter().enumerate() {
            if let Some(j) = to_body[i] {
                self.patch(j);
            }
            if default == Some(i) {
                self.patch(to_default);
            }
            let mark = self.mark();
            if clause.comm.is_some() {
                if let Some((comm, v, ok)) = recv_binds[k] {
                    let StmtKind::Assign { kind, lhs, .. } = self.c.ast.stmt(comm).kind.clone()
                    else {
                        unreachable!("checked above")
                    };
                    let vals: Vec<Reg> = std::iter::once(v).chain(ok).collect();
                    for (l, r) in lhs.iter().zip(vals) {
                        if kind == AssignKind::Define {
                            if let Some(&o) = self.c.prog.info.defs.get(l) {
                                if self.c.ast.name_str(*l) != "_" {
                                    self.declare_var(o, r);
                                }
                            }
                        } else {
                            let p = self.place(*l)?;
                            self.store(
                                &p,
                                Val {
                                    reg: r,
                                    fresh: true,
                                },
                            );
                        }
                    }
                }
                k += 1;
            }
            self.block(&clause.body)?;
            self.release(mark);
            ends.push(self.jump());
        }
        if default.is_none() {
            self.patch(to_default);
        }
        for j in ends {
            self.patch(j);
        }
        self.pop_loop(None);
        Ok(())
    }

    // ===== return =====

    fn ret(&mut self, results: &[ExprId]) -> CResult<()> {
        let mark = self.mark();
        let n = self.result_types.len() as u16;
        if results.is_empty() {
            if self.has_defer || n == 0 {
                self.emit(Instr::Ret { src: Reg(0), n });
            } else {
                // Bare return with named results.
                let base = self.temps(n);
                for (i, &o) in self.result_vars.clone().iter().enumerate() {
                    let v = self.load_var(o, crate::objects::VarKind::Result, None)?;
                    let t = self.c.obj_type(o);
                    let r = self.owned(v, t);
                    self.emit(Instr::Move {
                        dst: Reg(base.0 + i as u16),
                        src: r,
                    });
                }
                self.emit(Instr::Ret { src: base, n });
            }
            self.release(mark);
            return Ok(());
        }
        let vals: Vec<Reg> = if results.len() == 1 && n > 1 {
            let base = self.call(self.c.ast.unparen(results[0]), n as usize)?;
            self.convert_spread(
                base,
                self.c.ast.unparen(results[0]),
                &self.result_types.clone(),
            )?;
            (0..n).map(|i| Reg(base.0 + i)).collect()
        } else {
            let mut v = Vec::new();
            for (i, &e) in results.iter().enumerate() {
                let r = self.temp();
                let t = self.result_types.get(i).copied().unwrap_or(TypeId::INVALID);
                self.expr_to_as(e, r, t)?;
                v.push(r);
            }
            v
        };
        if self.has_defer {
            for (i, r) in vals.iter().enumerate() {
                let slot = self.result_slots[i];
                if slot.boxed {
                    self.emit(Instr::StoreBox {
                        boxed: slot.reg,
                        src: *r,
                    });
                } else {
                    self.emit(Instr::Move {
                        dst: slot.reg,
                        src: *r,
                    });
                }
            }
            self.emit(Instr::Ret { src: Reg(0), n });
        } else {
            let base = self.temps(n);
            for (i, r) in vals.iter().enumerate() {
                self.emit(Instr::Move {
                    dst: Reg(base.0 + i as u16),
                    src: *r,
                });
            }
            self.emit(Instr::Ret { src: base, n });
        }
        self.release(mark);
        Ok(())
    }
}

fn cmp_of(op: Op) -> Option<CmpOp> {
    Some(match op {
        Op::Eql => CmpOp::Eq,
        Op::Neq => CmpOp::Ne,
        Op::Lss => CmpOp::Lt,
        Op::Leq => CmpOp::Le,
        Op::Gtr => CmpOp::Gt,
        Op::Geq => CmpOp::Ge,
        _ => return None,
    })
}

fn negate(c: CmpOp) -> CmpOp {
    match c {
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
        CmpOp::Ge => CmpOp::Lt,
    }
}
