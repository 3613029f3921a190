//! The predeclared functions: len, cap, append, make, new, delete, copy, close, panic, recover,
//! print, println, min, max, clear.

use crate::ast::{ExprId, FileId as AstFileId};
use crate::bytecode::{Builtin1, FileId, FuncId, Instr, Reg};
use crate::compile::func::{CResult, FnCompiler};
use crate::compile::Compiler;
use crate::objects::Builtin;
use crate::span::Span;
use crate::types::{Type, TypeId};

impl FnCompiler<'_, '_> {
    pub(crate) fn builtin(
        &mut self,
        e: ExprId,
        b: Builtin,
        args: &[ExprId],
        has_dots: bool,
    ) -> CResult<Reg> {
        let t = self.ty(e);
        let dst = self.temp();
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = args[0];
                let xt = self.ty(x);
                let under = self.c.prog.types.underlying(xt);
                let ty = self.c.prog.types.get(under).clone();
                let (ty, via_ptr) = match ty {
                    Type::Pointer(inner) => (self.c.prog.types.under(inner).clone(), true),
                    other => (other, false),
                };
                let _ = via_ptr;
                let v = self.expr(x)?.reg;
                let op = match (&ty, b) {
                    (Type::Array { len, .. }, _) => {
                        self.emit(Instr::LoadInt {
                            dst,
                            imm: *len as i32,
                        });
                        return Ok(dst);
                    }
                    (Type::Slice(_), Builtin::Len) => Builtin1::LenSlice,
                    (Type::Slice(_), _) => Builtin1::CapSlice,
                    (Type::Map { .. }, _) => Builtin1::LenMap,
                    (Type::Chan { .. }, Builtin::Len) => Builtin1::LenChan,
                    (Type::Chan { .. }, _) => Builtin1::CapChan,
                    _ => Builtin1::LenString,
                };
                if op == Builtin1::LenMap {
                    self.emit_access(Instr::Builtin1 { op, dst, a: v }, Some(x));
                } else {
                    self.emit(Instr::Builtin1 { op, dst, a: v });
                }
            }
            Builtin::Append => {
                let s = self.expr(args[0])?.reg;
                let elem = match self.c.prog.types.under(t) {
                    Type::Slice(e) => *e,
                    _ => TypeId::INVALID,
                };
                let ert = self.c.rt_type(elem);
                if has_dots {
                    let tv = self.expr(args[1])?.reg;
                    self.emit_access(
                        Instr::AppendSlice {
                            dst,
                            s,
                            elem: ert,
                            t: tv,
                        },
                        Some(args[0]),
                    );
                } else {
                    let n = args.len() - 1;
                    let src = self.temps(n.max(1) as u16);
                    for (i, &a) in args[1..].iter().enumerate() {
                        self.expr_to_as(a, Reg(src.0 + i as u16), elem)?;
                    }

                    self.emit_access(
                        Instr::Append {
                            dst,
                            s,
                            elem: ert,
                            src,
                            n: n as u16,
                        },
                        Some(args[0]),
                    );
                }
            }
            Builtin::Make => {
                let mt = self.ty(args[0]);
                let under = self.c.prog.types.underlying(mt);
                match self.c.prog.types.get(under).clone() {
                    Type::Slice(elem) => {
                        let len = self.expr(args[1])?.reg;
                        let cap = if args.len() > 2 {
                            Some(self.expr(args[2])?.reg)
                        } else {
                            None
                        };
                        let ert = self.c.rt_type(elem);
                        self.emit(Instr::MakeSlice {
                            dst,
                            elem: ert,
                            len,
                            cap,
                        });
                    }
                    Type::Map { .. } => {
                        if args.len() > 1 {
                            self.expr(args[1])?;
                        }
                        let rt = self.c.rt_type(mt);
                        self.emit(Instr::MakeMap { dst, ty: rt });
                    }
                    Type::Chan { .. } => {
                        let cap = if args.len() > 1 {
                            Some(self.expr(args[1])?.reg)
                        } else {
                            None
                        };
                        let rt = self.c.rt_type(mt);
                        self.emit(Instr::MakeChan { dst, ty: rt, cap });
                    }
                    _ => return Err("make of unexpected type".into()),
                }
            }
            Builtin::New => {
                let nt = self.ty(args[0]);
                let rt = self.c.rt_type(nt);
                self.emit(Instr::New { dst, ty: rt });
            }
            Builtin::Delete => {
                let m = self.expr(args[0])?.reg;
                let k = self.expr(args[1])?.reg;
                self.emit_access(Instr::MapDelete { m, key: k }, Some(args[0]));
            }
            Builtin::Copy => {
                let to = self.expr(args[0])?.reg;
                let from = self.expr(args[1])?.reg;
                self.emit_access(Instr::Copy { dst, to, from }, Some(args[0]));
            }
            Builtin::Close => {
                let ch = self.expr(args[0])?.reg;
                self.emit(Instr::Close { ch });
            }
            Builtin::Panic => {
                let v = self.expr(args[0])?;
                let at = self.used_type(args[0]);
                let v = self.box_iface(v, at, TypeId::INVALID);
                self.emit(Instr::Panic { v: v.reg });
            }
            Builtin::Recover => {
                self.emit(Instr::Recover { dst });
            }
            Builtin::Print | Builtin::Println => {
                let n = args.len();
                let src = self.temps(n.max(1) as u16);
                for (i, &a) in args.iter().enumerate() {
                    let v = self.expr(a)?;
                    let at = self.used_type(a);
                    let v = self.box_iface(v, at, TypeId::INVALID);
                    self.emit(Instr::Move {
                        dst: Reg(src.0 + i as u16),
                        src: v.reg,
                    });
                }
                let any = self.c.any_rt();
                let base = self.temp();
                self.emit(Instr::SliceLit {
                    dst: base,
                    elem: any,
                    src,
                    n: n as u16,
                });
                let name = if b == Builtin::Print {
                    "builtin.print"
                } else {
                    "builtin.println"
                };
                let nat = self.c.native_named(name, 1, 0);
                self.emit(Instr::CallNative { native: nat, base });
            }
            Builtin::Min | Builtin::Max => {
                let rt = self.c.rt_type(t);
                self.expr_into(args[0], dst)?;
                for &a in &args[1..] {
                    let mark = self.mark();
                    let v = self.expr(a)?.reg;
                    self.emit(Instr::MinMax {
                        max: b == Builtin::Max,
                        ty: rt,
                        dst,
                        a: dst,
                        b: v,
                    });
                    self.release(mark);
                }
            }
            Builtin::Clear => {
                let x = self.expr(args[0])?.reg;
                self.emit_access(Instr::Clear { target: x }, Some(args[0]));
            }
            Builtin::Complex | Builtin::Real | Builtin::Imag => {
                return Err("complex numbers are not supported by the playground".into());
            }
        }
        Ok(dst)
    }
}

impl Compiler<'_> {
    /// The runtime type of `interface {}`.
    pub fn any_rt(&mut self) -> crate::bytecode::TypeId {
        let key = "interface {}".to_string();
        if let Some(&r) = self.rt.by_key.get(&key) {
            return r;
        }
        let id = crate::bytecode::TypeId(self.rt.infos.len() as u32);
        self.rt.infos.push(crate::bytecode::TypeInfo {
            name: key.clone(),
            kind: crate::bytecode::TypeKind::Interface { methods: vec![] },
            named: false,
            methods: vec![],
            comparable: true,
        });
        self.rt.source.push(None);
        self.rt.by_key.insert(key, id);
        id
    }

    /// A function running builtin `b` on its parameters, for `go`/`defer`
    /// of a builtin call (`defer close(ch)`).
    pub fn builtin_wrapper(
        &mut self,
        b: Builtin,
        types: &[TypeId],
        file: AstFileId,
    ) -> CResult<FuncId> {
        let key = format!("builtin:{}:{:?}", b.name(), types);
        if let Some(&f) = self.wrappers.get(&key) {
            return Ok(f);
        }
        let id = self.new_func_id();
        self.wrappers.insert(key, id);
        let n = types.len() as u16;
        let mut f = FnCompiler::new(self, None, file, format!("builtin.{}", b.name()));
        f.next_reg = n;
        f.max_reg = n;
        let r = |i: u16| Reg(i);
        match b {
            Builtin::Close => {
                f.emit(Instr::Close { ch: r(0) });
            }
            Builtin::Delete => {
                f.emit(Instr::MapDelete { m: r(0), key: r(1) });
            }
            Builtin::Panic => {
                let v = if f.c.is_iface(types[0]) {
                    r(0)
                } else {
                    let rt = f.c.rt_type(types[0]);
                    let d = f.temp();
                    f.emit(Instr::MakeIface {
                        dst: d,
                        src: r(0),
                        ty: rt,
                    });
                    d
                };
                f.emit(Instr::Panic { v });
            }
            Builtin::Print | Builtin::Println => {
                let src = f.temps(n.max(1));
                for (i, &t) in types.iter().enumerate() {
                    let v = if f.c.is_iface(t) {
                        r(i as u16)
                    } else {
                        let rt = f.c.rt_type(t);
                        let d = f.temp();
                        f.emit(Instr::MakeIface {
                            dst: d,
                            src: r(i as u16),
                            ty: rt,
                        });
                        d
                    };
                    f.emit(Instr::Move {
                        dst: Reg(src.0 + i as u16),
                        src: v,
                    });
                }
                let any = f.c.any_rt();
                let base = f.temp();
                f.emit(Instr::SliceLit {
                    dst: base,
                    elem: any,
                    src,
                    n,
                });
                let name = if b == Builtin::Print {
                    "builtin.print"
                } else {
                    "builtin.println"
                };
                let nat = f.c.native_named(name, 1, 0);
                f.emit(Instr::CallNative { native: nat, base });
            }
            Builtin::Copy => {
                let d = f.temp();
                f.emit(Instr::Copy {
                    dst: d,
                    to: r(0),
                    from: r(1),
                });
            }
            Builtin::Recover => {
                let d = f.temp();
                f.emit(Instr::Recover { dst: d });
            }
            _ => {
                return Err(format!(
                    "go/defer of {} is not supported by the playground",
                    b.name()
                ))
            }
        }
        let func = f.finish(FileId(file.0), Span::default(), n, 0, true);
        self.funcs[id.index()] = Some(func);
        Ok(id)
    }
}
