//! Two waits of 2 s joined with `join!`, but each waits with a blocking sleep.

use std::time::Duration;
use tokio::time::Instant;

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() {
    let start = Instant::now();
    tokio::join!(
        wait(start, "first wait", Duration::from_secs(2)),
        wait(start, "second wait", Duration::from_secs(2)),
    );
    let took = start.elapsed().as_secs_f64();
    log(start, &format!("both waits took {took:.2}s"));
}

/// An `async fn` that blocks: it never reaches an `.await`, so it never
/// hands the thread back while it sleeps.
async fn wait(start: Instant, label: &str, how_long: Duration) {
    log(start, &format!("{label} started"));
    thread::sleep(how_long); // a blocking call inside async code
    log(start, &format!("{label} finished"));
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(not(test))]
use std::thread;
// On the paused clock of the tests, a real sleep would not move tokio's clock:
// there a stand-in moves the clock forward while holding the thread.
#[cfg(test)]
use xtask::println;
#[cfg(test)]
use xtask::proof::blocking as thread;

#[cfg(test)]
mod tests {
    #[test]
    fn proof() -> xtask::proof::Result {
        xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        Ok(())
    }
}
