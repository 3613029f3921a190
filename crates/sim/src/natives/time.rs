//! Natives of package time: Sleep, the clock, and the runtime timers behind Timer, Ticker,
//! After, Tick and AfterFunc (the Go side of package time is written in Go on top of these).

use std::collections::BTreeMap;

use gosched_lang::bytecode::TypeKind;

use crate::ids::Nanos;
use crate::interp::R;
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::sched::g::{Park, WaitReason};
use crate::sched::timers::{TimerId, TimerKind};
use crate::value::Value;

/// Simulated wall-clock time at step 0, in Unix nanoseconds: 2009-11-10
/// 23:00:00 UTC, the Go Playground's fixed "now".
pub const EPOCH_UNIX_NANOS: i64 = 1_257_894_000_000_000_000;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("time.Sleep", sleep);
    r.insert("time.now", now);
    r.insert("time.startTimer", start_timer);
    r.insert("time.startFuncTimer", start_func_timer);
    r.insert("time.stopTimer", stop_timer);
    r.insert("time.resetTimer", reset_timer);
}

/// `time.Sleep(d)`: park with a timer on the current P (time.go: timeSleep).
fn sleep(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let d = m.arg(c, 0).as_int();
    if d <= 0 || m.nested > 0 {
        return Ok(NRet::Done);
    }
    let until = m.sched.p(c.p).clock + d as Nanos;
    m.add_timer(c.p, TimerKind::Sleep(c.g), until);
    m.gs[c.g.index()].park = Park::Sleep { until };
    m.park(c.p, WaitReason::Sleep, None);
    Ok(NRet::Parked)
}

/// `time.now() int64`: Unix nanoseconds of the simulated clock.
fn now(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let t = EPOCH_UNIX_NANOS + m.sched.p(c.p).clock as i64;
    m.ret_val(c, 0, Value::Int(t));
    Ok(NRet::Done)
}

/// `startTimer(c chan Time, d, period int64) int`: arms a channel timer.
fn start_timer(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let Value::Ref(ch) = m.arg(c, 0) else {
        return Ok(NRet::Done);
    };
    let d = m.arg(c, 1).as_int().max(0) as Nanos;
    let period = m.arg(c, 2).as_int().max(0) as Nanos;
    let when = m.sched.p(c.p).clock + d;
    let id = m.add_timer(c.p, TimerKind::Chan { ch, period }, when);
    m.ret_val(c, 0, Value::Int(i64::from(id.0)));
    Ok(NRet::Done)
}

/// `startFuncTimer(f func(), d int64) int`: `time.AfterFunc`.
fn start_func_timer(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let f = m.arg(c, 0);
    let d = m.arg(c, 1).as_int().max(0) as Nanos;
    let when = m.sched.p(c.p).clock + d;
    let id = m.add_timer(c.p, TimerKind::Func(f), when);
    m.ret_val(c, 0, Value::Int(i64::from(id.0)));
    Ok(NRet::Done)
}

/// `stopTimer(id int) bool`; also drains a value sent but not received
/// (Go 1.23 timer channels).
fn stop_timer(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let id = TimerId(m.arg(c, 0).as_int() as u32);
    // Go 1.23: a fired timer whose value was not received counts as not yet
    // expired (the send happens when received), so Stop reports true.
    let unread = m.drain_timer_chan(id);
    let was = m.stop_timer(id) || unread;
    m.ret_val(c, 0, Value::Bool(was));
    Ok(NRet::Done)
}

/// `resetTimer(id int, d, period int64) bool`.
fn reset_timer(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let id = TimerId(m.arg(c, 0).as_int() as u32);
    let d = m.arg(c, 1).as_int().max(0) as Nanos;
    let period = m.arg(c, 2).as_int();
    let unread = m.drain_timer_chan(id);
    let when = m.sched.p(c.p).clock + d;
    let was = m.reset_timer(c.p, id, when, (period >= 0).then_some(period as Nanos)) || unread;

    m.ret_val(c, 0, Value::Bool(was));
    Ok(NRet::Done)
}

impl Machine {
    /// Discards a value a timer sent but nobody received; returns whether
    /// there was one.
    fn drain_timer_chan(&mut self, id: TimerId) -> bool {
        let Some(t) = self.timers.objs.get(id.0 as usize) else {
            return false;
        };
        if let TimerKind::Chan { ch, .. } = t.kind {
            if let crate::heap::Obj::Chan(c) = self.heap.get_mut(ch) {
                let had = !c.buf.is_empty();
                c.buf.clear();
                return had;
            }
        }
        false
    }

    /// A `time.Time` value for simulated time `t`.
    pub(crate) fn time_value(&mut self, t: Nanos) -> Value {
        let ns = Value::Int(EPOCH_UNIX_NANOS + t as i64);
        match self.prog.well_known.time_time {
            Some(ty) if matches!(self.prog.ty(ty).kind, TypeKind::Struct { .. }) => {
                let o = self.new_aggregate(ty);
                if let Some(s) = self.heap.slots_mut(o).first_mut() {
                    *s = ns;
                }
                Value::Ref(o)
            }
            _ => ns,
        }
    }
}
