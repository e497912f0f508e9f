//! A standalone copy of the lessons project: what a handout is, and where
//! the starters, the solutions and students' submissions are checked. It has
//! its own Cargo.toml (no workspace), the workspace's lock file, the checks
//! and the harness; the learner's files come from where [`Source`] says.

use super::manifest::{Exercise, LESSONS_DIR, MANIFEST};
use anyhow::{Context, Result, bail};
use std::fs;
use std::path::Path;

/// Where the learner's files of a copy come from.
pub enum Source<'a> {
    Starters,
    Solutions,
    /// A student's submitted project: only `exercises/ID.rs` is taken from it.
    Submission(&'a Path),
}

/// Writes a standalone lessons project with `exercises` into `dir`, which is
/// emptied first.
pub fn write(
    root: &Path,
    dir: &Path,
    exercises: &[&Exercise],
    source: Source,
) -> Result<()> {
    let lessons = root.join(LESSONS_DIR);
    if dir.exists() {
        fs::remove_dir_all(dir)
            .with_context(|| format!("cannot empty {}", dir.display()))?;
    }
    for sub in ["src", "checks", "exercises", "starters"] {
        fs::create_dir_all(dir.join(sub))?;
    }
    fs::write(dir.join("Cargo.toml"), cargo_toml(root, exercises)?)?;
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))?;
    fs::copy(lessons.join("src/lib.rs"), dir.join("src/lib.rs"))?;
    let mut manifest = String::from(
        "# The exercises of this project, with their hints (see README.md).\n",
    );
    for exercise in exercises {
        fs::copy(lessons.join(exercise.check_file()), dir.join(exercise.check_file()))?;
        fs::copy(lessons.join(exercise.starter()), dir.join(exercise.starter()))?;
        let from = match &source {
            Source::Starters => lessons.join(exercise.starter()),
            Source::Solutions => lessons.join(exercise.solution()),
            Source::Submission(submission) => submission.join(exercise.learner_file()),
        };
        let to = dir.join(exercise.learner_file());
        match fs::read(&from) {
            Ok(code) => fs::write(&to, code)?,
            // A missing file is graded like the starter: copy that instead.
            Err(_) if matches!(source, Source::Submission(_)) => {
                fs::copy(lessons.join(exercise.starter()), &to)?;
            }
            Err(error) => bail!("cannot read {}: {error}", from.display()),
        }
        manifest.push_str("\n[[exercise]]\n");
        manifest.push_str(&toml::to_string(exercise)?);
    }
    fs::write(dir.join(MANIFEST), manifest)?;
    Ok(())
}

/// The Cargo.toml of a standalone copy: the lessons package's own
/// dependencies, with the workspace's versions written out.
fn cargo_toml(root: &Path, exercises: &[&Exercise]) -> Result<String> {
    let read = |path: &Path| -> Result<toml::Value> {
        let text = fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        Ok(toml::from_str(&text)?)
    };
    let workspace = read(&root.join("Cargo.toml"))?;
    let lessons = read(&root.join(LESSONS_DIR).join("Cargo.toml"))?;
    let mut dependencies =
        lessons["dependencies"].as_table().cloned().unwrap_or_default();
    for (name, spec) in dependencies.iter_mut() {
        if let Some(table) = spec.as_table_mut()
            && table.remove("workspace").is_some()
            && let Some(shared) = workspace["workspace"]["dependencies"].get(name)
        {
            for (key, value) in shared.as_table().cloned().unwrap_or_default() {
                table.entry(key).or_insert(value);
            }
        }
    }
    let mut text = String::from(
        "# A standalone copy of the workbook's exercises, written by `cargo xtask`.\n\
         [package]\nname = \"lessons\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n",
    );
    let mut deps = toml::Table::new();
    deps.insert("dependencies".into(), toml::Value::Table(dependencies));
    text.push_str(&toml::to_string(&deps)?);
    for exercise in exercises {
        text.push_str(&format!(
            "\n[[test]]\nname = \"{}\"\npath = \"{}\"\nharness = false\ntest = false\n",
            exercise.id,
            exercise.check_file()
        ));
    }
    text.push_str(
        "\n# Not part of any other workspace.\n[workspace]\n\n\
         # Dependencies optimised (tokio's timings as in a release build), proc macros not.\n\
         [profile.dev.package.\"*\"]\nopt-level = 2\ndebug = false\n",
    );
    for name in ["proc-macro2", "quote", "syn", "unicode-ident", "tokio-macros"] {
        text.push_str(&format!("[profile.dev.package.{name}]\nopt-level = 0\n"));
    }
    Ok(text)
}
