//! Package math/rand: random numbers drawn from the machine's seeded generator as recorded
//! choices, so a replay reproduces them; Go's ranges and panics.

use std::collections::BTreeMap;

use crate::interp::R;
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::rng::ChoiceKind;
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("math/rand.Int", |m, c| {
        let v = m.rand_int63();
        ret_int(m, c, v)
    });
    r.insert("math/rand.Int63", |m, c| {
        let v = m.rand_int63();
        ret_int(m, c, v)
    });
    r.insert("math/rand.Int31", |m, c| {
        let v = m.rand_int63() >> 32;
        ret_int(m, c, v)
    });
    r.insert("math/rand.Intn", |m, c| bounded(m, c, "Intn"));
    r.insert("math/rand.Int63n", |m, c| bounded(m, c, "Int63n"));
    r.insert("math/rand.Int31n", |m, c| bounded(m, c, "Int31n"));
    r.insert("math/rand.Float64", |m, c| {
        let f = m.rand_float64();
        m.ret_val(c, 0, Value::Float(f));
        Ok(NRet::Done)
    });
    r.insert("math/rand.Float32", |m, c| {
        // rand.go: float32(Float64()), drawn again if it rounds up to 1.
        let f = loop {
            let f = m.rand_float64() as f32;
            if f < 1.0 {
                break f;
            }
        };
        m.ret_val(c, 0, Value::Float(f64::from(f)));
        Ok(NRet::Done)
    });
}

fn ret_int(m: &mut Machine, c: &mut NativeCall, v: i64) -> R<NRet> {
    m.ret_val(c, 0, Value::Int(v));
    Ok(NRet::Done)
}

/// `Intn`, `Int63n`, `Int31n`: uniform in `[0, n)`; `n <= 0` panics.
fn bounded(m: &mut Machine, c: &mut NativeCall, name: &str) -> R<NRet> {
    let n = m.arg(c, 0).as_int();
    if n <= 0 {
        return Err(m.panic_string(&format!("invalid argument to {name}")));
    }
    let v = m.rand_below(n as u64) as i64;
    ret_int(m, c, v)
}

impl Machine {
    /// A uniform 63-bit non-negative number, as three recorded choices.
    pub(crate) fn rand_int63(&mut self) -> i64 {
        let hi = u64::from(self.choose(ChoiceKind::UserRand, 1 << 31));
        let mid = u64::from(self.choose(ChoiceKind::UserRand, 1 << 16));
        let lo = u64::from(self.choose(ChoiceKind::UserRand, 1 << 16));
        ((hi << 32) | (mid << 16) | lo) as i64
    }

    /// A uniform number in `[0, n)` (`n > 0`): one recorded choice when `n`
    /// fits in 32 bits, else Go's rejection of the top of `Int63`.
    pub(crate) fn rand_below(&mut self, n: u64) -> u64 {
        if let Ok(small) = u32::try_from(n) {
            return u64::from(self.choose(ChoiceKind::UserRand, small));
        }
        let max = (1u64 << 63) - 1 - (1u64 << 63) % n;
        loop {
            let v = self.rand_int63() as u64;
            if v <= max {
                return v % n;
            }
        }
    }

    /// rand.Float64: `Int63() / 2**63`, drawn again if it rounds to 1.
    pub(crate) fn rand_float64(&mut self) -> f64 {
        loop {
            let f = self.rand_int63() as f64 / (1u64 << 63) as f64;
            if f < 1.0 {
                return f;
            }
        }
    }
}
