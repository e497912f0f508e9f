//! A task spawned at the start, and its handle awaited half a second later.

use std::time::Duration;
use tokio::time::{Instant, sleep};

// One thread polls every task, as in asyncio: the page explains why.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> u32 {
    let start = Instant::now();
    let handle = tokio::spawn(async move {
        log(start, "task started");
        sleep(Duration::from_secs(1)).await;
        log(start, "task finished");
        42
    });
    log(start, "main's own wait started");
    sleep(Duration::from_millis(500)).await;
    log(start, "main's own wait finished");
    log(start, "main: awaiting the handle");
    let answer = handle.await.expect("the task does not panic");
    log(start, &format!("main: the task returned {answer}"));
    answer
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        assert_eq!(proof.output, 42);
        // On one thread, the task starts when main first waits, and before
        // main awaits its handle.
        proof.assert_order(&[
            "main's own wait started",
            "task started",
            "main: awaiting the handle",
        ])?;
        proof.assert_order(&["task finished", "main: the task returned 42"])
    }
}
