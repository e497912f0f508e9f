//! Stop the consumers by closing the queue, not with sentinels.
//!
//! Two producers feed one queue, which three consumers share. As one would in
//! asyncio, each producer that is done sends one `None` per consumer, to tell
//! them to stop. But the fast producer is done first, and its `None`s stop the
//! consumers while the slow producer still has items to send: those are never
//! handled. Remove the sentinels: end the consumers by closing the channel,
//! so that they stop once every producer is done and the queue is empty.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::time::{interval, sleep};

/// How many consumers share the queue.
pub const CONSUMERS: usize = 3;

/// The fast producer's items, one every 0.1 s.
pub const FAST: [u32; 5] = [1, 2, 3, 4, 5];
/// The slow producer's items, one every 0.3 s.
pub const SLOW: [u32; 5] = [101, 102, 103, 104, 105];

// TODO: `Option<u32>`, so that a `None` can say "stop".
type Shared = Arc<Mutex<mpsc::Receiver<Option<u32>>>>;

/// Sends `items`, the first at once and then one every `every`.
async fn produce(tx: mpsc::Sender<Option<u32>>, items: [u32; 5], every: Duration) {
    let mut ticks = interval(every);
    for item in items {
        ticks.tick().await; // the first tick is at once
        if tx.send(Some(item)).await.is_err() {
            return; // every consumer is gone: nobody will take it
        }
    }
    // TODO: a sentinel per consumer, as with asyncio.Queue.
    for _ in 0..CONSUMERS {
        let _ = tx.send(None).await;
    }
}

/// Takes items until told to stop; handling an item takes 0.2 s. Returns the
/// items it handled.
async fn consume(rx: Shared) -> Vec<u32> {
    let mut handled = Vec::new();
    loop {
        let item = rx.lock().await.recv().await; // the lock is released here
        // TODO: stops at a `None` sentinel.
        let Some(Some(item)) = item else { break };
        sleep(Duration::from_millis(200)).await;
        handled.push(item);
    }
    handled
}

/// Runs the two producers and the consumers, and returns what each consumer
/// handled.
pub async fn run() -> Vec<Vec<u32>> {
    let (tx, rx) = mpsc::channel(4);
    let rx: Shared = Arc::new(Mutex::new(rx));
    let consumers: Vec<_> =
        (0..CONSUMERS).map(|_| tokio::spawn(consume(Arc::clone(&rx)))).collect();
    drop(rx); // the consumers hold the receiver now

    let fast = tokio::spawn(produce(tx.clone(), FAST, Duration::from_millis(100)));
    let slow = tokio::spawn(produce(tx.clone(), SLOW, Duration::from_millis(300)));

    let mut handled = Vec::new();
    for consumer in consumers {
        handled.push(consumer.await.expect("no consumer panics"));
    }
    fast.await.expect("the fast producer does not panic");
    slow.await.expect("the slow producer does not panic");
    handled
}
