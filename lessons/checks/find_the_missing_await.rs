//! Checks of the exercise `find_the_missing_await`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/find_the_missing_await.rs"]
mod exercise;

use std::time::Duration;

const STEPS: [&str; 3] = ["reserved teapot", "charged teapot", "shipped teapot"];

/// Places an order for a teapot on the paused clock: the log's steps, and the
/// time it took.
fn order() -> lessons::Timed<Vec<String>> {
    let log = exercise::Log::default();
    let timed = lessons::paused(exercise::place_order(&log, "teapot"));
    let steps = log.steps.into_inner().unwrap();
    lessons::Timed { output: steps, tokio: timed.tokio, real: timed.real }
}

fn every_step_reaches_the_log() {
    let steps = order().output;
    for step in STEPS {
        let times = steps.iter().filter(|s| *s == step).count();
        assert!(
            times > 0,
            "\"{step}\" never reached the log {steps:?}: its future was built, then dropped without ever being awaited"
        );
        assert_eq!(
            times, 1,
            "\"{step}\" is in the log {times} times: {steps:?}; each step happens once"
        );
    }
}

fn steps_are_recorded_in_order() {
    let steps = order().output;
    assert!(
        steps == STEPS,
        "the log holds {steps:?}: the steps must be recorded in this order: {STEPS:?}"
    );
}

fn each_step_finishes_before_the_next() {
    let timed = order();
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.tokio,
        Duration::from_millis(300),
        "place_order took {:?}: three steps of 100 ms, each finished before the next begins, take 300 ms",
        timed.tokio
    );
}

lessons::checks!(
    every_step_reaches_the_log,
    steps_are_recorded_in_order,
    each_step_finishes_before_the_next
);
