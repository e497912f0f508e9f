//! Five fetches of different lengths: one at a time with `then`, then at
//! most two at a time with `buffer_unordered(2)`.

use futures::stream::{self, StreamExt};
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Duration, Duration, Vec<String>) {
    let start = Instant::now();
    let pages: Vec<String> =
        stream::iter(1..=5).then(|id| fetch(start, id)).collect().await;
    let one_by_one = start.elapsed();
    log(start, &format!("then: {} pages in {:.2}s", pages.len(), secs(one_by_one)));

    let started = Instant::now();
    let mut pages = stream::iter(1..=5).map(|id| fetch(start, id)).buffer_unordered(2);
    let mut arrived = Vec::new();
    while let Some(page) = pages.next().await {
        log(start, &format!("main: got {page}"));
        arrived.push(page);
    }
    let two_at_a_time = started.elapsed();
    log(start, &format!("buffer_unordered(2): took {:.2}s", secs(two_at_a_time)));
    (one_by_one, two_at_a_time, arrived)
}

/// Stands in for a request: page `id` takes its own time to arrive.
async fn fetch(start: Instant, id: u64) -> String {
    let millis = [500, 100, 300, 200, 300][id as usize - 1];
    log(start, &format!("page {id} started"));
    sleep(Duration::from_millis(millis)).await;
    log(start, &format!("page {id} finished"));
    format!("page {id}")
}
// ANCHOR_END: program

fn secs(duration: Duration) -> f64 {
    duration.as_secs_f64()
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
    use std::time::Duration;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let (one_by_one, two_at_a_time, arrived) = &proof.output;
        // One at a time: 0.5 + 0.1 + 0.3 + 0.2 + 0.3 = 1.4 s.
        assert_eq!(*one_by_one, Duration::from_millis(1400));
        // At most two at a time: 0.8 s, pages in the order they finished.
        assert_eq!(*two_at_a_time, Duration::from_millis(800));
        assert_eq!(*arrived, ["page 2", "page 3", "page 1", "page 4", "page 5"]);
        Ok(())
    }
}
