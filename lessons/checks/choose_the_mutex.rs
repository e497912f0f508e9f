//! Checks of the exercise `choose_the_mutex`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/choose_the_mutex.rs"]
mod exercise;

use exercise::Report;
use lessons::Timed;
use std::sync::OnceLock;
use std::time::Duration;

/// Serves three requests once on the paused clock, for every check.
fn run() -> &'static Timed<Report> {
    static RUN: OnceLock<Timed<Report>> = OnceLock::new();
    RUN.get_or_init(|| lessons::paused(exercise::serve_requests(3)))
}

fn counts_every_request_once() {
    let mut counts: Vec<u64> =
        run().output.saves.iter().map(|&(count, _)| count).collect();
    counts.sort();
    assert_eq!(
        counts,
        [1, 2, 3],
        "the counts saved were {counts:?}: each of the three requests counts itself once, \
         and saves the count it made, so 1, 2 and 3 should be saved"
    );
}

fn the_saves_overlap() {
    let started: Vec<Duration> = run().output.saves.iter().map(|&(_, at)| at).collect();
    let listed: Vec<String> =
        started.iter().map(|at| format!("{} ms", at.as_millis())).collect();
    assert!(
        started.len() == 3 && started.iter().all(|at| at.is_zero()),
        "the saves started at {}: all three should start at 0 ms, together. A task \
         that holds the Stats lock during its save makes the others wait for the whole save: \
         take the lock only to count, and let the guard go before the `.await`",
        listed.join(", ")
    );
}

fn each_entry_stays_whole() {
    let journal = &run().output.journal;
    assert_eq!(
        journal.len(),
        6,
        "the journal has {} lines, {journal:?}: each of the three requests writes two",
        journal.len()
    );
    let mut requests = Vec::new();
    for entry in journal.chunks(2) {
        let request = entry[0].strip_prefix("begin ").unwrap_or_else(|| {
            panic!(
                "the journal reads {journal:?}: where an entry should begin, it has {:?}",
                entry[0]
            )
        });
        assert_eq!(
            entry[1],
            format!("end {request}"),
            "the journal reads {journal:?}: after \"begin {request}\" came {:?}, so another \
             task wrote between an entry's two lines. Hold the journal's lock for the whole \
             entry, across both writes",
            entry[1]
        );
        requests.push(request.to_string());
    }
    requests.sort();
    assert_eq!(
        requests,
        ["1", "2", "3"],
        "the journal should have one entry per request"
    );
}

fn takes_1_1_s() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    assert_eq!(
        timed.tokio,
        Duration::from_millis(1100),
        "serve_requests took {:?}: the three saves overlap (0.5 s), then the three entries \
         take turns in the journal (3 × 200 ms), so it should take 1.1 s",
        timed.tokio
    );
}

lessons::checks!(
    counts_every_request_once,
    the_saves_overlap,
    each_entry_stays_whole,
    takes_1_1_s
);
