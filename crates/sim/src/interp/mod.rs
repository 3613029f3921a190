//! The bytecode interpreter: a fast loop for register-only instructions and a slow path for the rest.
//!
//! `exec` runs the goroutine on a P for a burst. The fast loop keeps the
//! frame's registers and code in locals and handles arithmetic, moves,
//! jumps and (when nobody observes memory) plain loads and stores. Anything
//! that changes frames, allocates, blocks, may panic, or must be observed by
//! the race detector or the trace leaves the fast loop and runs in
//! [`Machine::slow`] with full access to the machine.

mod call;
mod maps;
mod mem;
mod ops;
mod slow;

pub(crate) use ops::{int_cmp, int_op};

use gosched_lang::bytecode::{CmpOp, FloatOp, FloatTy, Instr, IntOp, IntTy};

use crate::config::TraceLevel;
use crate::ids::{GoId, Nanos, ProcId};
use crate::machine::{Machine, ALLOC_BYTES_PER_SLOT, WORK_IN_A_STEP};
use crate::value::Value;

/// Why an instruction could not complete normally.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Trap {
    /// A runtime error panic: `runtime error: <msg>`.
    Runtime(String),
    /// A runtime error whose text has no `runtime error: ` prefix
    /// (`interface conversion: ...`).
    RuntimeText(String),
    /// `panic(v)` with an interface value.
    Panic(Value),
    /// An unrecoverable `fatal error: <msg>` (printed as given).
    Fatal(String),
    /// The run has already ended (outcome set); unwind everything.
    Ended,
}

/// What happens after an instruction on the slow path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Keep running this goroutine (its frame may have changed).
    Next,
    /// The goroutine no longer runs on this P (parked, yielded, exited, in a
    /// syscall), or the run ended.
    Stop,
}

pub(crate) type R<T> = Result<T, Trap>;

impl Machine {
    /// Whether memory accesses must go through the slow path to be observed.
    #[inline]
    pub(crate) fn observing(&self) -> bool {
        self.race.is_some() || self.cfg.trace == TraceLevel::Full
    }

    /// Runs the goroutine on `p` for at most `budget` steps (the caller
    /// caps the budget by the room before simulated time `horizon`).
    /// Returns true if it stopped because the clock reached the horizon
    /// (checked after each slow-path instruction and unobserved memory access).
    pub(crate) fn exec(&mut self, p: ProcId, budget: u64, horizon: Nanos) -> bool {
        let Some(g) = self.sched.p(p).curg else {
            return false;
        };
        let cost = self.cfg.cost.instr.max(1);
        let mut left = budget.max(1);
        let observing = self.observing();
        while left > 0 {
            // Steered runs send memory accesses to the slow path while they
            // can be switch points (see `explore/steer.rs`); nothing the
            // fast loop does can change that, so it is decided here.
            let observe = observing || (self.steer.is_some() && self.memory_switch_points(p));
            // An observed memory access goes through the slow path, which
            // ends the burst once the clock reaches the horizon; the fast
            // loop ends it at the same instruction, so observing memory (the
            // race detector, the full trace, the explorer) never changes the run.
            let clock = self.sched.p(p).clock;
            let mem_stop = horizon.saturating_sub(clock).div_ceil(cost);
            let (n, slow, at_horizon) = self.fast(g, left, observe, mem_stop);
            self.account(p, n, cost);
            if n > 0 && self.steer.is_some() {
                // It has moved on from the instruction it was switched
                // before (that instruction took the fast path).
                self.gs[g.index()].switched = false;
            }
            left -= n;
            let Some(ins) = slow else {
                return at_horizon;
            };
            if self.steer.is_some() && self.switch_point(p, g, &ins) {
                return false;
            }
            self.account(p, 1, cost);
            let alloc0 = self.heap.total_allocated;
            let flow = match self.slow(p, g, ins) {
                Ok(flow) => flow,
                Err(trap) => self.trap(p, g, trap),
            };
            let extra = self.settle_work(alloc0);
            left = left.saturating_sub(1 + extra);
            if flow == Flow::Stop || self.outcome.is_some() || self.sched.p(p).curg != Some(g) {
                return false;
            }
            if self.sched.p(p).clock >= horizon {
                return true;
            }
        }
        false
    }

    /// Work done by an instruction (the slots noted with [`Self::work`], or
    /// what it allocated since `alloc0` if that is more: the two often count
    /// the same elements) beyond [`WORK_IN_A_STEP`], as extra steps; returns
    /// how many.
    pub(crate) fn settle_work(&mut self, alloc0: u64) -> u64 {
        let allocated = self.heap.total_allocated.saturating_sub(alloc0);
        let slots = self.work.max(allocated / ALLOC_BYTES_PER_SLOT);
        self.work = 0;
        let extra = slots.saturating_sub(WORK_IN_A_STEP);
        self.step = self.step.saturating_add(extra);
        extra
    }

    /// Notes `slots` copied, compared, zeroed or scanned by the current instruction.
    #[inline]
    pub(crate) fn work(&mut self, slots: u64) {
        self.work = self.work.saturating_add(slots);
    }

    #[inline]
    fn account(&mut self, p: ProcId, n: u64, cost: u64) {
        self.step += n;
        self.stats.instructions += n;
        self.sched.p_mut(p).clock += n * cost;
    }

    /// The fast loop. Returns how many instructions it executed, the
    /// instruction at the current pc it could not handle (not executed), and
    /// whether it stopped at the horizon: an unobserved memory access that is
    /// the `mem_stop`-th instruction or later ends the loop (see [`Machine::exec`]).
    pub(crate) fn fast(
        &mut self,
        g: GoId,
        max: u64,
        observe: bool,
        mem_stop: u64,
    ) -> (u64, Option<Instr>, bool) {
        let prog = &*self.prog;
        let consts = &*self.consts;
        let heap = &mut self.heap;
        let gg = &mut self.gs[g.index()];
        let Some(fr) = gg.frames.last_mut() else {
            return (0, Some(Instr::Nop), false);
        };
        let f = &prog.funcs[fr.func.index()];
        let code = &f.code[..];
        let base = fr.base as usize;
        let Some(regs) = gg.regs.get_mut(base..base + f.nregs as usize) else {
            return (0, Some(Instr::Nop), false);
        };
        let mut pc = fr.pc as usize;
        let mut n = 0u64;
        let mut at_horizon = false;
        macro_rules! r {
            ($r:expr) => {
                regs[$r.0 as usize]
            };
        }
        // After an unobserved memory access: end the loop where the slow
        // path's horizon check would have ended the burst.
        macro_rules! mem_done {
            () => {
                if n + 1 >= mem_stop {
                    pc += 1;
                    n += 1;
                    at_horizon = true;
                    break None;
                }
            };
        }
        let slow = loop {
            if n == max {
                break None;
            }
            let Some(&ins) = code.get(pc) else {
                break Some(Instr::Nop);
            };
            match ins {
                Instr::Nop => {}
                Instr::Move { dst, src } => r!(dst) = r!(src),
                Instr::LoadInt { dst, imm } => r!(dst) = Value::Int(i64::from(imm)),
                Instr::LoadConst { dst, k } => r!(dst) = consts[k.index()],
                Instr::LoadNil { dst } => r!(dst) = Value::Nil,
                Instr::LoadBool { dst, v } => r!(dst) = Value::Bool(v),
                Instr::LoadFunc { dst, func } => r!(dst) = Value::Func(func),
                Instr::Int { op, ty, dst, a, b } => {
                    let (x, y) = (r!(a).as_int(), r!(b).as_int());
                    match fast_int(op, ty, x, y) {
                        Some(v) => r!(dst) = Value::Int(v),
                        None => break Some(ins),
                    }
                }
                Instr::IntImm {
                    op,
                    ty,
                    dst,
                    a,
                    imm,
                } => {
                    let x = r!(a).as_int();
                    match fast_int(op, ty, x, ty.wrap(i64::from(imm))) {
                        Some(v) => r!(dst) = Value::Int(v),
                        None => break Some(ins),
                    }
                }
                Instr::NegInt { ty, dst, a } => {
                    r!(dst) = Value::Int(ty.wrap(r!(a).as_int().wrapping_neg()))
                }
                Instr::NotInt { ty, dst, a } => r!(dst) = Value::Int(ty.wrap(!r!(a).as_int())),
                Instr::Float { op, ty, dst, a, b } => {
                    let (x, y) = (r!(a).as_float(), r!(b).as_float());
                    let v = match op {
                        FloatOp::Add => x + y,
                        FloatOp::Sub => x - y,
                        FloatOp::Mul => x * y,
                        FloatOp::Div => x / y,
                    };
                    r!(dst) = Value::Float(if ty == FloatTy::F32 {
                        v as f32 as f64
                    } else {
                        v
                    });
                }
                Instr::NegFloat { dst, a } => r!(dst) = Value::Float(-r!(a).as_float()),
                Instr::Not { dst, a } => r!(dst) = Value::Bool(!r!(a).as_bool()),
                Instr::CmpInt { op, ty, dst, a, b } => {
                    r!(dst) = Value::Bool(int_cmp(op, ty, r!(a).as_int(), r!(b).as_int()));
                }
                Instr::CmpIntImm {
                    op,
                    ty,
                    dst,
                    a,
                    imm,
                } => {
                    r!(dst) = Value::Bool(int_cmp(op, ty, r!(a).as_int(), ty.wrap(i64::from(imm))));
                }
                Instr::CmpFloat { op, dst, a, b } => {
                    let (x, y) = (r!(a).as_float(), r!(b).as_float());
                    r!(dst) = Value::Bool(match op {
                        CmpOp::Eq => x == y,
                        CmpOp::Ne => x != y,
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                    });
                }
                Instr::EqRef { dst, a, b, ne } => r!(dst) = Value::Bool((r!(a) == r!(b)) != ne),
                Instr::Jump { to } => {
                    pc = to as usize;
                    n += 1;
                    continue;
                }
                Instr::JumpIf { cond, to } => {
                    if r!(cond).as_bool() {
                        pc = to as usize;
                        n += 1;
                        continue;
                    }
                }
                Instr::JumpIfNot { cond, to } => {
                    if !r!(cond).as_bool() {
                        pc = to as usize;
                        n += 1;
                        continue;
                    }
                }
                Instr::JumpIfNotCmpInt { op, ty, a, b, to } => {
                    if !int_cmp(op, ty, r!(a).as_int(), r!(b).as_int()) {
                        pc = to as usize;
                        n += 1;
                        continue;
                    }
                }
                Instr::LoadCapture { dst, idx } => {
                    let Some(c) = fr.closure else { break Some(ins) };
                    match heap.get(c) {
                        crate::heap::Obj::Closure { caps, .. } => match caps.get(idx as usize) {
                            Some(v) => r!(dst) = *v,
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                }
                Instr::Builtin1 {
                    op: gosched_lang::bytecode::Builtin1::LenString,
                    dst,
                    a,
                } => {
                    r!(dst) = Value::Int(match r!(a) {
                        Value::Str(s) => i64::from(s.len),
                        _ => 0,
                    });
                }
                Instr::Builtin1 {
                    op: gosched_lang::bytecode::Builtin1::LenSlice,
                    dst,
                    a,
                } => {
                    r!(dst) = Value::Int(match r!(a) {
                        Value::Slice(s) => i64::from(s.len),
                        _ => 0,
                    });
                }
                // Unobserved memory: plain loads and stores of boxes, globals,
                // fields and elements.
                Instr::LoadBox { dst, boxed } if !observe => {
                    match r!(boxed) {
                        Value::Ptr(o, i) => match heap.slots(o).get(i as usize) {
                            Some(v) => r!(dst) = *v,
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::StoreBox { boxed, src } if !observe => {
                    match r!(boxed) {
                        Value::Ptr(o, i) => match heap.slots_mut(o).get_mut(i as usize) {
                            Some(slot) => *slot = r!(src),
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::LoadGlobal { dst, g } if !observe => {
                    r!(dst) = heap.slots(self.globals)[g.index()];
                    mem_done!();
                }
                Instr::StoreGlobal { g, src } if !observe => {
                    heap.slots_mut(self.globals)[g.index()] = r!(src);
                    mem_done!();
                }
                Instr::GlobalRef { dst, g } => r!(dst) = heap.slots(self.globals)[g.index()],
                Instr::LoadField { dst, obj, field } if !observe => {
                    match r!(obj) {
                        Value::Ref(o) => match heap.slots(o).get(field as usize) {
                            Some(v) => r!(dst) = *v,
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::StoreField { obj, field, src } if !observe => {
                    match r!(obj) {
                        Value::Ref(o) => match heap.slots_mut(o).get_mut(field as usize) {
                            Some(slot) => *slot = r!(src),
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::FieldRef { dst, obj, field } => match r!(obj) {
                    Value::Ref(o) => match heap.slots(o).get(field as usize) {
                        Some(v) => r!(dst) = *v,
                        None => break Some(ins),
                    },
                    _ => break Some(ins),
                },
                Instr::LoadIndex { dst, seq, idx } if !observe => {
                    let i = r!(idx).as_int();
                    match r!(seq) {
                        Value::Slice(s) if i >= 0 && (i as u64) < u64::from(s.len) => {
                            let (o, k) = heap.slice_slot(s, i as u32);
                            match heap.slots(o).get(k as usize) {
                                Some(v) => r!(dst) = *v,
                                None => break Some(ins),
                            }
                        }
                        Value::Ref(o) if i >= 0 => match heap.slots(o).get(i as usize) {
                            Some(v) => r!(dst) = *v,
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::StoreIndex { seq, idx, src } if !observe => {
                    let i = r!(idx).as_int();
                    let v = r!(src);
                    match r!(seq) {
                        Value::Slice(s) if i >= 0 && (i as u64) < u64::from(s.len) => {
                            let (o, k) = heap.slice_slot(s, i as u32);
                            match heap.slots_mut(o).get_mut(k as usize) {
                                Some(slot) => *slot = v,
                                None => break Some(ins),
                            }
                        }
                        Value::Ref(o) if i >= 0 => match heap.slots_mut(o).get_mut(i as usize) {
                            Some(slot) => *slot = v,
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::LoadPtr { dst, ptr } if !observe => {
                    match r!(ptr) {
                        Value::Ptr(o, i) => match heap.slots(o).get(i as usize) {
                            Some(v) => r!(dst) = *v,
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                Instr::StorePtr { ptr, src } if !observe => {
                    match r!(ptr) {
                        Value::Ptr(o, i) => match heap.slots_mut(o).get_mut(i as usize) {
                            Some(slot) => *slot = r!(src),
                            None => break Some(ins),
                        },
                        _ => break Some(ins),
                    }
                    mem_done!();
                }
                _ => break Some(ins),
            }
            pc += 1;
            n += 1;
        };
        fr.pc = pc as u32;
        (n, slow, at_horizon)
    }
}

/// Integer operations the fast loop may do: everything except those that can
/// panic (division by zero, negative shift counts), which go to the slow path.
#[inline]
fn fast_int(op: IntOp, ty: IntTy, x: i64, y: i64) -> Option<i64> {
    match op {
        IntOp::Div | IntOp::Rem if y == 0 => None,
        IntOp::Shl | IntOp::Shr if y < 0 => None,
        _ => int_op(op, ty, x, y).ok(),
    }
}

pub(crate) use call::BLOCKING_IN_CALLBACK as BLOCKING_IN_CALLBACK_MSG;
pub(crate) use mem::nil_deref as mem_nil_deref;
pub(crate) use ops::decode_rune as decode_rune_pub;
pub(crate) use ops::encode_rune as encode_rune_pub;
