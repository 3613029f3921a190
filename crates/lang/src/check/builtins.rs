//! Built-in functions (types2's `builtins.go`) and index/slice expressions (`index.go`).

use super::*;

impl Checker<'_> {
    /// Checks a call of a builtin; false if the call is invalid.
    pub fn builtin(
        &mut self,
        x: &mut Operand,
        call: ExprId,
        id: Builtin,
        arg_list: &[ExprId],
        has_dots: bool,
    ) -> bool {
        let name = id.name();
        if has_dots && id != Builtin::Append {
            let pos = self.ast.expr(call).span.hi.saturating_sub(4);
            self.error_at(
                pos,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            self.use_exprs(arg_list);
            return false;
        }
        let saved_hcr = self.has_call_or_recv;
        if matches!(id, Builtin::Len | Builtin::Cap) {
            self.has_call_or_recv = false;
        }
        let mut args: Vec<Operand> = Vec::new();
        let nargs;
        match id {
            Builtin::Make | Builtin::New => nargs = arg_list.len(),
            _ => {
                args = self.expr_list(arg_list);
                nargs = args.len();
                if args.iter().any(|a| a.is_invalid()) {
                    self.has_call_or_recv |= saved_hcr;
                    return false;
                }
                if let Some(a) = args.first() {
                    *x = a.clone();
                }
            }
        }
        let (min, variadic) = id.arity();
        let msg = if nargs < min {
            "not enough"
        } else if !variadic && nargs > min {
            "too many"
        } else {
            ""
        };
        if !msg.is_empty() {
            let pos = if nargs > min && !arg_list.is_empty() {
                self.ast.start_pos(arg_list[min.min(arg_list.len() - 1)])
            } else {
                self.ast.expr(call).span.hi.saturating_sub(1)
            };
            let cs = self.es(call);
            self.error_at(
                pos,
                format!(
                    "invalid operation: {msg} arguments for {cs} (expected {min}, found {nargs})"
                ),
            );
            return false;
        }
        let ok = self.builtin_inner(x, call, id, arg_list, &mut args, nargs, has_dots);
        if matches!(id, Builtin::Len | Builtin::Cap) {
            self.has_call_or_recv = saved_hcr;
        }
        ok
    }

    #[allow(clippy::too_many_arguments)]
    fn builtin_inner(
        &mut self,
        x: &mut Operand,
        call: ExprId,
        id: Builtin,
        arg_list: &[ExprId],
        args: &mut [Operand],
        nargs: usize,
        has_dots: bool,
    ) -> bool {
        let name = id.name();
        let int_t = TypeId::basic(BasicKind::Int);
        match id {
            Builtin::Append => {
                let s = x.typ;
                let Type::Slice(elem) = self.types.under(s).clone() else {
                    let cause = if x.is_nil() {
                        "have untyped nil".to_string()
                    } else {
                        format!("have {}", self.os(x))
                    };
                    self.error_op(
                        x,
                        format!("first argument to append must be a slice; {cause}"),
                    );
                    return false;
                };
                if nargs == 2 && has_dots {
                    let byte_slice = self.types.slice(BYTE);
                    if self.assignable_to(x, byte_slice, None) && self.types.is_string(args[1].typ)
                    {
                        if let Some(e) = args[1].expr {
                            let t = self.types.default_type(args[1].typ);
                            self.update_expr_type(e, t, true);
                        }
                        x.mode = OpMode::Value;
                        x.typ = s;
                        return true;
                    }
                }
                let slice_t = self.types.slice(elem);
                let sig = Signature {
                    params: vec![
                        Param { name: None, typ: s },
                        Param {
                            name: None,
                            typ: slice_t,
                        },
                    ],
                    results: vec![Param { name: None, typ: s }],
                    variadic: true,
                };
                let fun = match self.ast.expr(call).kind {
                    ExprKind::Call { fun, .. } => fun,
                    _ => call,
                };
                let pack = self.arguments(call, fun, &sig, args.to_vec(), has_dots, arg_list);
                if let Some(ci) = self.info.calls.get_mut(&call) {
                    ci.pack_variadic = pack;
                }
                x.mode = OpMode::Value;
                x.typ = s;
            }
            Builtin::Cap | Builtin::Len => {
                let mut mode = OpMode::Invalid;
                let mut val = Value::Unknown;
                let mut u = self.types.underlying(x.typ);
                if let Type::Pointer(p) = self.types.get(u) {
                    if let Type::Array { .. } = self.types.under(*p) {
                        u = self.types.underlying(*p);
                    }
                }
                match self.types.get(u).clone() {
                    Type::Basic { kind, .. } if kind.is_string() && id == Builtin::Len => {
                        if x.mode == OpMode::Constant {
                            mode = OpMode::Constant;
                            val = Value::Int(x.val.as_str().map_or(0, |s| s.len()) as i128);
                        } else {
                            mode = OpMode::Value;
                        }
                    }
                    Type::Array { len, .. } => {
                        mode = OpMode::Value;
                        if !self.has_call_or_recv {
                            mode = OpMode::Constant;
                            val = Value::Int(len as i128);
                        }
                    }
                    Type::Slice(_) | Type::Chan { .. } => mode = OpMode::Value,
                    Type::Map { .. } if id == Builtin::Len => mode = OpMode::Value,
                    _ => {}
                }
                if mode == OpMode::Invalid {
                    if self.types.underlying(x.typ).is_valid() {
                        let s = self.os(x);
                        self.error_op(x, format!("invalid argument: {s} for built-in {name}"));
                    }
                    return false;
                }
                x.mode = mode;
                x.typ = int_t;
                x.val = val;
            }
            Builtin::Clear => {
                if !matches!(self.types.under(x.typ), Type::Map { .. } | Type::Slice(_)) {
                    let s = self.os(x);
                    self.error_op(
                        x,
                        format!("invalid argument: cannot clear {s}: argument must be (or constrained by) map or slice"),
                    );
                    return false;
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Close => {
                match self.types.under(x.typ) {
                    Type::Chan { dir, .. } => {
                        if *dir == ChanDir::Recv {
                            let s = self.os(x);
                            self.error_op(
                                x,
                                format!("invalid operation: cannot close receive-only channel {s}"),
                            );
                            return false;
                        }
                    }
                    _ => {
                        let s = self.os(x);
                        self.error_op(
                            x,
                            format!("invalid operation: cannot close non-channel {s}"),
                        );
                        return false;
                    }
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Complex | Builtin::Real | Builtin::Imag => {
                self.error_expr(
                    call,
                    "complex numbers are not supported by the playground".into(),
                );
                return false;
            }
            Builtin::Copy => {
                let y = args[1].clone();
                let dst = match self.types.under(x.typ) {
                    Type::Slice(e) => Some(*e),
                    _ => None,
                };
                let src = if self.types.is_string(y.typ) {
                    Some(BYTE)
                } else {
                    match self.types.under(y.typ) {
                        Type::Slice(e) => Some(*e),
                        _ => None,
                    }
                };
                let (Some(d), Some(s)) = (dst, src) else {
                    let (xs, ys) = (self.os(x), self.os(&y));
                    self.error_op(
                        x,
                        format!(
                            "invalid argument: copy expects slice arguments; found {xs} and {ys}"
                        ),
                    );
                    return false;
                };
                if !self.types.identical(d, s) {
                    let (xs, ys, ds, ss) = (self.os(x), self.os(&y), self.ts(d), self.ts(s));
                    self.error_op(
                        x,
                        format!("invalid argument: arguments to copy {xs} and {ys} have different element types {ds} and {ss}"),
                    );
                    return false;
                }
                if let Some(e) = y.expr {
                    let t = self.types.default_type(y.typ);
                    self.update_expr_type(e, t, true);
                }
                x.mode = OpMode::Value;
                x.typ = int_t;
            }
            Builtin::Delete => {
                let Type::Map { key, .. } = self.types.under(x.typ).clone() else {
                    let s = self.os(x);
                    self.error_op(x, format!("invalid argument: {s} is not a map"));
                    return false;
                };
                *x = args[1].clone();
                self.assignment(x, Some(key), "argument to delete");
                if x.is_invalid() {
                    return false;
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Make => {
                let arg0 = arg_list[0];
                let t = self.var_type(arg0);
                if !t.is_valid() {
                    return false;
                }
                let min = match self.types.under(t) {
                    Type::Slice(_) => 2,
                    Type::Map { .. } | Type::Chan { .. } => 1,
                    _ => {
                        let s = self.es(arg0);
                        self.error_expr(arg0, format!("invalid argument: cannot make {s}; type must be slice, map, or channel"));
                        return false;
                    }
                };
                if nargs < min || min + 1 < nargs {
                    let s = self.es(call);
                    self.error_expr(
                        call,
                        format!(
                            "invalid operation: {s} expects {min} or {} arguments; found {nargs}",
                            min + 1
                        ),
                    );
                    return false;
                }
                let mut sizes = Vec::new();
                for &a in &arg_list[1..] {
                    let (_, size) = self.index(a, -1);
                    if size >= 0 {
                        sizes.push(size);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error_expr(
                        arg_list[1],
                        "invalid argument: length and capacity swapped".into(),
                    );
                }
                x.mode = OpMode::Value;
                x.typ = t;
            }
            Builtin::Max | Builtin::Min => {
                let op = if id == Builtin::Max {
                    crate::token::Op::Gtr
                } else {
                    crate::token::Op::Lss
                };
                for i in 0..args.len() {
                    let mut a = args[i].clone();
                    if !self.types.is_ordered(a.typ) {
                        let s = self.os(&a);
                        self.error_op(&a, format!("invalid argument: {s} cannot be ordered"));
                        return false;
                    }
                    if i > 0 {
                        self.match_types_pub(x, &mut a);
                        if x.is_invalid() {
                            return false;
                        }
                        if !self.types.identical(x.typ, a.typ) {
                            let (xt, at, ae) = (
                                self.ts(x.typ),
                                self.ts(a.typ),
                                a.expr.map(|e| self.es(e)).unwrap_or_default(),
                            );
                            self.error_op(
                                &a,
                                format!("invalid argument: mismatched types {xt} (previous argument) and {at} (type of {ae})"),
                            );
                            return false;
                        }
                        if x.mode == OpMode::Constant && a.mode == OpMode::Constant {
                            if crate::constant::compare(&a.val, op, &x.val) == Some(true) {
                                *x = a.clone();
                            }
                        } else {
                            x.mode = OpMode::Value;
                        }
                    }
                    args[i] = a;
                }
                if x.mode != OpMode::Constant {
                    x.mode = OpMode::Value;
                    let any = self.empty_iface;
                    self.assignment(x, Some(any), &format!("argument to built-in {name}"));
                    if x.is_invalid() {
                        return false;
                    }
                    // The result has the (defaulted) type of the arguments.
                    if let Some(i) = self.info.implicit_conversions.keys().next().copied() {
                        let _ = i;
                    }
                }
                let t = x.typ;
                for a in args.iter() {
                    if let Some(e) = a.expr {
                        self.info.implicit_conversions.remove(&e);
                        self.update_expr_type(e, t, true);
                    }
                }
            }
            Builtin::New => {
                let t = self.var_type(arg_list[0]);
                if !t.is_valid() {
                    return false;
                }
                x.mode = OpMode::Value;
                x.typ = self.types.pointer(t);
            }
            Builtin::Panic => {
                let any = self.empty_iface;
                self.assignment(x, Some(any), "argument to panic");
                if x.is_invalid() {
                    return false;
                }
                self.panics.insert(call);
                x.mode = OpMode::NoValue;
            }
            Builtin::Print | Builtin::Println => {
                for a in args.iter_mut() {
                    self.assignment(a, None, &format!("argument to built-in{name}"));
                    if a.is_invalid() {
                        return false;
                    }
                }
                x.mode = OpMode::NoValue;
            }
            Builtin::Recover => {
                x.mode = OpMode::Value;
                x.typ = self.empty_iface;
            }
        }
        true
    }

    pub fn match_types_pub(&mut self, x: &mut Operand, y: &mut Operand) {
        // Same rules as binary operands.
        let t = &self.types;
        if t.is_typed(x.typ) && t.is_typed(y.typ) {
            return;
        }
        self.convert_untyped(x, y.typ);
        if x.is_invalid() {
            return;
        }
        self.convert_untyped(y, x.typ);
        if y.is_invalid() {
            x.mode = OpMode::Invalid;
        }
    }

    // ---- index expressions ----

    pub fn index_expr(&mut self, x: &mut Operand, e: ExprId, base: ExprId, index: ExprId) {
        self.expr_or_type(x, base);
        match x.mode {
            OpMode::Invalid => {
                self.use_exprs(&[index]);
                return;
            }
            OpMode::TypeExpr => {
                self.error_expr(e, "generics are not supported by the playground".into());
                x.mode = OpMode::Invalid;
                return;
            }
            OpMode::Value if self.types.signature(x.typ).is_some() && self.is_generic_use(base) => {
                self.error_expr(e, "generics are not supported by the playground".into());
                x.mode = OpMode::Invalid;
                return;
            }
            _ => {}
        }
        let mut valid = false;
        let mut length: i64 = -1;
        match self.types.under(x.typ).clone() {
            Type::Basic { kind, .. } if kind.is_string() => {
                valid = true;
                if x.mode == OpMode::Constant {
                    length = x.val.as_str().map_or(0, |s| s.len()) as i64;
                }
                x.mode = OpMode::Value;
                x.typ = BYTE;
            }
            Type::Array { len, elem } => {
                valid = true;
                length = len;
                if x.mode != OpMode::Variable {
                    x.mode = OpMode::Value;
                }
                x.typ = elem;
            }
            Type::Pointer(p) => {
                if let Type::Array { len, elem } = self.types.under(p).clone() {
                    valid = true;
                    length = len;
                    x.mode = OpMode::Variable;
                    x.typ = elem;
                }
            }
            Type::Slice(elem) => {
                valid = true;
                x.mode = OpMode::Variable;
                x.typ = elem;
            }
            Type::Map { key, value } => {
                let Some(index) = self.single_index(index) else {
                    x.mode = OpMode::Invalid;
                    return;
                };
                let mut k = Operand::invalid();
                self.expr(&mut k, index);
                self.assignment(&mut k, Some(key), "map index");
                x.mode = OpMode::MapIndex;
                x.typ = value;
                x.expr = Some(e);
                return;
            }
            _ => {}
        }
        if !valid {
            let s = self.os(x);
            self.error_at(
                self.ast.expr(e).pos,
                format!("invalid operation: cannot index {s}"),
            );
            self.use_exprs(&[index]);
            x.mode = OpMode::Invalid;
            return;
        }
        let Some(index) = self.single_index(index) else {
            x.mode = OpMode::Invalid;
            return;
        };
        self.index(index, length);
    }

    fn is_generic_use(&self, _base: ExprId) -> bool {
        false
    }

    fn single_index(&mut self, index: ExprId) -> Option<ExprId> {
        if let ExprKind::List(l) = &self.ast.expr(index).kind {
            if l.len() <= 1 {
                return None;
            }
            self.error_expr(l[1], "invalid operation: more than one index".into());
            return Some(l[0]);
        }
        Some(index)
    }

    /// Checks an index value; returns its type and constant value (-1 if not constant).
    pub fn index(&mut self, index: ExprId, max: i64) -> (TypeId, i64) {
        let mut x = Operand::invalid();
        self.expr(&mut x, index);
        if !self.is_valid_index(&mut x, "index", false) {
            return (TypeId::INVALID, -1);
        }
        if x.mode != OpMode::Constant {
            return (x.typ, -1);
        }
        if x.val.is_unknown() {
            return (TypeId::INVALID, -1);
        }
        let v = x.val.to_i64().unwrap_or(-1);
        if max >= 0 && v >= max {
            let s = x.val.go_string();
            self.error_op(
                &x,
                format!("invalid argument: index {s} out of bounds [0:{max}]"),
            );
            return (TypeId::INVALID, -1);
        }
        (x.typ, v)
    }

    pub fn is_valid_index(&mut self, x: &mut Operand, what: &str, allow_negative: bool) -> bool {
        if x.is_invalid() {
            return false;
        }
        self.convert_untyped(x, TypeId::basic(BasicKind::Int));
        if x.is_invalid() {
            return false;
        }
        if !self.types.is_integer(x.typ) {
            let s = self.os(x);
            self.error_op(x, format!("invalid argument: {what} {s} must be integer"));
            return false;
        }
        if x.mode == OpMode::Constant {
            if !allow_negative && x.val.to_int().is_some_and(|v| v < 0) {
                let s = self.os(x);
                self.error_op(
                    x,
                    format!("invalid argument: {what} {s} must not be negative"),
                );
                return false;
            }
            if x.val.to_i64().is_none() {
                let s = self.os(x);
                self.error_op(x, format!("invalid argument: {what} {s} overflows int"));
                return false;
            }
        }
        true
    }

    pub fn slice_expr(
        &mut self,
        x: &mut Operand,
        e: ExprId,
        base: ExprId,
        index: [Option<ExprId>; 3],
        full: bool,
    ) {
        self.expr(x, base);
        if x.is_invalid() {
            let idx: Vec<ExprId> = index.iter().flatten().copied().collect();
            self.use_exprs(&idx);
            return;
        }
        let mut valid = false;
        let mut length: i64 = -1;
        match self.types.under(x.typ).clone() {
            Type::Basic { kind, .. } if kind.is_string() => {
                if full {
                    let at = index[2].unwrap_or(e);
                    self.error_expr(at, "invalid operation: 3-index slice of string".into());
                    x.mode = OpMode::Invalid;
                    return;
                }
                valid = true;
                if x.mode == OpMode::Constant {
                    length = x.val.as_str().map_or(0, |s| s.len()) as i64;
                }
                if self.types.is_untyped(x.typ) {
                    x.typ = TypeId::basic(BasicKind::String);
                }
            }
            Type::Array { len, elem } => {
                valid = true;
                length = len;
                if x.mode != OpMode::Variable {
                    let s = self.os(x);
                    self.error_op(
                        x,
                        format!("invalid operation: {s} (slice of unaddressable value)"),
                    );
                    x.mode = OpMode::Invalid;
                    return;
                }
                self.mark_addr_taken(base);
                x.typ = self.types.slice(elem);
            }
            Type::Pointer(p) => {
                if let Type::Array { len, elem } = self.types.under(p).clone() {
                    valid = true;
                    length = len;
                    x.typ = self.types.slice(elem);
                }
            }
            Type::Slice(_) => valid = true,
            _ => {}
        }
        if !valid {
            let s = self.os(x);
            self.error_op(x, format!("invalid operation: cannot slice {s}"));
            x.mode = OpMode::Invalid;
            return;
        }
        x.mode = OpMode::Value;
        let mut ind = [-1i64; 3];
        for (i, ex) in index.iter().enumerate() {
            let mut v = -1;
            match ex {
                Some(ex) => {
                    let max = if length >= 0 { length + 1 } else { -1 };
                    let (_, c) = self.index(*ex, max);
                    if c >= 0 {
                        v = c;
                    }
                }
                None if i == 0 => v = 0,
                None if length >= 0 => v = length,
                None => {}
            }
            ind[i] = v;
        }
        'outer: for i in 0..2 {
            let xi = ind[i];
            if xi > 0 {
                for (j, &y) in ind[i + 1..].iter().enumerate() {
                    if y >= 0 && y < xi {
                        if let Some(at) = index[i + 1 + j] {
                            self.error_expr(at, format!("invalid slice indices: {y} < {xi}"));
                        }
                        break 'outer;
                    }
                }
            }
        }
    }
}
