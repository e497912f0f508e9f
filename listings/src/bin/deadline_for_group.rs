//! Five fetches of different lengths under one 1 s deadline for them all.

use std::time::Duration;
use tokio::time::error::Elapsed;
use tokio::time::{Instant, sleep, timeout_at};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Vec<String>, Vec<u32>) {
    let start = Instant::now();
    let deadline = start + Duration::from_secs(1); // one deadline for all five
    let handles: Vec<_> = [(1, 300), (2, 1200), (3, 600), (4, 1500), (5, 900)]
        .into_iter()
        .map(|(id, ms)| tokio::spawn(fetch_by(deadline, start, id, ms)))
        .collect();
    let (mut kept, mut missed) = (Vec::new(), Vec::new());
    for handle in handles {
        match handle.await.expect("no fetch panics") {
            (_, Ok(page)) => kept.push(page),
            (id, Err(_)) => missed.push(id),
        }
    }
    log(start, &format!("main: kept {kept:?}, missed fetches {missed:?}"));
    (kept, missed)
}

/// Fetches page `id`, which takes `ms` milliseconds, or gives up at `deadline`.
async fn fetch_by(
    deadline: Instant,
    start: Instant,
    id: u32,
    ms: u64,
) -> (u32, Result<String, Elapsed>) {
    log(start, &format!("fetch {id} started"));
    let result = timeout_at(deadline, fetch(id, ms)).await;
    log(start, &format!("fetch {id} finished"));
    if result.is_err() {
        log(start, &format!("fetch {id}: no page by the deadline"));
    }
    (id, result)
}

/// Stands in for a request that takes `ms` milliseconds to answer.
async fn fetch(id: u32, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await;
    format!("page {id}")
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
        // 300, 600 and 900 ms are within the 1 s deadline; 1200 and 1500 ms are not.
        let (kept, missed) = proof.output;
        assert_eq!(kept, ["page 1", "page 3", "page 5"]);
        assert_eq!(missed, [2, 4]);
        Ok(())
    }
}
