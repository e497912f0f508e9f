//! Checks of the exercise `predict_stream_times`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/predict_stream_times.rs"]
mod exercise;

use std::sync::atomic::Ordering;

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

fn millis<T>(timed: &lessons::Timed<T>) -> u64 {
    lessons::assert_no_blocking(timed);
    timed.tokio.as_millis() as u64
}

fn read_and_work() {
    let timed = lessons::paused(exercise::read_and_work());
    compare(
        "read_and_work's time (READ_AND_WORK_MS)",
        millis(&timed),
        exercise::READ_AND_WORK_MS,
        0,
        "a stream is lazy: it starts a reading only when `next()` asks for it, and the \
         loop asks only once its work on the previous reading is done. Nothing overlaps: \
         4 × (200 ms reading + 100 ms work) = 1200 ms",
    );
}

fn keep_the_warm_ones() {
    let timed = lessons::paused(exercise::keep_the_warm_ones());
    compare(
        "keep_the_warm_ones's time (KEEP_WARM_MS)",
        millis(&timed),
        exercise::KEEP_WARM_MS,
        0,
        "the filter keeps two readings, but it cannot know whether a reading passes \
         before it has it: all four are waited for, 4 × 200 ms",
    );
}

fn pages_with_then() {
    let timed = lessons::paused(exercise::pages_with_then());
    compare(
        "pages_with_then's time (WITH_THEN_MS)",
        millis(&timed),
        exercise::WITH_THEN_MS,
        0,
        "`then` awaits each fetch before it asks for the next id: the sum, \
         300 + 100 + 250 + 100 ms",
    );
}

fn pages_two_at_a_time() {
    let timed = lessons::paused(exercise::pages_two_at_a_time());
    let why = "pages 1 (300 ms) and 2 (100 ms) start at 0. Page 2 is done at 100 ms and \
               page 3 (250 ms) takes its place, to 350 ms; page 1 is done at 300 ms and \
               page 4 (100 ms) takes its place, to 400 ms. The pages come out as they \
               finish: 2, 1, 3, 4";
    compare(
        "pages_two_at_a_time's time (TWO_AT_A_TIME_MS)",
        millis(&timed),
        exercise::TWO_AT_A_TIME_MS,
        0,
        why,
    );
    assert!(
        exercise::TWO_AT_A_TIME_ORDER != [0; 4],
        "write your prediction for pages_two_at_a_time's order in TWO_AT_A_TIME_ORDER \
         first (it still holds the starter's placeholder, [0, 0, 0, 0])"
    );
    assert_eq!(
        timed.output,
        exercise::TWO_AT_A_TIME_ORDER,
        "pages_two_at_a_time's order (TWO_AT_A_TIME_ORDER): you predicted {:?}, it was \
         {:?}: {why}",
        exercise::TWO_AT_A_TIME_ORDER,
        timed.output
    );
}

fn first_page_to_arrive() {
    exercise::STARTED.store(0, Ordering::SeqCst);
    let timed = lessons::paused(exercise::first_page_to_arrive());
    let why = "asked for its first item, `buffer_unordered(2)` fills both of its places \
               before it waits, so pages 1 and 2 are started; page 2 is the first done, at \
               100 ms, and it is returned. Pages 3 and 4 are never started, and page 1 is \
               dropped, unfinished, with the stream";
    compare(
        "first_page_to_arrive's time (FIRST_TO_ARRIVE_MS)",
        millis(&timed),
        exercise::FIRST_TO_ARRIVE_MS,
        0,
        why,
    );
    compare(
        "first_page_to_arrive's fetches started (FIRST_TO_ARRIVE_STARTED)",
        exercise::STARTED.load(Ordering::SeqCst) as u64,
        exercise::FIRST_TO_ARRIVE_STARTED as u64,
        99,
        why,
    );
}

/// Asserts that `name` still behaves as it was given: the learner changes only
/// the constants. (What it should give is not shown: it is the answer.)
fn unchanged(name: &str, as_given: bool) {
    assert!(
        as_given,
        "`{name}` does not behave as it was given: put it back as it was \
         (`cargo lesson reset predict_stream_times` restores the whole file), and change only the \
         constants"
    );
}

fn the_functions_are_unchanged() {
    let t = lessons::paused(exercise::read_and_work());
    unchanged("read_and_work", (millis(&t), t.output) == (1200, vec![20, 21, 22, 23]));
    let t = lessons::paused(exercise::keep_the_warm_ones());
    unchanged("keep_the_warm_ones", (millis(&t), t.output) == (800, vec![22, 23]));
    let t = lessons::paused(exercise::pages_with_then());
    unchanged("pages_with_then", (millis(&t), t.output) == (750, vec![1, 2, 3, 4]));
    let t = lessons::paused(exercise::pages_two_at_a_time());
    unchanged("pages_two_at_a_time", (millis(&t), t.output) == (400, vec![2, 1, 3, 4]));
    exercise::STARTED.store(0, Ordering::SeqCst);
    let t = lessons::paused(exercise::first_page_to_arrive());
    let started = exercise::STARTED.load(Ordering::SeqCst);
    unchanged(
        "first_page_to_arrive",
        (millis(&t), t.output, started) == (100, Some(2), 2),
    );
}

lessons::checks!(
    the_functions_are_unchanged,
    read_and_work,
    keep_the_warm_ones,
    pages_with_then,
    pages_two_at_a_time,
    first_page_to_arrive,
);
