//! Three greetings of 2 s, 1 s and 1.5 s, joined.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> [String; 3] {
    let start = Instant::now();
    let (a, b, c) = tokio::join!(
        greet(start, "Ferris", Duration::from_secs(2)),
        greet(start, "Corro", Duration::from_secs(1)),
        greet(start, "Ada", Duration::from_millis(1500)),
    );
    log(start, &format!("{a} {b} {c}"));
    [a, b, c]
}

async fn greet(start: Instant, name: &str, delay: Duration) -> String {
    log(start, &format!("greeting {name} started"));
    sleep(delay).await;
    log(start, &format!("greeting {name} finished"));
    format!("Hello, {name}!")
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
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // `join!` hands back the values in the order it was given the futures.
        assert_eq!(proof.output, ["Hello, Ferris!", "Hello, Corro!", "Hello, Ada!"]);
        Ok(())
    }

    /// The page: spawned as tasks instead, the greetings take the same 2 s.
    #[test]
    fn spawned_the_greetings_take_the_same_2_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let handles =
                [("Ferris", 2000), ("Corro", 1000), ("Ada", 1500)].map(|(name, ms)| {
                    tokio::spawn(greet(start, name, Duration::from_millis(ms)))
                });
            for handle in handles {
                handle.await.expect("no task panics");
            }
            assert_eq!(start.elapsed(), Duration::from_secs(2));
        })?;
        Ok(())
    }
}
