//! Embedding in course pages: the postMessage protocol between a host page and the embed.

pub mod protocol;
