//! Hold the producer to the writer's pace with a bounded queue.
//!
//! `run` reads ten records from a fast source and passes them through a queue
//! to a writer task that stores each one in 0.5 s. The queue is unbounded:
//! the producer puts all ten in at once, and with a million records it would
//! hold a million in memory. Make it a bounded channel with room for
//! `CAPACITY` records, so that the producer waits for room (backpressure),
//! and keep the rest: every record stored, in order.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// How many records the source has.
pub const RECORDS: u32 = 10;
/// How many records the queue may hold.
pub const CAPACITY: usize = 3;

/// What `run` saw.
#[derive(Debug)]
pub struct Report {
    /// When each send finished, from the start of `run`.
    pub sent_at: Vec<Duration>,
    /// The records the writer stored, in the order it stored them.
    pub stored: Vec<u32>,
}

/// The slow end: storing a record takes 0.5 s.
async fn store(record: u32, stored: &mut Vec<u32>) {
    sleep(Duration::from_millis(500)).await;
    stored.push(record);
}

pub async fn run() -> Report {
    let start = Instant::now();
    // At most CAPACITY records wait in the queue: when it is full, a send
    // waits until the writer takes one out.
    let (tx, mut rx) = mpsc::channel(CAPACITY);

    let writer = tokio::spawn(async move {
        let mut stored = Vec::new();
        while let Some(record) = rx.recv().await {
            store(record, &mut stored).await;
        }
        stored
    });

    let mut sent_at = Vec::new();
    for record in 1..=RECORDS {
        // Pending while the queue is full: the producer is held to the
        // writer's pace, and the thread is free meanwhile.
        tx.send(record).await.expect("the writer is running");
        sent_at.push(start.elapsed());
    }
    drop(tx); // closes the queue: the writer's loop ends once it is empty

    let stored = writer.await.expect("the writer does not panic");
    Report { sent_at, stored }
}
