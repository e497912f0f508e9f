//! Two workers in steps of 0.8 s and 1.25 s, stopped on Ctrl-C or after 3 s,
//! each after the step it is in.

use std::time::Duration;
use tokio::signal;
use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (u32, u32) {
    let start = Instant::now();
    let token = CancellationToken::new();
    let a = tokio::spawn(worker(start, "worker A", 800, token.clone()));
    let b = tokio::spawn(worker(start, "worker B", 1250, token.clone()));
    tokio::select! {
        _ = signal::ctrl_c() => log(start, "main: Ctrl-C, shutting down"),
        _ = sleep(Duration::from_secs(3)) => log(start, "main: 3 s are up, shutting down"),
    }
    token.cancel();
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    log(start, "main: every worker has stopped");
    (a, b)
}

async fn worker(
    start: Instant,
    name: &str,
    step_ms: u64,
    token: CancellationToken,
) -> u32 {
    log(start, &format!("{name} started"));
    let mut steps = 0;
    while !token.is_cancelled() {
        sleep(Duration::from_millis(step_ms)).await; // one step, never cut short
        steps += 1;
        log(start, &format!("{name}: step {steps} done"));
    }
    log(start, &format!("{name} finished"));
    steps
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
    use super::worker;
    use std::time::Duration;
    use tokio::time::{Instant, sleep};
    use tokio_util::sync::CancellationToken;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // A was in its 4th step (2.4 s to 3.2 s), B in its 3rd (2.5 s to 3.75 s).
        assert_eq!(proof.output, (4, 3));
        proof.assert_order(&[
            "worker B: step 3 done",
            "worker B finished",
            "main: every worker has stopped",
        ])
    }

    /// The quiz's variant: steps of 2 s, cancelled at 3 s, during the second
    /// step: the worker stops when that step ends, at 4 s.
    #[test]
    fn steps_of_2_s_cancelled_at_3_s_stop_at_4_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let token = CancellationToken::new();
            let worker = tokio::spawn(worker(start, "worker", 2000, token.clone()));
            sleep(Duration::from_secs(3)).await;
            token.cancel();
            assert_eq!(worker.await.expect("the worker does not panic"), 2);
            assert_eq!(start.elapsed(), Duration::from_secs(4));
        })?;
        Ok(())
    }
}
