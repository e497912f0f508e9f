//! `lessons/lessons.toml`: one entry per exercise.

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::Path;

/// Where the lessons live, relative to the workspace root.
pub const LESSONS_DIR: &str = "lessons";
/// The manifest, relative to the lessons folder.
pub const MANIFEST: &str = "lessons.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lessons {
    #[serde(rename = "exercise", default)]
    pub exercises: Vec<Exercise>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    /// The page it belongs to, a path under `src/`.
    pub chapter: String,
    pub title: String,
    pub minutes: u32,
    pub difficulty: Difficulty,
    pub kind: String,
    pub hints: Vec<String>,
    /// Seconds one check run may take before it is stopped.
    #[serde(default = "default_limit")]
    pub limit: u64,
}

fn default_limit() -> u64 {
    20
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

impl Exercise {
    /// The file the learner edits, relative to the lessons folder.
    pub fn learner_file(&self) -> String {
        format!("exercises/{}.rs", self.id)
    }
    pub fn starter(&self) -> String {
        format!("starters/{}.rs", self.id)
    }
    pub fn solution(&self) -> String {
        format!("solutions/{}.rs", self.id)
    }
    pub fn check_file(&self) -> String {
        format!("checks/{}.rs", self.id)
    }
    /// The command a learner types to check it.
    pub fn command(&self) -> String {
        format!("cargo lesson check {}", self.id)
    }
}

impl Lessons {
    /// Reads the manifest of the lessons folder `dir`.
    pub fn load(dir: &Path) -> Result<Self> {
        let path = dir.join(MANIFEST);
        let text = fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("{} is not a valid manifest", path.display()))
    }

    pub fn exercise(&self, id: &str) -> Result<&Exercise> {
        match self.exercises.iter().find(|e| e.id == id) {
            Some(exercise) => Ok(exercise),
            None => bail!(
                "there is no exercise `{id}` (see `cargo lesson list`); the exercises are: {}",
                self.exercises
                    .iter()
                    .map(|e| e.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// Everything out of step between the manifest, the files, Cargo.toml and
    /// the pages, one sentence per problem.
    pub fn problems(&self, root: &Path) -> Vec<String> {
        let dir = root.join(LESSONS_DIR);
        let cargo_toml = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let mut problems = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for exercise in &self.exercises {
            let id = &exercise.id;
            if !seen.insert(id) {
                problems.push(format!(
                    "exercise `{id}` appears twice in lessons/{MANIFEST}"
                ));
            }
            for file in [exercise.starter(), exercise.solution(), exercise.check_file()]
            {
                if !dir.join(&file).is_file() {
                    problems.push(format!(
                        "exercise `{id}`: lessons/{file} does not exist"
                    ));
                }
            }
            if exercise.hints.is_empty() {
                problems.push(format!("exercise `{id}` has no hint"));
            }
            if !(5..=20).contains(&exercise.minutes) {
                problems.push(format!(
                    "exercise `{id}` takes {} minutes: exercises take 5 to 20",
                    exercise.minutes
                ));
            }
            if !root.join("src").join(&exercise.chapter).is_file() {
                problems.push(format!(
                    "exercise `{id}` belongs to src/{}, which does not exist",
                    exercise.chapter
                ));
            }
            let target = format!(
                "[[test]]\nname = \"{id}\"\npath = \"{}\"\nharness = false\ntest = false\n",
                exercise.check_file()
            );
            if !cargo_toml.contains(&target) {
                problems.push(format!(
                    "lessons/Cargo.toml does not declare the check program of `{id}`:\n{target}"
                ));
            }
            let check =
                fs::read_to_string(dir.join(exercise.check_file())).unwrap_or_default();
            let include = format!(
                "#[rustfmt::skip]\n#[path = \"../{}\"]",
                exercise.learner_file()
            );
            if !check.contains(&include) {
                problems.push(format!(
                    "lessons/{} does not include {include}",
                    exercise.check_file()
                ));
            }
        }
        problems
    }
}
