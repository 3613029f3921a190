//! The slow path: every instruction with full access to the machine (allocation, calls,
//! observed memory, channels, panics).

use gosched_lang::bytecode::{Builtin1, CmpOp, Instr, Reg, TypeKind};

use crate::heap::{CellsKind, MapObj, Obj};
use crate::ids::{GoId, ProcId};
use crate::interp::mem::{index_error, nil_deref};
use crate::interp::ops::{cmp_holds, decode_rune, grow_cap};
use crate::interp::{int_cmp, int_op, Flow, Trap, R};
use crate::machine::Machine;
use crate::sched::g::CallTarget;
use crate::trace::CellId;
use crate::value::{SliceRef, StrRef, Value};

/// The most elements a slice can have: slice headers hold 32-bit lengths.
const MAX_SLICE_ELEMS: u64 = u32::MAX as u64;

impl Machine {
    /// The most elements one slice allocation may have. Go panics with
    /// `makeslice: len out of range` past maxAlloc (malloc.go: 2^48 bytes on
    /// linux/amd64); the playground's maxAlloc is its memory limit, so
    /// `make([]int, 1<<40)` panics as Go's bound would, while a heap that
    /// grows step by step ends at the memory limit.
    fn max_alloc_elems(&self) -> u64 {
        (self.cfg.limits.max_memory / 8).min(MAX_SLICE_ELEMS)
    }

    #[inline]
    pub(crate) fn reg(&self, g: GoId, r: Reg) -> Value {
        let gg = &self.gs[g.index()];
        let base = gg.frames.last().map_or(0, |f| f.base as usize);
        gg.regs
            .get(base + r.0 as usize)
            .copied()
            .unwrap_or_default()
    }

    #[inline]
    pub(crate) fn set(&mut self, g: GoId, r: Reg, v: Value) {
        let gg = &mut self.gs[g.index()];
        let base = gg.frames.last().map_or(0, |f| f.base as usize);
        if let Some(slot) = gg.regs.get_mut(base + r.0 as usize) {
            *slot = v;
        }
    }

    fn regs_from(&self, g: GoId, base: Reg, n: u16) -> Vec<Value> {
        (0..n).map(|i| self.reg(g, Reg(base.0 + i))).collect()
    }

    /// Executes one instruction of `g` on `p`. The pc is advanced first, so
    /// during execution the frame's pc is one past the instruction.
    pub(crate) fn slow(&mut self, p: ProcId, g: GoId, ins: Instr) -> R<Flow> {
        let Some(top) = self.gs[g.index()].frames.last().copied() else {
            return Err(Trap::Ended);
        };
        if top.returning {
            // Resumed while running deferred calls of a returning frame.
            return self.finish_return(p, g);
        }
        let code_len = self.prog.func(top.func).code.len();
        if top.pc as usize >= code_len {
            self.internal_error(&format!(
                "pc {} past the end of {}",
                top.pc,
                self.prog.func(top.func).name
            ));
            return Err(Trap::Ended);
        }
        self.advance(g);
        let r = |m: &Machine, x: Reg| m.reg(g, x);
        match ins {
            Instr::Nop => {}
            Instr::Move { dst, src } => self.set(g, dst, r(self, src)),
            Instr::LoadInt { dst, imm } => self.set(g, dst, Value::Int(i64::from(imm))),
            Instr::LoadConst { dst, k } => self.set(g, dst, self.consts[k.index()]),
            Instr::LoadNil { dst } => self.set(g, dst, Value::Nil),
            Instr::LoadBool { dst, v } => self.set(g, dst, Value::Bool(v)),
            Instr::LoadFunc { dst, func } => self.set(g, dst, Value::Func(func)),
            Instr::Zero { dst, ty } => {
                if self.is_aggregate(ty) {
                    let bytes = self.zero_bytes(ty);
                    self.reserve_collecting(bytes)?;
                    self.work(bytes / 8);
                }
                let v = self.zero_value(ty);
                self.set(g, dst, v);
            }
            Instr::Int { op, ty, dst, a, b } => {
                let v = int_op(op, ty, r(self, a).as_int(), r(self, b).as_int())
                    .map_err(|e| Trap::Runtime(e.into()))?;
                self.set(g, dst, Value::Int(v));
            }
            Instr::IntImm {
                op,
                ty,
                dst,
                a,
                imm,
            } => {
                let v = int_op(op, ty, r(self, a).as_int(), ty.wrap(i64::from(imm)))
                    .map_err(|e| Trap::Runtime(e.into()))?;
                self.set(g, dst, Value::Int(v));
            }
            Instr::NegInt { ty, dst, a } => self.set(
                g,
                dst,
                Value::Int(ty.wrap(r(self, a).as_int().wrapping_neg())),
            ),
            Instr::NotInt { ty, dst, a } => {
                self.set(g, dst, Value::Int(ty.wrap(!r(self, a).as_int())))
            }
            Instr::Float { op, ty, dst, a, b } => {
                let (x, y) = (r(self, a).as_float(), r(self, b).as_float());
                let v = match op {
                    gosched_lang::bytecode::FloatOp::Add => x + y,
                    gosched_lang::bytecode::FloatOp::Sub => x - y,
                    gosched_lang::bytecode::FloatOp::Mul => x * y,
                    gosched_lang::bytecode::FloatOp::Div => x / y,
                };
                self.set(g, dst, Value::Float(crate::interp::ops::round_float(ty, v)));
            }
            Instr::NegFloat { dst, a } => self.set(g, dst, Value::Float(-r(self, a).as_float())),
            Instr::Not { dst, a } => self.set(g, dst, Value::Bool(!r(self, a).as_bool())),
            Instr::Concat { dst, a, b } => {
                let n = self.heap.bytes_of(r(self, a)).len() + self.heap.bytes_of(r(self, b)).len();
                self.reserve_collecting(n as u64)?;
                let mut s = self.heap.bytes_of(r(self, a)).to_vec();
                s.extend_from_slice(self.heap.bytes_of(r(self, b)));
                let v = Value::Str(self.heap.alloc_str(&s));
                self.set(g, dst, v);
            }
            Instr::CmpInt { op, ty, dst, a, b } => self.set(
                g,
                dst,
                Value::Bool(int_cmp(op, ty, r(self, a).as_int(), r(self, b).as_int())),
            ),
            Instr::CmpIntImm {
                op,
                ty,
                dst,
                a,
                imm,
            } => self.set(
                g,
                dst,
                Value::Bool(int_cmp(
                    op,
                    ty,
                    r(self, a).as_int(),
                    ty.wrap(i64::from(imm)),
                )),
            ),
            Instr::CmpFloat { op, dst, a, b } => {
                let (x, y) = (r(self, a).as_float(), r(self, b).as_float());
                let v = match x.partial_cmp(&y) {
                    Some(o) => cmp_holds(op, o),
                    None => op == CmpOp::Ne,
                };
                self.set(g, dst, Value::Bool(v));
            }
            Instr::CmpString { op, dst, a, b } => {
                let o = self
                    .heap
                    .bytes_of(r(self, a))
                    .cmp(self.heap.bytes_of(r(self, b)));
                self.set(g, dst, Value::Bool(cmp_holds(op, o)));
            }
            Instr::EqRef { dst, a, b, ne } => {
                self.set(g, dst, Value::Bool((r(self, a) == r(self, b)) != ne))
            }
            Instr::EqDeep { dst, a, b, ty, ne } => {
                let (x, y) = (r(self, a), r(self, b));
                self.observe_aggregate(p, g, x, false);
                self.observe_aggregate(p, g, y, false);
                self.work(2 * self.zero_bytes(ty) / 8);
                let eq = self.values_equal(ty, x, y)?;
                self.set(g, dst, Value::Bool(eq != ne));
            }
            Instr::Jump { to } => self.jump(g, to),
            Instr::JumpIf { cond, to } => {
                if r(self, cond).as_bool() {
                    self.jump(g, to)
                }
            }
            Instr::JumpIfNot { cond, to } => {
                if !r(self, cond).as_bool() {
                    self.jump(g, to)
                }
            }
            Instr::JumpIfNotCmpInt { op, ty, a, b, to } => {
                if !int_cmp(op, ty, r(self, a).as_int(), r(self, b).as_int()) {
                    self.jump(g, to)
                }
            }
            Instr::Conv { conv, dst, src } => {
                let x = r(self, src);
                // Conversions between strings and slices build a copy:
                // reserve it (8 bytes per element, at most 4 per rune).
                let n = u64::from(match x {
                    Value::Str(s) => s.len,
                    Value::Slice(s) => s.len,
                    _ => 0,
                });
                if n > 0 {
                    self.reserve_collecting(8 * n)?;
                }
                let v = self.convert(conv, x, (self.prog.well_known.int, None));
                self.set(g, dst, v);
            }

            // ===== calls =====
            Instr::Call { func, base } => {
                if self.coop_preempt_here(p, g) {
                    return Ok(Flow::Stop);
                }
                let abs = self.abs(g, base.0);
                return self.call(p, g, CallTarget::Func(func), abs);
            }
            Instr::CallValue { callee, base } => {
                if self.coop_preempt_here(p, g) {
                    return Ok(Flow::Stop);
                }
                let t = self.call_target(r(self, callee))?;
                let abs = self.abs(g, base.0);
                return self.call(p, g, t, abs);
            }
            Instr::CallNative { native, base } => {
                let abs = self.abs(g, base.0);
                return self.call_native(p, g, native, abs);
            }
            Instr::CallIface { method, base } => {
                if self.coop_preempt_here(p, g) {
                    return Ok(Flow::Stop);
                }
                let (ty, val) = self.iface_parts(r(self, base));
                let ty = ty.ok_or_else(nil_deref)?;
                let imp = self.prog.method(ty, method).ok_or_else(|| {
                    Trap::Runtime(format!(
                        "method {} not found on {}",
                        self.prog.name(method),
                        self.prog.ty(ty).name
                    ))
                })?;
                self.set(g, base, val);
                let abs = self.abs(g, base.0);
                return match imp {
                    gosched_lang::bytecode::MethodImpl::Func(f) => {
                        self.call(p, g, CallTarget::Func(f), abs)
                    }
                    gosched_lang::bytecode::MethodImpl::Native(n) => self.call_native(p, g, n, abs),
                };
            }
            Instr::Ret { src, n } => return self.ret(p, g, src.0, n),

            // ===== goroutines, defer, panic =====
            Instr::Go { func, base, nargs } => {
                let args = self.regs_from(g, base, nargs);
                let loc = self.cur_instr(g);
                self.spawn(p, g, Some(loc), Value::Func(func), &args)?;
            }
            Instr::GoValue {
                callee,
                base,
                nargs,
            } => {
                let args = self.regs_from(g, base, nargs);
                let loc = self.cur_instr(g);
                let c = r(self, callee);
                self.spawn(p, g, Some(loc), c, &args)?;
            }
            Instr::Defer { func, base, nargs } => {
                let args = self.regs_from(g, base, nargs).into_boxed_slice();
                self.push_defer(g, CallTarget::Func(func), args);
            }
            Instr::DeferValue {
                callee,
                base,
                nargs,
            } => {
                let t = self.call_target(r(self, callee))?;
                let args = self.regs_from(g, base, nargs).into_boxed_slice();
                self.push_defer(g, t, args);
            }
            Instr::DeferNative {
                native,
                base,
                nargs,
            } => {
                let args = self.regs_from(g, base, nargs).into_boxed_slice();
                self.push_defer(g, CallTarget::Native(native), args);
            }
            Instr::Panic { v } => {
                let v = r(self, v);
                if v.is_nil() {
                    // Go 1.21+: panic(nil) panics with a *runtime.PanicNilError.
                    return Err(Trap::RuntimeText("panic called with nil argument".into()));
                }
                return Err(Trap::Panic(v));
            }
            Instr::Recover { dst } => {
                let v = self.recover(g);
                self.set(g, dst, v);
            }

            // ===== heap =====
            Instr::Box { dst, init, name } => {
                let v = r(self, init);
                let ty = self
                    .prog
                    .well_known
                    .int
                    .unwrap_or(gosched_lang::bytecode::TypeId(0));
                let o = self.heap.alloc_cells(CellsKind::Box(ty, name), vec![v]);
                self.set(g, dst, Value::Ptr(o, 0));
            }
            Instr::LoadBox { dst, boxed } | Instr::LoadPtr { dst, ptr: boxed } => {
                let Value::Ptr(o, i) = r(self, boxed) else {
                    return Err(nil_deref());
                };
                let v = self.load_slot(p, g, o, i)?;
                self.set(g, dst, v);
            }
            Instr::StoreBox { boxed, src } | Instr::StorePtr { ptr: boxed, src } => {
                let Value::Ptr(o, i) = r(self, boxed) else {
                    return Err(nil_deref());
                };
                let v = r(self, src);
                self.store_slot(p, g, o, i, v)?;
            }
            Instr::LoadGlobal { dst, g: gl } => {
                let v = self.load_slot(p, g, self.globals, gl.0)?;
                self.set(g, dst, v);
            }
            Instr::StoreGlobal { g: gl, src } => {
                let v = r(self, src);
                self.store_slot(p, g, self.globals, gl.0, v)?;
            }
            Instr::GlobalRef { dst, g: gl } => {
                let v = self.heap.slots(self.globals)[gl.index()];
                self.set(g, dst, v);
            }
            Instr::GlobalAddr { dst, g: gl } => self.set(g, dst, Value::Ptr(self.globals, gl.0)),
            Instr::LoadField { dst, obj, field } => {
                let Value::Ref(o) = r(self, obj) else {
                    return Err(nil_deref());
                };
                let v = self.load_slot(p, g, o, u32::from(field))?;
                self.set(g, dst, v);
            }
            Instr::StoreField { obj, field, src } => {
                let Value::Ref(o) = r(self, obj) else {
                    return Err(nil_deref());
                };
                let v = r(self, src);
                self.store_slot(p, g, o, u32::from(field), v)?;
            }
            Instr::FieldRef { dst, obj, field } => {
                let Value::Ref(o) = r(self, obj) else {
                    return Err(nil_deref());
                };
                let v = self
                    .heap
                    .slots(o)
                    .get(field as usize)
                    .copied()
                    .ok_or_else(nil_deref)?;
                self.set(g, dst, v);
            }
            Instr::FieldAddr { dst, obj, field } => {
                let Value::Ref(o) = r(self, obj) else {
                    return Err(nil_deref());
                };
                self.set(g, dst, Value::Ptr(o, u32::from(field)));
            }
            Instr::LoadIndex { dst, seq, idx } => {
                let (o, k) = self.elem_slot(r(self, seq), r(self, idx).as_int())?;
                let v = self.load_slot(p, g, o, k)?;
                self.set(g, dst, v);
            }
            Instr::StoreIndex { seq, idx, src } => {
                let (o, k) = self.elem_slot(r(self, seq), r(self, idx).as_int())?;
                let v = r(self, src);
                self.store_slot(p, g, o, k, v)?;
            }
            Instr::IndexRef { dst, seq, idx } => {
                let (o, k) = self.elem_slot(r(self, seq), r(self, idx).as_int())?;
                let v = self.heap.slots(o)[k as usize];
                self.set(g, dst, v);
            }
            Instr::IndexAddr { dst, seq, idx } => {
                let (o, k) = self.elem_slot(r(self, seq), r(self, idx).as_int())?;
                self.set(g, dst, Value::Ptr(o, k));
            }
            Instr::Clone { dst, src } => {
                let Value::Ref(o) = r(self, src) else {
                    return Err(nil_deref());
                };
                if let Some(CellsKind::Struct(t) | CellsKind::Array(t)) = self.heap.cells_kind(o) {
                    // `o` is live in a register, so collecting first is safe.
                    let bytes = self.zero_bytes(t);
                    self.reserve_collecting(bytes)?;
                    self.work(bytes / 8);
                }
                self.observe_aggregate(p, g, Value::Ref(o), false);
                let c = self.clone_aggregate(o);
                self.set(g, dst, Value::Ref(c));
            }
            Instr::CopyInto { dst, src } => {
                let (Value::Ref(d), Value::Ref(s)) = (r(self, dst), r(self, src)) else {
                    return Err(nil_deref());
                };
                self.observe_aggregate(p, g, Value::Ref(s), false);
                self.observe_aggregate(p, g, Value::Ref(d), true);
                if let Some(CellsKind::Struct(t) | CellsKind::Array(t)) = self.heap.cells_kind(d) {
                    self.work(self.zero_bytes(t) / 8);
                }
                self.copy_into(d, s);
            }
            Instr::New { dst, ty } => {
                if self.is_aggregate(ty) {
                    let bytes = self.zero_bytes(ty);
                    self.reserve_collecting(bytes)?;
                    self.work(bytes / 8);
                }
                let v = if self.is_aggregate(ty) {
                    Value::Ref(self.new_aggregate(ty))
                } else {
                    let z = self.zero_value(ty);
                    let o = self.heap.alloc_cells(
                        CellsKind::Box(ty, gosched_lang::bytecode::NameId(u32::MAX)),
                        vec![z],
                    );
                    Value::Ptr(o, 0)
                };
                self.set(g, dst, v);
            }

            // ===== strings and slices =====
            Instr::StrIndex { dst, s, idx } => {
                let sv = r(self, s);
                let b = self.heap.bytes_of(sv);
                let i = r(self, idx).as_int();
                if i < 0 || i as usize >= b.len() {
                    return Err(index_error(i, b.len() as u64));
                }
                let v = Value::Int(i64::from(b[i as usize]));
                self.set(g, dst, v);
            }
            Instr::StrSlice { dst, s, lo, hi } => {
                let Value::Str(sr) = r(self, s) else {
                    self.set(g, dst, Value::Str(StrRef::EMPTY));
                    return Ok(Flow::Next);
                };
                let len = i64::from(sr.len);
                let l = lo.map_or(0, |x| r(self, x).as_int());
                let h = hi.map_or(len, |x| r(self, x).as_int());
                if h < 0 || h > len {
                    return Err(Trap::Runtime(format!(
                        "slice bounds out of range [:{h}] with length {len}"
                    )));
                }
                if l < 0 || l > h {
                    return Err(Trap::Runtime(format!(
                        "slice bounds out of range [{l}:{h}]"
                    )));
                }
                let v = if h == l {
                    StrRef::EMPTY
                } else {
                    StrRef {
                        obj: sr.obj,
                        off: sr.off + l as u32,
                        len: (h - l) as u32,
                    }
                };
                self.set(g, dst, Value::Str(v));
            }
            Instr::DecodeRune { dst, s, idx } => {
                let b = self.heap.bytes_of(r(self, s));
                let i = r(self, idx).as_int().max(0) as usize;
                let (rune, w) = if i < b.len() {
                    decode_rune(&b[i..])
                } else {
                    (0xFFFD, 1)
                };
                self.set(g, dst, Value::Int(i64::from(rune)));
                self.set(g, Reg(dst.0 + 1), Value::Int(w as i64));
            }
            Instr::MakeSlice {
                dst,
                elem,
                len,
                cap,
            } => {
                let n = r(self, len).as_int();
                let c = cap.map_or(n, |c| r(self, c).as_int());
                let max = self.max_alloc_elems() as i64;
                if n < 0 || n > max {
                    return Err(Trap::Runtime("makeslice: len out of range".into()));
                }
                if c < n || c > max {
                    return Err(Trap::Runtime("makeslice: cap out of range".into()));
                }
                // Aggregate elements are objects of their own.
                let each = 8 + if self.is_aggregate(elem) {
                    self.zero_bytes(elem)
                } else {
                    0
                };
                self.reserve_collecting((c as u64).saturating_mul(each))?;
                self.work((c as u64).saturating_mul(each) / 8);
                let mut elems = Vec::with_capacity(c as usize);
                for _ in 0..c {
                    let z = self.zero_value(elem);
                    elems.push(z);
                }
                let obj = self.heap.alloc_cells(CellsKind::Backing(elem), elems);
                self.set(
                    g,
                    dst,
                    Value::Slice(SliceRef {
                        obj,
                        off: 0,
                        len: n as u32,
                    }),
                );
            }
            Instr::SliceLit { dst, elem, src, n } => {
                let vals = self.regs_from(g, src, n);
                let v = self.new_slice(elem, vals);
                self.set(g, dst, v);
            }
            Instr::Reslice {
                dst,
                seq,
                lo,
                hi,
                max,
            } => {
                let v = self.reslice(
                    r(self, seq),
                    lo.map(|x| r(self, x).as_int()),
                    hi.map(|x| r(self, x).as_int()),
                    max.map(|x| r(self, x).as_int()),
                )?;
                self.set(g, dst, v);
            }
            Instr::Append {
                dst,
                s,
                elem,
                src,
                n,
            } => {
                let vals = self.regs_from(g, src, n);
                let v = self.append(p, g, r(self, s), elem, &vals)?;
                self.set(g, dst, v);
            }
            Instr::AppendSlice { dst, s, elem, t } => {
                let tv = r(self, t);
                let vals: Vec<Value> = match tv {
                    Value::Str(_) => self
                        .heap
                        .bytes_of(tv)
                        .iter()
                        .map(|&b| Value::Int(i64::from(b)))
                        .collect(),
                    Value::Slice(ts) => {
                        for (o, k) in self.slice_slots(ts) {
                            if self.observing() {
                                self.observe(p, g, CellId { obj: o, slot: k }, false, false);
                            }
                        }
                        self.heap.slice_values(tv)
                    }
                    _ => Vec::new(),
                };
                let v = self.append(p, g, r(self, s), elem, &vals)?;
                self.set(g, dst, v);
            }
            Instr::Copy { dst, to, from } => {
                let to = r(self, to);
                let n = self.copy_builtin(p, g, to, r(self, from))?;
                let each = match to {
                    Value::Slice(s) => match self.heap.cells_kind(s.obj) {
                        Some(CellsKind::Backing(e)) if self.is_aggregate(e) => {
                            8 + self.zero_bytes(e)
                        }
                        _ => 8,
                    },
                    _ => 1,
                };
                self.work((n.max(0) as u64).saturating_mul(each));
                self.set(g, dst, Value::Int(n));
            }
            Instr::Builtin1 { op, dst, a } => {
                let v = r(self, a);
                let n = match op {
                    Builtin1::LenString => i64::from(if let Value::Str(s) = v { s.len } else { 0 }),
                    Builtin1::LenSlice => {
                        i64::from(if let Value::Slice(s) = v { s.len } else { 0 })
                    }
                    Builtin1::CapSlice => i64::from(if let Value::Slice(s) = v {
                        self.heap.slice_cap(s)
                    } else {
                        0
                    }),
                    Builtin1::LenMap => match v {
                        Value::Ref(o) => {
                            if self.observing() {
                                self.observe(
                                    p,
                                    g,
                                    CellId {
                                        obj: o,
                                        slot: crate::race::MAP_SLOT,
                                    },
                                    false,
                                    false,
                                );
                            }
                            match self.heap.get(o) {
                                Obj::Map(m) => m.len() as i64,
                                _ => 0,
                            }
                        }
                        _ => 0,
                    },
                    Builtin1::LenChan => self.chan_len(v),
                    Builtin1::CapChan => self.chan_cap(v),
                };
                self.set(g, dst, Value::Int(n));
            }
            Instr::MinMax { max, ty, dst, a, b } => {
                let (x, y) = (r(self, a), r(self, b));
                let v = self.min_max(max, ty, x, y);
                self.set(g, dst, v);
            }

            // ===== maps =====
            Instr::MakeMap { dst, ty } => {
                let o = self.heap.alloc(Obj::Map(Box::new(MapObj::new(ty))));
                self.set(g, dst, Value::Ref(o));
            }
            Instr::MapGet { dst, m, key, ok } => {
                let (v, found) = self.map_get(p, g, r(self, m), r(self, key))?;
                self.set(g, dst, v);
                if let Some(ok) = ok {
                    self.set(g, ok, Value::Bool(found));
                }
            }
            Instr::MapSet { m, key, src } => {
                return self.map_set(p, g, r(self, m), r(self, key), r(self, src))
            }
            Instr::MapDelete { m, key } => self.map_delete(p, g, r(self, m), r(self, key))?,
            Instr::Clear { target } => self.clear(p, g, r(self, target))?,
            Instr::MapIter { dst, m } => {
                let v = self.map_iter(p, g, r(self, m));
                self.set(g, dst, v);
            }
            Instr::MapNext {
                iter,
                key,
                val,
                done,
            } => match self.map_next(p, g, r(self, iter))? {
                Some((k, v)) => {
                    self.set(g, key, k);
                    if let Some(val) = val {
                        self.set(g, val, v);
                    }
                }
                None => self.jump(g, done),
            },

            // ===== interfaces =====
            Instr::MakeIface { dst, src, ty } => {
                let v = self.make_iface(ty, r(self, src));
                self.set(g, dst, v);
            }
            Instr::TypeAssert { dst, src, ty, ok } => {
                let v = r(self, src);
                let (dyn_ty, inner) = self.iface_parts(v);
                let target_is_iface = matches!(self.prog.ty(ty).kind, TypeKind::Interface { .. });
                let good = match dyn_ty {
                    None => false,
                    Some(d) if target_is_iface => self.prog.implements(d, ty),
                    Some(d) => d == ty,
                };
                if good {
                    self.set(g, dst, if target_is_iface { v } else { inner });
                    if let Some(ok) = ok {
                        self.set(g, ok, Value::Bool(true));
                    }
                } else if let Some(ok) = ok {
                    let z = self.zero_value(ty);
                    self.set(g, dst, z);
                    self.set(g, ok, Value::Bool(false));
                } else {
                    return Err(self.assert_error(g, dyn_ty, ty));
                }
            }
            Instr::IfaceType { dst, src } => {
                let (t, _) = self.iface_parts(r(self, src));
                self.set(g, dst, Value::Int(t.map_or(-1, |t| i64::from(t.0))));
            }
            Instr::Implements { dst, ty_reg, iface } => {
                let t = r(self, ty_reg).as_int();
                let v = t >= 0
                    && self
                        .prog
                        .implements(gosched_lang::bytecode::TypeId(t as u32), iface);
                self.set(g, dst, Value::Bool(v));
            }

            // ===== channels =====
            Instr::MakeChan { dst, ty, cap } => {
                let c = cap.map_or(0, |c| r(self, c).as_int());
                let v = self.make_chan(ty, c)?;
                self.set(g, dst, v);
            }
            Instr::Send { ch, v } => return self.chan_send(p, g, r(self, ch), r(self, v)),
            Instr::Recv { dst, ch, ok } => return self.chan_recv(p, g, r(self, ch), dst, ok),
            Instr::Close { ch } => self.chan_close(p, g, r(self, ch))?,
            Instr::Select { table, dst } => return self.select(p, g, table, dst),

            // ===== closures =====
            Instr::MakeClosure { dst, func, src, n } => {
                let caps = self.regs_from(g, src, n).into_boxed_slice();
                let o = self.heap.alloc(Obj::Closure { func, caps });
                self.set(g, dst, Value::Ref(o));
            }
            Instr::LoadCapture { dst, idx } => {
                let c = self.gs[g.index()].frames.last().and_then(|f| f.closure);
                let v = match c.map(|c| self.heap.get(c)) {
                    Some(Obj::Closure { caps, .. }) => {
                        caps.get(idx as usize).copied().unwrap_or_default()
                    }
                    _ => Value::Nil,
                };
                self.set(g, dst, v);
            }
        }
        Ok(Flow::Next)
    }

    fn jump(&mut self, g: GoId, to: u32) {
        if let Some(f) = self.gs[g.index()].frames.last_mut() {
            f.pc = to;
        }
    }

    /// (func, pc) of the instruction being executed.
    pub(crate) fn cur_instr(&self, g: GoId) -> (gosched_lang::bytecode::FuncId, u32) {
        let (f, pc) = self.cur_loc(g);
        (f, pc.saturating_sub(1))
    }

    /// Cooperative preemption at a call (the stack-check prologue). Returns
    /// true when the goroutine was stopped (the call runs again later).
    fn coop_preempt_here(&mut self, p: ProcId, g: GoId) -> bool {
        if !self.gs[g.index()].preempt || self.nested > 0 {
            return false;
        }
        self.gs[g.index()].retry = true;
        self.gosched(p, crate::trace::StopReason::Preempted);
        true
    }

    /// Observes every slot of an aggregate (copying or comparing a struct).
    fn observe_aggregate(&mut self, p: ProcId, g: GoId, v: Value, write: bool) {
        if !self.observing() {
            return;
        }
        if let Value::Ref(o) = v {
            if matches!(
                self.heap.cells_kind(o),
                Some(CellsKind::Struct(_) | CellsKind::Array(_))
            ) {
                for slot in 0..self.heap.slots(o).len() as u32 {
                    self.observe(p, g, CellId { obj: o, slot }, write, false);
                }
            }
        }
    }

    /// The panic of a failed `x.(T)`.
    fn assert_error(
        &self,
        g: GoId,
        dyn_ty: Option<gosched_lang::bytecode::TypeId>,
        ty: gosched_lang::bytecode::TypeId,
    ) -> Trap {
        let (func, pc) = self.cur_instr(g);
        let src_name = self
            .prog
            .func(func)
            .debug
            .get(pc as usize)
            .and_then(|d| d.access)
            .map_or_else(
                || "interface {}".to_string(),
                |n| self.prog.name(n).to_string(),
            );
        let want = &self.prog.ty(ty).name;
        let msg = match dyn_ty {
            None => format!("interface conversion: {src_name} is nil, not {want}"),
            Some(d) if matches!(self.prog.ty(ty).kind, TypeKind::Interface { .. }) => {
                let missing = match &self.prog.ty(ty).kind {
                    TypeKind::Interface { methods } => methods
                        .iter()
                        .find(|m| self.prog.method(d, **m).is_none())
                        .map(|m| {
                            gosched_lang::bytecode::method_name(self.prog.name(*m)).to_string()
                        })
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                format!(
                    "interface conversion: {} is not {want}: missing method {missing}",
                    self.prog.ty(d).name
                )
            }
            Some(d) => format!(
                "interface conversion: {src_name} is {}, not {want}",
                self.prog.ty(d).name
            ),
        };
        Trap::RuntimeText(msg)
    }

    fn min_max(&self, max: bool, ty: gosched_lang::bytecode::TypeId, x: Value, y: Value) -> Value {
        let pick_y = match &self.prog.ty(ty).kind {
            TypeKind::Int(t) => {
                if max {
                    int_cmp(CmpOp::Gt, *t, y.as_int(), x.as_int())
                } else {
                    int_cmp(CmpOp::Lt, *t, y.as_int(), x.as_int())
                }
            }
            TypeKind::Float(_) => {
                let (a, b) = (x.as_float(), y.as_float());
                if a.is_nan() {
                    return x;
                }
                if b.is_nan() {
                    return y;
                }
                if max {
                    b > a
                } else {
                    b < a
                }
            }
            TypeKind::String => {
                let o = self.heap.bytes_of(y).cmp(self.heap.bytes_of(x));
                if max {
                    o.is_gt()
                } else {
                    o.is_lt()
                }
            }
            _ => false,
        };
        if pick_y {
            y
        } else {
            x
        }
    }

    /// `s[lo:hi:max]` with Go's bounds checks and messages.
    fn reslice(
        &mut self,
        seq: Value,
        lo: Option<i64>,
        hi: Option<i64>,
        max: Option<i64>,
    ) -> R<Value> {
        let (obj, off, len, cap, is_array) = match seq {
            Value::Slice(s) => (
                s.obj,
                s.off,
                i64::from(s.len),
                i64::from(self.heap.slice_cap(s)),
                false,
            ),
            Value::Ref(o) => {
                let n = self.heap.slots(o).len() as i64;
                (o, 0, n, n, true)
            }
            Value::Nil => (crate::ids::ObjId(0), 0, 0, 0, false),
            _ => return Err(nil_deref()),
        };
        let what = if is_array { "length" } else { "capacity" };
        let l = lo.unwrap_or(0);
        let h = hi.unwrap_or(len);
        if let Some(m) = max {
            if m < 0 || m > cap {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [::{m}] with {what} {cap}"
                )));
            }
            if h < 0 || h > m {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [:{h}:{m}]"
                )));
            }
            if l < 0 || l > h {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [{l}:{h}:]"
                )));
            }
        } else {
            if h < 0 || h > cap {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [:{h}] with {what} {cap}"
                )));
            }
            if l < 0 || l > h {
                return Err(Trap::Runtime(format!(
                    "slice bounds out of range [{l}:{h}]"
                )));
            }
        }
        if seq == Value::Nil {
            return Ok(Value::Nil);
        }
        match max {
            Some(m) if m < cap => {
                // A three-index slice limits capacity: a view onto the backing.
                let (base, start) = match self.heap.get(obj) {
                    Obj::View { base, start, .. } => (*base, *start + off),
                    _ => (obj, off),
                };
                let view = self.heap.alloc(Obj::View {
                    base,
                    start: start + l as u32,
                    cap: (m - l) as u32,
                });
                Ok(Value::Slice(SliceRef {
                    obj: view,
                    off: 0,
                    len: (h - l) as u32,
                }))
            }
            _ => Ok(Value::Slice(SliceRef {
                obj,
                off: off + l as u32,
                len: (h - l) as u32,
            })),
        }
    }

    /// `append(s, vals...)` with Go's growth policy.
    fn append(
        &mut self,
        p: ProcId,
        g: GoId,
        s: Value,
        elem: gosched_lang::bytecode::TypeId,
        vals: &[Value],
    ) -> R<Value> {
        let cur = match s {
            Value::Slice(sr) => Some(sr),
            _ => None,
        };
        let len = cur.map_or(0, |c| c.len) as u64;
        let cap = cur.map_or(0, |c| self.heap.slice_cap(c)) as u64;
        let new_len = len + vals.len() as u64;
        if new_len > u64::from(u32::MAX) / 2 {
            return Err(Trap::Runtime("growslice: len out of range".into()));
        }
        if vals.is_empty() {
            return Ok(s);
        }
        if new_len <= cap {
            let c = cur.expect("cap > 0 implies a slice");
            let grown = SliceRef {
                len: new_len as u32,
                ..c
            };
            for (i, v) in vals.iter().enumerate() {
                let (o, k) = self.heap.slice_slot(grown, (len as usize + i) as u32);
                self.store_slot(p, g, o, k, *v)?;
            }
            return Ok(Value::Slice(grown));
        }
        let new_cap = grow_cap(cap, new_len, self.type_size(elem).max(1));
        if new_cap > self.max_alloc_elems() {
            return Err(Trap::Runtime("growslice: len out of range".into()));
        }
        self.reserve_collecting(new_cap * 8)?;
        let mut elems = Vec::with_capacity(new_cap as usize);
        if let Some(c) = cur {
            for i in 0..c.len {
                let (o, k) = self.heap.slice_slot(c, i);
                if self.observing() {
                    self.observe(p, g, CellId { obj: o, slot: k }, false, false);
                }
                elems.push(self.heap.slots(o)[k as usize]);
            }
        }
        elems.extend_from_slice(vals);
        while (elems.len() as u64) < new_cap {
            let z = self.zero_value(elem);
            elems.push(z);
        }
        let obj = self.heap.alloc_cells(CellsKind::Backing(elem), elems);
        let out = SliceRef {
            obj,
            off: 0,
            len: new_len as u32,
        };
        if self.observing() {
            for i in len as u32..new_len as u32 {
                self.observe(p, g, CellId { obj, slot: i }, true, false);
            }
        }
        Ok(Value::Slice(out))
    }

    /// `copy(to, from)`: returns the number of elements copied.
    fn copy_builtin(&mut self, p: ProcId, g: GoId, to: Value, from: Value) -> R<i64> {
        let Value::Slice(t) = to else { return Ok(0) };
        let src: Vec<Value> = match from {
            Value::Str(_) => self
                .heap
                .bytes_of(from)
                .iter()
                .map(|&b| Value::Int(i64::from(b)))
                .collect(),
            Value::Slice(fs) => {
                let slots = self.slice_slots(fs);
                let mut v = Vec::with_capacity(slots.len());
                for (o, k) in slots.into_iter().take(t.len as usize) {
                    v.push(self.load_slot(p, g, o, k)?);
                }
                v
            }
            _ => Vec::new(),
        };
        let n = src.len().min(t.len as usize);
        for (i, v) in src.into_iter().take(n).enumerate() {
            let (o, k) = self.heap.slice_slot(t, i as u32);
            self.store_slot(p, g, o, k, v)?;
        }
        Ok(n as i64)
    }
}
