//! Predict the time of a chain of awaits, then check.
//!
//! Read `program` below without running it. Write how long it takes, in
//! milliseconds, in `PREDICTED_MS`, and the names of the steps that run, in
//! the order they start, in `PREDICTED_STARTS`. Then check your prediction.
//! Change only the two constants.

use std::sync::Mutex;
use std::time::Duration;
use tokio::time::sleep;

/// How long `program` takes, in milliseconds.
// 200 (connect) + 300 (warm-up, which starts only when awaited) + 400 (the
// two queries joined: the longer one) + 100 (report, an async block, which
// also starts only when awaited). `ping` is built, dropped, and never runs.
pub const PREDICTED_MS: u64 = 1_000;

/// The names of the steps that run, in the order they start.
pub const PREDICTED_STARTS: &[&str] =
    &["connect", "warm-up", "query A", "query B", "report"];

/// The names of the steps, in the order they started.
pub type Log = Mutex<Vec<&'static str>>;

/// One step: notes in the log that it started, then waits `ms` milliseconds.
pub async fn step(log: &Log, name: &'static str, ms: u64) {
    log.lock().unwrap().push(name);
    sleep(Duration::from_millis(ms)).await;
}

/// The program to predict.
pub async fn program(log: &Log) {
    let warm_up = step(log, "warm-up", 300);
    step(log, "connect", 200).await;
    let report = async {
        step(log, "report", 100).await;
    };
    warm_up.await;
    let _ = step(log, "ping", 1_000);
    tokio::join!(step(log, "query A", 400), step(log, "query B", 100));
    report.await;
}
