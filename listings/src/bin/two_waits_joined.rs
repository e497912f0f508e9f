//! The same two waits of 2 s, as futures awaited together: the Rust version
//! of `asyncio.gather(asyncio.sleep(2), asyncio.sleep(2))`.

// ANCHOR: program
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

async fn run() {
    let start = Instant::now();
    // `join!` polls both futures until both are done.
    tokio::join!(
        wait(start, "first wait", Duration::from_secs(2)),
        wait(start, "second wait", Duration::from_secs(2)),
    );
    let took = start.elapsed().as_secs_f64();
    log(start, &format!("both waits took {took:.2}s"));
}

/// Waits without blocking: `.await` hands the thread back to the runtime,
/// which can poll other futures until the timer fires.
async fn wait(start: Instant, label: &str, how_long: Duration) {
    log(start, &format!("{label} started"));
    sleep(how_long).await;
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
