//! Expressions: constants, variables, operators, selectors, indexing, literals and closures.

use crate::ast::{ExprId, ExprKind};
use crate::bytecode::{CmpOp, Const, FloatOp, Instr, IntOp, IntTy, Reg};
use crate::compile::func::{CResult, FnCompiler, VarLoc};
use crate::constant::Value as CValue;
use crate::info::{Mode, SelectionKind};
use crate::objects::{ObjId, ObjKind, VarKind};
use crate::token::Op;
use crate::types::{BasicKind, Type, TypeId};

/// A value in a register. `fresh` aggregates are owned by whoever holds the
/// register; borrowed ones must be cloned before being stored.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Val {
    pub reg: Reg,
    pub fresh: bool,
}

impl FnCompiler<'_, '_> {
    pub(crate) fn ty(&self, e: ExprId) -> TypeId {
        self.c
            .prog
            .info
            .type_of(e)
            .map_or(TypeId::INVALID, |t| t.typ)
    }

    fn const_of(&self, e: ExprId) -> Option<CValue> {
        let tv = self.c.prog.info.type_of(e)?;
        if tv.mode == Mode::Constant {
            tv.value.clone()
        } else {
            None
        }
    }

    /// Emits the zero value of `t` into `dst`.
    pub(crate) fn zero(&mut self, dst: Reg, t: TypeId) {
        let k = self.c.prog.types.basic_kind(t);
        if self.c.int_ty(t).is_some() {
            self.emit(Instr::LoadInt { dst, imm: 0 });
        } else if let Some(k) = k.filter(|k| k.is_boolean()) {
            let _ = k;
            self.emit(Instr::LoadBool { dst, v: false });
        } else if self.c.float_ty(t).is_some() || self.c.prog.types.is_string(t) || self.c.is_agg(t)
        {
            let rt = self.c.rt_type(t);
            self.emit(Instr::Zero { dst, ty: rt });
        } else {
            self.emit(Instr::LoadNil { dst });
        }
    }

    /// Loads constant `v` converted to type `t` into `dst`.
    pub(crate) fn load_const(&mut self, dst: Reg, t: TypeId, v: &CValue) {
        if self.c.is_iface(t) {
            // A constant converted to an interface: box it with its default type.
            let def = self.c.prog.types.default_type(self.const_default(v));
            let tmp = self.temp();
            self.load_const(tmp, def, v);
            let rt = self.c.rt_type(def);
            self.emit(Instr::MakeIface {
                dst,
                src: tmp,
                ty: rt,
            });
            return;
        }
        match v {
            CValue::Bool(b) => {
                self.emit(Instr::LoadBool { dst, v: *b });
            }
            CValue::String(s) => {
                let k = self.c.const_str(s);
                self.emit(Instr::LoadConst { dst, k });
            }
            CValue::Int(_) | CValue::Float(_) | CValue::Rat(..) if self.c.float_ty(t).is_some() => {
                let f = v.to_float().unwrap_or(0.0);
                let f = if self.c.float_ty(t) == Some(crate::bytecode::FloatTy::F32) {
                    f as f32 as f64
                } else {
                    f
                };
                let k = self.c.const_val(Const::Float(f));
                self.emit(Instr::LoadConst { dst, k });
            }
            CValue::Int(_) | CValue::Float(_) | CValue::Rat(..) => {
                let i = v.to_int().unwrap_or(0);
                let ity = self.c.int_ty(t).unwrap_or(IntTy::I64);
                let raw = if ity.is_signed() {
                    i as i64
                } else {
                    i as u64 as i64
                };
                let canon = ity.wrap(raw);
                if let Ok(imm) = i32::try_from(canon) {
                    self.emit(Instr::LoadInt { dst, imm });
                } else {
                    let k = self.c.const_val(Const::Int(canon));
                    self.emit(Instr::LoadConst { dst, k });
                }
            }
            CValue::BigFloat(..) => {
                let f = v.to_float().unwrap_or(0.0);
                let k = self.c.const_val(Const::Float(f));
                self.emit(Instr::LoadConst { dst, k });
            }
            CValue::Unknown => {
                self.emit(Instr::LoadNil { dst });
            }
        }
    }

    fn const_default(&self, v: &CValue) -> TypeId {
        match v {
            CValue::Bool(_) => TypeId::basic(BasicKind::Bool),
            CValue::String(_) => TypeId::basic(BasicKind::String),
            CValue::Int(_) => TypeId::basic(BasicKind::Int),
            CValue::Float(_) | CValue::Rat(..) | CValue::BigFloat(..) => {
                TypeId::basic(BasicKind::Float64)
            }
            CValue::Unknown => TypeId::INVALID,
        }
    }

    /// Evaluates `e` (with its implicit interface conversion, if any).
    pub(crate) fn expr(&mut self, e: ExprId) -> CResult<Val> {
        let saved = self.set_span_expr(e);
        let r = self.expr_conv(e);
        self.span = saved;
        r
    }

    fn expr_conv(&mut self, e: ExprId) -> CResult<Val> {
        if let Some(target) = self.c.prog.info.implicit_conversions.get(&e).copied() {
            if let Some(v) = self.const_of(e) {
                let dst = self.temp();
                let t = self.ty(e);
                self.load_const(dst, t, &v);
                let rt = self.c.rt_type(t);
                let out = self.temp();
                self.emit(Instr::MakeIface {
                    dst: out,
                    src: dst,
                    ty: rt,
                });
                let _ = target;
                return Ok(Val {
                    reg: out,
                    fresh: true,
                });
            }
            let v = self.expr_raw(e)?;
            let t = self.ty(e);
            return Ok(self.box_iface(v, t, target));
        }
        self.expr_raw(e)
    }

    /// Converts a value of type `t` to interface type `target`.
    pub(crate) fn box_iface(&mut self, v: Val, t: TypeId, _target: TypeId) -> Val {
        if self.c.is_iface(t) {
            return v;
        }
        let src = self.owned(v, t);
        let rt = self.c.rt_type(t);
        let dst = self.temp();
        self.emit(Instr::MakeIface { dst, src, ty: rt });
        Val {
            reg: dst,
            fresh: true,
        }
    }

    /// A register holding an owned value: borrowed aggregates are cloned.
    pub(crate) fn owned(&mut self, v: Val, t: TypeId) -> Reg {
        if !v.fresh && self.c.is_agg(t) {
            let dst = self.temp();
            self.emit(Instr::Clone { dst, src: v.reg });
            dst
        } else {
            v.reg
        }
    }

    /// Evaluates `e` for a destination of type `to`: a concrete value going
    /// to an interface is boxed (whether or not the checker recorded the
    /// conversion).
    pub(crate) fn expr_as(&mut self, e: ExprId, to: TypeId) -> CResult<Val> {
        let v = self.expr(e)?;
        let from = self.used_type(e);
        if to.is_valid() && self.c.is_iface(to) && !self.c.is_iface(from) && from.is_valid() {
            if matches!(self.c.prog.info.type_of(e).map(|t| t.mode), Some(Mode::Nil)) {
                return Ok(v);
            }
            return Ok(self.box_iface(v, from, to));
        }
        Ok(v)
    }

    /// [`Self::expr_as`] into `dst`, owned.
    pub(crate) fn expr_to_as(&mut self, e: ExprId, dst: Reg, to: TypeId) -> CResult<()> {
        let mark = self.mark();
        let v = self.expr_as(e, to)?;
        let t = if self.c.is_iface(to) {
            to
        } else {
            self.used_type(e)
        };
        let r = self.owned(v, t);
        self.move_result(r, dst, mark);
        self.release(mark.max(dst.0 + 1));
        Ok(())
    }

    /// Evaluates `e` into `dst` as an owned value.
    pub(crate) fn expr_to(&mut self, e: ExprId, dst: Reg) -> CResult<()> {
        let mark = self.mark();
        let v = self.expr(e)?;
        let t = self.used_type(e);
        let r = self.owned(v, t);
        self.move_result(r, dst, mark);
        self.release(mark.max(dst.0 + 1));
        Ok(())
    }

    /// Evaluates `e` into `dst` without cloning (for reads).
    pub(crate) fn expr_into(&mut self, e: ExprId, dst: Reg) -> CResult<()> {
        let mark = self.mark();
        let v = self.expr(e)?;
        self.move_result(v.reg, dst, mark);
        self.release(mark.max(dst.0 + 1));
        Ok(())
    }

    /// Gets a value computed into `r` into `dst`: a temporary allocated since
    /// `mark` is simply computed into `dst` instead.
    pub(crate) fn move_result(&mut self, r: Reg, dst: Reg, mark: u16) {
        if r == dst {
            return;
        }
        if r.0 >= mark && self.retarget_last(r, dst) {
            return;
        }
        self.emit(Instr::Move { dst, src: r });
    }

    /// The type of `e` as used (its interface type when implicitly converted).
    pub(crate) fn used_type(&self, e: ExprId) -> TypeId {
        self.c
            .prog
            .info
            .implicit_conversions
            .get(&e)
            .copied()
            .unwrap_or_else(|| self.ty(e))
    }

    fn expr_raw(&mut self, e: ExprId) -> CResult<Val> {
        if let Some(v) = self.const_of(e) {
            let dst = self.temp();
            let t = self.ty(e);
            self.load_const(dst, t, &v);
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        if matches!(self.c.prog.info.type_of(e).map(|t| t.mode), Some(Mode::Nil)) {
            let dst = self.temp();
            self.emit(Instr::LoadNil { dst });
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        let kind = self.c.ast.expr(e).kind.clone();
        match kind {
            ExprKind::Paren(x) => self.expr_raw_inner(x),
            ExprKind::Name(_) => self.name_expr(e),
            ExprKind::CompositeLit { elems, .. } => {
                let t = self.ty(e);
                self.composite(e, t, &elems)
            }
            ExprKind::FuncLit { .. } => self.func_lit(e),
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, index } => self.index_expr(e, x, index),
            ExprKind::Slice { x, index, .. } => self.slice_expr(x, index),
            ExprKind::Assert { x, .. } => {
                let v = self.expr(x)?;
                let t = self.ty(e);
                let rt = self.c.rt_type(t);
                let dst = self.temp();
                let xt = self.ty(x);
                let name = self.c.rt_name(xt);
                let n = self.c.name(&name);
                let saved = self.access.replace(n);
                self.emit(Instr::TypeAssert {
                    dst,
                    src: v.reg,
                    ty: rt,
                    ok: None,
                });
                self.access = saved;
                Ok(Val {
                    reg: dst,
                    fresh: false,
                })
            }
            ExprKind::Operation { op, x, y: None } => self.unary(e, op, x),
            ExprKind::Operation { op, x, y: Some(y) } => self.binary(e, op, x, y),
            ExprKind::Call { .. } => {
                let base = self.call(e, 1)?;
                Ok(Val {
                    reg: base,
                    fresh: true,
                })
            }
            _ => Err(format!(
                "unexpected expression {:?}",
                self.c.ast.expr(e).kind
            )),
        }
    }

    fn expr_raw_inner(&mut self, x: ExprId) -> CResult<Val> {
        // A parenthesized expression: the inner one may carry its own conversion.
        self.expr(x)
    }

    // ===== names =====

    fn name_expr(&mut self, e: ExprId) -> CResult<Val> {
        let o = self
            .c
            .prog
            .info
            .object_of(e)
            .ok_or("unresolved identifier")?;
        let obj_kind = self.c.prog.objs[o.index()].kind.clone();
        match obj_kind {
            ObjKind::Var(v) => self.load_var(o, v.kind, Some(e)),
            ObjKind::Func(fi) => {
                let dst = self.temp();
                if fi.native {
                    let w = self.c.native_wrapper(o);
                    self.emit(Instr::LoadFunc { dst, func: w });
                } else {
                    let f = self.c.func_id(o);
                    self.emit(Instr::LoadFunc { dst, func: f });
                }
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            ObjKind::Nil => {
                let dst = self.temp();
                self.emit(Instr::LoadNil { dst });
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            ObjKind::Const(v) => {
                let dst = self.temp();
                let t = self.ty(e);
                self.load_const(dst, t, &v);
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            _ => Err(format!("identifier {} is not a value", self.c.obj_name(o))),
        }
    }

    /// Reads variable `o`.
    pub(crate) fn load_var(&mut self, o: ObjId, kind: VarKind, at: Option<ExprId>) -> CResult<Val> {
        let t = self.c.obj_type(o);
        if kind == VarKind::Global {
            let g = self.c.global_id(o);
            let dst = self.temp();
            if self.c.is_agg(t) {
                self.emit(Instr::GlobalRef { dst, g });
            } else {
                self.emit_access(Instr::LoadGlobal { dst, g }, at);
            }
            return Ok(Val {
                reg: dst,
                fresh: false,
            });
        }
        match self.var_loc(o)? {
            VarLoc::Reg(r) => Ok(Val {
                reg: r,
                fresh: false,
            }),
            VarLoc::Boxed(b) => {
                let dst = self.temp();
                self.emit_access(Instr::LoadBox { dst, boxed: b }, at);
                Ok(Val {
                    reg: dst,
                    fresh: false,
                })
            }
        }
    }

    // ===== operators =====

    fn unary(&mut self, e: ExprId, op: Op, x: ExprId) -> CResult<Val> {
        let t = self.ty(e);
        match op {
            Op::Add => self.expr(x),
            Op::Sub => {
                let v = self.expr(x)?;
                let dst = self.temp();
                if let Some(ity) = self.c.int_ty(t) {
                    self.emit(Instr::NegInt {
                        ty: ity,
                        dst,
                        a: v.reg,
                    });
                } else {
                    self.emit(Instr::NegFloat { dst, a: v.reg });
                }
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            Op::Not => {
                let v = self.expr(x)?;
                let dst = self.temp();
                self.emit(Instr::Not { dst, a: v.reg });
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            Op::Xor => {
                let v = self.expr(x)?;
                let dst = self.temp();
                let ity = self.c.int_ty(t).unwrap_or(IntTy::I64);
                self.emit(Instr::NotInt {
                    ty: ity,
                    dst,
                    a: v.reg,
                });
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            Op::Mul => {
                // *p
                let p = self.expr(x)?;
                if self.c.is_agg(t) {
                    // The pointer is the object; a nil one panics when used.
                    return Ok(Val {
                        reg: p.reg,
                        fresh: false,
                    });
                }
                let dst = self.temp();
                self.emit_access(Instr::LoadPtr { dst, ptr: p.reg }, Some(x));
                Ok(Val {
                    reg: dst,
                    fresh: false,
                })
            }
            Op::And => self.address_of(x),
            Op::Recv => {
                let ch = self.expr(x)?;
                let dst = self.temp();
                self.emit(Instr::Recv {
                    dst: Some(dst),
                    ch: ch.reg,
                    ok: None,
                });
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            _ => Err(format!("unexpected unary operator {op:?}")),
        }
    }

    /// `&x`.
    pub(crate) fn address_of(&mut self, x: ExprId) -> CResult<Val> {
        let x = self.c.ast.unparen(x);
        let kind = self.c.ast.expr(x).kind.clone();
        match kind {
            ExprKind::CompositeLit { elems, .. } => {
                let t = self.ty(x);
                self.composite(x, t, &elems)
            }
            ExprKind::Name(_) => {
                let o = self
                    .c
                    .prog
                    .info
                    .object_of(x)
                    .ok_or("unresolved identifier")?;
                let t = self.c.obj_type(o);
                if self.var_kind(o) == Some(VarKind::Global) {
                    let g = self.c.global_id(o);
                    let dst = self.temp();
                    if self.c.is_agg(t) {
                        self.emit(Instr::GlobalRef { dst, g });
                    } else {
                        self.emit(Instr::GlobalAddr { dst, g });
                    }
                    return Ok(Val {
                        reg: dst,
                        fresh: true,
                    });
                }
                match self.var_loc(o)? {
                    VarLoc::Reg(r) if self.c.is_agg(t) => Ok(Val {
                        reg: r,
                        fresh: false,
                    }),
                    VarLoc::Boxed(b) => Ok(Val {
                        reg: b,
                        fresh: false,
                    }),
                    VarLoc::Reg(_) => Err(format!(
                        "address of unboxed variable {}",
                        self.c.obj_name(o)
                    )),
                }
            }
            ExprKind::Selector { x: base, .. } => {
                let sel = self.c.prog.info.selections.get(&x).cloned();
                match sel {
                    Some(s) if s.kind == SelectionKind::FieldVal => {
                        let (obj, idx, fty) = self.field_container(base, &s)?;
                        let dst = self.temp();
                        if self.c.is_agg(fty) {
                            self.emit(Instr::FieldRef {
                                dst,
                                obj,
                                field: idx,
                            });
                        } else {
                            self.emit(Instr::FieldAddr {
                                dst,
                                obj,
                                field: idx,
                            });
                        }
                        Ok(Val {
                            reg: dst,
                            fresh: false,
                        })
                    }
                    _ => {
                        // &pkg.Var
                        let o = self.c.prog.info.object_of(match &self.c.ast.expr(x).kind {
                            ExprKind::Selector { sel, .. } => *sel,
                            _ => x,
                        });
                        let o = o.ok_or("address of unknown selector")?;
                        let g = self.c.global_id(o);
                        let dst = self.temp();
                        if self.c.is_agg(self.c.obj_type(o)) {
                            self.emit(Instr::GlobalRef { dst, g });
                        } else {
                            self.emit(Instr::GlobalAddr { dst, g });
                        }
                        Ok(Val {
                            reg: dst,
                            fresh: false,
                        })
                    }
                }
            }
            ExprKind::Index { x: seq, index } => {
                let st = self.ty(seq);
                let s = self.seq_value(seq, st)?;
                let i = self.expr(index)?;
                let et = self.ty(x);
                let dst = self.temp();
                if self.c.is_agg(et) {
                    self.emit(Instr::IndexRef {
                        dst,
                        seq: s,
                        idx: i.reg,
                    });
                } else {
                    self.emit(Instr::IndexAddr {
                        dst,
                        seq: s,
                        idx: i.reg,
                    });
                }
                Ok(Val {
                    reg: dst,
                    fresh: false,
                })
            }
            ExprKind::Operation {
                op: Op::Mul,
                x: p,
                y: None,
            } => self.expr(p),
            _ => Err("cannot take the address of this expression".into()),
        }
    }

    fn binary(&mut self, e: ExprId, op: Op, x: ExprId, y: ExprId) -> CResult<Val> {
        match op {
            Op::AndAnd | Op::OrOr => {
                let dst = self.temp();
                self.expr_into(x, dst)?;
                let j = if op == Op::AndAnd {
                    self.jump_if_not(dst)
                } else {
                    self.jump_if(dst)
                };
                self.expr_into(y, dst)?;
                self.patch(j);
                return Ok(Val {
                    reg: dst,
                    fresh: true,
                });
            }
            _ => {}
        }
        let xt = self.used_type(x);
        if let Some(cmp) = cmp_op(op) {
            let a = self.expr(x)?;
            let b = self.expr(y)?;
            let dst = self.temp();
            self.compare(dst, cmp, xt, a.reg, b.reg);
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        let t = self.ty(e);
        let a = self.expr(x)?;
        // Integer operations with a small constant use an immediate.
        if let (Some(ity), Some(iop)) = (self.c.int_ty(t), int_op(op)) {
            if let Some(imm) = self.small_int_const(y) {
                let dst = self.temp();
                self.emit(Instr::IntImm {
                    op: iop,
                    ty: ity,
                    dst,
                    a: a.reg,
                    imm,
                });
                return Ok(Val {
                    reg: dst,
                    fresh: true,
                });
            }
            let b = self.expr(y)?;
            let dst = self.temp();
            self.emit(Instr::Int {
                op: iop,
                ty: ity,
                dst,
                a: a.reg,
                b: b.reg,
            });
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        let b = self.expr(y)?;
        let dst = self.temp();
        if let Some(fty) = self.c.float_ty(t) {
            let fop = match op {
                Op::Add => FloatOp::Add,
                Op::Sub => FloatOp::Sub,
                Op::Mul => FloatOp::Mul,
                Op::Div => FloatOp::Div,
                _ => return Err(format!("bad float operator {op:?}")),
            };
            self.emit(Instr::Float {
                op: fop,
                ty: fty,
                dst,
                a: a.reg,
                b: b.reg,
            });
        } else if self.c.prog.types.is_string(t) && op == Op::Add {
            self.emit(Instr::Concat {
                dst,
                a: a.reg,
                b: b.reg,
            });
        } else {
            return Err(format!("unsupported binary operation {op:?}"));
        }
        Ok(Val {
            reg: dst,
            fresh: true,
        })
    }

    /// A constant operand that fits an immediate.
    pub(crate) fn small_int_const(&self, e: ExprId) -> Option<i32> {
        let v = self.const_of(e)?;
        let t = self.ty(e);
        self.c.int_ty(t)?;
        i32::try_from(v.to_int()?).ok()
    }

    /// `dst = a cmp b` for operands of type `t`.
    pub(crate) fn compare(&mut self, dst: Reg, cmp: CmpOp, t: TypeId, a: Reg, b: Reg) {
        if let Some(ity) = self.c.int_ty(t) {
            self.emit(Instr::CmpInt {
                op: cmp,
                ty: ity,
                dst,
                a,
                b,
            });
        } else if self.c.float_ty(t).is_some() {
            self.emit(Instr::CmpFloat { op: cmp, dst, a, b });
        } else if self.c.prog.types.is_string(t) {
            self.emit(Instr::CmpString { op: cmp, dst, a, b });
        } else if self.c.is_agg(t) || self.c.is_iface(t) {
            let rt = self.c.rt_type(t);
            self.emit(Instr::EqDeep {
                dst,
                a,
                b,
                ty: rt,
                ne: cmp == CmpOp::Ne,
            });
        } else {
            self.emit(Instr::EqRef {
                dst,
                a,
                b,
                ne: cmp == CmpOp::Ne,
            });
        }
    }

    /// Compiles a condition and returns the jumps taken when it is false.
    pub(crate) fn cond_false_jumps(&mut self, e: ExprId) -> CResult<Vec<usize>> {
        let e2 = self.c.ast.unparen(e);
        if self.const_of(e2).is_none() {
            if let ExprKind::Operation { op, x, y: Some(y) } = self.c.ast.expr(e2).kind.clone() {
                if op == Op::AndAnd {
                    let mut js = self.cond_false_jumps(x)?;
                    js.extend(self.cond_false_jumps(y)?);
                    return Ok(js);
                }
                if let Some(cmp) = cmp_op(op) {
                    let xt = self.used_type(x);
                    if let Some(ity) = self.c.int_ty(xt) {
                        let saved = self.set_span_expr(e2);
                        let mark = self.mark();
                        let a = self.expr(x)?;
                        let b = self.expr(y)?;
                        let j = self.emit(Instr::JumpIfNotCmpInt {
                            op: cmp,
                            ty: ity,
                            a: a.reg,
                            b: b.reg,
                            to: 0,
                        });
                        self.release(mark);
                        self.span = saved;
                        return Ok(vec![j]);
                    }
                }
            }
        }
        let mark = self.mark();
        let v = self.expr(e)?;
        let j = self.jump_if_not(v.reg);
        self.release(mark);
        Ok(vec![j])
    }

    // ===== selectors =====

    fn selector(&mut self, e: ExprId, x: ExprId, sel: ExprId) -> CResult<Val> {
        let Some(s) = self.c.prog.info.selections.get(&e).cloned() else {
            // A qualified identifier: pkg.Name.
            return self.name_expr(sel);
        };
        match s.kind {
            SelectionKind::FieldVal => {
                let (obj, idx, fty) = self.field_container(x, &s)?;
                let dst = self.temp();
                if self.c.is_agg(fty) {
                    self.emit(Instr::FieldRef {
                        dst,
                        obj,
                        field: idx,
                    });
                } else {
                    self.emit_access(
                        Instr::LoadField {
                            dst,
                            obj,
                            field: idx,
                        },
                        Some(x),
                    );
                }
                Ok(Val {
                    reg: dst,
                    fresh: false,
                })
            }
            SelectionKind::MethodVal => self.method_value(e, x, &s),
            SelectionKind::MethodExpr => self.method_expr(e, &s),
        }
    }

    /// For a field selection `x.f` (through embedded fields), the register
    /// holding the struct object that contains `f`, `f`'s index and type.
    pub(crate) fn field_container(
        &mut self,
        x: ExprId,
        s: &crate::info::Selection,
    ) -> CResult<(Reg, u16, TypeId)> {
        let mut cur = self.expr(x)?.reg;
        let mut t = self.ty(x);
        let (last, path) = s.index.split_last().ok_or("empty field path")?;
        for &i in path {
            let (st, _) = self.c.prog.types.deref(self.c.prog.types.underlying(t));
            let fty = self
                .c
                .prog
                .types
                .struct_(st)
                .and_then(|s| s.fields.get(i as usize))
                .map(|f| f.typ)
                .ok_or("bad embedded path")?;
            let dst = self.temp();
            if self.c.is_agg(fty) {
                self.emit(Instr::FieldRef {
                    dst,
                    obj: cur,
                    field: i as u16,
                });
            } else {
                self.emit_access(
                    Instr::LoadField {
                        dst,
                        obj: cur,
                        field: i as u16,
                    },
                    Some(x),
                );
            }
            cur = dst;
            t = fty;
        }
        let (st, _) = self.c.prog.types.deref(self.c.prog.types.underlying(t));
        let st = self.c.prog.types.underlying(st);
        let fty = self
            .c
            .prog
            .types
            .struct_(st)
            .and_then(|s| s.fields.get(*last as usize))
            .map(|f| f.typ)
            .ok_or("bad field index")?;
        Ok((cur, *last as u16, fty))
    }

    // ===== indexing and slicing =====

    /// The value to index: arrays via a pointer are the same object.
    fn seq_value(&mut self, seq: ExprId, _t: TypeId) -> CResult<Reg> {
        Ok(self.expr(seq)?.reg)
    }

    fn index_expr(&mut self, e: ExprId, x: ExprId, index: ExprId) -> CResult<Val> {
        let xt = self.ty(x);
        let under = self.c.prog.types.underlying(xt);
        let et = self.ty(e);
        if let Type::Map { .. } = self.c.prog.types.get(under) {
            let m = self.expr(x)?;
            let k = self.expr(index)?;
            let dst = self.temp();
            self.zero(dst, et);
            self.emit_access(
                Instr::MapGet {
                    dst,
                    m: m.reg,
                    key: k.reg,
                    ok: None,
                },
                Some(x),
            );
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        let s = self.seq_value(x, xt)?;
        let i = self.expr(index)?;
        let dst = self.temp();
        if self.c.prog.types.is_string(xt) {
            self.emit(Instr::StrIndex { dst, s, idx: i.reg });
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        if self.c.is_agg(et) {
            self.emit(Instr::IndexRef {
                dst,
                seq: s,
                idx: i.reg,
            });
        } else {
            self.emit_access(
                Instr::LoadIndex {
                    dst,
                    seq: s,
                    idx: i.reg,
                },
                Some(x),
            );
        }
        Ok(Val {
            reg: dst,
            fresh: false,
        })
    }

    fn slice_expr(&mut self, x: ExprId, index: [Option<ExprId>; 3]) -> CResult<Val> {
        let xt = self.ty(x);
        let s = self.expr(x)?.reg;
        let mut regs = [None; 3];
        for (k, ix) in index.iter().enumerate() {
            if let Some(ix) = ix {
                regs[k] = Some(self.expr(*ix)?.reg);
            }
        }
        let dst = self.temp();
        if self.c.prog.types.is_string(xt) {
            self.emit(Instr::StrSlice {
                dst,
                s,
                lo: regs[0],
                hi: regs[1],
            });
        } else {
            self.emit(Instr::Reslice {
                dst,
                seq: s,
                lo: regs[0],
                hi: regs[1],
                max: regs[2],
            });
        }
        Ok(Val {
            reg: dst,
            fresh: true,
        })
    }

    // ===== composite literals =====

    pub(crate) fn composite(&mut self, e: ExprId, t: TypeId, elems: &[ExprId]) -> CResult<Val> {
        let (base_t, is_ptr) = match self.c.prog.types.under(t) {
            Type::Pointer(inner) => (*inner, true),
            _ => (t, false),
        };
        let _ = is_ptr;
        let under = self.c.prog.types.underlying(base_t);
        match self.c.prog.types.get(under).clone() {
            Type::Struct(st) => {
                let rt = self.c.rt_type(base_t);
                let obj = self.temp();
                self.emit(Instr::New { dst: obj, ty: rt });
                for (i, &el) in elems.iter().enumerate() {
                    let (idx, val) = match &self.c.ast.expr(el).kind {
                        ExprKind::KeyValue { key, value } => {
                            let name = self.c.ast.name_str(*key).to_string();
                            let idx = st
                                .fields
                                .iter()
                                .position(|f| self.c.ast.str(f.name) == name)
                                .ok_or("unknown field")?;
                            (idx, *value)
                        }
                        _ => (i, el),
                    };
                    let mark = self.mark();
                    let v = self.elem_value(val, st.fields[idx].typ)?;
                    self.emit(Instr::StoreField {
                        obj,
                        field: idx as u16,
                        src: v,
                    });
                    self.release(mark);
                }
                Ok(Val {
                    reg: obj,
                    fresh: true,
                })
            }
            Type::Array { elem, .. } => {
                let rt = self.c.rt_type(base_t);
                let obj = self.temp();
                self.emit(Instr::New { dst: obj, ty: rt });
                self.keyed_elems(obj, elems, elem)?;
                Ok(Val {
                    reg: obj,
                    fresh: true,
                })
            }
            Type::Slice(elem) => {
                let ert = self.c.rt_type(elem);
                let keyed = elems
                    .iter()
                    .any(|&el| matches!(self.c.ast.expr(el).kind, ExprKind::KeyValue { .. }));
                if !keyed {
                    let base = self.temps(elems.len() as u16);
                    for (i, &el) in elems.iter().enumerate() {
                        let r = crate::bytecode::Reg(base.0 + i as u16);
                        self.elem_into(el, r, elem)?;
                    }
                    let dst = self.temp();
                    self.emit(Instr::SliceLit {
                        dst,
                        elem: ert,
                        src: base,
                        n: elems.len() as u16,
                    });
                    return Ok(Val {
                        reg: dst,
                        fresh: true,
                    });
                }
                // Keyed slice literal: its length is the largest index + 1.
                let mut idx: i64 = 0;
                let mut max = 0;
                for &el in elems {
                    if let ExprKind::KeyValue { key, .. } = &self.c.ast.expr(el).kind {
                        idx = self.const_of(*key).and_then(|v| v.to_int()).unwrap_or(0) as i64;
                    }
                    idx += 1;
                    max = max.max(idx);
                }
                let n = self.temp();
                self.emit(Instr::LoadInt {
                    dst: n,
                    imm: max as i32,
                });
                let dst = self.temp();
                self.emit(Instr::MakeSlice {
                    dst,
                    elem: ert,
                    len: n,
                    cap: None,
                });
                self.keyed_elems(dst, elems, elem)?;
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            Type::Map { .. } => {
                let rt = self.c.rt_type(base_t);
                let m = self.temp();
                self.emit(Instr::MakeMap { dst: m, ty: rt });
                for &el in elems {
                    let ExprKind::KeyValue { key, value } = self.c.ast.expr(el).kind.clone() else {
                        return Err("map literal element without key".into());
                    };
                    let (kt, vt) = match self.c.prog.types.get(under) {
                        Type::Map { key, value } => (*key, *value),
                        _ => (TypeId::INVALID, TypeId::INVALID),
                    };
                    let mark = self.mark();
                    let k = self.elem_value(key, kt)?;
                    let v = self.elem_value(value, vt)?;
                    self.emit(Instr::MapSet { m, key: k, src: v });
                    self.release(mark);
                }
                Ok(Val {
                    reg: m,
                    fresh: true,
                })
            }
            _ => Err(format!(
                "composite literal of unexpected type {} at {:?}",
                self.c.rt_name(t),
                self.c.ast.expr(e).span
            )),
        }
    }

    /// Array or keyed slice elements stored by index.
    fn keyed_elems(&mut self, obj: Reg, elems: &[ExprId], elem: TypeId) -> CResult<()> {
        let mut idx: i64 = 0;
        for &el in elems {
            let val = match &self.c.ast.expr(el).kind {
                ExprKind::KeyValue { key, value } => {
                    idx = self.const_of(*key).and_then(|v| v.to_int()).unwrap_or(0) as i64;
                    *value
                }
                _ => el,
            };
            let mark = self.mark();
            let v = self.elem_value(val, elem)?;
            let i = self.temp();
            self.emit(Instr::LoadInt {
                dst: i,
                imm: idx as i32,
            });
            self.emit(Instr::StoreIndex {
                seq: obj,
                idx: i,
                src: v,
            });
            self.release(mark);
            idx += 1;
        }
        Ok(())
    }

    /// A composite literal element (an elided `{...}` is a literal of the
    /// element type).
    fn elem_value(&mut self, el: ExprId, to: TypeId) -> CResult<Reg> {
        let r = self.temp();
        self.elem_into(el, r, to)?;
        Ok(r)
    }

    fn elem_into(&mut self, el: ExprId, dst: Reg, to: TypeId) -> CResult<()> {
        if let ExprKind::CompositeLit {
            typ: None, elems, ..
        } = self.c.ast.expr(el).kind.clone()
        {
            let t = self.ty(el);
            let v = self.composite(el, t, &elems)?;
            let v = match self.c.prog.info.implicit_conversions.get(&el).copied() {
                Some(target) => self.box_iface(v, t, target),
                None => v,
            };
            if v.reg != dst {
                self.emit(Instr::Move { dst, src: v.reg });
            }
            return Ok(());
        }
        self.expr_to_as(el, dst, to)
    }

    // ===== closures =====

    fn func_lit(&mut self, e: ExprId) -> CResult<Val> {
        let body = *self
            .c
            .prog
            .info
            .func_lits
            .get(&e)
            .ok_or("function literal without body")?;
        self.lit_count += 1;
        let name = if self.name.contains(".func")
            || self
                .body
                .is_some_and(|b| matches!(self.c.body_owner(b), crate::info::BodyOwner::Lit(_)))
        {
            format!("{}.{}", self.name, self.lit_count)
        } else {
            format!("{}.func{}", self.name, self.lit_count)
        };
        self.c.lit_names.insert(e, name);
        self.c.lit_files.insert(e, self.file);
        let f = self.c.lit_id(e, body);
        let free = self.c.prog.info.body(body).free_vars.clone();
        let base = self.temps(free.len() as u16);
        for (i, &v) in free.iter().enumerate() {
            let r = crate::bytecode::Reg(base.0 + i as u16);
            let loc = self.var_loc(v)?;
            let src = match loc {
                VarLoc::Reg(x) | VarLoc::Boxed(x) => x,
            };
            self.emit(Instr::Move { dst: r, src });
        }
        let dst = self.temp();
        self.emit(Instr::MakeClosure {
            dst,
            func: f,
            src: base,
            n: free.len() as u16,
        });
        Ok(Val {
            reg: dst,
            fresh: true,
        })
    }
}

fn cmp_op(op: Op) -> Option<CmpOp> {
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

pub(crate) fn int_op(op: Op) -> Option<IntOp> {
    Some(match op {
        Op::Add => IntOp::Add,
        Op::Sub => IntOp::Sub,
        Op::Mul => IntOp::Mul,
        Op::Div => IntOp::Div,
        Op::Rem => IntOp::Rem,
        Op::And => IntOp::And,
        Op::Or => IntOp::Or,
        Op::Xor => IntOp::Xor,
        Op::AndNot => IntOp::AndNot,
        Op::Shl => IntOp::Shl,
        Op::Shr => IntOp::Shr,
        _ => return None,
    })
}
