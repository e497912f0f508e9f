//! Conventions of the book's pages that a test can check: see CONTRIBUTING.md.

use std::fmt;
use std::fs;
use xtask::workspace_root;

/// Failures, one per line, shown as they are (the harness prints `{:?}`).
struct Failures(String);

impl fmt::Debug for Failures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}\n", self.0)
    }
}

/// Every quiz has at least six questions, and no multiple-choice question
/// gives its answer away by being the longest option.
#[test]
fn quizzes_have_six_questions_and_no_longest_right_answer() -> Result<(), Failures> {
    let mut failures = Vec::new();
    let dir = workspace_root().join("quizzes");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| Failures(format!("cannot read {}: {e}", dir.display())))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let text =
            fs::read_to_string(&path).map_err(|e| Failures(format!("{name}: {e}")))?;
        let quiz: toml::Value = toml::from_str(&text)
            .map_err(|e| Failures(format!("quizzes/{name}: {e}")))?;
        let questions = quiz.get("questions").and_then(|q| q.as_array());
        let questions = questions.map(Vec::as_slice).unwrap_or_default();
        if questions.len() < 6 {
            failures.push(format!(
                "quizzes/{name} has {} questions, not 6",
                questions.len()
            ));
        }
        for (number, question) in questions.iter().enumerate() {
            let answer = question.get("answer").and_then(|a| a.get("answer"));
            let distractors = question.get("prompt").and_then(|p| p.get("distractors"));
            let (Some(answer), Some(distractors)) = (
                answer.and_then(|a| a.as_str()),
                distractors.and_then(|d| d.as_array()),
            ) else {
                continue;
            };
            let longest = distractors
                .iter()
                .filter_map(|d| d.as_str())
                .map(|d| d.chars().count())
                .max()
                .unwrap_or(0);
            if answer.chars().count() > longest {
                failures.push(format!(
                    "quizzes/{name}, question {}: the right answer is the longest option",
                    number + 1
                ));
            }
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(Failures(failures.join("\n"))) }
}
