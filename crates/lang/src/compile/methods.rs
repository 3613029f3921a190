//! Methods: method sets with promotion through embedded fields, the wrappers that make every
//! method-table entry directly callable, method values and expressions, and the entry function.

use rustc_hash::FxHashMap;

use crate::ast::{ExprId, FileId as AstFileId};
use crate::bytecode::{FileId, FuncId, Instr, Method, MethodImpl, Reg};
use crate::compile::exprs::Val;
use crate::compile::func::{CResult, FnCompiler};
use crate::compile::{Compiler, Pending};
use crate::info::{BodyId, Selection};
use crate::objects::{ObjId, ObjKind};
use crate::span::Span;
use crate::types::TypeId;

/// A method found in a method set: the method object and the embedded
/// field path leading to the value it is declared on.
#[derive(Clone, Debug)]
struct Found {
    method: ObjId,
    path: Vec<u32>,
}

impl Compiler<'_> {
    pub(crate) fn lit_id(&mut self, e: ExprId, body: BodyId) -> FuncId {
        if let Some(&f) = self.lit_ids.get(&e) {
            return f;
        }
        let f = self.new_func_id();
        self.lit_ids.insert(e, f);
        self.pending.push(Pending::Lit { body, func: f });
        f
    }

    fn func_info(&self, o: ObjId) -> Option<&crate::objects::FuncInfo> {
        match &self.prog.objs[o.index()].kind {
            ObjKind::Func(fi) => Some(fi),
            _ => None,
        }
    }

    fn sig_counts(&self, o: ObjId) -> (u16, u16) {
        let sig = self.prog.objs[o.index()].typ;
        self.prog
            .types
            .signature(sig)
            .map_or((0, 0), |s| (s.params.len() as u16, s.results.len() as u16))
    }

    /// A function wrapping a native so it can be a func value or a goroutine.
    pub(crate) fn native_wrapper(&mut self, o: ObjId) -> FuncId {
        let key = format!("native:{}", o.0);
        if let Some(&f) = self.wrappers.get(&key) {
            return f;
        }
        let id = self.new_func_id();
        self.wrappers.insert(key, id);
        let n = self.native_id(o);
        let recv = u16::from(self.func_info(o).is_some_and(|fi| fi.recv_base.is_some()));
        let (np, nr) = self.sig_counts(o);
        let np = np + recv;
        let name = self.func_symbol(o);
        let file = self.user_file;
        let mut f = FnCompiler::new(self, None, file, name);
        f.next_reg = np.max(nr);
        f.max_reg = np.max(nr);
        f.emit(Instr::CallNative {
            native: n,
            base: Reg(0),
        });
        f.emit(Instr::Ret { src: Reg(0), n: nr });
        let func = f.finish(FileId(file.0), Span::default(), np, nr, true);
        self.funcs[id.index()] = Some(func);
        id
    }

    /// A function calling interface method `o` on its first parameter.
    pub(crate) fn iface_method_wrapper(&mut self, o: ObjId, nparams: u16, nres: u16) -> FuncId {
        let key = format!("iface:{}", o.0);
        if let Some(&f) = self.wrappers.get(&key) {
            return f;
        }
        let id = self.new_func_id();
        self.wrappers.insert(key, id);
        let mname = self.obj_name(o).to_string();
        let m = self.method_key(o);
        let file = self.user_file;
        let np = nparams + 1;
        let mut f = FnCompiler::new(self, None, file, format!("interface.{mname}"));
        f.next_reg = np.max(nres);
        f.max_reg = f.next_reg;
        f.emit(Instr::CallIface {
            method: m,
            base: Reg(0),
        });
        f.emit(Instr::Ret {
            src: Reg(0),
            n: nres,
        });
        let func = f.finish(FileId(file.0), Span::default(), np, nres, true);
        self.funcs[id.index()] = Some(func);
        id
    }

    /// A bound method value: a closure capturing the receiver that calls the
    /// method with its own parameters.
    fn bound_wrapper(&mut self, o: ObjId, iface: bool) -> FuncId {
        let key = format!("bound:{}:{iface}", o.0);
        if let Some(&f) = self.wrappers.get(&key) {
            return f;
        }
        let id = self.new_func_id();
        self.wrappers.insert(key, id);
        let (np, nr) = self.sig_counts(o);
        let name = format!("{}-fm", self.func_symbol(o));
        let mname = self.obj_name(o).to_string();
        let native = self.is_native(o);
        let target = if iface || native {
            None
        } else {
            Some(self.func_id(o))
        };
        let nid = if native && !iface {
            Some(self.native_id(o))
        } else {
            None
        };
        let file = self.user_file;
        let mut f = FnCompiler::new(self, None, file, name);
        f.captures = vec![o];
        let base = Reg(np);
        f.next_reg = np + 1 + np.max(nr);
        f.max_reg = f.next_reg;
        f.emit(Instr::LoadCapture { dst: base, idx: 0 });
        for i in 0..np {
            f.emit(Instr::Move {
                dst: Reg(base.0 + 1 + i),
                src: Reg(i),
            });
        }
        if let Some(t) = target {
            f.emit(Instr::Call { func: t, base });
        } else if let Some(n) = nid {
            f.emit(Instr::CallNative { native: n, base });
        } else {
            let _ = &mname;
            let m = f.c.method_key(o);
            f.emit(Instr::CallIface { method: m, base });
        }
        f.emit(Instr::Ret { src: base, n: nr });
        let mut func = f.finish(FileId(file.0), Span::default(), np, nr, true);
        func.ncaptures = 1;
        self.funcs[id.index()] = Some(func);
        id
    }

    // ===== method sets =====

    /// The method set of checker type `t` (`T` or `*T`), with promotion
    /// through embedded fields (shallowest depth wins; ties are ambiguous).
    fn method_set(&self, t: TypeId) -> Vec<(String, Found)> {
        let (base, is_ptr) = self.prog.types.deref(t);
        let mut out: FxHashMap<String, Option<Found>> = FxHashMap::default();
        let mut seen_names: FxHashMap<String, ()> = FxHashMap::default();
        // (type, path, addressable)
        let mut level: Vec<(TypeId, Vec<u32>, bool)> = vec![(base, Vec::new(), is_ptr)];
        let mut visited: Vec<TypeId> = Vec::new();
        for _depth in 0..8 {
            if level.is_empty() {
                break;
            }
            let mut found_here: FxHashMap<String, Vec<Option<Found>>> = FxHashMap::default();
            let mut next = Vec::new();
            for (ty, path, addressable) in &level {
                let (ty, via_ptr) = self.prog.types.deref(*ty);
                let addressable = *addressable || via_ptr;
                if visited.contains(&ty) && !path.is_empty() {
                    continue;
                }
                visited.push(ty);
                if let Some(named) = self.prog.types.named(ty) {
                    for &m in &named.methods {
                        let name = self.obj_name(m).to_string();
                        let ptr = self.func_info(m).is_some_and(|fi| fi.ptr_recv);
                        let entry = if !ptr || addressable {
                            Some(Found {
                                method: m,
                                path: path.clone(),
                            })
                        } else {
                            None
                        };
                        found_here.entry(name).or_default().push(entry);
                    }
                }
                // An embedded interface field promotes its whole method set.
                if !path.is_empty() {
                    if let Some(iface) = self.prog.types.interface(ty) {
                        for m in &iface.all {
                            found_here
                                .entry(self.ast.str(m.name).to_string())
                                .or_default()
                                .push(Some(Found {
                                    method: m.obj,
                                    path: path.clone(),
                                }));
                        }
                    }
                }
                if let Some(st) = self.prog.types.struct_(ty) {
                    for (i, fld) in st.fields.iter().enumerate() {
                        let fname = self.ast.str(fld.name).to_string();
                        // A field shadows deeper methods of the same name.
                        found_here.entry(fname).or_default().push(None);
                        if fld.embedded {
                            let mut p = path.clone();
                            p.push(i as u32);
                            next.push((fld.typ, p, addressable));
                        }
                    }
                }
            }
            for (name, entries) in found_here {
                if seen_names.contains_key(&name) {
                    continue;
                }
                seen_names.insert(name.clone(), ());
                let e = if entries.len() == 1 {
                    entries.into_iter().next().flatten()
                } else {
                    None
                };
                out.insert(name, e);
            }
            level = next;
        }
        let mut v: Vec<(String, Found)> = out
            .into_iter()
            .filter_map(|(k, f)| f.map(|f| (k, f)))
            .collect();
        crate::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        v
    }

    /// Builds the method table of every runtime type (a fixpoint: wrappers
    /// and newly compiled bodies may add types).
    pub(crate) fn build_method_tables(&mut self) -> CResult<()> {
        loop {
            let start = self.rt.methods_done;
            let end = self.rt.infos.len();
            if start == end {
                return Ok(());
            }
            self.rt.methods_done = end;
            for i in start..end {
                let Some(t) = self.rt.source[i] else { continue };
                if self.is_iface(t) {
                    continue;
                }
                let (base, _) = self.prog.types.deref(t);
                let interesting = self.prog.types.named(base).is_some()
                    || self.prog.types.struct_(base).is_some();
                if !interesting {
                    continue;
                }
                let set = self.method_set(t);
                let mut methods = Vec::new();
                for (_, f) in set {
                    let imp = self.method_impl(t, &f)?;
                    let n = self.method_key(f.method);
                    methods.push(Method { name: n, imp });
                }
                let rt = crate::bytecode::TypeId(i as u32);
                self.set_methods(rt, methods);
            }
            // Bodies the tables reference.
            while let Some(p) = self.pending.pop() {
                match p {
                    Pending::Body { body, func } | Pending::Lit { body, func } => {
                        let f = crate::compile::func::compile_body(self, body, func)?;
                        self.funcs[func.index()] = Some(f);
                    }
                }
            }
        }
    }

    /// How a value of type `t` calls method `f.method` found at `f.path`.
    fn method_impl(&mut self, t: TypeId, f: &Found) -> CResult<MethodImpl> {
        let m = f.method;
        let ptr_recv = self.func_info(m).is_some_and(|fi| fi.ptr_recv);
        let (_, outer_ptr) = self.prog.types.deref(t);
        let recv_base = self
            .func_info(m)
            .and_then(|fi| fi.recv_base)
            .unwrap_or(TypeId::INVALID);
        let direct = f.path.is_empty() && (ptr_recv || !outer_ptr || self.is_agg(recv_base));
        if direct {
            return Ok(if self.is_native(m) {
                MethodImpl::Native(self.native_id(m))
            } else {
                MethodImpl::Func(self.func_id(m))
            });
        }
        Ok(MethodImpl::Func(self.promoted_wrapper(t, f)?))
    }

    /// A wrapper taking a receiver of type `t`, following the embedded path
    /// and adjusting the receiver, then calling the method.
    fn promoted_wrapper(&mut self, t: TypeId, fnd: &Found) -> CResult<FuncId> {
        let key = format!("promo:{}:{}:{:?}", self.rt_name(t), fnd.method.0, fnd.path);
        if let Some(&f) = self.wrappers.get(&key) {
            return Ok(f);
        }
        let id = self.new_func_id();
        self.wrappers.insert(key, id);
        let m = fnd.method;
        let (np, nr) = self.sig_counts(m);
        let ptr_recv = self.func_info(m).is_some_and(|fi| fi.ptr_recv);
        // A method promoted from an embedded interface field dispatches
        // dynamically on the field's value.
        let iface = self.func_info(m).is_some_and(|fi| fi.iface_method);
        let ikey = iface.then(|| self.method_key(m));
        let native = !iface && self.is_native(m);
        let target = if native || iface {
            None
        } else {
            Some(self.func_id(m))
        };
        let nid = if native {
            Some(self.native_id(m))
        } else {
            None
        };
        let name = self.func_symbol(m);
        let file = self.user_file;
        let mut f = FnCompiler::new(self, None, file, name);
        let total = np + 1;
        f.next_reg = total;
        f.max_reg = total;
        // Walk the path from the receiver (register 0).
        let mut cur = Reg(0);
        let mut ty = t;
        for (k, &i) in fnd.path.iter().enumerate() {
            let (st, _) = f.c.prog.types.deref(f.c.prog.types.underlying(ty));
            let fty =
                f.c.prog
                    .types
                    .struct_(st)
                    .and_then(|s| s.fields.get(i as usize))
                    .map(|x| x.typ)
                    .ok_or("bad promoted path")?;
            let r = f.temp();
            let last = k + 1 == fnd.path.len();
            if f.c.is_agg(fty) {
                f.emit(Instr::FieldRef {
                    dst: r,
                    obj: cur,
                    field: i as u16,
                });
            } else if last && ptr_recv && f.c.prog.types.pointer_elem(fty).is_none() {
                f.emit(Instr::FieldAddr {
                    dst: r,
                    obj: cur,
                    field: i as u16,
                });
            } else {
                f.emit(Instr::LoadField {
                    dst: r,
                    obj: cur,
                    field: i as u16,
                });
            }
            cur = r;
            ty = fty;
        }
        let (vb, is_ptr) = f.c.prog.types.deref(ty);
        if !ptr_recv && is_ptr && !f.c.is_agg(vb) {
            let r = f.temp();
            f.emit(Instr::LoadPtr { dst: r, ptr: cur });
            cur = r;
        }
        if !ptr_recv && f.c.is_agg(vb) {
            let r = f.temp();
            f.emit(Instr::Clone { dst: r, src: cur });
            cur = r;
        }
        let base = f.temps(total.max(nr));
        f.emit(Instr::Move {
            dst: base,
            src: cur,
        });
        for i in 0..np {
            f.emit(Instr::Move {
                dst: Reg(base.0 + 1 + i),
                src: Reg(1 + i),
            });
        }
        match (target, nid, ikey) {
            (Some(t), _, _) => f.emit(Instr::Call { func: t, base }),
            (_, Some(n), _) => f.emit(Instr::CallNative { native: n, base }),
            (_, _, Some(k)) => f.emit(Instr::CallIface { method: k, base }),

            _ => return Err("promoted method without implementation".into()),
        };
        f.emit(Instr::Ret { src: base, n: nr });
        let func = f.finish(FileId(file.0), Span::default(), total, nr, true);
        self.funcs[id.index()] = Some(func);
        Ok(id)
    }

    // ===== the entry function =====

    /// Goroutine 1's function: package variable initialisers in Go's order,
    /// `init` functions, then `main.main`.
    pub(crate) fn compile_entry(&mut self, entry: FuncId, main: FuncId) -> CResult<()> {
        let file = self.user_file;
        let mut f = FnCompiler::new(self, None, file, "main.init".into());
        let order = f.c.prog.pkg_order.clone();
        for pkg in order {
            let inits = f.c.prog.inits.get(pkg.index()).cloned().unwrap_or_default();
            for init in inits {
                let mark = f.mark();
                f.file = f.decl_file_of_expr(init.init);
                let saved = f.set_span_expr(init.init);
                if init.lhs.len() == 1 {
                    let v = f.temp();
                    let t = f.c.obj_type(init.lhs[0]);
                    f.expr_to_as(init.init, v, t)?;
                    f.store_global(init.lhs[0], v);
                } else {
                    let base = f.call(f.c.ast.unparen(init.init), init.lhs.len())?;
                    let types: Vec<crate::types::TypeId> =
                        init.lhs.iter().map(|&o| f.c.obj_type(o)).collect();
                    f.convert_spread(base, f.c.ast.unparen(init.init), &types)?;

                    for (i, &o) in init.lhs.iter().enumerate() {
                        f.store_global(o, Reg(base.0 + i as u16));
                    }
                }
                f.span = saved;
                f.release(mark);
            }
            let fns =
                f.c.prog
                    .init_funcs
                    .get(pkg.index())
                    .cloned()
                    .unwrap_or_default();
            for o in fns {
                let id = f.c.func_id(o);
                let base = f.temp();
                f.emit(Instr::Call { func: id, base });
                f.release(base.0);
            }
        }
        f.file = file;
        let base = f.temp();
        f.emit(Instr::Call { func: main, base });
        f.emit(Instr::Ret { src: Reg(0), n: 0 });
        let func = f.finish(FileId(file.0), Span::default(), 0, 0, true);
        self.funcs[entry.index()] = Some(func);
        Ok(())
    }
}

impl FnCompiler<'_, '_> {
    fn store_global(&mut self, o: ObjId, v: Reg) {
        if self.c.obj_name(o) == "_" {
            return;
        }
        let g = self.c.global_id(o);
        let t = self.c.obj_type(o);
        if self.c.is_agg(t) {
            let dst = self.temp();
            self.emit(Instr::GlobalRef { dst, g });
            self.emit(Instr::CopyInto { dst, src: v });
        } else {
            self.emit(Instr::StoreGlobal { g, src: v });
        }
    }

    /// The file an expression is in (for global initialisers of stdlib packages).
    fn decl_file_of_expr(&self, e: ExprId) -> AstFileId {
        let lo = e.0;
        let mut file = self.c.user_file;
        for d in &self.c.ast.decls {
            if let crate::ast::DeclKind::Var { values, .. } = &d.kind {
                if values.iter().any(|v| v.0 == lo) {
                    file = d.file;
                }
            }
        }
        file
    }

    /// `x.M` used as a value: a closure bound to the receiver.
    pub(crate) fn method_value(&mut self, _e: ExprId, x: ExprId, sel: &Selection) -> CResult<Val> {
        let recv = self.temp();
        self.method_recv(x, sel, recv, true)?;
        let w = self.c.bound_wrapper(sel.obj, sel.iface);
        let dst = self.temp();
        self.emit(Instr::MakeClosure {
            dst,
            func: w,
            src: recv,
            n: 1,
        });
        Ok(Val {
            reg: dst,
            fresh: true,
        })
    }

    /// `T.M` or `(*T).M`: a function taking the receiver first.
    pub(crate) fn method_expr(&mut self, _e: ExprId, sel: &Selection) -> CResult<Val> {
        let m = sel.obj;
        let dst = self.temp();
        let recv_t = sel.recv;
        if self.c.is_iface(recv_t) {
            let (np, nr) = {
                let sig = self.c.prog.objs[m.index()].typ;
                self.c
                    .prog
                    .types
                    .signature(sig)
                    .map_or((0, 0), |s| (s.params.len() as u16, s.results.len() as u16))
            };
            let w = self.c.iface_method_wrapper(m, np, nr);
            self.emit(Instr::LoadFunc { dst, func: w });
            return Ok(Val {
                reg: dst,
                fresh: true,
            });
        }
        let f = Found {
            method: m,
            path: sel.index[..sel.index.len().saturating_sub(1)].to_vec(),
        };
        let imp = self.c.method_impl(recv_t, &f)?;
        match imp {
            MethodImpl::Func(id) => {
                self.emit(Instr::LoadFunc { dst, func: id });
            }
            MethodImpl::Native(_) => {
                let w = self.c.native_wrapper(m);
                self.emit(Instr::LoadFunc { dst, func: w });
            }
        }
        Ok(Val {
            reg: dst,
            fresh: true,
        })
    }
}
