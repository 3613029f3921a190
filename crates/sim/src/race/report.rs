//! Race reports in the format of `go run -race` (ThreadSanitizer's Go reports).

use gosched_lang::bytecode::FuncId;

use crate::ids::GoId;
use crate::machine::Machine;
use crate::race::{Access, RaceReport};
use crate::trace::{CellId, EventKind};

impl Machine {
    /// Checks an access with the race detector and reports a new race.
    pub(crate) fn race_access(
        &mut self,
        g: GoId,
        cell: CellId,
        write: bool,
        atomic: bool,
        func: FuncId,
        pc: u32,
    ) {
        let Some(race) = self.race.as_mut() else {
            return;
        };
        // `pc` is past the instruction; report the instruction itself.
        let ipc = pc.saturating_sub(1);
        let Some(prev) = race.access(g, cell, write, atomic, func, ipc) else {
            return;
        };
        let cur = Access {
            g,
            clock: 0,
            func,
            pc: ipc,
            write,
            atomic,
        };
        let hint = self
            .prog
            .func(func)
            .debug
            .get(ipc as usize)
            .and_then(|d| d.access);
        let name = self.cells.name(&self.prog, &self.heap, cell, hint);
        let text = self.race_text(&name, &cur, &prev);
        self.out.write_stderr(&text, u64::MAX);
        let id = {
            let r = self.race.as_mut().expect("checked above");
            r.reports.push(RaceReport {
                step: self.step,
                cell,
                name,
                current: cur,
                previous: prev,
                text,
            });
            r.reports.len() as u32 - 1
        };
        let name = self
            .races()
            .last()
            .map(|r| r.name.clone())
            .unwrap_or_default();
        self.cells.mark_racy(cell, &name);
        self.emit(EventKind::Race { id });
    }

    fn who(g: GoId) -> String {
        if g == GoId(1) {
            "main goroutine".to_string()
        } else {
            format!("goroutine {}", g.0)
        }
    }

    fn race_text(&self, name: &str, cur: &Access, prev: &Access) -> String {
        let kind = |a: &Access, cap: bool| match (a.write, cap) {
            (true, true) => "Write",
            (false, true) => "Read",
            (true, false) => "write",
            (false, false) => "read",
        };
        let mut s = String::from("==================\nWARNING: DATA RACE\n");
        s.push_str(&format!(
            "{} at {} by {}:\n",
            kind(cur, true),
            name,
            Self::who(cur.g)
        ));
        // The current goroutine's whole stack; the previous access's frame.
        let mut frames = self.gs[cur.g.index()].traceback();
        if let Some(top) = frames.first_mut() {
            *top = (cur.func, cur.pc);
        }
        s.push_str(&self.format_stack(&frames, "  ", "    "));
        s.push('\n');
        s.push_str(&format!(
            "Previous {} at {} by {}:\n",
            kind(prev, false),
            name,
            Self::who(prev.g)
        ));
        s.push_str(&self.format_stack(&[(prev.func, prev.pc)], "  ", "    "));
        for g in [cur.g, prev.g] {
            if g == GoId(1) {
                continue;
            }
            let gg = &self.gs[g.index()];
            let state = if gg.is_dead() { "finished" } else { "running" };
            if let Some((_, func, pc)) = gg.parent {
                s.push_str(&format!("\nGoroutine {} ({state}) created at:\n", g.0));
                s.push_str(&self.format_stack(&[(func, pc)], "  ", "    "));
            }
        }
        s.push_str("==================\n");
        s
    }
}
