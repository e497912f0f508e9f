//! Checks of the exercise `share_one_limit`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/share_one_limit.rs"]
mod exercise;

use exercise::{LIMIT, Storage};
use lessons::Timed;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Uploads both batches once on the paused clock, for every check: the
/// results, and the peak the storage saw.
fn run() -> &'static Timed<(Vec<String>, usize)> {
    static RUN: OnceLock<Timed<(Vec<String>, usize)>> = OnceLock::new();
    RUN.get_or_init(|| {
        lessons::paused(async {
            let storage = Arc::new(Storage::default());
            let results = exercise::sync_all(Arc::clone(&storage)).await;
            (results, storage.peak())
        })
    })
}

fn every_file_in_order() {
    let results = &run().output.0;
    let expected: Vec<String> = (1..=4)
        .map(|n| format!("photo {n} uploaded"))
        .chain((1..=2).map(|n| format!("video {n} uploaded")))
        .collect();
    assert_eq!(
        results, &expected,
        "sync_all returned {results:?}: the four photos, then the two videos, in order"
    );
}

fn at_most_three_at_once() {
    let peak = run().output.1;
    assert!(
        peak <= LIMIT,
        "{peak} uploads were in progress at once: at most {LIMIT} should be, photos and \
         videos together. Each batch has a semaphore of {LIMIT} permits, but of its own: \
         a permit of one says nothing to the other. Make one semaphore, and give both \
         batches a clone of the same `Arc`"
    );
    assert_eq!(
        peak, LIMIT,
        "at most {peak} uploads were in progress at once: with six to do, the limit of \
         {LIMIT} should be used in full"
    );
}

fn takes_3_s() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(3),
        "sync_all took {:?}. Three photos start at 0 s; at 1 s they are done, and the \
         fourth photo and both videos take their places: 3 s. One batch after the other \
         would take 2 s of photos + 2 s of videos = 4 s: run them together, sharing the \
         {LIMIT} permits",
        timed.tokio
    );
}

lessons::checks!(every_file_in_order, at_most_three_at_once, takes_3_s);
