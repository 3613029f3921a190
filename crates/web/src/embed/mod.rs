//! Embedding in course pages: embed mode's URL parameters, the postMessage protocol between a host page and the embed, the events it posts, and the Embed dialog's snippet.

pub mod apply;
pub mod bridge;
pub mod events;
pub mod link;
pub mod params;
pub mod protocol;
pub mod snippet;
