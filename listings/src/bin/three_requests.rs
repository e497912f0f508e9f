//! Three simulated requests of 200 ms each: first one after another, then
//! all three at once. Like `requests.get` in a loop versus aiohttp with `gather`.

// ANCHOR: program
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

async fn run() {
    let start = Instant::now();
    for id in 1..=3 {
        fake_request(start, &format!("sequential request {id}")).await;
    }
    let sequential = start.elapsed().as_secs_f64();
    log(start, &format!("sequential: 3 requests took {sequential:.2}s"));

    tokio::join!(
        fake_request(start, "concurrent request 1"),
        fake_request(start, "concurrent request 2"),
        fake_request(start, "concurrent request 3"),
    );
    let concurrent = start.elapsed().as_secs_f64() - sequential;
    log(start, &format!("concurrent: 3 requests took {concurrent:.2}s"));
}

/// Stands in for an HTTP request: 200 ms of waiting for the network.
async fn fake_request(start: Instant, label: &str) {
    log(start, &format!("{label} started"));
    sleep(Duration::from_millis(200)).await;
    log(start, &format!("{label} finished"));
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}
// ANCHOR_END: program

#[cfg(test)]
mod tests {
    #[tokio::test(start_paused = true)]
    async fn takes_the_claimed_time() {
        xtask::paused::assert_takes_claimed_time(env!("CARGO_BIN_NAME"), super::run())
            .await;
    }
}
