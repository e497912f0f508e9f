//! A 5 s operation under a 2 s timeout, with a guard that reports when it is dropped.

use std::time::Duration;
use tokio::time::error::Elapsed;
use tokio::time::{Instant, sleep, timeout};

#[tokio::main]
async fn main() {
    let _ = run().await;
}

// ANCHOR: program
async fn run() -> Result<String, Elapsed> {
    let start = Instant::now();
    log(start, "timeout started");
    let result = timeout(Duration::from_secs(2), slow_report(start)).await;
    log(start, "timeout finished");
    match &result {
        Ok(report) => log(start, &format!("main: got {report}")),
        Err(elapsed) => log(start, &format!("main: Err({elapsed:?}), \"{elapsed}\"")),
    }
    result
}

/// Needs 5 s to write its report.
async fn slow_report(start: Instant) -> String {
    let _guard = Guard { start };
    log(start, "slow report: working, needs 5 s");
    sleep(Duration::from_secs(5)).await;
    log(start, "slow report: done");
    String::from("the report")
}

/// Stands in for something to clean up: a connection, a temporary file.
struct Guard {
    start: Instant,
}

impl Drop for Guard {
    fn drop(&mut self) {
        log(self.start, "slow report: guard dropped, cleaning up");
    }
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
    use super::slow_report;
    use std::time::Duration;
    use tokio::time::{Instant, timeout};

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        assert!(proof.output.is_err(), "the timeout gives Err(Elapsed)");
        // The inner future was dropped: its guard cleaned up before `timeout`
        // came back, and its last line never ran.
        proof.assert_order(&["guard dropped", "timeout finished", "main: Err"])?;
        assert!(!proof.lines.iter().any(|l| l.contains("slow report: done")));
        Ok(())
    }

    /// The quiz's variant: the 5 s report under a 3 s timeout. `Err(Elapsed)`
    /// at 3 s; the report is dropped there, so its guard cleans up at 3 s and
    /// its last line, `done`, never prints.
    #[test]
    fn a_3_s_timeout_gives_up_at_3_s() -> xtask::proof::Result {
        let variant = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            timeout(Duration::from_secs(3), slow_report(start)).await
        })?;
        assert!(variant.output.is_err(), "{:?}", variant.output);
        assert_eq!(variant.elapsed, Duration::from_secs(3));
        assert_eq!(
            variant.lines,
            [
                "[ 0.00s] slow report: working, needs 5 s",
                "[ 3.00s] slow report: guard dropped, cleaning up",
            ],
            "the guard cleans up at 3 s, and `done` never prints"
        );
        Ok(())
    }
}
