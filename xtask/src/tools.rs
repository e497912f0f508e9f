//! The pinned mdBook tools, installed on first use into a per-user cache.

use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// Installs `name` at exactly `version` into its cache folder, showing its
/// progress, or says in one line why it could not.
fn install(name: &str, version: &str, dir: &Path) -> Result<()> {
    eprintln!(
        "Installing {name} {version} into {} (a few minutes, once: later runs reuse it)",
        dir.display()
    );
    let start = Instant::now();
    match cargo_install(name, version, dir.parent().expect("bin/ has a parent"), start)
    {
        Ok(()) => {
            eprintln!(
                "Installing {name} {version}: done in {}",
                minutes(start.elapsed())
            );
            Ok(())
        }
        Err(why) => bail!(
            "could not install {name} {version} with `cargo install` ({why:#}); check that \
             crates.io is reachable and rerun, or put {name} {version} on PATH"
        ),
    }
}

/// Runs `cargo install` into `root`, printing a line every 20 crates it compiles;
/// on failure, the error is cargo's first `error` line.
fn cargo_install(name: &str, version: &str, root: &Path, start: Instant) -> Result<()> {
    let mut child = xtask::cargo_command()
        .args(["install", "--locked", "--version", version, name])
        .arg("--root")
        .arg(root)
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_TERM_COLOR", "never")
        .env("CARGO_TERM_PROGRESS_WHEN", "never")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run cargo")?;
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut lines = Vec::new();
    let mut compiled = 0;
    for line in BufReader::new(stderr).split(b'\n').map_while(Result::ok) {
        let line = String::from_utf8_lossy(&line).into_owned();
        if line.trim_start().starts_with("Compiling ") {
            compiled += 1;
            if compiled % 20 == 0 {
                let elapsed = minutes(start.elapsed());
                eprintln!(
                    "Installing {name} {version}: {compiled} crates compiled, {elapsed}"
                );
            }
        }
        lines.push(line);
    }
    let status = child.wait().context("cannot wait for cargo")?;
    if !status.success() {
        match lines.iter().find(|l| l.starts_with("error")) {
            Some(error) => bail!("{}", error.trim_start_matches("error: ").trim()),
            None => bail!("cargo {status}"),
        }
    }
    Ok(())
}

/// A duration as `3m 41s`, or as `41s` under a minute.
fn minutes(elapsed: Duration) -> String {
    match elapsed.as_secs() {
        s if s < 60 => format!("{s}s"),
        s => format!("{}m {:02}s", s / 60, s % 60),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(minutes(Duration::from_millis(41_900)), "41s");
        assert_eq!(minutes(Duration::from_secs(60)), "1m 00s");
        assert_eq!(minutes(Duration::from_secs(221)), "3m 41s");
    }
}
