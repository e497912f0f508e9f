//! Checks of the exercise `limit_downloads_with_a_semaphore`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/limit_downloads_with_a_semaphore.rs"]
mod exercise;

use exercise::{LIMIT, Server};
use lessons::Timed;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// File 1 takes 3 s, files 2 to 10 take 1 s each.
fn jobs() -> Vec<(u32, u64)> {
    (1..=10).map(|id| (id, if id == 1 { 3 } else { 1 })).collect()
}

/// Downloads the files once on the paused clock, for every check: the results,
/// and the peak the server saw.
fn run() -> &'static Timed<(Vec<String>, usize)> {
    static RUN: OnceLock<Timed<(Vec<String>, usize)>> = OnceLock::new();
    RUN.get_or_init(|| {
        lessons::paused(async {
            let server = Arc::new(Server::default());
            let results = exercise::download_all(Arc::clone(&server), jobs()).await;
            (results, server.peak())
        })
    })
}

fn every_file_in_order() {
    let results = &run().output.0;
    let expected: Vec<String> = (1..=10).map(|id| format!("file {id}")).collect();
    assert_eq!(
        results, &expected,
        "download_all returned {results:?}: every file, in the order of the jobs"
    );
}

fn at_most_three_at_once() {
    let peak = run().output.1;
    assert!(
        peak <= LIMIT,
        "{peak} downloads were in progress at once: at most {LIMIT} should be. Each task \
         must hold a permit of a `Semaphore::new(LIMIT)` for its whole download: \
         `let _permit = ...acquire().await`, since `let _ =` gives the permit back at once"
    );
    assert_eq!(
        peak, LIMIT,
        "at most {peak} downloads were in progress at once: with 10 to do, the limit of \
         {LIMIT} should be used in full"
    );
}

fn a_new_download_starts_when_one_ends() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(4),
        "download_all took {:?}. With 3 at once, files 2 and 3 are done at 1 s and files \
         4 and 5 start, then 6 and 7 at 2 s, and 8, 9, 10 at 3 s: 4 s. Groups of 3 \
         would wait for their slowest download (the first group for file 1's 3 s): 6 s",
        timed.tokio
    );
}

lessons::checks!(
    every_file_in_order,
    at_most_three_at_once,
    a_new_download_starts_when_one_ends
);
