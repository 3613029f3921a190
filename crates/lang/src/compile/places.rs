//! Assignable places (variables, fields, elements, pointer targets, map entries): evaluate once,
//! then load or store with value semantics for aggregates.

use crate::ast::{ExprId, ExprKind};
use crate::bytecode::{GlobalId, Instr, Reg};
use crate::compile::exprs::Val;
use crate::compile::func::{CResult, FnCompiler, VarLoc};
use crate::info::SelectionKind;
use crate::objects::{ObjKind, VarKind};
use crate::token::Op;
use crate::types::{Type, TypeId};

/// A place whose sub-expressions are already evaluated into registers.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    Blank,
    Reg(Reg, TypeId),
    Boxed(Reg, TypeId, ExprId),
    Global(GlobalId, TypeId, ExprId),
    Field(Reg, u16, TypeId, ExprId),
    Index(Reg, Reg, TypeId, ExprId),
    Ptr(Reg, TypeId, ExprId),
    Map(Reg, Reg, TypeId, ExprId),
}

impl FnCompiler<'_, '_> {
    pub(crate) fn place(&mut self, e: ExprId) -> CResult<Place> {
        let e = self.c.ast.unparen(e);
        let kind = self.c.ast.expr(e).kind.clone();
        let t = self.ty(e);
        match kind {
            ExprKind::Name(_) => {
                if self.c.ast.name_str(e) == "_" {
                    return Ok(Place::Blank);
                }
                let o = self
                    .c
                    .prog
                    .info
                    .object_of(e)
                    .ok_or("unresolved assignment target")?;
                let ObjKind::Var(v) = self.c.prog.objs[o.index()].kind.clone() else {
                    return Err("assignment to a non-variable".into());
                };
                let t = self.c.obj_type(o);
                if v.kind == VarKind::Global {
                    return Ok(Place::Global(self.c.global_id(o), t, e));
                }
                Ok(match self.var_loc(o)? {
                    VarLoc::Reg(r) => Place::Reg(r, t),
                    VarLoc::Boxed(r) => Place::Boxed(r, t, e),
                })
            }
            ExprKind::Selector { x, .. } => {
                let sel = self.c.prog.info.selections.get(&e).cloned();
                match sel {
                    Some(s) if s.kind == SelectionKind::FieldVal => {
                        let (obj, idx, fty) = self.field_container(x, &s)?;
                        Ok(Place::Field(obj, idx, fty, x))
                    }
                    _ => {
                        // pkg.Var
                        let sel_e = match self.c.ast.expr(e).kind {
                            ExprKind::Selector { sel, .. } => sel,
                            _ => e,
                        };
                        let o = self
                            .c
                            .prog
                            .info
                            .object_of(sel_e)
                            .ok_or("unknown qualified variable")?;
                        Ok(Place::Global(self.c.global_id(o), self.c.obj_type(o), e))
                    }
                }
            }
            ExprKind::Index { x, index } => {
                let xt = self.ty(x);
                let under = self.c.prog.types.underlying(xt);
                let s = self.expr(x)?.reg;
                let i = self.expr(index)?.reg;
                if let Type::Map { .. } = self.c.prog.types.get(under) {
                    return Ok(Place::Map(s, i, t, x));
                }
                Ok(Place::Index(s, i, t, x))
            }
            ExprKind::Operation {
                op: Op::Mul,
                x,
                y: None,
            } => {
                let p = self.expr(x)?.reg;
                Ok(Place::Ptr(p, t, x))
            }
            _ => Err("unsupported assignment target".into()),
        }
    }

    pub(crate) fn place_type(&self, p: &Place) -> Option<TypeId> {
        match *p {
            Place::Blank => None,
            Place::Reg(_, t)
            | Place::Boxed(_, t, _)
            | Place::Global(_, t, _)
            | Place::Field(_, _, t, _)
            | Place::Index(_, _, t, _)
            | Place::Ptr(_, t, _)
            | Place::Map(_, _, t, _) => Some(t),
        }
    }

    pub(crate) fn load_place(&mut self, p: &Place) -> Val {
        let dst = self.temp();
        let agg = self.place_type(p).is_some_and(|t| self.c.is_agg(t));
        match *p {
            Place::Blank => {
                self.emit(Instr::LoadNil { dst });
            }
            Place::Reg(r, _) => {
                return Val {
                    reg: r,
                    fresh: false,
                }
            }
            Place::Boxed(b, _, at) => {
                self.emit_access(Instr::LoadBox { dst, boxed: b }, Some(at));
            }
            Place::Global(g, _, at) => {
                if agg {
                    self.emit(Instr::GlobalRef { dst, g });
                } else {
                    self.emit_access(Instr::LoadGlobal { dst, g }, Some(at));
                }
            }
            Place::Field(obj, f, _, at) => {
                if agg {
                    self.emit(Instr::FieldRef { dst, obj, field: f });
                } else {
                    self.emit_access(Instr::LoadField { dst, obj, field: f }, Some(at));
                }
            }
            Place::Index(s, i, _, at) => {
                if agg {
                    self.emit(Instr::IndexRef {
                        dst,
                        seq: s,
                        idx: i,
                    });
                } else {
                    self.emit_access(
                        Instr::LoadIndex {
                            dst,
                            seq: s,
                            idx: i,
                        },
                        Some(at),
                    );
                }
            }
            Place::Ptr(p, _, at) => {
                if agg {
                    return Val {
                        reg: p,
                        fresh: false,
                    };
                }
                self.emit_access(Instr::LoadPtr { dst, ptr: p }, Some(at));
            }
            Place::Map(m, k, t, at) => {
                self.zero(dst, t);
                self.emit_access(
                    Instr::MapGet {
                        dst,
                        m,
                        key: k,
                        ok: None,
                    },
                    Some(at),
                );
                return Val {
                    reg: dst,
                    fresh: true,
                };
            }
        }
        Val {
            reg: dst,
            fresh: false,
        }
    }

    /// Stores `v` into `p`. Aggregate places are copied into (their identity
    /// is their address); other stores take an owned value.
    pub(crate) fn store(&mut self, p: &Place, v: Val) {
        let Some(t) = self.place_type(p) else { return };
        if self.c.is_agg(t) {
            let target = match *p {
                Place::Map(m, k, _, at) => {
                    self.emit_access(
                        Instr::MapSet {
                            m,
                            key: k,
                            src: v.reg,
                        },
                        Some(at),
                    );
                    return;
                }
                Place::Reg(r, _) => r,
                Place::Ptr(r, _, _) => r,
                _ => self.load_place(p).reg,
            };
            self.emit(Instr::CopyInto {
                dst: target,
                src: v.reg,
            });
            return;
        }
        let src = v.reg;
        match *p {
            Place::Blank => {}
            Place::Reg(r, _) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
            }
            Place::Boxed(b, _, at) => {
                self.emit_access(Instr::StoreBox { boxed: b, src }, Some(at));
            }
            Place::Global(g, _, at) => {
                self.emit_access(Instr::StoreGlobal { g, src }, Some(at));
            }
            Place::Field(obj, f, _, at) => {
                self.emit_access(Instr::StoreField { obj, field: f, src }, Some(at));
            }
            Place::Index(s, i, _, at) => {
                self.emit_access(
                    Instr::StoreIndex {
                        seq: s,
                        idx: i,
                        src,
                    },
                    Some(at),
                );
            }
            Place::Ptr(ptr, _, at) => {
                self.emit_access(Instr::StorePtr { ptr, src }, Some(at));
            }
            Place::Map(m, k, _, at) => {
                self.emit_access(Instr::MapSet { m, key: k, src }, Some(at));
            }
        }
    }
}
