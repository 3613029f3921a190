//! A scenario as plain data, and its text form (`key=value` settings, a blank line, the program).

use super::ShareError;
use crate::compare::Vary;

/// Preemption mode, as the page offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Preempt {
    /// Go 1.14+: sysmon preempts a goroutine that ran 10 ms.
    #[default]
    Async,
    /// Only at calls and blocking operations (Go ≤ 1.13).
    Coop,
}

/// The page's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    PtBr,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }

    pub fn from_tag(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "pt-BR" | "pt" => Some(Lang::PtBr),
            _ => None,
        }
    }
}

/// Everything that changes a run, plus the view state worth sharing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub program: String,
    /// GOMAXPROCS, 1–64.
    pub procs: u32,
    pub preempt: Preempt,
    pub seed: u64,
    pub race: bool,
    /// Go's `runnext` slot (off: a "what if" run, `runnext=0`).
    pub runnext: bool,
    /// Go's every-61st check of the global queue (off: `fairness=0`).
    pub fairness: bool,
    /// The page's speed setting (0 = slowest; the page clamps to its range).
    pub speed: u8,
    /// The playhead: the step to open paused at.
    pub step: Option<u64>,
    /// The selected goroutine (its Go id).
    pub goroutine: Option<u32>,
    /// The selected shared cell, by name as the user wrote it (`counter`, `s.hits`).
    pub cell: Option<String>,
    pub lang: Option<Lang>,
    /// A lesson and its step (`race-condition/2`).
    pub lesson: Option<String>,
    /// A recorded schedule (the explorer's), replayed instead of the seed's.
    pub schedule: Option<String>,
    /// The split view, open on two runs that differ in one setting.
    pub compare: Option<Vary>,
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            program: String::new(),
            procs: 4,
            preempt: Preempt::Async,
            seed: 1,
            race: true,
            runnext: true,
            fairness: true,
            speed: 3,
            step: None,
            goroutine: None,
            cell: None,
            lang: None,
            lesson: None,
            schedule: None,
            compare: None,
        }
    }
}

/// The longest value of a free-text setting (cell names, lesson ids, schedules).
const MAX_VALUE: usize = 64 * 1024;

impl Scenario {
    /// The text form: one `key=value` line per setting that differs from
    /// the default, a blank line, then the program verbatim.
    pub fn to_text(&self) -> String {
        let d = Scenario::default();
        let mut s = String::new();
        let mut kv = |k: &str, v: &str| {
            s.push_str(k);
            s.push('=');
            s.push_str(v);
            s.push('\n');
        };
        if self.procs != d.procs {
            kv("procs", &self.procs.to_string());
        }
        if self.preempt != d.preempt {
            kv("preempt", "coop");
        }
        if self.seed != d.seed {
            kv("seed", &self.seed.to_string());
        }
        if self.race != d.race {
            kv("race", if self.race { "1" } else { "0" });
        }
        if self.runnext != d.runnext {
            kv("runnext", if self.runnext { "1" } else { "0" });
        }
        if self.fairness != d.fairness {
            kv("fairness", if self.fairness { "1" } else { "0" });
        }
        if self.speed != d.speed {
            kv("speed", &self.speed.to_string());
        }
        if let Some(v) = self.step {
            kv("step", &v.to_string());
        }
        if let Some(v) = self.goroutine {
            kv("g", &v.to_string());
        }
        if let Some(v) = &self.cell {
            kv("cell", &escape(v));
        }
        if let Some(v) = self.lang {
            kv("lang", v.tag());
        }
        if let Some(v) = &self.lesson {
            kv("lesson", &escape(v));
        }
        if let Some(v) = &self.schedule {
            kv("schedule", &escape(v));
        }
        if let Some(v) = self.compare {
            kv("compare", &v.to_text());
        }
        s.push('\n');
        s.push_str(&self.program);
        s
    }

    /// Parses [`Self::to_text`]'s form. Unknown keys are ignored (a later
    /// v1 may add settings); a known key with a bad value is an error.
    pub fn from_text(text: &str) -> Result<Scenario, ShareError> {
        // Settings lines are never empty, so the first blank line ends them.
        let (head, program) = match text.strip_prefix('\n') {
            Some(program) => ("", program),
            None => text.split_once("\n\n").ok_or(ShareError::Corrupt)?,
        };
        let mut s = Scenario {
            program: program.to_string(),
            ..Scenario::default()
        };
        for line in head.lines().filter(|l| !l.is_empty()) {
            let Some((k, v)) = line.split_once('=') else {
                return Err(ShareError::Corrupt);
            };
            let bad = || ShareError::BadField {
                name: k.chars().take(40).collect(),
                value: v.chars().take(40).collect(),
            };
            if v.len() > MAX_VALUE {
                return Err(bad());
            }
            match k {
                "procs" => {
                    s.procs = v
                        .parse()
                        .ok()
                        .filter(|n| (1..=64).contains(n))
                        .ok_or_else(bad)?
                }
                "preempt" => {
                    s.preempt = match v {
                        "async" => Preempt::Async,
                        "coop" => Preempt::Coop,
                        _ => return Err(bad()),
                    }
                }
                "seed" => s.seed = v.parse().map_err(|_| bad())?,
                "race" => s.race = flag(v).ok_or_else(bad)?,
                "runnext" => s.runnext = flag(v).ok_or_else(bad)?,
                "fairness" => s.fairness = flag(v).ok_or_else(bad)?,
                "speed" => s.speed = v.parse().map_err(|_| bad())?,
                "step" => s.step = Some(v.parse().map_err(|_| bad())?),
                "g" => s.goroutine = Some(v.parse().map_err(|_| bad())?),
                "cell" => s.cell = Some(unescape(v).ok_or_else(bad)?),
                "lang" => s.lang = Some(Lang::from_tag(v).ok_or_else(bad)?),
                "lesson" => s.lesson = Some(unescape(v).ok_or_else(bad)?),
                "schedule" => s.schedule = Some(unescape(v).ok_or_else(bad)?),
                "compare" => s.compare = Some(Vary::parse(v).ok_or_else(bad)?),
                _ => {}
            }
        }
        Ok(s)
    }
}

/// A switch's value: `1` on, `0` off.
fn flag(v: &str) -> Option<bool> {
    match v {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// Keeps a value on one line: `\` → `\\`, newline → `\n`.
fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(v: &str) -> Option<String> {
    let mut out = String::with_capacity(v.len());
    let mut it = v.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next()? {
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}
