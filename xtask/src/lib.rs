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

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `[dependencies]` of the workspace member in `package` (`listings`,
/// `lessons`), each as a table, with `workspace = true` replaced by what the
/// workspace's `Cargo.toml` declares: what a standalone project needs to
/// depend on the same crates.
pub fn member_dependencies(root: &Path, package: &str) -> Result<toml::Table> {
    let read = |path: &str| -> Result<toml::Table> {
        let text = std::fs::read_to_string(root.join(path))
            .with_context(|| format!("cannot read {path}"))?;
        toml::from_str(&text).with_context(|| format!("{path} is not valid TOML"))
    };
    let manifest = format!("{package}/Cargo.toml");
    let member = read(&manifest)?;
    let workspace = read("Cargo.toml")?;
    let as_table = |spec: &toml::Value| match spec {
        toml::Value::Table(table) => table.clone(),
        version => toml::Table::from_iter([("version".to_string(), version.clone())]),
    };
    let shared = workspace
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|d| d.as_table())
        .cloned()
        .unwrap_or_default();
    let mut resolved = toml::Table::new();
    let listed = member.get("dependencies").and_then(|d| d.as_table());
    for (name, spec) in listed.into_iter().flatten() {
        let mut spec = as_table(spec);
        if spec.remove("workspace").and_then(|w| w.as_bool()) == Some(true) {
            let Some(inherited) = shared.get(name) else {
                bail!(
                    "{manifest} inherits `{name}` from the workspace, which does not declare it"
                );
            };
            for (key, value) in as_table(inherited) {
                spec.entry(key).or_insert(value);
            }
        }
        resolved.insert(name.clone(), toml::Value::Table(spec));
    }
    Ok(resolved)
}

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
