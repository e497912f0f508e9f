//! Checks of the exercise `find_the_silent_losses`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/find_the_silent_losses.rs"]
mod exercise;

use exercise::Report;
use lessons::Timed;
use std::sync::OnceLock;
use std::time::Duration;

/// Batch 1 and 4 parse, batch 2 has a bad line, batch 3 is empty (a panic).
fn batches() -> Vec<Vec<&'static str>> {
    vec![
        vec!["17", "21", "19"],
        vec!["20", "x7", "22"],
        vec![],
        vec!["18", "23", "16", "25"],
    ]
}

/// Runs the import once on the paused clock, for every check; `None` if it
/// was still waiting after a minute.
fn run() -> &'static Timed<Option<Report>> {
    static RUN: OnceLock<Timed<Option<Report>>> = OnceLock::new();
    RUN.get_or_init(|| {
        lessons::paused(async {
            tokio::time::timeout(Duration::from_secs(60), exercise::import(batches()))
                .await
                .ok()
        })
    })
}

fn report() -> &'static Report {
    run().output.as_ref().unwrap_or_else(|| {
        panic!(
            "import was still waiting after 60 s, for something that never comes. The \
             channel holds 4 readings, and the batches have 7: a task waiting for room in \
             it cannot end until someone reads the channel. Read it to its end before you \
             await the tasks"
        )
    })
}

fn every_reading_arrives() {
    let mut readings = report().readings.clone();
    readings.sort();
    assert!(
        !readings.is_empty(),
        "import returned no readings, though batches 1 and 4 parse: 7 readings. Were \
         they ever sent? A future does nothing until it is awaited, and `let _ =` drops \
         it without a word"
    );
    assert_eq!(
        readings,
        [16, 17, 18, 19, 21, 23, 25],
        "import returned the readings {readings:?} (sorted): it should return the 3 of \
         batch 1 and the 4 of batch 4, and none of batch 2, whose parse failed"
    );
}

fn every_failure_is_reported() {
    let mut errors = report().errors.clone();
    errors.sort();
    assert_eq!(
        errors,
        ["batch 2: bad reading \"x7\"", "batch 3 panicked"],
        "import reported the errors {errors:?}: it should report batch 2's error as \
         parse_batch wrote it, and batch 3's panic as \"batch 3 panicked\". A task's \
         outcome goes into its JoinHandle: drop the handle, and nobody ever reads it"
    );
}

fn the_batches_are_parsed_together() {
    let timed = run();
    report();
    lessons::assert_no_blocking(timed);
    assert_eq!(
        timed.tokio,
        Duration::from_millis(400),
        "import took {:?}: the four batches are parsed at the same time, and the longest \
         has 4 lines of 100 ms, so it should take 400 ms",
        timed.tokio
    );
}

lessons::checks!(
    every_reading_arrives,
    every_failure_is_reported,
    the_batches_are_parsed_together
);
