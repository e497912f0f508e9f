//! Checks of the exercise `reply_with_oneshot`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/reply_with_oneshot.rs"]
mod exercise;

use exercise::Totals;
use std::time::Duration;

/// Awaits the worker, with a deadline that turns a wait for ever into a
/// clear failure.
async fn final_total(worker: tokio::task::JoinHandle<u64>) -> u64 {
    match tokio::time::timeout(Duration::from_secs(60), worker).await {
        Ok(total) => total.expect("the worker does not panic"),
        Err(_) => panic!(
            "every Totals was dropped, and the worker still had not ended 60 s later: \
             its loop ends when the last Sender of its channel is dropped. Does the worker, \
             or a request, keep a clone of it?"
        ),
    }
}

fn add_returns_the_new_total() {
    let timed = lessons::paused(async {
        let (totals, worker) = Totals::start();
        let first = totals.add(5).await;
        let second = totals.add(3).await;
        drop(totals);
        (first, second, final_total(worker).await)
    });
    lessons::assert_no_blocking(&timed);
    let (first, second, last) = timed.output;
    assert_eq!(
        (first, second),
        (5, 8),
        "add(5) then add(3) returned {first} and {second}: each should return the worker's \
         total after its update, 5 then 8"
    );
    assert_eq!(last, 8, "the worker's final total should be 8");
}

fn add_waits_for_the_worker() {
    let timed = lessons::paused(async {
        let (totals, _worker) = Totals::start();
        let started = tokio::time::Instant::now();
        let total = totals.add(5).await;
        (total, started.elapsed())
    });
    let (total, took) = timed.output;
    assert_eq!(total, 5, "add(5) on a new total should return 5");
    assert_eq!(
        took,
        Duration::from_millis(100),
        "add took {took:?}: the worker's update takes 0.1 s, and add should return once the \
         worker has sent the new total, not before"
    );
}

fn each_asker_gets_its_own_answer() {
    let timed = lessons::paused(async {
        let (totals, worker) = Totals::start();
        let (a, b, c) = (totals.clone(), totals.clone(), totals);
        let answers = tokio::join!(a.add(1), b.add(2), c.add(4));
        drop((a, b, c));
        (answers, final_total(worker).await)
    });
    lessons::assert_no_blocking(&timed);
    let ((one, two, four), last) = timed.output;
    // The worker handles the requests one at a time, in some order: each
    // answer is the running total just after that asker's own update.
    let mut answers = [(one, 1), (two, 2), (four, 4)];
    answers.sort();
    let mut running = 0;
    for (answer, n) in answers {
        running += n;
        assert_eq!(
            answer, running,
            "three askers added 1, 2 and 4 at once and got {one}, {two} and {four}: each \
             should get the total just after its own update, so the answers, sorted, are \
             running totals (such as 1, 3, 7)"
        );
    }
    assert_eq!(last, 7, "the worker's final total should be 1 + 2 + 4 = 7");
    assert_eq!(
        timed.tokio,
        Duration::from_millis(300),
        "three asks at once took {:?}: one worker, 0.1 s per update, answers the last at 0.3 s",
        timed.tokio
    );
}

lessons::checks!(
    add_returns_the_new_total,
    add_waits_for_the_worker,
    each_asker_gets_its_own_answer
);
