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
///
/// Two consumers at 0.5 s per item handle 4 items a second; the producer
/// would send 10. So the queue fills, and the consumers set the pace, busy
/// all the time: consumer 1 takes items at 0, 0.5, 1, ... 2.5 s, consumer 2
/// (whose first item is sent at 0.1 s) at 0.1, 0.6, ... 2.6 s. Each handles
/// 6 items, and consumer 2 is done at 2.6 + 0.5 = 3.1 s.
/// Not 1.1 + 0.5 = 1.6 s: the sends are held back by the full queue, and the
/// last one goes through only at 2.1 s. Not 12 × 0.5 = 6 s: the two consumers
/// work at the same time. Not 6 × 0.5 = 3 s: consumer 2 starts 0.1 s late.
pub const PREDICTED_TOTAL_MS: u64 = 3100;

/// The first item (1 to 12) whose `send(item).await` has to wait for room.
///
/// Items 1 and 2 are taken at once by the two idle consumers. Items 3 and 4,
/// sent at 0.2 s and 0.3 s, fill the queue's 2 places. At 0.4 s item 5 finds
/// it full, and its send waits until 0.5 s, when consumer 1 is done with
/// item 1 and takes item 3 out: room is capacity + consumers = 4 items.
pub const FIRST_SEND_THAT_WAITS: u32 = 5;

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
