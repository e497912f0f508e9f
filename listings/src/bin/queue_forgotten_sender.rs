//! A producer task with a clone of the sender; the original stays in `run`.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, timeout};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (u32, bool, bool) {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel(8);
    let producer = tx.clone();
    tokio::spawn(async move {
        for item in 1..=3 {
            producer.send(item).await.expect("the consumer is running");
        }
    }); // this clone is dropped here; `tx` lives on in `run`

    log(start, "consumer started");
    let mut sum = 0;
    // Gives up after 1 s without news (the timeouts chapter explains `timeout`).
    let closed = loop {
        match timeout(Duration::from_secs(1), rx.recv()).await {
            Ok(Some(item)) => sum += item,
            Ok(None) => break true, // closed, and empty
            Err(_) => break false,  // 1 s without an item, and still open
        }
    };
    log(start, "consumer finished");
    log(start, &format!("sum of the items {sum}; closed: {closed}"));
    drop(tx);
    let closed_now = rx.recv().await.is_none();
    log(start, &format!("after drop(tx), closed: {closed_now}"));
    (sum, closed, closed_now)
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
    use tokio::sync::mpsc;
    use tokio::time::timeout;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Every item arrived, but the channel stayed open until `drop(tx)`.
        assert_eq!(proof.output, (6, false, true));
        Ok(())
    }

    /// The quiz's variant: the same slip with a plain `while let` and no
    /// timeout. The three items arrive, then the loop waits with nothing left
    /// to wake it: the paused clock jumps straight to this test's 60 s limit,
    /// and the loop is still waiting.
    #[test]
    fn without_a_timeout_the_loop_waits_forever() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let (tx, mut rx) = mpsc::channel(8);
            let producer = tx.clone();
            tokio::spawn(async move {
                for item in 1..=3 {
                    producer.send(item).await.expect("the consumer is running");
                }
            });
            let mut got = Vec::new();
            let consume = async {
                while let Some(item) = rx.recv().await {
                    got.push(item);
                }
            };
            let ended = timeout(Duration::from_secs(60), consume).await;
            assert!(ended.is_err(), "the loop ended: the channel closed");
            assert_eq!(got, [1, 2, 3]);
            drop(tx);
        })?;
        Ok(())
    }
}
