//! A function that returns a future built from an `async move` block.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> String {
    let start = Instant::now();
    let future = greeting(start, String::from("Ferris"));
    log(start, "built the future");
    let message = future.await;
    log(start, &message);
    message
}

/// The future owns `name`: `move` moves it into the block, so the future
/// can outlive this function.
#[allow(clippy::manual_async_fn)] // on purpose: the block written out by hand
fn greeting(start: Instant, name: String) -> impl Future<Output = String> {
    async move {
        log(start, "greeting started");
        sleep(Duration::from_millis(500)).await;
        log(start, "greeting finished");
        format!("hello, {name}")
    }
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
        assert_eq!(proof.output, "hello, Ferris");
        Ok(())
    }
}
