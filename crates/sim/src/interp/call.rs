//! Calls, returns, deferred calls, panics and recovery, `go` statements, and natives calling back
//! into bytecode.

use gosched_lang::bytecode::{FuncId, NativeId, TypeKind};

use crate::heap::Obj;
use crate::ids::{GoId, ObjId, ProcId};
use crate::interp::mem::nil_deref;
use crate::interp::{Flow, Trap, R};
use crate::machine::{frame_bytes, Machine, SCAN_BYTES_PER_SLOT};
use crate::natives::{NRet, NativeCall};
use crate::outcome::LimitKind;
use crate::sched::g::{CallTarget, Defer, Frame, FrameKind, Panicking, G};
use crate::trace::EventKind;
use crate::value::Value;

/// How many frames of a deep stack a traceback prints before eliding
/// (runtime/traceback.go: `_TracebackMaxFrames = 100`).
const TRACEBACK_MAX_FRAMES: usize = 100;

/// Steps a native's callback (a `String` method called by fmt) may take.
const CALLBACK_STEP_LIMIT: u64 = 50_000_000;

impl Machine {
    /// Resolves a func value to what it calls.
    pub(crate) fn call_target(&self, v: Value) -> R<CallTarget> {
        match v {
            Value::Func(f) => Ok(CallTarget::Func(f)),
            Value::Native(n) => Ok(CallTarget::Native(n)),
            Value::Ref(o) => match self.heap.get(o) {
                Obj::Closure { func, .. } => Ok(CallTarget::Closure(o, *func)),
                _ => Err(nil_deref()),
            },
            _ => Err(nil_deref()),
        }
    }

    /// Pushes a frame calling `func` whose arguments are already in place at
    /// absolute register `abs`. Grows the simulated stack as Go does.
    pub(crate) fn push_frame(
        &mut self,
        g: GoId,
        func: FuncId,
        closure: Option<ObjId>,
        abs: usize,
        kind: FrameKind,
    ) -> R<()> {
        let nregs = self.prog.func(func).nregs;
        let max_stack = self.cfg.limits.max_stack;
        let gg = &mut self.gs[g.index()];
        let need = abs + nregs as usize + 1;
        if gg.regs.len() < need {
            gg.regs
                .resize(need.max(gg.regs.len() * 2).max(8), Value::Nil);
        }
        gg.stack_used += frame_bytes(nregs);
        while gg.stack_used > gg.stack_size {
            // stack.go: newstack doubles the stack; beyond maxstacksize it throws.
            let new = gg.stack_size * 2;
            if new > max_stack {
                gg.frames.push(Frame {
                    func,
                    pc: 0,
                    base: abs as u32,
                    closure,
                    kind,
                    returning: false,
                });
                return Err(Trap::Fatal(format!(
                    "runtime: goroutine stack exceeds {max_stack}-byte limit\nfatal error: stack overflow"
                )));
            }
            self.stats.live_stack_bytes += new - gg.stack_size;
            gg.stack_size = new;
            self.stats.peak_stack_bytes =
                self.stats.peak_stack_bytes.max(self.stats.live_stack_bytes);
        }
        let gg = &mut self.gs[g.index()];
        gg.frames.push(Frame {
            func,
            pc: 0,
            base: abs as u32,
            closure,
            kind,
            returning: false,
        });
        Ok(())
    }

    /// Absolute register index of register `r` in `g`'s top frame.
    pub(crate) fn abs(&self, g: GoId, r: u16) -> usize {
        self.gs[g.index()]
            .frames
            .last()
            .map_or(0, |f| f.base as usize)
            + r as usize
    }

    /// First register after the top frame's window (scratch space for
    /// natives' callbacks and deferred natives).
    fn scratch(&self, g: GoId) -> usize {
        let gg = &self.gs[g.index()];
        gg.frames.last().map_or(0, |f| {
            f.base as usize + self.prog.func(f.func).nregs as usize
        })
    }

    /// Calls `target` with arguments at absolute register `abs` of `g`
    /// (already in place), as the instruction at the current pc.
    pub(crate) fn call(&mut self, p: ProcId, g: GoId, target: CallTarget, abs: usize) -> R<Flow> {
        match target {
            CallTarget::Func(f) => {
                self.push_frame(g, f, None, abs, FrameKind::Normal)?;
                Ok(Flow::Next)
            }
            CallTarget::Closure(o, f) => {
                self.push_frame(g, f, Some(o), abs, FrameKind::Normal)?;
                Ok(Flow::Next)
            }
            CallTarget::Native(n) => self.call_native(p, g, n, abs),
        }
    }

    /// Moves `g`'s pc past the current instruction.
    #[inline]
    pub(crate) fn advance(&mut self, g: GoId) {
        if let Some(f) = self.gs[g.index()].frames.last_mut() {
            f.pc += 1;
        }
    }

    /// Runs native `n` with arguments at absolute register `abs`.
    pub(crate) fn call_native(&mut self, p: ProcId, g: GoId, n: NativeId, abs: usize) -> R<Flow> {
        let info = &self.prog.natives[n.index()];
        let mut call = NativeCall {
            p,
            g,
            base: abs,
            nargs: info.nparams as usize,
            nres: info.nresults as usize,
        };
        {
            let gg = &mut self.gs[g.index()];
            let need = abs + call.nargs.max(call.nres) + 1;
            if gg.regs.len() < need {
                gg.regs.resize(need, Value::Nil);
            }
        }
        // A native scans its string and slice arguments (at most): that is
        // its work beyond what it allocates.
        let args = (abs..abs + call.nargs).fold(0u64, |sum, i| {
            let slots = match self.gs[g.index()].regs.get(i) {
                Some(Value::Str(s)) => u64::from(s.len) / SCAN_BYTES_PER_SLOT,
                Some(Value::Slice(s)) => u64::from(s.len),
                _ => 0,
            };
            sum.saturating_add(slots)
        });
        self.work(args);
        let f = self.natives[n.index()];
        match f(self, &mut call)? {
            NRet::Done => Ok(Flow::Next),
            NRet::Parked | NRet::Stop => Ok(Flow::Stop),
            NRet::Retry => {
                self.gs[g.index()].retry = true;
                Ok(Flow::Stop)
            }
        }
    }

    // ===== returns and deferred calls =====

    /// `Ret`: return now, or first run the frame's deferred calls.
    pub(crate) fn ret(&mut self, p: ProcId, g: GoId, src: u16, n: u16) -> R<Flow> {
        let fr = *self.gs[g.index()].frames.last().ok_or(Trap::Ended)?;
        let f = self.prog.func(fr.func);
        if f.has_defer {
            self.gs[g.index()]
                .frames
                .last_mut()
                .expect("checked")
                .returning = true;
            return self.finish_return(p, g);
        }
        let base = fr.base as usize;
        let regs = &mut self.gs[g.index()].regs;
        for i in 0..n as usize {
            regs[base + i] = regs[base + src as usize + i];
        }
        self.pop_frame(p, g)
    }

    /// Continues returning from the top frame (which has `returning` set):
    /// run its next deferred call, or collect its results and pop it.
    pub(crate) fn finish_return(&mut self, p: ProcId, g: GoId) -> R<Flow> {
        let depth = self.gs[g.index()].frames.len() as u32 - 1;
        if self.gs[g.index()]
            .defers
            .last()
            .is_some_and(|d| d.depth == depth)
        {
            let d = self.gs[g.index()].defers.pop().expect("checked");
            return self.invoke_defer(p, g, d, false);
        }
        let fr = *self.gs[g.index()].frames.last().expect("returning frame");
        let f = self.prog.func(fr.func);
        let base = fr.base as usize;
        let slots = f.results.clone();
        for (i, s) in slots.iter().enumerate() {
            let v = self.gs[g.index()].regs[base + s.reg.0 as usize];
            let v = if s.boxed {
                match v {
                    Value::Ptr(o, k) => self
                        .heap
                        .slots(o)
                        .get(k as usize)
                        .copied()
                        .unwrap_or_default(),
                    v => v,
                }
            } else {
                v
            };
            self.gs[g.index()].regs[base + i] = v;
        }
        self.pop_frame(p, g)
    }

    /// Runs deferred call `d`: natives run at once; functions get a frame.
    fn invoke_defer(&mut self, p: ProcId, g: GoId, d: Defer, panicking: bool) -> R<Flow> {
        let abs = self.scratch(g);
        {
            let gg = &mut self.gs[g.index()];
            let need = abs + d.args.len() + 8;
            if gg.regs.len() < need {
                gg.regs.resize(need, Value::Nil);
            }
            gg.regs[abs..abs + d.args.len()].copy_from_slice(&d.args);
        }
        match d.target {
            CallTarget::Func(f) => {
                self.push_frame(g, f, None, abs, FrameKind::Deferred { panicking })?
            }
            CallTarget::Closure(o, f) => {
                self.push_frame(g, f, Some(o), abs, FrameKind::Deferred { panicking })?
            }
            CallTarget::Native(n) => {
                let info = &self.prog.natives[n.index()];
                let mut call = NativeCall {
                    p,
                    g,
                    base: abs,
                    nargs: info.nparams as usize,
                    nres: info.nresults as usize,
                };
                let f = self.natives[n.index()];
                match f(self, &mut call)? {
                    NRet::Done => return self.after_deferred(p, g),
                    NRet::Retry => {
                        // Blocked and must run again when woken: put it back.
                        self.gs[g.index()].defers.push(d);
                        return Ok(Flow::Stop);
                    }
                    NRet::Parked | NRet::Stop => return Ok(Flow::Stop),
                }
            }
        }
        Ok(Flow::Next)
    }

    /// Pops the top frame, returning to its caller (or ending the goroutine).
    fn pop_frame(&mut self, p: ProcId, g: GoId) -> R<Flow> {
        let gg = &mut self.gs[g.index()];
        let fr = gg.frames.pop().ok_or(Trap::Ended)?;
        gg.stack_used = gg
            .stack_used
            .saturating_sub(frame_bytes(self.prog.func(fr.func).nregs));
        match fr.kind {
            FrameKind::Callback => Ok(Flow::Next),
            FrameKind::Deferred { .. } => self.after_deferred(p, g),
            FrameKind::Normal => {
                if self.gs[g.index()].frames.is_empty() {
                    return Ok(self.goroutine_done(p, g));
                }
                Ok(Flow::Next)
            }
        }
    }

    /// A deferred call finished: keep unwinding a panic, recover, or keep
    /// returning.
    fn after_deferred(&mut self, p: ProcId, g: GoId) -> R<Flow> {
        let panic_state = self.gs[g.index()]
            .panic
            .as_ref()
            .map(|pn| (pn.recovered, pn.goexit));
        match panic_state {
            Some((true, _)) => {
                // Recovered: the frame that deferred the call returns normally
                // after its remaining deferred calls.
                self.gs[g.index()].panic = None;
                if let Some(f) = self.gs[g.index()].frames.last_mut() {
                    f.returning = true;
                }
                self.finish_return(p, g)
            }
            Some((false, _)) => self.unwind(p, g),
            None => {
                if self.gs[g.index()]
                    .frames
                    .last()
                    .is_some_and(|f| f.returning)
                {
                    self.finish_return(p, g)
                } else {
                    Ok(Flow::Next)
                }
            }
        }
    }

    /// The goroutine's outermost function returned.
    fn goroutine_done(&mut self, p: ProcId, g: GoId) -> Flow {
        if g == GoId(1) && !self.main_goexit {
            // main returned: the program exits, whatever else is running.
            self.exit(0);
            return Flow::Stop;
        }
        if g == GoId(1) {
            self.main_goexit = true;
        }
        self.goexit0(p);
        Flow::Stop
    }

    // ===== panics =====

    /// Handles a trap raised by an instruction of `g` on `p`.
    pub(crate) fn trap(&mut self, p: ProcId, g: GoId, trap: Trap) -> Flow {
        match trap {
            Trap::Ended => Flow::Stop,
            Trap::Fatal(msg) => {
                let body = if msg.starts_with("runtime:") || msg.starts_with("fatal error:") {
                    msg
                } else {
                    format!("fatal error: {msg}")
                };
                let tb = self.traceback_text(g);
                self.fatal_plain(&format!("{body}\n\n{tb}"));
                Flow::Stop
            }
            Trap::Runtime(msg) => {
                let v = self.runtime_error_value(&format!("runtime error: {msg}"));
                self.start_panic(p, g, v, false)
            }
            Trap::RuntimeText(msg) => {
                let v = self.runtime_error_value(&msg);
                self.start_panic(p, g, v, false)
            }
            Trap::Panic(v) => self.start_panic(p, g, v, false),
        }
    }

    /// An interface value holding a runtime error whose `Error()` is `text`.
    pub(crate) fn runtime_error_value(&mut self, text: &str) -> Value {
        let s = self.heap.str_value(text);
        let kind = if text.starts_with("runtime error: index out of range")
            || text.starts_with("runtime error: slice bounds")
        {
            1
        } else if text.starts_with("interface conversion") {
            3
        } else if text.starts_with("panic called with nil") {
            4
        } else if !text.starts_with("runtime error: ") {
            2
        } else {
            0
        };
        let wk = &self.prog.well_known;
        match wk
            .runtime_errors
            .get(kind)
            .copied()
            .or(wk.runtime_error)
            .or(wk.string)
        {
            Some(ty) => self.make_iface(ty, s),
            None => s,
        }
    }

    /// Starts panicking (or `runtime.Goexit` when `goexit`).
    pub(crate) fn start_panic(&mut self, p: ProcId, g: GoId, value: Value, goexit: bool) -> Flow {
        let stack = self.gs[g.index()].traceback();
        let gg = &mut self.gs[g.index()];
        let mut earlier = Vec::new();
        let mut step = self.step;
        if let Some(old) = gg.panic.take() {
            if !old.goexit {
                earlier = old.earlier;
                earlier.push((old.value, old.recovered));
                step = old.step;
            }
        }
        gg.panic = Some(Panicking {
            step,
            value,
            recovered: false,
            goexit,
            stack,
            earlier,
        });
        match self.unwind(p, g) {
            Ok(f) => f,
            Err(t) => self.trap(p, g, t),
        }
    }

    /// Unwinds `g`'s stack: run the top frame's next deferred call (which may
    /// recover), else pop the frame; at the bottom, crash (or end the
    /// goroutine for Goexit).
    fn unwind(&mut self, p: ProcId, g: GoId) -> R<Flow> {
        loop {
            let gg = &self.gs[g.index()];
            let Some(top) = gg.frames.last().copied() else {
                return Ok(self.panic_bottom(p, g));
            };
            let depth = gg.frames.len() as u32 - 1;
            if top.kind == FrameKind::Callback {
                // The panic escapes into the native that made the call; it
                // collects it (see call_sync).
                let gg = &mut self.gs[g.index()];
                gg.frames.pop();
                gg.stack_used = gg
                    .stack_used
                    .saturating_sub(frame_bytes(self.prog.func(top.func).nregs));
                return Ok(Flow::Next);
            }
            if gg.defers.last().is_some_and(|d| d.depth == depth) {
                let d = self.gs[g.index()].defers.pop().expect("checked");
                return self.invoke_defer(p, g, d, true);
            }
            let gg = &mut self.gs[g.index()];
            gg.frames.pop();
            gg.stack_used = gg
                .stack_used
                .saturating_sub(frame_bytes(self.prog.func(top.func).nregs));
        }
    }

    /// The panic reached the bottom of the stack.
    fn panic_bottom(&mut self, p: ProcId, g: GoId) -> Flow {
        let Some(pn) = self.gs[g.index()].panic.clone() else {
            return Flow::Stop;
        };
        if pn.goexit {
            self.gs[g.index()].panic = None;
            return self.goroutine_done(p, g);
        }
        // Go prints the whole chain, oldest first (panic.go: printpanics).
        let mut text = String::new();
        let chain: Vec<(Value, bool)> = pn
            .earlier
            .iter()
            .copied()
            .chain(std::iter::once((pn.value, false)))
            .collect();
        for (i, (v, recovered)) in chain.into_iter().enumerate() {
            let s = match self.panic_value_text(p, g, v) {
                Ok(s) => s,
                Err(t) => return self.trap(p, g, t),
            };
            let mark = if recovered { " [recovered]" } else { "" };
            if i == 0 {
                text.push_str(&format!("panic: {s}{mark}"));
            } else {
                text.push_str(&format!("\n\tpanic: {s}{mark}"));
            }
        }
        if text.ends_with("invalid memory address or nil pointer dereference") {
            // What the SIGSEGV handler prints under the panic line (the
            // addresses are not meaningful in the simulator).
            text.push_str("\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]");
        }
        let first = text.lines().next().unwrap_or_default().to_string();
        let frames = &pn.stack;
        let mut stack = String::new();
        let shown: Vec<_> = frames.iter().take(TRACEBACK_MAX_FRAMES).copied().collect();
        stack.push_str(&self.format_stack(&shown, "", "\t"));
        if frames.len() > TRACEBACK_MAX_FRAMES {
            stack.push_str("...additional frames elided...\n");
        }
        let header = format!("goroutine {} [running]:\n", g.0);
        let created = self.created_by(g);
        let body = format!("{text}\n\n{header}{stack}{created}");
        if self.outcome.is_none() {
            self.out.write_stderr(&body, u64::MAX);
            self.panic_step = Some(pn.step);
            self.finish(crate::outcome::Outcome {
                exit_code: 2,
                kind: crate::outcome::OutcomeKind::Panic {
                    message: first,
                    goroutine: g,
                },
            });
        }
        Flow::Stop
    }

    /// `created by main.main in goroutine 1` and its position, if not main.
    pub(crate) fn created_by(&self, g: GoId) -> String {
        match self.gs[g.index()].parent {
            Some((parent, func, pc)) => format!(
                "created by {} in goroutine {}\n\t{}\n",
                self.prog.func(func).name,
                parent.0,
                self.prog.position(func, pc as usize)
            ),
            None => String::new(),
        }
    }

    /// `goroutine N [running]:` plus stack, for fatal errors raised by `g`.
    fn traceback_text(&self, g: GoId) -> String {
        let frames = self.gs[g.index()].traceback();
        let shown: Vec<_> = frames.iter().take(TRACEBACK_MAX_FRAMES).copied().collect();
        let mut s = format!(
            "goroutine {} [running]:\n{}",
            g.0,
            self.format_stack(&shown, "", "\t")
        );
        if frames.len() > TRACEBACK_MAX_FRAMES {
            s.push_str("...additional frames elided...\n");
        }
        s.push_str(&self.created_by(g));
        s
    }

    /// What `panic: ...` shows for a panic value (panic.go: printpanicval):
    /// errors and Stringers through their methods, basic values plainly,
    /// named basic types as `main.T(v)`, anything else as `(T) 0x...`.
    ///
    /// A method that fails is fatal, as in panic.go's preprintpanics: a panic
    /// in it is `fatal error: panic while printing panic value: ...`; a fatal
    /// error in it (stack overflow) or a limit ends the run as such.
    fn panic_value_text(&mut self, p: ProcId, g: GoId, v: Value) -> R<String> {
        let (ty, inner) = self.iface_parts(v);
        let Some(ty) = ty else {
            return Ok(if v.is_nil() {
                "nil".into()
            } else {
                self.heap.string_lossy(v)
            });
        };
        // preprintpanics: `case error:` first, then `case stringer:`.
        for m in ["Error", "String"] {
            if let Some(imp) = self.prog.method_by_str(ty, m) {
                let out = match self.call_method_sync(p, g, imp, inner, &[]) {
                    Ok(out) => out,
                    Err(Trap::Panic(r)) => return Err(self.panic_while_printing(r)),
                    Err(t) => return Err(t),
                };
                return Ok(out
                    .first()
                    .map(|s| self.heap.string_lossy(*s))
                    .unwrap_or_default());
            }
        }
        let info = self.prog.ty(ty);
        let name = info.name.clone();
        Ok(match (&info.kind, info.named) {
            (TypeKind::String, false) => self.heap.string_lossy(inner),
            (TypeKind::String, true) => format!("{name}(\"{}\")", self.heap.string_lossy(inner)),
            (TypeKind::Int(_), false) => inner.as_int().to_string(),
            (TypeKind::Int(_), true) => format!("{name}({})", inner.as_int()),
            (TypeKind::Bool, false) => inner.as_bool().to_string(),
            (TypeKind::Bool, true) => format!("{name}({})", inner.as_bool()),
            (TypeKind::Float(_), named) => {
                let f = crate::natives::fmt::runtime_print_float(inner.as_float());
                if named {
                    format!("{name}({f})")
                } else {
                    f
                }
            }
            _ => format!("({name}) 0xc000012120"),
        })
    }

    /// preprintpanics' deferred recover: a string panic value is quoted in
    /// the message, anything else is named by its type.
    fn panic_while_printing(&self, r: Value) -> Trap {
        let text = "panic while printing panic value";
        let (ty, inner) = self.iface_parts(r);
        let msg = match ty.map(|t| self.prog.ty(t)) {
            Some(info) if matches!(info.kind, TypeKind::String) && !info.named => {
                format!("{text}: {}", self.heap.string_lossy(inner))
            }
            Some(info) => format!("{text}: type {}", info.name),
            None => format!("{text}: type <nil>"),
        };
        Trap::Fatal(msg)
    }

    // ===== go statements =====

    /// Starts a goroutine running `callee(args)`, created by `parent` on `p`
    /// (proc.go: newproc): it goes to `p`'s runnext; then `wakep`.
    pub(crate) fn spawn(
        &mut self,
        p: ProcId,
        parent: GoId,
        loc: Option<(FuncId, u32)>,
        callee: Value,
        args: &[Value],
    ) -> R<Option<GoId>> {
        let target = self.call_target(callee)?;
        let (func, closure) = match target {
            CallTarget::Func(f) => (f, None),
            CallTarget::Closure(o, f) => (f, Some(o)),
            CallTarget::Native(_) => {
                return Err(Trap::Fatal("go statement calling a native directly".into()))
            }
        };
        if !self.note_goroutine_created() {
            return Err(Trap::Ended);
        }
        let id = self.sched.next_goid(p);
        let mut gg = G::new(id, func, loc.map(|(f, pc)| (parent, f, pc)));
        let nregs = self.prog.func(func).nregs as usize;
        gg.regs = vec![Value::Nil; nregs.max(args.len()).max(1)];
        gg.regs[..args.len()].copy_from_slice(args);
        gg.frames.push(Frame {
            func,
            pc: 0,
            base: 0,
            closure,
            kind: FrameKind::Normal,
            returning: false,
        });
        gg.stack_used = frame_bytes(nregs as u16);
        self.put_g(gg);
        if let Some(r) = &mut self.race {
            r.go_create(parent, id);
        }
        self.sched.p_mut(p).clock += self.cfg.cost.go_create;
        self.emit(EventKind::GoCreate {
            g: id,
            parent,
            p,
            func,
        });
        self.runqput(p, id, true);
        self.wakep();
        Ok(Some(id))
    }

    // ===== natives calling bytecode =====

    /// Calls a method implementation with receiver `recv` synchronously on
    /// `g` (for natives: fmt calling `String`/`Error`).
    pub(crate) fn call_method_sync(
        &mut self,
        p: ProcId,
        g: GoId,
        imp: gosched_lang::bytecode::MethodImpl,
        recv: Value,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let mut all = vec![recv];
        all.extend_from_slice(args);
        match imp {
            gosched_lang::bytecode::MethodImpl::Func(f) => {
                self.call_sync(p, g, CallTarget::Func(f), &all)
            }
            gosched_lang::bytecode::MethodImpl::Native(n) => {
                self.call_sync(p, g, CallTarget::Native(n), &all)
            }
        }
    }

    /// Runs `target(args)` to completion on `g` and returns its results. The
    /// call runs inside the current step (atomically); it may not block.
    pub(crate) fn call_sync(
        &mut self,
        p: ProcId,
        g: GoId,
        target: CallTarget,
        args: &[Value],
    ) -> R<Vec<Value>> {
        if self.gs[g.index()].frames.is_empty() {
            // A goroutine that already ended (e.g. printing a panic value):
            // give it a scratch frame context.
            return self.call_sync_detached(p, g, target, args);
        }
        let abs = self.scratch(g) + 4;
        {
            let gg = &mut self.gs[g.index()];
            let need = abs + args.len() + 16;
            if gg.regs.len() < need {
                gg.regs.resize(need, Value::Nil);
            }
            gg.regs[abs..abs + args.len()].copy_from_slice(args);
        }
        let nres = match target {
            CallTarget::Func(f) | CallTarget::Closure(_, f) => self.prog.func(f).nresults as usize,
            CallTarget::Native(n) => {
                let info = &self.prog.natives[n.index()];
                let mut call = NativeCall {
                    p,
                    g,
                    base: abs,
                    nargs: info.nparams as usize,
                    nres: info.nresults as usize,
                };
                let nres = call.nres;
                let f = self.natives[n.index()];
                return match f(self, &mut call)? {
                    NRet::Done => Ok(self.gs[g.index()].regs[abs..abs + nres].to_vec()),
                    _ => Err(Trap::Fatal(BLOCKING_IN_CALLBACK.into())),
                };
            }
        };
        let depth = self.gs[g.index()].frames.len();
        let (f, c) = match target {
            CallTarget::Func(f) => (f, None),
            CallTarget::Closure(o, f) => (f, Some(o)),
            CallTarget::Native(_) => unreachable!("handled above"),
        };
        // A panic in progress (fmt called from a deferred function) is not
        // the callback's: set it aside while the callback runs.
        let outer = self.gs[g.index()].panic.take();
        self.push_frame(g, f, c, abs, FrameKind::Callback)?;
        self.nested += 1;
        let result = self.run_nested(p, g, depth);
        self.nested -= 1;
        let inner = std::mem::replace(&mut self.gs[g.index()].panic, outer);
        result?;
        if self.gs[g.index()].frames.len() > depth {
            return Err(Trap::Fatal(BLOCKING_IN_CALLBACK.into()));
        }
        if let Some(pn) = inner {
            return Err(Trap::Panic(pn.value));
        }
        Ok(self.gs[g.index()].regs[abs..abs + nres].to_vec())
    }

    fn call_sync_detached(
        &mut self,
        p: ProcId,
        g: GoId,
        target: CallTarget,
        args: &[Value],
    ) -> R<Vec<Value>> {
        // Reuse the goroutine's registers; push a dummy base frame so the
        // callback has a caller.
        let entry = self.prog.entry;
        let nregs = self.prog.func(entry).nregs as usize;
        {
            let gg = &mut self.gs[g.index()];
            if gg.regs.len() < nregs + 8 {
                gg.regs.resize(nregs + 8, Value::Nil);
            }
            gg.frames.push(Frame {
                func: entry,
                pc: 0,
                base: 0,
                closure: None,
                kind: FrameKind::Callback,
                returning: false,
            });
        }
        let r = self.call_sync(p, g, target, args);
        self.gs[g.index()].frames.clear();
        r
    }

    /// Executes `g` until its frame stack is back to `depth` frames.
    fn run_nested(&mut self, p: ProcId, g: GoId, depth: usize) -> R<()> {
        let start = self.step;
        let cost = self.cfg.cost.instr.max(1);
        let observe = self.observing();
        let max_steps = self.cfg.limits.max_steps;
        while self.gs[g.index()].frames.len() > depth {
            // The callback runs inside one step of the scheduler, but its
            // instructions count: the run's step limit stops it too.
            if self.step >= max_steps {
                self.limit(LimitKind::Steps);
                return Err(Trap::Ended);
            }
            if self.step - start > CALLBACK_STEP_LIMIT {
                return Err(Trap::Fatal("a method called by fmt ran too long".into()));
            }
            let (n, slow, _) =
                self.fast(g, (max_steps - self.step).min(1 << 20), observe, u64::MAX);
            self.step += n;
            self.sched.p_mut(p).clock += n * cost;
            let Some(ins) = slow else { continue };
            self.step += 1;
            self.sched.p_mut(p).clock += cost;
            let alloc0 = self.heap.total_allocated;
            let result = self.slow(p, g, ins);
            self.settle_work(alloc0);
            match result {
                Ok(Flow::Next) => {}
                Ok(Flow::Stop) => return Err(Trap::Fatal(BLOCKING_IN_CALLBACK.into())),
                Err(t @ (Trap::Fatal(_) | Trap::Ended)) => return Err(t),
                Err(t) => {
                    if self.trap(p, g, t) == Flow::Stop {
                        return Err(Trap::Ended);
                    }
                }
            }
            if self.outcome.is_some() {
                return Err(Trap::Ended);
            }
        }
        Ok(())
    }

    /// `defer` of a call target with evaluated arguments.
    pub(crate) fn push_defer(&mut self, g: GoId, target: CallTarget, args: Box<[Value]>) {
        let gg = &mut self.gs[g.index()];
        let depth = gg.frames.len() as u32 - 1;
        gg.defers.push(Defer {
            depth,
            target,
            args,
        });
    }

    /// `recover()`: returns the panic value and stops the panic, when called
    /// directly by a deferred function during a panic.
    pub(crate) fn recover(&mut self, g: GoId) -> Value {
        let gg = &mut self.gs[g.index()];
        let direct = gg
            .frames
            .last()
            .is_some_and(|f| f.kind == FrameKind::Deferred { panicking: true });
        match &mut gg.panic {
            Some(pn) if direct && !pn.goexit && !pn.recovered => {
                pn.recovered = true;
                pn.value
            }
            _ => Value::Nil,
        }
    }
}

/// Why a callback failed when it tried to block.
pub(crate) const BLOCKING_IN_CALLBACK: &str =
    "a String or Error method called by fmt blocked (channel, lock or sleep); the playground runs these methods atomically and cannot block inside them";
