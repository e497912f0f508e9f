//! Three simulated requests of 200 ms each: one after another, then joined.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Duration, Duration) {
    let start = Instant::now();
    for id in 1..=3 {
        let page = fake_request(start, id, "sequential").await;
        log(start, &format!("got {page}"));
    }
    let sequential = start.elapsed();
    log(start, &format!("sequential: took {:.2}s", sequential.as_secs_f64()));

    let joined_at = Instant::now();
    let (a, b, c) = tokio::join!(
        fake_request(start, 4, "concurrent"),
        fake_request(start, 5, "concurrent"),
        fake_request(start, 6, "concurrent"),
    );
    let concurrent = joined_at.elapsed();
    log(start, &format!("got {a}, {b}, {c}"));
    log(start, &format!("concurrent: took {:.2}s", concurrent.as_secs_f64()));
    (sequential, concurrent)
}

/// Stands in for an HTTP request: 200 ms of waiting for the network, then
/// the page it fetched.
async fn fake_request(start: Instant, id: u32, how: &str) -> String {
    log(start, &format!("{how} request {id} started"));
    sleep(Duration::from_millis(200)).await;
    log(start, &format!("{how} request {id} finished"));
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
    use std::time::Duration;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Each half, exactly: 3 × 200 ms one after another, 200 ms joined.
        let (sequential, concurrent) = proof.output;
        assert_eq!(sequential, Duration::from_millis(600));
        assert_eq!(concurrent, Duration::from_millis(200));
        Ok(())
    }
}
