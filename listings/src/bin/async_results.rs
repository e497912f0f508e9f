//! Two `async fn`s that return a `Result`, joined: values come back as a tuple.

use std::num::ParseIntError;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    let _results = run().await; // `run` has printed them
}

// ANCHOR: program
async fn run() -> (Result<u64, ParseIntError>, Result<u64, ParseIntError>) {
    let start = Instant::now();
    let (good, bad) = tokio::join!(nap(start, "3"), nap(start, "three"));
    log(start, &format!("good: {good:?}"));
    log(start, &format!("bad: {bad:?}"));
    (good, bad)
}

/// Reads a number of tenths of a second, then sleeps that long.
async fn nap(start: Instant, tenths: &str) -> Result<u64, ParseIntError> {
    let tenths: u64 = tenths.parse()?; // an error returns here, before any wait
    log(start, &format!("nap of {tenths} tenths started"));
    sleep(Duration::from_millis(100 * tenths)).await;
    log(start, &format!("nap of {tenths} tenths finished"));
    Ok(tenths)
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
    use super::nap;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let (good, bad) = proof.output;
        assert_eq!(good, Ok(3));
        assert!(bad.is_err());
        Ok(())
    }

    /// The quiz's variant: `"five"` fails at once, the good nap takes 500 ms.
    #[test]
    fn five_tenths_and_a_bad_input_take_500_ms() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let (good, bad) = tokio::join!(nap(start, "5"), nap(start, "five"));
            assert_eq!(good, Ok(5));
            assert!(bad.is_err());
            assert_eq!(start.elapsed(), Duration::from_millis(500));
        })?;
        Ok(())
    }
}
