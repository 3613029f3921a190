//! The compiler: a checked program (AST + side tables) to bytecode.
//!
//! One pass per function body. Locals live in registers, allocated like a
//! stack (a block's locals and a statement's temporaries are freed when it
//! ends); locals whose address is taken or that closures capture live in
//! heap boxes, and aggregates (structs, arrays) live in heap objects whose
//! identity is their address. The rules for aggregate values:
//!
//! - an expression of aggregate type yields a `Ref` that is *fresh* (a
//!   composite literal, a call result, a clone) or *borrowed* (a variable,
//!   field, element, dereference, parameter);
//! - storing a borrowed aggregate anywhere (variable, field, element, map,
//!   channel, interface, `go`/`defer` argument, return value) stores a
//!   `Clone`; assigning to an existing aggregate variable copies into it
//!   (`CopyInto`), so pointers to it stay valid;
//! - a function that may modify an aggregate parameter (or value receiver)
//!   clones it on entry; otherwise it reads the caller's object.
//!
//! The checker already resolved everything (types, constants, selections,
//! implicit interface conversions, escapes), so the compiler never
//! type-checks and never fails on a checked program: an unexpected shape is
//! a bug reported as an internal error.

mod builtins;
mod calls;
mod exprs;
mod func;
mod methods;
mod places;
mod rtypes;
mod stmts;

use rustc_hash::FxHashMap;

use crate::ast::{Ast, DeclKind, ExprId, FileId as AstFileId};
use crate::bytecode::{self, FuncId, GlobalId, NameId, NativeId, NativeInfo, Program as Bytecode};
use crate::check::Program as Checked;
use crate::info::{BodyId, BodyOwner};
use crate::objects::{ObjId, ObjKind};
use crate::span::{LineIndex, Span};
use crate::types::TypeId;
use crate::Diagnostic;

pub use func::FnCompiler;

/// Compiles Go source to bytecode, or returns its diagnostics.
pub fn compile(src: &str) -> Result<Bytecode, Vec<Diagnostic>> {
    let checked = crate::check(src);
    if !checked.is_ok() {
        return Err(checked.diagnostics);
    }
    let Some(program) = &checked.program else {
        return Err(checked.diagnostics);
    };
    compile_checked(&checked.ast, checked.user_file, program, src).map_err(|e| {
        vec![Diagnostic::new(
            Span::default(),
            format!("internal compiler error: {e} (please report this program)"),
        )]
    })
}

/// Compiles a checked program. `src` is the text of the user's file.
pub fn compile_checked(
    ast: &Ast,
    user_file: AstFileId,
    program: &Checked,
    src: &str,
) -> Result<Bytecode, String> {
    let mut c = Compiler::new(ast, user_file, program, src);
    c.run()?;
    Ok(c.finish())
}

/// A function waiting to be compiled.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Pending {
    /// A declared function or method with a body.
    Body { body: BodyId, func: FuncId },
    /// A function literal.
    Lit { body: BodyId, func: FuncId },
}

/// Program-wide compilation state.
pub(crate) struct Compiler<'a> {
    pub ast: &'a Ast,
    pub prog: &'a Checked,
    pub user_file: AstFileId,
    /// Bytecode functions (filled in as bodies compile).
    pub funcs: Vec<Option<bytecode::Function>>,
    pub func_ids: FxHashMap<ObjId, FuncId>,
    pub lit_ids: FxHashMap<ExprId, FuncId>,
    pub natives: Vec<NativeInfo>,
    pub native_ids: FxHashMap<ObjId, NativeId>,
    pub native_by_name: FxHashMap<String, NativeId>,
    pub globals: Vec<bytecode::GlobalInfo>,
    pub global_ids: FxHashMap<ObjId, GlobalId>,
    pub consts: Vec<bytecode::Const>,
    pub const_strs: FxHashMap<String, bytecode::ConstId>,
    pub names: Vec<String>,
    pub name_ids: FxHashMap<String, NameId>,
    pub rt: rtypes::RtTypes,
    pub pending: Vec<Pending>,
    /// Source text and line index of each AST file.
    pub files: Vec<(String, String, LineIndex)>,
    /// Names given to function literals (`main.main.func1`).
    pub lit_names: FxHashMap<ExprId, String>,
    /// Synthesized wrappers, by a key describing them.
    pub wrappers: FxHashMap<String, FuncId>,
    /// The file each function literal is in.
    pub lit_files: FxHashMap<ExprId, AstFileId>,
    /// Variables assigned to (directly or through fields/elements): an
    /// aggregate parameter among them is cloned on entry.
    pub written_vars: rustc_hash::FxHashSet<ObjId>,
    pub main: FuncId,
}

impl<'a> Compiler<'a> {
    fn new(ast: &'a Ast, user_file: AstFileId, prog: &'a Checked, src: &str) -> Compiler<'a> {
        // Source files: the user's, then each stdlib package's.
        let mut files = Vec::new();
        for (i, _) in ast.files.iter().enumerate() {
            let fid = AstFileId(i as u32);
            let (name, text) = if fid == user_file {
                ("main.go".to_string(), src.to_string())
            } else {
                let path = prog
                    .pkgs
                    .iter()
                    .find(|p| p.files.contains(&fid))
                    .map(|p| p.path.clone())
                    .unwrap_or_default();
                let text = crate::stdlib::source(&path).unwrap_or_default().to_string();
                let base = path.rsplit('/').next().unwrap_or(&path).to_string();
                (format!("{path}/{base}.go"), text)
            };
            let idx = LineIndex::new(&text);
            files.push((name, text, idx));
        }
        Compiler {
            ast,
            prog,
            user_file,
            funcs: Vec::new(),
            func_ids: FxHashMap::default(),
            lit_ids: FxHashMap::default(),
            natives: Vec::new(),
            native_ids: FxHashMap::default(),
            native_by_name: FxHashMap::default(),
            globals: Vec::new(),
            global_ids: FxHashMap::default(),
            consts: Vec::new(),
            const_strs: FxHashMap::default(),
            names: Vec::new(),
            name_ids: FxHashMap::default(),
            rt: rtypes::RtTypes::default(),
            pending: Vec::new(),
            files,
            lit_names: FxHashMap::default(),
            wrappers: FxHashMap::default(),
            lit_files: FxHashMap::default(),
            written_vars: written_vars(ast, prog),
            main: FuncId(0),
        }
    }

    // ===== interning =====

    pub fn name(&mut self, s: &str) -> NameId {
        if let Some(&n) = self.name_ids.get(s) {
            return n;
        }
        let n = NameId(self.names.len() as u32);
        self.names.push(s.to_string());
        self.name_ids.insert(s.to_string(), n);
        n
    }

    pub fn const_str(&mut self, s: &str) -> bytecode::ConstId {
        if let Some(&k) = self.const_strs.get(s) {
            return k;
        }
        let k = bytecode::ConstId(self.consts.len() as u32);
        self.consts.push(bytecode::Const::Str(s.to_string()));
        self.const_strs.insert(s.to_string(), k);
        k
    }

    pub fn const_val(&mut self, c: bytecode::Const) -> bytecode::ConstId {
        if let bytecode::Const::Str(s) = &c {
            return self.const_str(&s.clone());
        }
        if let Some(i) = self.consts.iter().position(|k| *k == c) {
            return bytecode::ConstId(i as u32);
        }
        self.consts.push(c);
        bytecode::ConstId(self.consts.len() as u32 - 1)
    }

    /// Reserves a function id (compiled later or synthesized now).
    pub fn new_func_id(&mut self) -> FuncId {
        self.funcs.push(None);
        FuncId(self.funcs.len() as u32 - 1)
    }

    // ===== objects =====

    pub fn obj_name(&self, o: ObjId) -> &str {
        self.ast.str(self.prog.objs[o.index()].name)
    }

    /// Import path of the package declaring `o` (`main` for user code).
    pub fn pkg_path(&self, o: ObjId) -> &str {
        self.prog.objs[o.index()]
            .pkg
            .map_or("", |p| self.prog.pkgs[p.index()].path.as_str())
    }

    /// The symbol name Go uses for a function or method (`main.worker`,
    /// `main.(*T).M`, `main.T.M`, `sync.(*Mutex).Lock`).
    pub fn func_symbol(&self, o: ObjId) -> String {
        let obj = &self.prog.objs[o.index()];
        let name = self.ast.str(obj.name);
        let pkg = self.pkg_path(o).to_string();
        let ObjKind::Func(fi) = &obj.kind else {
            return format!("{pkg}.{name}");
        };
        match fi.recv_base {
            Some(base) => {
                let tname = match self.prog.types.named(base) {
                    Some(n) => self.ast.str(self.prog.objs[n.obj.index()].name).to_string(),
                    None => "?".into(),
                };
                if fi.ptr_recv {
                    format!("{pkg}.(*{tname}).{name}")
                } else {
                    format!("{pkg}.{tname}.{name}")
                }
            }
            None => format!("{pkg}.{name}"),
        }
    }

    /// The bytecode function of a declared function with a body.
    pub fn func_id(&mut self, o: ObjId) -> FuncId {
        if let Some(&f) = self.func_ids.get(&o) {
            return f;
        }
        let f = self.new_func_id();
        self.func_ids.insert(o, f);
        if let ObjKind::Func(fi) = &self.prog.objs[o.index()].kind {
            if let Some(body) = fi.body {
                self.pending.push(Pending::Body { body, func: f });
            }
        }
        f
    }

    /// Whether a function object is implemented by the simulator.
    pub fn is_native(&self, o: ObjId) -> bool {
        matches!(&self.prog.objs[o.index()].kind, ObjKind::Func(fi) if fi.native)
    }

    pub fn native_id(&mut self, o: ObjId) -> NativeId {
        if let Some(&n) = self.native_ids.get(&o) {
            return n;
        }
        let name = self.func_symbol(o);
        let sig = self.prog.objs[o.index()].typ;
        let (np, nr) = match self.prog.types.signature(sig) {
            Some(s) => (s.params.len(), s.results.len()),
            None => (0, 0),
        };
        let recv = match &self.prog.objs[o.index()].kind {
            ObjKind::Func(fi) => usize::from(fi.recv_base.is_some()),
            _ => 0,
        };
        let n = self.native_named(&name, (np + recv) as u16, nr as u16);
        self.native_ids.insert(o, n);
        n
    }

    /// A native by name (for natives the compiler itself calls, like `print`).
    pub fn native_named(&mut self, name: &str, nparams: u16, nresults: u16) -> NativeId {
        if let Some(&n) = self.native_by_name.get(name) {
            return n;
        }
        let n = NativeId(self.natives.len() as u32);
        self.natives.push(NativeInfo {
            name: name.to_string(),
            nparams,
            nresults,
        });
        self.native_by_name.insert(name.to_string(), n);
        n
    }

    pub fn global_id(&mut self, o: ObjId) -> GlobalId {
        if let Some(&g) = self.global_ids.get(&o) {
            return g;
        }
        let g = GlobalId(self.globals.len() as u32);
        let name = self.obj_name(o).to_string();
        let pkg = self.pkg_path(o).to_string();
        let ty = self.prog.objs[o.index()].typ;
        let rt = self.rt_type(ty);
        let display = if pkg == "main" {
            name.clone()
        } else {
            format!("{pkg}.{name}")
        };
        self.globals.push(bytecode::GlobalInfo {
            name: format!("{pkg}.{name}"),
            display,
            ty: rt,
            span: Span::new(self.prog.objs[o.index()].pos, self.prog.objs[o.index()].pos),
        });
        self.global_ids.insert(o, g);
        g
    }

    /// Source text of `span` in file `f`.
    pub fn text(&self, f: AstFileId, span: Span) -> &str {
        let t = &self.files[f.index()].1;
        t.get(span.lo as usize..span.hi as usize).unwrap_or("")
    }

    // ===== the run =====

    fn run(&mut self) -> Result<(), String> {
        let entry = self.new_func_id();
        debug_assert_eq!(entry, FuncId(0));
        let main_obj = self.find_main().ok_or("no main function")?;
        let main = self.func_id(main_obj);
        self.compile_entry(entry, main)?;
        while let Some(p) = self.pending.pop() {
            match p {
                Pending::Body { body, func } | Pending::Lit { body, func } => {
                    let f = func::compile_body(self, body, func)?;
                    self.funcs[func.index()] = Some(f);
                }
            }
        }
        self.build_method_tables()?;
        // Wrappers created while building method tables may add work.
        while let Some(p) = self.pending.pop() {
            match p {
                Pending::Body { body, func } | Pending::Lit { body, func } => {
                    let f = func::compile_body(self, body, func)?;
                    self.funcs[func.index()] = Some(f);
                }
            }
        }
        self.main = main;
        self.set_well_known();
        self.build_method_tables()?;
        Ok(())
    }

    /// Runtime types the simulator builds values of by itself.
    fn set_well_known(&mut self) {
        use crate::types::BasicKind;
        let mut wk = crate::bytecode::WellKnown {
            bool_: Some(self.rt_type(TypeId::basic(BasicKind::Bool))),
            int: Some(self.rt_type(TypeId::basic(BasicKind::Int))),
            string: Some(self.rt_type(TypeId::basic(BasicKind::String))),
            float64: Some(self.rt_type(TypeId::basic(BasicKind::Float64))),
            runtime_errors: self.synth_runtime_errors(),
            ..Default::default()
        };
        wk.runtime_error = wk.runtime_errors.first().copied();
        let (mut time, mut dur) = (None, None);
        for (i, obj) in self.prog.objs.iter().enumerate() {
            if !matches!(obj.kind, ObjKind::TypeName) || self.pkg_path(ObjId(i as u32)) != "time" {
                continue;
            }
            match self.ast.str(obj.name) {
                "Time" => time = Some(obj.typ),
                "Duration" => dur = Some(obj.typ),
                _ => {}
            }
        }
        wk.time_time = time.map(|t| self.rt_type(t));
        wk.time_duration = dur.map(|t| self.rt_type(t));
        self.rt.well_known = wk;
    }

    fn find_main(&self) -> Option<ObjId> {
        let file = self.ast.file(self.user_file);
        for &d in &file.decls {
            if let DeclKind::Func {
                name, recv: None, ..
            } = &self.ast.decl(d).kind
            {
                if self.ast.name_str(*name) == "main" {
                    return self.prog.info.defs.get(name).copied();
                }
            }
        }
        None
    }

    fn finish(self) -> Bytecode {
        let funcs: Vec<bytecode::Function> = self
            .funcs
            .into_iter()
            .map(|f| f.unwrap_or_else(|| func::empty_function("missing")))
            .collect();
        let files = self
            .files
            .into_iter()
            .map(|(name, _, lines)| bytecode::SourceFile { name, lines })
            .collect();
        let well_known = self.rt.well_known.clone();
        Bytecode {
            funcs,
            entry: FuncId(0),
            main: self.main,
            types: self.rt.infos,
            globals: self.globals,
            consts: self.consts,
            names: self.names,
            natives: self.natives,
            files,
            well_known,
        }
    }
}

impl Compiler<'_> {
    /// Which body a function-literal or declared body belongs to (for naming).
    pub fn body_owner(&self, b: BodyId) -> BodyOwner {
        self.prog.info.body(b).owner
    }

    pub fn obj_type(&self, o: ObjId) -> TypeId {
        self.prog.objs[o.index()].typ
    }
}

/// Variables that are the root of an assignment target (`p = ...`,
/// `p.X = ...`, `p[i] = ...`, `p.X++`, range assignments).
fn written_vars(ast: &Ast, prog: &Checked) -> rustc_hash::FxHashSet<ObjId> {
    use crate::ast::StmtKind;
    let mut out = rustc_hash::FxHashSet::default();
    let root = |mut e: ExprId| -> Option<ObjId> {
        loop {
            match &ast.expr(e).kind {
                crate::ast::ExprKind::Paren(x) => e = *x,
                crate::ast::ExprKind::Selector { x, .. } => e = *x,
                crate::ast::ExprKind::Index { x, .. } => e = *x,
                crate::ast::ExprKind::Name(_) => return prog.info.object_of(e),
                _ => return None,
            }
        }
    };
    for s in &ast.stmts {
        match &s.kind {
            StmtKind::Assign { lhs, .. } => {
                for &l in lhs {
                    if let Some(o) = root(l) {
                        out.insert(o);
                    }
                }
            }
            StmtKind::Range {
                key,
                value,
                def: false,
                ..
            } => {
                for e in [key, value].into_iter().flatten() {
                    if let Some(o) = root(*e) {
                        out.insert(o);
                    }
                }
            }
            _ => {}
        }
    }
    out
}
