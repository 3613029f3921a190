//! A readable listing of a checked program, for snapshot tests and debugging.
//!
//! For the user's file it prints each function body (signature, parameters,
//! locals with their storage flags, free variables, defer/recover), then the
//! calls, selections and implicit interface conversions in source order,
//! each with its `line:col`.

use crate::ast::{ExprKind, StmtKind};
use crate::info::{BodyOwner, CallKind, RecvAdjust, SelectionKind};
use crate::objects::{ObjKind, VarKind};
use crate::types::Qualifier;
use crate::{Checked, LineIndex};
use std::fmt::Write;

/// Renders the checked user program (empty if it did not check).
pub fn dump(checked: &Checked, src: &str) -> String {
    let Some(p) = &checked.program else {
        return String::from("<no program>\n");
    };
    let ast = &checked.ast;
    let idx = LineIndex::new(src);
    let ctx = crate::types::NameCtx {
        objs: &p.objs,
        pkgs: &p.pkgs,
        syms: &ast.syms,
    };
    let ts = |t| p.types.type_string(t, &ctx, Qualifier::Full);
    let user_expr = |e: crate::ast::ExprId| -> bool {
        // User nodes are parsed first, so their ids are the smallest.
        let first_stdlib = ast
            .files
            .iter()
            .skip(1)
            .filter_map(|f| f.package)
            .min()
            .map_or(u32::MAX, |e| e.0);
        e.0 < first_stdlib
    };
    let mut out = String::new();
    for (i, b) in p.info.bodies.iter().enumerate() {
        let (name, pos) = match b.owner {
            BodyOwner::Func(o) => (
                ast.str(p.objs[o.index()].name).to_string(),
                p.objs[o.index()].pos,
            ),
            BodyOwner::Lit(e) => ("func literal".to_string(), ast.expr(e).pos),
        };
        let user = match b.owner {
            BodyOwner::Func(o) => p.objs[o.index()].pkg == p.pkg_order.last().copied(),
            BodyOwner::Lit(e) => user_expr(e),
        };
        if !user {
            continue;
        }
        let _ = writeln!(
            out,
            "body {i} {name} at {}: {}",
            idx.line_col(pos),
            ts(b.sig)
        );
        let flags = |o: crate::objects::ObjId| -> String {
            let obj = &p.objs[o.index()];
            let mut s = format!("{} {}", ast.str(obj.name), ts(obj.typ));
            if let ObjKind::Var(vi) = &obj.kind {
                if vi.addr_taken {
                    s.push_str(" addr");
                }
                if vi.captured {
                    s.push_str(" captured");
                }
                if vi.per_iteration {
                    s.push_str(" per-iteration");
                }
                if vi.kind == VarKind::Recv {
                    s.push_str(" recv");
                }
            }
            s
        };
        if let Some(r) = b.recv {
            let _ = writeln!(out, "  recv {}", flags(r));
        }
        for &o in &b.params {
            let _ = writeln!(out, "  param {}", flags(o));
        }
        for &o in &b.results {
            let _ = writeln!(out, "  result {}", flags(o));
        }
        for &o in &b.locals {
            let _ = writeln!(out, "  local {}", flags(o));
        }
        for &o in &b.free_vars {
            let _ = writeln!(out, "  free {}", ast.str(p.objs[o.index()].name));
        }
        if b.has_defer {
            let _ = writeln!(out, "  has defer");
        }
        if b.has_recover {
            let _ = writeln!(out, "  has recover");
        }
    }
    let mut lines: Vec<(u32, String)> = Vec::new();
    for (e, c) in &p.info.calls {
        if !user_expr(*e) {
            continue;
        }
        let what = match &c.kind {
            CallKind::Func(o) => {
                let obj = &p.objs[o.index()];
                let pkg = obj
                    .pkg
                    .map(|pk| ast.str(p.pkgs[pk.index()].name).to_string())
                    .unwrap_or_default();
                let native = matches!(&obj.kind, ObjKind::Func(f) if f.native);
                format!(
                    "func {pkg}.{}{}",
                    ast.str(obj.name),
                    if native { " native" } else { "" }
                )
            }
            CallKind::Method(o) => format!("method {}", ast.str(p.objs[o.index()].name)),
            CallKind::Value => "value".into(),
            CallKind::Builtin(b) => format!("builtin {}", b.name()),
            CallKind::Conversion(t) => format!("conversion to {}", ts(*t)),
        };
        let mut s = format!("call {what}");
        if c.spread {
            s.push_str(" spread");
        }
        if c.pack_variadic {
            s.push_str(" pack");
        }
        lines.push((ast.expr(*e).span.lo, s));
    }
    for (e, sel) in &p.info.selections {
        if !user_expr(*e) {
            continue;
        }
        let kind = match sel.kind {
            SelectionKind::FieldVal => "field",
            SelectionKind::MethodVal => "method",
            SelectionKind::MethodExpr => "method expr",
        };
        let mut s = format!(
            "select {} {kind} {} path {:?}",
            crate::printer::expr_string(ast, *e),
            ast.str(p.objs[sel.obj.index()].name),
            sel.index
        );
        if sel.indirect {
            s.push_str(" indirect");
        }
        match sel.adjust {
            RecvAdjust::AddrOf => s.push_str(" &recv"),
            RecvAdjust::Deref => s.push_str(" *recv"),
            RecvAdjust::None => {}
        }
        if sel.iface {
            s.push_str(" dynamic");
        }
        lines.push((ast.expr(*e).span.lo, s));
    }
    for (e, t) in &p.info.implicit_conversions {
        if !user_expr(*e) {
            continue;
        }
        lines.push((
            ast.expr(*e).span.lo,
            format!(
                "convert {} to {}",
                crate::printer::expr_string(ast, *e),
                ts(*t)
            ),
        ));
    }
    for (i, s) in ast.stmts.iter().enumerate() {
        if let StmtKind::Call { tok, call } = &s.kind {
            if checked.is_user_stmt_id(crate::ast::StmtId(i as u32)) {
                if let ExprKind::Call { .. } = ast.expr(*call).kind {
                    lines.push((s.span.lo, format!("{} statement", tok.as_str())));
                }
            }
        }
    }
    crate::sort::sort(&mut lines);
    for (pos, s) in lines {
        let _ = writeln!(out, "{}: {s}", idx.line_col(pos));
    }
    out
}
