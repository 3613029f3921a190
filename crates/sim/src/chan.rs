//! Channels and `select`: buffers, FIFO waiter queues, direct handoff, close, and the
//! happens-before edges they create (runtime/chan.go, select.go).

use std::collections::VecDeque;

use gosched_lang::bytecode::{FuncId, Instr, Reg, SelectCase, SelectId, TypeId, TypeKind};

use crate::config::TraceLevel;
use crate::heap::Obj;
use crate::ids::{GoId, ObjId, ProcId};
use crate::interp::{Flow, Trap, R};
use crate::machine::Machine;
use crate::race::SyncKey;
use crate::rng::ChoiceKind;
use crate::sched::g::{Park, WaitReason};
use crate::trace::EventKind;

/// A live case of the `select` a goroutine is about to run, for the page's
/// "be the scheduler" ([`Machine::pending_select`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectCaseView {
    /// Its number among the `select`'s cases, from 0 in source order.
    pub case: u32,
    pub line: u32,
    pub send: bool,
    /// It can proceed now.
    pub ready: bool,
}
use crate::value::Value;

/// The largest buffer `make(chan T, n)` accepts here (Go's limit depends on
/// the element size and memory; this keeps the simulator's memory bounded).
const MAX_CHAN_CAP: i64 = 1 << 24;

/// A goroutine waiting in a channel's queue (Go's sudog).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Waiter {
    pub g: GoId,
    /// The select case this waiter stands for, if it is a select.
    pub case: Option<u16>,
    /// The value a blocked sender sends.
    pub val: Value,
}

/// runtime.hchan.
#[derive(Clone, Debug)]
pub struct ChanObj {
    /// The channel type (`chan int`).
    pub ty: TypeId,
    pub elem: TypeId,
    pub cap: u32,
    pub buf: VecDeque<Value>,
    pub closed: bool,
    pub recvq: VecDeque<Waiter>,
    pub sendq: VecDeque<Waiter>,
    /// Sends and receives completed through the buffer (ring indices for the
    /// race detector's per-slot clocks).
    pub sendx: u64,
    pub recvx: u64,
}

impl ChanObj {
    pub fn for_each_value(&self, f: &mut impl FnMut(&Value)) {
        self.buf.iter().for_each(&mut *f);
        self.sendq.iter().for_each(|w| f(&w.val));
    }
}

impl Machine {
    fn chan_mut(&mut self, o: ObjId) -> Option<&mut ChanObj> {
        match self.heap.get_mut(o) {
            Obj::Chan(c) => Some(c),
            _ => None,
        }
    }

    fn chan(&self, o: ObjId) -> Option<&ChanObj> {
        match self.heap.get(o) {
            Obj::Chan(c) => Some(c),
            _ => None,
        }
    }

    pub(crate) fn make_chan(&mut self, ty: TypeId, cap: i64) -> R<Value> {
        if !(0..=MAX_CHAN_CAP).contains(&cap) {
            return Err(Trap::RuntimeText("makechan: size out of range".into()));
        }
        let elem = match &self.prog.ty(ty).kind {
            TypeKind::Chan { elem, .. } => *elem,
            _ => ty,
        };
        let c = ChanObj {
            ty,
            elem,
            cap: cap as u32,
            buf: VecDeque::new(),
            closed: false,
            recvq: VecDeque::new(),
            sendq: VecDeque::new(),
            sendx: 0,
            recvx: 0,
        };
        Ok(Value::Ref(self.heap.alloc(Obj::Chan(Box::new(c)))))
    }

    pub(crate) fn chan_len(&self, v: Value) -> i64 {
        match v {
            Value::Ref(o) => self.chan(o).map_or(0, |c| c.buf.len() as i64),
            _ => 0,
        }
    }

    pub(crate) fn chan_cap(&self, v: Value) -> i64 {
        match v {
            Value::Ref(o) => self.chan(o).map_or(0, |c| i64::from(c.cap)),
            _ => 0,
        }
    }

    /// Refuses to block inside a callback from a native.
    fn check_can_block(&self) -> R<()> {
        if self.nested > 0 {
            return Err(Trap::Fatal(crate::interp::BLOCKING_IN_CALLBACK_MSG.into()));
        }
        Ok(())
    }

    /// Parks the G on `p` forever (nil channel, empty select).
    fn block_forever(&mut self, p: ProcId, g: GoId, reason: WaitReason) -> R<Flow> {
        self.check_can_block()?;
        self.gs[g.index()].park = Park::Forever;
        self.park(p, reason, None);
        Ok(Flow::Stop)
    }

    /// Writes into a register of a parked goroutine's top frame.
    fn set_parked_reg(&mut self, g: GoId, r: Reg, v: Value) {
        self.set(g, r, v);
    }

    /// Delivers a received value to waiter `w` (a blocked receiver or a
    /// select) and wakes it into `p`'s runnext.
    fn wake_receiver(&mut self, p: Option<ProcId>, w: Waiter, v: Value, ok: bool) {
        match (w.case, self.gs[w.g.index()].park.clone()) {
            (None, Park::Recv { dst, ok: okr, .. }) => {
                if let Some(d) = dst {
                    self.set_parked_reg(w.g, d, v);
                }
                if let Some(o) = okr {
                    self.set_parked_reg(w.g, o, Value::Bool(ok));
                }
            }
            (
                Some(case),
                Park::Select {
                    table_func,
                    table,
                    dst,
                    chans,
                },
            ) => {
                let c = self.prog.func(table_func).selects[table as usize].cases[case as usize];
                if let Some(d) = c.val {
                    self.set_parked_reg(w.g, d, v);
                }
                if let Some(o) = c.ok {
                    self.set_parked_reg(w.g, o, Value::Bool(ok));
                }
                self.set_parked_reg(w.g, dst, Value::Int(i64::from(case)));
                self.dequeue_select(w.g, &chans);
            }
            _ => {}
        }
        self.ready(w.g, p);
    }

    /// Wakes blocked sender `w` whose value was taken (or whose channel closed).
    fn wake_sender(&mut self, p: Option<ProcId>, w: Waiter, closed: bool) {
        if let (Some(case), Park::Select { dst, chans, .. }) =
            (w.case, self.gs[w.g.index()].park.clone())
        {
            self.set_parked_reg(w.g, dst, Value::Int(i64::from(case)));
            self.dequeue_select(w.g, &chans);
        }
        if closed {
            self.gs[w.g.index()].pending_panic = Some("send on closed channel".into());
        }
        self.ready(w.g, p);
    }

    /// Removes a woken select's other waiters from every channel it waited on.
    fn dequeue_select(&mut self, g: GoId, chans: &[ObjId]) {
        for &o in chans {
            if let Some(c) = self.chan_mut(o) {
                c.recvq.retain(|w| w.g != g);
                c.sendq.retain(|w| w.g != g);
            }
        }
    }

    /// `ch <- v` by `g` on `p` (chan.go: chansend).
    pub(crate) fn chan_send(&mut self, p: ProcId, g: GoId, ch: Value, v: Value) -> R<Flow> {
        let Value::Ref(o) = ch else {
            return self.block_forever(p, g, WaitReason::ChanSendNilChan);
        };
        self.sched.p_mut(p).clock += self.cfg.cost.chan_op;
        match self.try_send(p, g, o, v)? {
            true => Ok(Flow::Next),
            false => {
                self.check_can_block()?;
                if let Some(c) = self.chan_mut(o) {
                    c.sendq.push_back(Waiter {
                        g,
                        case: None,
                        val: v,
                    });
                }
                self.gs[g.index()].park = Park::Send { ch: o, val: v };
                self.park(p, WaitReason::ChanSend, Some(o));
                Ok(Flow::Stop)
            }
        }
    }

    /// Traces a `select` that went on without blocking: by case `taken`
    /// (number and case), or by its `default`; `ready` is the mask of
    /// [`Self::ready_cases`].
    fn emit_select(&mut self, g: GoId, func: FuncId, taken: Option<(u16, SelectCase)>, ready: u64) {
        if self.cfg.trace == TraceLevel::Off {
            return;
        }
        let line = taken.map_or(0, |(_, case)| {
            let f = self.prog.func(func);
            self.prog.files[f.file.index()]
                .lines
                .line_col(case.span.lo)
                .line
        });
        self.emit(EventKind::Select {
            g,
            case: taken.map(|(i, _)| u32::from(i)),
            line,
            ready: ready.count_ones(),
        });
    }

    /// The cases of `g`'s `select` that can ever proceed (cases on nil
    /// channels never do), in case order, with their channels.
    fn live_cases(&self, cases: &[SelectCase], g: GoId) -> Vec<(u16, ObjId)> {
        cases
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match self.reg(g, c.ch) {
                Value::Ref(o) => Some((i as u16, o)),
                _ => None,
            })
            .collect()
    }

    /// Which of a `select`'s live cases (those on non-nil channels, in case
    /// order) can proceed now, a bit per live case (the first 64): a send to
    /// a closed channel, to a waiting receiver or into buffer space; a
    /// receive from a closed channel, a waiting sender or a buffered value.
    fn ready_cases(&self, cases: &[SelectCase], live: &[(u16, ObjId)]) -> u64 {
        let mut mask = 0u64;
        for (k, &(i, o)) in live.iter().enumerate().take(64) {
            let Some(c) = self.chan(o) else { continue };
            let ready = if cases[i as usize].send {
                c.closed || !c.recvq.is_empty() || (c.buf.len() as u32) < c.cap
            } else {
                c.closed || !c.sendq.is_empty() || !c.buf.is_empty()
            };
            if ready {
                mask |= 1 << k;
            }
        }
        mask
    }

    /// The live cases (on non-nil channels, in case order) of the `select`
    /// goroutine `g` is about to run, as the page's "be the scheduler" names
    /// them: case number, line, and whether it can proceed now. Empty when
    /// `g`'s next instruction is not a `select`.
    pub fn pending_select(&self, g: GoId) -> Vec<SelectCaseView> {
        let Some(gg) = self.gs.get(g.index()) else {
            return Vec::new();
        };
        let Some(f) = gg.frames.last() else {
            return Vec::new();
        };
        let func = self.prog.func(f.func);
        let Some(Instr::Select { table, .. }) = func.code.get(f.pc as usize) else {
            return Vec::new();
        };
        let cases = &func.selects[table.index()].cases;
        let file = &self.prog.files[func.file.index()];
        let live = self.live_cases(cases, g);
        let ready = self.ready_cases(cases, &live);
        live.iter()
            .enumerate()
            .map(|(k, &(i, _))| SelectCaseView {
                case: u32::from(i),
                line: file.lines.line_col(cases[i as usize].span.lo).line,
                send: cases[i as usize].send,
                ready: k < 64 && ready & 1 << k != 0,
            })
            .collect()
    }

    /// Sends without blocking if possible; returns whether it happened.
    fn try_send(&mut self, p: ProcId, g: GoId, o: ObjId, v: Value) -> R<bool> {
        let Some(c) = self.chan_mut(o) else {
            return Ok(false);
        };
        if c.closed {
            return Err(Trap::RuntimeText("send on closed channel".into()));
        }
        if let Some(w) = c.recvq.pop_front() {
            // Direct handoff to a waiting receiver.
            if let Some(r) = &mut self.race {
                r.handoff(g, w.g, SyncKey::Chan(o));
            }
            self.emit(EventKind::ChanSend { g, ch: o });
            self.emit(EventKind::ChanRecv {
                g: w.g,
                ch: o,
                closed: false,
            });
            self.wake_receiver(Some(p), w, v, true);
            return Ok(true);
        }
        if (c.buf.len() as u32) < c.cap {
            c.buf.push_back(v);
            let idx = c.sendx % u64::from(c.cap);
            c.sendx += 1;
            if let Some(r) = &mut self.race {
                r.release_acquire(g, SyncKey::ChanSlot(o, idx as u32));
            }
            self.emit(EventKind::ChanSend { g, ch: o });
            return Ok(true);
        }
        Ok(false)
    }

    /// `v, ok := <-ch` by `g` on `p` (chan.go: chanrecv).
    pub(crate) fn chan_recv(
        &mut self,
        p: ProcId,
        g: GoId,
        ch: Value,
        dst: Option<Reg>,
        ok: Option<Reg>,
    ) -> R<Flow> {
        let Value::Ref(o) = ch else {
            return self.block_forever(p, g, WaitReason::ChanReceiveNilChan);
        };
        self.sched.p_mut(p).clock += self.cfg.cost.chan_op;
        match self.try_recv(p, g, o)? {
            Some((v, got)) => {
                if let Some(d) = dst {
                    self.set(g, d, v);
                }
                if let Some(k) = ok {
                    self.set(g, k, Value::Bool(got));
                }
                Ok(Flow::Next)
            }
            None => {
                self.check_can_block()?;
                if let Some(c) = self.chan_mut(o) {
                    c.recvq.push_back(Waiter {
                        g,
                        case: None,
                        val: Value::Nil,
                    });
                }
                self.gs[g.index()].park = Park::Recv { ch: o, dst, ok };
                self.park(p, WaitReason::ChanReceive, Some(o));
                Ok(Flow::Stop)
            }
        }
    }

    /// Receives without blocking if possible: `Some((value, ok))`.
    fn try_recv(&mut self, p: ProcId, g: GoId, o: ObjId) -> R<Option<(Value, bool)>> {
        let Some(c) = self.chan_mut(o) else {
            return Ok(None);
        };
        if let Some(w) = c.sendq.pop_front() {
            let v = if c.cap == 0 {
                if let Some(r) = &mut self.race {
                    r.handoff(w.g, g, SyncKey::Chan(o));
                }
                w.val
            } else {
                // Buffer full: take the head, the sender's value goes to the tail.
                let v = c.buf.pop_front().unwrap_or_default();
                c.buf.push_back(w.val);
                let idx = c.recvx % u64::from(c.cap);
                c.recvx += 1;
                c.sendx += 1;
                if let Some(r) = &mut self.race {
                    r.release_acquire(g, SyncKey::ChanSlot(o, idx as u32));
                    r.release_acquire(w.g, SyncKey::ChanSlot(o, idx as u32));
                }
                v
            };
            self.emit(EventKind::ChanSend { g: w.g, ch: o });
            self.emit(EventKind::ChanRecv {
                g,
                ch: o,
                closed: false,
            });
            self.wake_sender(Some(p), w, false);
            return Ok(Some((v, true)));
        }
        if let Some(v) = c.buf.pop_front() {
            let idx = c.recvx % u64::from(c.cap.max(1));
            c.recvx += 1;
            if let Some(r) = &mut self.race {
                r.release_acquire(g, SyncKey::ChanSlot(o, idx as u32));
            }
            self.emit(EventKind::ChanRecv {
                g,
                ch: o,
                closed: false,
            });
            return Ok(Some((v, true)));
        }
        if c.closed {
            let elem = c.elem;
            if let Some(r) = &mut self.race {
                r.acquire(g, SyncKey::Chan(o));
            }
            self.emit(EventKind::ChanRecv {
                g,
                ch: o,
                closed: true,
            });
            let z = self.zero_value(elem);
            return Ok(Some((z, false)));
        }
        Ok(None)
    }

    /// `close(ch)` (chan.go: closechan): wakes every waiter; receivers get
    /// the zero value, senders will panic.
    pub(crate) fn chan_close(&mut self, p: ProcId, g: GoId, ch: Value) -> R<()> {
        let Value::Ref(o) = ch else {
            return Err(Trap::RuntimeText("close of nil channel".into()));
        };
        let Some(c) = self.chan_mut(o) else {
            return Err(Trap::RuntimeText("close of nil channel".into()));
        };
        if c.closed {
            return Err(Trap::RuntimeText("close of closed channel".into()));
        }
        c.closed = true;
        let recvs: Vec<Waiter> = c.recvq.drain(..).collect();
        let sends: Vec<Waiter> = c.sendq.drain(..).collect();
        let elem = c.elem;
        if let Some(r) = &mut self.race {
            r.release(g, SyncKey::Chan(o));
        }
        self.emit(EventKind::ChanClose { g, ch: o });
        // Go collects receivers then senders, pushing each at the head of a
        // list, then readies the list in order: senders last-to-first, then
        // receivers last-to-first, so the first receiver ends in runnext.
        for w in sends.into_iter().rev() {
            self.wake_sender(Some(p), w, true);
        }
        for w in recvs.into_iter().rev() {
            if let Some(r) = &mut self.race {
                r.acquire(w.g, SyncKey::Chan(o));
            }
            let z = self.zero_value(elem);
            self.wake_receiver(Some(p), w, z, false);
        }
        Ok(())
    }

    /// A send by the runtime (a timer or ticker firing): delivered only if it
    /// does not block; otherwise dropped, as Go's timer channels do.
    pub(crate) fn chan_send_nonblocking(&mut self, o: ObjId, v: Value, p: Option<ProcId>) {
        let Some(c) = self.chan_mut(o) else { return };
        if c.closed {
            return;
        }
        if let Some(w) = c.recvq.pop_front() {
            self.wake_receiver(p, w, v, true);
        } else if (c.buf.len() as u32) < c.cap.max(1) {
            c.buf.push_back(v);
        }
    }

    /// `select` (select.go: selectgo).
    pub(crate) fn select(&mut self, p: ProcId, g: GoId, table: SelectId, dst: Reg) -> R<Flow> {
        let func = self.cur_loc(g).0;
        let prog = self.prog.clone();
        let sel = &prog.func(func).selects[table.index()];
        self.sched.p_mut(p).clock += self.cfg.cost.chan_op;
        // Cases on nil channels never proceed.
        let live = self.live_cases(&sel.cases, g);
        // Poll in a uniformly random order. Be the scheduler: the first draw
        // carries the ready cases, among which the order really picks; the
        // trace says how many there were.
        let mut order = live.clone();
        let recording = order.len() > 1 && self.recording_choices();
        let ready = if recording || self.cfg.trace != TraceLevel::Off {
            self.ready_cases(&sel.cases, &live)
        } else {
            0
        };
        let mut among = if recording { ready } else { 0 };
        for i in (1..order.len()).rev() {
            let n = i as u32 + 1;
            let j = self.choose_among(ChoiceKind::Select, n, Some(g), Some(p), among) as usize;
            among = 0;
            order.swap(i, j);
        }
        for &(i, o) in &order {
            let case = sel.cases[i as usize];
            if case.send {
                let v = case.val.map_or(Value::Nil, |r| self.reg(g, r));
                if self.try_send(p, g, o, v)? {
                    self.set(g, dst, Value::Int(i64::from(i)));
                    self.emit_select(g, func, Some((i, case)), ready);
                    return Ok(Flow::Next);
                }
            } else if let Some((v, ok)) = self.try_recv(p, g, o)? {
                if let Some(d) = case.val {
                    self.set(g, d, v);
                }
                if let Some(k) = case.ok {
                    self.set(g, k, Value::Bool(ok));
                }
                self.set(g, dst, Value::Int(i64::from(i)));
                self.emit_select(g, func, Some((i, case)), ready);
                return Ok(Flow::Next);
            }
        }
        if sel.has_default {
            self.set(g, dst, Value::Int(sel.cases.len() as i64));
            self.emit_select(g, func, None, 0);
            return Ok(Flow::Next);
        }
        if live.is_empty() {
            return self.block_forever(p, g, WaitReason::SelectNoCases);
        }
        self.check_can_block()?;
        // Enqueue on every channel, in channel order (Go's lock order).
        let mut by_chan = live.clone();
        gosched_lang::sort::sort_by_key(&mut by_chan, |&(i, o)| (o, i));
        for &(i, o) in &by_chan {
            let case = sel.cases[i as usize];
            let val = if case.send {
                case.val.map_or(Value::Nil, |r| self.reg(g, r))
            } else {
                Value::Nil
            };
            if let Some(c) = self.chan_mut(o) {
                let w = Waiter {
                    g,
                    case: Some(i),
                    val,
                };
                if case.send {
                    c.sendq.push_back(w);
                } else {
                    c.recvq.push_back(w);
                }
            }
        }
        let mut chans: Vec<ObjId> = live.iter().map(|&(_, o)| o).collect();
        gosched_lang::sort::sort(&mut chans);
        chans.dedup();
        self.gs[g.index()].park = Park::Select {
            table_func: func,
            table: table.0,
            dst,
            chans,
        };
        self.park(p, WaitReason::Select, None);
        Ok(Flow::Stop)
    }
}
