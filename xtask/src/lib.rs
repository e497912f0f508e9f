//! The workbook's tooling, shared by `cargo xtask` and the listings' tests.
//!
//! - [`cache`]: the per-user cache of the pinned tools, and the axe-core file
//!   the browser tests inject.
//! - [`cheat_sheet`]: the asyncio-to-tokio appendix, whose rows must point
//!   at sections and listings that exist.
//! - [`manifest`]: `listings/listings.toml`, and the checks that keep it, the
//!   listings and the pages consistent.
//! - [`output`]: the captured output of a listing: timings compared within a
//!   tolerance, the timeline events it prints.
//! - [`run`]: running listing binaries in parallel, measured on the wall clock.
//! - [`diagnostics`]: compiling the warning and compile-fail examples.
//! - [`lessons`]: the exercises' manifest, and checking an exercise.
//! - [`timeline`]: drawing a run as SVG (for the book) or text (for a terminal).
//! - [`preprocess`]: the book's own mdBook preprocessor (`{{#timeline NAME}}`).
//! - `proof` (feature `proof`): the listings' own tests: exact checks on
//!   tokio's paused clock, bounded runs, relations on the wall clock.

pub mod cache;
pub mod cheat_sheet;
pub mod diagnostics;
pub mod lessons;
pub mod manifest;
pub mod output;
pub mod preprocess;
#[cfg(feature = "proof")]
pub mod proof;
pub mod run;
pub mod timeline;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A command running the cargo that runs us (`$CARGO`), or `cargo`.
pub fn cargo_command() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The root of the workspace: the folder holding `book.toml` and `Cargo.toml`.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}
