//! Checks of the exercise `keep_every_result`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/keep_every_result.rs"]
mod exercise;

use exercise::Outcome::{Error, Number, Panicked};
use std::time::Duration;

fn numbers_when_all_goes_well() {
    let timed = lessons::paused(exercise::parse_all(vec!["42", "7", "1000"]));
    assert_eq!(
        timed.output,
        [Number(42), Number(7), Number(1000)],
        "three good answers give three numbers, in order"
    );
}

fn an_error_does_not_hide_the_others() {
    let timed = lessons::paused(exercise::parse_all(vec!["42", "", "7"]));
    assert_eq!(
        timed.output,
        [Number(42), Error("empty answer".to_string()), Number(7)],
        "the empty answer's task returned Err(\"empty answer\"): keep it as \
         Outcome::Error, and keep the numbers before and after it"
    );
}

fn a_panic_does_not_hide_the_others() {
    let timed = lessons::paused(exercise::parse_all(vec!["42", "", "forty", "7"]));
    assert_eq!(
        timed.output,
        [Number(42), Error("empty answer".to_string()), Panicked, Number(7)],
        "the task for \"forty\" panicked: the runtime catches the panic, and its \
         handle gives a JoinError on which is_panic() is true; that is \
         Outcome::Panicked, and the answers around it must still be there"
    );
}

fn tasks_run_at_the_same_time() {
    let answers = vec!["1", "", "two", "3", "", "four", "5", "6"];
    let timed = lessons::paused(exercise::parse_all(answers));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.output.len(),
        8,
        "eight answers, eight outcomes: {:?}",
        timed.output
    );
    assert_eq!(
        timed.tokio,
        Duration::from_secs(1),
        "eight answers of 1 s each took {:?}: spawned together, they take 1 s",
        timed.tokio
    );
}

lessons::checks!(
    numbers_when_all_goes_well,
    an_error_does_not_hide_the_others,
    a_panic_does_not_hide_the_others,
    tasks_run_at_the_same_time,
);
