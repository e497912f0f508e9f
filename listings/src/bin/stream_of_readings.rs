//! An async generator: a stream of five sensor readings, one every 0.1 s,
//! read one by one with `while let`.

use futures::stream::{self, Stream, StreamExt};
use std::pin::pin;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<f64> {
    let start = Instant::now();
    let mut readings = pin!(sensor(start));
    let mut seen = Vec::new();
    while let Some(celsius) = readings.next().await {
        log(start, &format!("main: got {celsius:.1} °C"));
        seen.push(celsius);
    }
    log(start, "main: the stream has ended");
    seen
}

/// Five readings, each after a 0.1 s wait.
fn sensor(start: Instant) -> impl Stream<Item = f64> {
    stream::unfold(1, move |n| async move {
        if n > 5 {
            return None; // the end of the stream
        }
        log(start, &format!("reading {n} started"));
        sleep(Duration::from_millis(100)).await;
        log(start, &format!("reading {n} finished"));
        let celsius = 20.0 + f64::from(n) / 2.0;
        Some((celsius, n + 1)) // the item, and the state for the next call
    })
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
    use futures::stream::{self, StreamExt};
    use std::pin::pin;
    use std::time::Duration;
    use tokio::time::sleep;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Five readings, in the order the generator made them.
        assert_eq!(proof.output, [20.5, 21.0, 21.5, 22.0, 22.5]);
        // Each reading reaches main as soon as it is made, before the
        // generator starts waiting for the next one.
        proof.assert_order(&[
            "reading 1 finished",
            "main: got 20.5 °C",
            "reading 2 started",
        ])
    }

    /// The quiz's variant: a stream of 4 items, each after a 0.2 s wait, read
    /// with `while let` and nothing else: the waits add up, 4 × 0.2 s = 0.8 s.
    #[test]
    fn four_items_of_0_2_s_take_0_8_s() -> xtask::proof::Result {
        let read = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let items = stream::unfold(1, |n| async move {
                if n > 4 {
                    return None;
                }
                sleep(Duration::from_millis(200)).await;
                Some((n, n + 1))
            });
            let mut items = pin!(items);
            let mut seen = Vec::new();
            while let Some(item) = items.next().await {
                seen.push(item);
            }
            seen
        })?;
        assert_eq!(read.output, [1, 2, 3, 4]);
        assert_eq!(read.elapsed, Duration::from_millis(800));
        Ok(())
    }
}
