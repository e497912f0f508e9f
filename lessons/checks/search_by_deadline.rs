//! Checks of the exercise `search_by_deadline`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/search_by_deadline.rs"]
mod exercise;

use exercise::{OPEN_CONNECTIONS, Search};
use std::sync::atomic::Ordering;
use std::time::Duration;

fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

fn backends() -> Vec<(&'static str, u64)> {
    vec![
        ("alpha", 250),
        ("beta", 900),
        ("gamma", 500),
        ("delta", 1300),
        ("epsilon", 700),
    ]
}

/// Runs `search_all`, then lets the runtime run whatever is left for a moment
/// (an aborted task is dropped the next time the runtime gets to it), and
/// counts the connections still open.
fn search(
    backends: Vec<(&'static str, u64)>,
    budget: Duration,
) -> (Search, Duration, usize) {
    let timed = lessons::paused(async {
        let start = tokio::time::Instant::now();
        let search = exercise::search_all(backends, budget).await;
        let took = start.elapsed();
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        (search, took, OPEN_CONNECTIONS.load(Ordering::SeqCst))
    });
    lessons::assert_no_blocking(&timed);
    timed.output
}

fn keeps_the_answers_in_time() {
    let (search, _, _) = search(backends(), ms(800));
    assert_eq!(
        search.found,
        ["alpha: 3 results", "gamma: 3 results", "epsilon: 3 results"],
        "with 800 ms for the whole search, alpha (250 ms), gamma (500 ms) and \
         epsilon (700 ms) answer in time, and only they"
    );
    assert_eq!(
        search.missed,
        ["beta", "delta"],
        "beta (900 ms) and delta (1300 ms) answer after the 800 ms deadline: they \
         are missed"
    );
}

fn ends_at_the_deadline() {
    let (_, took, _) = search(backends(), ms(800));
    assert_eq!(
        took,
        ms(800),
        "search_all took {took:?} with a budget of 800 ms: the budget is for the \
         whole search, counted from its start (one deadline, timeout_at), not a \
         fresh 800 ms for each handle"
    );
}

fn stops_the_queries_that_missed() {
    let (_, _, open) = search(backends(), ms(800));
    assert_eq!(
        open, 0,
        "{open} queries still held a connection after search_all returned: a query \
         that misses the deadline must be dropped; a timeout around a JoinHandle \
         drops only the handle, and the task runs on"
    );
}

fn no_wait_when_all_answer_early() {
    let (search, took, open) = search(backends(), ms(2000));
    assert_eq!(search.found.len(), 5, "all five answer within 2 s: {search:?}");
    assert!(search.missed.is_empty(), "no backend missed a 2 s deadline: {search:?}");
    assert_eq!(
        took,
        ms(1300),
        "search_all took {took:?}: when every backend answers in time, it should \
         return with the last answer (1300 ms), not wait out the budget"
    );
    assert_eq!(open, 0, "{open} connections still open after a finished search");
}

lessons::checks!(
    keeps_the_answers_in_time,
    ends_at_the_deadline,
    stops_the_queries_that_missed,
    no_wait_when_all_answer_early,
);
