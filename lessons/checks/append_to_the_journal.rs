//! Checks of the exercise `append_to_the_journal`. Each check works in a
//! folder of its own in the system's temporary folder, removed at its end.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/append_to_the_journal.rs"]
mod exercise;

use std::path::PathBuf;

/// A fresh folder, removed when dropped, even if the check fails.
struct Folder(PathBuf);

impl Folder {
    fn new(check: &str) -> Folder {
        let path = std::env::temp_dir().join(format!(
            "lessons-append_to_the_journal-{check}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("the check can create its folder");
        Folder(path)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What the journal holds, read at once after `append_entries` returned (on
/// the runtime's thread, before the runtime is gone: it would wait for the
/// blocking pool's writes).
fn journal(path: &std::path::Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the journal cannot be read: {e}"))
}

/// Explains what a journal that should read `expected` is missing.
fn explain(found: &str, expected: &str) -> String {
    if expected.ends_with(found) && !found.is_empty() {
        "only the last entries are there: `fs::write` replaces everything in the file. \
         Open it once with `OpenOptions`, with `append(true)`, and write each entry at \
         its end"
            .to_string()
    } else if expected.starts_with(found) {
        "the last entries are missing: a tokio `File`'s `write_all` may return before the \
         bytes are written. Call `flush().await` before `append_entries` returns"
            .to_string()
    } else {
        "each entry should be one line, `entry` and a newline, after what was there"
            .to_string()
    }
}

fn keeps_what_is_there() {
    let folder = Folder::new("keeps");
    let path = folder.0.join("journal.txt");
    std::fs::write(&path, "opened\n").expect("the check can write its file");
    let timed =
        lessons::paused(exercise::append_entries(&path, &["fed the cat", "paid rent"]));
    timed.output.unwrap_or_else(|e| panic!("append_entries returned an error: {e}"));
    let found = journal(&path);
    let expected = "opened\nfed the cat\npaid rent\n";
    assert_eq!(
        found,
        expected,
        "the journal held \"opened\\n\", two entries were appended, and it reads {found:?}: {}",
        explain(&found, expected)
    );
}

fn creates_a_missing_journal() {
    let folder = Folder::new("creates");
    let path = folder.0.join("journal.txt");
    let timed = lessons::paused(async {
        exercise::append_entries(&path, &["one"]).await?;
        exercise::append_entries(&path, &["two", "three"]).await?;
        Ok::<_, std::io::Error>(journal(&path))
    });
    let found = timed.output.unwrap_or_else(|e| {
        panic!(
            "with no journal yet, append_entries returned an error: {e}. `append(true)` \
             alone opens only a file that exists: add `create(true)`"
        )
    });
    let expected = "one\ntwo\nthree\n";
    assert_eq!(
        found,
        expected,
        "with no journal yet, then two calls, it reads {found:?}: {}",
        explain(&found, expected)
    );
}

fn hands_errors_back() {
    let folder = Folder::new("errors");
    let path = folder.0.join("no such folder").join("journal.txt");
    let timed = lessons::paused(exercise::append_entries(&path, &["lost"]));
    assert!(
        timed.output.is_err(),
        "a journal in a folder that does not exist cannot be written, yet \
         append_entries returned Ok"
    );
}

lessons::checks!(keeps_what_is_there, creates_a_missing_journal, hands_errors_back);
