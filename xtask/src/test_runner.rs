//! The "tests" step of `cargo xtask test`: every test executable of the
//! workspace, built once, then run in three groups at the same time, since
//! most of them wait (on timers, on Chromium, on cargo) rather than compute:
//!
//! - **the listings**, at normal priority and never beside each other's
//!   CPU-bound work: first the run of every listing against its claims on the
//!   wall clock (`listings/tests/listings.rs`), then each listing's own proofs
//!   (those of `timings = "machine"` listings one at a time, as they measure
//!   the machine; the others a few at a time);
//! - **the tooling and the exercises** (xtask, lessons, grading), at a low
//!   priority, all at once;
//! - **the browser suite**, at a low priority.
//!
//! A low priority (`nice` 10) keeps Chromium and the exercises' builds from
//! delaying the listings' wall-clock measurements. Each group's output is
//! printed when it ends, whole, in the order above.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};
use xtask::manifest::Manifest;
use xtask::output::Timings;

/// How long one test executable may run before it is stopped. Every test
/// bounds its own runs; this only guards against a test harness that hangs.
const LIMIT: Duration = Duration::from_secs(300);

/// The priority (`nice`) of the other groups: below the listings, and the
/// same for both, so that neither starves the other. (The exercises' checks
/// measure real time too: a paused-clock run must take under 0.5 s of it.)
const BROWSER_NICE: i32 = 10;
const TOOLING_NICE: i32 = 10;

/// How many listings' own proofs run at once (they mostly sleep).
const PROOFS_AT_ONCE: usize = 6;

/// One test executable that cargo built.
#[derive(Debug, Clone)]
struct Executable {
    /// The package's folder name: `listings`, `xtask`, ...
    package: String,
    /// `bin NAME`, `test NAME` or `lib`.
    target: String,
    /// The target's name (the listing's, for a listing's own tests).
    name: String,
    path: PathBuf,
    /// The package's folder, where cargo runs its tests.
    dir: PathBuf,
}

/// What one executable did.
struct Outcome {
    label: String,
    output: String,
    passed: bool,
    seconds: f64,
}

pub fn run(root: &Path) -> Result<()> {
    let executables = build(root)?;
    let machine: Vec<String> = Manifest::load(root)?
        .listings
        .iter()
        .filter(|l| l.timings == Timings::Machine)
        .map(|l| l.name.clone())
        .collect();
    let (mut listings, mut tooling, mut browser) = (Vec::new(), Vec::new(), Vec::new());
    for exe in executables {
        match exe.package.as_str() {
            "listings" => listings.push(exe),
            "browser" => browser.push(exe),
            _ => tooling.push(exe),
        }
    }
    // The run of every listing first, on a machine as quiet as it gets.
    listings.sort_by_key(|e| e.target != "test listings");
    let started = Instant::now();
    // Each group's outcomes, and when it ended.
    let timed = |outcomes: Vec<Outcome>| (outcomes, started.elapsed().as_secs_f64());
    let groups = thread::scope(|scope| {
        let listings =
            scope.spawn(|| timed(run_listings_group(root, &listings, &machine)));
        let tooling = scope.spawn(|| {
            // Independent programs, each with its own scratch folders, and
            // mostly waiting (on cargo, on learners' code): all at once.
            let tooling: Vec<&Executable> = tooling.iter().collect();
            let mut outcomes = run_at_once(root, &tooling, TOOLING_NICE);
            outcomes.push(doc_tests(root));
            timed(outcomes)
        });
        let browser = scope.spawn(|| {
            timed(
                browser
                    .iter()
                    .map(|e| run_executable(root, e, BROWSER_NICE))
                    .collect::<Vec<_>>(),
            )
        });
        [
            ("listings", listings.join()),
            ("tooling and exercises", tooling.join()),
            ("browser", browser.join()),
        ]
    });
    let mut failed = Vec::new();
    let mut out = std::io::stdout().lock();
    for (group, outcomes) in groups {
        let (outcomes, ended) =
            outcomes.map_err(|_| anyhow::anyhow!("the {group} group crashed"))?;
        let seconds: f64 = outcomes.iter().map(|o| o.seconds).sum();
        writeln!(
            out,
            "\n-- {group}: {} test programs, {seconds:.1} s of run time, done after {ended:.1} s",
            outcomes.len()
        )?;
        for outcome in outcomes {
            writeln!(
                out,
                "     Running {} ({:.1} s){}",
                outcome.label,
                outcome.seconds,
                if outcome.passed { "" } else { " FAILED" }
            )?;
            out.write_all(outcome.output.as_bytes())?;
            if !outcome.passed {
                failed.push(outcome.label);
            }
        }
    }
    writeln!(
        out,
        "\ntests: all groups done in {:.1} s",
        started.elapsed().as_secs_f64()
    )?;
    if !failed.is_empty() {
        bail!("{} test programs failed: {}", failed.len(), failed.join(", "));
    }
    Ok(())
}

/// Builds every test executable of the workspace (all features: the HTTP
/// listings too) and returns them. Compiler messages go to stdout.
fn build(root: &Path) -> Result<Vec<Executable>> {
    std::io::stdout().flush()?;
    let output = xtask::cargo_command()
        .current_dir(root)
        .args([
            "test",
            "--workspace",
            "--all-features",
            "--no-run",
            "--quiet",
            "--message-format=json-render-diagnostics",
        ])
        .stderr(std::io::stdout())
        .output()
        .context("cannot run cargo test --no-run")?;
    if !output.status.success() {
        bail!("the tests do not build (cargo's messages are above)");
    }
    let mut executables = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if let Some(exe) = executable(&message) {
            executables.push(exe);
        }
    }
    executables.sort_by(|a, b| (&a.package, &a.target).cmp(&(&b.package, &b.target)));
    Ok(executables)
}

/// The test executable a `compiler-artifact` message of cargo describes.
fn executable(message: &Value) -> Option<Executable> {
    if message["reason"] != "compiler-artifact" || message["profile"]["test"] != true {
        return None;
    }
    let path = PathBuf::from(message["executable"].as_str()?);
    let dir = Path::new(message["manifest_path"].as_str()?).parent()?.to_path_buf();
    let package = dir.file_name()?.to_string_lossy().into_owned();
    let name = message["target"]["name"].as_str()?.to_string();
    let kind = message["target"]["kind"][0].as_str()?;
    let target = match kind {
        "lib" | "proc-macro" => "lib".to_string(),
        kind => format!("{kind} {name}"),
    };
    Some(Executable { package, target, name, path, dir })
}

/// The listings' group: the run of them all, then their own proofs.
/// Runs every one of `executables` at the same time, at priority `nice`, and
/// returns their outcomes in their order.
fn run_at_once(root: &Path, executables: &[&Executable], nice: i32) -> Vec<Outcome> {
    let (send, receive) = mpsc::channel();
    thread::scope(|scope| {
        for (n, exe) in executables.iter().enumerate() {
            let send = send.clone();
            scope.spawn(move || {
                let _ = send.send((n, run_executable(root, exe, nice)));
            });
        }
    });
    drop(send);
    let mut done: Vec<(usize, Outcome)> = receive.into_iter().collect();
    done.sort_by_key(|(n, _)| *n);
    done.into_iter().map(|(_, o)| o).collect()
}

fn run_listings_group(
    root: &Path,
    listings: &[Executable],
    machine: &[String],
) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    let (measuring, others): (Vec<&Executable>, Vec<&Executable>) = listings
        .iter()
        .partition(|e| e.target == "test listings" || machine.contains(&e.name));
    for exe in measuring {
        outcomes.push(run_executable(root, exe, 0));
    }
    // The others a few at a time.
    for chunk in others.chunks(PROOFS_AT_ONCE) {
        outcomes.extend(run_at_once(root, chunk, 0));
    }
    outcomes
}

/// The workspace's documentation tests, through cargo (it builds them).
fn doc_tests(root: &Path) -> Outcome {
    let mut command = xtask::cargo_command();
    command.current_dir(root).args([
        "test",
        "--workspace",
        "--all-features",
        "--doc",
        "--quiet",
    ]);
    run_command("doc tests".to_string(), command, TOOLING_NICE)
}

/// Runs one test executable as `cargo test` would: from its package's folder.
fn run_executable(root: &Path, exe: &Executable, nice: i32) -> Outcome {
    let mut command = Command::new(&exe.path);
    command
        .current_dir(&exe.dir)
        .env("CARGO_MANIFEST_DIR", &exe.dir)
        .env("CARGO", std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .env("CARGO_PKG_NAME", &exe.package)
        .env("CARGO_TARGET_TMPDIR", root.join("target/tmp"));
    run_command(format!("{} {}", exe.package, exe.target), command, nice)
}

/// Runs `command` to its end (or [`LIMIT`]), with its stdout and stderr in
/// one text, and says whether it passed.
fn run_command(label: String, mut command: Command, nice: i32) -> Outcome {
    if nice > 0 {
        lower_priority(&mut command, nice);
    }
    let started = Instant::now();
    match xtask::run::run_bounded(&label, command, LIMIT) {
        Ok(done) => Outcome {
            output: done.stdout + &done.stderr,
            passed: done.status.success(),
            seconds: done.elapsed.as_secs_f64(),
            label,
        },
        Err(error) => Outcome {
            output: format!("{error:#}\n"),
            passed: false,
            seconds: started.elapsed().as_secs_f64(),
            label,
        },
    }
}

/// Runs the command at a lower priority (`nice`), so that it yields the CPU.
#[cfg(unix)]
fn lower_priority(command: &mut Command, nice: i32) {
    use std::os::unix::process::CommandExt;
    unsafe extern "C" {
        fn setpriority(which: i32, who: u32, priority: i32) -> i32;
    }
    const PRIO_PROCESS: i32 = 0;
    // SAFETY: setpriority is a system call; nothing allocates after fork.
    unsafe {
        command.pre_exec(move || {
            // Best effort: at worst the tests run at the usual priority.
            let _ = setpriority(PRIO_PROCESS, 0, nice);
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn lower_priority(_command: &mut Command, _nice: i32) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_artifacts_become_test_executables() {
        let message: Value = serde_json::from_str(
            r#"{"reason":"compiler-artifact","manifest_path":"/w/listings/Cargo.toml",
                "target":{"kind":["bin"],"name":"greet_twice"},
                "profile":{"test":true},"executable":"/w/target/debug/deps/greet_twice-1"}"#,
        )
        .unwrap();
        let exe = executable(&message).unwrap();
        assert_eq!(
            (exe.package.as_str(), exe.target.as_str(), exe.name.as_str()),
            ("listings", "bin greet_twice", "greet_twice")
        );
        let library: Value = serde_json::from_str(
            r#"{"reason":"compiler-artifact","manifest_path":"/w/xtask/Cargo.toml",
                "target":{"kind":["lib"],"name":"xtask"},
                "profile":{"test":false},"executable":null}"#,
        )
        .unwrap();
        assert!(executable(&library).is_none());
    }

    #[test]
    fn a_failing_program_fails_and_keeps_its_output() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2; exit 3"]);
        let outcome = run_command("sh".into(), command, 10);
        assert!(!outcome.passed);
        assert!(outcome.output.contains("out") && outcome.output.contains("err"));
    }
}
