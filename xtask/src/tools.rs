//! The pinned mdBook tools, installed on first use into a per-user cache.

use anyhow::{Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The one place that pins the book's tools. mdbook-admonish does not work
/// with mdbook 0.5, so mdbook stays on 0.4.
pub const TOOLS: [(&str, &str); 3] =
    [("mdbook", "0.4.52"), ("mdbook-admonish", "1.20.0"), ("mdbook-quiz", "0.4.0")];

/// Where the tools are cached, outside the work tree so that every clone
/// shares them: `$WORKBOOK_TOOLS`, else `$XDG_CACHE_HOME/async-rust-workbook/tools`,
/// else `~/.cache/async-rust-workbook/tools`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("WORKBOOK_TOOLS") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache"))
        })
        .unwrap_or_else(std::env::temp_dir);
    base.join("async-rust-workbook/tools")
}

/// The folder holding one tool's binary in the cache.
fn bin_dir(name: &str, version: &str) -> PathBuf {
    cache_dir().join(format!("{name}-{version}")).join("bin")
}

/// Whether `program --version` reports exactly `version`.
fn reports_version(program: &Path, version: &str) -> bool {
    Command::new(program).arg("--version").stderr(Stdio::null()).output().is_ok_and(
        |out| {
            let text = String::from_utf8_lossy(&out.stdout);
            text.split_whitespace().any(|word| word.trim_start_matches('v') == version)
        },
    )
}

/// Installs `name` at exactly `version` into its cache folder, or says in one
/// line why it could not.
fn install(name: &str, version: &str, dir: &Path) -> Result<()> {
    eprintln!(
        "Installing {name} {version} into {} (a few minutes, once: later runs reuse it)",
        dir.display()
    );
    let root = dir.parent().expect("bin/ has a parent");
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["install", "--locked", "--quiet", "--version", version, name])
        .arg("--root")
        .arg(root)
        .env_remove("CARGO_TARGET_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output();
    let why = match out {
        Ok(out) if out.status.success() => return Ok(()),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first_error =
                stderr.lines().find(|l| l.starts_with("error")).unwrap_or("");
            first_error.trim_start_matches("error: ").trim().to_string()
        }
        Err(error) => error.to_string(),
    };
    bail!(
        "could not install {name} {version} with `cargo install` ({why}); check that crates.io \
         is reachable and rerun, or put {name} {version} on PATH"
    )
}

/// Makes sure the pinned tools are there, installing the missing ones, and
/// returns a PATH that finds them first. A tool already on PATH at exactly the
/// pinned version is used as it is.
pub fn ensure() -> Result<OsString> {
    let old = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = Vec::new();
    for (name, version) in TOOLS {
        let dir = bin_dir(name, version);
        let cached = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
        if reports_version(&cached, version) {
            dirs.push(dir);
        } else if !reports_version(Path::new(name), version) {
            install(name, version, &dir)?;
            if !reports_version(&cached, version) {
                bail!(
                    "{name} was installed into {}, but does not report version {version}",
                    dir.display()
                );
            }
            dirs.push(dir);
        }
    }
    dirs.extend(std::env::split_paths(&old));
    Ok(std::env::join_paths(dirs)?)
}
