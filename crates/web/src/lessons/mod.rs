//! The built-in lessons: guided scenarios from the course material (issue 6).

pub mod data;
pub mod moment;
pub mod nav;
pub mod url;
