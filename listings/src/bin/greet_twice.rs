//! Greets two names, one after the other, each greeting taking 1 s.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() {
    let start = Instant::now();
    greet(start, "Alice").await;
    greet(start, "Bob").await;
    let took = start.elapsed().as_secs_f64();
    log(start, &format!("greeted both in {took:.2}s"));
}

async fn greet(start: Instant, name: &str) {
    log(start, &format!("greeting {name} started"));
    sleep(Duration::from_secs(1)).await;
    log(start, &format!("greeting {name} finished"));
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
    use super::greet;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        Ok(())
    }

    /// The quiz's variant: three greetings awaited in turn, 1 s + 1 s + 1 s.
    #[test]
    fn three_greetings_in_turn_take_3_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            greet(start, "A").await;
            greet(start, "B").await;
            greet(start, "C").await;
            assert_eq!(start.elapsed(), Duration::from_secs(3));
        })?;
        Ok(())
    }
}
