//! Build a runtime by hand, with `Builder` and `block_on`.
//!
//! `main_by_hand` is a plain function that does what `#[tokio::main]` does: it
//! builds a runtime and runs `run()` on it to the end. This program wants a
//! multi-thread runtime with exactly 3 worker threads named "downloader", and
//! timers. `Runtime::new()` chooses all of that for you: build the runtime
//! with `tokio::runtime::Builder` instead, and return what `run()` returns.

use std::time::Duration;
use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::time::sleep;

/// What `run` saw of the runtime it ran on.
#[derive(Debug)]
pub struct Report {
    /// The kilobytes downloaded.
    pub total_kb: u32,
    pub flavor: RuntimeFlavor,
    pub workers: usize,
    /// The names of the threads the two downloads ran on.
    pub task_threads: Vec<String>,
}

/// Builds a runtime and runs `run()` on it, like `#[tokio::main]`.
pub fn main_by_hand() -> std::io::Result<Report> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(3)
        .thread_name("downloader")
        // The timer and I/O drivers: without them, the first `sleep` panics.
        .enable_all()
        .build()?; // starting the runtime may fail: an `io::Error`
    // Blocks this thread until `run()`'s future completes; `run()` itself is
    // polled here, on the calling thread, and the tasks it spawns on the
    // workers. The runtime shuts down when `runtime` is dropped.
    Ok(runtime.block_on(run()))
}

// The program itself, unchanged: two downloads, spawned as tasks.

pub async fn run() -> Report {
    let runtime = Handle::current();
    let small = tokio::spawn(download(Duration::from_millis(100), 120));
    let large = tokio::spawn(download(Duration::from_millis(200), 480));
    let (small_kb, small_thread) = small.await.expect("the small download");
    let (large_kb, large_thread) = large.await.expect("the large download");
    Report {
        total_kb: small_kb + large_kb,
        flavor: runtime.runtime_flavor(),
        workers: runtime.metrics().num_workers(),
        task_threads: vec![small_thread, large_thread],
    }
}

/// Stands in for a download: waits, then returns the size it got, in kB, and
/// the name of the thread it finished on.
async fn download(how_long: Duration, kb: u32) -> (u32, String) {
    sleep(how_long).await;
    let thread = std::thread::current().name().unwrap_or("(no name)").to_string();
    (kb, thread)
}
