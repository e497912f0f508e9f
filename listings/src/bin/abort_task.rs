//! A download of three 1 s chunks, aborted after 1.5 s.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> bool {
    let start = Instant::now();
    let download = tokio::spawn(async move {
        for chunk in 1..=3 {
            sleep(Duration::from_secs(1)).await;
            log(start, &format!("download: chunk {chunk} of 3"));
        }
        log(start, "download: complete");
    });
    sleep(Duration::from_millis(1500)).await;
    download.abort();
    log(start, "main: abort() called");
    let error = download.await.expect_err("an aborted task does not complete");
    log(start, &format!("main: is_cancelled() = {}", error.is_cancelled()));
    error.is_cancelled()
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
        assert!(proof.output, "awaiting the aborted task gives a cancelled JoinError");
        // The task was dropped in its second sleep: no chunk 2, no last line.
        assert!(!proof.lines.iter().any(|l| l.contains("chunk 2")));
        assert!(!proof.lines.iter().any(|l| l.contains("download: complete")));
        Ok(())
    }
}
