//! `lessons/lessons.toml`: one entry per exercise.

use crate::manifest::CargoTarget;
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
    /// The chapters a 3-hour workshop covers, in book order, each skimmed
    /// and followed by its core exercise: paths under `src/`.
    #[serde(default)]
    pub workshop: Vec<String>,
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
    /// Cargo features of the `lessons` package its check program needs (its
    /// `[[test]]` has them as `required-features`), such as `"http"` for the
    /// HTTP chapter's client: only its own checks build them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    /// One of the exercises a course does in class, at least one a chapter;
    /// the instructors' page gives the others as homework.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub core: bool,
    /// Why its checks run on real time, not on tokio's paused clock (a
    /// server on a real socket, blocking calls to measure): required exactly
    /// when its check program never calls `lessons::paused`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_time: Option<String>,
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
    /// The command a learner types to check it (`cargo lesson` turns on its
    /// features itself).
    pub fn command(&self) -> String {
        format!("cargo lesson check {}", self.id)
    }
    /// The command that checks it in a standalone copy (a handout).
    pub fn test_command(&self) -> String {
        format!("cargo test{} --test {}", self.features_flag(), self.id)
    }
    /// ` --features a,b`, or nothing if it needs none.
    fn features_flag(&self) -> String {
        if self.features.is_empty() {
            String::new()
        } else {
            format!(" --features {}", self.features.join(","))
        }
    }
}

/// The cargo features that building the check programs of `exercises`
/// together needs: each one's, once, in the order first met.
pub fn features_of(exercises: &[&Exercise]) -> Vec<String> {
    let mut features: Vec<String> = Vec::new();
    for feature in exercises.iter().flat_map(|e| &e.features) {
        if !features.contains(feature) {
            features.push(feature.clone());
        }
    }
    features
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

    /// The exercises of the page `chapter`, in the manifest's order.
    pub fn of_chapter(&self, chapter: &str) -> Vec<&Exercise> {
        self.exercises.iter().filter(|e| e.chapter == chapter).collect()
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
            problems.extend(real_time_problem(exercise, &check));
        }
        let mut chapters: Vec<&str> = Vec::new();
        for exercise in &self.exercises {
            if !chapters.contains(&exercise.chapter.as_str()) {
                chapters.push(&exercise.chapter);
            }
        }
        for chapter in &chapters {
            if !self.of_chapter(chapter).iter().any(|e| e.core) {
                problems.push(format!(
                    "no exercise of src/{chapter} has `core = true` in lessons/{MANIFEST}: mark the one a course does in class"
                ));
            }
        }
        for chapter in &self.workshop {
            if !chapters.contains(&chapter.as_str()) {
                problems.push(format!(
                    "the workshop in lessons/{MANIFEST} covers src/{chapter}, which has no exercises"
                ));
            }
        }
        let wanted: Vec<(&str, &[String])> = self
            .exercises
            .iter()
            .map(|e| (e.id.as_str(), e.features.as_slice()))
            .collect();
        problems.extend(crate::manifest::required_features_problems(
            root,
            &format!("{LESSONS_DIR}/Cargo.toml"),
            CargoTarget::Test,
            &format!("{LESSONS_DIR}/{MANIFEST}"),
            &wanted,
        ));
        problems
    }
}

/// What is wrong with what `exercise` says about its clock, given the text
/// of its check program: checks that never call `lessons::paused` run on
/// real time, and the manifest must say why (the instructors' page lists
/// them); checks that do call it must not claim real time.
fn real_time_problem(exercise: &Exercise, check: &str) -> Option<String> {
    let id = &exercise.id;
    let paused = check.contains("lessons::paused(");
    match exercise.real_time.as_deref() {
        None if !paused => Some(format!(
            "the checks of `{id}` never call lessons::paused, so they run on real time: say why with `real_time = \"...\"` in lessons/{MANIFEST}"
        )),
        Some(_) if paused => Some(format!(
            "`{id}` has `real_time` in lessons/{MANIFEST}, but its checks call lessons::paused: remove it, or move its checks off the paused clock"
        )),
        Some(why) if why.trim().is_empty() => Some(format!(
            "`{id}` has an empty `real_time` in lessons/{MANIFEST}: say why its checks run on real time"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lessons(text: &str) -> Lessons {
        toml::from_str(text).expect("a valid manifest")
    }

    const TWO: &str = r#"
        [[exercise]]
        id = "plain"
        chapter = "one.md"
        title = "Plain"
        minutes = 5
        difficulty = "easy"
        kind = "find the bug"
        hints = ["look"]

        [[exercise]]
        id = "fetch"
        chapter = "two.md"
        title = "Fetch"
        minutes = 10
        difficulty = "medium"
        kind = "make sequential code concurrent"
        hints = ["look"]
        features = ["http"]
    "#;

    #[test]
    fn an_exercise_may_need_cargo_features() {
        let lessons = lessons(TWO);
        let (plain, fetch) = (&lessons.exercises[0], &lessons.exercises[1]);
        assert!(plain.features.is_empty());
        assert_eq!(fetch.features, ["http"]);
        // `cargo lesson` turns them on itself; a standalone copy needs the flag.
        assert_eq!(fetch.command(), "cargo lesson check fetch");
        assert_eq!(plain.test_command(), "cargo test --test plain");
        assert_eq!(fetch.test_command(), "cargo test --features http --test fetch");
        assert_eq!(features_of(&[plain]), Vec::<String>::new());
        assert_eq!(features_of(&[plain, fetch, fetch]), ["http"]);
        // A handout's manifest keeps them, and leaves out an empty list.
        assert!(toml::to_string(fetch).unwrap().contains("features = [\"http\"]"));
        assert!(!toml::to_string(plain).unwrap().contains("features"));
    }

    #[test]
    fn real_time_is_said_exactly_where_the_checks_do_not_pause() {
        let lessons = lessons(TWO);
        let (mut plain, mut fetch) =
            (lessons.exercises[0].clone(), lessons.exercises[1].clone());
        let paused = "let timed = lessons::paused(run());";
        let real = "let took = wall_clock(LIMIT, run);";
        assert_eq!(real_time_problem(&plain, paused), None);
        let missing = real_time_problem(&fetch, real).expect("a problem");
        assert!(missing.contains("never call lessons::paused"), "{missing}");
        fetch.real_time = Some("a local server on a real socket".into());
        assert_eq!(real_time_problem(&fetch, real), None);
        plain.real_time = Some("it blocks".into());
        let stale = real_time_problem(&plain, paused).expect("a problem");
        assert!(stale.contains("but its checks call lessons::paused"), "{stale}");
        fetch.real_time = Some(" ".into());
        assert!(real_time_problem(&fetch, real).is_some());
        // A handout's manifest leaves them out unless they are set.
        assert!(!toml::to_string(&lessons.exercises[0]).unwrap().contains("real_time"));
        assert!(!toml::to_string(&lessons.exercises[0]).unwrap().contains("core"));
    }

    #[test]
    fn every_chapter_has_a_core_exercise_and_the_workshop_has_exercises() {
        let root = std::env::temp_dir()
            .join(format!("workbook-lesson-core-{}", std::process::id()));
        fs::create_dir_all(root.join("lessons")).unwrap();
        let text = format!("workshop = [\"one.md\", \"three.md\"]\n{TWO}").replacen(
            "hints = [\"look\"]",
            "hints = [\"look\"]\ncore = true",
            1,
        );
        let problems = lessons(&text).problems(&root);
        let _ = fs::remove_dir_all(&root);
        let has = |text: &str| problems.iter().any(|p| p.contains(text));
        assert!(!has("src/one.md has `core = true`"), "{problems:#?}");
        assert!(has("no exercise of src/two.md has `core = true`"), "{problems:#?}");
        assert!(has("covers src/three.md, which has no exercises"), "{problems:#?}");
        assert!(!has("covers src/one.md"), "{problems:#?}");
    }

    #[test]
    fn an_unknown_key_is_refused() {
        let text = TWO.replace("features = [\"http\"]", "feature = [\"http\"]");
        assert!(toml::from_str::<Lessons>(&text).is_err());
    }

    #[test]
    fn features_and_required_features_are_kept_in_step() {
        let root = std::env::temp_dir()
            .join(format!("workbook-lesson-features-{}", std::process::id()));
        fs::create_dir_all(root.join("lessons")).unwrap();
        let test = |id: &str, required: &str| {
            format!(
                "[[test]]\nname = \"{id}\"\npath = \"checks/{id}.rs\"\nharness = false\ntest = false\n{required}\n"
            )
        };
        let cargo_toml = [
            test("plain", "required-features = [\"http\"]"),
            test("fetch", ""),
            test("stray", ""),
        ]
        .concat();
        fs::write(root.join("lessons/Cargo.toml"), cargo_toml).unwrap();
        let problems = lessons(TWO).problems(&root);
        let _ = fs::remove_dir_all(&root);
        let expected = [
            "`plain` needs the features [] in lessons/lessons.toml, but its `[[test]]` in lessons/Cargo.toml has `required-features = [http]`: make them the same",
            "`fetch` needs the features [http] in lessons/lessons.toml, but its `[[test]]` in lessons/Cargo.toml has `required-features = []`: make them the same",
            "lessons/Cargo.toml declares the check program `stray`, which is not in lessons/lessons.toml",
        ];
        for text in expected {
            assert!(problems.iter().any(|p| p == text), "no “{text}” in {problems:#?}");
        }
    }
}
