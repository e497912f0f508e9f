//! The same loop, polling one pinned future across iterations: no item is lost.

use std::pin::pin;
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
    let items = six_items().await; // a channel that holds items 1 to 6
    let period = Duration::from_millis(400);
    let mut heartbeat = interval_at(start + period, period);
    let mut got = Vec::new();
    // Made once, outside the loop: a heartbeat no longer drops it.
    let mut in_flight = pin!(take_and_check(start, items));
    loop {
        tokio::select! {
            (item, items) = &mut in_flight => match item {
                Some(item) => {
                    log(start, &format!("main: got item {item}"));
                    got.push(item);
                    in_flight.set(take_and_check(start, items)); // the next one
                }
                None => break,
            },
            _ = heartbeat.tick() => log(start, "main: heartbeat"),
        }
    }
    log(start, &format!("main: got {got:?}"));
    got
}

/// Takes the next item, then spends 250 ms checking it. It owns the receiver
/// and hands it back, so that the next call can take it.
async fn take_and_check(
    start: Instant,
    mut items: mpsc::Receiver<u32>,
) -> (Option<u32>, mpsc::Receiver<u32>) {
    let Some(item) = items.recv().await else { return (None, items) };
    log(start, &format!("took item {item}"));
    sleep(Duration::from_millis(250)).await;
    (Some(item), items)
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
        // Six taken, six arrived, in order, heartbeats or not.
        let taken = proof.lines.iter().filter(|l| l.contains("took item")).count();
        let beats = proof.lines.iter().filter(|l| l.contains("heartbeat")).count();
        assert_eq!(taken, 6);
        assert_eq!(beats, 3);
        assert_eq!(proof.output, [1, 2, 3, 4, 5, 6]);
        Ok(())
    }
}
