//! Checks of the exercise `stop_workers_gracefully`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/stop_workers_gracefully.rs"]
mod exercise;

use std::sync::{Arc, Mutex};
use std::time::Duration;

fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

fn new_log() -> exercise::Log {
    Arc::new(Mutex::new(Vec::new()))
}

fn counts_after_1800_ms() {
    let timed = lessons::paused(exercise::run(ms(1800), new_log()));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.output,
        (5, 3),
        "stopped at 1.8 s: the saver's steps start at 0, 0.4, 0.8, 1.2 and 1.6 s \
         (5, the last one finished at 1.85 s), the reporter's at 0, 0.7 and 1.4 s \
         (3, the last one finished at 1.9 s); a step that has begun is finished before \
         its worker stops, and run returns (saver, reporter)"
    );
    assert_eq!(
        timed.tokio,
        ms(1900),
        "run took {:?}: asked to stop at 1.8 s, the reporter first finishes the \
         step it began at 1.4 s, at 1.9 s, and run should wait for it",
        timed.tokio
    );
}

fn counts_after_one_second() {
    let timed = lessons::paused(exercise::run(ms(1000), new_log()));
    assert_eq!(
        timed.output,
        (3, 2),
        "stopped at 1 s: the saver is in its step from 0.8 s to 1.05 s (3 steps), \
         the reporter in its step from 0.7 s to 1.2 s (2 steps); a begun step is \
         finished, not cut short"
    );
    assert_eq!(
        timed.tokio,
        ms(1200),
        "run took {:?}: the reporter finishes its step at 1.2 s, and run should \
         wait for it",
        timed.tokio
    );
}

fn a_waiting_worker_starts_no_step() {
    let timed = lessons::paused(exercise::run(ms(1300), new_log()));
    assert_eq!(
        timed.output,
        (4, 2),
        "stopped at 1.3 s: the saver is in its step from 1.2 s to 1.45 s (4 steps), \
         the reporter has finished its step of 0.7 s and waits for its next tick, at \
         1.4 s (2 steps). Asked to stop while it waits, a worker stops there: it must \
         not start another step after the token is cancelled. Race the token against \
         the wait for the tick"
    );
    assert_eq!(
        timed.tokio,
        ms(1450),
        "run took {:?}: the saver finishes its step at 1.45 s, and the reporter, \
         waiting for its tick when asked to stop, stops at once",
        timed.tokio
    );
}

fn nothing_runs_after_run_returns() {
    let log = new_log();
    let timed = lessons::paused(async {
        let counts = exercise::run(ms(1800), log.clone()).await;
        let lines_then = log.lock().unwrap().len();
        let holders = Arc::strong_count(&log);
        // Give any worker left behind 5 s to show itself.
        tokio::time::sleep(Duration::from_secs(5)).await;
        let lines_later = log.lock().unwrap().len();
        (counts, lines_then, holders, lines_later)
    });
    let (counts, lines_then, holders, lines_later) = timed.output;
    assert_eq!(
        lines_later, lines_then,
        "the log had {lines_then} lines when run returned, and {lines_later} 5 s \
         later: a worker was still running after run returned; cancel the token, \
         then await both handles"
    );
    assert_eq!(
        holders,
        1,
        "when run returned, {} workers still held the log: a worker was still \
         running; cancel the token, then await both handles",
        holders - 1
    );
    assert_eq!(
        lines_then,
        (counts.0 + counts.1) as usize,
        "run returned {counts:?}, but the workers wrote {lines_then} lines to the log: \
         the counts should be the steps they finished"
    );
}

lessons::checks!(
    counts_after_1800_ms,
    counts_after_one_second,
    a_waiting_worker_starts_no_step,
    nothing_runs_after_run_returns
);
