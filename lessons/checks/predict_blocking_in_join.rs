//! Checks of the exercise `predict_blocking_in_join`.
//!
//! These run on the real clock: a blocking sleep does not move tokio's paused
//! clock.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_blocking_in_join.rs"]
mod exercise;

use std::time::{Duration, Instant};

/// Runs a scenario on a current-thread runtime, and measures it in
/// milliseconds, rounded to the nearest 200 ms: a busy machine may wake a
/// timer late, but not by 100 ms.
fn measure<F: Future>(scenario: impl FnOnce() -> F) -> u64 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let start = Instant::now();
    runtime.block_on(scenario());
    let took = start.elapsed();
    ((took + Duration::from_millis(100)).as_millis() as u64) / 200 * 200
}

/// Compares a prediction with the scenario's run.
fn verify(name: &str, predicted: u64, took: u64, expected: u64) {
    assert_eq!(
        took, expected,
        "scenario {name} took {took} ms, not the {expected} ms it takes as written: has it changed? Put it back as it was (`cargo lesson reset predict_blocking_in_join` restores the whole file), and change only the constants"
    );
    assert!(
        predicted != 0,
        "write your prediction for scenario {name} in PREDICTED_{name}_MS"
    );
    assert!(
        predicted <= took,
        "scenario {name}: you predicted {predicted} ms, and it takes less. Which waits overlap?"
    );
    assert!(
        predicted >= took,
        "scenario {name}: you predicted {predicted} ms, and it takes more. When does each wait start, and what does the thread do meanwhile?"
    );
}

fn scenario_a() {
    verify("A", exercise::PREDICTED_A_MS, measure(exercise::scenario_a), 400);
}

fn scenario_b() {
    verify("B", exercise::PREDICTED_B_MS, measure(exercise::scenario_b), 200);
}

fn scenario_c() {
    verify("C", exercise::PREDICTED_C_MS, measure(exercise::scenario_c), 400);
}

fn scenario_d() {
    verify("D", exercise::PREDICTED_D_MS, measure(exercise::scenario_d), 200);
}

lessons::checks!(scenario_a, scenario_b, scenario_c, scenario_d);
