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

/// Where the tools are cached (see [`xtask::cache::tools_dir`]).
pub fn cache_dir() -> PathBuf {
    xtask::cache::tools_dir()
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

/// Makes sure the pinned axe-core's `axe.min.js` is in the cache, fetching its
/// tarball from the npm registry with `curl` and unpacking it with `tar` when
/// it is not, and checking the tarball against its pinned SHA-256 first.
/// Returns the file. The browser tests only read it: they never download.
pub fn ensure_axe() -> Result<PathBuf> {
    use xtask::cache::{AXE_SHA256, AXE_TARBALL, AXE_VERSION, axe_file, sha256_hex};
    let file = axe_file();
    if file.is_file() {
        return Ok(file);
    }
    let dir = file.parent().expect("axe.min.js is in a folder").to_path_buf();
    eprintln!("Fetching axe-core {AXE_VERSION} into {}", dir.display());
    let work =
        cache_dir().join(format!(".axe-core-{AXE_VERSION}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)
        .with_context(|| format!("cannot create {}", work.display()))?;
    let result = (|| -> Result<()> {
        let tarball = work.join("axe-core.tgz");
        let fetched = Command::new("curl")
            .args([
                "--fail",
                "--silent",
                "--show-error",
                "--location",
                "--max-time",
                "120",
            ])
            .arg("--output")
            .arg(&tarball)
            .arg(AXE_TARBALL)
            .stdin(Stdio::null())
            .output();
        let fetched = match fetched {
            Ok(out) => out,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => bail!(
                "cannot fetch axe-core {AXE_VERSION}: curl is not installed (apt-get install curl)"
            ),
            Err(error) => bail!("cannot run curl: {error}"),
        };
        if !fetched.status.success() {
            let why = String::from_utf8_lossy(&fetched.stderr);
            bail!(
                "cannot fetch {AXE_TARBALL} ({}): check that registry.npmjs.org is reachable and rerun `cargo xtask tools`",
                why.lines().next().unwrap_or("curl failed").trim()
            );
        }
        let bytes = std::fs::read(&tarball)?;
        let sum = sha256_hex(&bytes);
        if sum != AXE_SHA256 {
            bail!(
                "refusing {AXE_TARBALL}: its SHA-256 is {sum}, not the pinned {AXE_SHA256}"
            );
        }
        let unpacked = Command::new("tar")
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(&work)
            .arg("package/axe.min.js")
            .stdin(Stdio::null())
            .output()
            .context("cannot run tar")?;
        if !unpacked.status.success() {
            bail!(
                "cannot unpack axe.min.js from {AXE_TARBALL}: {}",
                String::from_utf8_lossy(&unpacked.stderr).trim()
            );
        }
        std::fs::create_dir_all(&dir)?;
        // Renamed into place last, so that a half-written file is never used.
        std::fs::rename(work.join("package/axe.min.js"), &file)
            .with_context(|| format!("cannot write {}", file.display()))?;
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&work);
    result?;
    Ok(file)
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
