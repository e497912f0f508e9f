//! Checks of the exercise `release_slot_on_drop`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/release_slot_on_drop.rs"]
mod exercise;

use exercise::{Pool, share};
use std::time::Duration;

/// Asserts that the pool got its one slot back; `way` names the way out.
fn assert_released_once(acquired: usize, released: usize, way: &str) {
    assert_eq!(acquired, 1, "share took {acquired} slots: it should take one");
    assert!(
        released <= acquired,
        "on {way}, the slot was given back {released} times: release it in one place only, \
         in `Drop`, and remove the call to `release` (dropping the guard is the release)"
    );
    assert_eq!(
        released, 1,
        "on {way}, share returned and the slot was never given back: give it back in \
         `impl Drop for Slot`, which runs on every way out of `share`"
    );
}

/// Runs `share(input)` and counts the pool the moment it returns.
fn run_share(input: &'static str) -> (String, usize, usize) {
    let timed = lessons::paused(async {
        let pool = Pool::new();
        let result = share(&pool, input).await;
        (format!("{result:?}"), pool.acquired(), pool.released())
    });
    lessons::assert_no_blocking(&timed);
    timed.output
}

fn released_at_the_normal_end() {
    let (result, acquired, released) = run_share("20");
    assert_eq!(result, "Ok(5)", "share(\"20\") should give Ok(5)");
    assert_released_once(acquired, released, "the normal end");
}

fn released_on_an_early_return() {
    let (result, acquired, released) = run_share("");
    assert_eq!(result, "Ok(0)", "share(\"\") should give Ok(0)");
    assert_released_once(acquired, released, "the early `return`");
}

fn released_when_question_mark_returns_an_error() {
    let (result, acquired, released) = run_share("forty");
    assert!(
        result.starts_with("Err("),
        "share(\"forty\") should give the parse error, not {result}"
    );
    assert_released_once(acquired, released, "an error returned by `?`");
}

fn released_when_it_panics() {
    let timed = lessons::paused(async {
        let pool = Pool::new();
        let task = {
            let pool = pool.clone();
            tokio::spawn(async move { share(&pool, "0").await })
        };
        let panicked = task.await.is_err_and(|e| e.is_panic());
        (panicked, pool.acquired(), pool.released())
    });
    let (panicked, acquired, released) = timed.output;
    assert!(panicked, "share(\"0\") should panic: 100 / 0");
    assert_released_once(acquired, released, "a panic");
}

fn held_during_the_work() {
    let timed = lessons::paused(async {
        let pool = Pool::new();
        let task = {
            let pool = pool.clone();
            tokio::spawn(async move { share(&pool, "20").await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await; // halfway through the work
        let held = pool.acquired() - pool.released();
        let result = task.await.expect("share(\"20\") does not panic");
        (held, result, pool.released())
    });
    lessons::assert_no_blocking(&timed);
    let (held, result, released) = timed.output;
    assert_eq!(
        held, 1,
        "halfway through share's 0.1 s of work, the slot was already given back: \
         `let _ = pool.acquire();` drops the guard at once; bind it to a name, such as `_slot`, \
         to keep it to the end of the function"
    );
    assert_eq!(result, Ok(5), "share(\"20\") should give Ok(5)");
    assert_eq!(
        released, 1,
        "after share(\"20\") returned, the slot should be given back"
    );
    assert_eq!(
        timed.tokio,
        Duration::from_millis(100),
        "share took {:?}: its work is one wait of 0.1 s",
        timed.tokio
    );
}

lessons::checks!(
    released_at_the_normal_end,
    released_on_an_early_return,
    released_when_question_mark_returns_an_error,
    released_when_it_panics,
    held_during_the_work,
);
