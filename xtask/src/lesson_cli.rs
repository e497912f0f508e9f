//! `cargo lesson ...`: the learner's commands. `cargo lesson` is an alias of
//! `cargo xtask lesson` (see `.cargo/config.toml`).

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use xtask::lessons::check::Project;
use xtask::lessons::manifest::LESSONS_DIR;
use xtask::lessons::{Exercise, Lessons, Verdict, check};

#[derive(Subcommand)]
pub enum LessonCommand {
    /// Every exercise with its status, and your progress.
    List,
    /// Check one exercise, or the next one you have not finished.
    Check { id: Option<String> },
    /// Show the next hint of an exercise.
    Hint { id: String },
    /// Check an exercise again each time you save it (Ctrl-C stops).
    Watch { id: Option<String> },
    /// Put an exercise back as it was before you started.
    Reset { id: String },
    /// Show the reference solution, once your exercise passes.
    Solution {
        id: String,
        /// Show it even though your exercise does not pass yet.
        #[arg(long)]
        anyway: bool,
    },
}

/// Where your progress is kept (git-ignored).
const PROGRESS: &str = "lessons/.progress.json";

struct Workbook {
    root: PathBuf,
    lessons: Lessons,
    progress: Value,
}

impl Workbook {
    fn open(root: &Path) -> Result<Self> {
        let lessons = Lessons::load(&root.join(LESSONS_DIR))?;
        let progress = fs::read_to_string(root.join(PROGRESS))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| json!({}));
        Ok(Workbook { root: root.to_path_buf(), lessons, progress })
    }

    /// Saves what this run learned about exercise `id`. The file is read
    /// again first, so that two runs at once (`watch` and `check`) keep each
    /// other's news, and replaced in one step, so that it is never half written.
    fn save(&self, id: &str) -> Result<()> {
        let path = self.root.join(PROGRESS);
        let mut progress: Value = fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| json!({}));
        progress[id] = self.progress[id].clone();
        let text = serde_json::to_string_pretty(&progress)? + "\n";
        let fresh = path.with_extension(format!("json.{}", std::process::id()));
        fs::write(&fresh, text)
            .and_then(|()| fs::rename(&fresh, &path))
            .context("cannot save your progress")
    }

    fn status(&self, id: &str) -> &str {
        self.progress[id]["status"].as_str().unwrap_or("not started")
    }

    /// The learner's file of an exercise, made from its starter on first use.
    fn learner_file(&self, exercise: &Exercise) -> Result<PathBuf> {
        let dir = self.root.join(LESSONS_DIR);
        let path = dir.join(exercise.learner_file());
        if !path.exists() {
            fs::create_dir_all(path.parent().expect("exercises/ has a parent"))?;
            fs::copy(dir.join(exercise.starter()), &path).with_context(|| {
                format!("cannot make {} from its starter", exercise.learner_file())
            })?;
        }
        Ok(path)
    }

    /// The exercise named, or the first one not done yet.
    fn pick(&self, id: Option<&str>) -> Result<Exercise> {
        match id {
            Some(id) => Ok(self.lessons.exercise(id)?.clone()),
            None => match self
                .lessons
                .exercises
                .iter()
                .find(|e| self.status(&e.id) != "done")
            {
                Some(exercise) => Ok(exercise.clone()),
                None => {
                    bail!("every exercise is done: well done! (`cargo lesson list`)")
                }
            },
        }
    }

    fn check(&mut self, exercise: &Exercise) -> Result<Verdict> {
        let file = self.learner_file(exercise)?;
        println!("{} · {} ({} min)", exercise.id, exercise.title, exercise.minutes);
        println!("  checking lessons/{} ...", exercise.learner_file());
        // Only this exercise's own features: checking one that needs none
        // never builds the HTTP client.
        if !exercise.features.is_empty() {
            println!(
                "  with --features {} (the first time, this builds what they need)",
                exercise.features.join(",")
            );
        }
        let project = Project {
            dir: &self.root,
            package: Some("lessons"),
            target_dir: None,
            features: None,
        };
        let verdict = check(&project, exercise)?;
        let status = if verdict.passed() { "done" } else { "failing" };
        self.progress[&exercise.id]["status"] = json!(status);
        self.save(&exercise.id)?;
        match &verdict {
            Verdict::Passed { .. } => {
                println!("  ✓ passed: {}", verdict.reason());
                println!(
                    "  compare with the reference: `cargo lesson solution {}`",
                    exercise.id
                );
            }
            Verdict::CompileError { message } => {
                println!("  ✗ it does not compile yet:\n");
                println!("{}", message.trim_end());
            }
            _ => println!("  ✗ {}", verdict.reason()),
        }
        if !verdict.passed() {
            println!(
                "\n  edit {}; stuck? `cargo lesson hint {}`",
                file.display(),
                exercise.id
            );
        }
        Ok(verdict)
    }
}

pub fn run(root: &Path, command: LessonCommand) -> Result<()> {
    let mut book = Workbook::open(root)?;
    match command {
        LessonCommand::List => {
            let mut done = 0;
            let width =
                book.lessons.exercises.iter().map(|e| e.id.len()).max().unwrap_or(8);
            println!(
                "{:<width$} {:<18} {:>4}  {:<7} status",
                "exercise", "chapter", "min", "level"
            );
            for exercise in &book.lessons.exercises {
                let status = book.status(&exercise.id);
                done += usize::from(status == "done");
                println!(
                    "{:<width$} {:<18} {:>4}  {:<7} {status}",
                    exercise.id,
                    exercise.chapter.trim_end_matches(".md"),
                    exercise.minutes,
                    exercise.difficulty.name()
                );
            }
            println!("\n{done} of {} done", book.lessons.exercises.len());
            Ok(())
        }
        LessonCommand::Check { id } => {
            let exercise = book.pick(id.as_deref())?;
            if book.check(&exercise)?.passed() {
                Ok(())
            } else {
                std::process::exit(1);
            }
        }
        LessonCommand::Hint { id } => {
            let exercise = book.lessons.exercise(&id)?.clone();
            let shown = book.progress[&id]["hints"].as_u64().unwrap_or(0) as usize;
            let next = shown.min(exercise.hints.len() - 1);
            println!(
                "hint {} of {}: {}",
                next + 1,
                exercise.hints.len(),
                exercise.hints[next]
            );
            book.progress[&id]["hints"] = json!(next + 1);
            book.save(&id)
        }
        LessonCommand::Reset { id } => {
            let exercise = book.lessons.exercise(&id)?.clone();
            let dir = root.join(LESSONS_DIR);
            fs::create_dir_all(dir.join("exercises"))?;
            fs::copy(dir.join(exercise.starter()), dir.join(exercise.learner_file()))?;
            book.progress[&id] = json!({ "status": "not started" });
            book.save(&id)?;
            println!("lessons/{} is back to its starter", exercise.learner_file());
            Ok(())
        }
        LessonCommand::Solution { id, anyway } => {
            let exercise = book.lessons.exercise(&id)?.clone();
            if book.status(&id) != "done" && !anyway {
                bail!(
                    "`{id}` does not pass yet: solve it first (`cargo lesson check {id}`), or add --anyway"
                );
            }
            let path = root.join(LESSONS_DIR).join(exercise.solution());
            print!("{}", fs::read_to_string(&path)?);
            Ok(())
        }
        LessonCommand::Watch { id } => {
            let exercise = book.pick(id.as_deref())?;
            let file = book.learner_file(&exercise)?;
            let modified =
                |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
            let mut seen: Option<SystemTime> = None;
            loop {
                let now = modified(&file);
                if now != seen {
                    seen = now;
                    println!();
                    if book.check(&exercise)?.passed() {
                        println!("\n  on to the next one: `cargo lesson watch`");
                        return Ok(());
                    }
                    println!(
                        "\n  waiting for you to save lessons/{} (Ctrl-C stops)",
                        exercise.learner_file()
                    );
                }
                std::thread::sleep(Duration::from_millis(300));
            }
        }
    }
}
