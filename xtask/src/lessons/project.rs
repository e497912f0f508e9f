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

/// Writes `contents` to `path` unless it holds them already, so that cargo
/// does not rebuild what did not change when a copy is reused.
fn put(path: &Path, contents: &[u8]) -> Result<()> {
    if fs::read(path).ok().as_deref() != Some(contents) {
        fs::write(path, contents)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes a standalone lessons project with `exercises` into `dir`. A folder
/// used before is reused: only what differs is written again. (Two copies in
/// different folders sharing one target folder would share their builds,
/// since cargo names a package's build the same wherever it is: reuse one
/// folder instead.)
pub fn write(
    root: &Path,
    dir: &Path,
    exercises: &[&Exercise],
    source: Source,
) -> Result<()> {
    let lessons = root.join(LESSONS_DIR);
    for sub in ["src", "checks", "exercises", "starters"] {
        fs::create_dir_all(dir.join(sub))?;
    }
    put(&dir.join("Cargo.toml"), cargo_toml(root, exercises)?.as_bytes())?;
    put(&dir.join("Cargo.lock"), &read(&root.join("Cargo.lock"))?)?;
    // The harness: its lib.rs, and the modules beside it (`http.rs`).
    for entry in fs::read_dir(lessons.join("src"))? {
        let path = entry?.path();
        if let Some(name) = path.file_name()
            && path.extension().is_some_and(|e| e == "rs")
        {
            put(&dir.join("src").join(name), &read(&path)?)?;
        }
    }
    let mut manifest = String::from(
        "# The exercises of this project, with their hints (see README.md).\n",
    );
    for exercise in exercises {
        let starter = read(&lessons.join(exercise.starter()))?;
        put(
            &dir.join(exercise.check_file()),
            &read(&lessons.join(exercise.check_file()))?,
        )?;
        put(&dir.join(exercise.starter()), &starter)?;
        let from = match &source {
            Source::Starters => lessons.join(exercise.starter()),
            Source::Solutions => lessons.join(exercise.solution()),
            Source::Submission(submission) => submission.join(exercise.learner_file()),
        };
        let code = match fs::read(&from) {
            Ok(code) => code,
            // A missing file is graded like the starter.
            Err(_) if matches!(source, Source::Submission(_)) => starter,
            Err(error) => bail!("cannot read {}: {error}", from.display()),
        };
        put(&dir.join(exercise.learner_file()), &code)?;
        manifest.push_str("\n[[exercise]]\n");
        manifest.push_str(&toml::to_string(exercise)?);
    }
    put(&dir.join(MANIFEST), manifest.as_bytes())?;
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
    let dependencies = crate::member_dependencies(root, LESSONS_DIR)?;
    let mut text = String::from(
        "# A standalone copy of the workbook's exercises, written by `cargo xtask`.\n\
         [package]\nname = \"lessons\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n",
    );
    let mut deps = toml::Table::new();
    deps.insert("dependencies".into(), toml::Value::Table(dependencies));
    // The features (the HTTP chapter's `http`) and the optional dependencies
    // they turn on: a check that needs one is built only with it.
    if let Some(features) = lessons.get("features") {
        deps.insert("features".into(), features.clone());
    }
    text.push_str(&toml::to_string(&deps)?);
    for exercise in exercises {
        text.push_str(&format!(
            "\n[[test]]\nname = \"{}\"\npath = \"{}\"\nharness = false\ntest = false\n",
            exercise.id,
            exercise.check_file()
        ));
        if !exercise.features.is_empty() {
            text.push_str(&format!(
                "required-features = {}\n",
                toml::Value::from(exercise.features.clone())
            ));
        }
    }
    text.push_str("\n# Not part of any other workspace.\n[workspace]\n\n");
    // The workspace's own profiles (dependencies built as the learner's
    // first build has them), without those of packages the copy lacks.
    if let Some(mut profiles) =
        workspace.get("profile").and_then(|p| p.as_table()).cloned()
    {
        for (_, profile) in profiles.iter_mut() {
            if let Some(packages) =
                profile.get_mut("package").and_then(|p| p.as_table_mut())
            {
                packages.retain(|name, _| name == "*");
            }
        }
        text.push_str("# The workspace's build profiles.\n");
        text.push_str(&toml::to_string(&toml::Table::from_iter([(
            "profile".to_string(),
            toml::Value::Table(profiles),
        )]))?);
    }
    Ok(text)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::lessons::manifest::Difficulty;

    pub(crate) fn exercise(id: &str, features: &[&str]) -> Exercise {
        Exercise {
            id: id.into(),
            chapter: "http.md".into(),
            title: "T".into(),
            minutes: 5,
            difficulty: Difficulty::Easy,
            kind: "k".into(),
            hints: vec!["h".into()],
            limit: 20,
            features: features.iter().map(|f| f.to_string()).collect(),
            core: false,
            real_time: None,
        }
    }

    #[test]
    fn a_copy_carries_the_features_and_requires_them_where_needed() {
        let (plain, fetch) = (exercise("plain", &[]), exercise("fetch", &["http"]));
        let text = cargo_toml(&crate::workspace_root(), &[&plain, &fetch]).unwrap();
        let manifest: toml::Table = toml::from_str(&text).unwrap();
        let http = manifest["features"]["http"].as_array().expect("an `http` feature");
        assert!(http.contains(&"dep:reqwest".into()), "{text}");
        assert_eq!(
            manifest["dependencies"]["reqwest"]["optional"].as_bool(),
            Some(true)
        );
        let tests = manifest["test"].as_array().unwrap();
        let required = |i: usize| tests[i].get("required-features").cloned();
        assert_eq!(tests[0]["name"].as_str(), Some("plain"));
        assert_eq!(required(0), None);
        assert_eq!(tests[1]["name"].as_str(), Some("fetch"));
        assert_eq!(required(1), Some(toml::Value::from(vec!["http"])));
    }
}
