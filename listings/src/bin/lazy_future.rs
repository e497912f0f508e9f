//! Calls an `async fn`, waits a second, then awaits what the call returned.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() {
    let start = Instant::now();
    let greeting = greet(start, "Ferris");
    log(start, "called greet");
    sleep(Duration::from_secs(1)).await;
    log(start, "awaiting what greet returned");
    greeting.await;
    log(start, "done");
}

async fn greet(start: Instant, name: &str) {
    log(start, &format!("greeting {name} started"));
    sleep(Duration::from_secs(1)).await;
    log(start, &format!("greeting {name} finished"));
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
        // The body starts when the future is awaited, not when greet is called.
        proof.assert_order(&["called greet", "awaiting", "greeting Ferris started"])
    }
}
