//! Checks of the exercise `predict_pipeline_time`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_pipeline_time.rs"]
mod exercise;

use exercise::{FIRST_SEND_THAT_WAITS, PREDICTED_TOTAL_MS, run};
use std::time::Duration;

/// Runs `run` on the paused clock: its total time in milliseconds, and the
/// first item whose send waited (0 if none did).
fn measure() -> (u64, u32) {
    let timed = lessons::paused(async {
        match tokio::time::timeout(Duration::from_secs(60), run()).await {
            Ok(waits) => waits,
            Err(_) => panic!(
                "run did not finish within 60 s of tokio time: restore it from \
                 lessons/starters/predict_pipeline_time.rs"
            ),
        }
    });
    lessons::assert_no_blocking(&timed);
    let first = timed
        .output
        .iter()
        .position(|wait| !wait.is_zero())
        .map_or(0, |i| i as u32 + 1);
    (timed.tokio.as_millis() as u64, first)
}

fn run_is_as_given() {
    assert!(
        measure() == (3100, 5),
        "run does not behave as it was given: restore it from \
         lessons/starters/predict_pipeline_time.rs. \
         Only the two constants are yours to change"
    );
}

fn predicted_the_total_time() {
    let (total, _) = measure();
    let p = PREDICTED_TOTAL_MS;
    assert!(p != 0, "write down your prediction first: PREDICTED_TOTAL_MS is still 0");
    let advice = match p {
        1600 => {
            "1.1 s for the last send + 0.5 s would hold if the queue never filled, as in \
                 the chapter's pipeline. Here the consumers handle 4 items a second and the \
                 producer sends 10: the queue fills, and the sends are held back"
        }
        6000 => "12 × 0.5 s would be one consumer; the two work at the same time",
        3000 => "close: 6 rounds of 0.5 s. But when is consumer 2's first item sent?",
        _ if p < total => {
            "too low. Who sets the pace here, the producer or the consumers? \
                 When does each consumer take its first item, and how many does each handle?"
        }
        _ => {
            "too high. The two consumers work at the same time, and a consumer takes its \
                 next item the moment it is done, if the queue has one"
        }
    };
    assert!(p == total, "you predicted {p} ms, and that is not it: {advice}");
}

fn predicted_the_first_send_that_waits() {
    let (_, first) = measure();
    let p = FIRST_SEND_THAT_WAITS;
    assert!(
        p != 0,
        "write down your prediction first: FIRST_SEND_THAT_WAITS is still 0"
    );
    let advice = if p < first {
        "too early. The queue has room for 2, but the items the consumers hold are out of \
         it: a consumer that is free takes an item the moment it is sent"
    } else {
        "too late. For each send, count the items the two consumers hold and the items \
         waiting in the queue: each consumer holds an item for 0.5 s, the sends come every 0.1 s"
    };
    assert!(p == first, "you predicted item {p}, and that is not it: {advice}");
}

lessons::checks!(
    run_is_as_given,
    predicted_the_total_time,
    predicted_the_first_send_that_waits
);
