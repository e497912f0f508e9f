//! A producer sends three items and ends; a slower consumer reads until the
//! channel says there is nothing more.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Vec<u32>, Duration) {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel(8);
    tokio::spawn(async move {
        log(start, "producer started");
        for item in 1..=3 {
            tx.send(item).await.expect("the consumer is running");
        }
        log(start, "producer finished");
    }); // the task ends, `tx` is dropped: the channel is closed

    let mut got = Vec::new();
    while let Some(item) = rx.recv().await {
        log(start, &format!("consumer took item {item}"));
        log(start, "consumer started");
        sleep(Duration::from_millis(500)).await; // handling the item
        log(start, "consumer finished");
        got.push(item);
    }
    log(start, "recv returned None: the channel is closed and empty");
    (got, start.elapsed())
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
        // Closed at 0 s, yet every item arrives; `None` only after the last one.
        assert_eq!(proof.output, (vec![1, 2, 3], Duration::from_millis(1500)));
        Ok(())
    }
}
