//! Predict what five timeouts do.
//!
//! Read the five functions of this file without running them, and write your
//! predictions in the constants at its top: times in milliseconds, counts, and
//! `Some(true)` or `Some(false)` for the yes-or-no questions. Then check: the
//! check runs each function on tokio's paused clock and compares. Where you
//! were wrong, work out why before you change your answer. Change only the
//! constants, never the functions: the check makes sure they behave as given.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep, timeout, timeout_at};

/// `each_step_limited`: how long does it take, in ms?
pub const EACH_STEP_LIMITED_MS: u64 = 0; // TODO
/// `each_step_limited`: how many steps finish?
pub const EACH_STEP_LIMITED_DONE: usize = 99; // TODO
/// `one_deadline`: how long does it take, in ms?
pub const ONE_DEADLINE_MS: u64 = 0; // TODO
/// `one_deadline`: how many steps finish?
pub const ONE_DEADLINE_DONE: usize = 99; // TODO
/// `timeout_around_a_task`: does the work finish?
pub const TASK_WORK_FINISHES: Option<bool> = None; // TODO
/// `timeout_around_a_future`: does the work finish?
pub const FUTURE_WORK_FINISHES: Option<bool> = None; // TODO
/// `same_instant`: does the timeout give `Ok`?
pub const SAME_INSTANT_IS_OK: Option<bool> = None; // TODO

/// One step: 400 ms.
async fn step() {
    sleep(Duration::from_millis(400)).await;
}

/// Three steps in a row, each under a timeout of 500 ms; returns how many
/// finished.
pub async fn each_step_limited() -> usize {
    let mut done = 0;
    for _ in 0..3 {
        if timeout(Duration::from_millis(500), step()).await.is_ok() {
            done += 1;
        }
    }
    done
}

/// Three steps in a row, under one deadline 1000 ms after the start; returns
/// how many finished.
pub async fn one_deadline() -> usize {
    let deadline = Instant::now() + Duration::from_millis(1000);
    let mut done = 0;
    for _ in 0..3 {
        if timeout_at(deadline, step()).await.is_ok() {
            done += 1;
        }
    }
    done
}

/// Works for 2 s, then notes that it finished.
async fn work(finished: Arc<AtomicBool>) {
    sleep(Duration::from_secs(2)).await;
    finished.store(true, Ordering::SeqCst);
}

/// Spawns the work as a task, and gives its handle 500 ms; then waits 3 s,
/// and says whether the work finished.
pub async fn timeout_around_a_task() -> bool {
    let finished = Arc::new(AtomicBool::new(false));
    let handle = tokio::spawn(work(finished.clone()));
    let _ = timeout(Duration::from_millis(500), handle).await;
    sleep(Duration::from_secs(3)).await;
    finished.load(Ordering::SeqCst)
}

/// Gives the work, as a plain future, 500 ms; then waits 3 s, and says
/// whether the work finished.
pub async fn timeout_around_a_future() -> bool {
    let finished = Arc::new(AtomicBool::new(false));
    let _ = timeout(Duration::from_millis(500), work(finished.clone())).await;
    sleep(Duration::from_secs(3)).await;
    finished.load(Ordering::SeqCst)
}

/// A sleep of 1 s under a timeout of 1 s: `true` if the timeout gives `Ok`.
pub async fn same_instant() -> bool {
    timeout(Duration::from_secs(1), sleep(Duration::from_secs(1))).await.is_ok()
}
