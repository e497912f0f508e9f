//! A producer sends three readings on a tokio channel, twice: once ignoring
//! what `send` returns with `let _ =`, once awaiting it.

use tokio::sync::mpsc::{self, error::SendError};
use tokio::time::Instant;

// One thread, so that the order of the lines is the same on every run.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

async fn run() -> [Vec<u32>; 2] {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel(8);
    let display = tokio::spawn(show_readings(start, "ignored", rx));
    send_ignoring(tx).await;
    let ignored = display.await.expect("the display does not panic");

    let (tx, rx) = mpsc::channel(8);
    let display = tokio::spawn(show_readings(start, "awaited", rx));
    match send_awaiting(tx).await {
        Ok(()) => log(start, "awaited: every reading sent"),
        Err(error) => log(start, &format!("awaited: {error}")),
    }
    let awaited = display.await.expect("the display does not panic");
    [ignored, awaited]
}

// ANCHOR: program
#[allow(clippy::let_underscore_future)] // clippy sees the bug; the book shows it
async fn send_ignoring(tx: mpsc::Sender<u32>) {
    for reading in [17, 21, 19] {
        let _ = tx.send(reading); // "I don't care if the receiver is gone"
    }
}

async fn send_awaiting(tx: mpsc::Sender<u32>) -> Result<(), SendError<u32>> {
    for reading in [17, 21, 19] {
        tx.send(reading).await?; // sends, or says why it could not
    }
    Ok(())
}
// ANCHOR_END: program

/// Receives readings until every sender is gone, and returns them.
async fn show_readings(
    start: Instant,
    label: &str,
    mut rx: mpsc::Receiver<u32>,
) -> Vec<u32> {
    let mut readings = Vec::new();
    while let Some(reading) = rx.recv().await {
        readings.push(reading);
    }
    log(start, &format!("{label}: the display got {readings:?}"));
    readings
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
    use super::show_readings;
    use tokio::sync::mpsc;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Ignored, no reading arrives; awaited, all three do, in order.
        let [ignored, awaited] = proof.output;
        assert_eq!(ignored, Vec::<u32>::new());
        assert_eq!(awaited, [17, 21, 19]);
        Ok(())
    }

    /// The quiz's variant: `let _ = tx.send(x)` for 1, 2 and 3 on a channel
    /// with room for 8, then `tx` dropped: the receiver gets nothing.
    #[test]
    #[allow(clippy::let_underscore_future)] // the bug the quiz asks about
    fn sends_behind_let_underscore_deliver_nothing() -> xtask::proof::Result {
        let got = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let (tx, rx) = mpsc::channel(8);
            let display = tokio::spawn(show_readings(start, "ignored", rx));
            for x in [1, 2, 3] {
                let _ = tx.send(x);
            }
            drop(tx);
            display.await.expect("the display does not panic")
        })?;
        assert_eq!(got.output, Vec::<u32>::new());
        Ok(())
    }
}
