//! The type checker: a port of the parts of Go's `types2` this playground needs.
//!
//! The structure follows `cmd/compile/internal/types2` file by file, so a
//! reader who knows go/types can find their way, and so that messages come
//! out word for word as `go build` prints them:
//!
//! - `resolver.rs`: collects package-level objects and imports; reports
//!   unused imports.
//! - `decl.rs`: lazy, cycle-aware resolution of package-level objects
//!   (`objDecl`), local declarations, methods; initialization order.
//! - `typexpr.rs`: type expressions.
//! - `expr.rs`: operands, constants, unary/binary operations, untyped
//!   constant conversion (`updateExprType`), composite and function literals.
//! - `call.rs`: calls, arguments, selectors; `builtins.rs`: `len`, `append`, ...
//! - `lookup.rs`: field and method lookup through embedding, `implements`.
//! - `assign.rs`: assignments and `:=`; `stmt.rs`: statements, `missing return`.
//!
//! Differences from types2, all deliberate: no generics (type parameters
//! are reported as unsupported), no complex numbers, no `unsafe`, no
//! `goto`; function literal bodies are checked in place rather than delayed;
//! constants use `i128`/`f64` (see [`crate::constant`]).
//!
//! **Invariant:** the checker never panics on any tree the parser produces;
//! unexpected shapes become `invalid` operands, silently if an error was
//! already reported.

mod assign;
mod builtins;
mod call;
mod decl;
mod expr;
mod lookup;
mod resolver;
mod stmt;
mod typexpr;

use crate::ast::*;
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::info::*;
use crate::objects::*;
use crate::span::Span;
use crate::types::*;
use rustc_hash::{FxHashMap, FxHashSet};

pub use lookup::{lookup_field_or_method, LookupEnv, LookupResult};
use stmt::StmtCtx;

/// How an operand may be used (Go's `operandMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpMode {
    Invalid,
    NoValue,
    Builtin,
    TypeExpr,
    Constant,
    Variable,
    MapIndex,
    Value,
    NilValue,
    CommaOk,
}

impl OpMode {
    fn describe(self) -> &'static str {
        match self {
            OpMode::Invalid => "invalid operand",
            OpMode::NoValue => "no value",
            OpMode::Builtin => "built-in",
            OpMode::TypeExpr => "type",
            OpMode::Constant => "constant",
            OpMode::Variable => "variable",
            OpMode::MapIndex => "map index expression",
            OpMode::Value => "value",
            OpMode::NilValue => "nil",
            OpMode::CommaOk => "comma, ok expression",
        }
    }
}

/// The result of checking an expression.
#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: OpMode,
    pub expr: Option<ExprId>,
    pub typ: TypeId,
    pub val: Value,
    pub builtin: Option<Builtin>,
}

impl Operand {
    pub fn invalid() -> Operand {
        Operand {
            mode: OpMode::Invalid,
            expr: None,
            typ: TypeId::INVALID,
            val: Value::Unknown,
            builtin: None,
        }
    }
    pub fn value(expr: Option<ExprId>, typ: TypeId) -> Operand {
        Operand {
            mode: OpMode::Value,
            expr,
            typ,
            val: Value::Unknown,
            builtin: None,
        }
    }
    pub fn is_invalid(&self) -> bool {
        self.mode == OpMode::Invalid
    }
    pub fn is_nil(&self) -> bool {
        self.mode == OpMode::NilValue
    }
}

/// What kind of expression statement an expression can be (types2's `exprKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExprKindClass {
    Conversion,
    Expression,
    Statement,
}

/// Bookkeeping for an untyped expression whose final type is not yet known.
#[derive(Clone, Debug)]
pub(crate) struct UntypedInfo {
    is_lhs: bool,
    mode: OpMode,
    typ: TypeId,
    val: Value,
}

/// Per-package-level-object declaration facts, for lazy resolution.
#[derive(Clone, Debug)]
pub(crate) enum DeclInfo {
    Const {
        typ: Option<ExprId>,
        init: Option<ExprId>,
        iota: u32,
        /// Position to report errors for inherited initializers.
        inherited: bool,
    },
    Var {
        typ: Option<ExprId>,
        init: Option<ExprId>,
        /// For `var a, b = f()`: all the variables initialized by `init`.
        lhs: Vec<ObjId>,
    },
    Type {
        decl: DeclId,
    },
    Func {
        decl: DeclId,
    },
}

/// Resolution state of package-level objects (types2's object colors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Color {
    White,
    Grey,
    Black,
}

/// The function-body environment (types2's `environment`).
#[derive(Clone, Debug)]
pub(crate) struct Env {
    pub scope: ScopeId,
    /// The signature of the function whose body is checked.
    pub sig: Option<TypeId>,
    pub body: Option<BodyId>,
    /// `iota` while checking a constant declaration.
    pub iota: Option<Value>,
    /// The package-level object whose declaration or body is being checked (for init deps).
    pub decl_obj: Option<ObjId>,
    /// Whether we are inside a function body at all.
    pub in_func: bool,
}

/// Well-known symbols, interned once.
#[derive(Clone, Debug)]
pub(crate) struct Syms {
    pub blank: Sym,
    pub main: Sym,
    pub init: Sym,
    pub iota: Sym,
    pub error_sym: Sym,
    pub error_method: Sym,
}

/// A checked program (all packages). See [`crate::check`].
#[derive(Clone, Debug)]
pub struct Program {
    pub types: TypeTable,
    pub objs: Vec<Object>,
    pub pkgs: Vec<Package>,
    pub scopes: Scopes,
    pub info: Info,
    /// Package-level variable initializations of each package, in Go's initialization order.
    pub inits: Vec<Vec<Init>>,
    /// Package ids in initialization order (dependencies first, `main` last).
    pub pkg_order: Vec<PkgId>,
    /// `init` functions per package, in source order.
    pub init_funcs: Vec<Vec<ObjId>>,
    /// The well-known `error` type.
    pub error_type: TypeId,
}

/// One package-level variable initialization: `lhs = init` (several
/// variables for `var a, b = f()`).
#[derive(Clone, Debug)]
pub struct Init {
    pub lhs: Vec<ObjId>,
    pub init: ExprId,
}

pub(crate) struct Checker<'a> {
    pub ast: &'a Ast,
    pub types: TypeTable,
    pub objs: Vec<Object>,
    pub pkgs: Vec<Package>,
    pub scopes: Scopes,
    pub info: Info,
    /// Errors in the user's file, in report order.
    pub diags: Vec<Diagnostic>,
    /// Errors in standard-library sources (bugs in this crate).
    pub internal: Vec<String>,
    pub first_err: bool,
    pub syms: Syms,
    pub universe: ScopeId,
    pub error_type: TypeId,
    pub any_type: TypeId,
    pub comparable_type: TypeId,
    pub empty_iface: TypeId,
    /// The user's package.
    pub main_pkg: Option<PkgId>,
    /// The user's file.
    pub user_file: FileId,

    // Current package and file.
    pub pkg: PkgId,
    pub file_scope: ScopeId,
    pub env: Env,

    pub decls: FxHashMap<ObjId, DeclInfo>,
    /// Which file scope each package-level object resolves names in.
    pub decl_file_scope: FxHashMap<ObjId, ScopeId>,
    colors: FxHashMap<ObjId, Color>,
    /// Objects on the current resolution path (for cycle errors).
    obj_path: Vec<ObjId>,
    /// Methods by receiver base type name object.
    pub methods: FxHashMap<ObjId, Vec<ObjId>>,
    pub untyped: FxHashMap<ExprId, UntypedInfo>,
    /// Initialization dependencies of package-level vars and funcs.
    pub deps: FxHashMap<ObjId, Vec<ObjId>>,
    pub inits: Vec<Vec<Init>>,
    pub init_funcs: Vec<Vec<ObjId>>,
    /// Package-level vars per package, in source order.
    pub pkg_vars: Vec<Vec<ObjId>>,
    /// The imported-and-used tracking: PkgName objects per file.
    pub file_imports: Vec<ObjId>,
    /// Function bodies waiting to be checked: (func object, decl).
    pub pending_bodies: Vec<(ObjId, DeclId, ScopeId)>,
    /// Named types whose declarations are in progress (to detect invalid recursive types).
    pub type_path: Vec<ObjId>,
    /// Reported "declared and not used" objects, to avoid duplicates.
    pub reported_unused: FxHashSet<ObjId>,
    /// Position to report errors at while checking an inherited constant initializer.
    pub errpos: Option<u32>,
    /// Resolved signatures of declared functions whose bodies are pending.
    pub func_sigs: FxHashMap<ObjId, decl::FuncSig>,
    /// Calls of the builtin `panic` (terminating statements).
    pub panics: FxHashSet<ExprId>,
    /// Whether the expression being checked contains a call or receive (for `len` constness).
    pub has_call_or_recv: bool,
}

/// Creates the universe: basic types, `error`, `any`, builtins, constants.
fn universe(ast: &mut Ast) -> Syms {
    let mut names: Vec<&str> = vec![
        "_",
        "main",
        "init",
        "iota",
        "error",
        "Error",
        "true",
        "false",
        "nil",
        "any",
        "comparable",
    ];
    for k in BasicKind::ALL {
        names.push(k.name());
    }
    names.extend(["byte", "rune"]);
    for b in Builtin::ALL {
        names.push(b.name());
    }
    for n in names {
        ast.syms.intern(n);
    }
    let g = |s: &str| ast.syms.get(s).unwrap_or(Sym(0));
    Syms {
        blank: g("_"),
        main: g("main"),
        init: g("init"),
        iota: g("iota"),
        error_sym: g("error"),
        error_method: g("Error"),
    }
}

/// Interns the names the checker needs; call before checking.
pub(crate) fn prepare(ast: &mut Ast) -> Syms {
    universe(ast)
}

impl<'a> Checker<'a> {
    pub fn new(ast: &'a Ast, syms: Syms, user_file: FileId) -> Checker<'a> {
        let mut scopes = Scopes::default();
        let universe = scopes.new_scope(None, ScopeKind::Universe);
        let mut c = Checker {
            ast,
            types: TypeTable::new(),
            objs: Vec::new(),
            pkgs: Vec::new(),
            scopes,
            info: Info::default(),
            diags: Vec::new(),
            internal: Vec::new(),
            first_err: false,
            syms,
            universe,
            error_type: TypeId::INVALID,
            any_type: TypeId::INVALID,
            comparable_type: TypeId::INVALID,
            empty_iface: TypeId::INVALID,
            main_pkg: None,
            user_file,
            pkg: PkgId(0),
            file_scope: universe,
            env: Env {
                scope: universe,
                sig: None,
                body: None,
                iota: None,
                decl_obj: None,
                in_func: false,
            },
            decls: FxHashMap::default(),
            decl_file_scope: FxHashMap::default(),
            colors: FxHashMap::default(),
            obj_path: Vec::new(),
            methods: FxHashMap::default(),
            untyped: FxHashMap::default(),
            deps: FxHashMap::default(),
            inits: Vec::new(),
            init_funcs: Vec::new(),
            pkg_vars: Vec::new(),
            file_imports: Vec::new(),
            pending_bodies: Vec::new(),
            type_path: Vec::new(),
            reported_unused: FxHashSet::default(),
            errpos: None,
            func_sigs: FxHashMap::default(),
            panics: FxHashSet::default(),
            has_call_or_recv: false,
        };
        c.info.types = vec![None; ast.exprs.len()];
        c.setup_universe();
        c
    }

    fn sym(&self, s: &str) -> Sym {
        self.ast.syms.get(s).unwrap_or(self.syms.blank)
    }

    fn setup_universe(&mut self) {
        let u = self.universe;
        for k in BasicKind::ALL {
            if matches!(k, BasicKind::Invalid | BasicKind::UnsafePointer) || k.is_untyped() {
                continue;
            }
            let name = self.sym(k.name());
            let o = self.new_obj(name, None, 0, None, TypeId::basic(k), ObjKind::TypeName);
            self.scopes.insert(u, name, o);
        }
        for (n, t) in [("byte", BYTE), ("rune", RUNE)] {
            let name = self.sym(n);
            let o = self.new_obj(name, None, 0, None, t, ObjKind::TypeName);
            self.scopes.insert(u, name, o);
        }
        // error: interface{ Error() string }
        let err_obj = self.new_obj(
            self.syms.error_sym,
            None,
            0,
            None,
            TypeId::INVALID,
            ObjKind::TypeName,
        );
        let err_named = self.types.new_named(err_obj);
        self.objs[err_obj.index()].typ = err_named;
        let string_t = TypeId::basic(BasicKind::String);
        let sig = self.types.new_signature(Signature {
            params: vec![],
            results: vec![Param {
                name: None,
                typ: string_t,
            }],
            variadic: false,
        });
        let m_obj = self.new_obj(
            self.syms.error_method,
            None,
            0,
            None,
            sig,
            ObjKind::Func(FuncInfo {
                decl: None,
                native: false,
                recv_base: Some(err_named),
                ptr_recv: false,
                iface_method: true,
                body: None,
            }),
        );
        let iface = self.types.new_interface(
            Interface {
                methods: vec![Method {
                    name: self.syms.error_method,
                    sig,
                    obj: m_obj,
                    pkg: None,
                    exported: true,
                }],
                ..Default::default()
            },
            &self.ast.syms,
        );
        self.types.set_underlying(err_named, iface);
        self.scopes.insert(u, self.syms.error_sym, err_obj);
        self.error_type = err_named;
        // any and comparable
        self.empty_iface = self
            .types
            .new_interface(Interface::default(), &self.ast.syms);
        self.any_type = self.types.new_interface(
            Interface {
                is_any: true,
                ..Default::default()
            },
            &self.ast.syms,
        );
        let any_name = self.sym("any");
        let o = self.new_obj(any_name, None, 0, None, self.any_type, ObjKind::TypeName);
        self.scopes.insert(u, any_name, o);
        self.comparable_type = self.types.new_interface(
            Interface {
                is_comparable: true,
                ..Default::default()
            },
            &self.ast.syms,
        );
        let cmp_name = self.sym("comparable");
        let o = self.new_obj(
            cmp_name,
            None,
            0,
            None,
            self.comparable_type,
            ObjKind::TypeName,
        );
        self.scopes.insert(u, cmp_name, o);
        // constants
        let ub = TypeId::basic(BasicKind::UntypedBool);
        for (n, v) in [("true", true), ("false", false)] {
            let name = self.sym(n);
            let o = self.new_obj(name, None, 0, None, ub, ObjKind::Const(Value::Bool(v)));
            self.scopes.insert(u, name, o);
        }
        let iota = self.new_obj(
            self.syms.iota,
            None,
            0,
            None,
            TypeId::basic(BasicKind::UntypedInt),
            ObjKind::Const(Value::Int(0)),
        );
        self.scopes.insert(u, self.syms.iota, iota);
        let nil_name = self.sym("nil");
        let o = self.new_obj(
            nil_name,
            None,
            0,
            None,
            TypeId::basic(BasicKind::UntypedNil),
            ObjKind::Nil,
        );
        self.scopes.insert(u, nil_name, o);
        for b in Builtin::ALL {
            let name = self.sym(b.name());
            let o = self.new_obj(name, None, 0, None, TypeId::INVALID, ObjKind::Builtin(b));
            self.scopes.insert(u, name, o);
        }
    }

    pub fn new_obj(
        &mut self,
        name: Sym,
        pkg: Option<PkgId>,
        pos: u32,
        file: Option<FileId>,
        typ: TypeId,
        kind: ObjKind,
    ) -> ObjId {
        let id = ObjId(self.objs.len() as u32);
        self.objs.push(Object {
            name,
            pkg,
            pos,
            file,
            typ,
            kind,
        });
        id
    }

    pub fn obj_name(&self, o: ObjId) -> &str {
        self.ast.str(self.objs[o.index()].name)
    }

    // ---- errors ----

    /// Whether diagnostics at the current position belong to the user's file.
    fn in_user_file(&self) -> bool {
        self.pkgs
            .get(self.pkg.index())
            .is_some_and(|p| p.files.contains(&self.user_file))
    }

    /// Reports an error at `pos` (types2's `errorf` + `report`).
    pub fn error_at(&mut self, pos: u32, msg: String) {
        let pos = self.errpos.unwrap_or(pos);
        self.error_span(Span::new(pos, pos), msg, false);
    }

    pub fn soft_error_at(&mut self, pos: u32, msg: String) {
        let pos = self.errpos.unwrap_or(pos);
        self.error_span(Span::new(pos, pos), msg, true);
    }

    fn error_span(&mut self, span: Span, msg: String, _soft: bool) {
        // types2's "cheap trick": drop follow-on errors about invalid operands/types.
        if self.first_err {
            let first_line = msg.lines().next().unwrap_or("");
            if first_line.find("invalid operand").is_some_and(|i| i > 0)
                || first_line.find("invalid type").is_some_and(|i| i > 0)
            {
                return;
            }
        }
        self.first_err = true;
        if self.in_user_file() {
            self.diags.push(Diagnostic::new(span, msg));
        } else {
            let path = self
                .pkgs
                .get(self.pkg.index())
                .map(|p| p.path.clone())
                .unwrap_or_default();
            self.internal.push(format!("{path}@{}: {msg}", span.lo));
        }
    }

    /// Reports at the start of an expression.
    pub fn error_expr(&mut self, e: ExprId, msg: String) {
        let pos = self.ast.start_pos(e);
        self.error_at(pos, msg);
    }

    /// Reports at an operand's expression.
    pub fn error_op(&mut self, x: &Operand, msg: String) {
        match x.expr {
            Some(e) => self.error_expr(e, msg),
            None => self.error_at(0, msg),
        }
    }

    // ---- formatting ----

    pub fn name_ctx(&self) -> NameCtx<'_> {
        NameCtx {
            objs: &self.objs,
            pkgs: &self.pkgs,
            syms: &self.ast.syms,
        }
    }

    /// A type as error messages print it (relative to the current package).
    pub fn ts(&self, t: TypeId) -> String {
        self.types
            .type_string(t, &self.name_ctx(), Qualifier::Relative(self.pkg))
    }

    pub fn es(&self, e: ExprId) -> String {
        crate::printer::expr_string(self.ast, e)
    }

    /// An operand as error messages print it: `x (variable of type int)`.
    pub fn os(&self, x: &Operand) -> String {
        if x.mode == OpMode::NilValue {
            return match self.types.get(x.typ) {
                Type::Basic {
                    kind: BasicKind::UntypedNil,
                    ..
                } => "nil".into(),
                _ if !x.typ.is_valid() => "nil (with invalid type)".into(),
                _ => format!("nil (of type {})", self.ts(x.typ)),
            };
        }
        let expr = match x.expr {
            Some(e) => self.es(e),
            None => match x.mode {
                OpMode::Builtin => x.builtin.map(|b| b.name().to_string()).unwrap_or_default(),
                OpMode::TypeExpr => self.ts(x.typ),
                OpMode::Constant => x.val.go_string(),
                _ => String::new(),
            },
        };
        let mut buf = String::new();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            OpMode::Invalid | OpMode::NoValue | OpMode::Builtin | OpMode::TypeExpr => {}
            _ => {
                if self.types.is_untyped(x.typ) {
                    buf.push_str(self.types.get(x.typ).basic_name());
                    buf.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(x.mode.describe());
        if x.mode == OpMode::Constant {
            let s = x.val.go_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if x.typ.is_valid() {
                buf.push_str(" of type ");
                buf.push_str(&self.ts(x.typ));
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }

    // ---- recording ----

    pub fn record(&mut self, e: ExprId, mode: OpMode, typ: TypeId, val: &Value) {
        let m = match mode {
            OpMode::Invalid => return,
            OpMode::NoValue => Mode::NoValue,
            OpMode::Builtin => Mode::Value,
            OpMode::TypeExpr => Mode::TypeExpr,
            OpMode::Constant => Mode::Constant,
            OpMode::Variable => Mode::Variable,
            OpMode::MapIndex => Mode::MapIndex,
            OpMode::Value => Mode::Value,
            OpMode::NilValue => Mode::Nil,
            OpMode::CommaOk => Mode::CommaOk,
        };
        let value = if mode == OpMode::Constant && !val.is_unknown() {
            Some(val.clone())
        } else {
            None
        };
        if let Some(slot) = self.info.types.get_mut(e.index()) {
            *slot = Some(TypeAndValue {
                mode: m,
                typ,
                value,
            });
        }
    }

    pub fn record_builtin(&mut self, e: ExprId, b: Builtin) {
        if let Some(slot) = self.info.types.get_mut(e.index()) {
            *slot = Some(TypeAndValue {
                mode: Mode::Builtin(b),
                typ: TypeId::INVALID,
                value: None,
            });
        }
    }

    pub fn record_def(&mut self, ident: ExprId, obj: ObjId) {
        self.info.defs.insert(ident, obj);
    }

    pub fn record_use(&mut self, ident: ExprId, obj: ObjId) {
        self.info.uses.insert(ident, obj);
    }

    /// Records that `e`'s value is converted to the interface type `target` where it is used.
    pub fn record_implicit(&mut self, e: ExprId, from: TypeId, target: TypeId) {
        if self.types.is_interface(target)
            && !self.types.identical(from, target)
            && !self.types.is_interface(from)
        {
            self.info.implicit_conversions.insert(e, target);
        }
    }

    // ---- scopes ----

    pub fn open_scope(&mut self, kind: ScopeKind) {
        self.env.scope = self.scopes.new_scope(Some(self.env.scope), kind);
    }

    pub fn close_scope(&mut self) {
        if let Some(p) = self.scopes.scopes[self.env.scope.index()].parent {
            self.env.scope = p;
        }
    }

    /// Declares `obj` in `scope`; reports a redeclaration like types2's `declare`.
    pub fn declare(&mut self, scope: ScopeId, ident: Option<ExprId>, obj: ObjId) {
        let name = self.objs[obj.index()].name;
        if name != self.syms.blank {
            if let Some(alt) = self.scopes.insert(scope, name, obj) {
                let pos = self.objs[obj.index()].pos;
                let alt_pos = self.objs[alt.index()].pos;
                let n = self.ast.str(name).to_string();
                let mut msg = format!("{n} redeclared in this block");
                if self.objs[alt.index()].pkg.is_some()
                    && self.objs[alt.index()].file == Some(self.user_file)
                {
                    msg.push_str(&format!(
                        "\n\t{}: other declaration of {n}",
                        crate::diag::pos_marker(alt_pos)
                    ));
                }
                self.error_at(pos, msg);
                // Not in scope: never reported as unused.
                if let ObjKind::Var(vi) = &mut self.objs[obj.index()].kind {
                    vi.used = true;
                }
                return;
            }
        }
        if let Some(id) = ident {
            self.record_def(id, obj);
        }
    }

    /// Looks up a name from the current scope outwards.
    pub fn lookup(&self, name: Sym) -> Option<ObjId> {
        self.scopes
            .lookup_parent(self.env.scope, name)
            .map(|(o, _)| o)
    }

    pub fn pkg_name(&self, p: PkgId) -> &str {
        self.ast.str(self.pkgs[p.index()].name)
    }

    /// Records an initialization dependency of the declaration being checked on `obj`.
    pub fn add_dep(&mut self, obj: ObjId) {
        if let Some(d) = self.env.decl_obj {
            let is_pkg_level = matches!(
                self.objs[obj.index()].kind,
                ObjKind::Var(VarInfo {
                    kind: VarKind::Global,
                    ..
                }) | ObjKind::Func(_)
            );
            if is_pkg_level {
                let v = self.deps.entry(d).or_default();
                if !v.contains(&obj) {
                    v.push(obj);
                }
            }
        }
    }

    pub fn color(&self, o: ObjId) -> Color {
        self.colors.get(&o).copied().unwrap_or(Color::White)
    }

    pub fn body_mut(&mut self) -> Option<&mut Body> {
        let b = self.env.body?;
        self.info.bodies.get_mut(b.index())
    }

    /// Finishes checking: converts remaining untyped expressions to their default types.
    pub fn finish_untyped(&mut self) {
        let mut left: Vec<(ExprId, UntypedInfo)> = self.untyped.drain().collect();
        crate::sort::sort_by_key(&mut left, |(e, _)| *e);
        for (e, info) in left {
            let typ = if info.mode == OpMode::NilValue {
                info.typ
            } else {
                self.types.default_type(info.typ)
            };
            let typ = if info.mode == OpMode::Constant || info.mode == OpMode::NilValue {
                info.typ
            } else {
                typ
            };
            self.record(e, info.mode, typ, &info.val);
        }
    }

    pub fn into_program(self) -> Program {
        Program {
            types: self.types,
            objs: self.objs,
            pkgs: self.pkgs,
            scopes: self.scopes,
            info: self.info,
            inits: self.inits,
            pkg_order: Vec::new(),
            init_funcs: self.init_funcs,
            error_type: self.error_type,
        }
    }
}

impl Program {
    /// A type as Go prints it: `main.Point` with `qualified` (as `%T` does),
    /// `Point` relative to package `main` otherwise (as error messages do).
    pub fn type_string(&self, ast: &Ast, t: TypeId, qualified: bool) -> String {
        let ctx = NameCtx {
            objs: &self.objs,
            pkgs: &self.pkgs,
            syms: &ast.syms,
        };
        let q = match (qualified, self.pkg_order.last()) {
            (false, Some(&main)) => Qualifier::Relative(main),
            _ => Qualifier::Full,
        };
        self.types.type_string(t, &ctx, q)
    }

    /// Finds field or method `name` of type `t` (through embedding), as seen
    /// from package `pkg`; for a method found through a pointer-receiver
    /// requirement on a non-addressable value, returns `NeedsPointer`.
    pub fn lookup(
        &self,
        ast: &Ast,
        pkg: PkgId,
        t: TypeId,
        addressable: bool,
        name: &str,
    ) -> LookupResult {
        let env = LookupEnv {
            types: &self.types,
            objs: &self.objs,
            syms: &ast.syms,
            pkg,
        };
        lookup_field_or_method(&env, t, addressable, name, false)
    }

    /// The method set of `t` as Go defines it: the methods callable on a
    /// value of type `t` (with pointer-receiver methods only for `*T`),
    /// including promoted ones, sorted by name. Each entry is the method
    /// object and the lookup path (see [`Selection::index`]).
    pub fn method_set(&self, ast: &Ast, t: TypeId) -> Vec<(ObjId, Vec<u32>)> {
        let mut names: Vec<Sym> = Vec::new();
        // Collect candidate names from the type and its embedded fields.
        let mut stack = vec![t];
        let mut seen = FxHashSet::default();
        while let Some(cur) = stack.pop() {
            let (base, _) = self.types.deref(cur);
            if !seen.insert(base) || seen.len() > 256 {
                continue;
            }
            if let Type::Named(n) = self.types.get(base) {
                names.extend(n.methods.iter().map(|m| self.objs[m.index()].name));
            }
            match self.types.under(base) {
                Type::Struct(s) => {
                    stack.extend(s.fields.iter().filter(|f| f.embedded).map(|f| f.typ))
                }
                Type::Interface(i) => names.extend(i.all.iter().map(|m| m.name)),
                _ => {}
            }
        }
        crate::sort::sort_by(&mut names, |a, b| ast.str(*a).cmp(ast.str(*b)));
        names.dedup();
        let pkg = self.pkg_order.last().copied().unwrap_or(PkgId(0));
        let mut out = Vec::new();
        for n in names {
            let obj_pkg = pkg;
            if let LookupResult::Found { obj, index, .. } =
                self.lookup(ast, obj_pkg, t, false, ast.str(n))
            {
                if matches!(self.objs[obj.index()].kind, ObjKind::Func(_)) {
                    out.push((obj, index));
                }
            }
        }
        out
    }

    /// Whether type `t` implements interface `iface`.
    pub fn implements(&self, ast: &Ast, t: TypeId, iface: TypeId) -> bool {
        let Some(i) = self.types.interface(iface) else {
            return false;
        };
        let set = self.method_set(ast, t);
        i.all.iter().all(|m| {
            set.iter().any(|(o, _)| {
                self.objs[o.index()].name == m.name
                    && self.types.identical(self.objs[o.index()].typ, m.sig)
            })
        })
    }
}

impl Type {
    /// The name of a basic type (empty for other types).
    pub fn basic_name(&self) -> &'static str {
        match self {
            Type::Basic { name, .. } => name,
            _ => "",
        }
    }
}
