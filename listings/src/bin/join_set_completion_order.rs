//! Three fetches of 3 s, 1 s and 2 s in a `JoinSet`, collected as they finish.

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<String> {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for (id, secs) in [(1, 3), (2, 1), (3, 2)] {
        set.spawn(fetch(start, id, Duration::from_secs(secs)));
    }
    let mut pages = Vec::new();
    while let Some(result) = set.join_next().await {
        let page = result.expect("no task panics");
        log(start, &format!("main: got {page}"));
        pages.push(page);
    }
    pages
}

/// Stands in for a request that takes `delay` to answer.
async fn fetch(start: Instant, id: u32, delay: Duration) -> String {
    log(start, &format!("fetch {id} started"));
    sleep(delay).await;
    log(start, &format!("fetch {id} finished"));
    format!("page {id}")
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
    use super::fetch;
    use std::time::Duration;
    use tokio::task::JoinSet;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // In the order the tasks finished, not the order they were spawned.
        assert_eq!(proof.output, ["page 2", "page 3", "page 1"]);
        Ok(())
    }

    /// The quiz's variant: fetches of 2 s, 3 s and 1 s, spawned in that order,
    /// come out as the 1 s, the 2 s, then the 3 s fetch.
    #[test]
    fn fetches_of_2_3_and_1_s_come_out_shortest_first() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let mut set = JoinSet::new();
            for (id, secs) in [(1, 2), (2, 3), (3, 1)] {
                set.spawn(fetch(start, id, Duration::from_secs(secs)));
            }
            let mut pages = Vec::new();
            while let Some(result) = set.join_next().await {
                pages.push(result.expect("no task panics"));
            }
            assert_eq!(pages, ["page 3", "page 1", "page 2"]);
        })?;
        Ok(())
    }
}
