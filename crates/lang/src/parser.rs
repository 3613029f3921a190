//! The parser: tokens to an [`Ast`] plus syntax diagnostics. It never fails.
//!
//! A close port of Go's `cmd/compile/internal/syntax/parser.go`, including
//! its error recovery (`advance` to a follow set) and its message wording
//! (`syntax error: unexpected newline, expected comma or }`), so that a
//! program with several syntax errors gets the same list `go build` prints.
//! Branch checks (`break is not in a loop, switch, or select`, unused labels)
//! are done per function body afterwards, as Go's `checkBranches` does, in
//! [`crate::branches`].
//!
//! **Robustness:** nesting deeper than [`MAX_NESTING`] stops the parse with
//! `syntax error: too deeply nested` (Go has no such limit; ours keeps the
//! checker and the compiler within a small, fixed stack on wasm).

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::lexer::Lexer;
use crate::span::Span;
use crate::token::{LitKind, Op, Tok};

/// Maximum nesting of expressions, types and statements. Real programs stay
/// well under 50; this bound keeps recursion in every later pass (checker,
/// compiler) within a fixed stack, including wasm's 1 MiB default.
pub const MAX_NESTING: u32 = 200;

/// Keywords that stop error recovery inside function bodies (Go's `stopset`).
const STOPSET: u64 = Tok::Break.bit()
    | Tok::Const.bit()
    | Tok::Continue.bit()
    | Tok::Defer.bit()
    | Tok::Fallthrough.bit()
    | Tok::For.bit()
    | Tok::Go.bit()
    | Tok::Goto.bit()
    | Tok::If.bit()
    | Tok::Return.bit()
    | Tok::Select.bit()
    | Tok::Switch.bit()
    | Tok::Type.bit()
    | Tok::Var.bit();

/// Parses one source file into `ast`; returns the new file's id. Diagnostics
/// (scanner errors, syntax errors, branch errors) are appended to `diags` in
/// the order Go reports them.
pub fn parse_file(ast: &mut Ast, src: &str, diags: &mut Vec<Diagnostic>) -> FileId {
    let file_id = FileId(ast.files.len() as u32);
    ast.files.push(File {
        package: None,
        decls: Vec::new(),
        span: Span::new(0, src.len() as u32),
    });
    let mut p = Parser {
        lx: Lexer::new(src),
        ast,
        file: file_id,
        prev_end: 0,
        first: false,
        errcnt: 0,
        fnest: 0,
        xnest: 0,
        depth: 0,
        too_deep: false,
        group_count: 0,
        func_bodies: Vec::new(),
    };
    p.next();
    let (package, decls) = p.file();
    let bodies = std::mem::take(&mut p.func_bodies);
    let errors = std::mem::take(&mut p.lx.errors);
    diags.extend(errors);
    for (block, errcnt_before, errcnt_after) in bodies {
        if errcnt_before == errcnt_after {
            crate::branches::check_branches(ast, &block, diags);
        }
    }
    let f = &mut ast.files[file_id.index()];
    f.package = package;
    f.decls = decls;
    file_id
}

struct Parser<'a, 's> {
    lx: Lexer<'s>,
    ast: &'a mut Ast,
    file: FileId,
    /// End offset of the last consumed token.
    prev_end: u32,
    /// Whether any error was reported (Go's `p.first != nil`).
    first: bool,
    errcnt: usize,
    /// Function nesting level (for error recovery).
    fnest: i32,
    /// Expression nesting level (for composite-literal ambiguity).
    xnest: i32,
    /// Recursion depth, bounded by [`MAX_NESTING`].
    depth: u32,
    too_deep: bool,
    group_count: u32,
    /// Function bodies with the error counts before and after parsing them.
    func_bodies: Vec<(Block, usize, usize)>,
}

type ListFn<'f, 'a, 's> = &'f mut dyn FnMut(&mut Parser<'a, 's>) -> bool;

impl<'a, 's> Parser<'a, 's> {
    // ---- tokens and errors ----

    fn next(&mut self) {
        self.prev_end = self.lx.end;
        self.lx.next();
    }

    fn tok(&self) -> Tok {
        self.lx.tok
    }

    fn pos(&self) -> u32 {
        self.lx.off
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.next();
            true
        } else {
            false
        }
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.describe()));
            self.advance(&[]);
        }
    }

    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn error_at(&mut self, pos: u32, msg: String) {
        self.first = true;
        self.errcnt += 1;
        self.lx
            .errors
            .push(Diagnostic::new(Span::new(pos, pos), msg));
    }

    fn error(&mut self, msg: &str) {
        self.error_at(self.pos(), msg.to_string());
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    fn syntax_error_at(&mut self, pos: u32, msg: &str) {
        if self.tok() == Tok::Eof && (self.first || !self.lx.errors.is_empty()) {
            return; // avoid meaningless follow-up errors
        }
        let msg = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = match self.tok() {
            Tok::Name => format!("name {}", self.lx.lit),
            Tok::Semi => self.lx.lit.to_string(),
            Tok::Literal => format!("literal {}", self.lx.lit),
            Tok::Operator => self.lx.op.as_str().to_string(),
            Tok::AssignOp => format!("{}=", self.lx.op.as_str()),
            Tok::IncOp => format!("{0}{0}", self.lx.op.as_str()),
            t => t.describe().to_string(),
        };
        self.error_at(pos, format!("syntax error: unexpected {tok}{msg}"));
    }

    /// Skips tokens until one in `follow` (plus the statement keywords inside
    /// function bodies); with an empty list, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        let mut set = Tok::Eof.bit();
        if !follow.is_empty() {
            if self.fnest > 0 {
                set |= STOPSET;
            }
            for t in follow {
                set |= t.bit();
            }
        }
        while set & self.tok().bit() == 0 {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    /// Enters one nesting level; false (after reporting once and skipping
    /// to the end of input) if the program nests too deeply.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            if !self.too_deep {
                self.too_deep = true;
                let pos = self.pos();
                self.error_at(pos, "syntax error: too deeply nested".into());
            }
            while self.tok() != Tok::Eof {
                self.next();
            }
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- node construction ----

    fn mk(&mut self, lo: u32, pos: u32, kind: ExprKind) -> ExprId {
        let hi = self.prev_end.max(lo);
        let id = ExprId(self.ast.exprs.len() as u32);
        self.ast.exprs.push(Expr {
            span: Span::new(lo, hi),
            pos,
            kind,
        });
        id
    }

    fn mk_span(&mut self, span: Span, pos: u32, kind: ExprKind) -> ExprId {
        let id = ExprId(self.ast.exprs.len() as u32);
        self.ast.exprs.push(Expr { span, pos, kind });
        id
    }

    fn mk_stmt(&mut self, lo: u32, pos: u32, kind: StmtKind) -> StmtId {
        let hi = self.prev_end.max(lo);
        let id = StmtId(self.ast.stmts.len() as u32);
        self.ast.stmts.push(Stmt {
            span: Span::new(lo, hi),
            pos,
            kind,
        });
        id
    }

    fn mk_decl(&mut self, lo: u32, kind: DeclKind) -> DeclId {
        let hi = self.prev_end.max(lo);
        let id = DeclId(self.ast.decls.len() as u32);
        self.ast.decls.push(Decl {
            span: Span::new(lo, hi),
            file: self.file,
            kind,
        });
        id
    }

    fn lo(&self, e: ExprId) -> u32 {
        self.ast.expr(e).span.lo
    }

    fn bad_expr(&mut self) -> ExprId {
        let p = self.pos();
        self.mk_span(Span::new(p, p), p, ExprKind::Bad)
    }

    fn new_name(&mut self, pos: u32, s: &str) -> ExprId {
        let sym = self.ast.syms.intern(s);
        let hi = if s == "_" { pos } else { pos + s.len() as u32 };
        self.mk_span(Span::new(pos, hi), pos, ExprKind::Name(sym))
    }

    // ---- files and declarations ----

    fn file(&mut self) -> (Option<ExprId>, Vec<DeclId>) {
        let mut decls = Vec::new();
        if !self.got(Tok::Package) {
            // The go command reads the package clause first, with go/parser,
            // so this is the message a user sees.
            let found = match self.tok() {
                Tok::Name | Tok::Literal => self.lx.lit.to_string(),
                Tok::Semi if self.lx.lit == "newline" => "newline".to_string(),
                Tok::Semi => "';'".to_string(),
                t => format!("'{}'", t.as_str()),
            };
            let pos = self.pos();
            self.error_at(pos, format!("expected 'package', found {found}"));
            return (None, decls);
        }
        let pkg = self.name();
        self.want(Tok::Semi);
        if self.first {
            return (Some(pkg), decls);
        }
        let mut prev = Tok::Import;
        while self.tok() != Tok::Eof {
            if self.tok() == Tok::Import && prev != Tok::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            match self.tok() {
                Tok::Import => {
                    self.next();
                    self.append_group(&mut decls, Parser::import_decl);
                }
                Tok::Const => {
                    self.next();
                    self.append_group(&mut decls, Parser::const_decl);
                }
                Tok::Type => {
                    self.next();
                    self.append_group(&mut decls, Parser::type_decl);
                }
                Tok::Var => {
                    self.next();
                    self.append_group(&mut decls, Parser::var_decl);
                }
                Tok::Func => {
                    let lo = self.pos();
                    self.next();
                    let d = self.func_decl(lo);
                    decls.push(d);
                }
                _ => {
                    let after_empty_func = self.tok() == Tok::Lbrace
                        && decls.last().is_some_and(|d| {
                            matches!(self.ast.decl(*d).kind, DeclKind::Func { body: None, .. })
                        });
                    if after_empty_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    continue;
                }
            }
            if self.tok() != Tok::Eof && !self.got(Tok::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
        }
        (Some(pkg), decls)
    }

    /// Go's `list`: parses `f` separated by `sep` until `close`; returns the position of `close`.
    fn list(&mut self, context: &str, sep: Tok, close: Tok, f: ListFn<'_, 'a, 's>) -> u32 {
        let mut done = false;
        while self.tok() != Tok::Eof && self.tok() != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.describe(),
                    close.describe()
                ));
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    fn append_group(
        &mut self,
        list: &mut Vec<DeclId>,
        f: fn(&mut Self, Option<u32>, u32) -> Option<DeclId>,
    ) {
        if self.tok() == Tok::Lparen {
            let group = self.group_count;
            self.group_count += 1;
            self.next();
            let mut index = 0;
            let mut out = Vec::new();
            self.list("grouped declaration", Tok::Semi, Tok::Rparen, &mut |p| {
                if let Some(d) = f(p, Some(group), index) {
                    out.push(d);
                }
                index += 1;
                false
            });
            list.extend(out);
        } else if let Some(d) = f(self, None, 0) {
            list.push(d);
        }
    }

    fn import_decl(&mut self, _group: Option<u32>, _i: u32) -> Option<DeclId> {
        let lo = self.pos();
        let mut local = None;
        match self.tok() {
            Tok::Name => local = Some(self.name()),
            Tok::Dot => {
                let p = self.pos();
                local = Some(self.new_name(p, "."));
                self.next();
            }
            _ => {}
        }
        let path = self.oliteral();
        match path {
            None => {
                self.syntax_error("missing import path");
                self.advance(&[Tok::Semi, Tok::Rparen]);
            }
            Some(path) => {
                if let ExprKind::BasicLit { kind, bad, .. } = &mut self.ast.exprs[path.index()].kind
                {
                    if !*bad && *kind != LitKind::String {
                        *bad = true;
                        let pos = self.ast.expr(path).pos;
                        self.syntax_error_at(pos, "import path must be a string");
                    }
                }
            }
        }
        Some(self.mk_decl(lo, DeclKind::Import { local, path }))
    }

    fn const_decl(&mut self, group: Option<u32>, iota: u32) -> Option<DeclId> {
        let lo = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut typ = None;
        let mut values = Vec::new();
        if self.tok() != Tok::Eof && self.tok() != Tok::Semi && self.tok() != Tok::Rparen {
            typ = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        Some(self.mk_decl(
            lo,
            DeclKind::Const {
                names,
                typ,
                values,
                group,
                iota,
            },
        ))
    }

    fn type_decl(&mut self, _group: Option<u32>, _i: u32) -> Option<DeclId> {
        let lo = self.pos();
        let name = self.name();
        let mut tparams = Vec::new();
        let mut alias = false;
        let typ;
        if self.tok() == Tok::Lbrack {
            let pos = self.pos();
            self.next();
            match self.tok() {
                Tok::Name => {
                    let mut x = self.name();
                    if self.tok() != Tok::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Tok::Comma;
                    let (pname, ptype) = self.extract_name(x, force);
                    if let Some(pname) =
                        pname.filter(|_| ptype.is_some() || self.tok() != Tok::Rbrack)
                    {
                        tparams = self.param_list(Some(pname), ptype, Tok::Rbrack, true);
                        alias = self.got_assign();
                        typ = self.type_or_nil();
                    } else {
                        typ = Some(self.array_type(pos, Some(x)));
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    typ = Some(self.slice_type(pos));
                }
                _ => typ = Some(self.array_type(pos, None)),
            }
        } else {
            alias = self.got_assign();
            typ = self.type_or_nil();
        }
        let typ = match typ {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Tok::Semi, Tok::Rparen]);
                t
            }
        };
        Some(self.mk_decl(
            lo,
            DeclKind::Type {
                name,
                alias,
                tparams,
                typ,
            },
        ))
    }

    /// Go's `extractName`, for `type T[P any] ...` vs `type T [N]int`.
    fn extract_name(&mut self, x: ExprId, force: bool) -> (Option<ExprId>, Option<ExprId>) {
        match self.ast.expr(x).kind.clone() {
            ExprKind::Name(_) => return (Some(x), None),
            ExprKind::Operation {
                op: Op::Mul,
                x: lhs,
                y: Some(y),
            } if matches!(self.ast.expr(lhs).kind, ExprKind::Name(_))
                && (force || self.is_type_elem(y)) =>
            {
                let span = self.ast.expr(x).span;
                let pos = self.ast.expr(x).pos;
                let t = self.mk_span(
                    span,
                    pos,
                    ExprKind::Operation {
                        op: Op::Mul,
                        x: y,
                        y: None,
                    },
                );
                return (Some(lhs), Some(t));
            }
            ExprKind::Operation {
                op: Op::Or,
                x: lhs,
                y: Some(y),
            } => {
                let f = force || self.is_type_elem(y);
                if let (Some(name), Some(l)) = self.extract_name(lhs, f) {
                    let span = self.ast.expr(x).span;
                    let pos = self.ast.expr(x).pos;
                    let t = self.mk_span(
                        span,
                        pos,
                        ExprKind::Operation {
                            op: Op::Or,
                            x: l,
                            y: Some(y),
                        },
                    );
                    return (Some(name), Some(t));
                }
            }
            ExprKind::Call {
                fun,
                args,
                has_dots,
            } if matches!(self.ast.expr(fun).kind, ExprKind::Name(_))
                && args.len() == 1
                && !has_dots
                && (force || self.is_type_elem(args[0])) =>
            {
                return (Some(fun), Some(args[0]));
            }
            _ => {}
        }
        (None, Some(x))
    }

    fn is_type_elem(&self, x: ExprId) -> bool {
        match &self.ast.expr(x).kind {
            ExprKind::ArrayType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => true,
            ExprKind::Operation { op, x, y } => {
                self.is_type_elem(*x) || y.is_some_and(|y| self.is_type_elem(y)) || *op == Op::Tilde
            }
            ExprKind::Paren(x) => self.is_type_elem(*x),
            _ => false,
        }
    }

    fn var_decl(&mut self, _group: Option<u32>, _i: u32) -> Option<DeclId> {
        let lo = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut typ = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            typ = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        Some(self.mk_decl(lo, DeclKind::Var { names, typ, values }))
    }

    fn func_decl(&mut self, lo: u32) -> DeclId {
        let mut recv = None;
        let mut context = "";
        if self.tok() == Tok::Lparen {
            let rpos = self.pos();
            self.next();
            context = "method";
            let rcvr = self.param_list(None, None, Tok::Rparen, false);
            match rcvr.len() {
                0 => self.error_at(rpos, "method has no receiver".into()),
                1 => recv = rcvr.into_iter().next(),
                _ => {
                    self.error_at(rpos, "method has multiple receivers".into());
                    recv = rcvr.into_iter().next();
                }
            }
        }
        let name;
        let tparams;
        let typ;
        if self.tok() == Tok::Name {
            name = self.name();
            let (tp, t) = self.func_type(context);
            tparams = tp;
            typ = t;
        } else {
            let p = self.pos();
            name = self.new_name(p, "_");
            typ = self.mk_span(Span::new(p, p), p, ExprKind::FuncType(FuncType::default()));
            tparams = Vec::new();
            let msg = if context.is_empty() {
                "expected name or ("
            } else {
                "expected name"
            };
            self.syntax_error(msg);
            self.advance(&[Tok::Lbrace, Tok::Semi]);
        }
        let mut body = None;
        if self.tok() == Tok::Lbrace {
            body = Some(self.func_body());
        }
        self.mk_decl(
            lo,
            DeclKind::Func {
                recv,
                name,
                tparams,
                typ,
                body,
            },
        )
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let errcnt = self.errcnt + self.lx.errors.len();
        let body = self.block_stmt("");
        self.fnest -= 1;
        let after = self.errcnt + self.lx.errors.len();
        // Each body (function literals too) is branch-checked on its own, as in Go.
        self.func_bodies.push((body.clone(), errcnt, after));
        body
    }

    // ---- expressions ----

    fn expr(&mut self) -> ExprId {
        self.binary_expr(None, 0)
    }

    fn binary_expr(&mut self, x: Option<ExprId>, prec: u8) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        // Each operator of a left-associative chain deepens the tree by one;
        // count it as nesting so later passes stay within their stack.
        let mut extra = 0;
        while (self.tok() == Tok::Operator || self.tok() == Tok::Star) && self.lx.prec > prec {
            extra += 1;
            if !self.enter() {
                break;
            }
            let pos = self.pos();
            let op = self.lx.op;
            let tprec = self.lx.prec;
            self.next();
            let y = self.binary_expr(None, tprec);
            let lo = self.lo(x);
            x = self.mk(lo, pos, ExprKind::Operation { op, x, y: Some(y) });
        }
        self.depth -= extra;
        x
    }

    fn unary_expr(&mut self) -> ExprId {
        if !self.enter() {
            return self.bad_expr();
        }
        let r = self.unary_expr_inner();
        self.leave();
        r
    }

    fn unary_expr_inner(&mut self) -> ExprId {
        match self.tok() {
            Tok::Operator | Tok::Star => {
                let op = self.lx.op;
                match op {
                    Op::Mul | Op::Add | Op::Sub | Op::Not | Op::Xor | Op::Tilde | Op::And => {
                        let pos = self.pos();
                        self.next();
                        let x = self.unary_expr();
                        return self.mk(pos, pos, ExprKind::Operation { op, x, y: None });
                    }
                    _ => {}
                }
            }
            Tok::Arrow => {
                let pos = self.pos();
                self.next();
                let x = self.unary_expr();
                if matches!(self.ast.expr(x).kind, ExprKind::ChanType { .. }) {
                    // <-chan T: convert the channel type(s) to receive-only.
                    let mut dir = ChanDir::Send;
                    let mut t = x;
                    while dir == ChanDir::Send {
                        let ExprKind::ChanType { dir: d, elem } = self.ast.expr(t).kind else {
                            break;
                        };
                        dir = d;
                        if dir == ChanDir::Recv {
                            self.syntax_error("unexpected <-, expected chan");
                        }
                        if let ExprKind::ChanType { dir, .. } = &mut self.ast.exprs[t.index()].kind
                        {
                            *dir = ChanDir::Recv;
                        }
                        self.ast.exprs[t.index()].span.lo = pos;
                        self.ast.exprs[t.index()].pos = pos;
                        t = elem;
                    }
                    if dir == ChanDir::Send {
                        let s = crate::printer::expr_string(self.ast, t);
                        self.syntax_error(&format!("unexpected {s}, expected chan"));
                    }
                    return x;
                }
                return self.mk(
                    pos,
                    pos,
                    ExprKind::Operation {
                        op: Op::Recv,
                        x,
                        y: None,
                    },
                );
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    fn call_stmt(&mut self) -> StmtId {
        let lo = self.pos();
        let tok = self.tok();
        self.next();
        let x = self.pexpr(None, self.tok() == Tok::Lparen);
        let t = self.ast.unparen(x);
        if t != x {
            let pos = self.lo(x);
            self.error_at(
                pos,
                format!("expression in {} must not be parenthesized", tok.as_str()),
            );
        }
        self.mk_stmt(lo, lo, StmtKind::Call { tok, call: t })
    }

    fn operand(&mut self, keep_parens: bool) -> ExprId {
        match self.tok() {
            Tok::Name => self.name(),
            Tok::Literal => self.oliteral().unwrap_or_else(|| self.bad_expr()),
            Tok::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                let _ = keep_parens;
                // Parentheses are always kept: the printer and `StartPos` need them.
                self.mk(pos, pos, ExprKind::Paren(x))
            }
            Tok::Func => {
                let pos = self.pos();
                self.next();
                let (_, ftyp) = self.func_type("function type");
                self.ast.exprs[ftyp.index()].span.lo = pos;
                self.ast.exprs[ftyp.index()].pos = pos;
                if self.tok() == Tok::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.mk(pos, pos, ExprKind::FuncLit { typ: ftyp, body });
                }
                ftyp
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    fn pexpr(&mut self, x: Option<ExprId>, keep_parens: bool) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        let mut extra = 0;
        loop {
            let pos = self.pos();
            let lo = self.lo(x);
            if matches!(
                self.tok(),
                Tok::Dot | Tok::Lbrack | Tok::Lparen | Tok::Lbrace
            ) {
                // Selectors, indexes and calls nest their operand (see `binary_expr`).
                extra += 1;
                if !self.enter() {
                    break;
                }
            }
            match self.tok() {
                Tok::Dot => {
                    self.next();
                    match self.tok() {
                        Tok::Name => {
                            let sel = self.name();
                            x = self.mk(lo, pos, ExprKind::Selector { x, sel });
                        }
                        Tok::Lparen => {
                            self.next();
                            if self.got(Tok::Type) {
                                self.want(Tok::Rparen);
                                x = self.mk(lo, pos, ExprKind::TypeSwitchGuard { lhs: None, x });
                            } else {
                                let typ = self.type_();
                                self.want(Tok::Rparen);
                                x = self.mk(lo, pos, ExprKind::Assert { x, typ });
                            }
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Tok::Semi, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => {
                    self.next();
                    let mut i = None;
                    if self.tok() != Tok::Colon {
                        let comma;
                        if self.tok() == Tok::Rbrack {
                            self.syntax_error("expected operand");
                            i = Some(self.bad_expr());
                            comma = false;
                        } else {
                            let (t, c) = self.type_list(false);
                            i = Some(t);
                            comma = c;
                        }
                        if comma || self.tok() == Tok::Rbrack {
                            self.want(Tok::Rbrack);
                            let index = i.unwrap_or_else(|| self.bad_expr());
                            x = self.mk(lo, pos, ExprKind::Index { x, index });
                            continue;
                        }
                    }
                    if !self.got(Tok::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut index = [i, None, None];
                    let mut full = false;
                    if self.tok() != Tok::Colon && self.tok() != Tok::Rbrack {
                        index[1] = Some(self.expr());
                    }
                    if self.tok() == Tok::Colon {
                        full = true;
                        if index[1].is_none() {
                            self.error("middle index required in 3-index slice");
                            index[1] = Some(self.bad_expr());
                        }
                        self.next();
                        if self.tok() != Tok::Rbrack {
                            index[2] = Some(self.expr());
                        } else {
                            self.error("final index required in 3-index slice");
                            index[2] = Some(self.bad_expr());
                        }
                    }
                    self.xnest -= 1;
                    self.want(Tok::Rbrack);
                    x = self.mk(lo, pos, ExprKind::Slice { x, index, full });
                }
                Tok::Lparen => {
                    self.next();
                    let (args, has_dots) = self.arg_list();
                    x = self.mk(
                        lo,
                        pos,
                        ExprKind::Call {
                            fun: x,
                            args,
                            has_dots,
                        },
                    );
                }
                Tok::Lbrace => {
                    let t = self.ast.unparen(x);
                    let complit_ok = match &self.ast.expr(t).kind {
                        ExprKind::Name(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !self.is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if t != x {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => break,
            }
        }
        self.depth -= extra;
        x
    }

    fn is_value(&self, x: ExprId) -> bool {
        match &self.ast.expr(x).kind {
            ExprKind::BasicLit { .. }
            | ExprKind::CompositeLit { .. }
            | ExprKind::FuncLit { .. }
            | ExprKind::Slice { .. }
            | ExprKind::Assert { .. }
            | ExprKind::TypeSwitchGuard { .. }
            | ExprKind::Call { .. } => true,
            ExprKind::Operation { op, y, .. } => *op != Op::Mul || y.is_some(),
            ExprKind::Paren(x) => self.is_value(*x),
            ExprKind::Index { x, index } => self.is_value(*x) || self.is_value(*index),
            _ => false,
        }
    }

    fn bare_complit_expr(&mut self) -> ExprId {
        if self.tok() == Tok::Lbrace {
            return self.complit_expr(None);
        }
        self.expr()
    }

    fn complit_expr(&mut self, typ: Option<ExprId>) -> ExprId {
        if !self.enter() {
            return self.bad_expr();
        }
        let pos = self.pos();
        let lo = typ.map_or(pos, |t| self.lo(t));
        self.xnest += 1;
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        let mut nkeys = 0;
        let rbrace = self.list("composite literal", Tok::Comma, Tok::Rbrace, &mut |p| {
            let mut e = p.bare_complit_expr();
            if p.tok() == Tok::Colon {
                let kpos = p.pos();
                p.next();
                let value = p.bare_complit_expr();
                let klo = p.lo(e);
                e = p.mk(klo, kpos, ExprKind::KeyValue { key: e, value });
                nkeys += 1;
            }
            elems.push(e);
            false
        });
        self.xnest -= 1;
        self.leave();
        self.mk(
            lo,
            pos,
            ExprKind::CompositeLit {
                typ,
                elems,
                nkeys,
                rbrace,
            },
        )
    }

    // ---- types ----

    fn type_(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[
                    Tok::Comma,
                    Tok::Colon,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    fn type_or_nil(&mut self) -> Option<ExprId> {
        if !self.enter() {
            return Some(self.bad_expr());
        }
        let r = self.type_or_nil_inner();
        self.leave();
        r
    }

    fn type_or_nil_inner(&mut self) -> Option<ExprId> {
        let pos = self.pos();
        match self.tok() {
            Tok::Star => {
                self.next();
                let t = self.type_();
                Some(self.mk(
                    pos,
                    pos,
                    ExprKind::Operation {
                        op: Op::Mul,
                        x: t,
                        y: None,
                    },
                ))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                let elem = self.chan_elem();
                Some(self.mk(
                    pos,
                    pos,
                    ExprKind::ChanType {
                        dir: ChanDir::Recv,
                        elem,
                    },
                ))
            }
            Tok::Func => {
                self.next();
                let (_, t) = self.func_type("function type");
                self.ast.exprs[t.index()].span.lo = pos;
                self.ast.exprs[t.index()].pos = pos;
                Some(t)
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                Some(self.array_type(pos, None))
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) {
                    ChanDir::Send
                } else {
                    ChanDir::Both
                };
                let elem = self.chan_elem();
                Some(self.mk(pos, pos, ExprKind::ChanType { dir, elem }))
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                Some(self.mk(pos, pos, ExprKind::MapType { key, value }))
            }
            Tok::Struct => Some(self.struct_type()),
            Tok::Interface => Some(self.interface_type()),
            Tok::Name => Some(self.qualified_name(None)),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                Some(self.mk(pos, pos, ExprKind::Paren(t)))
            }
            _ => None,
        }
    }

    fn type_instance(&mut self, typ: ExprId) -> ExprId {
        let pos = self.pos();
        let lo = self.lo(typ);
        self.want(Tok::Lbrack);
        let index = if self.tok() == Tok::Rbrack {
            self.syntax_error("expected type argument list");
            self.bad_expr()
        } else {
            self.type_list(true).0
        };
        self.want(Tok::Rbrack);
        self.mk(lo, pos, ExprKind::Index { x: typ, index })
    }

    /// Parses `[tparams](params) results`; returns the type parameters and a `FuncType`.
    fn func_type(&mut self, context: &str) -> (Vec<Field>, ExprId) {
        let pos = self.pos();
        let mut tparams = Vec::new();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Tok::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Tok::Rbrack, true);
            }
        }
        self.want(Tok::Lparen);
        let params = self.param_list(None, None, Tok::Rparen, false);
        let results = self.func_result();
        let t = self.mk(pos, pos, ExprKind::FuncType(FuncType { params, results }));
        (tparams, t)
    }

    fn array_type(&mut self, pos: u32, len: Option<ExprId>) -> ExprId {
        let mut len = len;
        if len.is_none() && !self.got(Tok::DotDotDot) {
            self.xnest += 1;
            len = Some(self.expr());
            self.xnest -= 1;
        }
        if self.tok() == Tok::Comma {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        self.mk(pos, pos, ExprKind::ArrayType { len, elem })
    }

    fn slice_type(&mut self, pos: u32) -> ExprId {
        let elem = self.type_();
        self.mk(pos, pos, ExprKind::SliceType { elem })
    }

    fn chan_elem(&mut self) -> ExprId {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("missing channel element type");
                t
            }
        }
    }

    fn struct_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", Tok::Semi, Tok::Rbrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        self.mk(pos, pos, ExprKind::StructType { fields })
    }

    fn interface_type(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut methods = Vec::new();
        self.list("interface type", Tok::Semi, Tok::Rbrace, &mut |p| {
            let mut f = None;
            if p.tok() == Tok::Name {
                f = Some(p.method_decl());
            }
            let f = match f {
                Some(f) if f.name.is_some() => f,
                other => p.embedded_elem(other),
            };
            methods.push(f);
            false
        });
        self.mk(pos, pos, ExprKind::InterfaceType { methods })
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Tok::Lparen) {
            return self.param_list(None, None, Tok::Rparen, false);
        }
        let pos = self.pos();
        if let Some(typ) = self.type_or_nil() {
            let hi = self.ast.expr(typ).span.hi;
            return vec![Field {
                span: Span::new(pos, hi),
                name: None,
                typ,
                tag: None,
            }];
        }
        Vec::new()
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let pos = self.pos();
        match self.tok() {
            Tok::Name => {
                let name = self.name();
                if matches!(
                    self.tok(),
                    Tok::Dot | Tok::Literal | Tok::Semi | Tok::Rbrace
                ) {
                    let typ = self.qualified_name(Some(name));
                    let tag = self.oliteral();
                    fields.push(Field {
                        span: Span::new(pos, self.prev_end),
                        name: None,
                        typ,
                        tag,
                    });
                    return;
                }
                let names = self.name_list(name);
                let typ;
                if names.len() == 1 && self.tok() == Tok::Lbrack {
                    let t = self.array_or_targs();
                    if let ExprKind::Index { x, .. } = &mut self.ast.exprs[t.index()].kind {
                        *x = name;
                        let tag = self.oliteral();
                        fields.push(Field {
                            span: Span::new(pos, self.prev_end),
                            name: None,
                            typ: t,
                            tag,
                        });
                        return;
                    }
                    typ = t;
                } else {
                    typ = self.type_();
                }
                let tag = self.oliteral();
                for n in names {
                    let span = self.ast.expr(n).span;
                    fields.push(Field {
                        span,
                        name: Some(n),
                        typ,
                        tag,
                    });
                }
            }
            Tok::Star => {
                self.next();
                let typ = if self.tok() == Tok::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let tag = self.oliteral();
                let t = self.mk(
                    pos,
                    pos,
                    ExprKind::Operation {
                        op: Op::Mul,
                        x: typ,
                        y: None,
                    },
                );
                fields.push(Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ: t,
                    tag,
                });
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let typ = if self.tok() == Tok::Star {
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.mk(
                        spos,
                        spos,
                        ExprKind::Operation {
                            op: Op::Mul,
                            x: t,
                            y: None,
                        },
                    )
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let tag = self.oliteral();
                fields.push(Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ,
                    tag,
                });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
            }
        }
    }

    fn array_or_targs(&mut self) -> ExprId {
        let pos = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            return self.slice_type(pos);
        }
        let (n, comma) = self.type_list(false);
        self.want(Tok::Rbrack);
        if !comma {
            if let Some(elem) = self.type_or_nil() {
                return self.mk(pos, pos, ExprKind::ArrayType { len: Some(n), elem });
            }
        }
        // The caller fills in the indexed expression.
        self.mk(pos, pos, ExprKind::Index { x: n, index: n })
    }

    fn oliteral(&mut self) -> Option<ExprId> {
        if self.tok() == Tok::Literal {
            let pos = self.pos();
            let kind = self.lx.kind;
            let value: Box<str> = self.lx.lit.into();
            let bad = self.lx.bad;
            self.next();
            return Some(self.mk(pos, pos, ExprKind::BasicLit { kind, value, bad }));
        }
        None
    }

    fn method_decl(&mut self) -> Field {
        let pos = self.pos();
        let name = self.name();
        let context = "interface method";
        match self.tok() {
            Tok::Lparen => {
                let (_, typ) = self.func_type(context);
                Field {
                    span: Span::new(pos, self.prev_end),
                    name: Some(name),
                    typ,
                    tag: None,
                }
            }
            Tok::Lbrack => {
                // Generic interface methods or instantiated embedded types:
                // parse loosely; the checker reports generics as unsupported.
                let bpos = self.pos();
                self.next();
                let list = if self.tok() == Tok::Rbrack {
                    self.next();
                    Vec::new()
                } else {
                    self.param_list(None, None, Tok::Rbrack, false)
                };
                if self.tok() == Tok::Lparen {
                    let (_, typ) = self.func_type(context);
                    if !list.is_empty() {
                        self.error_at(bpos, "interface method must have no type parameters".into());
                    }
                    return Field {
                        span: Span::new(pos, self.prev_end),
                        name: Some(name),
                        typ,
                        tag: None,
                    };
                }
                let index = list
                    .first()
                    .map(|f| f.typ)
                    .unwrap_or_else(|| self.bad_expr());
                let t = self.mk(pos, bpos, ExprKind::Index { x: name, index });
                Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ: t,
                    tag: None,
                }
            }
            _ => {
                let typ = self.qualified_name(Some(name));
                Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ,
                    tag: None,
                }
            }
        }
    }

    fn embedded_elem(&mut self, f: Option<Field>) -> Field {
        let mut f = match f {
            Some(f) => f,
            None => {
                let pos = self.pos();
                let typ = self.embedded_term();
                Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ,
                    tag: None,
                }
            }
        };
        while self.tok() == Tok::Operator && self.lx.op == Op::Or {
            let pos = self.pos();
            self.next();
            let y = self.embedded_term();
            let lo = self.lo(f.typ);
            f.typ = self.mk(
                lo,
                pos,
                ExprKind::Operation {
                    op: Op::Or,
                    x: f.typ,
                    y: Some(y),
                },
            );
        }
        f
    }

    fn embedded_term(&mut self) -> ExprId {
        if self.tok() == Tok::Operator && self.lx.op == Op::Tilde {
            let pos = self.pos();
            self.next();
            let t = self.type_();
            return self.mk(
                pos,
                pos,
                ExprKind::Operation {
                    op: Op::Tilde,
                    x: t,
                    y: None,
                },
            );
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let t = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[
                    Tok::Operator,
                    Tok::Semi,
                    Tok::Rparen,
                    Tok::Rbrack,
                    Tok::Rbrace,
                ]);
                t
            }
        }
    }

    fn param_decl_or_nil(&mut self, name: Option<ExprId>, follow: Tok) -> Option<Field> {
        let type_sets_ok = follow == Tok::Rbrack;
        let mut pos = self.pos();
        if let Some(n) = name {
            pos = self.lo(n);
        } else if type_sets_ok && self.tok() == Tok::Operator && self.lx.op == Op::Tilde {
            return Some(self.embedded_elem(None));
        }
        let mut fname = None;
        if self.tok() == Tok::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Tok::Lbrack {
                let t = self.array_or_targs();
                if let ExprKind::Index { x, .. } = &mut self.ast.exprs[t.index()].kind {
                    *x = name;
                } else {
                    fname = Some(name);
                }
                let f = Field {
                    span: Span::new(pos, self.prev_end),
                    name: fname,
                    typ: t,
                    tag: None,
                };
                if type_sets_ok && self.tok() == Tok::Operator && self.lx.op == Op::Or {
                    return Some(self.embedded_elem(Some(f)));
                }
                return Some(f);
            }
            if self.tok() == Tok::Dot {
                let t = self.qualified_name(Some(name));
                let f = Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ: t,
                    tag: None,
                };
                if type_sets_ok && self.tok() == Tok::Operator && self.lx.op == Op::Or {
                    return Some(self.embedded_elem(Some(f)));
                }
                return Some(f);
            }
            if type_sets_ok && self.tok() == Tok::Operator && self.lx.op == Op::Or {
                let f = Field {
                    span: Span::new(pos, self.prev_end),
                    name: None,
                    typ: name,
                    tag: None,
                };
                return Some(self.embedded_elem(Some(f)));
            }
            fname = Some(name);
        }
        if self.tok() == Tok::DotDotDot {
            let dpos = self.pos();
            self.next();
            let elem = match self.type_or_nil() {
                Some(t) => t,
                None => {
                    let t = self.bad_expr();
                    self.syntax_error("... is missing type");
                    t
                }
            };
            let t = self.mk(dpos, dpos, ExprKind::DotsType { elem });
            return Some(Field {
                span: Span::new(pos, self.prev_end),
                name: fname,
                typ: t,
                tag: None,
            });
        }
        if type_sets_ok && self.tok() == Tok::Operator && self.lx.op == Op::Tilde {
            let t = self.embedded_elem(None).typ;
            return Some(Field {
                span: Span::new(pos, self.prev_end),
                name: fname,
                typ: t,
                tag: None,
            });
        }
        if let Some(t) = self.type_or_nil() {
            let f = Field {
                span: Span::new(pos, self.prev_end),
                name: fname,
                typ: t,
                tag: None,
            };
            if type_sets_ok && self.tok() == Tok::Operator && self.lx.op == Op::Or {
                return Some(self.embedded_elem(Some(f)));
            }
            return Some(f);
        }
        if let Some(n) = fname {
            // A name without a type: the type is filled in by `param_list`.
            return Some(Field {
                span: Span::new(pos, self.prev_end),
                name: Some(n),
                typ: NO_TYPE,
                tag: None,
            });
        }
        self.syntax_error(&format!("expected {}", follow.describe()));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    fn param_list(
        &mut self,
        name: Option<ExprId>,
        typ: Option<ExprId>,
        close: Tok,
        require_names: bool,
    ) -> Vec<Field> {
        if let (Some(n), Some(t)) = (name, typ) {
            if self.tok() == close {
                self.next();
                let lo = self.lo(n);
                return vec![Field {
                    span: Span::new(lo, self.prev_end),
                    name: Some(n),
                    typ: t,
                    tag: None,
                }];
            }
        }
        let mut name = name;
        let mut typ = typ;
        let mut list: Vec<Field> = Vec::new();
        let mut named = 0;
        let mut typed = 0;
        let end = self.list("parameter list", Tok::Comma, close, &mut |p| {
            let par = if let (Some(t), Some(n)) = (typ, name) {
                let lo = p.lo(n);
                let hi = p.ast.expr(t).span.hi;
                Some(Field {
                    span: Span::new(lo, hi),
                    name: Some(n),
                    typ: t,
                    tag: None,
                })
            } else {
                p.param_decl_or_nil(name, close)
            };
            name = None;
            typ = None;
            if let Some(par) = par {
                if par.name.is_some() && par.typ != NO_TYPE {
                    named += 1;
                }
                if par.typ != NO_TYPE {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });
        if list.is_empty() {
            return list;
        }
        if named == 0 && !require_names {
            // All names are really types.
            for par in &mut list {
                if let Some(n) = par.name.take() {
                    par.typ = n;
                }
            }
        } else if named != list.len() {
            let mut err_pos: Option<u32> = None;
            let mut cur: Option<ExprId> = None;
            for i in (0..list.len()).rev() {
                if list[i].typ != NO_TYPE {
                    cur = Some(list[i].typ);
                    if list[i].name.is_none() {
                        let ep = self.ast.start_pos(list[i].typ);
                        err_pos = Some(ep);
                        list[i].name = Some(self.new_name(ep, "_"));
                    }
                } else if let Some(t) = cur {
                    list[i].typ = t;
                } else {
                    let ep = list[i].name.map_or(end, |n| self.lo(n));
                    err_pos = Some(ep);
                    list[i].typ = self.mk_span(Span::new(ep, ep), ep, ExprKind::Bad);
                }
            }
            if let Some(mut ep) = err_pos {
                let msg;
                if require_names {
                    if named == typed {
                        ep = end;
                        msg = "missing type constraint".to_string();
                    } else {
                        let mut m = "missing type parameter name".to_string();
                        if list.len() == 1 {
                            m += " or invalid array length";
                        }
                        msg = m;
                    }
                } else {
                    msg = "mixed named and unnamed parameters".to_string();
                }
                self.syntax_error_at(ep, &msg);
            }
        }
        list
    }

    // ---- statements ----

    fn simple_stmt(&mut self, lhs: Option<Vec<ExprId>>, keyword: Tok) -> StmtId {
        if keyword == Tok::For && self.tok() == Tok::Range {
            return self.range_clause(Vec::new(), false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let lo = self.lo(lhs[0]);
        if lhs.len() == 1 && self.tok() != Tok::Assign && self.tok() != Tok::Define {
            let pos = self.pos();
            match self.tok() {
                Tok::AssignOp => {
                    let op = self.lx.op;
                    self.next();
                    let rhs = self.expr();
                    return self.mk_stmt(
                        lo,
                        pos,
                        StmtKind::Assign {
                            kind: AssignKind::Op(op),
                            lhs,
                            rhs: vec![rhs],
                        },
                    );
                }
                Tok::IncOp => {
                    let op = self.lx.op;
                    self.next();
                    return self.mk_stmt(
                        lo,
                        pos,
                        StmtKind::Assign {
                            kind: AssignKind::IncDec(op),
                            lhs,
                            rhs: vec![],
                        },
                    );
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    return self.mk_stmt(
                        lo,
                        pos,
                        StmtKind::Send {
                            chan: lhs[0],
                            value,
                        },
                    );
                }
                _ => {
                    let p = self.ast.expr(lhs[0]).pos;
                    return self.mk_stmt(lo, p, StmtKind::Expr(lhs[0]));
                }
            }
        }
        match self.tok() {
            Tok::Assign | Tok::Define => {
                let pos = self.pos();
                let def = self.tok() == Tok::Define;
                self.next();
                if keyword == Tok::For && self.tok() == Tok::Range {
                    return self.range_clause(lhs, def);
                }
                let rhs = self.expr_list();
                if keyword == Tok::Switch && def && rhs.len() == 1 && lhs.len() == 1 {
                    if let ExprKind::TypeSwitchGuard { lhs: None, x } = self.ast.expr(rhs[0]).kind {
                        if matches!(self.ast.expr(lhs[0]).kind, ExprKind::Name(_)) {
                            let g = rhs[0];
                            self.ast.exprs[g.index()].kind = ExprKind::TypeSwitchGuard {
                                lhs: Some(lhs[0]),
                                x,
                            };
                            self.ast.exprs[g.index()].span.lo = lo;
                            return self.mk_stmt(lo, lo, StmtKind::Expr(g));
                        }
                    }
                }
                let kind = if def {
                    AssignKind::Define
                } else {
                    AssignKind::Plain
                };
                self.mk_stmt(lo, pos, StmtKind::Assign { kind, lhs, rhs })
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Tok::Semi, Tok::Rbrace]);
                self.mk_stmt(lo, lo, StmtKind::Expr(lhs[0]))
            }
        }
    }

    fn range_clause(&mut self, lhs: Vec<ExprId>, def: bool) -> StmtId {
        let pos = self.pos();
        let lo = lhs.first().map_or(pos, |&e| self.lo(e));
        self.next();
        let x = self.expr();
        // Temporarily encoded as an assignment with a `Range` marker; `for_stmt` converts it.
        let key = lhs.first().copied();
        let value = lhs.get(1).copied();
        if lhs.len() > 2 {
            let p = self.lo(lhs[2]);
            self.error_at(
                p,
                "range clause permits at most two iteration variables".into(),
            );
        }
        let body = Block {
            span: Span::new(pos, pos),
            stmts: Vec::new(),
            rbrace: pos,
        };
        self.mk_stmt(
            lo,
            pos,
            StmtKind::Range {
                key,
                value,
                def,
                x,
                body,
                range_pos: pos,
            },
        )
    }

    fn labeled_stmt_or_nil(&mut self, label: ExprId) -> Option<StmtId> {
        let pos = self.pos();
        self.want(Tok::Colon);
        let lo = self.lo(label);
        if self.tok() == Tok::Rbrace {
            let p = self.pos();
            let e = self.mk_stmt(p, p, StmtKind::Empty);
            return Some(self.mk_stmt(lo, pos, StmtKind::Labeled { label, stmt: e }));
        }
        match self.stmt_or_nil() {
            Some(s) => Some(self.mk_stmt(lo, pos, StmtKind::Labeled { label, stmt: s })),
            None => {
                self.syntax_error_at(pos, "missing statement after label");
                None
            }
        }
    }

    fn block_stmt(&mut self, context: &str) -> Block {
        let lo = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            let rbrace = self.pos();
            if self.got(Tok::Rbrace) {
                return Block {
                    span: Span::new(lo, self.prev_end),
                    stmts: Vec::new(),
                    rbrace,
                };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        Block {
            span: Span::new(lo, self.prev_end.max(lo)),
            stmts,
            rbrace,
        }
    }

    fn decl_stmt(&mut self, f: fn(&mut Self, Option<u32>, u32) -> Option<DeclId>) -> StmtId {
        let lo = self.pos();
        self.next();
        let mut decls = Vec::new();
        self.append_group(&mut decls, f);
        self.mk_stmt(lo, lo, StmtKind::Decl(decls))
    }

    fn for_stmt(&mut self) -> StmtId {
        let lo = self.pos();
        let (init, cond, post) = self.header(Tok::For);
        let body = self.block_stmt("for clause");
        if let Some(i) = init {
            if let StmtKind::Range {
                key,
                value,
                def,
                x,
                range_pos,
                ..
            } = self.ast.stmt(i).kind
            {
                return self.mk_stmt(
                    lo,
                    lo,
                    StmtKind::Range {
                        key,
                        value,
                        def,
                        x,
                        body,
                        range_pos,
                    },
                );
            }
        }
        self.mk_stmt(
            lo,
            lo,
            StmtKind::For {
                init,
                cond,
                post,
                body,
            },
        )
    }

    fn header(&mut self, keyword: Tok) -> (Option<StmtId>, Option<ExprId>, Option<StmtId>) {
        self.want(keyword);
        let mut init = None;
        let mut cond = None;
        let mut post = None;
        if self.tok() == Tok::Lbrace {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
                cond = Some(self.bad_expr());
            }
            return (init, cond, post);
        }
        let outer = self.xnest;
        self.xnest = -1;
        if self.tok() != Tok::Semi {
            if self.got(Tok::Var) {
                self.syntax_error(&format!(
                    "var declaration not allowed in {} initializer",
                    keyword.describe()
                ));
            }
            let s = self.simple_stmt(None, keyword);
            init = Some(s);
            if matches!(self.ast.stmt(s).kind, StmtKind::Range { .. }) {
                self.xnest = outer;
                return (init, None, None);
            }
        }
        let mut cond_stmt = None;
        let mut semi: Option<(u32, &'s str)> = None;
        let mut skip_done = false;
        if self.tok() != Tok::Lbrace {
            if self.tok() == Tok::Semi {
                semi = Some((self.pos(), self.lx.lit));
                self.next();
            } else {
                self.want(Tok::Lbrace);
                if self.tok() != Tok::Lbrace {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                if self.tok() != Tok::Semi {
                    if self.tok() == Tok::Lbrace {
                        self.syntax_error("expected for loop condition");
                        skip_done = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, Tok::Eof));
                    }
                }
                if !skip_done {
                    self.want(Tok::Semi);
                    if self.tok() != Tok::Lbrace {
                        let s = self.simple_stmt(None, Tok::Eof);
                        if let StmtKind::Assign {
                            kind: AssignKind::Define,
                            ..
                        } = self.ast.stmt(s).kind
                        {
                            let p = self.ast.stmt(s).pos;
                            self.syntax_error_at(p, "cannot declare in post statement of for loop");
                        }
                        post = Some(s);
                    }
                }
            } else if self.tok() != Tok::Lbrace {
                cond_stmt = Some(self.simple_stmt(None, keyword));
            }
        } else {
            cond_stmt = init.take();
        }
        match cond_stmt {
            None => {
                if keyword == Tok::If {
                    if let Some((spos, lit)) = semi {
                        if lit != "semicolon" {
                            self.syntax_error_at(
                                spos,
                                &format!("unexpected {lit}, expected {{ after if clause"),
                            );
                        } else {
                            self.syntax_error_at(spos, "missing condition in if statement");
                        }
                        cond = Some(self.mk_span(Span::new(spos, spos), spos, ExprKind::Bad));
                    }
                }
            }
            Some(s) => match self.ast.stmt(s).kind.clone() {
                StmtKind::Expr(x) => cond = Some(x),
                other => {
                    let str = match &other {
                        StmtKind::Assign {
                            kind: AssignKind::Plain,
                            lhs,
                            rhs,
                        } => format!(
                            "assignment {} = {}",
                            self.emphasize(lhs),
                            self.emphasize(rhs)
                        ),
                        _ => crate::printer::stmt_string(self.ast, s),
                    };
                    let p = self.ast.stmt(s).span.lo;
                    let p = match other {
                        StmtKind::Assign { .. } | StmtKind::Send { .. } => self.ast.stmt(s).pos,
                        _ => p,
                    };
                    self.syntax_error_at(p, &format!("cannot use {str} as value"));
                }
            },
        }
        self.xnest = outer;
        (init, cond, post)
    }

    fn emphasize(&self, list: &[ExprId]) -> String {
        let s = list
            .iter()
            .map(|&e| crate::printer::expr_string(self.ast, e))
            .collect::<Vec<_>>()
            .join(", ");
        if list.len() == 1 {
            if let ExprKind::Operation { y: Some(_), .. } = self.ast.expr(list[0]).kind {
                return format!("({s})");
            }
        }
        s
    }

    fn if_stmt(&mut self) -> StmtId {
        if !self.enter() {
            let p = self.pos();
            return self.mk_stmt(p, p, StmtKind::Empty);
        }
        let lo = self.pos();
        let (init, cond, _) = self.header(Tok::If);
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok() {
                Tok::If => els = Some(self.if_stmt()),
                Tok::Lbrace => {
                    let b = self.block_stmt("");
                    let span = b.span;
                    let id = StmtId(self.ast.stmts.len() as u32);
                    self.ast.stmts.push(Stmt {
                        span,
                        pos: span.lo,
                        kind: StmtKind::Block(b),
                    });
                    els = Some(id);
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
        }
        self.leave();
        self.mk_stmt(
            lo,
            lo,
            StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        )
    }

    fn switch_stmt(&mut self) -> StmtId {
        let lo = self.pos();
        let (init, tag, _) = self.header(Tok::Switch);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            body.push(self.case_clause());
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        self.mk_stmt(
            lo,
            lo,
            StmtKind::Switch {
                init,
                tag,
                body,
                rbrace,
            },
        )
    }

    fn select_stmt(&mut self) -> StmtId {
        let lo = self.pos();
        self.want(Tok::Select);
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Tok::Eof && self.tok() != Tok::Rbrace {
            body.push(self.comm_clause());
        }
        let rbrace = self.pos();
        self.want(Tok::Rbrace);
        self.mk_stmt(lo, lo, StmtKind::Select { body, rbrace })
    }

    fn case_clause(&mut self) -> CaseClause {
        let lo = self.pos();
        let mut cases = None;
        match self.tok() {
            Tok::Case => {
                self.next();
                cases = Some(self.expr_list());
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CaseClause {
            span: Span::new(lo, self.prev_end.max(lo)),
            cases,
            colon,
            body,
        }
    }

    fn comm_clause(&mut self) -> CommClause {
        let lo = self.pos();
        let mut comm = None;
        match self.tok() {
            Tok::Case => {
                self.next();
                comm = Some(self.simple_stmt(None, Tok::Eof));
            }
            Tok::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Tok::Colon);
        let body = self.stmt_list();
        CommClause {
            span: Span::new(lo, self.prev_end.max(lo)),
            comm,
            colon,
            body,
        }
    }

    fn stmt_or_nil(&mut self) -> Option<StmtId> {
        if !self.enter() {
            return None;
        }
        let r = self.stmt_or_nil_inner();
        self.leave();
        r
    }

    fn stmt_or_nil_inner(&mut self) -> Option<StmtId> {
        if self.tok() == Tok::Name {
            let lhs = self.expr_list();
            if lhs.len() == 1 && self.tok() == Tok::Colon {
                if let ExprKind::Name(_) = self.ast.expr(lhs[0]).kind {
                    return self.labeled_stmt_or_nil(lhs[0]);
                }
            }
            return Some(self.simple_stmt(Some(lhs), Tok::Eof));
        }
        match self.tok() {
            Tok::Var => return Some(self.decl_stmt(Parser::var_decl)),
            Tok::Const => return Some(self.decl_stmt(Parser::const_decl)),
            Tok::Type => return Some(self.decl_stmt(Parser::type_decl)),
            _ => {}
        }
        let lo = self.pos();
        match self.tok() {
            Tok::Lbrace => {
                let b = self.block_stmt("");
                Some(self.mk_stmt(lo, lo, StmtKind::Block(b)))
            }
            Tok::Operator | Tok::Star => match self.lx.op {
                Op::Add | Op::Sub | Op::Mul | Op::And | Op::Xor | Op::Not => {
                    Some(self.simple_stmt(None, Tok::Eof))
                }
                _ => None,
            },
            Tok::Literal
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => Some(self.simple_stmt(None, Tok::Eof)),
            Tok::For => Some(self.for_stmt()),
            Tok::Switch => Some(self.switch_stmt()),
            Tok::Select => Some(self.select_stmt()),
            Tok::If => Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                Some(self.mk_stmt(
                    lo,
                    lo,
                    StmtKind::Branch {
                        tok: Tok::Fallthrough,
                        label: None,
                    },
                ))
            }
            Tok::Break | Tok::Continue => {
                let tok = self.tok();
                self.next();
                let label = if self.tok() == Tok::Name {
                    Some(self.name())
                } else {
                    None
                };
                Some(self.mk_stmt(lo, lo, StmtKind::Branch { tok, label }))
            }
            Tok::Go | Tok::Defer => Some(self.call_stmt()),
            Tok::Goto => {
                self.next();
                let label = Some(self.name());
                Some(self.mk_stmt(
                    lo,
                    lo,
                    StmtKind::Branch {
                        tok: Tok::Goto,
                        label,
                    },
                ))
            }
            Tok::Return => {
                self.next();
                let mut results = Vec::new();
                if self.tok() != Tok::Semi && self.tok() != Tok::Rbrace {
                    results = self.expr_list();
                }
                Some(self.mk_stmt(lo, lo, StmtKind::Return { results }))
            }
            Tok::Semi => Some(self.mk_stmt(lo, lo, StmtKind::Empty)),
            _ => None,
        }
    }

    fn stmt_list(&mut self) -> Vec<StmtId> {
        let mut l = Vec::new();
        while !matches!(
            self.tok(),
            Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default
        ) {
            let Some(s) = self.stmt_or_nil() else { break };
            l.push(s);
            if !self.got(Tok::Semi) && self.tok() != Tok::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Tok::Semi, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(Tok::Semi);
            }
        }
        l
    }

    fn arg_list(&mut self) -> (Vec<ExprId>, bool) {
        self.xnest += 1;
        let mut list = Vec::new();
        let mut has_dots = false;
        self.list("argument list", Tok::Comma, Tok::Rparen, &mut |p| {
            list.push(p.expr());
            has_dots = p.got(Tok::DotDotDot);
            has_dots
        });
        self.xnest -= 1;
        (list, has_dots)
    }

    // ---- names and lists ----

    fn name(&mut self) -> ExprId {
        if self.tok() == Tok::Name {
            let pos = self.pos();
            let sym = self.ast.syms.intern(self.lx.lit);
            self.next();
            return self.mk(pos, pos, ExprKind::Name(sym));
        }
        let pos = self.pos();
        let n = self.new_name(pos, "_");
        self.syntax_error("expected name");
        self.advance(&[]);
        n
    }

    fn name_list(&mut self, first: ExprId) -> Vec<ExprId> {
        let mut l = vec![first];
        while self.got(Tok::Comma) {
            l.push(self.name());
        }
        l
    }

    fn qualified_name(&mut self, name: Option<ExprId>) -> ExprId {
        let mut x = match name {
            Some(n) => n,
            None if self.tok() == Tok::Name => self.name(),
            None => {
                let p = self.pos();
                let n = self.new_name(p, "_");
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, Tok::Semi, Tok::Rbrace]);
                n
            }
        };
        if self.tok() == Tok::Dot {
            let pos = self.pos();
            self.next();
            let sel = self.name();
            let lo = self.lo(x);
            x = self.mk(lo, pos, ExprKind::Selector { x, sel });
        }
        if self.tok() == Tok::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    fn expr_list(&mut self) -> Vec<ExprId> {
        let mut l = vec![self.expr()];
        while self.got(Tok::Comma) {
            l.push(self.expr());
        }
        l
    }

    fn type_list(&mut self, strict: bool) -> (ExprId, bool) {
        self.xnest += 1;
        let mut x = if strict { self.type_() } else { self.expr() };
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                let mut list = vec![x, t];
                while self.got(Tok::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
                let lo = self.lo(x);
                x = self.mk(lo, lo, ExprKind::List(list));
            }
        }
        self.xnest -= 1;
        (x, comma)
    }
}

/// Placeholder type of a parameter whose type is not known yet while parsing
/// a parameter list (`a, b int`); never survives `param_list`.
const NO_TYPE: ExprId = ExprId(u32::MAX);

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<String> {
        let mut ast = Ast::default();
        let mut diags = Vec::new();
        parse_file(&mut ast, src, &mut diags);
        let idx = crate::span::LineIndex::new(src);
        diags
            .iter()
            .map(|d| format!("{}: {}", idx.line_col(d.span.lo), d.message))
            .collect()
    }

    #[test]
    fn valid_program_has_no_errors() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\tfor i := range 3 {\n\t\tfmt.Println(i, <-ch)\n\t}\n}\n";
        assert_eq!(errors(src), Vec::<String>::new());
    }

    #[test]
    fn missing_comma_in_composite_literal() {
        let src = "package main\n\nvar x = []int{\n\t1,\n\t2\n}\n";
        assert_eq!(errors(src), vec!["5:3: syntax error: unexpected newline in composite literal; possibly missing comma or }"]);
    }

    #[test]
    fn statement_outside_function() {
        assert_eq!(
            errors("package main\nx := 1\n"),
            vec!["2:1: syntax error: non-declaration statement outside function body"]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = format!(
            "package main\nvar x = {}1{}\n",
            "(".repeat(5000),
            ")".repeat(5000)
        );
        let errs = errors(&src);
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].ends_with("syntax error: too deeply nested"),
            "{errs:?}"
        );
    }
}
