//! Two waits of 2 s, as futures awaited together with `join!`.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() {
    let start = Instant::now();
    // One future, polled by this task, that polls both waits until both are done.
    tokio::join!(
        wait(start, "first wait", Duration::from_secs(2)),
        wait(start, "second wait", Duration::from_secs(2)),
    );
    let took = start.elapsed().as_secs_f64();
    log(start, &format!("both waits took {took:.2}s"));
}

/// Waits without blocking: at `.await` on a timer that has not fired, the
/// future returns `Pending` and the thread is free for other work.
async fn wait(start: Instant, label: &str, how_long: Duration) {
    log(start, &format!("{label} started"));
    sleep(how_long).await;
    log(start, &format!("{label} finished"));
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
        // Both timers fire together; `join!` then polls the second wait first,
        // since it starts each poll one future further along.
        proof.assert_order(&["second wait finished", "first wait finished"])
    }
}
