//! gosched-lang: the Go-subset front end (source text in, a type-checked program or diagnostics out).
//!
//! **Architecture invariant:** this crate has no browser, terminal, clock,
//! randomness or file-system dependency, and no input makes it panic: bad
//! programs produce [`Diagnostic`]s. Parsing never fails (a tree plus
//! errors); nesting is bounded ([`parser::MAX_NESTING`]) so no pass can
//! overflow the stack.
//!
//! # Pipeline
//!
//! ```text
//! source ──lexer──▶ tokens ──parser──▶ ast::Ast ──check──▶ Checked { program, diagnostics }
//!                                          ▲
//!                 stdlib/*.go (embedded) ──┘  parsed into the same Ast when imported
//! ```
//!
//! - [`analyze`]: what the editor page needs (go statements and diagnostics).
//! - [`parse`]: syntax only.
//! - [`check`]: parse the user's `main.go` and the standard-library packages
//!   it imports, type-check everything, return a [`Checked`].
//!
//! Diagnostics read exactly like Go 1.23's `go build` (`declared and not
//! used: x`, `syntax error: unexpected newline, expected comma or }`), are
//! limited to the first 10 and sorted by position ([`diag::finish`]). As in
//! Go, syntax errors stop before type checking.
//!
//! # The contract with the compiler
//!
//! A [`Checked`] without diagnostics holds a [`Program`](check::Program):
//!
//! - [`ast::Ast`]: every node in arenas ([`ast::ExprId`], [`ast::StmtId`],
//!   [`ast::DeclId`]), all files (user + stdlib) in one arena; `ast.files`
//!   index with [`ast::FileId`]; `Checked::user_file` is the user's.
//! - `program.types` ([`types::TypeTable`]): interned types by
//!   [`types::TypeId`]; identity with `identical`, printing with
//!   `type_string` (`main.Point`, `[]int`, `chan<- int`, as `%T` prints).
//! - `program.objs` ([`objects::Object`] by [`objects::ObjId`]): variables
//!   (with [`objects::VarInfo`]: kind, `addr_taken`, `captured`,
//!   `per_iteration` for storage decisions), constants (values), type names,
//!   functions ([`objects::FuncInfo`]: declaration, `native`, receiver),
//!   builtins, package names, `nil`.
//! - `program.info` ([`info::Info`]): per-expression type/mode/constant
//!   value, identifier definitions and uses, selections (field paths,
//!   method receiver adjustment, interface dispatch), call kinds, implicit
//!   interface conversions, function bodies (params, results, locals, free
//!   variables, `defer`/`recover` flags). See the [`info`] module docs.
//! - `program.pkgs`, `program.pkg_order` (dependencies first),
//!   `program.inits` (package variable initialization in Go's order),
//!   `program.init_funcs` (`init()` functions).
//! - Helpers on [`Program`]: `type_string`, `lookup` (field/method lookup
//!   through embedding, Go's `LookupFieldOrMethod`), `method_set`,
//!   `implements` (for building interface method tables).
//! - [`stdlib::natives`]: the functions the simulator must implement.
//! - [`dump::dump`]: a readable listing of a checked program, for tests.
//!
//! # Not supported (reported as "... is not supported by the playground")
//!
//! Generics (type parameters and instantiation), complex numbers, `goto`,
//! dot imports, range over functions (Go 1.23 iterators), `unsafe`, cgo,
//! and packages outside [`stdlib::packages`].

pub mod ast;
pub mod branches;
pub mod bytecode;
pub mod check;
pub mod compile;
pub mod constant;
pub mod diag;
pub mod dump;
pub mod info;
pub mod lexer;
pub mod objects;
pub mod parser;
pub mod printer;
pub mod sort;
pub mod span;
pub mod stdlib;
pub mod token;
pub mod types;

pub use check::Program;
pub use diag::Diagnostic;
pub use span::{LineCol, LineIndex, Span};

use ast::{Ast, DeclKind, ExprKind, FileId};
use rustc_hash::FxHashMap;

/// What the first page shows about a program: where it starts goroutines,
/// or what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Span of each `go` statement, in source order.
    pub go_statements: Vec<Span>,
    /// Problems found, in source order, at most [`diag::MAX_ERRORS`].
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `src` (the user's `main.go`) into a fresh [`ast::Ast`] holding one
/// file (`ast.files[0]`). Never fails: syntax errors come back as
/// diagnostics, in source order, worded as `go build` words them.
pub fn parse(src: &str) -> (Ast, Vec<Diagnostic>) {
    let mut ast = Ast::default();
    let mut diags = Vec::new();
    parser::parse_file(&mut ast, src, &mut diags);
    let index = LineIndex::new(src);
    (ast, diag::finish_go(diags, &index))
}

/// Parses and type-checks `src`; returns the `go` statements and all diagnostics.
pub fn analyze(src: &str) -> Analysis {
    let checked = check(src);
    let mut go_statements: Vec<Span> = checked
        .ast
        .stmts
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            matches!(
                s.kind,
                ast::StmtKind::Call {
                    tok: token::Tok::Go,
                    ..
                }
            ) && checked.is_user_stmt_id(ast::StmtId(*i as u32))
        })
        .map(|(_, s)| s.span)
        .collect();
    sort::sort(&mut go_statements);
    Analysis {
        go_statements,
        diagnostics: checked.diagnostics,
    }
}

/// The result of [`check`].
pub struct Checked {
    /// All parsed files: the user's and the imported standard-library packages.
    pub ast: Ast,
    /// The user's file.
    pub user_file: FileId,
    /// Problems in the user's program (empty means `program` is complete and valid).
    pub diagnostics: Vec<Diagnostic>,
    /// The checked program; `None` if there were syntax errors.
    pub program: Option<Program>,
    /// Errors found in the embedded standard library (always empty unless this crate has a bug).
    pub internal_errors: Vec<String>,
    /// Node counts of the user's file, to tell user nodes from stdlib nodes.
    user_stmts: std::ops::Range<u32>,
}

impl Checked {
    /// Whether the checked program is free of errors.
    pub fn is_ok(&self) -> bool {
        self.diagnostics.is_empty() && self.program.is_some()
    }

    /// Whether a statement belongs to the user's file.
    pub fn is_user_stmt_id(&self, s: ast::StmtId) -> bool {
        self.user_stmts.contains(&s.0)
    }
}

/// Parses `src` and the standard-library packages it imports, and
/// type-checks them all. See the crate docs for what the result holds.
pub fn check(src: &str) -> Checked {
    let mut ast = Ast::default();
    let mut diags = Vec::new();
    let user = parser::parse_file(&mut ast, src, &mut diags);
    let user_stmts = 0..ast.stmts.len() as u32;
    let index = LineIndex::new(src);
    let has_syntax = diags.iter().any(|d| d.message.starts_with("syntax error"))
        || ast.file(user).package.is_none();
    if has_syntax {
        return Checked {
            ast,
            user_file: user,
            diagnostics: diag::finish_go(diags, &index),
            program: None,
            internal_errors: Vec::new(),
            user_stmts,
        };
    }
    // Load imported packages (depth-first, dependencies first).
    let mut loaded: Vec<(String, FileId)> = Vec::new();
    let mut internal = Vec::new();
    let user_imports = file_imports(&ast, user);
    let mut import_errors = false;
    for (path, pos) in &user_imports {
        if stdlib::source(path).is_none() {
            let msg = if stdlib::is_real_std(path) {
                format!("package {path} is not supported by the playground")
            } else {
                format!("package {path} is not in std")
            };
            diags.push(Diagnostic::new(Span::new(*pos, *pos), msg));
            import_errors = true;
        }
    }
    if import_errors {
        // Like the go command, stop when an import cannot be found.
        return Checked {
            ast,
            user_file: user,
            diagnostics: diag::finish_go(diags, &index),
            program: None,
            internal_errors: internal,
            user_stmts,
        };
    }
    let mut stack: Vec<String> = user_imports.iter().map(|(p, _)| p.clone()).collect();
    stack.reverse();
    load_packages(&mut ast, &mut stack, &mut loaded, &mut internal, 0);
    let syms = check::prepare(&mut ast);
    let user_pkg_name = ast
        .file(user)
        .package
        .and_then(|p| ast.name_sym(p))
        .unwrap_or(syms.main);
    let mut c = check::Checker::new(&ast, syms, user);
    // Create the packages: stdlib in dependency order, then main.
    let mut imports: FxHashMap<String, objects::PkgId> = FxHashMap::default();
    let mut order = Vec::new();
    for (path, file) in &loaded {
        let name = ast
            .file(*file)
            .package
            .and_then(|p| ast.name_sym(p))
            .unwrap_or(c.syms.blank);
        let id = new_package(&mut c, name, path.clone(), *file);
        imports.insert(path.clone(), id);
        order.push(id);
    }
    let main_id = new_package(&mut c, user_pkg_name, "main".into(), user);
    c.main_pkg = Some(main_id);
    order.push(main_id);
    if ast.str(user_pkg_name) != "main" {
        // Reported as the user's package (not whichever package is current).
        c.pkg = main_id;
        let pos = ast.file(user).package.map_or(0, |p| ast.expr(p).pos);
        c.error_at(
            pos,
            format!("package {} is not a main package", ast.str(user_pkg_name)),
        );
    }
    for &p in &order {
        c.pkg = p;
        c.collect_objects(p, &imports);
        c.check_package_decls();
        c.unused_imports();
    }
    c.finish_untyped();
    internal.append(&mut c.internal);
    diags.append(&mut c.diags);
    let mut program = c.into_program();
    program.pkg_order = order;
    Checked {
        diagnostics: diag::finish_go(diags, &index),
        ast,
        user_file: user,
        program: Some(program),
        internal_errors: internal,
        user_stmts,
    }
}

fn new_package(
    c: &mut check::Checker<'_>,
    name: ast::Sym,
    path: String,
    file: FileId,
) -> objects::PkgId {
    let id = objects::PkgId(c.pkgs.len() as u32);
    let scope = c
        .scopes
        .new_scope(Some(c.universe), objects::ScopeKind::Package);
    c.pkgs.push(objects::Package {
        name,
        path,
        scope,
        files: vec![file],
    });
    id
}

/// The import paths of a file with the offsets of their literals.
fn file_imports(ast: &Ast, file: FileId) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for &d in &ast.file(file).decls {
        if let DeclKind::Import { path: Some(p), .. } = &ast.decl(d).kind {
            if let ExprKind::BasicLit {
                value, bad: false, ..
            } = &ast.expr(*p).kind
            {
                if let Some(s) = constant::unquote(value) {
                    out.push((s, ast.expr(*p).pos));
                }
            }
        }
    }
    out
}

/// Loads the packages on `stack` and their dependencies into `ast`, appending
/// them to `loaded` in dependency order.
fn load_packages(
    ast: &mut Ast,
    stack: &mut Vec<String>,
    loaded: &mut Vec<(String, FileId)>,
    internal: &mut Vec<String>,
    depth: usize,
) {
    while let Some(path) = stack.pop() {
        if loaded.iter().any(|(p, _)| *p == path) || depth > 16 {
            continue;
        }
        let Some(src) = stdlib::source(&path) else {
            continue;
        };
        let mut diags = Vec::new();
        let file = parser::parse_file(ast, src, &mut diags);
        for d in diags {
            internal.push(format!("{path}@{}: {}", d.span.lo, d.message));
        }
        let mut deps: Vec<String> = file_imports(ast, file)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        deps.reverse();
        load_packages(ast, &mut deps, loaded, internal, depth + 1);
        if !loaded.iter().any(|(p, _)| *p == path) {
            loaded.push((path, file));
        }
    }
}
