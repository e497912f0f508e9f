//! Running listing binaries for real, all at once, each timed on the wall clock.

use crate::manifest::Listing;
use anyhow::{Context, Result, bail};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// A listing that runs longer than this is stopped and reported as hanging.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);
/// The same for a benchmark's release build or Python counterpart, run by
/// `cargo xtask outputs` and `cargo xtask bench`: a million asyncio tasks
/// take about half a minute.
pub const BENCHMARK_TIME_LIMIT: Duration = Duration::from_secs(120);

/// One real run of a listing binary.
#[derive(Debug)]
pub struct Run {
    pub name: String,
    pub stdout: String,
    pub stderr: String,
    /// From spawning the process to its exit.
    pub elapsed: Duration,
}

/// Where cargo put the binaries of the running test: `target/<profile>`,
/// the parent of the `deps` folder holding the test executable.
pub fn bin_dir_of_current_test() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let deps = exe.parent().expect("a test executable lives in deps/");
    deps.parent().expect("deps/ lives in the profile folder").to_path_buf()
}

/// How many listings run at once. Starting dozens of processes together on
/// two cores delays their start-up by more than the tolerance of a short
/// listing; a few at a time keeps them on time, and the whole run short.
pub const AT_ONCE: usize = 12;

/// Runs `bin_dir/NAME ARGS..` for every name and its arguments, [`AT_ONCE`]
/// at a time, longest first as given, and waits for all of them. The results
/// come back in the order of `names`.
pub fn run_all(bin_dir: &Path, names: &[(&str, &[String])]) -> Vec<Result<Run>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Result<Run>>>> =
        names.iter().map(|_| std::sync::Mutex::new(None)).collect();
    thread::scope(|scope| {
        for _ in 0..AT_ONCE.min(names.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some((name, args)) = names.get(i) else { break };
                    let run = run_with_args(bin_dir, name, args);
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(run);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every listing was run")
        })
        .collect()
}

/// Runs listings for real, as the test suite does: each with its
/// `test_args`. First every timed one (with `seconds`), a few at
/// a time and the longest first, then the others. Untimed listings include the CPU-bound ones, which would otherwise
/// take the cores from the timed ones and make them late. The results come
/// back in the order of `listings`.
pub fn run_listings(bin_dir: &Path, listings: &[&Listing]) -> Vec<Result<Run>> {
    run_in_batches(bin_dir, listings, true)
}

/// The same, as a reader runs them: without their `test_args`.
pub fn run_listings_as_readers(
    bin_dir: &Path,
    listings: &[&Listing],
) -> Vec<Result<Run>> {
    run_in_batches(bin_dir, listings, false)
}

fn run_in_batches(
    bin_dir: &Path,
    listings: &[&Listing],
    with_test_args: bool,
) -> Vec<Result<Run>> {
    let mut results: Vec<Option<Result<Run>>> = listings.iter().map(|_| None).collect();
    for timed in [true, false] {
        let mut batch: Vec<usize> = (0..listings.len())
            .filter(|&i| listings[i].seconds.is_some() == timed)
            .collect();
        // The longest first, so that the short ones fill the gaps.
        batch.sort_by(|&a, &b| {
            let seconds = |i: usize| listings[i].seconds.unwrap_or(0.0);
            seconds(b).total_cmp(&seconds(a))
        });
        let no_args: &[String] = &[];
        let names: Vec<(&str, &[String])> = batch
            .iter()
            .map(|&i| {
                let args =
                    if with_test_args { &listings[i].test_args[..] } else { no_args };
                (listings[i].name.as_str(), args)
            })
            .collect();
        for (i, result) in batch.into_iter().zip(run_all(bin_dir, &names)) {
            results[i] = Some(result);
        }
    }
    results.into_iter().map(|r| r.expect("every listing was in a batch")).collect()
}

/// Runs one listing binary, failing when it cannot start, hangs, or exits
/// with an error.
pub fn run_one(bin_dir: &Path, name: &str) -> Result<Run> {
    run_with_args(bin_dir, name, &[])
}

/// The same, with arguments.
pub fn run_with_args(bin_dir: &Path, name: &str, args: &[String]) -> Result<Run> {
    let mut command = Command::new(binary(bin_dir, name));
    command.args(args);
    run_program(name, command)
}

/// The path of the listing binary `name` in `bin_dir`.
pub fn binary(bin_dir: &Path, name: &str) -> PathBuf {
    bin_dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Runs a program (a listing, or the Python counterpart of one) the same way:
/// bounded by [`TIME_LIMIT`], dying with its parent, its output captured.
pub fn run_program(name: &str, command: Command) -> Result<Run> {
    run_program_within(name, command, TIME_LIMIT)
}

/// The same, stopped after `limit` rather than [`TIME_LIMIT`].
pub fn run_program_within(
    name: &str,
    mut command: Command,
    limit: Duration,
) -> Result<Run> {
    // A panic's message is part of some listings' output: keep it the same
    // whatever the caller's environment asks of backtraces.
    command.env("RUST_BACKTRACE", "0").env_remove("RUST_LIB_BACKTRACE");
    let done = run_bounded(name, command, limit)?;
    if !done.status.success() {
        bail!("`{name}` failed ({}):\n{}", done.status, done.stderr);
    }
    Ok(Run {
        name: name.to_string(),
        stdout: done.stdout,
        stderr: done.stderr,
        elapsed: done.elapsed,
    })
}

/// A program that ran to its end, successfully or not.
#[derive(Debug)]
pub struct Finished {
    pub status: std::process::ExitStatus,
    pub stdout: String,
    pub stderr: String,
    /// From spawning the process to its exit.
    pub elapsed: Duration,
}

/// Runs `command` (called `name` in errors) with no input and its output
/// captured, dying with its parent; fails if it cannot start, or is still
/// running after `limit` (then it is killed).
pub fn run_bounded(
    name: &str,
    mut command: Command,
    limit: Duration,
) -> Result<Finished> {
    let program = command.get_program().to_string_lossy().into_owned();
    let started = Instant::now();
    dies_with_its_parent(&mut command);
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {program} (is it built?)"))?;
    let mut stdout_pipe = child.stdout.take().expect("stdout is piped");
    let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
    let stdout_reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout_pipe.read_to_end(&mut bytes).map(|_| bytes)
    });
    let stderr_reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        stderr_pipe.read_to_end(&mut bytes).map(|_| bytes)
    });
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "`{name}` was still running after {} s, and was stopped",
                limit.as_secs()
            );
        }
        thread::sleep(Duration::from_millis(2));
    };
    let elapsed = started.elapsed();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).context("output is not UTF-8");
    let stdout = text(stdout_reader.join().expect("reader thread")?)?;
    let stderr = text(stderr_reader.join().expect("reader thread")?)?;
    Ok(Finished { status, stdout, stderr, elapsed })
}

/// Makes the child get SIGKILL when the thread that started it ends, so that a
/// test process that is itself killed (Ctrl-C, a CI time limit) leaves no
/// listing running behind it. Linux only; elsewhere the time limit still applies.
#[cfg(target_os = "linux")]
pub fn dies_with_its_parent(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    unsafe extern "C" {
        fn prctl(option: i32, arg2: u64, arg3: u64, arg4: u64, arg5: u64) -> i32;
        fn getppid() -> i32;
    }
    const PR_SET_PDEATHSIG: i32 = 1;
    const SIGKILL: u64 = 9;
    let parent = std::process::id() as i32;
    // SAFETY: between fork and exec only async-signal-safe calls are made:
    // prctl and getppid are system calls, and nothing allocates.
    unsafe {
        command.pre_exec(move || {
            if prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // The parent may have died before prctl: then nobody would send the signal.
            if getppid() != parent {
                return Err(std::io::Error::other("the parent exited"));
            }
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
pub fn dies_with_its_parent(_command: &mut Command) {}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    #[test]
    fn a_listing_process_dies_with_the_thread_that_started_it() {
        let child = thread::spawn(|| {
            let mut command = Command::new("sleep");
            command.arg("30");
            dies_with_its_parent(&mut command);
            command.spawn().expect("sleep starts")
        })
        .join()
        .expect("the thread does not panic");
        let mut child = child;
        let status = child.wait().expect("sleep ends");
        assert_eq!(status.signal(), Some(9), "{status}");
    }

    #[test]
    fn the_test_suite_gives_a_listing_its_test_args_and_a_reader_does_not() {
        let manifest: crate::manifest::Manifest = toml::from_str(
            "[[listing]]\nname = \"echo\"\nchapter = \"a.md\"\ntest_args = [\"10000\"]\n",
        )
        .expect("a valid manifest");
        let listings: Vec<&Listing> = manifest.listings.iter().collect();
        let bin_dir = Path::new("/bin");
        let tested = run_listings(bin_dir, &listings).remove(0).expect("echo runs");
        assert_eq!(tested.stdout, "10000\n");
        let read =
            run_listings_as_readers(bin_dir, &listings).remove(0).expect("echo runs");
        assert_eq!(read.stdout, "\n");
    }
}
