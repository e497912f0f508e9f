//! Checks of the exercise `append_to_the_journal`. Each check works in a
//! folder of its own in the system's temporary folder, removed at its end.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/append_to_the_journal.rs"]
mod exercise;

use std::io;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::mpsc;
use std::time::Duration;

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

/// Runs `append_entries(path, entries)` on the paused clock, and reads the
/// journal the moment it returns, before any write it left going on can land.
///
/// A tokio `File` writes on the runtime's blocking pool, and its `write_all`
/// may return as soon as it has handed its bytes over: without `flush`, the
/// last write is still to come when `append_entries` returns. To see that
/// every time (and not only when the pool is slower than this read), the
/// pool has one thread, which runs its jobs in turn, and each poll of
/// `append_entries` queues a job first that holds that thread until the poll
/// is over: a write queued during the poll that returns waits behind it,
/// until the journal has been read. (Reading after the runtime is gone
/// would not do: dropping a runtime waits for the pool's writes.)
fn append_and_read(path: &Path, entries: &[&str]) -> io::Result<String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .max_blocking_threads(1)
        .build()
        .expect("a tokio runtime starts");
    runtime.block_on(async {
        let mut append = pin!(exercise::append_entries(path, entries));
        let watched = std::future::poll_fn(|cx| {
            let (release, gate) = mpsc::channel::<()>();
            // Bounded, so that code which blocks its thread on the pool
            // (never needed) is slowed down rather than stuck.
            tokio::task::spawn_blocking(move || {
                gate.recv_timeout(Duration::from_secs(5))
            });
            let poll = append.as_mut().poll(cx);
            let read = poll.is_ready().then(|| journal(path));
            drop(release);
            poll.map(|returned| returned.map(|()| read.expect("read when ready")))
        });
        match tokio::time::timeout(lessons::PAUSED_LIMIT, watched).await {
            Ok(result) => result,
            Err(_) => panic!(
                "append_entries still had not returned after an hour of tokio time: \
                 does it wait for something that never comes?"
            ),
        }
    })
}

/// What the journal holds.
fn journal(path: &Path) -> String {
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
        "the last entries are missing when append_entries returns: a tokio `File`'s \
         `write_all` may return before the bytes are written, and the last write is \
         still to come. Call `flush().await` before `append_entries` returns"
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
    let found = append_and_read(&path, &["fed the cat", "paid rent"])
        .unwrap_or_else(|e| panic!("append_entries returned an error: {e}"));
    let expected = "opened\nfed the cat\npaid rent\n";
    assert_eq!(
        found,
        expected,
        "the journal held \"opened\\n\", two entries were appended, and when \
         append_entries returned it read {found:?}: {}",
        explain(&found, expected)
    );
}

fn creates_a_missing_journal() {
    let folder = Folder::new("creates");
    let path = folder.0.join("journal.txt");
    let no_journal = |e: io::Error| -> String {
        panic!(
            "with no journal yet, append_entries returned an error: {e}. `append(true)` \
             alone opens only a file that exists: add `create(true)`"
        )
    };
    let found = append_and_read(&path, &["one"]).unwrap_or_else(no_journal);
    assert_eq!(
        found,
        "one\n",
        "with no journal yet, when append_entries(\"one\") returned it read {found:?}: {}",
        explain(&found, "one\n")
    );
    let found = append_and_read(&path, &["two", "three"])
        .unwrap_or_else(|e| panic!("append_entries returned an error: {e}"));
    let expected = "one\ntwo\nthree\n";
    assert_eq!(
        found,
        expected,
        "with no journal yet, then two calls, when the second returned it read \
         {found:?}: {}",
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
