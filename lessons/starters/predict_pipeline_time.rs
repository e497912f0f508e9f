//! Predict how long a pipeline takes, then check.
//!
//! `run` sends 12 items through a queue with room for 2, shared by two
//! consumers that take 0.5 s per item; the producer waits 0.1 s after each
//! send. Do not change `run`: read it, and write down in the two constants
//! how long it takes in all, and which item is the first whose send has to
//! wait for room in the queue. Then run the check.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::time::{Instant, sleep};

/// How long `run` takes in all, in milliseconds.
pub const PREDICTED_TOTAL_MS: u64 = 0; // TODO: your prediction

/// The first item (1 to 12) whose `send(item).await` has to wait for room.
pub const FIRST_SEND_THAT_WAITS: u32 = 0; // TODO: your prediction

type Shared = Arc<Mutex<mpsc::Receiver<u32>>>;

/// Returns how long each item's send waited for room, item 1 first.
pub async fn run() -> Vec<Duration> {
    let (tx, rx) = mpsc::channel(2);
    let rx: Shared = Arc::new(Mutex::new(rx));
    let consumers: Vec<_> =
        (0..2).map(|_| tokio::spawn(consume(Arc::clone(&rx)))).collect();

    let mut waits = Vec::new();
    for item in 1..=12 {
        let asked = Instant::now();
        tx.send(item).await.expect("the consumers are running");
        waits.push(asked.elapsed());
        sleep(Duration::from_millis(100)).await;
    }
    drop(tx); // closes the queue

    for consumer in consumers {
        consumer.await.expect("no consumer panics");
    }
    waits
}

async fn consume(rx: Shared) {
    loop {
        let item = rx.lock().await.recv().await; // the lock is released here
        let Some(_item) = item else { break };
        sleep(Duration::from_millis(500)).await; // handling the item
    }
}
