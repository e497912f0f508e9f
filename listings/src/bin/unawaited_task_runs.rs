//! Two tasks whose handles nobody keeps, and a `main` that returns after 2 s.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() {
    let start = Instant::now();
    // The handles are dropped at once: nobody will await these tasks.
    tokio::spawn(chore(start, "short chore", Duration::from_secs(1)));
    tokio::spawn(chore(start, "long chore", Duration::from_secs(3)));
    sleep(Duration::from_secs(2)).await;
    log(start, "main: returning");
}

async fn chore(start: Instant, label: &str, how_long: Duration) {
    log(start, &format!("{label}: begun"));
    sleep(how_long).await;
    log(start, &format!("{label}: done"));
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
        assert!(proof.lines.iter().any(|l| l.contains("short chore: done")));
        // The runtime stops with `run`, and the long chore with it.
        assert!(!proof.lines.iter().any(|l| l.contains("long chore: done")));
        Ok(())
    }
}
