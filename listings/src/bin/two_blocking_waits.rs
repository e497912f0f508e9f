//! Two waits of 2 s each, one after the other, each blocking the thread.

use std::time::Duration;
use tokio::time::Instant;

// ANCHOR: program
fn main() {
    let start = Instant::now();
    wait_blocking(start, "first wait", Duration::from_secs(2));
    wait_blocking(start, "second wait", Duration::from_secs(2));
    let took = start.elapsed().as_secs_f64();
    log(start, &format!("both waits took {took:.2}s"));
}

/// Waits the way `std::thread::sleep` does: the whole thread stops, and
/// nothing else can run on it until the time is up.
fn wait_blocking(start: Instant, label: &str, how_long: Duration) {
    log(start, &format!("{label} started"));
    thread::sleep(how_long);
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
        xtask::proof::paused_blocking(env!("CARGO_BIN_NAME"), super::main)?;
        Ok(())
    }
}
