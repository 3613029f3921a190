//! Scenario links: a whole scenario (program, settings, view state) in the URL fragment, no server.
//!
//! A link is `#v1.` followed by the scenario as text (settings as
//! `key=value` lines, a blank line, then the program), raw-deflated and
//! base64url-encoded (no padding). The version tag lets later formats open old
//! links; a link from a newer version is refused with a message, never
//! guessed at. Decoding is total: any input gives a [`Scenario`] or a
//! [`ShareError`] saying what was wrong (the page then opens the default
//! scenario and shows the message), never a panic, and never more than
//! [`MAX_DECODED`] bytes of memory however small the link.
//!
//! Why deflate: `miniz_oxide` (pure Rust, the deflate behind flate2) gave the
//! shortest links on the lessons: 7,082 characters for the 16 lesson programs
//! against 8,630 with lz-string's URI encoding, 22% longer (`tests/share.rs`
//! prints both). Every lesson's link is between 335 and 601 characters.

mod open;
mod scenario;

pub use open::{default_scenario, open, start_run};
pub use scenario::{Lang, Preempt, Scenario};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The fragment prefix of the current format.
pub const PREFIX: &str = "v1.";

/// The largest decoded scenario accepted (the program plus settings).
pub const MAX_DECODED: usize = 256 * 1024;

/// The longest fragment accepted before decoding (a browser keeps far longer
/// URLs, but nothing legitimate is this long).
pub const MAX_LINK: usize = 512 * 1024;

/// Why a link could not be opened. Data: the page words it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not a scenario at all (no `v<N>.` tag).
    NotAScenario,
    /// Made by a newer version of the playground (format `v<N>`).
    NewerVersion(u32),
    /// Not valid base64url (a character was changed or the link was cut).
    BadEncoding,
    /// The compressed data is damaged or cut short.
    Corrupt,
    /// The link, or what it decompresses to, is larger than allowed.
    TooLarge,
    /// A setting has a value the page cannot use.
    BadField { name: String, value: String },
    /// The decoded program is not text.
    NotText,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotAScenario => write!(f, "the link does not hold a scenario"),
            ShareError::NewerVersion(v) => write!(
                f,
                "the link was made by a newer version of the playground (format v{v})"
            ),
            ShareError::BadEncoding => write!(f, "the link is damaged (invalid characters)"),
            ShareError::Corrupt => write!(f, "the link is damaged or was cut short"),
            ShareError::TooLarge => write!(f, "the link is too large"),
            ShareError::BadField { name, value } => {
                write!(f, "the link has an invalid setting: {name}={value:?}")
            }
            ShareError::NotText => write!(f, "the link's program is not text"),
        }
    }
}

/// The URL fragment (without `#`) for `s`.
pub fn encode(s: &Scenario) -> String {
    let text = s.to_text();
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a URL fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<Scenario, ShareError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.len() > MAX_LINK {
        return Err(ShareError::TooLarge);
    }
    let (version, data) = split_version(f)?;
    if version != 1 {
        return Err(ShareError::NewerVersion(version));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::BadEncoding)?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECODED).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Corrupt,
            }
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    Scenario::from_text(&text)
}

/// `v<N>.rest` → `(N, rest)`.
fn split_version(f: &str) -> Result<(u32, &str), ShareError> {
    let rest = f.strip_prefix('v').ok_or(ShareError::NotAScenario)?;
    let (num, data) = rest.split_once('.').ok_or(ShareError::NotAScenario)?;
    if num.is_empty() || num.len() > 6 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotAScenario);
    }
    let v = num.parse().map_err(|_| ShareError::NotAScenario)?;
    if v == 0 {
        return Err(ShareError::NotAScenario);
    }
    Ok((v, data))
}
