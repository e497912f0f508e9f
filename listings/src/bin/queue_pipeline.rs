//! Twenty items, one every 0.1 s, through a queue with room for five, to
//! three consumers that take 0.3 s per item.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::time::{self, Instant, sleep};

// One thread polls every task, as in asyncio: the page explains why.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
/// One receiver, shared by the consumers.
type Shared = Arc<Mutex<mpsc::Receiver<u32>>>;

async fn run() -> (Vec<usize>, Duration) {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel(5);
    let rx: Shared = Arc::new(Mutex::new(rx));
    let consumers: Vec<_> =
        (1..=3).map(|id| tokio::spawn(consumer(start, id, Arc::clone(&rx)))).collect();

    log(start, "producer started");
    let mut every_100ms = time::interval(Duration::from_millis(100));
    let mut longest_wait = Duration::ZERO;
    for item in 1..=20 {
        every_100ms.tick().await; // the first tick is at once
        let asked = Instant::now();
        tx.send(item).await.expect("the consumers are running");
        longest_wait = longest_wait.max(asked.elapsed());
    }
    drop(tx); // closes the queue
    log(start, "producer finished");
    let waited = longest_wait.as_secs_f64();
    log(start, &format!("producer: the longest send waited {waited:.2}s"));

    let mut counts = Vec::new();
    for consumer in consumers {
        let handled = consumer.await.expect("no consumer panics");
        counts.push(handled.len());
    }
    (counts, longest_wait)
}

async fn consumer(start: Instant, id: u32, rx: Shared) -> Vec<u32> {
    let mut handled = Vec::new();
    loop {
        let item = rx.lock().await.recv().await; // the lock is released here
        let Some(item) = item else { break }; // closed, and empty
        log(start, &format!("consumer {id} started"));
        sleep(Duration::from_millis(300)).await; // handling the item
        log(start, &format!("consumer {id} finished"));
        handled.push(item);
    }
    log(start, &format!("consumer {id} handled items {handled:?}"));
    handled
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
    use super::{Shared, consumer};
    use std::sync::Arc;
    use std::time::Duration;
    use tokio::sync::{Mutex, mpsc};
    use tokio::time::{self, Instant};

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Items go round the consumers: 1, 4, .. 19; 2, 5, .. 20; 3, 6, .. 18.
        // No send ever waits for room: the queue never fills.
        assert_eq!(proof.output, (vec![7, 7, 6], Duration::ZERO));
        Ok(())
    }

    /// The quiz's variant: 30 items instead of 20. The last is sent at
    /// 29 × 0.1 = 2.9 s and done 0.3 s later, at 3.2 s; ten items each.
    #[test]
    fn thirty_items_take_3_2_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let (tx, rx) = mpsc::channel(5);
            let rx: Shared = Arc::new(Mutex::new(rx));
            let consumers: Vec<_> = (1..=3)
                .map(|id| tokio::spawn(consumer(start, id, Arc::clone(&rx))))
                .collect();
            let mut every_100ms = time::interval(Duration::from_millis(100));
            for item in 1..=30 {
                every_100ms.tick().await;
                tx.send(item).await.expect("the consumers are running");
            }
            drop(tx);
            let mut counts = Vec::new();
            for consumer in consumers {
                counts.push(consumer.await.expect("no consumer panics").len());
            }
            assert_eq!(counts, [10, 10, 10]);
            assert_eq!(start.elapsed(), Duration::from_millis(3200));
        })?;
        Ok(())
    }

    /// The page's slower variant: two consumers, about 6.7 items per second. The
    /// queue fills, the last sends wait for room, up to 0.2 s, and the run
    /// takes 3.1 s: ten items each, consumer 2 starting 0.1 s later.
    #[test]
    fn two_consumers_fill_the_queue_and_take_3_1_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let (tx, rx) = mpsc::channel(5);
            let rx: Shared = Arc::new(Mutex::new(rx));
            let consumers: Vec<_> = (1..=2)
                .map(|id| tokio::spawn(consumer(start, id, Arc::clone(&rx))))
                .collect();
            let mut every_100ms = time::interval(Duration::from_millis(100));
            let mut longest_wait = Duration::ZERO;
            for item in 1..=20 {
                every_100ms.tick().await;
                let asked = Instant::now();
                tx.send(item).await.expect("the consumers are running");
                longest_wait = longest_wait.max(asked.elapsed());
            }
            drop(tx);
            let mut counts = Vec::new();
            for consumer in consumers {
                counts.push(consumer.await.expect("no consumer panics").len());
            }
            assert_eq!(counts, [10, 10]);
            assert_eq!(longest_wait, Duration::from_millis(200));
            assert_eq!(start.elapsed(), Duration::from_millis(3100));
        })?;
        Ok(())
    }
}
