//! The built-in lessons: guided scenarios from the course material (issue 6).

pub mod data;
