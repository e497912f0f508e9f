//! Three tasks that sleep 2 s, 1 s and 3 s, spawned, then awaited in turn.

use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<u64> {
    let start = Instant::now();
    let handles: Vec<JoinHandle<u64>> =
        [2, 1, 3].into_iter().map(|secs| tokio::spawn(nap(start, secs))).collect();
    let mut results = Vec::new();
    for handle in handles {
        let slept = handle.await.expect("no task panics");
        log(start, &format!("main: got the result of the {slept} s task"));
        results.push(slept);
    }
    results
}

async fn nap(start: Instant, secs: u64) -> u64 {
    log(start, &format!("{secs} s task started"));
    sleep(Duration::from_secs(secs)).await;
    log(start, &format!("{secs} s task finished"));
    secs
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
        // Results come in the order the handles are awaited: spawn order.
        assert_eq!(proof.output, [2, 1, 3]);
        // At 2 s, main gets the 2 s task's result, then at once the 1 s
        // task's, which has been waiting in its handle since 1 s.
        proof.assert_order(&[
            "2 s task finished",
            "result of the 2 s task",
            "result of the 1 s task",
        ])
    }
}
