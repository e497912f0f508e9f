//! Checking one exercise: build its check program, run it under a time limit
//! in a process group of its own, and read the evidence it leaves.
//!
//! The exercise's code runs in the check program, so nothing it prints or
//! returns is believed: a check passes only when the program wrote a line of
//! evidence for it, signed with a secret given on stdin before any exercise
//! code ran (see the `lessons` crate). Exiting early, aborting, or printing a
//! fake test summary leaves no evidence.

use super::manifest::{Exercise, features_of};
use anyhow::{Context, Result};
use serde_json::Value;
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Where and how to build the check programs.
pub struct Project<'a> {
    /// The folder to run cargo in.
    pub dir: &'a Path,
    /// `-p lessons` inside the workspace; none for a standalone copy.
    pub package: Option<&'a str>,
    /// A target folder shared by many copies (grading a class builds tokio once).
    pub target_dir: Option<PathBuf>,
    /// The cargo features every build uses: those of all the exercises
    /// prebuilt together (see [`features_of`]), so that checking one of them
    /// rebuilds nothing. None: each exercise's own, so that a learner's
    /// check of an exercise that needs none never builds them.
    pub features: Option<Vec<String>>,
}

impl Project<'_> {
    /// The cargo features to build the check programs of `exercises` with.
    fn features_for(&self, exercises: &[&Exercise]) -> Vec<String> {
        self.features.clone().unwrap_or_else(|| features_of(exercises))
    }
}

/// What checking an exercise found.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Every check ran to its end and held.
    Passed { checks: usize },
    /// The learner's file does not compile: the compiler's messages.
    CompileError { message: String },
    /// A check's assertion did not hold.
    Failed { check: String, message: String },
    /// The exercise's own code panicked.
    Panicked { check: String, message: String },
    /// Still running after the exercise's time limit: stopped.
    TimedOut { seconds: u64 },
    /// The check program ended without saying how a check went (it exited or
    /// aborted from inside the exercise).
    Stopped { check: String, status: String },
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Passed { .. })
    }

    /// A short name for tables and reports.
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Passed { .. } => "pass",
            Verdict::CompileError { .. } => "compile error",
            Verdict::Failed { .. } => "fail",
            Verdict::Panicked { .. } => "panic",
            Verdict::TimedOut { .. } => "timeout",
            Verdict::Stopped { .. } => "stopped",
        }
    }

    /// One line that says why.
    pub fn reason(&self) -> String {
        match self {
            Verdict::Passed { checks } => format!("all {checks} checks passed"),
            Verdict::CompileError { message } => {
                let first =
                    message.lines().find(|l| l.starts_with("error")).unwrap_or("error");
                format!("does not compile: {}", first.trim_start_matches("error: "))
            }
            Verdict::Failed { check, message } => {
                format!("check `{check}` failed: {message}")
            }
            Verdict::Panicked { check, message } => {
                format!("the exercise panicked during `{check}`: {message}")
            }
            Verdict::TimedOut { seconds } => {
                format!(
                    "still running after {seconds} s, and stopped: does it wait or loop forever?"
                )
            }
            Verdict::Stopped { check, status } => format!(
                "the program ended during `{check}` ({status}) without finishing it: does the exercise exit or abort?"
            ),
        }
    }
}

/// The check programs of some exercises, built by [`build`]: each exercise's
/// program, or what the compiler said about it.
pub struct Built(HashMap<String, Result<PathBuf, String>>);

impl Built {
    /// Runs the checks of `exercise`, built among these.
    pub fn check(&self, exercise: &Exercise) -> Result<Verdict> {
        match self.0.get(&exercise.id) {
            Some(Ok(program)) => {
                let names = list(program)?;
                let limit = Duration::from_secs(exercise.limit);
                run(program, &exercise.id, &names, limit)
            }
            Some(Err(message)) => {
                Ok(Verdict::CompileError { message: message.clone() })
            }
            None => anyhow::bail!("`{}` was not among the checks built", exercise.id),
        }
    }
}

/// Builds the check programs of `exercises` with one cargo, in parallel,
/// going on past the ones that do not compile.
pub fn build(project: &Project, exercises: &[&Exercise]) -> Result<Built> {
    let mut command = crate::cargo_command();
    command
        .current_dir(project.dir)
        .args(["build", "--message-format=json", "--keep-going"])
        .args(feature_args(&project.features_for(exercises)))
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null());
    for exercise in exercises {
        command.args(["--test", &exercise.id]);
    }
    if let Some(package) = project.package {
        command.args(["-p", package]);
    }
    if let Some(target) = &project.target_dir {
        command.env("CARGO_TARGET_DIR", target);
    }
    let out = command.output().context("cannot run cargo to build the checks")?;
    let mut errors: HashMap<String, String> = HashMap::new();
    let mut programs: HashMap<String, PathBuf> = HashMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else { continue };
        let target = message["target"]["name"].as_str().unwrap_or_default();
        match message["reason"].as_str() {
            Some("compiler-message") if message["message"]["level"] == "error" => {
                errors.entry(target.to_string()).or_default().push_str(
                    message["message"]["rendered"].as_str().unwrap_or_default(),
                );
            }
            Some("compiler-artifact") => {
                if let Some(program) = message["executable"].as_str() {
                    programs.insert(target.to_string(), PathBuf::from(program));
                }
            }
            _ => {}
        }
    }
    // A failure that no exercise's own messages explain (the harness, a
    // dependency): cargo's own account of it.
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    let built = exercises
        .iter()
        .map(|exercise| {
            let id = exercise.id.clone();
            let result = match (programs.remove(&id), errors.remove(&id)) {
                (_, Some(message)) => Err(message),
                (Some(program), None) => Ok(program),
                (None, None) => Err(stderr.clone()),
            };
            (id, result)
        })
        .collect();
    Ok(Built(built))
}

/// Builds and runs the checks of `exercise` in `project`.
pub fn check(project: &Project, exercise: &Exercise) -> Result<Verdict> {
    build(project, &[exercise])?.check(exercise)
}

/// `--features a,b`, or nothing for no features.
pub fn feature_args(features: &[String]) -> Vec<String> {
    if features.is_empty() {
        Vec::new()
    } else {
        vec!["--features".to_string(), features.join(",")]
    }
}

/// The names of the checks, as the program lists them before any exercise
/// code runs.
fn list(program: &Path) -> Result<Vec<String>> {
    let out = Command::new(program)
        .arg("--list")
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run {}", program.display()))?;
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
}

/// A secret nobody can guess: 128 random bits, from std's random hash keys.
fn secret() -> String {
    let half = || {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u128(
            Instant::now().elapsed().as_nanos() ^ u128::from(std::process::id()),
        );
        hasher.finish()
    };
    format!("{:016x}{:016x}", half(), half())
}

fn run(program: &Path, id: &str, names: &[String], limit: Duration) -> Result<Verdict> {
    let evidence =
        std::env::temp_dir().join(format!("lesson-{id}-{}.evidence", secret()));
    let secret = secret();
    let mut command = Command::new(program);
    command
        .arg("--evidence")
        .arg(&evidence)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    in_own_group(&mut command);
    let mut child =
        command.spawn().with_context(|| format!("cannot run {}", program.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = writeln!(stdin, "{secret}");
    }
    // Drain the pipes in threads, so that a full pipe never blocks the
    // program, and a pipe held open by a leftover process never blocks us.
    let (sender, output) = mpsc::channel();
    for pipe in [
        child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>),
        child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    {
        let sender = sender.clone();
        thread::spawn(move || {
            let mut pipe = pipe;
            let mut sink = Vec::new();
            let _ = pipe.read_to_end(&mut sink);
            let _ = sender.send(());
        });
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > limit {
            break None;
        }
        thread::sleep(Duration::from_millis(5));
    };
    // Whatever happened, nothing the program started may outlive it.
    kill_group(child.id());
    let _ = child.wait();
    for _ in 0..2 {
        let _ = output.recv_timeout(Duration::from_millis(500));
    }
    let lines = std::fs::read_to_string(&evidence).unwrap_or_default();
    let _ = std::fs::remove_file(&evidence);
    let Some(status) = status else {
        return Ok(Verdict::TimedOut { seconds: limit.as_secs() });
    };
    let signed: Vec<Vec<&str>> = lines
        .lines()
        .filter_map(|line| line.strip_prefix(&format!("{secret}\t")))
        .map(|line| line.split('\t').collect())
        .collect();
    for name in names {
        let found = signed.iter().find(|fields| fields.get(1) == Some(&name.as_str()));
        match found.map(|fields| fields.as_slice()) {
            Some(["passed", ..]) => {}
            Some(["failed", _, place, message, ..]) => {
                // A check's own assertion, or one of the harness's (lessons'
                // src/, such as its HTTP server's wall-clock limit);
                // anything else is the exercise's own panic.
                let in_check = place.contains(&format!("checks/{id}.rs"))
                    || (place.starts_with("lessons/src/") || place.starts_with("src/"));
                let (check, message) = (name.clone(), message.to_string());
                return Ok(if in_check {
                    Verdict::Failed { check, message }
                } else {
                    Verdict::Panicked {
                        check,
                        message: format!("{message} (at {place})"),
                    }
                });
            }
            _ => {
                return Ok(Verdict::Stopped {
                    check: name.clone(),
                    status: status.to_string(),
                });
            }
        }
    }
    Ok(Verdict::Passed { checks: names.len() })
}

/// Starts the program as the leader of a new process group, which dies with
/// the thread that started it.
fn in_own_group(command: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    crate::run::dies_with_its_parent(command);
}

/// Kills every process of the group that `leader` started.
fn kill_group(leader: u32) {
    #[cfg(unix)]
    {
        unsafe extern "C" {
            fn kill(pid: i32, signal: i32) -> i32;
        }
        // SAFETY: kill(2) with a negative pid signals a process group; it
        // touches no memory of ours.
        unsafe {
            kill(-(leader as i32), 9);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(id: &str, features: &[&str]) -> Exercise {
        toml::from_str(&format!(
            "id = \"{id}\"\nchapter = \"one.md\"\ntitle = \"T\"\nminutes = 5\n\
             difficulty = \"easy\"\nkind = \"k\"\nhints = [\"h\"]\nfeatures = {features:?}\n"
        ))
        .unwrap()
    }

    #[test]
    fn each_build_turns_on_the_features_it_needs_and_no_more() {
        let (plain, fetch) = (exercise("plain", &[]), exercise("fetch", &["http"]));
        let dir = Path::new(".");
        let own =
            Project { dir, package: Some("lessons"), target_dir: None, features: None };
        assert_eq!(feature_args(&own.features_for(&[&plain])), Vec::<String>::new());
        assert_eq!(feature_args(&own.features_for(&[&fetch])), ["--features", "http"]);
        assert_eq!(
            feature_args(&own.features_for(&[&plain, &fetch])),
            ["--features", "http"]
        );
        // A copy prebuilt with every feature checks each exercise with them
        // all, so that nothing is built twice.
        let copy = Project {
            dir,
            package: None,
            target_dir: None,
            features: Some(features_of(&[&plain, &fetch])),
        };
        assert_eq!(feature_args(&copy.features_for(&[&plain])), ["--features", "http"]);
    }
}
