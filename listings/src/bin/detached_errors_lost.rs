//! Three jobs spawned as tasks whose handles are dropped at once: one
//! succeeds, one returns an error, one panics.

use std::time::Duration;
use tokio::time::{Instant, sleep};

// One thread, so that the panic message is the same on every run.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() {
    let start = Instant::now();
    for id in 1..=3 {
        tokio::spawn(resize_image(start, id)); // the handle is dropped: detached
    }
    sleep(Duration::from_secs(1)).await; // main goes on with its own work
    log(start, "main: its own work is done");
}

/// Stands in for a job that can fail: image 2 is missing, image 3 hits a bug.
async fn resize_image(start: Instant, id: u64) -> Result<u64, String> {
    log(start, &format!("job {id}: begun"));
    sleep(Duration::from_millis(200 * id)).await;
    match id {
        2 => return Err(format!("image {id}: file not found")),
        3 => panic!("image {id}: width is zero"),
        _ => {}
    }
    log(start, &format!("job {id}: done"));
    Ok(id * 100)
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
        // Job 1 reports itself; nothing on stdout mentions job 2's error.
        assert!(proof.lines.iter().any(|line| line.contains("job 1: done")));
        assert!(!proof.lines.iter().any(|line| line.contains("not found")));
        assert!(!proof.lines.iter().any(|line| line.contains("job 2: done")));
        Ok(())
    }
}
