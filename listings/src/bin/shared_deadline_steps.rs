//! Three steps in a row under one 1 s budget, each given what is left of it.

use std::time::Duration;
use tokio::time::{Instant, sleep, timeout_at};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Vec<Duration>, Vec<&'static str>) {
    let start = Instant::now();
    let deadline = start + Duration::from_secs(1);
    let (mut budgets, mut done) = (Vec::new(), Vec::new());
    for (step, ms) in [("connect", 300), ("query", 500), ("download", 600)] {
        let left = deadline.saturating_duration_since(Instant::now());
        budgets.push(left);
        log(start, &format!("{step}: {:.2}s of the budget left", left.as_secs_f64()));
        log(start, &format!("{step} started"));
        let result = timeout_at(deadline, sleep(Duration::from_millis(ms))).await;
        log(start, &format!("{step} finished"));
        if result.is_err() {
            log(start, &format!("{step}: out of time, giving up"));
            break;
        }
        done.push(step);
    }
    log(start, &format!("main: done {done:?}"));
    (budgets, done)
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

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let (budgets, done) = proof.output;
        // 1000 ms; 1000 - 300 = 700 ms; 700 - 500 = 200 ms, less than the 600 ms
        // the download needs.
        let ms = Duration::from_millis;
        assert_eq!(budgets, [ms(1000), ms(700), ms(200)]);
        assert_eq!(done, ["connect", "query"]);
        Ok(())
    }
}
