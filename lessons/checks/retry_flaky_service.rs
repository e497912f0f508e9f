//! Checks of the exercise `retry_flaky_service`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/retry_flaky_service.rs"]
mod exercise;

use exercise::Reply::{Answer, Fail, Hang};
use exercise::{Reply, Service};
use std::time::Duration;
use tokio::time::Instant;

/// What one run of `fetch_with_retry` did: its result, when each call
/// started (in ms since the start) and when it returned.
struct Run {
    result: Result<String, String>,
    calls: Vec<u64>,
    took: u64,
}

fn run(script: Vec<Reply>) -> Run {
    let service = Service::new(script);
    let timed = lessons::paused(async {
        let start = Instant::now();
        let result = tokio::time::timeout(
            Duration::from_secs(60),
            exercise::fetch_with_retry(&service),
        )
        .await
        .expect(
            "fetch_with_retry was still waiting after 60 s: a call that never \
             answers should count as a failure after CALL_TIMEOUT (250 ms)",
        );
        let took = start.elapsed();
        let calls = service.calls().iter().map(|&call| ms(call - start)).collect();
        Run { result, calls, took: ms(took) }
    });
    lessons::assert_no_blocking(&timed);
    timed.output
}

fn ms(duration: Duration) -> u64 {
    duration.as_millis() as u64
}

fn waits_longer_after_each_failure() {
    let run = run(vec![Fail(50), Fail(50), Fail(50), Fail(50), Answer(50)]);
    assert_eq!(
        run.result,
        Ok("200 OK on call 5".to_string()),
        "the fifth call answers"
    );
    assert_eq!(
        run.calls,
        [0, 150, 400, 850, 1300],
        "the calls (in ms from the start) should start at 0; each fails 50 ms later, \
         then the waits are 100, 200, 400 and 400 ms (800, capped at MAX_DELAY): \
         0 + 50 + 100 = 150, 150 + 50 + 200 = 400, 400 + 50 + 400 = 850, \
         850 + 50 + 400 = 1300"
    );
    assert_eq!(run.took, 1350, "fetch_with_retry took {} ms, not 1350 ms", run.took);
}

fn gives_up_after_the_last_attempt() {
    let run = run(vec![Fail(50); 8]);
    assert_eq!(
        run.calls.len(),
        5,
        "{} calls were made at {:?} ms: MAX_ATTEMPTS is 5",
        run.calls.len(),
        run.calls
    );
    assert_eq!(run.calls, [0, 150, 400, 850, 1300], "the calls start at these ms");
    assert_eq!(
        run.result,
        Err("503 Service Unavailable".to_string()),
        "after five failures, the result is the last attempt's error"
    );
    assert_eq!(
        run.took, 1350,
        "fetch_with_retry took {} ms: the fifth call fails at 1350 ms, and nothing \
         comes after it, so there is nothing to wait for",
        run.took
    );
}

fn a_call_that_hangs_counts_as_a_failure() {
    let run = run(vec![Hang, Fail(50), Answer(50)]);
    assert_eq!(
        run.result,
        Ok("200 OK on call 3".to_string()),
        "the third call answers"
    );
    assert_eq!(
        run.calls,
        [0, 350, 600],
        "the first call never answers, and should be given up at 250 ms \
         (CALL_TIMEOUT), then count as a failure: 250 + 100 = 350; the second \
         fails at 400, then 200 ms: 600"
    );
    assert_eq!(run.took, 650, "fetch_with_retry took {} ms, not 650 ms", run.took);
}

fn a_slow_answer_is_too_slow() {
    let run = run(vec![Answer(300), Answer(100)]);
    assert_eq!(
        run.result,
        Ok("200 OK on call 2".to_string()),
        "the first call would answer at 300 ms, after CALL_TIMEOUT (250 ms): it \
         counts as a failure, and the second call answers"
    );
    assert_eq!(
        run.calls,
        [0, 350],
        "the calls should start at 0 and 250 + 100 = 350 ms"
    );
}

fn no_wait_before_the_first_attempt() {
    let run = run(vec![Answer(50)]);
    assert_eq!(
        run.result,
        Ok("200 OK on call 1".to_string()),
        "the first call answers"
    );
    assert_eq!(run.calls, [0], "one call, at once");
    assert_eq!(run.took, 50, "fetch_with_retry took {} ms, not 50 ms", run.took);
}

lessons::checks!(
    waits_longer_after_each_failure,
    gives_up_after_the_last_attempt,
    a_call_that_hangs_counts_as_a_failure,
    a_slow_answer_is_too_slow,
    no_wait_before_the_first_attempt,
);
