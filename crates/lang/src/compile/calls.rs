//! Calls: functions, methods (static, interface, native), func values, conversions, and the
//! `go`/`defer` forms of each.

use crate::ast::{ExprId, ExprKind};
use crate::bytecode::{Conv, FloatTy, Instr, IntTy, Reg};
use crate::compile::exprs::Val;
use crate::compile::func::{CResult, FnCompiler};
use crate::info::{CallInfo, CallKind, RecvAdjust, Selection};
use crate::objects::ObjId;
use crate::types::{Type, TypeId};

impl FnCompiler<'_, '_> {
    fn call_parts(&self, e: ExprId) -> CResult<(ExprId, Vec<ExprId>, bool, CallInfo)> {
        let ExprKind::Call {
            fun,
            args,
            has_dots,
        } = self.c.ast.expr(e).kind.clone()
        else {
            return Err("not a call".into());
        };
        let info = self
            .c
            .prog
            .info
            .calls
            .get(&e)
            .cloned()
            .ok_or("call without call info")?;
        Ok((fun, args, has_dots, info))
    }

    /// Compiles call `e`; returns the base register holding its results
    /// (at least `want` registers are reserved there).
    pub(crate) fn call(&mut self, e: ExprId, want: usize) -> CResult<Reg> {
        let saved = self.set_span_expr(e);
        let r = self.call_inner(e, want);
        self.span = saved;
        r
    }

    fn call_inner(&mut self, e: ExprId, want: usize) -> CResult<Reg> {
        let (fun, args, has_dots, info) = self.call_parts(e)?;
        match info.kind.clone() {
            CallKind::Conversion(t) => {
                let v = self.conversion(t, args[0])?;
                Ok(v.reg)
            }
            CallKind::Builtin(b) => self.builtin(e, b, &args, has_dots),
            CallKind::Func(o) => {
                let nres = self.nresults(info.sig);
                let base = self.args(&info, &args, has_dots, 0, want.max(nres), false)?;
                if self.c.is_native(o) {
                    let n = self.c.native_id(o);
                    self.emit(Instr::CallNative { native: n, base });
                } else {
                    let f = self.c.func_id(o);
                    self.emit(Instr::Call { func: f, base });
                }
                Ok(base)
            }
            CallKind::Method(o) => {
                let sel = self
                    .c
                    .prog
                    .info
                    .selections
                    .get(&self.c.ast.unparen(fun))
                    .cloned()
                    .ok_or("method call without selection")?;
                let ExprKind::Selector { x, .. } = self.c.ast.expr(self.c.ast.unparen(fun)).kind
                else {
                    return Err("method call without selector".into());
                };
                let nres = self.nresults(info.sig);
                let base = self.args(&info, &args, has_dots, 1, want.max(nres), false)?;
                self.method_recv(x, &sel, base, false)?;
                self.emit_method_call(o, &sel, base);
                Ok(base)
            }
            CallKind::Value => {
                let callee = self.expr(fun)?.reg;
                let nres = self.nresults(info.sig);
                let base = self.args(&info, &args, has_dots, 0, want.max(nres), false)?;
                self.emit(Instr::CallValue { callee, base });
                Ok(base)
            }
        }
    }

    fn emit_method_call(&mut self, o: ObjId, sel: &Selection, base: Reg) {
        if sel.iface {
            let m = self.c.method_key(o);
            self.emit(Instr::CallIface { method: m, base });
        } else if self.c.is_native(o) {
            let n = self.c.native_id(o);
            self.emit(Instr::CallNative { native: n, base });
        } else {
            let f = self.c.func_id(o);
            self.emit(Instr::Call { func: f, base });
        }
    }

    pub(crate) fn nresults(&self, sig: TypeId) -> usize {
        self.c
            .prog
            .types
            .signature(sig)
            .map_or(0, |s| s.results.len())
    }

    /// Evaluates arguments into a fresh window: `skip` leading registers are
    /// left for a receiver; the window has at least `room` registers.
    /// `owned`: aggregates are cloned (for `go` and `defer`).
    pub(crate) fn args(
        &mut self,
        info: &CallInfo,
        args: &[ExprId],
        has_dots: bool,
        skip: u16,
        room: usize,
        owned: bool,
    ) -> CResult<Reg> {
        let sig = self
            .c
            .prog
            .types
            .signature(info.sig)
            .cloned()
            .unwrap_or_default();
        let np = sig.params.len();
        let width = (np + skip as usize).max(room).max(1) as u16;
        let base = self.temps(width);
        let at = |i: usize| Reg(base.0 + skip + i as u16);
        if info.spread {
            // f(g()): g's results become the arguments.
            let n = self.nresults(self.ty(args[0])).max(
                self.c
                    .prog
                    .types
                    .tuple_elems(self.ty(args[0]))
                    .map_or(0, |t| t.len()),
            );
            let inner = self.call(self.c.ast.unparen(args[0]), n)?;
            let ptypes: Vec<TypeId> = sig.params.iter().map(|p| p.typ).collect();
            let rtypes: Vec<TypeId> = self
                .c
                .prog
                .types
                .tuple_elems(self.ty(args[0]))
                .map(|t| t.to_vec())
                .unwrap_or_default();
            if sig.variadic && info.pack_variadic {
                let fixed = np - 1;
                for (i, &pt) in ptypes.iter().enumerate().take(fixed) {
                    let v = self.convert_value(Reg(inner.0 + i as u16), rtypes.get(i).copied(), pt);
                    self.emit(Instr::Move { dst: at(i), src: v });
                }
                let elem = match self.c.prog.types.under(ptypes[fixed]) {
                    Type::Slice(e) => *e,
                    _ => TypeId::INVALID,
                };
                let extra = n.saturating_sub(fixed);
                let tmp = self.temps(extra.max(1) as u16);
                for k in 0..extra {
                    let v = self.convert_value(
                        Reg(inner.0 + (fixed + k) as u16),
                        rtypes.get(fixed + k).copied(),
                        elem,
                    );
                    self.emit(Instr::Move {
                        dst: Reg(tmp.0 + k as u16),
                        src: v,
                    });
                }
                let ert = self.c.rt_type(elem);
                self.emit(Instr::SliceLit {
                    dst: at(fixed),
                    elem: ert,
                    src: tmp,
                    n: extra as u16,
                });
            } else {
                for (i, &pt) in ptypes.iter().enumerate().take(n.min(np)) {
                    let v = self.convert_value(Reg(inner.0 + i as u16), rtypes.get(i).copied(), pt);
                    self.emit(Instr::Move { dst: at(i), src: v });
                }
            }
            return Ok(base);
        }
        let fixed = if sig.variadic && !has_dots {
            np.saturating_sub(1)
        } else {
            np
        };
        for (i, &a) in args.iter().enumerate().take(fixed) {
            let pt = sig.params[i].typ;
            if owned {
                self.expr_to_as(a, at(i), pt)?;
            } else {
                let mark = self.mark();
                let v = self.expr_as(a, pt)?;
                if v.reg != at(i) {
                    self.emit(Instr::Move {
                        dst: at(i),
                        src: v.reg,
                    });
                }
                self.release(mark);
            }
        }
        if sig.variadic && !has_dots {
            let extra = &args[fixed.min(args.len())..];
            let elem = match self.c.prog.types.under(sig.params[np - 1].typ) {
                Type::Slice(e) => *e,
                _ => TypeId::INVALID,
            };
            if extra.is_empty() {
                self.emit(Instr::LoadNil { dst: at(fixed) });
            } else {
                let mark = self.mark();
                let tmp = self.temps(extra.len() as u16);
                for (k, &a) in extra.iter().enumerate() {
                    self.expr_to_as(a, Reg(tmp.0 + k as u16), elem)?;
                }

                let ert = self.c.rt_type(elem);
                self.emit(Instr::SliceLit {
                    dst: at(fixed),
                    elem: ert,
                    src: tmp,
                    n: extra.len() as u16,
                });
                self.release(mark);
            }
        }
        Ok(base)
    }

    /// Converts a value of type `from` held in `r` to type `to` (boxing into
    /// an interface when needed).
    pub(crate) fn convert_value(&mut self, r: Reg, from: Option<TypeId>, to: TypeId) -> Reg {
        match from {
            Some(f) if self.c.is_iface(to) && !self.c.is_iface(f) => {
                let rt = self.c.rt_type(f);
                let dst = self.temp();
                self.emit(Instr::MakeIface {
                    dst,
                    src: r,
                    ty: rt,
                });
                dst
            }
            _ => r,
        }
    }

    /// Converts the results of a multi-value call at `base` to `targets`.
    pub(crate) fn convert_spread(
        &mut self,
        base: Reg,
        call: ExprId,
        targets: &[TypeId],
    ) -> CResult<()> {
        let from: Vec<TypeId> = self
            .c
            .prog
            .types
            .tuple_elems(self.ty(call))
            .map(|t| t.to_vec())
            .unwrap_or_default();
        for (i, &t) in targets.iter().enumerate() {
            let r = Reg(base.0 + i as u16);
            let v = self.convert_value(r, from.get(i).copied(), t);
            if v != r {
                self.emit(Instr::Move { dst: r, src: v });
            }
        }
        Ok(())
    }

    /// Puts the receiver of a method selected by `sel` on `x` into `dst`,
    /// following embedded fields and adjusting (`&x`, `*p`).
    pub(crate) fn method_recv(
        &mut self,
        x: ExprId,
        sel: &Selection,
        dst: Reg,
        owned: bool,
    ) -> CResult<()> {
        let path = &sel.index[..sel.index.len().saturating_sub(1)];
        let mut t = self.ty(x);
        let mut cur: Val;
        if path.is_empty() && sel.adjust == RecvAdjust::AddrOf && !self.c.is_agg(t) {
            cur = self.address_of(x)?;
        } else {
            cur = self.expr(x)?;
        }
        for (k, &i) in path.iter().enumerate() {
            let (st, _) = self.c.prog.types.deref(self.c.prog.types.underlying(t));
            let fty = self
                .c
                .prog
                .types
                .struct_(st)
                .and_then(|s| s.fields.get(i as usize))
                .map(|f| f.typ)
                .ok_or("bad embedded path")?;
            let r = self.temp();
            let last = k + 1 == path.len();
            if self.c.is_agg(fty) {
                self.emit(Instr::FieldRef {
                    dst: r,
                    obj: cur.reg,
                    field: i as u16,
                });
            } else if last && sel.adjust == RecvAdjust::AddrOf {
                self.emit(Instr::FieldAddr {
                    dst: r,
                    obj: cur.reg,
                    field: i as u16,
                });
            } else {
                self.emit_access(
                    Instr::LoadField {
                        dst: r,
                        obj: cur.reg,
                        field: i as u16,
                    },
                    Some(x),
                );
            }
            cur = Val {
                reg: r,
                fresh: false,
            };
            t = fty;
        }
        let (base_t, _) = self.c.prog.types.deref(t);
        let mut r = cur.reg;
        if sel.adjust == RecvAdjust::Deref && !self.c.is_agg(base_t) {
            let d = self.temp();
            self.emit_access(Instr::LoadPtr { dst: d, ptr: r }, Some(x));
            r = d;
        }
        if owned
            && sel.adjust != RecvAdjust::AddrOf
            && self.c.is_agg(base_t)
            && !self.method_has_ptr_recv(sel)
        {
            let d = self.temp();
            self.emit(Instr::Clone { dst: d, src: r });
            r = d;
        }
        if r != dst {
            self.emit(Instr::Move { dst, src: r });
        }
        Ok(())
    }

    fn method_has_ptr_recv(&self, sel: &Selection) -> bool {
        matches!(&self.c.prog.objs[sel.obj.index()].kind, crate::objects::ObjKind::Func(fi) if fi.ptr_recv)
    }

    // ===== go and defer =====

    pub(crate) fn go_defer(&mut self, is_go: bool, e: ExprId) -> CResult<()> {
        let (fun, args, has_dots, info) = self.call_parts(e)?;
        match info.kind.clone() {
            CallKind::Func(o) => {
                let base = self.args(&info, &args, has_dots, 0, 0, true)?;
                let nargs = self.sig_params(info.sig) as u16;
                if self.c.is_native(o) {
                    if is_go {
                        let w = self.c.native_wrapper(o);
                        self.emit(Instr::Go {
                            func: w,
                            base,
                            nargs,
                        });
                    } else {
                        let n = self.c.native_id(o);
                        self.emit(Instr::DeferNative {
                            native: n,
                            base,
                            nargs,
                        });
                    }
                } else {
                    let f = self.c.func_id(o);
                    self.emit(if is_go {
                        Instr::Go {
                            func: f,
                            base,
                            nargs,
                        }
                    } else {
                        Instr::Defer {
                            func: f,
                            base,
                            nargs,
                        }
                    });
                }
            }
            CallKind::Method(o) => {
                let fun = self.c.ast.unparen(fun);
                let sel = self
                    .c
                    .prog
                    .info
                    .selections
                    .get(&fun)
                    .cloned()
                    .ok_or("method without selection")?;
                let ExprKind::Selector { x, .. } = self.c.ast.expr(fun).kind else {
                    return Err("method without selector".into());
                };
                let base = self.args(&info, &args, has_dots, 1, 0, true)?;
                self.method_recv(x, &sel, base, true)?;
                let nargs = self.sig_params(info.sig) as u16 + 1;
                if sel.iface {
                    let w =
                        self.c
                            .iface_method_wrapper(o, nargs - 1, self.nresults(info.sig) as u16);
                    self.emit(if is_go {
                        Instr::Go {
                            func: w,
                            base,
                            nargs,
                        }
                    } else {
                        Instr::Defer {
                            func: w,
                            base,
                            nargs,
                        }
                    });
                } else if self.c.is_native(o) {
                    if is_go {
                        let w = self.c.native_wrapper(o);
                        self.emit(Instr::Go {
                            func: w,
                            base,
                            nargs,
                        });
                    } else {
                        let n = self.c.native_id(o);
                        self.emit(Instr::DeferNative {
                            native: n,
                            base,
                            nargs,
                        });
                    }
                } else {
                    let f = self.c.func_id(o);
                    self.emit(if is_go {
                        Instr::Go {
                            func: f,
                            base,
                            nargs,
                        }
                    } else {
                        Instr::Defer {
                            func: f,
                            base,
                            nargs,
                        }
                    });
                }
            }
            CallKind::Value => {
                let callee = self.temp();
                self.expr_into(fun, callee)?;
                let base = self.args(&info, &args, has_dots, 0, 0, true)?;
                let nargs = self.sig_params(info.sig) as u16;
                self.emit(if is_go {
                    Instr::GoValue {
                        callee,
                        base,
                        nargs,
                    }
                } else {
                    Instr::DeferValue {
                        callee,
                        base,
                        nargs,
                    }
                });
            }
            CallKind::Builtin(b) => {
                // Evaluate the arguments now, run the builtin later in a wrapper.
                let n = args.len() as u16;
                let base = self.temps(n.max(1));
                for (i, &a) in args.iter().enumerate() {
                    self.expr_to(a, Reg(base.0 + i as u16))?;
                }
                let types: Vec<TypeId> = args.iter().map(|&a| self.used_type(a)).collect();
                let w = self.c.builtin_wrapper(b, &types, self.file)?;
                self.emit(if is_go {
                    Instr::Go {
                        func: w,
                        base,
                        nargs: n,
                    }
                } else {
                    Instr::Defer {
                        func: w,
                        base,
                        nargs: n,
                    }
                });
            }
            CallKind::Conversion(_) => return Err("go/defer of a conversion".into()),
        }
        Ok(())
    }

    fn sig_params(&self, sig: TypeId) -> usize {
        self.c
            .prog
            .types
            .signature(sig)
            .map_or(0, |s| s.params.len())
    }

    // ===== conversions =====

    pub(crate) fn conversion(&mut self, to: TypeId, x: ExprId) -> CResult<Val> {
        let from = self.used_type(x);
        let v = self.expr(x)?;
        if self.c.is_iface(to) {
            if self.c.is_iface(from) {
                return Ok(v);
            }
            let src = self.owned(v, from);
            let rt = self.c.rt_type(from);
            let dst = self.temp();
            self.emit(Instr::MakeIface { dst, src, ty: rt });
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        let conv = self.conv_kind(from, to);
        match conv {
            Some(conv) => {
                let dst = self.temp();
                self.emit(Instr::Conv {
                    conv,
                    dst,
                    src: v.reg,
                });
                Ok(Val {
                    reg: dst,
                    fresh: true,
                })
            }
            None => {
                if self.c.is_agg(to) {
                    let src = self.owned(v, from);
                    return Ok(Val {
                        reg: src,
                        fresh: true,
                    });
                }
                Ok(v)
            }
        }
    }

    fn conv_kind(&self, from: TypeId, to: TypeId) -> Option<Conv> {
        let ti = self.c.int_ty(to);
        let fi = self.c.int_ty(from);
        let tf = self.c.float_ty(to);
        let ff = self.c.float_ty(from);
        let ts = self.c.prog.types.is_string(to);
        let fs = self.c.prog.types.is_string(from);
        let slice_elem = |t: TypeId| match self.c.prog.types.under(t) {
            Type::Slice(e) => self.c.int_ty(*e),
            _ => None,
        };
        match (fi, ff, ti, tf) {
            (Some(_), _, Some(t), _) => return Some(Conv::IntToInt(t)),
            (Some(f), _, _, Some(t)) => return Some(Conv::IntToFloat { from: f, to: t }),
            (_, Some(_), Some(t), _) => return Some(Conv::FloatToInt(t)),
            (_, Some(_), _, Some(t)) => return Some(Conv::FloatToFloat(t)),
            _ => {}
        }
        if ts && fi.is_some() {
            return Some(Conv::RuneToString);
        }
        if ts && !fs {
            return match slice_elem(from) {
                Some(IntTy::U8) => Some(Conv::BytesToString),
                Some(_) => Some(Conv::RunesToString),
                None => None,
            };
        }
        if fs && !ts {
            return match slice_elem(to) {
                Some(IntTy::U8) => Some(Conv::StringToBytes),
                Some(_) => Some(Conv::StringToRunes),
                None => None,
            };
        }
        let _ = FloatTy::F64;
        None
    }
}
