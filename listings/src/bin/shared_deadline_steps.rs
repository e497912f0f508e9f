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
    use tokio::time::{Instant, sleep, timeout, timeout_at};

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

    /// The quiz's variant: steps of 500, 1000 and 1000 ms under one deadline
    /// 2 s after the start. The third starts with 2000 - 500 - 1000 = 500 ms
    /// left, and is dropped at 2 s.
    #[test]
    fn the_third_step_gets_500_ms_of_2_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let ms = Duration::from_millis;
            let start = Instant::now();
            let deadline = start + Duration::from_secs(2);
            let (mut budgets, mut done) = (Vec::new(), Vec::new());
            for step in [500, 1000, 1000] {
                budgets.push(deadline.saturating_duration_since(Instant::now()));
                if timeout_at(deadline, sleep(ms(step))).await.is_err() {
                    break;
                }
                done.push(step);
            }
            assert_eq!(budgets, [ms(2000), ms(1500), ms(500)]);
            assert_eq!(done, [500, 1000]);
            assert_eq!(start.elapsed(), ms(2000));
        })?;
        Ok(())
    }

    /// The page: with a fresh `timeout` of 1 s for each step instead of one
    /// deadline, three steps can take 3 s together. Steps of 1 s each all
    /// complete (`timeout` polls its future before its timer).
    #[test]
    fn a_timeout_of_1_s_per_step_lets_three_steps_take_3_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let mut done = 0;
            for _ in 0..3 {
                let step = sleep(Duration::from_secs(1));
                if timeout(Duration::from_secs(1), step).await.is_err() {
                    break;
                }
                done += 1;
            }
            assert_eq!(done, 3);
            assert_eq!(start.elapsed(), Duration::from_secs(3));
        })?;
        Ok(())
    }
}
