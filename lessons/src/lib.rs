//! Exercises for the async Rust workbook.
//!
//! This crate is a placeholder: the exercises, their hints, solutions and
//! checks arrive with the lessons issue. It is a workspace member already so
//! that the layout, the tooling and CI do not change when they do.
