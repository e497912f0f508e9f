//! `cargo xtask handout`: a standalone project of chosen exercises for
//! students, with no solution in it: starters, checks, the harness, a README
//! and a GitHub Classroom workflow that runs the checks on every push.

use super::manifest::Exercise;
use super::pages;
use super::project::{self, Source};
use anyhow::{Context, Result};
use std::fmt::Write;
use std::fs;
use std::path::Path;

/// Writes the handout of `exercises` into `out`.
pub fn write(root: &Path, out: &Path, exercises: &[&Exercise]) -> Result<()> {
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| {
            format!("cannot empty {} for the handout", out.display())
        })?;
    }
    project::write(root, out, exercises, Source::Starters)?;
    fs::write(out.join("README.md"), readme(root, exercises))?;
    fs::write(out.join(".gitignore"), "/target\n")?;
    fs::create_dir_all(out.join(".github/workflows"))?;
    fs::write(out.join(".github/workflows/classroom.yml"), workflow(exercises))?;
    Ok(())
}

fn readme(root: &Path, exercises: &[&Exercise]) -> String {
    let mut text = String::from(
        "# Exercises: async Rust with tokio\n\n\
         Each exercise is a file in `exercises/` that fails its checks until you solve it.\n\
         Edit the file, then run its checks:\n\n\
         ```console\n$ cargo test --test ID\n```\n\n\
         The first run downloads and builds tokio (a minute or so); later runs take seconds.\n\
         A check that fails says why. The checks run on tokio's paused clock: a wait of\n\
         1 s takes no real time, so timings are checked exactly, and a blocking sleep is\n\
         caught. `starters/ID.rs` keeps the file as you got it, if you want to start over;\n\
         the hints are in `lessons.toml`, and below. Do not edit `checks/`, `Cargo.toml` or\n\
         `src/`: only your files in `exercises/` are graded, in a fresh copy of this project.\n",
    );
    let features = super::manifest::features_of(exercises);
    if !features.is_empty() {
        let _ = write!(
            text,
            "\nSome exercises need a cargo feature (`{}`): their command below has it, such as\n\
             `cargo test --features http --test ID` for the HTTP exercises, which send real\n\
             requests to a server of their own on 127.0.0.1 and are timed on the wall clock.\n\
             The first of them builds an HTTP client (a minute or two more).\n",
            features.join("`, `")
        );
    }
    for exercise in exercises {
        let _ = write!(
            text,
            "\n## {title}\n\n*{minutes} minutes · {level} · {kind}*\n\n{task}\n\nYour file: \
             `{file}`. Check it with `{command}`.\n",
            title = exercise.title,
            minutes = exercise.minutes,
            level = exercise.difficulty.name(),
            kind = exercise.kind,
            task = pages::task(root, exercise),
            file = exercise.learner_file(),
            command = exercise.test_command(),
        );
        for (number, hint) in exercise.hints.iter().enumerate() {
            let _ = write!(
                text,
                "\n<details><summary>Hint {}</summary>\n\n{hint}\n\n</details>\n",
                number + 1
            );
        }
    }
    text
}

/// GitHub Classroom's autograding convention: a command grader step per
/// exercise, and the reporter that adds up their scores.
fn workflow(exercises: &[&Exercise]) -> String {
    let step_id = |e: &Exercise| e.id.replace('_', "-");
    let mut text = String::from(
        "name: Autograding Tests\n\"on\":\n  - push\n  - workflow_dispatch\n  - repository_dispatch\n\
         permissions:\n  checks: write\n  actions: read\n  contents: read\n\
         jobs:\n  run-autograding-tests:\n    runs-on: ubuntu-latest\n\
         \x20   if: github.actor != 'github-classroom[bot]'\n    steps:\n\
         \x20     - name: Checkout code\n        uses: actions/checkout@v4\n\
         \x20     - name: Build the checks\n",
    );
    // With the features the exercises need, so that their dependencies (the
    // HTTP client) are built here, not within one exercise's time limit.
    let features = super::manifest::features_of(exercises);
    let _ = writeln!(
        text,
        "        run: cargo build --quiet{}",
        if features.is_empty() {
            String::new()
        } else {
            format!(" --features {}", features.join(","))
        }
    );
    for exercise in exercises {
        let _ = write!(
            text,
            "      - name: {id}\n        id: {step}\n        uses: classroom-resources/autograding-command-grader@v1\n        with:\n          test-name: {id}\n          setup-command: \"\"\n          command: {command}\n          timeout: 5\n          max-score: 1\n",
            id = exercise.id,
            command =
                exercise.test_command().replacen("cargo test", "cargo test --quiet", 1),
            step = step_id(exercise),
        );
    }
    text.push_str("      - name: Autograding Reporter\n        uses: classroom-resources/autograding-grading-reporter@v1\n        env:\n");
    for exercise in exercises {
        let step = step_id(exercise);
        let _ = writeln!(
            text,
            "          {}_RESULTS: \"${{{{steps.{step}.outputs.result}}}}\"",
            step.to_uppercase()
        );
    }
    let runners: Vec<String> = exercises.iter().map(|e| step_id(e)).collect();
    let _ = writeln!(text, "        with:\n          runners: {}", runners.join(","));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::project::tests::exercise;

    #[test]
    fn an_exercise_that_needs_a_feature_is_checked_with_it() {
        let (plain, fetch) = (exercise("plain", &[]), exercise("fetch", &["http"]));
        let root = crate::workspace_root();
        let text = readme(&root, &[&plain, &fetch]);
        assert!(text.contains("Check it with `cargo test --test plain`"), "{text}");
        assert!(
            text.contains("Check it with `cargo test --features http --test fetch`")
        );
        let text = workflow(&[&plain, &fetch]);
        assert!(text.contains("run: cargo build --quiet --features http\n"), "{text}");
        assert!(text.contains("command: cargo test --quiet --test plain\n"));
        assert!(
            text.contains("command: cargo test --quiet --features http --test fetch\n")
        );
        // Without such an exercise, no feature is named anywhere.
        assert!(!readme(&root, &[&plain]).contains("--features"));
        assert!(workflow(&[&plain]).contains("run: cargo build --quiet\n"));
    }
}
