//! Checks of the exercise `predict_blocking_in_join`.
//!
//! These run on the real clock: a blocking sleep does not move tokio's paused
//! clock.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_blocking_in_join.rs"]
mod exercise;

use std::time::Instant;

/// Runs a scenario on a current-thread runtime, and measures it in
/// milliseconds.
fn measure<F: Future>(scenario: impl FnOnce() -> F) -> u64 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let start = Instant::now();
    runtime.block_on(scenario());
    start.elapsed().as_millis() as u64
}

/// What a scenario that took `took` ms takes as far as the predictions go:
/// 500 ms or 1000 ms. A busy machine may wake a timer or a thread late, and
/// never early, so the line between them is drawn at 750 ms, with room for a
/// delay of 250 ms.
fn classify(took: u64) -> u64 {
    if took < 750 { 500 } else { 1000 }
}

/// Compares a prediction with the scenario's run.
fn verify(name: &str, predicted: u64, took: u64, expected: u64) {
    let class = classify(took);
    assert_eq!(
        class, expected,
        "scenario {name} took {took} ms, not about the {expected} ms it takes as written: has it changed? Put it back as it was (`cargo lesson reset predict_blocking_in_join` restores the whole file), and change only the constants"
    );
    assert!(
        predicted != 0,
        "write your prediction for scenario {name} in PREDICTED_{name}_MS"
    );
    assert!(
        predicted <= class,
        "scenario {name}: you predicted {predicted} ms, and it takes less. Which waits overlap?"
    );
    assert!(
        predicted >= class,
        "scenario {name}: you predicted {predicted} ms, and it takes more. When does each wait start, and what does the thread do meanwhile?"
    );
}

fn scenario_a() {
    verify("A", exercise::PREDICTED_A_MS, measure(exercise::scenario_a), 1000);
}

fn scenario_b() {
    verify("B", exercise::PREDICTED_B_MS, measure(exercise::scenario_b), 500);
}

fn scenario_c() {
    verify("C", exercise::PREDICTED_C_MS, measure(exercise::scenario_c), 1000);
}

fn scenario_d() {
    verify("D", exercise::PREDICTED_D_MS, measure(exercise::scenario_d), 500);
}

lessons::checks!(scenario_a, scenario_b, scenario_c, scenario_d);
