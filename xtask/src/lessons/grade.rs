//! `cargo xtask grade`: grade students' submitted handouts, safely.
//!
//! From each submission only the learner's files (`exercises/ID.rs`) are
//! taken, into a fresh copy of the project with the repository's own checks,
//! Cargo.toml, lock file and harness, and no build script. Every copy is
//! built in the same place with one shared target folder, so tokio is built
//! once for the whole class. Each exercise is then checked like
//! `cargo lesson check` does: bounded, its process group killed, passing only
//! on signed evidence.

use super::check::{Project, Verdict, build};
use super::manifest::{Exercise, features_of};
use super::project::{self, Source};
use anyhow::{Context, Result, bail};
use serde_json::json;
use std::fmt::Write;
use std::fs;
use std::path::{Path, PathBuf};

/// One student's results: a verdict per exercise.
#[derive(Debug)]
pub struct Graded {
    pub student: String,
    pub verdicts: Vec<(String, Verdict)>,
}

impl Graded {
    pub fn total(&self) -> usize {
        self.verdicts.iter().filter(|(_, v)| v.passed()).count()
    }
}

/// Grades every submission in `submissions` on `exercises`, each check run
/// given at most `limit` seconds if set (else each exercise's own limit).
pub fn grade(
    root: &Path,
    submissions: &[PathBuf],
    exercises: &[&Exercise],
    limit: Option<u64>,
) -> Result<Vec<Graded>> {
    for dir in submissions {
        let empty = fs::read_dir(dir).map(|mut entries| entries.next().is_none());
        match empty {
            Err(_) => bail!("{} is not a submission: no such folder", dir.display()),
            Ok(true) => bail!("{} is an empty folder, not a submission", dir.display()),
            Ok(false) => {}
        }
    }
    let work = root.join("target/grading");
    let copy = work.join("copy");
    let exercises: Vec<Exercise> = exercises
        .iter()
        .map(|e| Exercise { limit: limit.unwrap_or(e.limit), ..(*e).clone() })
        .collect();
    let chosen: Vec<&Exercise> = exercises.iter().collect();
    let mut results = Vec::new();
    for dir in submissions {
        let student = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        // The same folder for every student: cargo rebuilds only what changed.
        project::write(root, &copy, &chosen, Source::Submission(dir)).with_context(
            || format!("cannot prepare the copy of {student}'s submission"),
        )?;
        let project = Project {
            dir: &copy,
            package: None,
            target_dir: Some(work.join("target")),
            features: Some(features_of(&chosen)),
        };
        let built = build(&project, &chosen)?;
        let verdicts = std::thread::scope(|scope| {
            let handles: Vec<_> =
                chosen.iter().map(|e| scope.spawn(|| built.check(e))).collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a grading thread does not panic"))
                .collect::<Vec<_>>()
        });
        let mut graded = Graded { student, verdicts: Vec::new() };
        for (exercise, verdict) in chosen.iter().zip(verdicts) {
            graded.verdicts.push((exercise.id.clone(), verdict?));
        }
        results.push(graded);
    }
    Ok(results)
}

/// The results as a table for the terminal.
pub fn table(results: &[Graded], exercises: &[&Exercise]) -> String {
    let mut out = String::new();
    let width = results.iter().map(|g| g.student.len()).max().unwrap_or(7).max(7);
    let _ = write!(out, "{:<width$}", "student");
    for exercise in exercises {
        let _ = write!(out, "  {:<14}", truncate(&exercise.id, 14));
    }
    let _ = writeln!(out, "  total");
    for graded in results {
        let _ = write!(out, "{:<width$}", graded.student);
        for (_, verdict) in &graded.verdicts {
            let _ = write!(out, "  {:<14}", verdict.label());
        }
        let _ = writeln!(out, "  {}/{}", graded.total(), graded.verdicts.len());
    }
    out.push('\n');
    for graded in results {
        for (id, verdict) in graded.verdicts.iter().filter(|(_, v)| !v.passed()) {
            let _ = writeln!(
                out,
                "{} · {id}: {}",
                graded.student,
                truncate(&verdict.reason(), 160)
            );
        }
    }
    out
}

fn truncate(text: &str, most: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= most {
        line.to_string()
    } else {
        line.chars().take(most - 1).collect::<String>() + "…"
    }
}

/// Writes `grades.json` and `grades.csv` into `dir`.
pub fn write_report(dir: &Path, results: &[Graded]) -> Result<()> {
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let json: Vec<_> = results
        .iter()
        .map(|g| {
            json!({
                "student": g.student,
                "total": g.total(),
                "out_of": g.verdicts.len(),
                "exercises": g.verdicts.iter().map(|(id, v)| json!({
                    "id": id, "result": v.label(), "reason": truncate(&v.reason(), 300),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    fs::write(dir.join("grades.json"), serde_json::to_string_pretty(&json)? + "\n")?;
    let mut csv = String::from("student,exercise,result,reason\n");
    for graded in results {
        for (id, verdict) in &graded.verdicts {
            let reason = truncate(&verdict.reason(), 300).replace('"', "\"\"");
            let _ = writeln!(
                csv,
                "{},{id},{},\"{reason}\"",
                graded.student,
                verdict.label()
            );
        }
    }
    fs::write(dir.join("grades.csv"), csv)?;
    Ok(())
}
