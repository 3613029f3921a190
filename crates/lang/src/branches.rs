//! Branch checks done after parsing each function body: misplaced break/continue/fallthrough, labels.
//!
//! A port of Go's `cmd/compile/internal/syntax/branches.go`. Go runs it for a
//! body only if that body parsed without errors, and its errors (like
//! `label L defined and not used`) are not "syntax errors": type checking
//! still runs after them.

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::span::Span;
use crate::token::Tok;
use rustc_hash::FxHashMap;

struct Label {
    /// Block (index into `blocks`) declaring the label.
    parent: usize,
    stmt: StmtId,
    name_pos: u32,
    used: bool,
}

struct BlockInfo {
    parent: Option<usize>,
    start: u32,
    lstmt: Option<StmtId>,
}

#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<StmtId>,
    continues: Option<StmtId>,
    case_index: i32,
}

struct LabelScope<'a> {
    ast: &'a Ast,
    labels: FxHashMap<Sym, Label>,
    /// Declaration order of labels (for deterministic reporting).
    order: Vec<Sym>,
    blocks: Vec<BlockInfo>,
    errs: Vec<Diagnostic>,
}

/// Checks the branch statements and labels of one function body.
pub fn check_branches(ast: &Ast, body: &Block, diags: &mut Vec<Diagnostic>) {
    let mut ls = LabelScope {
        ast,
        labels: FxHashMap::default(),
        order: Vec::new(),
        blocks: Vec::new(),
        errs: Vec::new(),
    };
    let tgt = Targets {
        breaks: None,
        continues: None,
        case_index: -1,
    };
    let fwd = ls.block_branches(None, tgt, None, body.span.lo, &body.stmts);
    for (label, _) in fwd {
        let sym = ast.name_sym(label).unwrap_or(Sym(0));
        let name = ast.name_str(label).to_string();
        let pos = ast.expr(label).pos;
        if let Some(l) = ls.labels.get_mut(&sym) {
            l.used = true;
            let start = ls.blocks[l.parent].start;
            ls.err(
                pos,
                format!("goto {name} jumps into block starting at {}", Pos(start)),
            );
        } else {
            ls.err(pos, format!("label {name} not defined"));
        }
    }
    for sym in ls.order.clone() {
        let l = &ls.labels[&sym];
        if !l.used {
            let pos = l.name_pos;
            ls.err(pos, format!("label {} defined and not used", ast.str(sym)));
        }
    }
    diags.extend(ls.errs);
}

/// A position to be rendered later as `main.go:L:C` (see [`crate::diag`]).
struct Pos(u32);

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::diag::pos_marker(self.0))
    }
}

impl LabelScope<'_> {
    fn err(&mut self, pos: u32, msg: String) {
        self.errs.push(Diagnostic::new(Span::new(pos, pos), msg));
    }

    fn declare(&mut self, b: usize, s: StmtId, label: ExprId) -> Sym {
        let sym = self.ast.name_sym(label).unwrap_or(Sym(0));
        let pos = self.ast.expr(label).pos;
        if let Some(alt) = self.labels.get(&sym) {
            let msg = format!(
                "label {} already defined at {}",
                self.ast.str(sym),
                Pos(alt.name_pos)
            );
            self.err(pos, msg);
            return sym;
        }
        self.labels.insert(
            sym,
            Label {
                parent: b,
                stmt: s,
                name_pos: pos,
                used: false,
            },
        );
        self.order.push(sym);
        sym
    }

    fn enclosing_target(&mut self, mut b: Option<usize>, sym: Sym) -> Option<Option<StmtId>> {
        let l = self.labels.get_mut(&sym)?;
        l.used = true;
        while let Some(bi) = b {
            if self.blocks[bi].lstmt == Some(l.stmt) {
                return Some(Some(l.stmt));
            }
            b = self.blocks[bi].parent;
        }
        Some(None)
    }

    fn goto_target(&mut self, mut b: Option<usize>, sym: Sym) -> bool {
        if let Some(l) = self.labels.get_mut(&sym) {
            l.used = true;
            while let Some(bi) = b {
                if l.parent == bi {
                    return true;
                }
                b = self.blocks[bi].parent;
            }
        }
        false
    }

    /// Returns the forward gotos (label expr, statement) not resolved in this block.
    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        lstmt: Option<StmtId>,
        start: u32,
        body: &[StmtId],
    ) -> Vec<(ExprId, StmtId)> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo {
            parent,
            start,
            lstmt,
        });
        let ast = self.ast;
        let mut var_pos: Option<(u32, String)> = None;
        let mut fwd_gotos: Vec<(ExprId, StmtId)> = Vec::new();
        let mut bad_gotos: Vec<StmtId> = Vec::new();
        let mut n = body.len();
        while n > 0 && matches!(ast.stmt(body[n - 1]).kind, StmtKind::Empty) {
            n -= 1;
        }
        let list = &body[..n];
        for (stmt_index, &stmt0) in list.iter().enumerate() {
            let mut lstmt: Option<StmtId> = None;
            let mut stmt = stmt0;
            loop {
                match &ast.stmt(stmt).kind {
                    StmtKind::Decl(decls) => {
                        for d in decls {
                            if let DeclKind::Var { names, .. } = &ast.decl(*d).kind {
                                var_pos = Some((
                                    ast.decl(*d).span.lo,
                                    ast.name_str(names[0]).to_string(),
                                ));
                                bad_gotos = fwd_gotos.iter().map(|f| f.1).collect();
                                break;
                            }
                        }
                    }
                    StmtKind::Labeled { label, stmt: inner } => {
                        let name = ast.name_str(*label);
                        if name != "_" {
                            let sym = self.declare(b, stmt, *label);
                            let mut keep = Vec::new();
                            for fwd in std::mem::take(&mut fwd_gotos) {
                                if ast.name_sym(fwd.0) == Some(sym) {
                                    if let Some(l) = self.labels.get_mut(&sym) {
                                        l.used = true;
                                    }
                                    if let Some((vp, vn)) = &var_pos {
                                        if bad_gotos.contains(&fwd.1) {
                                            let p = ast.expr(fwd.0).pos;
                                            let msg = format!(
                                                "goto {name} jumps over declaration of {vn} at {}",
                                                Pos(*vp)
                                            );
                                            self.err(p, msg);
                                        }
                                    }
                                } else {
                                    keep.push(fwd);
                                }
                            }
                            fwd_gotos = keep;
                            lstmt = Some(stmt);
                        }
                        stmt = *inner;
                        continue;
                    }
                    StmtKind::Branch { tok, label } => {
                        let pos = ast.stmt(stmt).pos;
                        match label {
                            None => match tok {
                                Tok::Break if ctxt.breaks.is_none() => {
                                    self.err(
                                        pos,
                                        "break is not in a loop, switch, or select".into(),
                                    );
                                }
                                Tok::Continue if ctxt.continues.is_none() => {
                                    self.err(pos, "continue is not in a loop".into());
                                }
                                Tok::Fallthrough => {
                                    let mut msg = Some("fallthrough statement out of place");
                                    if let Some(t) = ctxt.breaks {
                                        if let StmtKind::Switch {
                                            tag, body: cases, ..
                                        } = &ast.stmt(t).kind
                                        {
                                            let is_type_switch = tag.is_some_and(|t| {
                                                matches!(
                                                    ast.expr(t).kind,
                                                    ExprKind::TypeSwitchGuard { .. }
                                                )
                                            });
                                            if is_type_switch {
                                                msg = Some("cannot fallthrough in type switch");
                                            } else if ctxt.case_index < 0
                                                || stmt_index + 1 < list.len()
                                            {
                                                // fallthrough not at end of case
                                            } else if ctxt.case_index as usize + 1 == cases.len() {
                                                msg =
                                                    Some("cannot fallthrough final case in switch");
                                            } else {
                                                msg = None;
                                            }
                                        }
                                    }
                                    if let Some(m) = msg {
                                        self.err(pos, m.into());
                                    }
                                }
                                _ => {}
                            },
                            Some(label) => {
                                let sym = ast.name_sym(*label).unwrap_or(Sym(0));
                                let name = ast.name_str(*label);
                                let lpos = ast.expr(*label).pos;
                                match tok {
                                    Tok::Break => match self.enclosing_target(Some(b), sym) {
                                        Some(Some(t)) => {
                                            let inner = match &ast.stmt(t).kind {
                                                StmtKind::Labeled { stmt, .. } => *stmt,
                                                _ => t,
                                            };
                                            if !matches!(
                                                ast.stmt(inner).kind,
                                                StmtKind::Switch { .. }
                                                    | StmtKind::Select { .. }
                                                    | StmtKind::For { .. }
                                                    | StmtKind::Range { .. }
                                            ) {
                                                self.err(
                                                    lpos,
                                                    format!("invalid break label {name}"),
                                                );
                                            }
                                        }
                                        Some(None) => {
                                            self.err(lpos, format!("invalid break label {name}"))
                                        }
                                        None => self
                                            .err(lpos, format!("break label not defined: {name}")),
                                    },
                                    Tok::Continue => match self.enclosing_target(Some(b), sym) {
                                        Some(Some(t)) => {
                                            let inner = match &ast.stmt(t).kind {
                                                StmtKind::Labeled { stmt, .. } => *stmt,
                                                _ => t,
                                            };
                                            if !matches!(
                                                ast.stmt(inner).kind,
                                                StmtKind::For { .. } | StmtKind::Range { .. }
                                            ) {
                                                self.err(
                                                    lpos,
                                                    format!("invalid continue label {name}"),
                                                );
                                            }
                                        }
                                        Some(None) => {
                                            self.err(lpos, format!("invalid continue label {name}"))
                                        }
                                        None => self.err(
                                            lpos,
                                            format!("continue label not defined: {name}"),
                                        ),
                                    },
                                    Tok::Goto if !self.goto_target(Some(b), sym) => {
                                        fwd_gotos.push((*label, stmt));
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                    StmtKind::Assign {
                        kind: AssignKind::Define,
                        lhs,
                        ..
                    } => {
                        let s = lhs
                            .iter()
                            .map(|&e| ast.name_str(e))
                            .collect::<Vec<_>>()
                            .join(", ");
                        var_pos = Some((ast.stmt(stmt).pos, s));
                        bad_gotos = fwd_gotos.iter().map(|f| f.1).collect();
                    }
                    StmtKind::Block(blk) => {
                        let inner = Targets {
                            case_index: -1,
                            ..ctxt
                        };
                        let r = self.block_branches(Some(b), inner, lstmt, blk.span.lo, &blk.stmts);
                        fwd_gotos.extend(r);
                    }
                    StmtKind::If { then, els, .. } => {
                        let inner = Targets {
                            case_index: -1,
                            ..ctxt
                        };
                        let r =
                            self.block_branches(Some(b), inner, lstmt, then.span.lo, &then.stmts);
                        fwd_gotos.extend(r);
                        if let Some(e) = els {
                            let lo = ast.stmt(*e).span.lo;
                            let r = self.block_branches(Some(b), inner, lstmt, lo, &[*e]);
                            fwd_gotos.extend(r);
                        }
                    }
                    StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                        let inner = Targets {
                            breaks: Some(stmt),
                            continues: Some(stmt),
                            case_index: -1,
                        };
                        let r =
                            self.block_branches(Some(b), inner, lstmt, body.span.lo, &body.stmts);
                        fwd_gotos.extend(r);
                    }
                    StmtKind::Switch { body: cases, .. } => {
                        for (i, cc) in cases.iter().enumerate() {
                            let inner = Targets {
                                breaks: Some(stmt),
                                continues: ctxt.continues,
                                case_index: i as i32,
                            };
                            let r =
                                self.block_branches(Some(b), inner, lstmt, cc.span.lo, &cc.body);
                            fwd_gotos.extend(r);
                        }
                    }
                    StmtKind::Select { body: cases, .. } => {
                        for cc in cases {
                            let inner = Targets {
                                breaks: Some(stmt),
                                continues: ctxt.continues,
                                case_index: -1,
                            };
                            let r =
                                self.block_branches(Some(b), inner, lstmt, cc.span.lo, &cc.body);
                            fwd_gotos.extend(r);
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        fwd_gotos
    }
}
