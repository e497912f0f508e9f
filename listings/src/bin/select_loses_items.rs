//! A `select!` loop whose branch takes an item, then is dropped when the
//! heartbeat wins: the item is lost.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, interval_at, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<u32> {
    let start = Instant::now();
    let mut items = six_items().await; // a channel that holds items 1 to 6
    let period = Duration::from_millis(400);
    let mut heartbeat = interval_at(start + period, period);
    let mut got = Vec::new();
    loop {
        tokio::select! {
            item = take_and_check(start, &mut items) => match item {
                Some(item) => {
                    log(start, &format!("main: got item {item}"));
                    got.push(item);
                }
                None => break,
            },
            _ = heartbeat.tick() => log(start, "main: heartbeat"),
        }
    }
    log(start, &format!("main: got {got:?}"));
    got
}

/// Takes the next item, then spends 250 ms checking it.
async fn take_and_check(
    start: Instant,
    items: &mut mpsc::Receiver<u32>,
) -> Option<u32> {
    let item = items.recv().await?;
    log(start, &format!("took item {item}"));
    sleep(Duration::from_millis(250)).await; // dropped here, the item goes with it
    Some(item)
}
// ANCHOR_END: program

/// A channel that holds the items 1 to 6 and is closed: `recv` gives `None`
/// once the six are taken.
async fn six_items() -> mpsc::Receiver<u32> {
    let (sender, items) = mpsc::channel(6);
    for item in 1..=6 {
        sender.send(item).await.expect("the channel has room");
    }
    items
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
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Six items taken, three arrived: 2, 4 and 6 were in their check when
        // a heartbeat (0.4, 0.8, 1.2 s) won the `select!`.
        let taken = proof.lines.iter().filter(|l| l.contains("took item")).count();
        assert_eq!(taken, 6);
        assert_eq!(proof.output, [1, 3, 5]);
        Ok(())
    }
}
