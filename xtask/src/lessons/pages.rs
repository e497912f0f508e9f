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
/// minutes for each listing (a ```` ```rust ```` block), to run it; rounded
/// up to 5 minutes. Only code blocks are code: an admonition
/// (```` ```admonish ````, or ````` ````admonish ````` around a code block)
/// is prose, and a code block inside it is code.
pub fn reading_minutes(markdown: &str) -> u32 {
    let (mut words, mut listings) = (0usize, 0u32);
    // The backticks of the fence of the code block we are in, if any, and
    // of each admonition we are in, innermost last.
    let mut code: Option<usize> = None;
    let mut admonitions: Vec<usize> = Vec::new();
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        let info = trimmed[ticks..].trim();
        if let Some(open) = code {
            // A code block ends at a bare fence at least as long as its own.
            if ticks >= open && info.is_empty() {
                code = None;
            }
        } else if ticks < 3 {
            words += line.split_whitespace().count();
        } else if info.is_empty()
            && admonitions.last().is_some_and(|&open| ticks >= open)
        {
            admonitions.pop();
        } else if info.starts_with("admonish") {
            admonitions.push(ticks);
        } else {
            if info.starts_with("rust") {
                listings += 1;
            }
            code = Some(ticks);
        }
    }
    let minutes = (words as u32).div_ceil(200) + 2 * listings;
    minutes.div_ceil(5) * 5
}

fn hours(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// The ids of `exercises` as code spans, and their minutes: "`a`, `b` (20 min)".
fn listed(exercises: &[&Exercise]) -> String {
    if exercises.is_empty() {
        return String::new();
    }
    let ids: Vec<String> = exercises.iter().map(|e| format!("`{}`", e.id)).collect();
    format!("{} ({} min)", ids.join(", "), minutes_of(exercises))
}

fn minutes_of(exercises: &[&Exercise]) -> u32 {
    exercises.iter().map(|e| e.minutes).sum()
}

/// How long a workshop may last, and a day of a course may hold of reading
/// and exercises, in minutes: the rest of a teaching day is for discussion,
/// breaks and the quizzes.
const WORKSHOP: u32 = 180;
const DAY: u32 = 6 * 60;
const BREAK: u32 = 10;

/// Splits `blocks` (minutes) into `days` runs as even as chapter boundaries
/// allow: the indices where each day after the first starts.
fn split_days(blocks: &[u32], days: usize) -> Vec<usize> {
    let total: u32 = blocks.iter().sum();
    let mut starts = vec![0u32];
    for minutes in blocks {
        starts.push(starts.last().copied().unwrap_or(0) + minutes);
    }
    let mut cuts: Vec<usize> = Vec::new();
    for day in 1..days {
        let target = total * day as u32 / days as u32;
        let first = cuts.last().map_or(1, |c| c + 1);
        let last = blocks.len() - (days - day);
        let cut = (first..=last.max(first))
            .min_by_key(|&i| starts[i].abs_diff(target))
            .unwrap_or(first);
        cuts.push(cut);
    }
    cuts
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
    let core_of = |path: &str| -> Vec<&Exercise> {
        lessons.of_chapter(path).into_iter().filter(|e| e.core).collect()
    };
    let others_of = |path: &str| -> Vec<&Exercise> {
        lessons.of_chapter(path).into_iter().filter(|e| !e.core).collect()
    };

    out.push_str("## Every exercise\n\nA **core** exercise is the one (or more) of its chapter that a course does in class; the others are homework.\n\n| exercise | chapter | minutes | difficulty | kind | core |\n| --- | --- | --- | --- | --- | --- |\n");
    for e in &lessons.exercises {
        let _ = writeln!(
            out,
            "| `{}`: {} | {} | {} | {} | {} | {} |",
            e.id,
            e.title,
            name_of(&e.chapter),
            e.minutes,
            e.difficulty.name(),
            e.kind,
            if e.core { "core" } else { "" }
        );
    }

    let real_time: Vec<&Exercise> =
        lessons.exercises.iter().filter(|e| e.real_time.is_some()).collect();
    if !real_time.is_empty() {
        out.push_str("\n## Checks on real time\n\nMost check programs run on tokio's paused clock (`lessons::paused`), where a wait costs no real time and a time is checked to the millisecond. These run on real time instead, and take the real seconds they measure:\n\n| exercise | chapter | why |\n| --- | --- | --- |\n");
        for e in real_time {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                e.id,
                name_of(&e.chapter),
                e.real_time.as_deref().unwrap_or_default()
            );
        }
    }

    out.push_str("\n## Reading time\n\nProse (admonitions included) at 200 words a minute, plus two minutes for each listing, to run it.\n\n| chapter | reading | core exercises | other exercises |\n| --- | --- | --- | --- |\n");
    for chapter in chapters {
        let (core, others) = (core_of(&chapter.path), others_of(&chapter.path));
        let _ = writeln!(
            out,
            "| {} | {} min | {} ({} min) | {} ({} min) |",
            chapter.name,
            chapter.minutes,
            core.len(),
            minutes_of(&core),
            others.len(),
            minutes_of(&others)
        );
    }

    // A 3-hour workshop: the workshop's chapters, each skimmed in a share of
    // its reading time and followed by its shortest core exercise, with a
    // break half-way; the share is the largest that fits in 3 hours.
    let workshop: Vec<(&Chapter, Option<&Exercise>)> = lessons
        .workshop
        .iter()
        .filter_map(|path| chapters.iter().find(|c| &c.path == path))
        .map(|c| (c, core_of(&c.path).into_iter().min_by_key(|e| e.minutes)))
        .collect();
    if !workshop.is_empty() {
        let skim = |chapter: &Chapter, share: u32| {
            (chapter.minutes.div_ceil(share)).div_ceil(5).max(1) * 5
        };
        let length = |share: u32| {
            BREAK
                + workshop
                    .iter()
                    .map(|(c, e)| skim(c, share) + e.map_or(0, |e| e.minutes))
                    .sum::<u32>()
        };
        let share = (2..=5).find(|&s| length(s) <= WORKSHOP).unwrap_or(5);
        let fraction = match share {
            2 => "half",
            3 => "a third",
            4 => "a quarter",
            _ => "a fifth",
        };
        let names: Vec<String> = workshop.iter().map(|(c, _)| c.name.clone()).collect();
        let _ = write!(
            out,
            "\n## A 3-hour workshop\n\n{}: each chapter skimmed together in about {fraction} of its reading time (its listings, their outputs and its \"In short\" box), then its core exercise, with a break half-way. The rest of each chapter, and its other exercises, are reading and homework for afterwards.\n",
            names.join(", ")
        );
        if length(share) > WORKSHOP {
            let _ = write!(
                out,
                "\nEven so, it takes {}: more than three hours. Leave out a chapter, or give its exercise as homework.\n",
                hours(length(share))
            );
        }
        out.push_str("\n| starts | what | minutes |\n| --- | --- | --- |\n");
        let (mut clock, mut had_break) = (0, false);
        for (chapter, exercise) in &workshop {
            let block = skim(chapter, share) + exercise.map_or(0, |e| e.minutes);
            if !had_break && clock + block > (length(share) - BREAK) / 2 {
                let _ = writeln!(out, "| {} | break | {BREAK} |", hours(clock));
                clock += BREAK;
                had_break = true;
            }
            let _ = writeln!(
                out,
                "| {} | {}, skimmed | {} |",
                hours(clock),
                chapter.name,
                skim(chapter, share)
            );
            clock += skim(chapter, share);
            if let Some(e) = exercise {
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
    }

    // A course: every chapter, read together, with its core exercises in
    // class and the others as homework, over as few days of at most `DAY`
    // as chapter boundaries allow, split as evenly as they allow.
    let blocks: Vec<u32> =
        chapters.iter().map(|c| c.minutes + minutes_of(&core_of(&c.path))).collect();
    let total: u32 = blocks.iter().sum();
    let day_of = |cuts: &[usize], day: usize| {
        let start = if day == 0 { 0 } else { cuts[day - 1] };
        let end = cuts.get(day).copied().unwrap_or(blocks.len());
        start..end
    };
    let mut days = (total.div_ceil(DAY) as usize).clamp(1, blocks.len().max(1));
    let mut cuts = split_days(&blocks, days);
    while days < blocks.len()
        && (0..days).any(|d| blocks[day_of(&cuts, d)].iter().sum::<u32>() > DAY)
    {
        days += 1;
        cuts = split_days(&blocks, days);
    }
    let _ = write!(
        out,
        "\n## A {days}-day course\n\nEvery chapter read together, with its core exercises done in class; its other exercises are homework. {} of reading and core exercises in all, split at chapter boundaries into days of at most {} each, which leaves the rest of a teaching day for discussion, breaks and the quizzes.\n",
        hours(total),
        hours(DAY)
    );
    for day in 0..days {
        let range = day_of(&cuts, day);
        let homework: u32 = chapters[range.clone()]
            .iter()
            .map(|c| minutes_of(&others_of(&c.path)))
            .sum();
        let _ = write!(
            out,
            "\n**Day {}**: {} of reading and exercises in class{}.\n\n| chapter | reading | in class | homework |\n| --- | --- | --- | --- |\n",
            day + 1,
            hours(blocks[range.clone()].iter().sum()),
            if homework == 0 {
                String::new()
            } else {
                format!(", {} of homework", hours(homework))
            }
        );
        for chapter in &chapters[range] {
            let _ = writeln!(
                out,
                "| {} | {} min | {} | {} |",
                chapter.name,
                chapter.minutes,
                listed(&core_of(&chapter.path)),
                listed(&others_of(&chapter.path))
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
        let lessons = Lessons {
            workshop: Vec::new(),
            exercises: vec![plain, exercise("fetch", &["http"])],
        };
        let root = Path::new("/nonexistent");
        let http = exercises_section(root, &lessons, "http.md").unwrap();
        assert!(http.contains("need the cargo feature `http`"), "{http}");
        assert!(http.contains("$ cargo lesson check fetch\n"), "{http}");
        let one = exercises_section(root, &lessons, "one.md").unwrap();
        assert!(!one.contains("feature"), "{one}");
    }

    #[test]
    fn only_code_blocks_are_code_and_admonitions_are_prose() {
        let prose = |n: usize| vec!["word"; n].join(" ");
        // 200 words, a listing in an admonition, and code that is not read.
        let page = format!(
            "{}\n\n```admonish asyncio\n{}\n```\n\n````admonish success title=\"A solution\"\n{}\n```rust,noplayground\n{}\n```\n{}\n````\n\n```text\n{}\n```\n",
            prose(100),
            prose(50),
            prose(25),
            prose(1000),
            prose(25),
            prose(1000),
        );
        // 200 words: 1 minute; one listing: 2 minutes; 5 in all.
        assert_eq!(reading_minutes(&page), 5);
        // 1,001 words of prose: 6 minutes, 10 once rounded.
        let long = format!("```admonish info\n{}\n```\n{}", prose(1000), prose(1));
        assert_eq!(reading_minutes(&long), 10);
        // A code block of four backticks holds a fence of three as code.
        let nested = format!("````text\n```\n{}\n```\n````\n{}", prose(1000), prose(1));
        assert_eq!(reading_minutes(&nested), 5);
    }

    fn chapter(path: &str, minutes: u32) -> Chapter {
        Chapter {
            path: path.into(),
            name: path.trim_end_matches(".md").into(),
            minutes,
        }
    }

    #[test]
    fn schedules_fit_the_time_they_are_given() {
        let mut exercises = Vec::new();
        let mut chapters = Vec::new();
        for n in 0..10 {
            let path = format!("c{n}.md");
            chapters.push(chapter(&path, 40));
            for (i, minutes) in [10, 15, 20].into_iter().enumerate() {
                let mut e = exercise(&format!("e{n}_{i}"), &[]);
                e.chapter = path.clone();
                e.minutes = minutes;
                e.core = i == 0;
                exercises.push(e);
            }
        }
        exercises[3].real_time = Some("it blocks for real".into());
        let workshop = (0..7).map(|n| format!("c{n}.md")).collect();
        let page = instructors(&Lessons { workshop, exercises }, &chapters);
        // Seven chapters of 40 min and a 10-minute exercise each: 7 × (20 + 10)
        // = 210 min at half the reading time; 7 × (15 + 10) + 10 = 185 at a
        // third; 7 × (10 + 10) + 10 = 150 at a quarter.
        assert!(page.contains("about a quarter of its reading time"), "{page}");
        assert!(
            page.contains(
                "| 0:00 | c0, skimmed | 10 |\n| 0:10 | exercise `e0_0` | 10 |"
            )
        );
        assert!(page.contains("| 2:30 | end | |"), "{page}");
        assert!(page.contains("| 1:00 | break | 10 |\n| 1:10 | c3, skimmed"), "{page}");
        assert!(!page.contains("c7, skimmed"), "{page}");
        // Ten chapters of 40 + 10 min: 8:20, two days of 4:10.
        assert!(page.contains("## A 2-day course"), "{page}");
        assert!(page.contains(
            "**Day 1**: 4:10 of reading and exercises in class, 2:55 of homework."
        ));
        assert!(
            page.contains(
                "| c4 | 40 min | `e4_0` (10 min) | `e4_1`, `e4_2` (35 min) |"
            )
        );
        assert!(page.contains("| `e1_0` | c1 | it blocks for real |"), "{page}");
        assert!(page.contains("| `e1_0`: T | c1 | 10 | easy | k | core |"), "{page}");
        // Longer chapters need more days, none longer than six hours.
        let long: Vec<Chapter> =
            (0..10).map(|n| chapter(&format!("c{n}.md"), 90)).collect();
        let page = instructors(
            &Lessons { workshop: Vec::new(), exercises: Vec::new() },
            &long,
        );
        assert!(page.contains("## A 3-day course"), "{page}");
        assert!(
            page.contains("**Day 1**: 4:30 of reading and exercises in class.\n"),
            "{page}"
        );
        assert!(page.contains("**Day 2**: 6:00 of"), "{page}");
        assert!(!page.contains("workshop"), "{page}");
    }
}
