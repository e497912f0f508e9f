//! Checks of the exercise `predict_lazy_awaits`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_lazy_awaits.rs"]
mod exercise;

use std::time::Duration;

/// Runs `program` on the paused clock: the steps that started, in order, and
/// the time it took.
fn run() -> lessons::Timed<Vec<&'static str>> {
    let log = exercise::Log::default();
    let timed = lessons::paused(exercise::program(&log));
    lessons::Timed {
        output: log.into_inner().unwrap(),
        tokio: timed.tokio,
        real: timed.real,
    }
}

fn the_program_is_unchanged() {
    let run = run();
    lessons::assert_no_blocking(&run);
    assert!(
        run.tokio == Duration::from_millis(1_000)
            && run.output == ["connect", "warm-up", "query A", "query B", "report"],
        "`program` has changed: put it back as it was (`cargo lesson reset predict_lazy_awaits` restores the whole file), and change only the two constants"
    );
}

fn predicted_the_time() {
    let took = run().tokio.as_millis() as u64;
    let predicted = exercise::PREDICTED_MS;
    assert!(predicted != 0, "write your prediction in PREDICTED_MS");
    assert!(
        predicted <= took,
        "you predicted {predicted} ms, and `program` takes less: does every step you counted run? And do the joined queries add up, or overlap?"
    );
    assert!(
        predicted >= took,
        "you predicted {predicted} ms, and `program` takes more: when does each step start, when it is built or when it is awaited?"
    );
}

fn predicted_the_starts() {
    let started = run().output;
    let predicted = exercise::PREDICTED_STARTS;
    assert!(!predicted.is_empty(), "write your prediction in PREDICTED_STARTS");
    let mut sorted_started = started.clone();
    let mut sorted_predicted = predicted.to_vec();
    sorted_started.sort();
    sorted_predicted.sort();
    assert!(
        sorted_predicted == sorted_started,
        "you predicted that these steps start: {predicted:?}; that is not the set of steps that run ({} do): which futures are awaited, and which are only built?",
        started.len()
    );
    assert!(
        predicted == started,
        "you predicted the right steps, in the wrong order: {predicted:?}. A future's body starts at its first poll, not where the future is built"
    );
}

lessons::checks!(the_program_is_unchanged, predicted_the_time, predicted_the_starts);
