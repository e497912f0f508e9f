//! Checks of the exercise `predict_a_crowd_of_tasks`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_a_crowd_of_tasks.rs"]
mod exercise;

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

fn crowd() {
    let timed = lessons::paused(exercise::crowd());
    assert_eq!(
        timed.output,
        (0..10_000).sum::<u64>(),
        "every task gives back its number"
    );
    compare(
        "crowd's time (CROWD_MS)",
        timed.tokio.as_millis() as u64,
        exercise::CROWD_MS,
        0,
        "the ten thousand sleeps overlap: every task starts its sleep as soon as it is \
         first polled, and a sleeping task holds no thread. On the paused clock only \
         timers move time, so it is exactly 1 s, however many tasks there are; for real, \
         the runtime's work per task comes on top",
    );
}

fn one_after_another() {
    let timed = lessons::paused(exercise::one_after_another());
    compare(
        "one_after_another's time (ONE_AFTER_ANOTHER_MS)",
        timed.tokio.as_millis() as u64,
        exercise::ONE_AFTER_ANOTHER_MS,
        0,
        "each handle is awaited before the next task is spawned, so each task has \
         ended before the next exists: a task of its own changes nothing when you wait \
         for it at once. 5 × 1 s",
    );
}

fn when_they_start() {
    let timed = lessons::paused(exercise::when_they_start());
    let (after_the_loop, after_the_first_await) = timed.output;
    compare(
        "tasks started after the loop (STARTED_AFTER_THE_LOOP)",
        after_the_loop as u64,
        exercise::STARTED_AFTER_THE_LOOP as u64,
        99_999,
        "on one thread, `tokio::spawn` only puts the task in the runtime's queue, and \
         returns; the thread is busy with the spawning loop, and polls nothing else \
         until that code reaches an `.await` that waits. None has started yet",
    );
    compare(
        "tasks started after the first await (STARTED_AFTER_THE_FIRST_AWAIT)",
        after_the_first_await as u64,
        exercise::STARTED_AFTER_THE_FIRST_AWAIT as u64,
        99_999,
        "awaiting the first handle waits, and frees the thread: the runtime polls every \
         task in its queue, in the order they were spawned, and each notes its start \
         and begins its sleep. The first task ends at 1 s, long after all of them began",
    );
}

/// Asserts that `name` still behaves as it was given: the learner changes only
/// the constants. (What it should give is not shown: it is the answer.)
fn unchanged(name: &str, as_given: bool) {
    assert!(
        as_given,
        "`{name}` does not behave as it was given: put it back as it was \
         (`cargo lesson reset predict_a_crowd_of_tasks` restores the whole file), and change only the \
         constants"
    );
}

fn millis<T>(timed: &lessons::Timed<T>) -> u64 {
    timed.tokio.as_millis() as u64
}

fn the_functions_are_unchanged() {
    let t = lessons::paused(exercise::crowd());
    unchanged("crowd", (millis(&t), t.output) == (1000, (0..10_000).sum()));
    let t = lessons::paused(exercise::one_after_another());
    unchanged("one_after_another", millis(&t) == 5000);
    let t = lessons::paused(exercise::when_they_start());
    unchanged("when_they_start", (millis(&t), t.output) == (1000, (0, 10_000)));
}

lessons::checks!(
    the_functions_are_unchanged,
    crowd,
    one_after_another,
    when_they_start
);
