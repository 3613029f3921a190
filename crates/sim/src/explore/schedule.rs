//! Recorded schedules: everything that makes one run, and its short URL-safe text form.
//!
//! Every nondeterministic choice of a run goes through `Machine::choose`
//! (which core acts next and for how long, steal order, `select`, map order,
//! `math/rand`), and, when a schedule steers the run, every *switch point*
//! (a visible operation at which another goroutine could run instead) is a
//! choice too. Choices are numbered in the order the run makes them. A run's
//! choice sequence is therefore fully described by:
//!
//! - the **seed**, which generates every choice nobody steers;
//! - the **policy**, a deterministic rule that decides at switch points (and,
//!   for PCT, which core acts next) — for random search and PCT it is the whole
//!   schedule, so their schedules stay a few bytes long;
//! - the **overrides**: choices forced to a value by their index, for the
//!   choices no seed produces (bounded search's preemptions, the page's
//!   "be the scheduler" clicks, or a full recorded sequence).
//!
//! plus the settings that shape the run (GOMAXPROCS, preemption mode, race
//! detector, and any of Go's scheduling policies switched off). Replaying a [`Schedule`] reproduces the run exactly, even one
//! no plain seed reaches.
//!
//! The text form ([`Schedule::encode`]) is a version byte, the settings and
//! policy as LEB128 varints, the overrides as (gap, value) varint pairs, all
//! in unpadded base64url (RFC 4648 §5, the `base64` crate the page's
//! scenario links already use), so it can sit in a URL as is. A plain seed
//! encodes in 6 characters; a bounded-search schedule with one preemption in
//! 8 to 10.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::config::{Config, Fidelity, PreemptMode, MAX_PROCS};

/// What a switch point decides (the value of its choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SwitchAction {
    /// The goroutine goes on.
    Continue,
    /// The goroutine is preempted here, exactly as if sysmon's asynchronous
    /// preemption landed before this instruction (to the global queue; the
    /// P schedules as Go does).
    Preempt,
    /// The goroutine keeps its P but the core gives up its turn: another P
    /// acts before this instruction (under PCT, with several running Ps;
    /// elsewhere it continues).
    Yield,
}

impl SwitchAction {
    /// The choice value that stands for the action.
    pub fn value(self) -> u32 {
        match self {
            SwitchAction::Continue => 0,
            SwitchAction::Preempt => 1,
            SwitchAction::Yield => 2,
        }
    }

    /// The action a choice value stands for (unknown values continue).
    pub fn from_value(v: u32) -> SwitchAction {
        match v {
            1 => SwitchAction::Preempt,
            2 => SwitchAction::Yield,
            _ => SwitchAction::Continue,
        }
    }

    /// How many values a switch point's choice has.
    pub const COUNT: u32 = 3;
}

/// The deterministic rule that steers a run besides the overrides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Policy {
    /// Nothing but the overrides: every switch point continues unless an
    /// override says otherwise (plain seeds, bounded search, replays of
    /// recorded choice sequences).
    Fixed,
    /// Random scheduling: each switch point where another goroutine is
    /// runnable preempts with probability `1 / one_in`.
    Random { one_in: u32 },
    /// Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010):
    /// random goroutine priorities and `depth - 1` priority change points
    /// among the first `span` switch points.
    Pct { depth: u32, span: u64 },
}

/// A choice forced to a value: choice number `index` of the run takes `value`
/// (reduced modulo the number of options the choice has).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Override {
    pub index: u64,
    pub value: u32,
}

/// Everything needed to replay one run of a program exactly.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Schedule {
    /// The seed every unsteered choice is drawn from.
    pub seed: u64,
    /// GOMAXPROCS at start.
    pub procs: u32,
    pub preempt: PreemptMode,
    /// Whether the race detector runs (it never changes the interleaving,
    /// only what is reported).
    pub race: bool,
    /// Go's scheduling policies, if the run switched any off.
    pub fidelity: Fidelity,
    pub policy: Policy,
    /// Forced choices, by strictly increasing index.
    pub overrides: Vec<Override>,
}

/// Why a schedule's text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleError(pub String);

impl std::fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid schedule: {}", self.0)
    }
}

impl std::error::Error for ScheduleError {}

/// The deepest PCT search a schedule may ask for: its guarantee decays as
/// `k^(d-1)`, so depths past a handful are no better than random search,
/// and the cap keeps a crafted link from asking for billions of change points.
pub const MAX_PCT_DEPTH: u32 = 32;

/// The text form's version (first byte): bump it when the meaning of a
/// choice changes, so old links fail clearly instead of replaying wrongly.
const VERSION: u8 = 1;

impl Schedule {
    /// The plain run of `cfg` (its seed, nothing steered).
    pub fn plain(cfg: &Config) -> Schedule {
        Schedule {
            seed: cfg.seed,
            procs: cfg.procs.clamp(1, MAX_PROCS),
            preempt: cfg.preempt,
            race: cfg.race,
            fidelity: cfg.fidelity,
            policy: Policy::Fixed,
            overrides: Vec::new(),
        }
    }

    /// `base` with this schedule's settings (seed, GOMAXPROCS, preemption
    /// mode, race detector, policies).
    pub fn config(&self, base: &Config) -> Config {
        Config {
            seed: self.seed,
            procs: self.procs,
            preempt: self.preempt,
            race: self.race,
            fidelity: self.fidelity,
            ..base.clone()
        }
    }

    /// A schedule that forces every choice of a recorded sequence (see
    /// `Machine::record_choices`): it replays that run whatever the seed.
    pub fn from_choices(cfg: &Config, choices: &[crate::explore::steer::Choice]) -> Schedule {
        Schedule {
            overrides: choices
                .iter()
                .map(|c| Override {
                    index: c.index,
                    value: c.value,
                })
                .collect(),
            ..Schedule::plain(cfg)
        }
    }

    /// The forced preemptions and yields (overrides are the only way a
    /// fixed-policy schedule departs from its seed).
    pub fn forced_switches(&self) -> usize {
        self.overrides.len()
    }

    /// The compact URL-safe text form.
    pub fn encode(&self) -> String {
        let mut b = vec![VERSION];
        let (tag, params): (u64, Vec<u64>) = match self.policy {
            Policy::Fixed => (0, vec![]),
            Policy::Random { one_in } => (1, vec![u64::from(one_in)]),
            Policy::Pct { depth, span } => (2, vec![u64::from(depth), span]),
        };
        let header = u64::from(self.procs.clamp(1, MAX_PROCS) - 1)
            | u64::from(self.preempt == PreemptMode::Cooperative) << 6
            | u64::from(self.race) << 7
            | tag << 8
            | u64::from(!self.fidelity.runnext) << 10
            | u64::from(!self.fidelity.global_fairness) << 11;
        put_varint(&mut b, header);
        put_varint(&mut b, self.seed);
        for p in params {
            put_varint(&mut b, p);
        }
        put_varint(&mut b, self.overrides.len() as u64);
        let mut next = 0u64;
        for o in &self.overrides {
            put_varint(&mut b, o.index.saturating_sub(next));
            put_varint(&mut b, u64::from(o.value));
            next = o.index.saturating_add(1);
        }
        base64url(&b)
    }

    /// Reads the text form back. Any text gives a schedule or an error,
    /// never a panic (links are user input).
    pub fn decode(text: &str) -> Result<Schedule, ScheduleError> {
        let bytes =
            un_base64url(text.trim()).ok_or_else(|| ScheduleError("not base64url text".into()))?;
        let mut r = Reader { b: &bytes, i: 0 };
        let version = r.byte()?;
        if version != VERSION {
            return Err(ScheduleError(format!(
                "version {version} (this build reads version {VERSION})"
            )));
        }
        let header = r.varint()?;
        let procs = (header & 63) as u32 + 1;
        let preempt = if header >> 6 & 1 == 1 {
            PreemptMode::Cooperative
        } else {
            PreemptMode::Async
        };
        let race = header >> 7 & 1 == 1;
        // Bits 10 and 11 switch a policy off; schedules from before they
        // existed have them clear, which is Go.
        let fidelity = Fidelity {
            runnext: header >> 10 & 1 == 0,
            global_fairness: header >> 11 & 1 == 0,
        };
        if header >> 12 != 0 {
            return Err(ScheduleError(format!(
                "unknown settings {:#x}",
                header >> 12 << 12
            )));
        }
        let seed = r.varint()?;
        let policy = match header >> 8 & 3 {
            0 => Policy::Fixed,
            1 => Policy::Random {
                one_in: r.small("one_in")?.max(1),
            },
            2 => {
                let depth = r.small("depth")?;
                if !(1..=MAX_PCT_DEPTH).contains(&depth) {
                    return Err(ScheduleError(format!(
                        "PCT depth {depth} (1 to {MAX_PCT_DEPTH})"
                    )));
                }
                Policy::Pct {
                    depth,
                    span: r.varint()?,
                }
            }
            t => return Err(ScheduleError(format!("unknown policy {t}"))),
        };
        let n = r.varint()?;
        if n > (bytes.len() as u64) {
            return Err(ScheduleError("too many overrides for its length".into()));
        }
        let mut overrides = Vec::with_capacity(n as usize);
        let mut next = 0u64;
        for _ in 0..n {
            let index = next
                .checked_add(r.varint()?)
                .ok_or_else(|| ScheduleError("override index overflows".into()))?;
            let value = r.small("value")?;
            overrides.push(Override { index, value });
            next = index.saturating_add(1);
        }
        if r.i != bytes.len() {
            return Err(ScheduleError("trailing bytes".into()));
        }
        Ok(Schedule {
            seed,
            procs,
            preempt,
            race,
            fidelity,
            policy,
            overrides,
        })
    }
}

impl std::fmt::Display for Schedule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.encode())
    }
}

impl std::str::FromStr for Schedule {
    type Err = ScheduleError;

    fn from_str(s: &str) -> Result<Schedule, ScheduleError> {
        Schedule::decode(s)
    }
}

// ===== varints =====

/// LEB128: seven bits a byte, low first, high bit set on all but the last.
fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ScheduleError> {
        let x = *self
            .b
            .get(self.i)
            .ok_or_else(|| ScheduleError("too short".into()))?;
        self.i += 1;
        Ok(x)
    }

    fn varint(&mut self) -> Result<u64, ScheduleError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let x = self.byte()?;
            v |= u64::from(x & 0x7f) << shift;
            if x & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ScheduleError("number too long".into()))
    }

    fn small(&mut self, what: &str) -> Result<u32, ScheduleError> {
        u32::try_from(self.varint()?).map_err(|_| ScheduleError(format!("{what} too large")))
    }
}

// ===== base64url (RFC 4648 §5, no padding) =====

fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn un_base64url(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Schedule {
        Schedule {
            seed: 1,
            procs: 1,
            preempt: PreemptMode::Async,
            race: false,
            fidelity: Fidelity::GO,
            policy: Policy::Fixed,
            overrides: vec![Override {
                index: 37,
                value: 1,
            }],
        }
    }

    #[test]
    fn round_trips_every_policy_and_setting() {
        let mut cases = vec![sample()];
        cases.push(Schedule {
            seed: u64::MAX,
            procs: 64,
            preempt: PreemptMode::Cooperative,
            race: true,
            fidelity: Fidelity {
                runnext: false,
                global_fairness: false,
            },
            policy: Policy::Pct {
                depth: 3,
                span: 123_456,
            },
            overrides: vec![
                Override { index: 0, value: 0 },
                Override {
                    index: 1,
                    value: u32::MAX,
                },
                Override {
                    index: 1 << 40,
                    value: 2,
                },
            ],
        });
        cases.push(Schedule {
            policy: Policy::Random { one_in: 16 },
            overrides: vec![],
            ..sample()
        });
        for (runnext, global_fairness) in [(false, true), (true, false)] {
            cases.push(Schedule {
                fidelity: Fidelity {
                    runnext,
                    global_fairness,
                },
                policy: Policy::Random { one_in: 3 },
                ..sample()
            });
        }
        for s in cases {
            let text = s.encode();
            assert!(
                text.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
                "{text}"
            );
            assert_eq!(Schedule::decode(&text), Ok(s.clone()), "{text}");
        }
    }

    #[test]
    fn a_plain_seed_and_one_preemption_are_short() {
        let plain = Schedule::plain(&Config::default());
        assert_eq!(plain.encode().len(), 6, "{}", plain.encode());
        assert!(sample().encode().len() <= 10, "{}", sample().encode());
    }

    #[test]
    fn schedules_from_before_the_policy_bits_read_as_go() {
        // Written by the encoder before bits 10 and 11 existed (links in
        // the wild): they replay with every policy on.
        let old = Schedule::decode("AQABASUB").expect("decodes");
        assert_eq!(old, sample());
        assert_eq!(sample().encode(), "AQABASUB");
        // A switched-off policy sets its bit.
        let mut off = sample();
        off.fidelity.runnext = false;
        assert_ne!(off.encode(), sample().encode());
        assert_eq!(off.config(&Config::default()).fidelity, off.fidelity);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "!",
            "A",
            "AAAA",
            "AQ",
            "AQEB",
            "_____________________",
            "AQAB__________8B",
            // Header bit 12 (no such setting) and policy tag 3.
            &base64url(&[1, 0x80, 0x20, 1, 0]),
            &base64url(&[1, 0x80, 0x06, 1, 0]),
            &sample().encode().repeat(2),
            &Schedule {
                policy: Policy::Pct {
                    depth: 4_000_000_000,
                    span: 5,
                },
                ..sample()
            }
            .encode(),
            &Schedule {
                policy: Policy::Pct { depth: 0, span: 5 },
                ..sample()
            }
            .encode(),
        ] {
            assert!(Schedule::decode(text).is_err(), "{text:?}");
        }
        // Every prefix of a valid schedule is rejected or decodes to something.
        let good = sample().encode();
        for n in 0..good.len() {
            let _ = Schedule::decode(&good[..n]);
        }
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(raw.as_bytes()), enc);
            assert_eq!(un_base64url(enc).as_deref(), Some(raw.as_bytes()));
        }
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }
}
