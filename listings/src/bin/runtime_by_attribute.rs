//! A small program whose runtime is started by `#[tokio::main]`.

use std::time::Duration;
use tokio::time::{Instant, sleep};

// ANCHOR: program
#[tokio::main]
async fn main() {
    run().await;
}

async fn run() -> u32 {
    let start = Instant::now();
    let (small, large) = tokio::join!(
        download(start, "small file", Duration::from_secs(1), 120),
        download(start, "large file", Duration::from_secs(2), 480),
    );
    log(start, &format!("downloaded {small} kB + {large} kB"));
    small + large
}

/// Stands in for a download: waits, then returns the size it got, in kB.
async fn download(start: Instant, label: &str, how_long: Duration, kb: u32) -> u32 {
    log(start, &format!("{label} started"));
    sleep(how_long).await;
    log(start, &format!("{label} finished"));
    kb
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
        assert_eq!(proof.output, 600);
        Ok(())
    }
}
