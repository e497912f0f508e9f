//! A guard that says when it is released, on four ways out of a function:
//! its end, an early `return`, an error passed on with `?`, and a panic.

use std::num::ParseIntError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: guard
/// How many guards were released.
static RELEASES: AtomicUsize = AtomicUsize::new(0);

/// Stands in for anything that must be given back: a lock, a temporary file.
struct Guard {
    label: &'static str,
    start: Instant,
}

impl Guard {
    fn acquire(start: Instant, label: &'static str) -> Guard {
        log(start, &format!("{label}: guard acquired"));
        Guard { label, start }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        RELEASES.fetch_add(1, Ordering::SeqCst);
        log(self.start, &format!("{}: guard released", self.label));
    }
}
// ANCHOR_END: guard

// ANCHOR: program
/// Divides 100 by the number in `input`, holding a guard while it works.
async fn share(
    start: Instant,
    label: &'static str,
    input: &'static str,
) -> Result<u32, ParseIntError> {
    let _guard = Guard::acquire(start, label);
    sleep(Duration::from_millis(100)).await;
    if input.is_empty() {
        log(start, &format!("{label}: no input, returning early"));
        return Ok(0);
    }
    let n: u32 = input.parse()?; // not a number: returns the error from here
    let share = 100 / n; // zero: panics here
    log(start, &format!("{label}: 100 / {n} = {share}"));
    Ok(share)
}

async fn run() -> usize {
    let start = Instant::now();
    let cases = [("normal end", "20"), ("early return", ""), ("error", "forty")];
    for (label, input) in cases {
        let result = share(start, label, input).await;
        log(start, &format!("main: {label} gave {result:?}"));
    }
    let task = tokio::spawn(share(start, "panic", "0"));
    let panicked = task.await.expect_err("dividing by zero panics").is_panic();
    log(start, &format!("main: panic gave a JoinError, is_panic() = {panicked}"));
    RELEASES.load(Ordering::SeqCst)
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
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Each way out released the guard before the caller saw the outcome.
        proof.assert_order(&[
            "normal end: 100 / 20 = 5",
            "normal end: guard released",
            "main: normal end gave",
            "early return: no input, returning early",
            "early return: guard released",
            "main: early return gave",
            "error: guard acquired",
            "error: guard released",
            "main: error gave",
            "panic: guard acquired",
            "panic: guard released",
            "main: panic gave",
        ])?;
        // Nothing after `?` or after the panic ran.
        assert!(!proof.lines.iter().any(|l| l.contains("error: 100")));
        assert!(!proof.lines.iter().any(|l| l.contains("panic: 100")));
        // One release per way out: four in all.
        assert_eq!(proof.output, 4);
        Ok(())
    }
}
