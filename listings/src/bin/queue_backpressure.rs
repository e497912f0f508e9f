//! A producer that sends six items at once through a channel with room for
//! two, to a consumer that takes half a second per item.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

// One thread polls every task, as in asyncio: the page explains why.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<Duration> {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel(2); // room for 2 items
    let consumer = tokio::spawn(consume(start, rx));
    let mut sent_at = Vec::new();
    for item in 1..=6 {
        log(start, &format!("send {item} started"));
        tx.send(item).await.expect("the consumer is running");
        log(start, &format!("send {item} finished"));
        sent_at.push(start.elapsed());
    }
    drop(tx); // no more items: the consumer's loop ends once it has them all
    consumer.await.expect("the consumer does not panic");
    sent_at
}

async fn consume(start: Instant, mut rx: mpsc::Receiver<u32>) {
    while let Some(item) = rx.recv().await {
        log(start, &format!("consumer took item {item}"));
        log(start, "consumer started");
        sleep(Duration::from_millis(500)).await; // handling the item
        log(start, "consumer finished");
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
    use super::consume;
    use std::time::Duration;
    use tokio::sync::mpsc;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Items 1 to 3 go at once (one in the consumer's hands, two in the
        // channel); each later send waits for the consumer to take an item.
        let ms = Duration::from_millis;
        assert_eq!(proof.output, [ms(0), ms(0), ms(0), ms(500), ms(1000), ms(1500)]);
        // On one thread, send 3 finds the channel full and gives the thread
        // to the consumer, which takes item 1 and makes room, all at 0 s.
        proof.assert_order(&[
            "send 3 started",
            "consumer took item 1",
            "send 3 finished",
        ])?;
        Ok(())
    }

    /// The quiz's variant: room for 3 instead of 2. Items 1 to 4 go at once
    /// (one in the consumer's hands, three in the channel); sends 5 and 6
    /// wait for the consumer, at 0.5 s and 1 s.
    #[test]
    fn with_room_for_3_the_sixth_send_finishes_at_1_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let ms = Duration::from_millis;
            let start = Instant::now();
            let (tx, rx) = mpsc::channel(3);
            let consumer = tokio::spawn(consume(start, rx));
            let mut sent_at = Vec::new();
            for item in 1..=6 {
                tx.send(item).await.expect("the consumer is running");
                sent_at.push(start.elapsed());
            }
            drop(tx);
            consumer.await.expect("the consumer does not panic");
            assert_eq!(sent_at, [ms(0), ms(0), ms(0), ms(0), ms(500), ms(1000)]);
        })?;
        Ok(())
    }
}
