//! The memory meter (the seed's point): live goroutines and their stacks (2 KiB each at
//! start, plus growth) beside what as many OS threads would reserve (1 MiB each on
//! Windows, 8 MiB by default on Linux), with the ratio. The bars use a logarithmic
//! scale, since the thread bar is hundreds of times longer.

use gosched_sim::view::MemView;
use yew::prelude::*;

use crate::i18n::{bytes, num, t, tf, Key, Lang};

/// A goroutine's initial stack (runtime/stack.go: `fixedStack` is 2048 on Linux).
const START_STACK: u64 = 2048;

pub struct MemoryMeterProps {
    pub memory: MemView,
    pub lang: Lang,
}

/// The bar width in percent for `n` bytes on a log scale from 1 KiB to 1 TiB.
fn log_width(n: u64) -> u32 {
    if n == 0 {
        return 0;
    }
    let lo = (1u64 << 10) as f64;
    let hi = (1u64 << 40) as f64;
    let x = ((n as f64).max(lo).ln() - lo.ln()) / (hi.ln() - lo.ln());
    (x * 100.0).round().clamp(1.0, 100.0) as u32
}

pub fn memory_meter(p: &MemoryMeterProps) -> Html {
    let lang = p.lang;
    let m = &p.memory;
    let growth = m.stack_bytes.saturating_sub(m.goroutines * START_STACK);
    let ratio = if m.stack_bytes > 0 {
        (m.threads_linux as f64 / m.stack_bytes as f64).round() as u64
    } else {
        0
    };
    // The widths are data (a log-scale length), passed to the stylesheet as a value.
    let bar = |n: u64, class: &'static str, label: Key| {
        let w = log_width(n);
        html! {
            <div class={classes!("meter__bar", class)}>
                <span class="meter__fill" style={format!("width:{w}%")}></span>
                <span class="meter__label">{ t(lang, label) }{ " · " }{ bytes(lang, n) }</span>
            </div>
        }
    };
    html! {
        <section class="box meter" data-testid="memory-meter" aria-labelledby="meter-title">
            <h3 class="box__title" id="meter-title">{ t(lang, Key::Memory) }</h3>
            <div class="meter__cols">
                <div class="meter__col">
                    <p class="meter__big" data-testid="memory-goroutines">
                        { if m.goroutines == 1 {
                            t(lang, Key::MemGoroutineOne).to_string()
                        } else {
                            tf(lang, Key::MemGoroutines, &[("n", &num(lang, m.goroutines))])
                        } }
                    </p>
                    <p class="meter__sub">{ tf(lang, Key::MemStacks, &[("size", &bytes(lang, m.stack_bytes))]) }</p>
                    <p class="meter__note">{ tf(lang, Key::MemGrowth, &[("size", &bytes(lang, growth))]) }</p>
                </div>
                <div class="meter__col">
                    <p class="meter__big">{ bytes(lang, m.threads_windows) }</p>
                    <p class="meter__sub">{ t(lang, Key::MemThreads) }</p>
                    <p class="meter__note">{ tf(lang, Key::MemWindows, &[("size", &bytes(lang, m.threads_windows))]) }</p>
                    <p class="meter__note">{ tf(lang, Key::MemLinux, &[("size", &bytes(lang, m.threads_linux))]) }</p>
                </div>
            </div>
            { bar(m.stack_bytes, "meter__bar--g", Key::MemGoroutineBar) }
            { bar(m.threads_linux, "meter__bar--t", Key::MemThreadBar) }
            if ratio > 1 {
                <p class="meter__ratio" data-testid="memory-ratio">{ tf(lang, Key::MemRatio, &[("x", &num(lang, ratio))]) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn log_widths_grow_with_size() {
        use super::log_width;
        assert_eq!(log_width(0), 0);
        assert!(log_width(2048) < log_width(1 << 20));
        assert!(log_width(1 << 20) < log_width(8 << 20));
        assert_eq!(log_width(1 << 50), 100);
    }
}
