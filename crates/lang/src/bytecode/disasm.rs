//! The disassembler: a stable text form of a [`Program`], used by `gosched disasm` and as the
//! snapshot format of compiler tests.

use std::fmt::Write;

use super::{Const, Program};

/// Renders every non-synthetic function (and the synthetic ones after them)
/// with one instruction per line: `pc  instruction  ; line:col`.
pub fn disassemble(p: &Program) -> String {
    let mut out = String::new();
    for (i, f) in p.funcs.iter().enumerate() {
        let file = &p.files[f.file.index()];
        let _ = writeln!(
            out,
            "func {} ; id={} params={} results={} regs={} captures={}{}",
            f.name,
            i,
            f.nparams,
            f.nresults,
            f.nregs,
            f.ncaptures,
            if f.synthetic { " synthetic" } else { "" }
        );
        for (pc, ins) in f.code.iter().enumerate() {
            let d = f.debug.get(pc).copied().unwrap_or_default();
            let lc = file.lines.line_col(d.span.lo);
            let mut text = tidy(&format!("{ins:?}"));
            if let Some(name) = d.access {
                let _ = write!(text, " <{}>", p.name(name));
            }
            let _ = writeln!(out, "  {pc:04}  {text:<60} ; {lc}");
        }
        for (i, s) in f.selects.iter().enumerate() {
            let _ = writeln!(out, "  select#{i}: {}", tidy(&format!("{s:?}")));
        }
    }
    for (i, c) in p.consts.iter().enumerate() {
        let _ = match c {
            Const::Int(v) => writeln!(out, "const#{i} = {v}"),
            Const::Float(v) => writeln!(out, "const#{i} = {v:?}"),
            Const::Str(s) => writeln!(out, "const#{i} = {s:?}"),
        };
    }
    out
}

/// Turns `Reg(3)` into `r3`, `Some(x)` into `x` and `None` into `_`, so
/// listings stay short.
fn tidy(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    // For each open parenthesis: whether its closing one is to be dropped.
    let mut drop_close: Vec<bool> = Vec::new();
    let mut rest = debug;
    while let Some(c) = rest.chars().next() {
        let boundary = out
            .chars()
            .last()
            .is_none_or(|p| !p.is_ascii_alphanumeric());
        if boundary && rest.starts_with("Reg(") {
            out.push('r');
            rest = &rest[4..];
            drop_close.push(true);
        } else if boundary && rest.starts_with("Some(") {
            rest = &rest[5..];
            drop_close.push(true);
        } else if boundary && rest.starts_with("None") {
            out.push('_');
            rest = &rest[4..];
        } else {
            match c {
                '(' => drop_close.push(false),
                ')' if drop_close.pop() == Some(true) => {
                    rest = &rest[1..];
                    continue;
                }
                _ => {}
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn tidy_shortens_registers_and_options() {
        assert_eq!(
            tidy("MapGet { dst: Reg(1), m: Reg(2), key: Reg(3), ok: Some(Reg(4)) }"),
            "MapGet { dst: r1, m: r2, key: r3, ok: r4 }"
        );
        assert_eq!(
            tidy("Recv { dst: None, ch: Reg(0), ok: None }"),
            "Recv { dst: _, ch: r0, ok: _ }"
        );
        assert_eq!(
            tidy("Call { func: FuncId(2), base: Reg(5) }"),
            "Call { func: FuncId(2), base: r5 }"
        );
    }
}
