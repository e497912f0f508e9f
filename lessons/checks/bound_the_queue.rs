//! Checks of the exercise `bound_the_queue`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/bound_the_queue.rs"]
mod exercise;

use exercise::{CAPACITY, RECORDS, Report, run};
use std::time::Duration;

/// Runs `run` on the paused clock, with a deadline that turns a wait for ever
/// into a clear failure.
fn run_with_deadline() -> lessons::Timed<Report> {
    let timed = lessons::paused(async {
        match tokio::time::timeout(Duration::from_secs(60), run()).await {
            Ok(report) => report,
            Err(_) => panic!(
                "run was still waiting after 60 s of tokio time: the writer's loop ends only \
                 when the queue is closed, once the last Sender is dropped"
            ),
        }
    });
    lessons::assert_no_blocking(&timed);
    timed
}

fn constants_are_unchanged() {
    assert_eq!(
        (RECORDS, CAPACITY),
        (10, 3),
        "keep RECORDS = 10 and CAPACITY = 3: the checks count on them"
    );
}

fn stores_every_record_in_order() {
    let report = run_with_deadline().output;
    let wanted: Vec<u32> = (1..=10).collect();
    assert_eq!(
        report.stored, wanted,
        "the writer should store records 1 to 10, in order"
    );
    assert_eq!(
        report.sent_at.len(),
        10,
        "run should note the time of each of its 10 sends"
    );
}

fn the_producer_waits_for_room() {
    let report = run_with_deadline().output;
    let at_once = report.sent_at.iter().filter(|t| t.is_zero()).count();
    assert!(
        at_once < 10,
        "all 10 sends finished at 0 s: the producer never waited for room. An unbounded \
         channel, or one with room for all of them, lets the queue grow without limit: \
         use mpsc::channel(CAPACITY), and await each send"
    );
    assert_eq!(
        at_once, 4,
        "{at_once} sends finished at 0 s; with room for CAPACITY = 3 there should be 4: \
         the writer takes record 1 at once, and records 2 to 4 fill the queue"
    );
    let wanted: Vec<Duration> = [0, 0, 0, 0, 500, 1000, 1500, 2000, 2500, 3000]
        .map(Duration::from_millis)
        .to_vec();
    assert_eq!(
        report.sent_at, wanted,
        "from send 5 on, each send should finish when the writer takes a record out of the \
         full queue, every 0.5 s"
    );
}

fn ends_when_the_writer_is_done() {
    let timed = run_with_deadline();
    assert_eq!(
        timed.tokio,
        Duration::from_secs(5),
        "run took {:?}: the writer stores 10 records of 0.5 s one after the other, 5 s, and \
         run should return as soon as it is done",
        timed.tokio
    );
}

lessons::checks!(
    constants_are_unchanged,
    stores_every_record_in_order,
    the_producer_waits_for_room,
    ends_when_the_writer_is_done,
);
