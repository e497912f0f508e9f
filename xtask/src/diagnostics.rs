//! Compiler messages as the book shows them: each example in
//! `listings/diagnostics/` is checked with cargo in a scratch package under
//! `target/diagnostics/`, and the messages cargo prints for it are captured.
//!
//! The scratch package has its own target folder, so this works from inside a
//! running `cargo test` without waiting for that cargo's lock, and uses the
//! workspace's `Cargo.lock` so the example sees the same tokio as the listings.

use crate::manifest::Diagnostic;
use crate::run;
use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The dependencies the examples may use: the listings' own, with the same
/// features, read from `listings/Cargo.toml` (optional ones left out), with
/// `workspace = true` resolved from the workspace's `Cargo.toml`.
fn dependencies(root: &Path) -> Result<String> {
    let mut wanted = crate::member_dependencies(root, "listings")?;
    wanted
        .retain(|_, spec| spec.get("optional").and_then(|o| o.as_bool()) != Some(true));
    Ok(toml::to_string(&toml::Table::from_iter([(
        "dependencies".to_string(),
        toml::Value::Table(wanted),
    )]))?)
}

/// What the compiler said about an example, and what it printed when run.
pub struct Captured {
    /// The compiler's messages, rendered as a learner sees them.
    pub message: String,
    /// What the example printed, for an example with `runs = true`.
    pub stdout: Option<String>,
}

/// Checks the example and returns the compiler's messages about it, rendered
/// as a learner sees them, with the path of the example as it is in the repo.
/// Fails unless they contain the text the manifest expects. An example with
/// `runs = true` is also built and run (bounded like every listing), and what
/// it printed is returned too.
pub fn capture(root: &Path, diagnostic: &Diagnostic) -> Result<Captured> {
    let scratch = root.join("target/diagnostics");
    let name = &diagnostic.name;
    fs::create_dir_all(scratch.join("src/bin"))?;
    fs::write(
        scratch.join("Cargo.toml"),
        format!(
            "# Written by `cargo xtask`: a scratch package for the compiler-message examples.\n\
             [package]\nname = \"diagnostics\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             {}\n[workspace]\n",
            dependencies(root)?
        ),
    )?;
    if let Ok(lock) = fs::read(root.join("Cargo.lock"))
        && fs::read(scratch.join("Cargo.lock")).ok().as_deref() != Some(&lock[..])
    {
        fs::write(scratch.join("Cargo.lock"), lock)?;
    }
    let source = root.join(diagnostic.source());
    let code = fs::read_to_string(&source)
        .with_context(|| format!("cannot read {}", source.display()))?;
    let scratch_source = scratch.join(format!("src/bin/{name}.rs"));
    if fs::read_to_string(&scratch_source).ok().as_deref() != Some(&code) {
        fs::write(&scratch_source, &code)?;
    }
    let out = crate::cargo_command()
        .current_dir(&scratch)
        .args(["check", "--quiet", "--message-format=json", "--bin", name])
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .context("cannot run cargo to check the example")?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut rendered = String::new();
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if message["reason"] != "compiler-message"
            || message["target"]["name"] != name.as_str()
        {
            continue;
        }
        if let Some(text) = message["message"]["rendered"].as_str() {
            rendered.push_str(text);
        }
    }
    if rendered.is_empty() {
        bail!(
            "cargo printed no message about {} (exit: {}):\n{}",
            diagnostic.source(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Paths as a reader sees them: the example where it is in the repository,
    // and the crates.io sources under `~/.cargo` whatever this machine's
    // CARGO_HOME is.
    let mut rendered =
        rendered.replace(&format!("src/bin/{name}.rs"), &diagnostic.source());
    if let Some(registry) = cargo_home().map(|home| home.join("registry/src/")) {
        rendered =
            rendered.replace(&*registry.to_string_lossy(), "~/.cargo/registry/src/");
    }
    check_expected(diagnostic, &rendered)?;
    let stdout = if diagnostic.runs {
        let status = crate::cargo_command()
            .current_dir(&scratch)
            .args(["build", "--quiet", "--bin", name])
            .env("CARGO_TARGET_DIR", scratch.join("target"))
            .env("CARGO_TERM_COLOR", "never")
            .stderr(std::process::Stdio::null())
            .status()
            .context("cannot run cargo to build the example")?;
        if !status.success() {
            bail!("{} does not build, so it cannot run", diagnostic.source());
        }
        Some(run::run_one(&scratch.join("target/debug"), name)?.stdout)
    } else {
        None
    };
    Ok(Captured { message: rendered, stdout })
}

/// Cargo's home: `$CARGO_HOME`, or `~/.cargo`.
fn cargo_home() -> Option<std::path::PathBuf> {
    std::env::var_os("CARGO_HOME").map(std::path::PathBuf::from).or_else(|| {
        std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo"))
    })
}

fn check_expected(diagnostic: &Diagnostic, rendered: &str) -> Result<()> {
    if !rendered.contains(&diagnostic.expect) {
        bail!(
            "the compiler no longer says “{}” about {}; it says:\n{rendered}",
            diagnostic.expect,
            diagnostic.source()
        );
    }
    Ok(())
}
