//! A million integers from one producer to three consumers through a bounded
//! channel of 1024, with the receiver shared behind a lock: first one item
//! per lock, then up to 128 items per lock with `recv_many`.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, mpsc};
use tokio::time::Instant;

// One thread polls every task, as in asyncio: the page explains why.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run(1_000_000).await;
}

// ANCHOR: program
async fn run(n: u64) -> [Moved; 2] {
    let start = Instant::now();
    let one = through_queue(start, n, "one item per lock", 1).await;
    let many = through_queue(start, n, "up to 128 per lock", 128).await;
    [one, many]
}

async fn through_queue(start: Instant, n: u64, name: &str, batch: usize) -> Moved {
    let began = Instant::now();
    let (tx, rx) = mpsc::channel(1024);
    let rx = Arc::new(Mutex::new(rx));
    let consumers: Vec<_> =
        (0..3).map(|_| tokio::spawn(consume(Arc::clone(&rx), batch))).collect();
    for item in 0..n {
        tx.send(item).await.expect("the consumers are running");
    }
    drop(tx); // closes the channel: the consumers stop once it is empty
    let mut moved = Moved { items: 0, sum: 0, took: Duration::ZERO };
    for consumer in consumers {
        let (items, sum) = consumer.await.expect("no consumer panics");
        (moved.items, moved.sum) = (moved.items + items, moved.sum + sum);
    }
    moved.took = began.elapsed();
    let took = moved.took.as_secs_f64();
    let rate = moved.items as f64 / took / 1e6;
    log(
        start,
        &format!("{name}: {} items in {took:.3}s, {rate:.2} M items/s", moved.items),
    );
    moved
}

/// Takes up to `batch` items each time it holds the lock (`recv_many` with a
/// limit of 1 is `recv`); returns how many items it got, and their sum.
async fn consume(rx: Arc<Mutex<mpsc::Receiver<u64>>>, batch: usize) -> (u64, u64) {
    let (mut items, mut sum) = (0, 0);
    let mut buffer = Vec::with_capacity(batch);
    loop {
        let got = rx.lock().await.recv_many(&mut buffer, batch).await;
        if got == 0 {
            return (items, sum); // closed, and empty
        }
        items += got as u64;
        sum += buffer.drain(..).sum::<u64>();
    }
}
// ANCHOR_END: program

/// What the consumers of one run counted, and how long it took.
#[derive(Debug)]
struct Moved {
    items: u64,
    sum: u64,
    took: Duration,
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use xtask::proof::check;

    /// Speed is the machine's, and no test asserts it. This checks, on a
    /// real run with fewer items, that each way hands every item over once:
    /// the consumers' counts add up to N, and their sums to 0 + 1 + .. + N-1.
    #[test]
    fn every_item_is_consumed_exactly_once() -> xtask::proof::Result {
        const N: u64 = 10_000;
        let runs = xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), || super::run(N))?;
        for moved in &runs {
            check(
                moved.items == N && moved.sum == N * (N - 1) / 2,
                "the consumers got every item, once",
                moved,
            )?;
        }
        Ok(())
    }
}
