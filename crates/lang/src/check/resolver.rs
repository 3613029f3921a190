//! Collecting package-level objects and imports (types2's `resolver.go`).

use super::*;
use crate::token::LitKind;

impl Checker<'_> {
    /// Creates the package-level objects of `pkg` from its files, resolving
    /// imports through `imports` (import path -> package).
    pub fn collect_objects(&mut self, pkg: PkgId, imports: &FxHashMap<String, PkgId>) {
        self.pkg = pkg;
        let pkg_scope = self.pkgs[pkg.index()].scope;
        let files = self.pkgs[pkg.index()].files.clone();
        let is_stdlib = !files.contains(&self.user_file);
        let mut method_decls: Vec<(ObjId, DeclId, ScopeId)> = Vec::new();
        while self.inits.len() <= pkg.index() {
            self.inits.push(Vec::new());
            self.init_funcs.push(Vec::new());
            self.pkg_vars.push(Vec::new());
        }
        for &file in &files {
            let file_scope = self.scopes.new_scope(Some(pkg_scope), ScopeKind::File);
            self.file_scope = file_scope;
            // The last const spec with values, per group, for implicit repetition.
            let mut last_const: Option<(Option<u32>, Option<ExprId>, Vec<ExprId>)> = None;
            for &d in &self.ast.file(file).decls {
                let decl = self.ast.decl(d);
                match &decl.kind {
                    DeclKind::Import { local, path } => {
                        self.collect_import(file, file_scope, *local, *path, imports)
                    }
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
                        for (i, &n) in names.iter().enumerate() {
                            let name = self.ast.name_sym(n).unwrap_or(self.syms.blank);
                            let pos = self.ast.expr(n).pos;
                            let o = self.new_obj(
                                name,
                                Some(pkg),
                                pos,
                                Some(file),
                                TypeId::INVALID,
                                ObjKind::Const(Value::Unknown),
                            );
                            let init = values.get(i).copied();
                            self.decls.insert(
                                o,
                                DeclInfo::Const {
                                    typ,
                                    init,
                                    iota: *iota,
                                    inherited,
                                },
                            );
                            self.decl_file_scope.insert(o, file_scope);
                            self.declare(pkg_scope, Some(n), o);
                        }
                        self.arity(decl.span.lo, names, &values, true, inherited);
                    }
                    DeclKind::Var { names, typ, values } => {
                        let mut lhs = Vec::new();
                        for &n in names {
                            let name = self.ast.name_sym(n).unwrap_or(self.syms.blank);
                            let pos = self.ast.expr(n).pos;
                            let o = self.new_obj(
                                name,
                                Some(pkg),
                                pos,
                                Some(file),
                                TypeId::INVALID,
                                ObjKind::Var(VarInfo::new(VarKind::Global, None)),
                            );
                            lhs.push(o);
                        }
                        for (i, (&n, &o)) in names.iter().zip(&lhs).enumerate() {
                            let (init, group) = if values.len() == 1 && names.len() > 1 {
                                (values.first().copied(), lhs.clone())
                            } else {
                                (values.get(i).copied(), vec![o])
                            };
                            self.decls.insert(
                                o,
                                DeclInfo::Var {
                                    typ: *typ,
                                    init,
                                    lhs: group,
                                },
                            );
                            self.decl_file_scope.insert(o, file_scope);
                            self.declare(pkg_scope, Some(n), o);
                            self.pkg_vars[pkg.index()].push(o);
                        }
                        if typ.is_none() || !values.is_empty() {
                            self.arity(decl.span.lo, names, values, false, false);
                        }
                    }
                    DeclKind::Type { name, .. } => {
                        let sym = self.ast.name_sym(*name).unwrap_or(self.syms.blank);
                        let pos = self.ast.expr(*name).pos;
                        let o = self.new_obj(
                            sym,
                            Some(pkg),
                            pos,
                            Some(file),
                            TypeId::INVALID,
                            ObjKind::TypeName,
                        );
                        self.decls.insert(o, DeclInfo::Type { decl: d });
                        self.decl_file_scope.insert(o, file_scope);
                        self.declare(pkg_scope, Some(*name), o);
                    }
                    DeclKind::Func {
                        recv,
                        name,
                        typ,
                        body,
                        ..
                    } => {
                        let sym = self.ast.name_sym(*name).unwrap_or(self.syms.blank);
                        let pos = self.ast.expr(*name).pos;
                        let info = FuncInfo {
                            decl: Some(d),
                            native: body.is_none() && is_stdlib,
                            recv_base: None,
                            ptr_recv: false,
                            iface_method: false,
                            body: None,
                        };
                        let o = self.new_obj(
                            sym,
                            Some(pkg),
                            pos,
                            Some(file),
                            TypeId::INVALID,
                            ObjKind::Func(info),
                        );
                        self.decls.insert(o, DeclInfo::Func { decl: d });
                        self.decl_file_scope.insert(o, file_scope);
                        self.record_def(*name, o);
                        if body.is_none() && !is_stdlib {
                            self.error_at(pos, "missing function body".into());
                        }
                        let no_sig = match &self.ast.expr(*typ).kind {
                            ExprKind::FuncType(ft) => ft.params.is_empty() && ft.results.is_empty(),
                            _ => true,
                        };
                        if recv.is_none() {
                            if sym == self.syms.init {
                                if !no_sig {
                                    self.error_at(
                                        pos,
                                        "func init must have no arguments and no return values"
                                            .into(),
                                    );
                                }
                                self.init_funcs[pkg.index()].push(o);
                            } else {
                                if sym == self.syms.main && !is_stdlib && !no_sig {
                                    self.error_at(
                                        pos,
                                        "func main must have no arguments and no return values"
                                            .into(),
                                    );
                                }
                                self.declare(pkg_scope, None, o);
                            }
                        } else {
                            method_decls.push((o, d, file_scope));
                        }
                    }
                }
            }
        }
        // Associate methods with their receiver base types.
        for (m, d, _) in method_decls {
            let DeclKind::Func {
                recv: Some(recv), ..
            } = &self.ast.decl(d).kind
            else {
                continue;
            };
            let mut t = recv.typ;
            loop {
                match &self.ast.expr(t).kind {
                    ExprKind::Paren(x) => t = *x,
                    ExprKind::Operation {
                        op: crate::token::Op::Mul,
                        x,
                        y: None,
                    } => t = *x,
                    _ => break,
                }
            }
            if let Some(sym) = self.ast.name_sym(t) {
                if let Some(base) = self.scopes.lookup_local(pkg_scope, sym) {
                    if matches!(self.objs[base.index()].kind, ObjKind::TypeName) {
                        self.methods.entry(base).or_default().push(m);
                    }
                }
            }
        }
        if !is_stdlib
            && self.ast.file(self.user_file).package.is_some()
            && self
                .scopes
                .lookup_local(pkg_scope, self.syms.main)
                .is_none()
        {
            // Reported by the Go linker, without a position.
            self.error_at(0, "function main is undeclared in the main package".into());
        }
    }

    fn collect_import(
        &mut self,
        file: FileId,
        file_scope: ScopeId,
        local: Option<ExprId>,
        path: Option<ExprId>,
        imports: &FxHashMap<String, PkgId>,
    ) {
        let Some(path) = path else { return };
        let ExprKind::BasicLit {
            kind: LitKind::String,
            value,
            bad: false,
        } = &self.ast.expr(path).kind
        else {
            return;
        };
        let Some(p) = crate::constant::unquote(value) else {
            return;
        };
        let ppos = self.ast.expr(path).pos;
        let Some(&imported) = imports.get(&p) else {
            // Reported by the loader (unknown or unsupported package).
            return;
        };
        let name = match local {
            Some(l) => {
                let s = self.ast.name_str(l);
                if s == "." {
                    self.error_at(
                        ppos,
                        "dot imports are not supported by the playground".into(),
                    );
                    return;
                }
                self.ast.name_sym(l).unwrap_or(self.syms.blank)
            }
            None => self.pkgs[imported.index()].name,
        };
        let pos = local.map_or(ppos, |l| self.ast.expr(l).pos);
        let o = self.new_obj(
            name,
            Some(self.pkg),
            pos,
            Some(file),
            TypeId::INVALID,
            ObjKind::PkgName {
                pkg: imported,
                used: false,
            },
        );
        if name == self.syms.blank {
            if let Some(l) = local {
                self.record_def(l, o);
            }
            return;
        }
        self.file_imports.push(o);
        self.declare(file_scope, local, o);
    }

    /// Checks the number of names against the number of initializers (types2's `arity`).
    pub fn arity(
        &mut self,
        pos: u32,
        names: &[ExprId],
        inits: &[ExprId],
        const_decl: bool,
        inherited: bool,
    ) {
        let l = names.len();
        let r = inits.len();
        if l < r {
            let n = inits[l];
            if inherited {
                let p = self.ast.start_pos(n);
                self.error_at(
                    pos,
                    format!("extra init expr at {}", crate::diag::pos_marker(p)),
                );
            } else {
                let es = self.es(n);
                self.error_expr(n, format!("extra init expr {es}"));
            }
        } else if l > r && (const_decl || r != 1) {
            let n = names[r];
            let s = self.ast.name_str(n).to_string();
            self.error_expr(n, format!("missing init expr for {s}"));
        }
    }

    /// Reports imports that were never used (at the end of checking a package).
    pub fn unused_imports(&mut self) {
        let imports = std::mem::take(&mut self.file_imports);
        for o in imports {
            let ObjKind::PkgName { pkg, used } = self.objs[o.index()].kind else {
                continue;
            };
            if used {
                continue;
            }
            let path = self.pkgs[pkg.index()].path.clone();
            let elem = path.rsplit('/').next().unwrap_or(&path).to_string();
            let name = self.obj_name(o).to_string();
            let pos = self.objs[o.index()].pos;
            if name == elem {
                self.soft_error_at(pos, format!("{:?} imported and not used", path));
            } else {
                self.soft_error_at(pos, format!("{:?} imported as {name} and not used", path));
            }
        }
    }
}
