//! Grading, end to end, on the first two exercises of the manifest: a handout
//! with the reference solutions grades full marks, an untouched one zero, one
//! with a broken exercise exactly that one, and each hostile submission is
//! graded as not passing, for the right reason.

use std::fs;
use std::path::{Path, PathBuf};
use xtask::lessons::grade::{grade, write_report};
use xtask::lessons::handout;
use xtask::lessons::manifest::LESSONS_DIR;
use xtask::lessons::{Exercise, Lessons};
use xtask::workspace_root;

/// The body of the first exercise's function, where hostile code goes. The
/// first exercise is `concurrent_pages`, whose solution has this line.
const HOOK: &str = "pub async fn fetch_all() -> Vec<String> {";

fn submission(dir: &Path, files: &[(String, String)]) -> PathBuf {
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir.to_path_buf()
}

#[test]
fn submissions_are_graded_safely_and_for_the_right_reason() {
    let root = workspace_root();
    let lessons = Lessons::load(&root.join(LESSONS_DIR)).unwrap();
    let chosen: Vec<&Exercise> = lessons.exercises.iter().take(2).collect();
    assert!(
        chosen.len() == 2 && chosen[0].id == "concurrent_pages",
        "needs two exercises"
    );
    let (first, second) = (chosen[0], chosen[1]);
    let solution = |e: &Exercise| {
        fs::read_to_string(root.join(LESSONS_DIR).join(e.solution())).unwrap()
    };
    let hostile =
        |code: &str| solution(first).replacen(HOOK, &format!("{HOOK}\n    {code}"), 1);
    let scratch = root.join("target/grading-test");
    let _ = fs::remove_dir_all(&scratch);

    // A real handout, as the students get it.
    let handout_dir = scratch.join("handout");
    handout::write(&root, &handout_dir, &chosen).unwrap();
    for e in &chosen {
        assert!(
            !fs::read_to_string(handout_dir.join(e.learner_file())).unwrap().is_empty()
        );
        assert!(!handout_dir.join(e.solution()).exists(), "no solution in a handout");
    }
    assert!(handout_dir.join(".github/workflows/classroom.yml").is_file());

    let subs = scratch.join("submissions");
    let both = |a: String, b: String| {
        vec![(first.learner_file(), a), (second.learner_file(), b)]
    };
    // Whole handouts, on both exercises.
    let handouts = vec![
        submission(&subs.join("full"), &both(solution(first), solution(second))),
        handout_dir.clone(), // untouched
        submission(
            &subs.join("one_broken"),
            &both(solution(first), solution(second) + "\nfn broken( {\n"),
        ),
    ];
    // Hostile submissions, on the first exercise, where the hostile code is.
    let one = |code: String| vec![(first.learner_file(), code)];
    let hostile_ones = vec![
        submission(&subs.join("exits"), &one(hostile("std::process::exit(0);"))),
        submission(&subs.join("aborts"), &one(hostile("std::process::abort();"))),
        submission(
            &subs.join("fakes_a_summary"),
            &one(hostile(
                "println!(\"test result: ok. 2 passed\"); eprintln!(\"check takes_one_second_not_five: passed\"); std::process::exit(0);",
            )),
        ),
        // An unusual duration, so that no other `sleep` on the machine is
        // taken for the one this submission leaves behind.
        submission(
            &subs.join("hangs"),
            &one(hostile(
                "std::process::Command::new(\"sleep\").arg(\"59.75\").spawn().unwrap(); loop {}",
            )),
        ),
        submission(
            &subs.join("tampers"),
            &[
                (
                    first.learner_file(),
                    fs::read_to_string(root.join(LESSONS_DIR).join(first.starter()))
                        .unwrap(),
                ),
                (first.check_file(), "fn main() {}\n".to_string()),
                ("Cargo.toml".to_string(), "[package]\nname = \"cheat\"\n".to_string()),
                (
                    "build.rs".to_string(),
                    "fn main() { std::process::exit(0) }\n".to_string(),
                ),
            ],
        ),
    ];
    let mut results = grade(&root, &handouts, &chosen, Some(5)).unwrap();
    results.extend(grade(&root, &hostile_ones, &chosen[..1], Some(2)).unwrap());
    let labels: Vec<(String, Vec<&str>)> = results
        .iter()
        .map(|g| {
            (g.student.clone(), g.verdicts.iter().map(|(_, v)| v.label()).collect())
        })
        .collect();
    let expected: Vec<(&str, &[&str])> = vec![
        ("full", &["pass", "pass"]),
        ("handout", &["fail", "fail"]),
        ("one_broken", &["pass", "compile error"]),
        ("exits", &["stopped"]),
        ("aborts", &["stopped"]),
        ("fakes_a_summary", &["stopped"]),
        ("hangs", &["timeout"]),
        ("tampers", &["fail"]),
    ];
    assert_eq!(labels.len(), expected.len());
    for ((student, got), (name, want)) in labels.iter().zip(&expected) {
        assert_eq!(student, name);
        assert_eq!(got.as_slice(), *want, "{student}: {got:?}");
    }
    // Nothing the hanging submission started is left running.
    let leftover = std::process::Command::new("pgrep")
        .args(["-f", "^sleep 59.75$"])
        .output()
        .unwrap();
    assert!(leftover.stdout.is_empty(), "a process outlived the grading");

    let report = scratch.join("report");
    write_report(&report, &results).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(report.join("grades.json")).unwrap())
            .unwrap();
    let totals: Vec<u64> =
        json.as_array().unwrap().iter().map(|s| s["total"].as_u64().unwrap()).collect();
    assert_eq!(totals, [2, 0, 1, 0, 0, 0, 0, 0]);
    let csv = fs::read_to_string(report.join("grades.csv")).unwrap();
    assert!(csv.starts_with("student,exercise,result,reason\n"));
    assert_eq!(csv.lines().count(), 1 + 3 * 2 + 5);
}

#[test]
fn a_missing_or_empty_submission_is_refused() {
    let root = workspace_root();
    let lessons = Lessons::load(&root.join(LESSONS_DIR)).unwrap();
    let chosen: Vec<&Exercise> = lessons.exercises.iter().take(1).collect();
    let empty = root.join("target/grading-test-empty/nobody");
    fs::create_dir_all(&empty).unwrap();
    let error = grade(&root, &[empty], &chosen, Some(3)).unwrap_err().to_string();
    assert!(error.contains("is an empty folder, not a submission"), "{error}");
    let error = grade(&root, &[root.join("target/no-such-student")], &chosen, Some(3))
        .unwrap_err()
        .to_string();
    assert!(error.contains("no such folder"), "{error}");
}
