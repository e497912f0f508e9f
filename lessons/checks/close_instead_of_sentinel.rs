//! Checks of the exercise `close_instead_of_sentinel`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/close_instead_of_sentinel.rs"]
mod exercise;

use exercise::{CONSUMERS, FAST, SLOW, run};
use std::time::Duration;

/// Runs `run` on the paused clock, with a deadline that turns a wait for ever
/// into a clear failure.
fn run_with_deadline() -> lessons::Timed<Vec<Vec<u32>>> {
    let timed = lessons::paused(async {
        match tokio::time::timeout(Duration::from_secs(60), run()).await {
            Ok(handled) => handled,
            Err(_) => panic!(
                "run was still waiting after 60 s of tokio time: the consumers' recv() never \
                 returned None, so the channel was never closed. It closes when the last \
                 Sender is dropped: is one still alive, such as a `tx` kept in run after \
                 cloning it for the producers?"
            ),
        }
    });
    lessons::assert_no_blocking(&timed);
    timed
}

fn constants_are_unchanged() {
    assert_eq!(CONSUMERS, 3, "keep CONSUMERS = 3: the checks count on it");
    assert_eq!(
        (FAST, SLOW),
        ([1, 2, 3, 4, 5], [101, 102, 103, 104, 105]),
        "keep FAST and SLOW as they were"
    );
}

fn every_item_is_handled_once() {
    let handled = run_with_deadline().output;
    assert_eq!(
        handled.len(),
        3,
        "run should return what each of the 3 consumers handled"
    );
    let mut all: Vec<u32> = handled.concat();
    all.sort();
    let wanted = [1, 2, 3, 4, 5, 101, 102, 103, 104, 105];
    let missing: Vec<u32> =
        wanted.iter().copied().filter(|i| !all.contains(i)).collect();
    assert!(
        missing.is_empty(),
        "items {missing:?} were never handled: the consumers stopped while the slow producer \
         still had items to send. The fast producer's `None`s stop every consumer; instead, \
         close the channel by dropping every Sender, and stop when recv() returns None"
    );
    assert_eq!(all, wanted, "each item should be handled exactly once");
    for (i, items) in handled.iter().enumerate() {
        assert!(
            !items.is_empty(),
            "consumer {} handled nothing: the three should share the work",
            i + 1
        );
    }
}

fn ends_as_soon_as_the_work_is_done() {
    let timed = run_with_deadline();
    assert_eq!(
        timed.tokio,
        Duration::from_millis(1400),
        "run took {:?}: the slow producer sends its last item at 4 × 0.3 s = 1.2 s (the \
         first goes at once), and handling it takes 0.2 s, so run should end at 1.4 s. \
         The consumers should stop as soon as the channel is closed and empty, not after \
         waiting for anything else",
        timed.tokio
    );
}

lessons::checks!(
    constants_are_unchanged,
    every_item_is_handled_once,
    ends_as_soon_as_the_work_is_done
);
