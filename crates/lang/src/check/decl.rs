//! Declarations: lazy resolution of package-level objects, local declarations,
//! methods, function bodies and package initialization order (types2's `decl.go`).

use super::*;

/// A function signature with its scope and parameter objects.
pub(crate) struct FuncSig {
    pub sig: TypeId,
    pub scope: ScopeId,
    pub recv: Option<ObjId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    pub named_results: bool,
}

impl Checker<'_> {
    /// Resolves a package-level object (types2's `objDecl`).
    pub fn obj_decl(&mut self, obj: ObjId) {
        match self.color(obj) {
            Color::Black => return,
            Color::Grey => {
                self.cycle(obj);
                return;
            }
            Color::White => {}
        }
        let Some(info) = self.decls.get(&obj).cloned() else {
            return;
        };
        self.colors.insert(obj, Color::Grey);
        self.obj_path.push(obj);
        let saved_env = self.env.clone();
        let saved_pkg = self.pkg;
        let saved_errpos = self.errpos;
        if let Some(p) = self.objs[obj.index()].pkg {
            self.pkg = p;
        }
        let scope = self
            .decl_file_scope
            .get(&obj)
            .copied()
            .unwrap_or(self.universe);
        self.env = Env {
            scope,
            sig: None,
            body: None,
            iota: None,
            decl_obj: Some(obj),
            in_func: false,
        };
        self.errpos = None;
        match info {
            DeclInfo::Const {
                typ,
                init,
                iota,
                inherited,
            } => self.const_decl(obj, typ, init, iota, inherited),
            DeclInfo::Var { typ, init, lhs } => self.var_decl(obj, &lhs, typ, init),
            DeclInfo::Type { decl } => self.type_decl(obj, decl),
            DeclInfo::Func { decl } => self.func_decl(obj, decl),
        }
        self.env = saved_env;
        self.pkg = saved_pkg;
        self.errpos = saved_errpos;
        self.obj_path.pop();
        self.colors.insert(obj, Color::Black);
    }

    /// A reference to an object whose declaration is in progress.
    fn cycle(&mut self, obj: ObjId) {
        match self.objs[obj.index()].kind {
            // Recursive types through names are fine (`type L struct{ next *L }`);
            // direct containment is reported by `valid_type`.
            ObjKind::TypeName | ObjKind::Func(_) => {}
            _ => {
                let start = self.obj_path.iter().position(|&o| o == obj).unwrap_or(0);
                let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
                // Functions in the cycle make it an initialization cycle only through bodies; skip those.
                if cycle
                    .iter()
                    .any(|o| matches!(self.objs[o.index()].kind, ObjKind::Func(_)))
                {
                    return;
                }
                let name = self.obj_name(obj).to_string();
                let pos = self.objs[obj.index()].pos;
                if cycle.len() == 1 {
                    self.error_at(
                        pos,
                        format!("invalid cycle in declaration: {name} refers to itself"),
                    );
                } else {
                    let mut msg = format!("initialization cycle for {name}");
                    for (i, &o) in cycle.iter().enumerate() {
                        let _ = i;
                        let n = self.obj_name(o).to_string();
                        let p = self.objs[o.index()].pos;
                        msg.push_str(&format!(
                            "\n\t{}: {n} refers to",
                            crate::diag::pos_marker(p)
                        ));
                    }
                    msg.push_str(&format!("\n\t{}: {name}", crate::diag::pos_marker(pos)));
                    self.error_at(pos, msg);
                }
                self.objs[obj.index()].typ = TypeId::INVALID;
            }
        }
    }

    fn const_decl(
        &mut self,
        obj: ObjId,
        typ: Option<ExprId>,
        init: Option<ExprId>,
        iota: u32,
        inherited: bool,
    ) {
        self.env.iota = Some(Value::Int(iota as i128));
        let mut declared = None;
        if let Some(t) = typ {
            let t = self.typ(t);
            if !self.types.is_const_type(t) {
                if self.types.underlying(t).is_valid() {
                    let s = self.ts(t);
                    if let Some(te) = typ {
                        self.error_expr(te, format!("invalid constant type {s}"));
                    }
                }
                self.objs[obj.index()].typ = TypeId::INVALID;
                return;
            }
            declared = Some(t);
        }
        let mut x = Operand::invalid();
        if let Some(init) = init {
            if inherited {
                self.errpos = Some(self.objs[obj.index()].pos);
            }
            self.expr(&mut x, init);
        }
        self.init_const(obj, declared, &mut x);
    }

    pub fn init_const(&mut self, obj: ObjId, declared: Option<TypeId>, x: &mut Operand) {
        if x.is_invalid() || !x.typ.is_valid() || declared.is_some_and(|t| !t.is_valid()) {
            self.objs[obj.index()].typ = declared.unwrap_or(TypeId::INVALID);
            if x.is_invalid() && declared.is_none() {
                self.objs[obj.index()].typ = TypeId::INVALID;
            }
            return;
        }
        if x.mode != OpMode::Constant {
            let s = self.os(x);
            self.error_op(x, format!("{s} is not constant"));
            if declared.is_none() {
                self.objs[obj.index()].typ = TypeId::INVALID;
            }
            return;
        }
        let t = declared.unwrap_or(x.typ);
        self.objs[obj.index()].typ = t;
        self.assignment(x, Some(t), "constant declaration");
        if x.is_invalid() {
            return;
        }
        self.objs[obj.index()].kind = ObjKind::Const(x.val.clone());
    }

    fn var_decl(&mut self, obj: ObjId, lhs: &[ObjId], typ: Option<ExprId>, init: Option<ExprId>) {
        if let Some(t) = typ {
            let t = self.var_type(t);
            for &o in lhs {
                self.objs[o.index()].typ = t;
            }
            self.objs[obj.index()].typ = t;
        }
        let Some(init) = init else {
            if typ.is_none() {
                self.objs[obj.index()].typ = TypeId::INVALID;
            }
            return;
        };
        // Record the initialization (once for a multi-variable declaration).
        let pkg = self.pkg.index();
        if !self.inits[pkg].iter().any(|i| i.init == init) {
            self.inits[pkg].push(Init {
                lhs: lhs.to_vec(),
                init,
            });
        }
        if lhs.len() <= 1 {
            let mut x = Operand::invalid();
            self.expr(&mut x, init);
            self.init_var(obj, typ.is_some(), &mut x, "variable declaration");
            return;
        }
        // Mark the other variables of the group as being resolved.
        for &o in lhs {
            if o != obj {
                self.colors.insert(o, Color::Grey);
            }
        }
        let declared = typ.is_some();
        self.init_vars(lhs, declared, &[init], None);
        for &o in lhs {
            if o != obj {
                self.colors.insert(o, Color::Black);
                // All variables share the initialization's dependencies.
                if let Some(d) = self.deps.get(&obj).cloned() {
                    self.deps.insert(o, d);
                }
            }
        }
    }

    fn type_decl(&mut self, obj: ObjId, decl: DeclId) {
        let DeclKind::Type {
            name,
            alias,
            tparams,
            typ,
        } = &self.ast.decl(decl).kind
        else {
            return;
        };
        if !tparams.is_empty() {
            let pos = self.ast.expr(*name).pos;
            self.error_at(pos, "generics are not supported by the playground".into());
            self.objs[obj.index()].typ = TypeId::INVALID;
            return;
        }
        if *alias {
            let t = self.typ(*typ);
            self.objs[obj.index()].typ = t;
            return;
        }
        let named = self.types.new_named(obj);
        self.objs[obj.index()].typ = named;
        self.type_path.push(obj);
        let rhs = self.def_type(*typ, Some(named));
        self.type_path.pop();
        let mut u = self.types.underlying(rhs);
        if rhs == named || (matches!(self.types.get(rhs), Type::Named(_)) && !u.is_valid()) {
            // `type T T` or a cycle through names only.
            if rhs.is_valid() {
                let pos = self.objs[obj.index()].pos;
                let n = self.obj_name(obj).to_string();
                self.error_at(pos, format!("invalid recursive type: {n} refers to itself"));
            }
            u = TypeId::INVALID;
        }
        self.types.set_underlying(named, u);
        if u.is_valid() && self.contains_directly(u, named, 0) {
            let pos = self.objs[obj.index()].pos;
            let n = self.obj_name(obj).to_string();
            self.error_at(pos, format!("invalid recursive type: {n} refers to itself"));
            self.types.set_underlying(named, TypeId::INVALID);
        }
        self.collect_methods(obj, named);
    }

    /// Whether `t` contains `named` by value (an invalid recursive type).
    fn contains_directly(&self, t: TypeId, named: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match self.types.get(t) {
            Type::Named(_) if t == named => true,
            Type::Named(n) => {
                n.underlying.is_valid() && self.contains_directly(n.underlying, named, depth + 1)
            }
            Type::Array { elem, .. } => self.contains_directly(*elem, named, depth + 1),
            Type::Struct(s) => s
                .fields
                .iter()
                .any(|f| self.contains_directly(f.typ, named, depth + 1)),
            _ => false,
        }
    }

    fn collect_methods(&mut self, obj: ObjId, named: TypeId) {
        let Some(methods) = self.methods.get(&obj).cloned() else {
            return;
        };
        let mut seen: Vec<(Sym, u32)> = Vec::new();
        for m in methods {
            let name = self.objs[m.index()].name;
            let pos = self.objs[m.index()].pos;
            if name == self.syms.blank {
                continue;
            }
            if let Some((_, alt)) = seen.iter().find(|(n, _)| *n == name) {
                let tn = self.obj_name(obj).to_string();
                let mn = self.ast.str(name).to_string();
                let alt = *alt;
                self.error_at(
                    pos,
                    format!(
                        "method {tn}.{mn} already declared at {}",
                        crate::diag::pos_marker(alt)
                    ),
                );
                continue;
            }
            seen.push((name, pos));
            if let ObjKind::Func(fi) = &mut self.objs[m.index()].kind {
                fi.recv_base = Some(named);
            }
            self.types.add_method(named, m);
        }
        // Fields and methods must not share names.
        if let Some(st) = self.types.struct_(named).cloned() {
            for f in &st.fields {
                if let Some(&(_, mpos)) = seen.iter().find(|(n, _)| *n == f.name) {
                    let fname = self.ast.str(f.name).to_string();
                    let fpos = self.objs[f.obj.index()].pos;
                    let _ = fpos;
                    self.error_at(
                        mpos,
                        format!(
                            "field and method with the same name {fname}\n\t{}: other declaration of {fname}",
                            crate::diag::pos_marker(fpos)
                        ),
                    );
                }
            }
        }
    }

    /// Resolves a function's signature (its body is checked later).
    fn func_decl(&mut self, obj: ObjId, decl: DeclId) {
        let DeclKind::Func {
            recv,
            name,
            tparams,
            typ,
            body,
        } = &self.ast.decl(decl).kind
        else {
            return;
        };
        if !tparams.is_empty() {
            let pos = self.ast.expr(*name).pos;
            self.error_at(pos, "generics are not supported by the playground".into());
            self.objs[obj.index()].typ = TypeId::INVALID;
            return;
        }
        let ExprKind::FuncType(ft) = &self.ast.expr(*typ).kind else {
            return;
        };
        let parent = self.env.scope;
        let fs = self.func_type(recv.as_ref(), ft, parent);
        self.objs[obj.index()].typ = fs.sig;
        if let Some(r) = fs.recv {
            let rt = self.objs[r.index()].typ;
            let (base, ptr) = self.types.deref(rt);
            if let ObjKind::Func(fi) = &mut self.objs[obj.index()].kind {
                fi.ptr_recv = ptr;
                if matches!(self.types.get(base), Type::Named(_)) {
                    fi.recv_base = Some(base);
                }
            }
        }
        if body.is_some() {
            self.func_sigs.insert(obj, fs);
            self.pending_bodies.push((obj, decl, parent));
        }
    }

    /// Builds a signature from a function type, creating a scope with the
    /// receiver, parameter and result variables (types2's `funcType`).
    pub fn func_type(
        &mut self,
        recv: Option<&crate::ast::Field>,
        ft: &FuncType,
        parent: ScopeId,
    ) -> FuncSig {
        let scope = self.scopes.new_scope(Some(parent), ScopeKind::Func);
        let saved = self.env.scope;
        // Parameter types are resolved in the enclosing scope.
        let mut recv_obj = None;
        if let Some(r) = recv {
            let t = self.var_type(r.typ);
            let name = r
                .name
                .and_then(|n| self.ast.name_sym(n))
                .unwrap_or(self.syms.blank);
            let pos = r
                .name
                .map_or(self.ast.start_pos(r.typ), |n| self.ast.expr(n).pos);
            self.valid_recv(pos, t);
            let mut vi = VarInfo::new(VarKind::Recv, None);
            vi.used = true;
            let o = self.new_obj(
                name,
                Some(self.pkg),
                pos,
                self.cur_file(),
                t,
                ObjKind::Var(vi),
            );
            recv_obj = Some(o);
        }
        let (params, ptypes, variadic) = self.collect_params(&ft.params, true, VarKind::Param);
        let (results, rtypes, _) = self.collect_params(&ft.results, false, VarKind::Result);
        let named_results = ft.results.iter().any(|f| f.name.is_some());
        self.env.scope = saved;
        // Declare in the function scope (receiver, params, results; types2 order).
        for &o in recv_obj.iter().chain(&params).chain(&results) {
            let ident = None;
            if self.objs[o.index()].name != self.syms.blank {
                self.declare(scope, ident, o);
            }
        }
        let sig = self.types.new_signature(Signature {
            params: ptypes,
            results: rtypes,
            variadic,
        });
        FuncSig {
            sig,
            scope,
            recv: recv_obj,
            params,
            results,
            named_results,
        }
    }

    fn collect_params(
        &mut self,
        list: &[crate::ast::Field],
        variadic_ok: bool,
        kind: VarKind,
    ) -> (Vec<ObjId>, Vec<Param>, bool) {
        let mut objs = Vec::new();
        let mut ps = Vec::new();
        let mut variadic = false;
        let mut prev_typ: Option<(ExprId, TypeId)> = None;
        for (i, f) in list.iter().enumerate() {
            let mut texpr = f.typ;
            let mut is_dots = false;
            if let ExprKind::DotsType { elem } = &self.ast.expr(texpr).kind {
                texpr = *elem;
                is_dots = true;
                if variadic_ok && i + 1 == list.len() && !list.is_empty() {
                    variadic = true;
                } else {
                    let p = self.ast.expr(f.typ).pos;
                    self.soft_error_at(p, "can only use ... with final parameter in list".into());
                }
            }
            // Fields sharing a type expression share the resolved type.
            let t = match prev_typ {
                Some((e, t)) if e == f.typ => t,
                _ => {
                    let t = self.var_type(texpr);
                    let t = if is_dots { self.types.slice(t) } else { t };
                    prev_typ = Some((f.typ, t));
                    t
                }
            };
            let name = f
                .name
                .and_then(|n| self.ast.name_sym(n))
                .unwrap_or(self.syms.blank);
            let pos = f
                .name
                .map_or(self.ast.start_pos(f.typ), |n| self.ast.expr(n).pos);
            let mut vi = VarInfo::new(kind, None);
            vi.used = true;
            let o = self.new_obj(
                name,
                Some(self.pkg),
                pos,
                self.cur_file(),
                t,
                ObjKind::Var(vi),
            );
            if let Some(n) = f.name {
                self.record_def(n, o);
            }
            objs.push(o);
            ps.push(Param {
                name: f.name.and_then(|n| self.ast.name_sym(n)),
                typ: t,
            });
        }
        (objs, ps, variadic)
    }

    /// Checks a receiver type (types2's `validRecv`).
    fn valid_recv(&mut self, pos: u32, t: TypeId) {
        if !t.is_valid() {
            return;
        }
        let (base, _) = self.types.deref(t);
        if !base.is_valid() {
            return;
        }
        match self.types.get(base) {
            Type::Named(n) => {
                let bobj = n.obj;
                if self.objs[bobj.index()].pkg != Some(self.pkg) {
                    let s = self.ts(base);
                    self.error_at(
                        pos,
                        format!("cannot define new methods on non-local type {s}"),
                    );
                    return;
                }
                let u = n.underlying;
                match self.types.get(u) {
                    Type::Pointer(_) | Type::Interface(_) => {
                        let s = self.ts(base);
                        self.error_at(
                            pos,
                            format!("invalid receiver type {s} (pointer or interface type)"),
                        );
                    }
                    _ => {}
                }
            }
            Type::Basic { .. } => {
                let s = self.ts(base);
                self.error_at(
                    pos,
                    format!("cannot define new methods on non-local type {s}"),
                );
            }
            _ => {
                let s = self.ts(t);
                self.error_at(pos, format!("invalid receiver type {s}"));
            }
        }
    }

    pub fn cur_file(&self) -> Option<FileId> {
        self.pkgs
            .get(self.pkg.index())
            .and_then(|p| p.files.first().copied())
    }

    /// Checks all package-level declarations of the current package, then all function bodies.
    pub fn check_package_decls(&mut self) {
        let pkg_scope = self.pkgs[self.pkg.index()].scope;
        let order = self.scopes.scopes[pkg_scope.index()].order.clone();
        // Types first, then everything else, in source order (types2's packageObjects).
        let (types, others): (Vec<ObjId>, Vec<ObjId>) = order
            .into_iter()
            .partition(|o| matches!(self.objs[o.index()].kind, ObjKind::TypeName));
        for o in types {
            self.obj_decl(o);
        }
        // Method signatures next (types2 resolves them on demand when a
        // method set is needed; declaring them before variables and
        // functions gives the same result), so a package-level
        // `var e error = T(...)` sees T's methods.
        let extra: Vec<ObjId> = self.methods.values().flatten().copied().collect();
        let mut extra = extra;
        crate::sort::sort(&mut extra);
        let pkg = self.pkg;
        for &o in &extra {
            if self.objs[o.index()].pkg == Some(pkg) {
                self.obj_decl(o);
            }
        }
        for o in others {
            self.obj_decl(o);
        }
        // init functions are not in the package scope.
        let inits = self.init_funcs[pkg.index()].clone();
        for o in inits {
            if self.objs[o.index()].pkg == Some(pkg) {
                self.obj_decl(o);
            }
        }

        // Methods whose receiver base type could not be associated still need checking.
        let all_funcs: Vec<ObjId> = self
            .decls
            .iter()
            .filter(|(o, d)| {
                matches!(d, DeclInfo::Func { .. }) && self.objs[o.index()].pkg == Some(pkg)
            })
            .map(|(o, _)| *o)
            .collect();
        let mut all_funcs = all_funcs;
        crate::sort::sort(&mut all_funcs);
        for o in all_funcs {
            self.obj_decl(o);
        }
        // Function bodies.
        let mut i = 0;
        while i < self.pending_bodies.len() {
            let (obj, decl, scope) = self.pending_bodies[i];
            i += 1;
            if self.objs[obj.index()].pkg != Some(pkg) {
                continue;
            }
            self.check_func_decl_body(obj, decl, scope);
        }
        self.pending_bodies
            .retain(|(o, _, _)| self.objs[o.index()].pkg != Some(pkg));
        self.compute_init_order();
    }

    fn check_func_decl_body(&mut self, obj: ObjId, decl: DeclId, _scope: ScopeId) {
        let DeclKind::Func {
            body: Some(body), ..
        } = &self.ast.decl(decl).kind
        else {
            return;
        };
        let Some(fs) = self.func_sigs.remove(&obj) else {
            return;
        };
        let saved_env = self.env.clone();
        let fscope = self
            .decl_file_scope
            .get(&obj)
            .copied()
            .unwrap_or(self.universe);
        self.env = Env {
            scope: fscope,
            sig: None,
            body: None,
            iota: None,
            decl_obj: Some(obj),
            in_func: true,
        };
        let b = self.func_body(BodyOwner::Func(obj), None, fs, body);
        if let ObjKind::Func(fi) = &mut self.objs[obj.index()].kind {
            fi.body = Some(b);
        }
        self.env = saved_env;
    }

    /// Checks a function body (types2's `funcBody`); returns its body id.
    pub fn func_body(
        &mut self,
        owner: BodyOwner,
        parent: Option<BodyId>,
        fs: FuncSig,
        body: &Block,
    ) -> BodyId {
        let id = BodyId(self.info.bodies.len() as u32);
        for &o in fs.params.iter().chain(&fs.results).chain(fs.recv.iter()) {
            if let ObjKind::Var(vi) = &mut self.objs[o.index()].kind {
                vi.owner = Some(id);
            }
        }
        self.info.bodies.push(Body {
            owner,
            parent,
            sig: fs.sig,
            recv: fs.recv,
            params: fs.params.clone(),
            results: fs.results.clone(),
            named_results: fs.named_results,
            locals: Vec::new(),
            free_vars: Vec::new(),
            has_defer: false,
            has_recover: false,
        });
        let saved_scope = self.env.scope;
        let saved_sig = self.env.sig;
        let saved_body = self.env.body;
        let saved_in_func = self.env.in_func;
        let saved_iota = self.env.iota.take();
        self.env.scope = fs.scope;
        self.env.sig = Some(fs.sig);
        self.env.body = Some(id);
        self.env.in_func = true;
        self.stmt_list(StmtCtx::empty(), &body.stmts);
        let has_results = self
            .types
            .signature(fs.sig)
            .is_some_and(|s| !s.results.is_empty());
        if has_results && !self.is_terminating_list(&body.stmts, None) {
            self.error_at(body.rbrace, "missing return".into());
        }
        self.usage(id);
        self.env.scope = saved_scope;
        self.env.sig = saved_sig;
        self.env.body = saved_body;
        self.env.in_func = saved_in_func;
        self.env.iota = saved_iota;
        id
    }

    /// Reports unused local variables of a body (types2's `usage`).
    fn usage(&mut self, body: BodyId) {
        let mut unused: Vec<ObjId> = self.info.bodies[body.index()]
            .locals
            .iter()
            .copied()
            .filter(|o| match &self.objs[o.index()].kind {
                ObjKind::Var(vi) => !vi.used && self.objs[o.index()].name != self.syms.blank,
                _ => false,
            })
            .collect();
        crate::sort::sort_by_key(&mut unused, |o| self.objs[o.index()].pos);
        for o in unused {
            if !self.reported_unused.insert(o) {
                continue;
            }
            let pos = self.objs[o.index()].pos;
            let n = self.obj_name(o).to_string();
            self.soft_error_at(pos, format!("declared and not used: {n}"));
        }
    }

    /// Declares a new local variable in the current body.
    pub fn new_local(&mut self, name: Sym, pos: u32, typ: TypeId) -> ObjId {
        let body = self.env.body;
        let o = self.new_obj(
            name,
            Some(self.pkg),
            pos,
            self.cur_file(),
            typ,
            ObjKind::Var(VarInfo::new(VarKind::Local, body)),
        );
        if let Some(b) = self.body_mut() {
            b.locals.push(o);
        }
        o
    }

    /// A local `const`, `type` or `var` declaration statement.
    pub fn decl_stmt(&mut self, decls: &[DeclId]) {
        let mut last_const: Option<(Option<u32>, Option<ExprId>, Vec<ExprId>)> = None;
        for &d in decls {
            let decl = self.ast.decl(d);
            match &decl.kind {
                DeclKind::Const {
                    names,
                    typ,
                    values,
                    group,
                    iota,
                } => {
                    let mut typ = *typ;
                    let mut values = values.clone();
                    let mut inherited = false;
                    if typ.is_none() && values.is_empty() && group.is_some() {
                        if let Some((g, t, v)) = &last_const {
                            if g == group {
                                typ = *t;
                                values = v.clone();
                                inherited = true;
                            }
                        }
                    } else {
                        last_const = Some((*group, typ, values.clone()));
                    }
                    let mut objs = Vec::new();
                    for (i, &n) in names.iter().enumerate() {
                        let name = self.ast.name_sym(n).unwrap_or(self.syms.blank);
                        let pos = self.ast.expr(n).pos;
                        let o = self.new_obj(
                            name,
                            Some(self.pkg),
                            pos,
                            self.cur_file(),
                            TypeId::INVALID,
                            ObjKind::Const(Value::Unknown),
                        );
                        let init = values.get(i).copied();
                        let saved_errpos = self.errpos;
                        self.const_decl(o, typ, init, *iota, inherited);
                        self.errpos = saved_errpos;
                        self.env.iota = None;
                        objs.push((n, o));
                    }
                    self.arity(decl.span.lo, names, &values, true, inherited);
                    let scope = self.env.scope;
                    for (n, o) in objs {
                        self.declare(scope, Some(n), o);
                    }
                }
                DeclKind::Var { names, typ, values } => {
                    let mut lhs = Vec::new();
                    for &n in names {
                        let name = self.ast.name_sym(n).unwrap_or(self.syms.blank);
                        let pos = self.ast.expr(n).pos;
                        let o = self.new_local(name, pos, TypeId::INVALID);
                        lhs.push(o);
                    }
                    let declared = typ.is_some();
                    if let Some(t) = typ {
                        let t = self.var_type(*t);
                        for &o in &lhs {
                            self.objs[o.index()].typ = t;
                        }
                    }
                    if values.len() == 1 && names.len() > 1 {
                        self.init_vars(&lhs, declared, values, None);
                    } else {
                        for (i, &o) in lhs.iter().enumerate() {
                            let init = if values.len() == names.len() {
                                Some(values[i])
                            } else {
                                values.get(i).copied()
                            };
                            match init {
                                Some(init) => {
                                    let mut x = Operand::invalid();
                                    self.expr(&mut x, init);
                                    self.init_var(o, declared, &mut x, "variable declaration");
                                }
                                None => {
                                    if typ.is_none() {
                                        self.objs[o.index()].typ = TypeId::INVALID;
                                    }
                                }
                            }
                        }
                    }
                    if typ.is_none() || !values.is_empty() {
                        self.arity(decl.span.lo, names, values, false, false);
                    }
                    let scope = self.env.scope;
                    for (&n, &o) in names.iter().zip(&lhs) {
                        if self.objs[o.index()].name == self.syms.blank {
                            self.record_def(n, o);
                        } else {
                            self.declare(scope, Some(n), o);
                        }
                    }
                }
                DeclKind::Type { name, .. } => {
                    let sym = self.ast.name_sym(*name).unwrap_or(self.syms.blank);
                    let pos = self.ast.expr(*name).pos;
                    let o = self.new_obj(
                        sym,
                        Some(self.pkg),
                        pos,
                        self.cur_file(),
                        TypeId::INVALID,
                        ObjKind::TypeName,
                    );
                    // The type name is in scope in its own declaration (recursive types).
                    let scope = self.env.scope;
                    self.declare(scope, Some(*name), o);
                    self.colors.insert(o, Color::Grey);
                    self.type_decl(o, d);
                    self.colors.insert(o, Color::Black);
                }
                DeclKind::Import { .. } | DeclKind::Func { .. } => {}
            }
        }
    }

    /// Computes the package's variable initialization order (Go spec:
    /// repeatedly the earliest variable in declaration order that has no
    /// dependencies on uninitialized variables).
    fn compute_init_order(&mut self) {
        let pkg = self.pkg.index();
        let vars = self.pkg_vars[pkg].clone();
        // Transitive variable dependencies, through functions.
        let mut var_deps: FxHashMap<ObjId, FxHashSet<ObjId>> = FxHashMap::default();
        for &v in &vars {
            let mut seen = FxHashSet::default();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            let mut out = FxHashSet::default();
            while let Some(o) = stack.pop() {
                if !seen.insert(o) {
                    continue;
                }
                match self.objs[o.index()].kind {
                    ObjKind::Var(_) if o != v => {
                        out.insert(o);
                    }
                    ObjKind::Func(_) => {
                        if let Some(d) = self.deps.get(&o) {
                            stack.extend(d.iter().copied());
                        }
                    }
                    _ => {}
                }
            }
            var_deps.insert(v, out);
        }
        let old = std::mem::take(&mut self.inits[pkg]);
        let mut done: FxHashSet<ObjId> = FxHashSet::default();
        let mut order: Vec<Init> = Vec::new();
        let mut remaining: Vec<ObjId> = vars.clone();
        while !remaining.is_empty() {
            let pick = remaining
                .iter()
                .position(|v| {
                    var_deps
                        .get(v)
                        .is_none_or(|d| d.iter().all(|x| done.contains(x) || !vars.contains(x)))
                })
                .unwrap_or(0);
            let v = remaining.remove(pick);
            if let Some(init) = old.iter().find(|i| i.lhs.contains(&v)) {
                for &o in &init.lhs {
                    done.insert(o);
                }
                remaining.retain(|o| !init.lhs.contains(o));
                if !order.iter().any(|i| i.init == init.init) {
                    order.push(init.clone());
                }
            }
            done.insert(v);
        }
        self.inits[pkg] = order;
    }
}
