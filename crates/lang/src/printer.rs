//! Expressions back to source text, in the short form Go's error messages use.
//!
//! A port of the relevant part of `cmd/compile/internal/syntax/printer.go`
//! in `ShortForm`: function literal bodies and composite literal elements
//! print as `{…}`, binary operations as `x + y` (parentheses only where the
//! source had them).

use crate::ast::*;

/// `x + y`, `f(a, b)`, `[]int{…}`, `func() {…}`.
pub fn expr_string(ast: &Ast, e: ExprId) -> String {
    let mut s = String::new();
    write_expr(ast, e, &mut s);
    s
}

/// A simple statement in short form (`x := 1`, `ch <- v`, `x++`).
pub fn stmt_string(ast: &Ast, s: StmtId) -> String {
    let mut out = String::new();
    match &ast.stmt(s).kind {
        StmtKind::Expr(x) => write_expr(ast, *x, &mut out),
        StmtKind::Send { chan, value } => {
            write_expr(ast, *chan, &mut out);
            out.push_str(" <- ");
            write_expr(ast, *value, &mut out);
        }
        StmtKind::Assign { kind, lhs, rhs } => {
            write_list(ast, lhs, &mut out);
            match kind {
                AssignKind::IncDec(op) => {
                    out.push_str(op.as_str());
                    out.push_str(op.as_str());
                }
                AssignKind::Plain => {
                    out.push_str(" = ");
                    write_list(ast, rhs, &mut out);
                }
                AssignKind::Define => {
                    out.push_str(" := ");
                    write_list(ast, rhs, &mut out);
                }
                AssignKind::Op(op) => {
                    out.push(' ');
                    out.push_str(op.as_str());
                    out.push_str("= ");
                    write_list(ast, rhs, &mut out);
                }
            }
        }
        StmtKind::Range {
            key, value, def, x, ..
        } => {
            let lhs: Vec<ExprId> = key.iter().chain(value.iter()).copied().collect();
            if !lhs.is_empty() {
                write_list(ast, &lhs, &mut out);
                out.push_str(if *def { " := " } else { " = " });
            }
            out.push_str("range ");
            write_expr(ast, *x, &mut out);
        }
        StmtKind::Call { tok, call } => {
            out.push_str(tok.as_str());
            out.push(' ');
            write_expr(ast, *call, &mut out);
        }
        StmtKind::Branch { tok, label } => {
            out.push_str(tok.as_str());
            if let Some(l) = label {
                out.push(' ');
                write_expr(ast, *l, &mut out);
            }
        }
        StmtKind::Return { results } => {
            out.push_str("return");
            if !results.is_empty() {
                out.push(' ');
                write_list(ast, results, &mut out);
            }
        }
        _ => out.push_str("<stmt>"),
    }
    out
}

fn write_list(ast: &Ast, list: &[ExprId], out: &mut String) {
    for (i, &e) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(ast, e, out);
    }
}

fn write_expr(ast: &Ast, e: ExprId, out: &mut String) {
    match &ast.expr(e).kind {
        ExprKind::Bad => out.push_str("<bad expr>"),
        ExprKind::Name(s) => out.push_str(ast.str(*s)),
        ExprKind::BasicLit { value, .. } => out.push_str(value),
        ExprKind::FuncLit { typ, body } => {
            write_expr(ast, *typ, out);
            out.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::CompositeLit { typ, elems, .. } => {
            if let Some(t) = typ {
                write_expr(ast, *t, out);
            }
            out.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::KeyValue { key, value } => {
            write_expr(ast, *key, out);
            out.push_str(": ");
            write_expr(ast, *value, out);
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_expr(ast, *x, out);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(ast, *x, out);
            out.push('.');
            write_expr(ast, *sel, out);
        }
        ExprKind::Index { x, index } => {
            write_expr(ast, *x, out);
            out.push('[');
            write_expr(ast, *index, out);
            out.push(']');
        }
        ExprKind::Slice { x, index, .. } => {
            write_expr(ast, *x, out);
            out.push('[');
            if let Some(i) = index[0] {
                write_expr(ast, i, out);
            }
            out.push(':');
            if let Some(j) = index[1] {
                write_expr(ast, j, out);
            }
            if let Some(k) = index[2] {
                out.push(':');
                write_expr(ast, k, out);
            }
            out.push(']');
        }
        ExprKind::Assert { x, typ } => {
            write_expr(ast, *x, out);
            out.push_str(".(");
            write_expr(ast, *typ, out);
            out.push(')');
        }
        ExprKind::TypeSwitchGuard { lhs, x } => {
            if let Some(l) = lhs {
                write_expr(ast, *l, out);
                out.push_str(" := ");
            }
            write_expr(ast, *x, out);
            out.push_str(".(type)");
        }
        ExprKind::Call {
            fun,
            args,
            has_dots,
        } => {
            write_expr(ast, *fun, out);
            out.push('(');
            write_list(ast, args, out);
            if *has_dots {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Operation { op, x, y } => match y {
            None => {
                out.push_str(op.as_str());
                write_expr(ast, *x, out);
            }
            Some(y) => {
                write_expr(ast, *x, out);
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                write_expr(ast, *y, out);
            }
        },
        ExprKind::List(l) => write_list(ast, l, out),
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                Some(l) => write_expr(ast, *l, out),
                None => out.push_str("..."),
            }
            out.push(']');
            write_expr(ast, *elem, out);
        }
        ExprKind::SliceType { elem } => {
            out.push_str("[]");
            write_expr(ast, *elem, out);
        }
        ExprKind::DotsType { elem } => {
            out.push_str("...");
            write_expr(ast, *elem, out);
        }
        ExprKind::StructType { fields } => {
            out.push_str("struct{");
            write_field_list(ast, fields, "; ", out);
            out.push('}');
        }
        ExprKind::FuncType(ft) => {
            out.push_str("func");
            write_signature(ast, ft, out);
        }
        ExprKind::InterfaceType { methods } => {
            out.push_str("interface{");
            for (i, m) in methods.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match m.name {
                    Some(n) => {
                        write_expr(ast, n, out);
                        if let ExprKind::FuncType(ft) = &ast.expr(m.typ).kind {
                            write_signature(ast, ft, out);
                        }
                    }
                    None => write_expr(ast, m.typ, out),
                }
            }
            out.push('}');
        }
        ExprKind::MapType { key, value } => {
            out.push_str("map[");
            write_expr(ast, *key, out);
            out.push(']');
            write_expr(ast, *value, out);
        }
        ExprKind::ChanType { dir, elem } => {
            if *dir == ChanDir::Recv {
                out.push_str("<-");
            }
            out.push_str("chan");
            if *dir == ChanDir::Send {
                out.push_str("<-");
            }
            out.push(' ');
            let paren = *dir == ChanDir::Both
                && matches!(
                    ast.expr(*elem).kind,
                    ExprKind::ChanType {
                        dir: ChanDir::Recv,
                        ..
                    }
                );
            if paren {
                out.push('(');
            }
            write_expr(ast, *elem, out);
            if paren {
                out.push(')');
            }
        }
    }
}

fn write_field_list(ast: &Ast, fields: &[Field], sep: &str, out: &mut String) {
    let mut i0 = 0;
    let mut typ: Option<ExprId> = None;
    for (i, f) in fields.iter().enumerate() {
        if f.name.is_none() || Some(f.typ) != typ {
            if i0 < i {
                write_fields(ast, &fields[i0..i], out);
                out.push_str(sep);
                i0 = i;
            }
            typ = Some(f.typ);
        }
    }
    write_fields(ast, &fields[i0..], out);
}

fn write_fields(ast: &Ast, fields: &[Field], out: &mut String) {
    if fields.is_empty() {
        return;
    }
    if fields.len() == 1 && fields[0].name.is_none() {
        write_expr(ast, fields[0].typ, out);
    } else {
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            if let Some(n) = f.name {
                write_expr(ast, n, out);
            }
        }
        out.push(' ');
        write_expr(ast, fields[0].typ, out);
    }
}

fn write_signature(ast: &Ast, ft: &FuncType, out: &mut String) {
    write_params(ast, &ft.params, out);
    if !ft.results.is_empty() {
        out.push(' ');
        if ft.results.len() == 1 && ft.results[0].name.is_none() {
            write_expr(ast, ft.results[0].typ, out);
        } else {
            write_params(ast, &ft.results, out);
        }
    }
}

fn write_params(ast: &Ast, list: &[Field], out: &mut String) {
    out.push('(');
    for (i, f) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(n) = f.name {
            write_expr(ast, n, out);
            if let Some(f1) = list.get(i + 1) {
                if f1.name.is_some() && f1.typ == f.typ {
                    continue;
                }
            }
            out.push(' ');
        }
        write_expr(ast, ast.unparen(f.typ), out);
    }
    out.push(')');
}
