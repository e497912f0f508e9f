//! Predict what ten thousand tasks do, on one thread.
//!
//! Read the three functions of this file without running them, and write your
//! predictions in the constants at its top: times in milliseconds, and
//! counts. Then check: the check runs each function on tokio's paused clock,
//! on a current-thread runtime (one thread polls every task, as asyncio's
//! loop does), and compares. Where you were wrong, work out why before you
//! change your answer. Change only the constants, never the functions: the
//! check makes sure they behave as given.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::sleep;

/// `crowd`: how long does it take, in ms?
pub const CROWD_MS: u64 = 0; // TODO
/// `one_after_another`: how long does it take, in ms?
pub const ONE_AFTER_ANOTHER_MS: u64 = 0; // TODO
/// `when_they_start`: how many tasks had started when the spawning loop ended?
pub const STARTED_AFTER_THE_LOOP: usize = 99_999; // TODO
/// `when_they_start`: how many had started when the first handle's await
/// returned?
pub const STARTED_AFTER_THE_FIRST_AWAIT: usize = 99_999; // TODO

/// Ten thousand tasks that each sleep 1 s, then every handle awaited in
/// turn; returns the sum of what they gave back.
pub async fn crowd() -> u64 {
    let mut handles = Vec::new();
    for i in 0..10_000u64 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_secs(1)).await;
            i
        }));
    }
    let mut sum = 0;
    for handle in handles {
        sum += handle.await.expect("a task does not panic");
    }
    sum
}

/// Five tasks that each sleep 1 s, each awaited as soon as it is spawned.
pub async fn one_after_another() {
    for _ in 0..5 {
        tokio::spawn(sleep(Duration::from_secs(1)))
            .await
            .expect("a task does not panic");
    }
}

/// Ten thousand tasks that note they have started, then sleep 1 s; returns
/// how many had started when the loop ended, and when the first handle's
/// await returned.
pub async fn when_they_start() -> (usize, usize) {
    let started = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..10_000 {
        let started = Arc::clone(&started);
        handles.push(tokio::spawn(async move {
            started.fetch_add(1, Ordering::SeqCst);
            sleep(Duration::from_secs(1)).await;
        }));
    }
    let after_the_loop = started.load(Ordering::SeqCst);
    let mut handles = handles.into_iter();
    if let Some(first) = handles.next() {
        first.await.expect("a task does not panic");
    }
    let after_the_first_await = started.load(Ordering::SeqCst);
    for handle in handles {
        handle.await.expect("a task does not panic");
    }
    (after_the_loop, after_the_first_await)
}
