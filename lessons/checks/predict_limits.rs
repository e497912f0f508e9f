//! Checks of the exercise `predict_limits`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_limits.rs"]
mod exercise;

use exercise::InFlight;
use std::sync::Arc;

/// Compares a measured value with the prediction, unless the prediction still
/// holds the starter's placeholder, `unset`.
fn compare(name: &str, measured: u64, predicted: u64, unset: u64, why: &str) {
    assert!(
        predicted != unset,
        "write your prediction for {name} in its constant first (it still holds the \
         starter's placeholder, {unset})"
    );
    assert_eq!(
        measured, predicted,
        "{name}: you predicted {predicted}, it was {measured}: {why}"
    );
}

fn ten_jobs_four_permits() {
    let in_flight = Arc::new(InFlight::default());
    let timed =
        lessons::paused(exercise::ten_jobs_four_permits(Arc::clone(&in_flight)));
    let why = "four permits, so four jobs at a time: jobs 1 to 4 from 0 s, 5 to 8 from \
               1 s, and 9 and 10 from 2 s, which are done at 3 s. The last round is not \
               full, but it still takes its 1 s";
    compare(
        "ten_jobs_four_permits's time (FOUR_PERMITS_MS)",
        timed.tokio.as_millis() as u64,
        exercise::FOUR_PERMITS_MS,
        0,
        why,
    );
    compare(
        "ten_jobs_four_permits's peak (FOUR_PERMITS_PEAK)",
        in_flight.peak() as u64,
        exercise::FOUR_PERMITS_PEAK as u64,
        0,
        why,
    );
}

fn permit_behind_underscore() {
    let in_flight = Arc::new(InFlight::default());
    let timed =
        lessons::paused(exercise::permit_behind_underscore(Arc::clone(&in_flight)));
    let why = "`let _ =` binds nothing: the permit is dropped at the end of its statement, \
               before the job starts, and goes back to the semaphore at once. Each task \
               still waits its turn for a permit, but gives it back straight away, so all \
               ten jobs run together: 1 s";
    compare(
        "permit_behind_underscore's time (UNDERSCORE_MS)",
        timed.tokio.as_millis() as u64,
        exercise::UNDERSCORE_MS,
        0,
        why,
    );
    compare(
        "permit_behind_underscore's peak (UNDERSCORE_PEAK)",
        in_flight.peak() as u64,
        exercise::UNDERSCORE_PEAK as u64,
        0,
        why,
    );
}

fn a_slow_job_first() {
    let timed = lessons::paused(exercise::a_slow_job_first());
    let why = "job 1 holds one place from 0 to 2.5 s; the other place runs job 2 (0 to \
               1 s), job 3 (1 to 2 s) and job 4 (2 to 3 s). At 2.5 s job 1 is done and \
               job 5 takes its place, to 3.5 s. The results come as the jobs finish: \
               2, 3, 1, 4, 5";
    compare(
        "a_slow_job_first's time (SLOW_FIRST_MS)",
        timed.tokio.as_millis() as u64,
        exercise::SLOW_FIRST_MS,
        0,
        why,
    );
    let place = timed.output.iter().position(|&id| id == 1).map_or(0, |i| i + 1);
    compare(
        "job 1's place in a_slow_job_first's results (SLOW_FIRST_JOB_1_PLACE)",
        place as u64,
        exercise::SLOW_FIRST_JOB_1_PLACE as u64,
        0,
        why,
    );
}

fn busy_server() {
    let no_limit = lessons::paused(exercise::busy_server(None));
    compare(
        "busy_server with no limit (NO_LIMIT_ANSWERED)",
        no_limit.output as u64,
        exercise::NO_LIMIT_ANSWERED as u64,
        99,
        "all eight requests are sent at 0 s, and all their timeouts start then. Two \
         workers answer requests 1 and 2 at 1 s, 3 and 4 at 2 s; requests 5 and 6 \
         start at 2 s and would be answered at 3 s, but at 2.5 s every request still \
         waiting times out, those two with the four that never reached a worker",
    );
    let limit_of_2 = lessons::paused(exercise::busy_server(Some(2)));
    compare(
        "busy_server with a limit of 2 (LIMIT_OF_2_ANSWERED)",
        limit_of_2.output as u64,
        exercise::LIMIT_OF_2_ANSWERED as u64,
        99,
        "with at most 2 sent at a time, a request is sent only when one of the client's \
         two is done, and always finds a worker free: each is answered 1 s after it is \
         sent, well within its 2.5 s. All eight are answered, in 4 s, no later than \
         the server could anyway",
    );
}

/// Asserts that `name` still behaves as it was given: the learner changes only
/// the constants. (What it should give is not shown: it is the answer.)
fn unchanged(name: &str, as_given: bool) {
    assert!(
        as_given,
        "`{name}` does not behave as it was given: put it back as it was \
         (`cargo lesson reset predict_limits` restores the whole file), and change only the \
         constants"
    );
}

fn millis<T>(timed: &lessons::Timed<T>) -> u64 {
    timed.tokio.as_millis() as u64
}

fn the_functions_are_unchanged() {
    let in_flight = Arc::new(InFlight::default());
    let t = lessons::paused(exercise::ten_jobs_four_permits(Arc::clone(&in_flight)));
    unchanged("ten_jobs_four_permits", (millis(&t), in_flight.peak()) == (3000, 4));
    let in_flight = Arc::new(InFlight::default());
    let t = lessons::paused(exercise::permit_behind_underscore(Arc::clone(&in_flight)));
    unchanged("permit_behind_underscore", (millis(&t), in_flight.peak()) == (1000, 10));
    let t = lessons::paused(exercise::a_slow_job_first());
    unchanged(
        "a_slow_job_first",
        (millis(&t), t.output) == (3500, vec![2, 3, 1, 4, 5]),
    );
    let t = lessons::paused(exercise::busy_server(None));
    unchanged("busy_server", (millis(&t), t.output) == (2500, 4));
    let t = lessons::paused(exercise::busy_server(Some(2)));
    unchanged("busy_server", (millis(&t), t.output) == (4000, 8));
}

lessons::checks!(
    the_functions_are_unchanged,
    ten_jobs_four_permits,
    permit_behind_underscore,
    a_slow_job_first,
    busy_server,
);
