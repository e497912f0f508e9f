//! Checks of the exercise `predict_timeouts`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_timeouts.rs"]
mod exercise;

/// The value measured, in ms, and the prediction.
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

fn compare_yes_no(name: &str, measured: bool, predicted: Option<bool>, why: &str) {
    let Some(predicted) = predicted else {
        panic!(
            "write your prediction for {name} in its constant first: Some(true) or Some(false)"
        )
    };
    assert_eq!(
        measured, predicted,
        "{name}: you predicted {predicted}, it was {measured}: {why}"
    );
}

fn each_step_limited() {
    let timed = lessons::paused(exercise::each_step_limited());
    let why = "each step gets a fresh 500 ms of its own, counted from its start, and \
               needs 400 ms: all three finish, one after the other, 3 × 400 ms";
    compare(
        "each_step_limited's time (EACH_STEP_LIMITED_MS)",
        timed.tokio.as_millis() as u64,
        exercise::EACH_STEP_LIMITED_MS,
        0,
        why,
    );
    compare(
        "each_step_limited's steps done (EACH_STEP_LIMITED_DONE)",
        timed.output as u64,
        exercise::EACH_STEP_LIMITED_DONE as u64,
        99,
        why,
    );
}

fn one_deadline() {
    let timed = lessons::paused(exercise::one_deadline());
    let why = "the three steps share one deadline: the first gets 1000 ms and ends at \
               400, the second gets the 600 ms left and ends at 800, the third gets the \
               200 ms left and is dropped at the deadline, 1000 ms";
    compare(
        "one_deadline's time (ONE_DEADLINE_MS)",
        timed.tokio.as_millis() as u64,
        exercise::ONE_DEADLINE_MS,
        0,
        why,
    );
    compare(
        "one_deadline's steps done (ONE_DEADLINE_DONE)",
        timed.output as u64,
        exercise::ONE_DEADLINE_DONE as u64,
        99,
        why,
    );
}

fn timeout_around_a_task() {
    let timed = lessons::paused(exercise::timeout_around_a_task());
    compare_yes_no(
        "timeout_around_a_task (TASK_WORK_FINISHES)",
        timed.output,
        exercise::TASK_WORK_FINISHES,
        "the timeout drops what it wraps, and here that is the JoinHandle; dropping \
         a handle detaches its task, which runs on and finishes at 2 s",
    );
}

fn timeout_around_a_future() {
    let timed = lessons::paused(exercise::timeout_around_a_future());
    compare_yes_no(
        "timeout_around_a_future (FUTURE_WORK_FINISHES)",
        timed.output,
        exercise::FUTURE_WORK_FINISHES,
        "here the timeout wraps the work itself, a plain future: at 500 ms it is \
         dropped in its sleep, and the line that would note it finished never runs",
    );
}

fn same_instant() {
    let timed = lessons::paused(exercise::same_instant());
    compare_yes_no(
        "same_instant (SAME_INSTANT_IS_OK)",
        timed.output,
        exercise::SAME_INSTANT_IS_OK,
        "at 1 s, both the sleep and the timer are due; timeout polls the future it \
         wraps before it looks at its timer, so the sleep is seen done first: Ok",
    );
}

/// Asserts that `name` still behaves as it was given: the learner changes only
/// the constants. (What it should give is not shown: it is the answer.)
fn unchanged(name: &str, as_given: bool) {
    assert!(
        as_given,
        "`{name}` does not behave as it was given: put it back as it was \
         (`cargo lesson reset predict_timeouts` restores the whole file), and change only the \
         constants"
    );
}

fn millis<T>(timed: &lessons::Timed<T>) -> u64 {
    timed.tokio.as_millis() as u64
}

fn the_functions_are_unchanged() {
    let t = lessons::paused(exercise::each_step_limited());
    unchanged("each_step_limited", (millis(&t), t.output) == (1200, 3));
    let t = lessons::paused(exercise::one_deadline());
    unchanged("one_deadline", (millis(&t), t.output) == (1000, 2));
    let t = lessons::paused(exercise::timeout_around_a_task());
    unchanged("timeout_around_a_task", (millis(&t), t.output) == (3500, true));
    let t = lessons::paused(exercise::timeout_around_a_future());
    unchanged("timeout_around_a_future", (millis(&t), t.output) == (3500, false));
    let t = lessons::paused(exercise::same_instant());
    unchanged("same_instant", (millis(&t), t.output) == (1000, true));
}

lessons::checks!(
    the_functions_are_unchanged,
    each_step_limited,
    one_deadline,
    timeout_around_a_task,
    timeout_around_a_future,
    same_instant,
);
