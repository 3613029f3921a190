//! A structural check of a [`Program`]: every id, register, label and call window the interpreter
//! will index is in range.
//!
//! The compiler never emits a program that fails this check; the fuzzer
//! (`fuzz/`, target `compile`) and the tests run it on everything they
//! compile, so a compiler bug shows up here as a message instead of as an
//! out-of-bounds panic deep inside the simulator. It checks shapes only, not
//! types: a `LoadField` whose field does not exist in the object it meets at
//! run time is not caught here.

use super::{
    ChanDir, ConstId, FuncId, Function, GlobalId, Instr, MethodImpl, NameId, NativeId, Program,
    Reg, SelectId, TypeId, TypeKind,
};

/// Checks that `prog` is well formed; the error names the first problem found
/// (`main.main pc 12: register r40 outside the window of 12`).
pub fn verify(prog: &Program) -> Result<(), String> {
    let v = Verifier { prog };
    v.func_id(prog.entry).map_err(|e| format!("entry: {e}"))?;
    v.func_id(prog.main).map_err(|e| format!("main: {e}"))?;
    v.types()?;
    for (i, g) in prog.globals.iter().enumerate() {
        v.type_id(g.ty)
            .map_err(|e| format!("global {i} ({}): {e}", g.name))?;
    }
    let wk = &prog.well_known;
    let well_known = [
        wk.bool_,
        wk.int,
        wk.string,
        wk.float64,
        wk.runtime_error,
        wk.error_string,
        wk.time_time,
        wk.time_duration,
    ];
    for t in well_known
        .into_iter()
        .flatten()
        .chain(wk.runtime_errors.iter().copied())
    {
        v.type_id(t).map_err(|e| format!("well-known type: {e}"))?;
    }
    for (i, f) in prog.funcs.iter().enumerate() {
        v.function(f)
            .map_err(|e| format!("function {i} ({}): {e}", f.name))?;
    }
    Ok(())
}

struct Verifier<'a> {
    prog: &'a Program,
}

/// Checks that `id` indexes a table of `len` entries.
fn in_range(what: &str, id: u32, len: usize) -> Result<(), String> {
    if (id as usize) < len {
        Ok(())
    } else {
        Err(format!("{what} {id} out of range (there are {len})"))
    }
}

impl Verifier<'_> {
    fn func_id(&self, f: FuncId) -> Result<(), String> {
        in_range("function", f.0, self.prog.funcs.len())
    }

    fn type_id(&self, t: TypeId) -> Result<(), String> {
        in_range("type", t.0, self.prog.types.len())
    }

    fn name_id(&self, n: NameId) -> Result<(), String> {
        in_range("name", n.0, self.prog.names.len())
    }

    fn native_id(&self, n: NativeId) -> Result<(), String> {
        in_range("native", n.0, self.prog.natives.len())
    }

    fn global_id(&self, g: GlobalId) -> Result<(), String> {
        in_range("global", g.0, self.prog.globals.len())
    }

    fn const_id(&self, k: ConstId) -> Result<(), String> {
        in_range("constant", k.0, self.prog.consts.len())
    }

    /// A type of the expected kind (`make(map...)` needs a map type).
    fn type_kind(&self, t: TypeId, want: &str, ok: fn(&TypeKind) -> bool) -> Result<(), String> {
        self.type_id(t)?;
        if ok(&self.prog.types[t.index()].kind) {
            Ok(())
        } else {
            Err(format!(
                "type {} ({}) is not {want}",
                t.0,
                self.prog.types[t.index()].name
            ))
        }
    }

    fn types(&self) -> Result<(), String> {
        for (i, t) in self.prog.types.iter().enumerate() {
            let r: Result<(), String> = (|| {
                match &t.kind {
                    TypeKind::Bool | TypeKind::Int(_) | TypeKind::Float(_) | TypeKind::String => {}
                    TypeKind::Func => {}
                    TypeKind::Slice { elem }
                    | TypeKind::Array { elem, .. }
                    | TypeKind::Pointer { elem } => self.type_id(*elem)?,
                    TypeKind::Chan { elem, dir } => {
                        self.type_id(*elem)?;
                        let _: ChanDir = *dir;
                    }
                    TypeKind::Map { key, val } => {
                        self.type_id(*key)?;
                        self.type_id(*val)?;
                    }
                    TypeKind::Struct { fields } => {
                        for f in fields {
                            self.type_id(f.ty)?;
                        }
                    }
                    TypeKind::Interface { methods } => {
                        for &m in methods {
                            self.name_id(m)?;
                        }
                    }
                }
                for m in &t.methods {
                    self.name_id(m.name)?;
                    match m.imp {
                        MethodImpl::Func(f) => self.func_id(f)?,
                        MethodImpl::Native(n) => self.native_id(n)?,
                    }
                }
                Ok(())
            })();
            r.map_err(|e| format!("type {i} ({}): {e}", t.name))?;
        }
        Ok(())
    }

    fn function(&self, f: &Function) -> Result<(), String> {
        if f.nregs < f.nparams || f.nregs < f.nresults {
            return Err(format!(
                "window of {} registers smaller than {} parameters or {} results",
                f.nregs, f.nparams, f.nresults
            ));
        }
        if f.code.len() != f.debug.len() {
            return Err(format!(
                "{} instructions but {} debug entries",
                f.code.len(),
                f.debug.len()
            ));
        }
        // Execution never runs off the end of the code.
        if !matches!(
            f.code.last(),
            Some(Instr::Ret { .. } | Instr::Jump { .. } | Instr::Panic { .. })
        ) {
            return Err("the code does not end with a return, jump or panic".into());
        }
        in_range("file", f.file.0, self.prog.files.len())?;
        if f.span.lo > f.span.hi {
            return Err(format!("span {}..{} is reversed", f.span.lo, f.span.hi));
        }
        for s in &f.results {
            self.reg(f, s.reg)
                .map_err(|e| format!("result slot: {e}"))?;
        }
        for l in &f.locals {
            self.reg(f, l.reg)
                .map_err(|e| format!("local {}: {e}", l.name))?;
        }
        for (t, table) in f.selects.iter().enumerate() {
            for c in &table.cases {
                let regs = [Some(c.ch), c.val, c.ok];
                for r in regs.into_iter().flatten() {
                    self.reg(f, r)
                        .map_err(|e| format!("select table {t}: {e}"))?;
                }
            }
        }
        for (pc, ins) in f.code.iter().enumerate() {
            let last = pc + 1 == f.code.len();
            self.instr(f, ins, last)
                .map_err(|e| format!("pc {pc} ({ins:?}): {e}"))?;
            if let Some(a) = f.debug[pc].access {
                self.name_id(a)
                    .map_err(|e| format!("pc {pc} access name: {e}"))?;
            }
        }
        Ok(())
    }

    fn reg(&self, f: &Function, r: Reg) -> Result<(), String> {
        if r.0 < f.nregs {
            Ok(())
        } else {
            Err(format!(
                "register r{} outside the window of {}",
                r.0, f.nregs
            ))
        }
    }

    fn opt(&self, f: &Function, r: Option<Reg>) -> Result<(), String> {
        r.map_or(Ok(()), |r| self.reg(f, r))
    }

    /// Registers `base..base + n` are all inside the window.
    fn range(&self, f: &Function, base: Reg, n: u16) -> Result<(), String> {
        if u32::from(base.0) + u32::from(n) <= u32::from(f.nregs) {
            Ok(())
        } else {
            Err(format!(
                "registers r{}..r{} outside the window of {}",
                base.0,
                u32::from(base.0) + u32::from(n),
                f.nregs
            ))
        }
    }

    fn label(&self, f: &Function, to: u32) -> Result<(), String> {
        in_range("jump target", to, f.code.len())
    }

    /// A call's arguments and results fit the caller's window at `base`.
    fn window(&self, f: &Function, base: Reg, nparams: u16, nresults: u16) -> Result<(), String> {
        self.reg(f, base)?;
        self.range(f, base, nparams.max(nresults))
    }

    /// Checks one instruction (`last`: it is the function's final one).
    fn instr(&self, f: &Function, ins: &Instr, last: bool) -> Result<(), String> {
        use Instr as I;
        let r = |x: Reg| self.reg(f, x);
        let o = |x: Option<Reg>| self.opt(f, x);
        match *ins {
            I::Nop => Ok(()),
            I::Move { dst, src } => r(dst).and(r(src)),
            I::LoadInt { dst, .. } | I::LoadNil { dst } | I::LoadBool { dst, .. } => r(dst),
            I::LoadConst { dst, k } => r(dst).and(self.const_id(k)),
            I::Zero { dst, ty } | I::New { dst, ty } => r(dst).and(self.type_id(ty)),
            I::LoadFunc { dst, func } => r(dst).and(self.func_id(func)),
            I::Int { dst, a, b, .. }
            | I::Float { dst, a, b, .. }
            | I::Concat { dst, a, b }
            | I::CmpInt { dst, a, b, .. }
            | I::CmpFloat { dst, a, b, .. }
            | I::CmpString { dst, a, b, .. }
            | I::EqRef { dst, a, b, .. } => r(dst).and(r(a)).and(r(b)),
            I::EqDeep { dst, a, b, ty, .. } | I::MinMax { dst, a, b, ty, .. } => {
                r(dst).and(r(a)).and(r(b)).and(self.type_id(ty))
            }
            I::IntImm { dst, a, .. }
            | I::NegInt { dst, a, .. }
            | I::NotInt { dst, a, .. }
            | I::NegFloat { dst, a }
            | I::Not { dst, a }
            | I::CmpIntImm { dst, a, .. }
            | I::Builtin1 { dst, a, .. } => r(dst).and(r(a)),
            I::Jump { to } => self.label(f, to),
            I::JumpIf { cond, to } | I::JumpIfNot { cond, to } => r(cond).and(self.label(f, to)),
            I::JumpIfNotCmpInt { a, b, to, .. } => r(a).and(r(b)).and(self.label(f, to)),
            I::Conv { dst, src, .. } => r(dst).and(r(src)),
            I::Call { func, base } => {
                self.func_id(func)?;
                let callee = &self.prog.funcs[func.index()];
                self.window(f, base, callee.nparams, callee.nresults)
            }
            I::CallNative { native, base } => {
                self.native_id(native)?;
                let n = &self.prog.natives[native.index()];
                self.window(f, base, n.nparams, n.nresults)
            }
            I::CallValue { callee, base } => r(callee).and(r(base)),
            I::CallIface { method, base } => self.name_id(method).and(r(base)),
            I::Ret { src, n } => {
                // The compiler ends every function with `Ret` of nothing, for
                // falling off the end; in a function with results the checker
                // proved that end unreachable (Go's "missing return").
                if n != f.nresults && !(n == 0 && last) {
                    return Err(format!("returns {n} values, declared {}", f.nresults));
                }
                self.range(f, src, n)
            }
            I::Go { func, base, nargs } | I::Defer { func, base, nargs } => {
                self.func_id(func)?;
                let callee = &self.prog.funcs[func.index()];
                if nargs != callee.nparams {
                    return Err(format!(
                        "passes {nargs} arguments to {}, which takes {}",
                        callee.name, callee.nparams
                    ));
                }
                self.range(f, base, nargs)
            }
            I::GoValue {
                callee,
                base,
                nargs,
            }
            | I::DeferValue {
                callee,
                base,
                nargs,
            } => r(callee).and(self.range(f, base, nargs)),
            I::DeferNative {
                native,
                base,
                nargs,
            } => {
                self.native_id(native)?;
                let n = &self.prog.natives[native.index()];
                if nargs != n.nparams {
                    return Err(format!(
                        "passes {nargs} arguments to {}, which takes {}",
                        n.name, n.nparams
                    ));
                }
                self.range(f, base, nargs)
            }
            I::Panic { v } => r(v),
            I::Recover { dst } => r(dst),
            I::Box { dst, init, name } => r(dst).and(r(init)).and(self.name_id(name)),
            I::LoadBox { dst, boxed } => r(dst).and(r(boxed)),
            I::StoreBox { boxed, src } => r(boxed).and(r(src)),
            I::LoadGlobal { dst, g } | I::GlobalRef { dst, g } | I::GlobalAddr { dst, g } => {
                r(dst).and(self.global_id(g))
            }
            I::StoreGlobal { g, src } => r(src).and(self.global_id(g)),
            I::LoadField { dst, obj, .. }
            | I::FieldRef { dst, obj, .. }
            | I::FieldAddr { dst, obj, .. } => r(dst).and(r(obj)),
            I::StoreField { obj, src, .. } => r(obj).and(r(src)),
            I::LoadIndex { dst, seq, idx }
            | I::IndexRef { dst, seq, idx }
            | I::IndexAddr { dst, seq, idx } => r(dst).and(r(seq)).and(r(idx)),
            I::StoreIndex { seq, idx, src } => r(seq).and(r(idx)).and(r(src)),
            I::LoadPtr { dst, ptr } => r(dst).and(r(ptr)),
            I::StorePtr { ptr, src } => r(ptr).and(r(src)),
            I::Clone { dst, src } | I::CopyInto { dst, src } => r(dst).and(r(src)),
            I::StrIndex { dst, s, idx } => r(dst).and(r(s)).and(r(idx)),
            I::StrSlice { dst, s, lo, hi } => r(dst).and(r(s)).and(o(lo)).and(o(hi)),
            // The rune goes to `dst`, its width to `dst + 1`.
            I::DecodeRune { dst, s, idx } => self.range(f, dst, 2).and(r(s)).and(r(idx)),
            I::MakeSlice {
                dst,
                elem,
                len,
                cap,
            } => r(dst).and(r(len)).and(o(cap)).and(self.type_id(elem)),
            I::SliceLit { dst, elem, src, n } => {
                r(dst).and(self.range(f, src, n)).and(self.type_id(elem))
            }
            I::Reslice {
                dst,
                seq,
                lo,
                hi,
                max,
            } => r(dst).and(r(seq)).and(o(lo)).and(o(hi)).and(o(max)),
            I::Append {
                dst,
                s,
                elem,
                src,
                n,
            } => r(dst)
                .and(r(s))
                .and(self.range(f, src, n))
                .and(self.type_id(elem)),
            I::AppendSlice { dst, s, elem, t } => {
                r(dst).and(r(s)).and(r(t)).and(self.type_id(elem))
            }
            I::Copy { dst, to, from } => r(dst).and(r(to)).and(r(from)),
            I::MakeMap { dst, ty } => {
                r(dst).and(self.type_kind(ty, "a map type", |k| matches!(k, TypeKind::Map { .. })))
            }
            I::MapGet { dst, m, key, ok } => r(dst).and(r(m)).and(r(key)).and(o(ok)),
            I::MapSet { m, key, src } => r(m).and(r(key)).and(r(src)),
            I::MapDelete { m, key } => r(m).and(r(key)),
            I::Clear { target } => r(target),
            I::MapIter { dst, m } => r(dst).and(r(m)),
            I::MapNext {
                iter,
                key,
                val,
                done,
            } => r(iter).and(r(key)).and(o(val)).and(self.label(f, done)),
            I::MakeIface { dst, src, ty } => r(dst).and(r(src)).and(self.type_id(ty)),
            I::TypeAssert { dst, src, ty, ok } => {
                r(dst).and(r(src)).and(o(ok)).and(self.type_id(ty))
            }
            I::IfaceType { dst, src } => r(dst).and(r(src)),
            I::Implements { dst, ty_reg, iface } => {
                r(dst)
                    .and(r(ty_reg))
                    .and(self.type_kind(iface, "an interface type", |k| {
                        matches!(k, TypeKind::Interface { .. })
                    }))
            }
            I::MakeChan { dst, ty, cap } => {
                r(dst).and(o(cap)).and(
                    self.type_kind(ty, "a channel type", |k| matches!(k, TypeKind::Chan { .. })),
                )
            }
            I::Send { ch, v } => r(ch).and(r(v)),
            I::Recv { dst, ch, ok } => o(dst).and(r(ch)).and(o(ok)),
            I::Close { ch } => r(ch),
            I::Select { table, dst } => {
                let SelectId(t) = table;
                in_range("select table", t, f.selects.len()).and(r(dst))
            }
            I::MakeClosure { dst, func, src, n } => {
                self.func_id(func)?;
                let callee = &self.prog.funcs[func.index()];
                if n != callee.ncaptures {
                    return Err(format!(
                        "captures {n} values for {}, which has {}",
                        callee.name, callee.ncaptures
                    ));
                }
                r(dst).and(self.range(f, src, n))
            }
            I::LoadCapture { dst, idx } => {
                if idx >= f.ncaptures {
                    return Err(format!("capture {idx} of {}", f.ncaptures));
                }
                r(dst)
            }
        }
    }
}
