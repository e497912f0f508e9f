//! Three tasks that sleep 2 s, 1 s and 3 s, spawned, then awaited in turn.

use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<u64> {
    let start = Instant::now();
    let handles: Vec<JoinHandle<u64>> =
        [2, 1, 3].into_iter().map(|secs| tokio::spawn(nap(start, secs))).collect();
    let mut results = Vec::new();
    for handle in handles {
        let slept = handle.await.expect("no task panics");
        log(start, &format!("main: got the result of the {slept} s task"));
        results.push(slept);
    }
    results
}

async fn nap(start: Instant, secs: u64) -> u64 {
    log(start, &format!("{secs} s task started"));
    sleep(Duration::from_secs(secs)).await;
    log(start, &format!("{secs} s task finished"));
    secs
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
    use super::nap;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Results come in the order the handles are awaited: spawn order.
        assert_eq!(proof.output, [2, 1, 3]);
        // At 2 s, main gets the 2 s task's result, then at once the 1 s
        // task's, which has been waiting in its handle since 1 s.
        proof.assert_order(&[
            "2 s task finished",
            "result of the 2 s task",
            "result of the 1 s task",
        ])
    }

    /// The quiz's variant: tasks of 1 s, 4 s and 2 s, spawned, then awaited in
    /// turn, take as long as the slowest, 4 s.
    #[test]
    fn spawned_first_the_sleeps_overlap() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let handles: Vec<_> = [1, 4, 2]
                .into_iter()
                .map(|secs| tokio::spawn(nap(start, secs)))
                .collect();
            for handle in handles {
                handle.await.expect("no task panics");
            }
            assert_eq!(start.elapsed(), Duration::from_secs(4));
        })?;
        Ok(())
    }

    /// The page's warning and the quiz: spawning and awaiting in the same loop
    /// runs one task at a time, 2 + 1 + 3 = 6 s and 1 + 4 + 2 = 7 s.
    #[test]
    fn spawned_and_awaited_in_one_loop_the_sleeps_add_up() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            for (sleeps, total) in [([2, 1, 3], 6), ([1, 4, 2], 7)] {
                let start = Instant::now();
                for secs in sleeps {
                    tokio::spawn(nap(start, secs)).await.expect("no task panics");
                }
                assert_eq!(start.elapsed(), Duration::from_secs(total));
            }
        })?;
        Ok(())
    }
}
