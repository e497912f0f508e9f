//! The exercises hold up: the manifest agrees with the files, every starter
//! fails its checks (without failing to compile), and every reference
//! solution passes them. Both are checked in standalone copies, as a handout
//! and a grader would, with one shared target folder.

use std::fmt;
use std::path::Path;
use xtask::lessons::check::{Project, build};
use xtask::lessons::manifest::{LESSONS_DIR, features_of};
use xtask::lessons::project::{self, Source};
use xtask::lessons::{Exercise, Lessons, Verdict};
use xtask::workspace_root;

struct Failures(Vec<String>);

impl fmt::Debug for Failures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}\n", self.0.join("\n"))
    }
}

fn lessons() -> Result<Lessons, Failures> {
    Lessons::load(&workspace_root().join(LESSONS_DIR))
        .map_err(|e| Failures(vec![format!("{e:#}")]))
}

#[test]
fn the_manifest_agrees_with_the_files() -> Result<(), Failures> {
    let problems = lessons()?.problems(&workspace_root());
    if problems.is_empty() { Ok(()) } else { Err(Failures(problems)) }
}

/// Checks every exercise of a standalone copy.
fn check_copy(
    name: &str,
    source: Source,
) -> Result<Vec<(Exercise, Verdict)>, Failures> {
    let fail = |e: anyhow::Error| Failures(vec![format!("{name}: {e:#}")]);
    let root = workspace_root();
    let lessons = lessons()?;
    let all: Vec<&Exercise> = lessons.exercises.iter().collect();
    // A target folder for each copy: copies of one package would otherwise
    // share their builds, and cargo could take one's build for the other's.
    // Kept between runs, so that only what changed is built again.
    let proof = root.join("target/lessons-proof");
    let dir = proof.join(name);
    project::write(&root, &dir, &all, source).map_err(fail)?;
    let target = proof.join(format!("{name}-target"));
    // Every build with the features of all of them, as a grader does.
    let project = Project {
        dir: &dir,
        package: None,
        target_dir: Some(target),
        features: Some(features_of(&all)),
    };
    let built = build(&project, &all).map_err(fail)?;
    // One at a time: a few checks measure real time (a heartbeat, blocking
    // waits), and must not share the cores with the others.
    let verdicts: Vec<_> = all.iter().map(|exercise| built.check(exercise)).collect();
    all.iter()
        .zip(verdicts)
        .map(|(exercise, verdict)| Ok(((*exercise).clone(), verdict.map_err(fail)?)))
        .collect()
}

#[test]
fn every_starter_fails_and_every_solution_passes() -> Result<(), Failures> {
    let mut failures = Vec::new();
    for (exercise, verdict) in check_copy("starters", Source::Starters)? {
        match verdict {
            Verdict::Passed { .. } => failures.push(format!(
                "the starter of `{}` passes its checks: the learner has nothing to do",
                exercise.id
            )),
            Verdict::CompileError { message } if !exercise.kind.contains("compile error") => {
                failures.push(format!(
                    "the starter of `{}` does not compile (say so in its kind if that is the exercise):\n{message}",
                    exercise.id
                ))
            }
            _ => {}
        }
    }
    for (exercise, verdict) in check_copy("solutions", Source::Solutions)? {
        if !verdict.passed() {
            failures.push(format!(
                "the solution of `{}` does not pass: {}",
                exercise.id,
                verdict.reason()
            ));
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(Failures(failures)) }
}

#[test]
fn a_copy_takes_only_the_learner_files_of_a_submission() -> Result<(), Failures> {
    let root = workspace_root();
    let lessons = lessons()?;
    let exercise = &lessons.exercises[0];
    let scratch = root.join("target/lessons-proof/submission-test");
    let submission = scratch.join("submitted");
    let copy = scratch.join("copy");
    let write = |path: &Path, text: &str| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(&submission.join(exercise.learner_file()), "// mine\n");
    write(&submission.join(exercise.check_file()), "// edited checks\n");
    write(&submission.join("build.rs"), "fn main() {}\n");
    project::write(&root, &copy, &[exercise], Source::Submission(&submission))
        .map_err(|e| Failures(vec![format!("{e:#}")]))?;
    let read =
        |path: &str| std::fs::read_to_string(copy.join(path)).unwrap_or_default();
    let mut failures = Vec::new();
    if read(&exercise.learner_file()) != "// mine\n" {
        failures.push("the learner's file was not taken".to_string());
    }
    if read(&exercise.check_file()) == "// edited checks\n" {
        failures.push("an edited check file was taken".to_string());
    }
    if copy.join("build.rs").exists() {
        failures.push("a build script was taken".to_string());
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if failures.is_empty() { Ok(()) } else { Err(Failures(failures)) }
}
