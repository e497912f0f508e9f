//! Two background workers on intervals of 1 s and 2 s, stopped after 5 s with
//! a `CancellationToken`.

use std::time::Duration;
use tokio::time::{self, Instant, Interval, sleep};
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (u32, u32) {
    let start = Instant::now();
    let token = CancellationToken::new();
    let fast = tokio::spawn(worker(start, "fast worker", 1, token.clone()));
    let slow = tokio::spawn(worker(start, "slow worker", 2, token.clone()));
    sleep(Duration::from_secs(5)).await;
    log(start, "main: cancelling the token");
    token.cancel();
    let (fast, slow) = (fast.await.unwrap(), slow.await.unwrap());
    log(start, &format!("main: fast worker did {fast} steps, slow worker {slow}"));
    (fast, slow)
}

async fn worker(
    start: Instant,
    name: &str,
    every: u64,
    token: CancellationToken,
) -> u32 {
    log(start, &format!("{name} started"));
    let mut interval = time::interval(Duration::from_secs(every));
    let mut steps = 0;
    loop {
        tokio::select! {
            _ = token.cancelled() => break,
            _ = step(&mut interval) => {
                steps += 1;
                log(start, &format!("{name}: step {steps} done"));
            }
        }
    }
    log(start, &format!("{name} finished"));
    steps
}

/// Waits for the next tick, then works for a quarter of a second.
async fn step(interval: &mut Interval) {
    interval.tick().await; // the first tick completes at once
    sleep(Duration::from_millis(250)).await; // stands in for the work
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
    use super::step;
    use std::time::Duration;
    use tokio::time::{self, sleep};
    use tokio_util::sync::CancellationToken;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Steps start at 0, 1, 2, 3, 4 s and at 0, 2, 4 s; each ends 0.25 s later.
        assert_eq!(proof.output, (5, 3));
        Ok(())
    }

    /// The quiz's variant, the worker's loop on a 1.5 s interval, cancelled at
    /// 5 s: steps start at 0, 1.5, 3 and 4.5 s, 4 steps. (It prints nothing.)
    #[test]
    fn a_1_5_s_interval_cancelled_at_5_s_does_4_steps() -> xtask::proof::Result {
        let steps = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let token = CancellationToken::new();
            let cancelled = token.clone();
            let worker = tokio::spawn(async move {
                let mut interval = time::interval(Duration::from_millis(1500));
                let mut steps = 0;
                loop {
                    tokio::select! {
                        _ = cancelled.cancelled() => break,
                        _ = step(&mut interval) => steps += 1,
                    }
                }
                steps
            });
            sleep(Duration::from_secs(5)).await;
            token.cancel();
            worker.await.expect("the worker does not panic")
        })?;
        assert_eq!(steps.output, 4);
        Ok(())
    }
}
