//! The exercises of `lessons/`: their manifest, and checking one exercise
//! (build its check program, run it bounded, read its evidence) into a
//! [`Verdict`]. The learner's commands (`cargo lesson ...`) live in
//! `xtask/src/lesson_cli.rs`.

pub mod check;
pub mod grade;
pub mod handout;
pub mod manifest;
pub mod pages;
pub mod project;

pub use check::{Verdict, check};
pub use manifest::{Exercise, Lessons};
