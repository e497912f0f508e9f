//! Three consumers share one receiver behind a lock, two ways: the lock held
//! for the whole loop body, then released before handling the item.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::time::{Instant, sleep};

// One thread polls every task, as in asyncio: the page explains why.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

type Shared = Arc<Mutex<mpsc::Receiver<u32>>>;

async fn run() -> [Duration; 2] {
    let start = Instant::now();
    let mut took = [Duration::ZERO; 2];
    for (phase, releases) in [(0, false), (1, true)] {
        let began = Instant::now();
        let rx = six_items();
        let consumers: Vec<_> = (1..=3)
            .map(|id| {
                let rx = Arc::clone(&rx);
                if releases {
                    tokio::spawn(releases_the_lock(start, id, rx))
                } else {
                    tokio::spawn(holds_the_lock(start, id, rx))
                }
            })
            .collect();
        for consumer in consumers {
            consumer.await.expect("no consumer panics");
        }
        took[phase] = began.elapsed();
    }
    took
}

/// A closed channel holding six items, behind a lock.
fn six_items() -> Shared {
    let (tx, rx) = mpsc::channel(6);
    for item in 1..=6 {
        tx.try_send(item).expect("there is room for six");
    }
    Arc::new(Mutex::new(rx))
}

// ANCHOR: program
async fn holds_the_lock(start: Instant, id: u32, rx: Shared) {
    // The guard is a temporary of the `while let`: it lives through the body.
    while let Some(_item) = rx.lock().await.recv().await {
        handle(start, &format!("holding: consumer {id}")).await;
    }
}

async fn releases_the_lock(start: Instant, id: u32, rx: Shared) {
    loop {
        let item = rx.lock().await.recv().await; // the guard is dropped here
        let Some(_item) = item else { break };
        handle(start, &format!("releasing: consumer {id}")).await;
    }
}
// ANCHOR_END: program

/// Handles one item: 0.3 s of waiting.
async fn handle(start: Instant, label: &str) {
    log(start, &format!("{label} started"));
    sleep(Duration::from_millis(300)).await;
    log(start, &format!("{label} finished"));
}

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
        // Holding the lock: one item at a time, 6 × 0.3 s. Releasing it:
        // three at a time, 2 × 0.3 s.
        let [holding, releasing] = proof.output;
        assert_eq!(holding, Duration::from_millis(1800));
        assert_eq!(releasing, Duration::from_millis(600));
        Ok(())
    }
}
