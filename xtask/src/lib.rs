//! The workbook's tooling, shared by `cargo xtask` and the listings' tests.
//!
//! - [`manifest`]: `listings/listings.toml`, and the checks that keep it, the
//!   listings and the pages consistent.
//! - [`output`]: the captured output of a listing: timings compared within a
//!   tolerance, the timeline events it prints.
//! - [`run`]: running listing binaries in parallel, measured on the wall clock.
//! - [`diagnostics`]: compiling the warning and compile-fail examples.
//! - [`timeline`]: drawing a run as SVG (for the book) or text (for a terminal).
//! - [`preprocess`]: the book's own mdBook preprocessor (`{{#timeline NAME}}`).
//! - `paused` (feature `paused-clock`): exact timing checks on tokio's paused clock.

pub mod diagnostics;
pub mod manifest;
pub mod output;
#[cfg(feature = "paused-clock")]
pub mod paused;
pub mod preprocess;
pub mod run;
pub mod timeline;

use std::path::{Path, PathBuf};

/// The root of the workspace: the folder holding `book.toml` and `Cargo.toml`.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}
