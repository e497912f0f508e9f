//! The same three jobs, spawned into a `JoinSet`: every outcome is looked at.

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

// One thread, so that the panic message is the same on every run.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (usize, usize) {
    let start = Instant::now();
    let mut jobs = JoinSet::new();
    for id in 1..=3 {
        jobs.spawn(resize_image(start, id));
    }
    let (mut succeeded, mut failed) = (0, 0);
    while let Some(outcome) = jobs.join_next().await {
        match outcome {
            Ok(Ok(_size)) => succeeded += 1,
            Ok(Err(error)) => {
                failed += 1;
                log(start, &format!("main: a job failed: {error}"));
            }
            Err(_) => {
                failed += 1; // nothing aborts these tasks: a `JoinError` is a panic
                log(start, "main: a job panicked");
            }
        }
    }
    log(start, &format!("main: {succeeded} succeeded, {failed} failed"));
    (succeeded, failed)
}
// ANCHOR_END: program

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
        // The error and the panic both reach main, as they happen: the error
        // at 0.40 s, the panic at 0.60 s, when the last job ends and so does
        // main.
        assert_eq!(proof.output, (1, 2));
        for line in [
            "[ 0.40s] main: a job failed: image 2: file not found",
            "[ 0.60s] main: a job panicked",
            "[ 0.60s] main: 1 succeeded, 2 failed",
        ] {
            assert!(proof.lines.iter().any(|printed| printed == line), "{line}");
        }
        assert_eq!(proof.elapsed, std::time::Duration::from_millis(600));
        proof.assert_order(&["main: a job failed: image 2", "main: a job panicked"])
    }
}
