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
    use futures::stream::{self, StreamExt};
    use std::time::Duration;
    use tokio::time::sleep;

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

    /// A fetch of the quizzes' variants: `id` arrives after `millis`.
    async fn fetch_in(id: u64, millis: u64) -> u64 {
        sleep(Duration::from_millis(millis)).await;
        id
    }

    /// The quiz's variant: fetches of 0.4, 0.1 and 0.2 s, `buffer_unordered(3)`,
    /// arrive as they finish, 2, 3, 1; `buffered(3)` keeps the input order.
    #[test]
    fn three_at_a_time_pages_arrive_as_they_finish() -> xtask::proof::Result {
        let orders = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let pages = [(1, 400), (2, 100), (3, 200)];
            let unordered: Vec<u64> = stream::iter(pages)
                .map(|(id, millis)| fetch_in(id, millis))
                .buffer_unordered(3)
                .collect()
                .await;
            let ordered: Vec<u64> = stream::iter(pages)
                .map(|(id, millis)| fetch_in(id, millis))
                .buffered(3)
                .collect()
                .await;
            (unordered, ordered)
        })?;
        assert_eq!(orders.output, (vec![2, 3, 1], vec![1, 2, 3]));
        // Each way takes as long as the slowest fetch: 0.4 s + 0.4 s.
        assert_eq!(orders.elapsed, Duration::from_millis(800));
        Ok(())
    }

    /// The quiz's variant: jobs of 3, 1, 1 and 1 s, `buffer_unordered(2)`. A
    /// freed place is refilled at once: 3 s in all, no rounds.
    #[test]
    fn two_at_a_time_jobs_of_3_1_1_1_s_take_3_s() -> xtask::proof::Result {
        let jobs = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            stream::iter([(1, 3000), (2, 1000), (3, 1000), (4, 1000)])
                .map(|(id, millis)| fetch_in(id, millis))
                .buffer_unordered(2)
                .collect::<Vec<u64>>()
                .await
        })?;
        assert_eq!(jobs.output.len(), 4);
        assert_eq!(jobs.elapsed, Duration::from_secs(3));
        Ok(())
    }
}
