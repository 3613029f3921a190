//! One function being compiled: registers, local variable storage, code emission, jumps, loops.

use rustc_hash::FxHashMap;

use crate::ast::{ExprId, FileId as AstFileId, StmtId};
use crate::bytecode::{
    self, FileId, FuncId, Instr, InstrDebug, Label, LocalDebug, NameId, Reg, ResultSlot,
    SelectTable,
};
use crate::compile::Compiler;
use crate::info::{BodyId, BodyOwner};
use crate::objects::{ObjId, ObjKind, VarKind};
use crate::span::Span;

pub(crate) type CResult<T> = Result<T, String>;

/// Where a local variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VarLoc {
    /// In a register (scalars), or an aggregate whose object `Ref` is in the register.
    Reg(Reg),
    /// A scalar in a heap box; the register holds the box pointer.
    Boxed(Reg),
}

/// A `break`/`continue` target.
pub(crate) struct LoopCtx {
    pub label: Option<String>,
    /// `break` jumps to patch.
    pub breaks: Vec<usize>,
    /// `continue` jumps to patch (`None` for switch/select: not continuable).
    pub continues: Option<Vec<usize>>,
}

pub struct FnCompiler<'c, 'a> {
    pub(crate) c: &'c mut Compiler<'a>,
    pub(crate) body: Option<BodyId>,
    pub(crate) file: AstFileId,
    pub(crate) code: Vec<Instr>,
    pub(crate) debug: Vec<InstrDebug>,
    pub(crate) selects: Vec<SelectTable>,
    pub(crate) next_reg: u16,
    pub(crate) max_reg: u16,
    pub(crate) vars: FxHashMap<ObjId, VarLoc>,
    /// Free variables of this closure, by capture index.
    pub(crate) captures: Vec<ObjId>,
    pub(crate) span: Span,
    pub(crate) access: Option<NameId>,
    pub(crate) loops: Vec<LoopCtx>,
    /// For functions with `defer`: where results live.
    pub(crate) result_slots: Vec<ResultSlot>,
    pub(crate) result_vars: Vec<ObjId>,
    pub(crate) has_defer: bool,
    pub(crate) name: String,
    /// Function literals compiled so far directly in this body (for naming).
    pub(crate) lit_count: u32,
    pub(crate) locals: Vec<LocalDebug>,
    /// Pending `fallthrough` jumps of the current switch clause.
    pub(crate) fallthroughs: Vec<usize>,
    /// The label of the statement being compiled, if labelled.
    pub(crate) pending_label: Option<String>,
    /// Results of the signature (for returns).
    pub(crate) result_types: Vec<crate::types::TypeId>,
    /// Positions of labels seen so far, and `goto`s waiting for theirs.
    pub(crate) labels: FxHashMap<String, Label>,
    pub(crate) gotos: Vec<(String, usize)>,
    /// A jump targets this code position (the end, while it is the end).
    pub(crate) label_at_end: Option<usize>,
}

/// Rewrites the destination of `ins` from `from` to `to` if `from` is its
/// only destination.
fn retarget(ins: &mut Instr, from: Reg, to: Reg) -> bool {
    macro_rules! swap {
        ($d:expr) => {{
            if *$d == from {
                *$d = to;
                return true;
            }
            return false;
        }};
    }
    match ins {
        Instr::LoadInt { dst, .. }
        | Instr::LoadConst { dst, .. }
        | Instr::LoadNil { dst }
        | Instr::LoadBool { dst, .. }
        | Instr::Zero { dst, .. }
        | Instr::LoadFunc { dst, .. }
        | Instr::Int { dst, .. }
        | Instr::IntImm { dst, .. }
        | Instr::NegInt { dst, .. }
        | Instr::NotInt { dst, .. }
        | Instr::Float { dst, .. }
        | Instr::NegFloat { dst, .. }
        | Instr::Not { dst, .. }
        | Instr::Concat { dst, .. }
        | Instr::CmpInt { dst, .. }
        | Instr::CmpIntImm { dst, .. }
        | Instr::CmpFloat { dst, .. }
        | Instr::CmpString { dst, .. }
        | Instr::EqRef { dst, .. }
        | Instr::EqDeep { dst, .. }
        | Instr::Conv { dst, .. }
        | Instr::Move { dst, .. }
        | Instr::LoadBox { dst, .. }
        | Instr::LoadGlobal { dst, .. }
        | Instr::GlobalRef { dst, .. }
        | Instr::LoadField { dst, .. }
        | Instr::FieldRef { dst, .. }
        | Instr::LoadIndex { dst, .. }
        | Instr::IndexRef { dst, .. }
        | Instr::LoadPtr { dst, .. }
        | Instr::Clone { dst, .. }
        | Instr::MakeIface { dst, .. }
        | Instr::StrIndex { dst, .. }
        | Instr::StrSlice { dst, .. }
        | Instr::MakeSlice { dst, .. }
        | Instr::SliceLit { dst, .. }
        | Instr::Reslice { dst, .. }
        | Instr::Append { dst, .. }
        | Instr::AppendSlice { dst, .. }
        | Instr::Builtin1 { dst, .. }
        | Instr::MakeMap { dst, .. }
        | Instr::MakeChan { dst, .. }
        | Instr::MakeClosure { dst, .. }
        | Instr::LoadCapture { dst, .. }
        | Instr::New { dst, .. } => swap!(dst),
        Instr::MapGet { dst, ok: None, .. } | Instr::TypeAssert { dst, ok: None, .. } => swap!(dst),
        _ => false,
    }
}

impl<'c, 'a> FnCompiler<'c, 'a> {
    pub(crate) fn new(
        c: &'c mut Compiler<'a>,
        body: Option<BodyId>,
        file: AstFileId,
        name: String,
    ) -> Self {
        FnCompiler {
            c,
            body,
            file,
            code: Vec::new(),
            debug: Vec::new(),
            selects: Vec::new(),
            next_reg: 0,
            max_reg: 0,
            vars: FxHashMap::default(),
            captures: Vec::new(),
            span: Span::default(),
            access: None,
            loops: Vec::new(),
            result_slots: Vec::new(),
            result_vars: Vec::new(),
            has_defer: false,
            name,
            lit_count: 0,
            locals: Vec::new(),
            fallthroughs: Vec::new(),
            pending_label: None,
            result_types: Vec::new(),
            labels: FxHashMap::default(),
            gotos: Vec::new(),
            label_at_end: None,
        }
    }

    // ===== registers =====

    pub(crate) fn temp(&mut self) -> Reg {
        let r = Reg(self.next_reg);
        self.next_reg += 1;
        self.max_reg = self.max_reg.max(self.next_reg);
        r
    }

    /// `n` consecutive registers.
    pub(crate) fn temps(&mut self, n: u16) -> Reg {
        let r = Reg(self.next_reg);
        self.next_reg += n;
        self.max_reg = self.max_reg.max(self.next_reg);
        r
    }

    pub(crate) fn mark(&self) -> u16 {
        self.next_reg
    }

    pub(crate) fn release(&mut self, mark: u16) {
        self.next_reg = mark;
    }

    // ===== emission =====

    pub(crate) fn emit(&mut self, i: Instr) -> usize {
        self.code.push(i);
        self.debug.push(InstrDebug {
            span: self.span,
            access: self.access,
        });
        self.code.len() - 1
    }

    /// Emits with an access name (the base expression's text) for the
    /// shared-cells view and race reports.
    pub(crate) fn emit_access(&mut self, i: Instr, base: Option<ExprId>) -> usize {
        let name = base.map(|b| self.access_name(b));
        let saved = std::mem::replace(&mut self.access, name);
        let at = self.emit(i);
        self.access = saved;
        at
    }

    pub(crate) fn access_name(&mut self, e: ExprId) -> NameId {
        let span = self.c.ast.expr(e).span;
        let text = self.c.text(self.file, span).to_string();
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = if text.chars().count() > 40 {
            format!("{}…", text.chars().take(39).collect::<String>())
        } else {
            text
        };
        self.c.name(&text)
    }

    pub(crate) fn here(&self) -> Label {
        self.code.len() as Label
    }

    /// Emits a forward jump; patch it with [`Self::patch`].
    pub(crate) fn jump(&mut self) -> usize {
        self.emit(Instr::Jump { to: 0 })
    }

    pub(crate) fn jump_if_not(&mut self, cond: Reg) -> usize {
        self.emit(Instr::JumpIfNot { cond, to: 0 })
    }

    pub(crate) fn jump_if(&mut self, cond: Reg) -> usize {
        self.emit(Instr::JumpIf { cond, to: 0 })
    }

    /// Points a forward jump at the current position.
    pub(crate) fn patch(&mut self, at: usize) {
        let here = self.here();
        self.patch_to(at, here);
    }

    /// Makes the last instruction write `to` instead of `from` (dropping a
    /// `Move to <- from` that would follow), when that is safe: the last
    /// instruction's only destination is `from`, and no jump lands after it
    /// (the value may then come from several paths).
    pub(crate) fn retarget_last(&mut self, from: Reg, to: Reg) -> bool {
        if self.label_at_end == Some(self.code.len()) {
            return false;
        }
        let Some(last) = self.code.last_mut() else {
            return false;
        };
        retarget(last, from, to)
    }

    pub(crate) fn patch_to(&mut self, at: usize, to: Label) {
        if to as usize == self.code.len() {
            self.label_at_end = Some(self.code.len());
        }

        match &mut self.code[at] {
            Instr::Jump { to: t }
            | Instr::JumpIf { to: t, .. }
            | Instr::JumpIfNot { to: t, .. }
            | Instr::JumpIfNotCmpInt { to: t, .. }
            | Instr::MapNext { done: t, .. } => *t = to,
            _ => {}
        }
    }

    pub(crate) fn set_span_expr(&mut self, e: ExprId) -> Span {
        let s = self.c.ast.expr(e).span;
        std::mem::replace(&mut self.span, s)
    }

    pub(crate) fn set_span_stmt(&mut self, s: StmtId) -> Span {
        let sp = self.c.ast.stmt(s).span;
        // Tracebacks print the line where a statement starts.
        std::mem::replace(&mut self.span, Span::new(sp.lo, sp.lo))
    }

    // ===== variables =====

    /// Whether a variable must live in a box: a scalar whose address is
    /// taken or that a closure captures. Aggregates never need one (their
    /// object is their address).
    pub(crate) fn needs_box(&self, o: ObjId) -> bool {
        let obj = &self.c.prog.objs[o.index()];
        let ObjKind::Var(v) = &obj.kind else {
            return false;
        };
        (v.addr_taken || v.captured) && !self.c.is_agg(obj.typ)
    }

    /// Declares local `o` with its initial value in `init` (owned).
    pub(crate) fn declare_var(&mut self, o: ObjId, init: Reg) -> VarLoc {
        let name = self.c.obj_name(o).to_string();
        if name == "_" {
            return VarLoc::Reg(init);
        }
        let loc = if self.needs_box(o) {
            let r = self.temp();
            let n = self.c.name(&name);
            self.emit(Instr::Box {
                dst: r,
                init,
                name: n,
            });
            VarLoc::Boxed(r)
        } else {
            let r = self.temp();
            if r != init {
                self.emit(Instr::Move { dst: r, src: init });
            }
            VarLoc::Reg(r)
        };
        let (reg, boxed) = match loc {
            VarLoc::Reg(r) => (r, false),
            VarLoc::Boxed(r) => (r, true),
        };
        self.locals.push(LocalDebug { name, reg, boxed });
        self.vars.insert(o, loc);
        loc
    }

    /// Where variable `o` is, loading a captured one into a temp.
    pub(crate) fn var_loc(&mut self, o: ObjId) -> CResult<VarLoc> {
        if let Some(&l) = self.vars.get(&o) {
            return Ok(l);
        }
        if let Some(i) = self.captures.iter().position(|&c| c == o) {
            let r = self.temp();
            self.emit(Instr::LoadCapture {
                dst: r,
                idx: i as u16,
            });
            let agg = self.c.is_agg(self.c.obj_type(o));
            return Ok(if agg {
                VarLoc::Reg(r)
            } else {
                VarLoc::Boxed(r)
            });
        }
        Err(format!(
            "variable {} has no storage in {}",
            self.c.obj_name(o),
            self.name
        ))
    }

    // ===== finishing =====

    pub(crate) fn finish(
        mut self,
        func_file: FileId,
        span: Span,
        nparams: u16,
        nresults: u16,
        synthetic: bool,
    ) -> bytecode::Function {
        // Every function ends with a return (a fall-off end returns nothing).
        if !matches!(self.code.last(), Some(Instr::Ret { .. })) {
            let r = Reg(0);
            self.emit(Instr::Ret { src: r, n: 0 });
        }
        let nregs = self.max_reg.max(nparams).max(nresults).max(1) + 1;
        bytecode::Function {
            name: self.name,
            file: func_file,
            span,
            nparams,
            nresults,
            nregs,
            ncaptures: self.captures.len() as u16,
            code: self.code,
            debug: self.debug,
            selects: self.selects,
            results: self.result_slots,
            has_defer: self.has_defer,
            synthetic,
            locals: self.locals,
        }
    }
}

/// A placeholder for a function that could not be produced.
pub(crate) fn empty_function(name: &str) -> bytecode::Function {
    bytecode::Function {
        name: name.into(),
        file: FileId(0),
        span: Span::default(),
        nparams: 0,
        nresults: 0,
        nregs: 1,
        ncaptures: 0,
        code: vec![Instr::Ret { src: Reg(0), n: 0 }],
        debug: vec![InstrDebug::default()],
        selects: vec![],
        results: vec![],
        has_defer: false,
        synthetic: true,
        locals: vec![],
    }
}

/// Compiles a checked body into bytecode function `func`.
pub(crate) fn compile_body(
    c: &mut Compiler<'_>,
    body: BodyId,
    _func: FuncId,
) -> CResult<bytecode::Function> {
    let b = c.prog.info.body(body).clone();
    let (name, file, span, block) = match b.owner {
        BodyOwner::Func(o) => {
            let ObjKind::Func(fi) = &c.prog.objs[o.index()].kind else {
                return Err("body owner is not a function".into());
            };
            let decl = fi.decl.ok_or("function without declaration")?;
            let d = c.ast.decl(decl);
            let crate::ast::DeclKind::Func {
                body: Some(block), ..
            } = &d.kind
            else {
                return Err("function body missing".into());
            };
            (c.func_symbol(o), d.file, d.span, block.clone())
        }
        BodyOwner::Lit(e) => {
            let crate::ast::ExprKind::FuncLit { body: block, .. } = &c.ast.expr(e).kind else {
                return Err("literal body missing".into());
            };
            let name = c
                .lit_names
                .get(&e)
                .cloned()
                .unwrap_or_else(|| "main.func".into());
            let file = c.lit_files.get(&e).copied().unwrap_or(c.user_file);
            (name, file, c.ast.expr(e).span, block.clone())
        }
    };
    let mut f = FnCompiler::new(c, Some(body), file, name);
    f.captures = b.free_vars.clone();
    f.has_defer = b.has_defer;
    f.result_types = b.results.iter().map(|&o| f.c.obj_type(o)).collect();
    // Parameters: receiver first, then params, in registers 0..n.
    let mut params: Vec<ObjId> = Vec::new();
    if let Some(r) = b.recv {
        params.push(r);
    }
    params.extend(b.params.iter().copied());
    let nparams = params.len() as u16;
    f.next_reg = nparams;
    f.max_reg = nparams;
    for (i, &p) in params.iter().enumerate() {
        let r = Reg(i as u16);
        let ty = f.c.obj_type(p);
        if f.c.is_agg(ty) && f.param_mutated(p, &block) {
            // A callee that may modify its copy of an aggregate takes its own.
            f.emit(Instr::Clone { dst: r, src: r });
        }
        if f.c.obj_name(p) == "_" {
            continue;
        }
        if f.needs_box(p) {
            let bx = f.temp();
            let pname = f.c.obj_name(p).to_string();
            let n = f.c.name(&pname);
            f.emit(Instr::Box {
                dst: bx,
                init: r,
                name: n,
            });
            f.vars.insert(p, VarLoc::Boxed(bx));
            f.locals.push(LocalDebug {
                name: f.c.obj_name(p).to_string(),
                reg: bx,
                boxed: true,
            });
        } else {
            f.vars.insert(p, VarLoc::Reg(r));
            f.locals.push(LocalDebug {
                name: f.c.obj_name(p).to_string(),
                reg: r,
                boxed: false,
            });
        }
    }
    // Results: named results are variables initialised to zero; functions
    // with defer keep every result in a slot.
    let named = b.named_results;
    if named || b.has_defer {
        for &r in &b.results {
            let ty = f.c.obj_type(r);
            let z = f.temp();
            f.zero(z, ty);
            let loc = if named && f.c.obj_name(r) != "_" {
                f.declare_var(r, z)
            } else {
                VarLoc::Reg(z)
            };
            f.result_vars.push(r);
            let slot = match loc {
                VarLoc::Reg(reg) => ResultSlot { reg, boxed: false },
                VarLoc::Boxed(reg) => ResultSlot { reg, boxed: true },
            };
            if b.has_defer {
                f.result_slots.push(slot);
            }
            if !named {
                f.vars.insert(r, loc);
            }
        }
    }
    f.block(&block.stmts)?;
    let nresults = b.results.len() as u16;
    let fspan = span;
    let out = f.finish(FileId(file.0), fspan, nparams, nresults, false);
    Ok(out)
}

impl FnCompiler<'_, '_> {
    /// Whether a function may modify its aggregate parameter `p` (assigns to
    /// it or its fields, takes its address, or captures it).
    fn param_mutated(&self, p: ObjId, _block: &crate::ast::Block) -> bool {
        let ObjKind::Var(v) = &self.c.prog.objs[p.index()].kind else {
            return false;
        };
        if v.addr_taken || v.captured {
            return true;
        }
        self.c.written_vars.contains(&p)
    }

    pub(crate) fn var_kind(&self, o: ObjId) -> Option<VarKind> {
        match &self.c.prog.objs[o.index()].kind {
            ObjKind::Var(v) => Some(v.kind),
            _ => None,
        }
    }
}
