//! The postMessage protocol: messages a host page sends into the embed, and events the embed sends out.
//!
//! Every message is an object with `source: "gosched"` and a `type`. Into
//! the embed: `{type: "load", scenario}` (a link fragment, as `#v1.…`),
//! `{type: "play"}`, `{type: "pause"}`, `{type: "step"}`, `{type: "seek",
//! step}`, `{type: "set", procs}`. Out of it: `{type: "ready"}`, `{type:
//! "height", px}`, `{type: "step", step}`, `{type: "finished", exitCode}`,
//! `{type: "race", variable, lines}`, `{type: "deadlock"}`, `{type: "panic",
//! message}`.
//!
//! The embed never evaluates anything a host sends: a message is JSON parsed
//! into [`Inbound`], and anything without the expected shape (another
//! source, unknown type, missing or mistyped fields, out-of-range values) is
//! ignored; extra fields are tolerated, so a newer host can talk to an older
//! embed. The page serialises the browser's message with
//! `JSON.stringify` and calls [`parse_inbound`], so this module has no
//! browser dependency and is tested natively.

use serde::{Deserialize, Serialize};

/// The `source` every message carries.
pub const SOURCE: &str = "gosched";

/// A command from the host page.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Inbound {
    /// Open a scenario (a link fragment).
    Load {
        scenario: String,
    },
    Play,
    Pause,
    /// Advance to the next event.
    Step,
    /// Move the playhead to a step.
    Seek {
        step: u64,
    },
    /// Change GOMAXPROCS (1–64) and rerun.
    Set {
        procs: u32,
    },
}

/// An event for the host page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Outbound {
    /// The embed is loaded and accepts commands.
    Ready,
    /// The embed's content height, for the host to size the iframe.
    Height { px: u32 },
    /// The playhead moved.
    Step { step: u64 },
    /// The run ended.
    #[serde(rename_all = "camelCase")]
    Finished { exit_code: i32 },
    /// The race detector found a race on `variable` between these lines.
    Race { variable: String, lines: Vec<u32> },
    /// Go's "all goroutines are asleep" deadlock.
    Deadlock,
    /// An unrecovered panic (its first line).
    Panic { message: String },
}

/// Parses a host's message (its JSON text); `None` for anything that is not
/// exactly a valid command from a gosched host.
pub fn parse_inbound(json: &str) -> Option<Inbound> {
    if json.len() > super::super::share::MAX_LINK + 1024 {
        return None;
    }
    let mut v: serde_json::Value = serde_json::from_str(json).ok()?;
    let obj = v.as_object_mut()?;
    if obj.remove("source")?.as_str()? != SOURCE {
        return None;
    }
    let msg: Inbound = serde_json::from_value(v).ok()?;
    match &msg {
        Inbound::Set { procs } if !(1..=64).contains(procs) => None,
        Inbound::Load { scenario } if scenario.len() > super::super::share::MAX_LINK => None,
        _ => Some(msg),
    }
}

impl Outbound {
    /// The JSON text to post (with `source: "gosched"`).
    pub fn to_json(&self) -> String {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(obj) = v.as_object_mut() {
            obj.insert("source".into(), SOURCE.into());
        }
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_parses() {
        let cases = [
            (
                r##"{"source":"gosched","type":"load","scenario":"#v1.abc"}"##,
                Inbound::Load {
                    scenario: "#v1.abc".into(),
                },
            ),
            (r#"{"source":"gosched","type":"play"}"#, Inbound::Play),
            // Extra fields are tolerated (a newer host may send more).
            (r#"{"source":"gosched","type":"play","v":2}"#, Inbound::Play),
            (r#"{"type":"pause","source":"gosched"}"#, Inbound::Pause),
            (r#"{"source":"gosched","type":"step"}"#, Inbound::Step),
            (
                r#"{"source":"gosched","type":"seek","step":1234}"#,
                Inbound::Seek { step: 1234 },
            ),
            (
                r#"{"source":"gosched","type":"set","procs":4}"#,
                Inbound::Set { procs: 4 },
            ),
        ];
        for (json, want) in cases {
            assert_eq!(parse_inbound(json), Some(want), "{json}");
        }
    }

    #[test]
    fn anything_else_is_ignored() {
        for json in [
            "",
            "null",
            "42",
            "\"play\"",
            "[]",
            r#"{"type":"play"}"#,
            r#"{"source":"other","type":"play"}"#,
            r#"{"source":1,"type":"play"}"#,
            r#"{"source":"gosched"}"#,
            r#"{"source":"gosched","type":"eval","code":"alert(1)"}"#,
            r#"{"source":"gosched","type":"seek"}"#,
            r#"{"source":"gosched","type":"seek","step":-1}"#,
            r#"{"source":"gosched","type":"seek","step":"12"}"#,
            r#"{"source":"gosched","type":"set","procs":0}"#,
            r#"{"source":"gosched","type":"set","procs":65}"#,
            r#"{"source":"gosched","type":"load","scenario":42}"#,
            r#"{"source":"gosched","type":"load"}"#,
        ] {
            assert_eq!(parse_inbound(json), None, "{json}");
        }
    }

    #[test]
    fn events_serialise_as_documented() {
        let parse = |o: Outbound| -> serde_json::Value {
            serde_json::from_str(&o.to_json()).expect("valid JSON")
        };
        let v = parse(Outbound::Finished { exit_code: 66 });
        assert_eq!(v["source"], "gosched");
        assert_eq!(v["type"], "finished");
        assert_eq!(v["exitCode"], 66);
        let v = parse(Outbound::Height { px: 640 });
        assert_eq!(
            (v["type"].as_str(), v["px"].as_u64()),
            (Some("height"), Some(640))
        );
        let v = parse(Outbound::Race {
            variable: "counter".into(),
            lines: vec![14, 14],
        });
        assert_eq!(v["variable"], "counter");
        assert_eq!(v["lines"][1], 14);
        let v = parse(Outbound::Panic {
            message: "panic: boom".into(),
        });
        assert_eq!(v["message"], "panic: boom");
        assert_eq!(parse(Outbound::Ready)["type"], "ready");
        assert_eq!(parse(Outbound::Deadlock)["type"], "deadlock");
        assert_eq!(parse(Outbound::Step { step: 9 })["step"], 9);
    }
}
