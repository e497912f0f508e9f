//! What the book shows of the exercises, generated from the manifest: an
//! "Exercises" section at the end of each chapter, and the instructors' page
//! (every exercise, each chapter's reading time, suggested schedules).

use super::manifest::{Exercise, LESSONS_DIR, Lessons};
use std::fmt::Write;
use std::fs;
use std::path::Path;

/// The task of an exercise: the `//!` comment at the top of its starter.
pub fn task(root: &Path, exercise: &Exercise) -> String {
    let starter = fs::read_to_string(root.join(LESSONS_DIR).join(exercise.starter()))
        .unwrap_or_default();
    let lines: Vec<&str> = starter
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.trim_start_matches("//!").trim_start())
        .collect();
    let text = lines.join("\n");
    // The first line often restates the title: the page has it already.
    match text.split_once("\n\n") {
        Some((first, rest)) if first.trim_end_matches('.') == exercise.title => {
            rest.trim().to_string()
        }
        _ => text.trim().to_string(),
    }
}

/// The "Exercises" section of a chapter, if it has exercises.
pub fn exercises_section(
    root: &Path,
    lessons: &Lessons,
    chapter: &str,
) -> Option<String> {
    let exercises: Vec<&Exercise> =
        lessons.exercises.iter().filter(|e| e.chapter == chapter).collect();
    if exercises.is_empty() {
        return None;
    }
    let mut out = String::from(
        "\n\n## Exercises\n\nEach exercise is a small program in the repository's `lessons/` folder \
         that fails its checks until you solve it. `cargo lesson check ID` makes your own copy, \
         `lessons/exercises/ID.rs`, from the starter the first time, and checks it; \
         `cargo lesson hint ID` gives one hint at a time, and `cargo lesson list` shows your \
         progress. Try before you open a hint.\n",
    );
    let features = super::manifest::features_of(&exercises);
    if !features.is_empty() {
        let _ = write!(
            out,
            "\nThese exercises need the cargo feature `{}`, as the chapter's listings do: \
             `cargo lesson` turns it on for them alone, and their first check builds what \
             it needs once.",
            features.join("`, `")
        );
        if features.iter().any(|f| f == "http") {
            out.push_str(
                " Their checks start a server of their own on 127.0.0.1, and time on \
                 the wall clock.",
            );
        }
        out.push('\n');
    }
    for exercise in exercises {
        let _ = write!(
            out,
            "\n### {title}\n\n*{minutes} minutes · {level} · {kind}*\n\n{task}\n\nWork in \
             `lessons/{file}`, then check it:\n\n```console\n$ {command}\n```\n",
            title = exercise.title,
            minutes = exercise.minutes,
            level = exercise.difficulty.name(),
            kind = exercise.kind,
            task = task(root, exercise),
            file = exercise.learner_file(),
            command = exercise.command(),
        );
        for (number, hint) in exercise.hints.iter().enumerate() {
            let _ = write!(
                out,
                "\n```admonish tip collapsible=true title=\"Hint {}\"\n{hint}\n```\n",
                number + 1
            );
        }
        let solution =
            fs::read_to_string(root.join(LESSONS_DIR).join(exercise.solution()))
                .unwrap_or_default();
        let _ = write!(
            out,
            "\n````admonish success collapsible=true title=\"A solution (after you have tried)\"\n\
             ```rust,noplayground\n{}\n```\n````\n",
            solution.trim_end()
        );
    }
    Some(out)
}

/// A chapter of the book, as the instructors' page needs it.
pub struct Chapter {
    pub path: String,
    pub name: String,
    /// Reading time in minutes, listings included.
    pub minutes: u32,
}

/// Minutes to read a page: its prose at 200 words a minute, plus two
/// minutes for each listing, to run it; rounded up to 5 minutes.
pub fn reading_minutes(markdown: &str) -> u32 {
    let (mut words, mut listings, mut in_code) = (0usize, 0u32, false);
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            if !in_code && line.contains("rust") {
                listings += 1;
            }
            in_code = !in_code;
        } else if !in_code {
            words += line.split_whitespace().count();
        }
    }
    let minutes = (words as u32).div_ceil(200) + 2 * listings;
    minutes.div_ceil(5) * 5
}

fn hours(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// The instructors' page content, for `{{#instructors}}`.
pub fn instructors(lessons: &Lessons, chapters: &[Chapter]) -> String {
    let mut out = String::new();
    let name_of = |path: &str| {
        chapters
            .iter()
            .find(|c| c.path == path)
            .map_or(path.to_string(), |c| c.name.clone())
    };
    out.push_str("## Every exercise\n\n| exercise | chapter | minutes | difficulty | kind |\n| --- | --- | --- | --- | --- |\n");
    for e in &lessons.exercises {
        let _ = writeln!(
            out,
            "| `{}`: {} | {} | {} | {} | {} |",
            e.id,
            e.title,
            name_of(&e.chapter),
            e.minutes,
            e.difficulty.name(),
            e.kind
        );
    }
    out.push_str("\n## Reading time\n\nProse at 200 words a minute, plus two minutes for each listing, to run it.\n\n| chapter | reading | exercises | their minutes |\n| --- | --- | --- | --- |\n");
    let exercises_of = |c: &Chapter| {
        lessons.exercises.iter().filter(|e| e.chapter == c.path).collect::<Vec<_>>()
    };
    for chapter in chapters {
        let exercises = exercises_of(chapter);
        let _ = writeln!(
            out,
            "| {} | {} min | {} | {} min |",
            chapter.name,
            chapter.minutes,
            exercises.len(),
            exercises.iter().map(|e| e.minutes).sum::<u32>()
        );
    }
    // A 3-hour workshop: the chapters in order, each with its shortest
    // exercise, and a 10-minute break at half time, as far as 3 hours go.
    out.push_str("\n## A 3-hour workshop\n\nThe chapters in order, each read together and followed by its shortest exercise, with a break half-way, as far as three hours go.\n\n| starts | what | minutes |\n| --- | --- | --- |\n");
    let mut clock = 0;
    let mut had_break = false;
    for chapter in chapters {
        let shortest = exercises_of(chapter).into_iter().min_by_key(|e| e.minutes);
        let block = chapter.minutes + shortest.map_or(0, |e| e.minutes);
        if clock + block > 180 {
            break;
        }
        if !had_break && clock + block > 90 {
            let _ = writeln!(out, "| {} | break | 10 |", hours(clock));
            clock += 10;
            had_break = true;
            if clock + block > 180 {
                break;
            }
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            hours(clock),
            chapter.name,
            chapter.minutes
        );
        clock += chapter.minutes;
        if let Some(e) = shortest {
            let _ = writeln!(
                out,
                "| {} | exercise `{}` | {} |",
                hours(clock),
                e.id,
                e.minutes
            );
            clock += e.minutes;
        }
    }
    let _ = writeln!(out, "| {} | end | |", hours(clock));
    // A 2-day course: every chapter with every exercise, split at the
    // chapter boundary closest to half of the whole.
    let blocks: Vec<(&Chapter, u32)> = chapters
        .iter()
        .map(|c| {
            (c, c.minutes + exercises_of(c).iter().map(|e| e.minutes).sum::<u32>())
        })
        .collect();
    let total: u32 = blocks.iter().map(|(_, m)| m).sum();
    let mut day_one = 0;
    let mut split = blocks.len();
    for (i, (_, minutes)) in blocks.iter().enumerate() {
        if day_one + minutes / 2 > total / 2 {
            split = i;
            break;
        }
        day_one += minutes;
    }
    let _ = write!(
        out,
        "\n## A 2-day course\n\nEvery chapter with every exercise: {} of reading and exercises in all, split between the days at a chapter boundary. Add discussion, breaks and the quizzes to taste.\n",
        hours(total)
    );
    for (day, range) in [(1, 0..split), (2, split..blocks.len())] {
        let _ = write!(
            out,
            "\n**Day {day}**\n\n| chapter | reading | exercises |\n| --- | --- | --- |\n"
        );
        for (chapter, _) in &blocks[range] {
            let ids: Vec<String> =
                exercises_of(chapter).iter().map(|e| format!("`{}`", e.id)).collect();
            let _ = writeln!(
                out,
                "| {} | {} min | {} |",
                chapter.name,
                chapter.minutes,
                ids.join(", ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::project::tests::exercise;

    #[test]
    fn a_chapter_whose_exercises_need_a_feature_says_so() {
        let mut plain = exercise("plain", &[]);
        plain.chapter = "one.md".into();
        let lessons = Lessons { exercises: vec![plain, exercise("fetch", &["http"])] };
        let root = Path::new("/nonexistent");
        let http = exercises_section(root, &lessons, "http.md").unwrap();
        assert!(http.contains("need the cargo feature `http`"), "{http}");
        assert!(http.contains("$ cargo lesson check fetch\n"), "{http}");
        let one = exercises_section(root, &lessons, "one.md").unwrap();
        assert!(!one.contains("feature"), "{one}");
    }
}
