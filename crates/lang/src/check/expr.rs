//! Expressions: operands, identifiers, operators, constants and untyped
//! conversions, literals (types2's `expr.go`, `operand.go`, `const.go`).

use super::*;
use crate::token::{LitKind, Op};

/// Why an untyped value cannot be converted (types2's error codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConvCode {
    TruncatedFloat,
    NumericOverflow,
    InvalidUntyped,
    InvalidConstVal,
}

fn op_name(op: Op, unary: bool) -> &'static str {
    if unary {
        return if op == Op::Xor {
            "bitwise complement "
        } else {
            ""
        };
    }
    match op {
        Op::Add => "addition ",
        Op::Sub => "subtraction ",
        Op::Xor => "bitwise XOR ",
        Op::Mul => "multiplication ",
        Op::Shl => "shift ",
        _ => "",
    }
}

impl Checker<'_> {
    // ---- entry points ----

    /// Checks `e` as a single value (types2's `expr`).
    pub fn expr(&mut self, x: &mut Operand, e: ExprId) {
        self.raw_expr(x, e, None);
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    /// Checks `e` with a composite-literal element type hint.
    pub fn expr_with_hint(&mut self, x: &mut Operand, e: ExprId, hint: TypeId) {
        self.raw_expr(x, e, Some(hint));
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    /// Checks `e` as a value or a type.
    pub fn expr_or_type(&mut self, x: &mut Operand, e: ExprId) {
        self.raw_expr(x, e, None);
        self.exclude(x, true, false, false);
        self.single_value(x);
    }

    /// Checks `e`, which may have several values (a call) or be comma-ok capable.
    pub fn multi_expr(&mut self, e: ExprId, allow_comma_ok: bool) -> (Vec<Operand>, bool) {
        let mut x = Operand::invalid();
        self.raw_expr(&mut x, e, None);
        self.exclude(&mut x, true, true, true);
        if !x.is_invalid() {
            if let Some(elems) = self.types.tuple_elems(x.typ) {
                let list = elems.iter().map(|&t| Operand::value(Some(e), t)).collect();
                return (list, false);
            }
        }
        if allow_comma_ok && matches!(x.mode, OpMode::MapIndex | OpMode::CommaOk) {
            let x2 = Operand::value(Some(e), TypeId::basic(BasicKind::UntypedBool));
            return (vec![x, x2], true);
        }
        (vec![x], false)
    }

    /// Checks a list of expressions (types2's `exprList`).
    pub fn expr_list(&mut self, list: &[ExprId]) -> Vec<Operand> {
        if list.len() == 1 {
            return self.multi_expr(list[0], false).0;
        }
        list.iter()
            .map(|&e| {
                let mut x = Operand::invalid();
                self.expr(&mut x, e);
                x
            })
            .collect()
    }

    /// Evaluates expressions only for their side effects on `used` flags (types2's `use`).
    pub fn use_exprs(&mut self, list: &[ExprId]) -> bool {
        let mut ok = true;
        for &e in list {
            let mut x = Operand::invalid();
            self.raw_expr(&mut x, e, None);
            if x.is_invalid() {
                ok = false;
            }
        }
        ok
    }

    /// Like `use_exprs` for assignment left-hand sides: does not mark plain variables used.
    pub fn use_lhs(&mut self, list: &[ExprId]) -> bool {
        let mut ok = true;
        for &e in list {
            let u = self.ast.unparen(e);
            if let Some(sym) = self.ast.name_sym(u) {
                if sym == self.syms.blank {
                    continue;
                }
                if let Some(o) = self.lookup(sym) {
                    if let ObjKind::Var(vi) = &self.objs[o.index()].kind {
                        let was = vi.used;
                        let mut x = Operand::invalid();
                        self.raw_expr(&mut x, e, None);
                        if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                            vi.used = was;
                        }
                        if x.is_invalid() {
                            ok = false;
                        }
                        continue;
                    }
                }
            }
            let mut x = Operand::invalid();
            self.raw_expr(&mut x, e, None);
            if x.is_invalid() {
                ok = false;
            }
        }
        ok
    }

    fn exclude(&mut self, x: &mut Operand, novalue: bool, builtin: bool, typexpr: bool) {
        let msg = match x.mode {
            OpMode::NoValue if novalue => {
                if typexpr {
                    "used as value"
                } else {
                    "used as value or type"
                }
            }
            OpMode::Builtin if builtin => "must be called",
            OpMode::TypeExpr if typexpr => "is not an expression",
            _ => return,
        };
        let s = self.os(x);
        self.error_op(x, format!("{s} {msg}"));
        x.mode = OpMode::Invalid;
    }

    pub fn single_value(&mut self, x: &mut Operand) {
        if x.mode == OpMode::Value && self.types.tuple_elems(x.typ).is_some() {
            let s = self.os(x);
            self.error_op(x, format!("multiple-value {s} in single-value context"));
            x.mode = OpMode::Invalid;
        }
    }

    /// Checks an expression and records its type (types2's `rawExpr`).
    pub fn raw_expr(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) -> ExprKindClass {
        let kind = self.expr_internal(x, e, hint);
        x.expr = Some(e);
        match x.mode {
            OpMode::Invalid => {}
            OpMode::Builtin => {
                if let Some(b) = x.builtin {
                    self.record_builtin(e, b);
                }
            }
            _ => {
                if self.types.is_untyped(x.typ) {
                    self.untyped.insert(
                        e,
                        UntypedInfo {
                            is_lhs: false,
                            mode: x.mode,
                            typ: x.typ,
                            val: x.val.clone(),
                        },
                    );
                } else {
                    self.record(e, x.mode, x.typ, &x.val);
                }
            }
        }
        kind
    }

    fn expr_internal(&mut self, x: &mut Operand, e: ExprId, hint: Option<TypeId>) -> ExprKindClass {
        *x = Operand::invalid();
        x.expr = Some(e);
        let ast = self.ast;
        match &ast.expr(e).kind {
            ExprKind::Bad => return ExprKindClass::Statement,
            ExprKind::Name(_) => self.ident(x, e, false),
            ExprKind::DotsType { .. } => {
                self.error_expr(e, "invalid use of '...'".into());
                return self.invalid_expr(x);
            }
            ExprKind::BasicLit { kind, value, bad } => {
                if *bad {
                    return self.invalid_expr(x);
                }
                let (t, v) = match kind {
                    LitKind::Int => (
                        BasicKind::UntypedInt,
                        crate::constant::from_literal(*kind, value),
                    ),
                    LitKind::Float => (
                        BasicKind::UntypedFloat,
                        crate::constant::from_literal(*kind, value),
                    ),
                    LitKind::Rune => (
                        BasicKind::UntypedRune,
                        crate::constant::from_literal(*kind, value),
                    ),
                    LitKind::String => (
                        BasicKind::UntypedString,
                        crate::constant::from_literal(*kind, value),
                    ),
                    LitKind::Imag => {
                        self.error_expr(
                            e,
                            "complex numbers are not supported by the playground".into(),
                        );
                        return self.invalid_expr(x);
                    }
                };
                if v.is_unknown() {
                    if *kind == LitKind::Int {
                        self.error_expr(e, format!("integer constant too large: {value}"));
                    } else {
                        self.error_expr(e, format!("malformed constant: {value}"));
                    }
                    return self.invalid_expr(x);
                }
                x.mode = OpMode::Constant;
                x.typ = TypeId::basic(t);
                x.val = v;
            }
            ExprKind::FuncLit { typ, body } => {
                let ExprKind::FuncType(ft) = &ast.expr(*typ).kind else {
                    return self.invalid_expr(x);
                };
                let scope = self.env.scope;
                let fs = self.func_type(None, ft, scope);
                let sig = fs.sig;
                self.record(*typ, OpMode::TypeExpr, sig, &Value::Unknown);
                let parent = self.env.body;
                let saved_iota = self.env.iota.clone();
                let b = self.func_body(BodyOwner::Lit(e), parent, fs, body);
                self.env.iota = saved_iota;
                self.info.func_lits.insert(e, b);
                x.mode = OpMode::Value;
                x.typ = sig;
            }
            ExprKind::CompositeLit {
                typ, elems, rbrace, ..
            } => {
                return self.composite_lit(x, e, *typ, elems, *rbrace, hint);
            }
            ExprKind::Paren(inner) => {
                let k = self.raw_expr(x, *inner, None);
                x.expr = Some(e);
                return k;
            }
            ExprKind::Selector { .. } => self.selector(x, e, false),
            ExprKind::Index { x: base, index } => {
                self.index_expr(x, e, *base, *index);
                if x.is_invalid() {
                    return self.invalid_expr(x);
                }
            }
            ExprKind::Slice {
                x: base,
                index,
                full,
            } => {
                self.slice_expr(x, e, *base, *index, *full);
                if x.is_invalid() {
                    return self.invalid_expr(x);
                }
            }
            ExprKind::Assert { x: inner, typ } => {
                self.expr(x, *inner);
                if x.is_invalid() {
                    return self.invalid_expr(x);
                }
                if !self.types.is_interface(x.typ) {
                    let s = self.os(x);
                    self.error_op(x, format!("invalid operation: {s} is not an interface"));
                    return self.invalid_expr(x);
                }
                let t = self.var_type(*typ);
                if !t.is_valid() {
                    return self.invalid_expr(x);
                }
                self.type_assertion(e, x, t, false);
                x.mode = OpMode::CommaOk;
                x.typ = t;
            }
            ExprKind::TypeSwitchGuard { x: inner, .. } => {
                self.error_expr(e, "use of .(type) outside type switch".into());
                self.use_exprs(&[*inner]);
                return self.invalid_expr(x);
            }
            ExprKind::Call { .. } => return self.call_expr(x, e),
            ExprKind::List(_) => {
                self.error_expr(e, "unexpected list of expressions".into());
                return self.invalid_expr(x);
            }
            ExprKind::Operation { op, x: ox, y } => match y {
                None => {
                    if *op == Op::Mul {
                        self.expr_or_type(x, *ox);
                        match x.mode {
                            OpMode::Invalid => return self.invalid_expr(x),
                            OpMode::TypeExpr => {
                                x.typ = self.types.pointer(x.typ);
                            }
                            _ => {
                                let Some(base) = self.types.pointer_elem(x.typ) else {
                                    let s = self.os(x);
                                    self.error_op(
                                        x,
                                        format!("invalid operation: cannot indirect {s}"),
                                    );
                                    return self.invalid_expr(x);
                                };
                                x.mode = OpMode::Variable;
                                x.typ = base;
                            }
                        }
                    } else {
                        self.unary(x, e, *op, *ox);
                        if x.is_invalid() {
                            return self.invalid_expr(x);
                        }
                        if *op == Op::Recv {
                            x.expr = Some(e);
                            return ExprKindClass::Statement;
                        }
                    }
                }
                Some(y) => {
                    self.binary(x, Some(e), *ox, *y, *op);
                    if x.is_invalid() {
                        return self.invalid_expr(x);
                    }
                }
            },
            ExprKind::KeyValue { .. } => {
                self.error_expr(e, "no key:value expected".into());
                return self.invalid_expr(x);
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                x.mode = OpMode::TypeExpr;
                x.typ = self.typ(e);
            }
        }
        x.expr = Some(e);
        ExprKindClass::Expression
    }

    fn invalid_expr(&mut self, x: &mut Operand) -> ExprKindClass {
        x.mode = OpMode::Invalid;
        ExprKindClass::Statement
    }

    /// An identifier (types2's `ident`).
    pub fn ident(&mut self, x: &mut Operand, e: ExprId, want_type: bool) {
        *x = Operand::invalid();
        x.expr = Some(e);
        let Some(sym) = self.ast.name_sym(e) else {
            return;
        };
        let Some(obj) = self.lookup(sym) else {
            if sym == self.syms.blank {
                self.error_expr(e, "cannot use _ as value or type".into());
            } else {
                let s = self.ast.str(sym).to_string();
                self.error_expr(e, format!("undefined: {s}"));
            }
            return;
        };
        self.record_use(e, obj);
        let is_type = matches!(self.objs[obj.index()].kind, ObjKind::TypeName);
        if !is_type && want_type {
            let s = self.obj_name(obj).to_string();
            self.error_expr(e, format!("{s} is not a type"));
            if let ObjKind::Var(vi) = &mut self.objs[obj.index()].kind {
                vi.used = true;
            }
            return;
        }
        // Resolve package-level objects lazily (types2's objDecl on use).
        if self.decls.contains_key(&obj) && self.color(obj) != Color::Black {
            self.obj_decl(obj);
        }
        let typ = self.objs[obj.index()].typ;
        match &self.objs[obj.index()].kind {
            ObjKind::PkgName { .. } => {
                let s = self.obj_name(obj).to_string();
                self.error_expr(e, format!("use of package {s} not in selector"));
            }
            ObjKind::Const(v) => {
                let v = v.clone();
                self.add_dep(obj);
                if !typ.is_valid() {
                    return;
                }
                if sym == self.syms.iota && self.objs[obj.index()].pkg.is_none() {
                    match &self.env.iota {
                        None => {
                            self.error_expr(
                                e,
                                "cannot use iota outside constant declaration".into(),
                            );
                            return;
                        }
                        Some(i) => x.val = i.clone(),
                    }
                } else {
                    x.val = v;
                }
                x.mode = OpMode::Constant;
                x.typ = typ;
            }
            ObjKind::TypeName => {
                x.mode = OpMode::TypeExpr;
                x.typ = typ;
            }
            ObjKind::Var(vi) => {
                let owner = vi.owner;
                let kind = vi.kind;
                if self.objs[obj.index()].pkg == Some(self.pkg) {
                    if let ObjKind::Var(vi) = &mut self.objs[obj.index()].kind {
                        vi.used = true;
                    }
                }
                if kind != VarKind::Global {
                    self.note_capture(obj, owner);
                }
                self.add_dep(obj);
                if !typ.is_valid() {
                    return;
                }
                x.mode = OpMode::Variable;
                x.typ = typ;
            }
            ObjKind::Func(_) => {
                self.add_dep(obj);
                x.mode = OpMode::Value;
                x.typ = typ;
            }
            ObjKind::Builtin(b) => {
                x.builtin = Some(*b);
                x.mode = OpMode::Builtin;
                x.typ = TypeId::INVALID;
            }
            ObjKind::Nil => {
                x.mode = OpMode::NilValue;
                x.typ = typ;
            }
            ObjKind::Label => {}
        }
    }

    /// Records that a local variable declared in body `owner` is used from the current body.
    fn note_capture(&mut self, obj: ObjId, owner: Option<BodyId>) {
        let Some(owner) = owner else { return };
        let mut cur = self.env.body;
        let mut captured = false;
        while let Some(b) = cur {
            if b == owner {
                break;
            }
            captured = true;
            let body = &mut self.info.bodies[b.index()];
            if !body.free_vars.contains(&obj) {
                body.free_vars.push(obj);
            }
            cur = body.parent;
        }
        if captured {
            if let ObjKind::Var(vi) = &mut self.objs[obj.index()].kind {
                vi.captured = true;
            }
        }
    }

    /// Marks the variable at the root of an addressable expression as address-taken.
    pub fn mark_addr_taken(&mut self, e: ExprId) {
        let mut e = e;
        loop {
            match &self.ast.expr(e).kind {
                ExprKind::Paren(x) => e = *x,
                ExprKind::Name(_) => {
                    if let Some(&o) = self.info.uses.get(&e) {
                        if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                            vi.addr_taken = true;
                        }
                    }
                    return;
                }
                ExprKind::Selector { x, .. } => {
                    // Only a field of a struct stored in the variable itself.
                    match self.info.selections.get(&e) {
                        Some(sel) if sel.kind == SelectionKind::FieldVal && !sel.indirect => {
                            let base = *x;
                            let bt = self.info.type_of(base).map(|t| t.typ);
                            if bt.is_some_and(|t| self.types.pointer_elem(t).is_some()) {
                                return;
                            }
                            e = base;
                        }
                        _ => return,
                    }
                }
                ExprKind::Index { x, .. } => {
                    let bt = self.info.type_of(*x).map(|t| t.typ);
                    match bt.map(|t| self.types.under(t).clone()) {
                        Some(Type::Array { .. }) => e = *x,
                        _ => return,
                    }
                }
                _ => return,
            }
        }
    }

    // ---- operators ----

    fn unary(&mut self, x: &mut Operand, e: ExprId, op: Op, operand: ExprId) {
        self.expr(x, operand);
        if x.is_invalid() {
            return;
        }
        match op {
            Op::And => {
                let inner = self.ast.unparen(operand);
                let is_lit = matches!(self.ast.expr(inner).kind, ExprKind::CompositeLit { .. });
                if !is_lit && x.mode != OpMode::Variable {
                    let s = self.os(x);
                    self.error_op(x, format!("invalid operation: cannot take address of {s}"));
                    x.mode = OpMode::Invalid;
                    return;
                }
                if !is_lit {
                    self.mark_addr_taken(operand);
                }
                x.mode = OpMode::Value;
                x.typ = self.types.pointer(x.typ);
                return;
            }
            Op::Recv => {
                let Type::Chan { dir, elem } = self.types.under(x.typ).clone() else {
                    let s = self.os(x);
                    self.error_op(
                        x,
                        format!("invalid operation: cannot receive from non-channel {s}"),
                    );
                    x.mode = OpMode::Invalid;
                    return;
                };
                if dir == ChanDir::Send {
                    let s = self.os(x);
                    self.error_op(
                        x,
                        format!("invalid operation: cannot receive from send-only channel {s}"),
                    );
                    x.mode = OpMode::Invalid;
                    return;
                }
                x.mode = OpMode::CommaOk;
                x.typ = elem;
                return;
            }
            Op::Tilde => {
                self.error_expr(
                    e,
                    "cannot use ~ outside of interface or type constraint".into(),
                );
                x.mode = OpMode::Invalid;
                return;
            }
            _ => {}
        }
        let ok = match op {
            Op::Add | Op::Sub => self.types.is_numeric(x.typ),
            Op::Xor => self.types.is_integer(x.typ),
            Op::Not => self.types.is_boolean(x.typ),
            _ => false,
        };
        if !ok {
            let s = self.os(x);
            self.error_op(
                x,
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.as_str()
                ),
            );
            x.mode = OpMode::Invalid;
            return;
        }
        if x.mode == OpMode::Constant {
            if x.val.is_unknown() {
                return;
            }
            let bits = if self.types.is_unsigned(x.typ) {
                self.types.basic_kind(x.typ).and_then(|k| k.bits())
            } else {
                None
            };
            x.val = crate::constant::unary_op(op, &x.val, bits);
            x.expr = Some(e);
            let pos = self.ast.expr(e).pos;
            self.overflow(x, pos, op_name(op, true));
            return;
        }
        x.mode = OpMode::Value;
    }

    /// A binary operation; `e` is `None` for `x op= y` assignments.
    pub fn binary(&mut self, x: &mut Operand, e: Option<ExprId>, lhs: ExprId, rhs: ExprId, op: Op) {
        let mut y = Operand::invalid();
        self.expr(x, lhs);
        self.expr(&mut y, rhs);
        if x.is_invalid() {
            return;
        }
        if y.is_invalid() {
            x.mode = OpMode::Invalid;
            x.expr = y.expr;
            return;
        }
        if matches!(op, Op::Shl | Op::Shr) {
            self.shift(x, &mut y, e, op);
            return;
        }
        self.match_types(x, &mut y);
        if x.is_invalid() {
            return;
        }
        if op.is_comparison() {
            self.comparison(x, &mut y, op, false);
            return;
        }
        if !self.types.identical(x.typ, y.typ) {
            if x.typ.is_valid() && y.typ.is_valid() {
                let (xs, ys) = (self.ts(x.typ), self.ts(y.typ));
                let msg = match e {
                    Some(e) => format!(
                        "invalid operation: {} (mismatched types {xs} and {ys})",
                        self.es(e)
                    ),
                    None => format!(
                        "invalid operation: {} {}= {} (mismatched types {xs} and {ys})",
                        self.es(lhs),
                        op.as_str(),
                        self.es(rhs)
                    ),
                };
                self.error_op(x, msg);
            }
            x.mode = OpMode::Invalid;
            return;
        }
        let ok = match op {
            Op::Add => self.types.is_numeric(x.typ) || self.types.is_string(x.typ),
            Op::Sub | Op::Mul | Op::Div => self.types.is_numeric(x.typ),
            Op::Rem | Op::And | Op::Or | Op::Xor | Op::AndNot => self.types.is_integer(x.typ),
            Op::AndAnd | Op::OrOr => self.types.is_boolean(x.typ),
            _ => false,
        };
        if !ok {
            let s = self.os(x);
            self.error_op(
                x,
                format!(
                    "invalid operation: operator {} not defined on {s}",
                    op.as_str()
                ),
            );
            x.mode = OpMode::Invalid;
            return;
        }
        if matches!(op, Op::Div | Op::Rem)
            && (x.mode == OpMode::Constant || self.types.is_integer(x.typ))
            && y.mode == OpMode::Constant
            && y.val.to_float() == Some(0.0)
        {
            self.error_op(&y, "invalid operation: division by zero".into());
            x.mode = OpMode::Invalid;
            return;
        }
        if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
            if x.val.is_unknown() || y.val.is_unknown() {
                x.val = Value::Unknown;
                return;
            }
            let int_div = self.types.is_integer(x.typ);
            x.val = crate::constant::binary_op(&x.val, op, &y.val, int_div);
            // Integer results of untyped float operations stay floats; normalize integral floats of int kinds.
            if self.types.is_integer(x.typ) {
                if let Value::Float(f) = x.val {
                    x.val = Value::Int(f as i128);
                } else if let Value::Rat(..) = x.val {
                    x.val = x.val.to_int().map_or(Value::Unknown, Value::Int);
                }
            }
            x.expr = e;
            let pos = e.map_or(0, |e| self.ast.expr(e).pos);
            self.overflow(x, pos, op_name(op, false));
            return;
        }
        x.mode = OpMode::Value;
    }

    fn shift(&mut self, x: &mut Operand, y: &mut Operand, e: Option<ExprId>, op: Op) {
        let xval = if x.mode == OpMode::Constant {
            x.val.to_int()
        } else {
            None
        };
        let lhs_ok =
            self.types.is_integer(x.typ) || (self.types.is_untyped(x.typ) && xval.is_some());
        if !lhs_ok {
            let s = self.os(x);
            self.error_op(
                x,
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            x.mode = OpMode::Invalid;
            return;
        }
        let mut yval = None;
        if y.mode == OpMode::Constant {
            yval = y.val.to_int();
            if yval.is_some_and(|v| v < 0) {
                let s = self.os(y);
                self.error_op(y, format!("invalid operation: negative shift count {s}"));
                x.mode = OpMode::Invalid;
                return;
            }
            if self.types.is_untyped(y.typ) {
                self.representable(y, TypeId::basic(BasicKind::Uint));
                if y.is_invalid() {
                    x.mode = OpMode::Invalid;
                    return;
                }
            }
        } else if self.types.is_integer(y.typ) {
            // Signed shift counts are allowed since Go 1.13.
        } else if self.types.is_untyped(y.typ) {
            self.convert_untyped(y, TypeId::basic(BasicKind::Uint));
            if y.is_invalid() {
                x.mode = OpMode::Invalid;
                return;
            }
        } else {
            let s = self.os(y);
            self.error_op(
                y,
                format!("invalid operation: shift count {s} must be integer"),
            );
            x.mode = OpMode::Invalid;
            return;
        }
        if x.mode == OpMode::Constant {
            if y.mode == OpMode::Constant {
                if x.val.is_unknown() || y.val.is_unknown() {
                    x.val = Value::Unknown;
                    if !self.types.is_integer(x.typ) {
                        x.typ = TypeId::basic(BasicKind::UntypedInt);
                    }
                    return;
                }
                const SHIFT_BOUND: i128 = 1023 - 1 + 52;
                let s = yval.unwrap_or(-1);
                if !(0..=SHIFT_BOUND).contains(&s) {
                    let ys = self.os(y);
                    self.error_op(y, format!("invalid operation: invalid shift count {ys}"));
                    x.mode = OpMode::Invalid;
                    return;
                }
                if !self.types.is_integer(x.typ) {
                    x.typ = TypeId::basic(BasicKind::UntypedInt);
                }
                x.val = crate::constant::shift(&Value::Int(xval.unwrap_or(0)), op, s as u64);
                x.expr = e;
                let pos = e.map_or(0, |e| self.ast.expr(e).pos);
                self.overflow(x, pos, op_name(op, false));
                return;
            }
            if self.types.is_untyped(x.typ) {
                // Non-constant shift of an untyped constant: the constant takes
                // its type from the context ("as if the shift were not present").
                if let Some(xe) = x.expr {
                    if let Some(info) = self.untyped.get_mut(&xe) {
                        info.is_lhs = true;
                    }
                }
                x.mode = OpMode::Value;
                return;
            }
        }
        if !self.types.is_integer(x.typ) {
            let s = self.os(x);
            self.error_op(
                x,
                format!("invalid operation: shifted operand {s} must be integer"),
            );
            x.mode = OpMode::Invalid;
            return;
        }
        x.mode = OpMode::Value;
    }

    fn match_types(&mut self, x: &mut Operand, y: &mut Operand) {
        let may_convert = |c: &Self, x: &Operand, y: &Operand| -> bool {
            let t = &c.types;
            if t.is_typed(x.typ) && t.is_typed(y.typ) {
                return false;
            }
            if t.is_interface(x.typ) || t.is_interface(y.typ) {
                return true;
            }
            if t.is_boolean(x.typ) != t.is_boolean(y.typ) {
                return false;
            }
            if t.is_string(x.typ) != t.is_string(y.typ) {
                return false;
            }
            if x.is_nil() {
                return t.has_nil(y.typ);
            }
            if y.is_nil() {
                return t.has_nil(x.typ);
            }
            if t.pointer_elem(x.typ).is_some() || t.pointer_elem(y.typ).is_some() {
                return false;
            }
            true
        };
        if may_convert(self, x, y) {
            self.convert_untyped(x, y.typ);
            if x.is_invalid() {
                return;
            }
            self.convert_untyped(y, x.typ);
            if y.is_invalid() {
                x.mode = OpMode::Invalid;
            }
        }
    }

    /// A comparison (types2's `comparison`); `switch_case` words errors for switch cases.
    pub fn comparison(&mut self, x: &mut Operand, y: &mut Operand, op: Op, switch_case: bool) {
        if !x.typ.is_valid() || !y.typ.is_valid() {
            x.mode = OpMode::Invalid;
            return;
        }
        let op = if switch_case { Op::Eql } else { op };
        let mut err_y = false;
        let mut cause = String::new();
        let mut ok = self.assignable_to(x, y.typ, None);
        if !ok {
            ok = self.assignable_to(y, x.typ, None);
        }
        let mut failed = false;
        if !ok {
            err_y = true;
            cause = format!("mismatched types {} and {}", self.ts(x.typ), self.ts(y.typ));
            failed = true;
        } else {
            match op {
                Op::Eql | Op::Neq => {
                    if x.is_nil() || y.is_nil() {
                        let t = if x.is_nil() { y.typ } else { x.typ };
                        if !self.types.has_nil(t) {
                            err_y = true;
                            failed = true;
                        }
                    } else if !self.types.comparable(x.typ) {
                        cause = self.incomparable_cause(x.typ);
                        failed = true;
                    } else if !self.types.comparable(y.typ) {
                        err_y = true;
                        cause = self.incomparable_cause(y.typ);
                        failed = true;
                    }
                }
                _ => {
                    if !self.types.is_ordered(x.typ) {
                        failed = true;
                    } else if !self.types.is_ordered(y.typ) {
                        err_y = true;
                        failed = true;
                    }
                }
            }
        }
        if failed {
            let err_typ = if err_y { y.typ } else { x.typ };
            if cause.is_empty() {
                cause = format!(
                    "operator {} not defined on {}",
                    op.as_str(),
                    self.kind_string(err_typ)
                );
            }
            let xe = x.expr.map(|e| self.es(e)).unwrap_or_default();
            let ye = y.expr.map(|e| self.es(e)).unwrap_or_default();
            if switch_case {
                self.error_op(x, format!("invalid case {xe} in switch on {ye} ({cause})"));
            } else {
                let at = if err_y { y.clone() } else { x.clone() };
                self.error_op(
                    &at,
                    format!("invalid operation: {xe} {} {ye} ({cause})", op.as_str()),
                );
            }
            x.mode = OpMode::Invalid;
            return;
        }
        if x.mode == OpMode::Constant && y.mode == OpMode::Constant {
            x.val = match crate::constant::compare(&x.val, op, &y.val) {
                Some(b) => Value::Bool(b),
                None => Value::Unknown,
            };
        } else {
            x.mode = OpMode::Value;
            // Comparing an interface with a concrete value boxes the concrete one.
            if let (Some(xe), Some(ye)) = (x.expr, y.expr) {
                self.record_implicit(xe, x.typ, y.typ);
                self.record_implicit(ye, y.typ, x.typ);
            }
            let (dx, dy) = (
                self.types.default_type(x.typ),
                self.types.default_type(y.typ),
            );
            if let Some(xe) = x.expr {
                self.update_expr_type(xe, dx, true);
            }
            if let Some(ye) = y.expr {
                self.update_expr_type(ye, dy, true);
            }
        }
        x.typ = TypeId::basic(BasicKind::UntypedBool);
    }

    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.types.under(t) {
            Type::Slice(_) | Type::Signature(_) | Type::Map { .. } => {
                format!("{} can only be compared to nil", self.kind_string(t))
            }
            Type::Struct(s) => {
                for f in &s.fields {
                    if !self.types.comparable(f.typ) {
                        return format!("struct containing {} cannot be compared", self.ts(f.typ));
                    }
                }
                String::new()
            }
            Type::Array { elem, .. } => format!("{} cannot be compared", self.ts(*elem)),
            _ => String::new(),
        }
    }

    pub fn kind_string(&self, t: TypeId) -> String {
        match self.types.under(t) {
            Type::Array { .. } => "array".into(),
            Type::Slice(_) => "slice".into(),
            Type::Struct(_) => "struct".into(),
            Type::Pointer(_) => "pointer".into(),
            Type::Signature(_) => "func".into(),
            Type::Interface(_) => "interface".into(),
            Type::Map { .. } => "map".into(),
            Type::Chan { .. } => "chan".into(),
            _ => self.ts(t),
        }
    }

    // ---- constants and untyped values ----

    /// Reports constant overflow (types2's `overflow`).
    pub fn overflow(&mut self, x: &mut Operand, op_pos: u32, op_name: &str) {
        if x.val.is_unknown() {
            if self.types.is_untyped(x.typ) && self.types.is_integer(x.typ) {
                self.error_at(op_pos, format!("constant {op_name}overflow"));
            } else {
                self.error_at(op_pos, "constant result is not representable".into());
            }
            x.mode = OpMode::Invalid;
            return;
        }
        if self.types.is_typed(x.typ) {
            let t = self.types.underlying(x.typ);
            self.representable(x, t);
        }
    }

    /// Checks that constant `x` is representable by basic type `t`; rounds it (types2's `representable`).
    pub fn representable(&mut self, x: &mut Operand, t: TypeId) {
        match self.representation(x, t) {
            Ok(v) => x.val = v,
            Err(code) => {
                self.invalid_conversion(code, x, t);
                x.mode = OpMode::Invalid;
            }
        }
    }

    fn representation(&self, x: &Operand, t: TypeId) -> Result<Value, ConvCode> {
        let Some(kind) = self.types.basic_kind(t) else {
            return Err(ConvCode::InvalidConstVal);
        };
        match representable_const(&x.val, kind) {
            Some(v) => Ok(v),
            None => {
                if self.types.is_numeric(x.typ) && kind.is_numeric() {
                    if !self.types.is_integer(x.typ) && kind.is_integer() {
                        Err(ConvCode::TruncatedFloat)
                    } else {
                        Err(ConvCode::NumericOverflow)
                    }
                } else {
                    Err(ConvCode::InvalidConstVal)
                }
            }
        }
    }

    fn invalid_conversion(&mut self, code: ConvCode, x: &Operand, t: TypeId) {
        let (xs, ts) = (self.os(x), self.ts(t));
        let msg = match code {
            ConvCode::TruncatedFloat => format!("{xs} truncated to {ts}"),
            ConvCode::NumericOverflow => format!("{xs} overflows {ts}"),
            _ => format!("cannot convert {xs} to type {ts}"),
        };
        self.error_op(x, msg);
    }

    /// Converts an untyped operand to `target` (types2's `convertUntyped`).
    pub fn convert_untyped(&mut self, x: &mut Operand, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Err(code) => {
                let t = if self.types.underlying(target).is_valid() {
                    self.types.underlying(target)
                } else {
                    target
                };
                self.invalid_conversion(code, x, t);
                x.mode = OpMode::Invalid;
            }
            Ok((new_type, val)) => {
                if let Some(v) = val {
                    x.val = v.clone();
                    if let Some(e) = x.expr {
                        if let Some(info) = self.untyped.get_mut(&e) {
                            info.val = v;
                        }
                    }
                }
                if new_type != x.typ {
                    x.typ = new_type;
                    if let Some(e) = x.expr {
                        self.update_expr_type(e, new_type, false);
                    }
                }
            }
        }
    }

    /// The type (and rounded value) an untyped operand takes when used as a
    /// `target` (types2's `implicitTypeAndValue`).
    pub fn implicit_type_and_value(
        &self,
        x: &Operand,
        target: TypeId,
    ) -> Result<(TypeId, Option<Value>), ConvCode> {
        if x.is_invalid() || self.types.is_typed(x.typ) || !target.is_valid() {
            return Ok((x.typ, None));
        }
        if self.types.is_untyped(target) {
            // Both untyped: the "larger" kind.
            let (a, b) = (self.types.basic_kind(x.typ), self.types.basic_kind(target));
            if let (Some(a), Some(b)) = (a, b) {
                if a.is_numeric() && b.is_numeric() {
                    return Ok((if a >= b { x.typ } else { target }, None));
                }
                if a == b {
                    return Ok((x.typ, None));
                }
            }
            return Err(ConvCode::InvalidUntyped);
        }
        if x.is_nil() {
            return if self.types.has_nil(target) {
                Ok((target, None))
            } else {
                Err(ConvCode::InvalidUntyped)
            };
        }
        match self.types.under(target) {
            Type::Basic { kind, .. } => {
                if x.mode == OpMode::Constant {
                    let v = self.representation(x, target)?;
                    return Ok((target, Some(v)));
                }
                let xk = self.types.basic_kind(x.typ).unwrap_or(BasicKind::Invalid);
                let ok = match xk {
                    BasicKind::UntypedBool => kind.is_boolean(),
                    BasicKind::UntypedInt | BasicKind::UntypedRune | BasicKind::UntypedFloat => {
                        kind.is_numeric()
                    }
                    BasicKind::UntypedString => kind.is_string(),
                    _ => false,
                };
                if !ok {
                    return Err(ConvCode::InvalidUntyped);
                }
            }
            Type::Interface(i) => {
                if !i.all.is_empty() {
                    return Err(ConvCode::InvalidUntyped);
                }
                return Ok((self.types.default_type(x.typ), None));
            }
            _ => return Err(ConvCode::InvalidUntyped),
        }
        Ok((target, None))
    }

    /// Propagates a final type down an untyped expression tree (types2's `updateExprType`).
    pub fn update_expr_type(&mut self, e: ExprId, typ: TypeId, fin: bool) {
        let Some(old) = self.untyped.get(&e).cloned() else {
            return;
        };
        match self.ast.expr(e).kind.clone() {
            ExprKind::Paren(x) => self.update_expr_type(x, typ, fin),
            ExprKind::Operation { op, x, y } => {
                if old.val.is_unknown() || old.mode != OpMode::Constant {
                    match y {
                        None => {
                            if op != Op::Mul {
                                self.update_expr_type(x, typ, fin);
                            }
                        }
                        Some(y) => {
                            if op.is_comparison() {
                                // Result type does not depend on operand types.
                            } else if matches!(op, Op::Shl | Op::Shr) {
                                self.update_expr_type(x, typ, fin);
                            } else {
                                self.update_expr_type(x, typ, fin);
                                self.update_expr_type(y, typ, fin);
                            }
                        }
                    }
                }
            }
            ExprKind::Name(_)
            | ExprKind::BasicLit { .. }
            | ExprKind::Selector { .. }
            | ExprKind::Call { .. } => {}
            _ => return,
        }
        if !fin && self.types.is_untyped(typ) {
            if let Some(info) = self.untyped.get_mut(&e) {
                info.typ = typ;
            }
            return;
        }
        self.untyped.remove(&e);
        if old.is_lhs && !self.types.is_integer(typ) {
            let (es, ts) = (self.es(e), self.ts(typ));
            self.error_expr(
                e,
                format!("invalid operation: shifted operand {es} (type {ts}) must be integer"),
            );
            return;
        }
        let mut val = old.val.clone();
        if old.mode == OpMode::Constant && !old.val.is_unknown() {
            let mut c = Operand {
                mode: old.mode,
                expr: Some(e),
                typ: old.typ,
                val: old.val.clone(),
                builtin: None,
            };
            self.convert_untyped(&mut c, typ);
            if c.is_invalid() {
                return;
            }
            val = c.val;
        }
        self.record(e, old.mode, typ, &val);
    }

    /// Checks that `T` can be the dynamic type of `x` (types2's `typeAssertion`).
    pub fn type_assertion(&mut self, e: ExprId, x: &Operand, t: TypeId, type_switch: bool) {
        let mut cause = String::new();
        if self.assertable_to(x.typ, t, &mut cause) {
            return;
        }
        if type_switch {
            let (es, xs, ts) = (self.es(e), self.os(x), self.ts(t));
            self.error_expr(e, format!("impossible type switch case: {es}\n\t{xs} cannot have dynamic type {ts} {cause}"));
        } else {
            let (es, ts, xts) = (self.es(e), self.ts(t), self.ts(x.typ));
            self.error_expr(
                e,
                format!("impossible type assertion: {es}\n\t{ts} does not implement {xts} {cause}"),
            );
        }
    }

    // ---- literals ----

    fn composite_lit(
        &mut self,
        x: &mut Operand,
        e: ExprId,
        texpr: Option<ExprId>,
        elems: &[ExprId],
        rbrace: u32,
        hint: Option<TypeId>,
    ) -> ExprKindClass {
        let (typ, base);
        match (texpr, hint) {
            (Some(te), _) => {
                if let ExprKind::ArrayType { len: None, elem } = &self.ast.expr(te).kind {
                    // [...]T{...}: the length is the number of elements.
                    let et = self.var_type(*elem);
                    let n = self.indexed_elts(elems, et, -1);
                    let t = self.types.array(n, et);
                    self.record(te, OpMode::TypeExpr, t, &Value::Unknown);
                    x.mode = OpMode::Value;
                    x.typ = t;
                    return ExprKindClass::Expression;
                }
                typ = self.typ(te);
                base = typ;
            }
            (None, Some(h)) => {
                typ = h;
                base = self.types.deref(self.types.underlying(h)).0;
            }
            (None, None) => {
                self.error_expr(e, "missing type in composite literal".into());
                return self.invalid_expr(x);
            }
        }
        let ubase = self.types.underlying(base);
        match self.types.get(ubase).clone() {
            Type::Struct(st) => {
                if elems.is_empty() {
                    // nothing to check
                } else if matches!(self.ast.expr(elems[0]).kind, ExprKind::KeyValue { .. }) {
                    let mut visited = vec![false; st.fields.len()];
                    for &el in elems {
                        let ExprKind::KeyValue { key, value } = self.ast.expr(el).kind else {
                            self.error_expr(
                                el,
                                "mixture of field:value and value elements in struct literal"
                                    .into(),
                            );
                            continue;
                        };
                        let mut v = Operand::invalid();
                        self.expr(&mut v, value);
                        let Some(ksym) = self.ast.name_sym(key) else {
                            let ks = self.es(key);
                            self.error_expr(
                                el,
                                format!("invalid field name {ks} in struct literal"),
                            );
                            continue;
                        };
                        let Some(i) = st.fields.iter().position(|f| {
                            f.name == ksym && (f.exported || f.pkg == Some(self.pkg))
                        }) else {
                            let kname = self.ast.str(ksym).to_string();
                            let alt = st
                                .fields
                                .iter()
                                .find(|f| self.ast.str(f.name).eq_ignore_ascii_case(&kname))
                                .map(|f| f.obj);
                            let msg = self.lookup_error(base, &kname, alt, true);
                            self.error_expr(key, msg);
                            continue;
                        };
                        let fld = &st.fields[i];
                        self.record_use(key, fld.obj);
                        let ft = fld.typ;
                        self.assignment(&mut v, Some(ft), "struct literal");
                        if visited[i] {
                            let kname = self.ast.str(ksym).to_string();
                            self.error_expr(
                                el,
                                format!("duplicate field name {kname} in struct literal"),
                            );
                            continue;
                        }
                        visited[i] = true;
                    }
                } else {
                    for (i, &el) in elems.iter().enumerate() {
                        if matches!(self.ast.expr(el).kind, ExprKind::KeyValue { .. }) {
                            self.error_expr(
                                el,
                                "mixture of field:value and value elements in struct literal"
                                    .into(),
                            );
                            continue;
                        }
                        let mut v = Operand::invalid();
                        self.expr(&mut v, el);
                        if i >= st.fields.len() {
                            let bs = self.ts(base);
                            self.error_op(
                                &v,
                                format!("too many values in struct literal of type {bs}"),
                            );
                            break;
                        }
                        let fld = &st.fields[i];
                        if !fld.exported && fld.pkg != Some(self.pkg) {
                            let (fname, bs) = (self.ast.str(fld.name).to_string(), self.ts(base));
                            self.error_op(
                                &v,
                                format!("implicit assignment to unexported field {fname} in struct literal of type {bs}"),
                            );
                            continue;
                        }
                        let ft = fld.typ;
                        self.assignment(&mut v, Some(ft), "struct literal");
                    }
                    if elems.len() < st.fields.len() {
                        let bs = self.ts(base);
                        self.error_at(
                            rbrace,
                            format!("too few values in struct literal of type {bs}"),
                        );
                    }
                }
            }
            Type::Array { len, elem } => {
                self.indexed_elts(elems, elem, len);
            }
            Type::Slice(elem) => {
                self.indexed_elts(elems, elem, -1);
            }
            Type::Map { key, value } => {
                let key_is_iface = self.types.is_interface(key);
                let mut seen: Vec<(String, TypeId)> = Vec::new();
                for &el in elems {
                    let ExprKind::KeyValue { key: k, value: v } = self.ast.expr(el).kind else {
                        self.error_expr(el, "missing key in map literal".into());
                        continue;
                    };
                    let mut kx = Operand::invalid();
                    self.expr_with_hint(&mut kx, k, key);
                    self.assignment(&mut kx, Some(key), "map literal");
                    if kx.is_invalid() {
                        continue;
                    }
                    if kx.mode == OpMode::Constant {
                        let kv = key_val(&kx.val);
                        let dup = seen.iter().any(|(s, t)| {
                            *s == kv && (!key_is_iface || self.types.identical(*t, kx.typ))
                        });
                        if dup {
                            let s = kx.val.go_string();
                            self.error_op(&kx, format!("duplicate key {s} in map literal"));
                            continue;
                        }
                        seen.push((kv, kx.typ));
                    }
                    let mut vx = Operand::invalid();
                    self.expr_with_hint(&mut vx, v, value);
                    self.assignment(&mut vx, Some(value), "map literal");
                }
            }
            _ => {
                for &el in elems {
                    let el = match self.ast.expr(el).kind {
                        ExprKind::KeyValue { value, .. } => value,
                        _ => el,
                    };
                    self.use_exprs(&[el]);
                }
                if ubase.is_valid() {
                    let s = self.ts(typ);
                    self.error_expr(e, format!("invalid composite literal type {s}"));
                }
                return self.invalid_expr(x);
            }
        }
        x.mode = OpMode::Value;
        x.typ = typ;
        ExprKindClass::Expression
    }

    /// Checks array/slice literal elements; returns the length (types2's `indexedElts`).
    fn indexed_elts(&mut self, elems: &[ExprId], typ: TypeId, length: i64) -> i64 {
        let mut visited: FxHashSet<i64> = FxHashSet::default();
        let mut index: i64 = 0;
        let mut max: i64 = 0;
        for &e in elems {
            let mut validx = false;
            let mut el = e;
            if let ExprKind::KeyValue { key, value } = self.ast.expr(e).kind {
                if let Some(i) = self.index_const(key, length) {
                    if i >= 0 {
                        index = i;
                        validx = true;
                    } else {
                        let ks = self.es(key);
                        self.error_expr(e, format!("index {ks} must be integer constant"));
                    }
                }
                el = value;
            } else if length >= 0 && index >= length {
                self.error_expr(e, format!("index {index} is out of bounds (>= {length})"));
            } else {
                validx = true;
            }
            if validx && !visited.insert(index) {
                self.error_expr(
                    e,
                    format!("duplicate index {index} in array or slice literal"),
                );
            }
            index += 1;
            if index > max {
                max = index;
            }
            let mut x = Operand::invalid();
            self.expr_with_hint(&mut x, el, typ);
            self.assignment(&mut x, Some(typ), "array or slice literal");
        }
        max
    }

    /// A constant index in a literal; `Some(-1)` if not a constant.
    fn index_const(&mut self, key: ExprId, length: i64) -> Option<i64> {
        let mut x = Operand::invalid();
        self.expr(&mut x, key);
        if x.is_invalid() {
            return None;
        }
        if x.mode != OpMode::Constant {
            return Some(-1);
        }
        let _ = length;
        self.convert_untyped(&mut x, TypeId::basic(BasicKind::Int));
        if x.is_invalid() {
            return None;
        }
        match x.val.to_i64() {
            Some(v) if v >= 0 => Some(v),
            _ => {
                let s = self.os(&x);
                self.error_op(
                    &x,
                    format!("index {s} must be non-negative integer constant"),
                );
                None
            }
        }
    }
}

/// A key for duplicate detection of constant map keys.
fn key_val(v: &Value) -> String {
    match v {
        Value::Float(f) if f.fract() == 0.0 => format!("i{}", *f as i128),
        Value::Int(i) => format!("i{i}"),
        Value::Float(f) => format!("f{f}"),
        Value::Rat(n, 1) => format!("i{n}"),
        Value::Rat(..) => format!("f{}", v.to_float().unwrap_or(0.0)),
        Value::String(s) => format!("s{s}"),
        Value::Bool(b) => format!("b{b}"),
        Value::BigFloat(m, e) => format!("x{m}p{e}"),
        Value::Unknown => "?".into(),
    }
}

/// Whether `v` is representable by a value of basic kind `kind`; returns the rounded value.
pub(crate) fn representable_const(v: &Value, kind: BasicKind) -> Option<Value> {
    use BasicKind::*;
    if v.is_unknown() {
        return Some(Value::Unknown);
    }
    if kind.is_integer() {
        let i = v.to_int()?;
        let ok = match kind {
            Int | Int64 => i64::try_from(i).is_ok(),
            Int8 => i8::try_from(i).is_ok(),
            Int16 => i16::try_from(i).is_ok(),
            Int32 => i32::try_from(i).is_ok(),
            Uint | Uint64 | Uintptr => u64::try_from(i).is_ok(),
            Uint8 => u8::try_from(i).is_ok(),
            Uint16 => u16::try_from(i).is_ok(),
            Uint32 => u32::try_from(i).is_ok(),
            UntypedInt | UntypedRune => true,
            _ => false,
        };
        return ok.then_some(Value::Int(i));
    }
    if kind.is_float() {
        let f = v.to_float()?;
        return match kind {
            Float32 => {
                let r = f as f32;
                r.is_finite().then_some(Value::Float(r as f64))
            }
            Float64 => f.is_finite().then_some(Value::Float(f)),
            _ => Some(v.clone()),
        };
    }
    if kind.is_string() {
        return matches!(v, Value::String(_)).then(|| v.clone());
    }
    if kind.is_boolean() {
        return matches!(v, Value::Bool(_)).then(|| v.clone());
    }
    None
}
