//! A publisher sends five messages through a broadcast channel that keeps
//! two; one subscriber keeps up, the other starts reading late.

use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Vec<u32>, Vec<u32>, u64) {
    let start = Instant::now();
    let (tx, prompt) = broadcast::channel(2); // keeps the last 2 messages
    let late = tx.subscribe();
    tokio::spawn(async move {
        log(start, "publisher started");
        for n in 1..=5 {
            tx.send(n).expect("someone is subscribed"); // never waits
            sleep(Duration::from_millis(100)).await;
        }
        log(start, "publisher finished");
    }); // `tx` is dropped: subscribers get `Closed` after the last message
    let prompt = tokio::spawn(subscriber(start, "prompt", prompt, Duration::ZERO));
    let late = subscriber(start, "late", late, Duration::from_secs(1)).await;
    let prompt = prompt.await.expect("no panic");
    (prompt.0, late.0, late.1)
}

/// Reads every message until the channel closes, after a first nap;
/// returns what it got and how many messages it missed.
async fn subscriber(
    start: Instant,
    name: &str,
    mut rx: broadcast::Receiver<u32>,
    nap: Duration,
) -> (Vec<u32>, u64) {
    log(start, &format!("{name} subscriber started"));
    sleep(nap).await;
    let (mut got, mut missed) = (Vec::new(), 0);
    loop {
        match rx.recv().await {
            Ok(n) => got.push(n),
            Err(RecvError::Lagged(n)) => missed += n,
            Err(RecvError::Closed) => break,
        }
    }
    log(start, &format!("{name} subscriber finished"));
    log(start, &format!("{name}: got {got:?}, missed {missed}"));
    (got, missed)
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
        // The prompt subscriber gets all five; the late one finds the last
        // two, after a `Lagged(3)`.
        assert_eq!(proof.output, (vec![1, 2, 3, 4, 5], vec![4, 5], 3));
        Ok(())
    }
}
