//! Let at most three downloads run at once.
//!
//! The server allows each client `LIMIT` downloads at once, 3. `download_all`
//! spawns a task per download and starts them all at once, 10 of them. Put a
//! limit in it with a `tokio::sync::Semaphore`, so that at most `LIMIT`
//! downloads are in progress at any moment, and a new one starts as soon as
//! one is done. Keep the results in the order of `jobs`. Leave `Server` as it
//! is: it only measures.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::sleep;

/// How many downloads may be in progress at once.
pub const LIMIT: usize = 3;

/// Stands in for the server: it counts the downloads in progress, and
/// remembers the most there ever were at once.
#[derive(Debug, Default)]
pub struct Server {
    /// (in progress now, the peak)
    counts: Mutex<(usize, usize)>,
}

impl Server {
    /// The most downloads that were ever in progress at once.
    pub fn peak(&self) -> usize {
        self.counts.lock().unwrap().1
    }

    /// Downloads file `id`, which takes `seconds`.
    pub async fn download(&self, id: u32, seconds: u64) -> String {
        {
            let mut counts = self.counts.lock().unwrap();
            counts.0 += 1;
            counts.1 = counts.1.max(counts.0);
        }
        sleep(Duration::from_secs(seconds)).await;
        self.counts.lock().unwrap().0 -= 1;
        format!("file {id}")
    }
}

/// Downloads every `(id, seconds)` of `jobs`, at most `LIMIT` at once, and
/// returns the results in the order of `jobs`.
///
/// Every task still starts at once, but first waits for one of `LIMIT`
/// permits; the permit, named `_permit` to live to the end of the block, goes
/// back to the semaphore when the download is done, and the task that has
/// waited longest takes it.
pub async fn download_all(server: Arc<Server>, jobs: Vec<(u32, u64)>) -> Vec<String> {
    let limit = Arc::new(Semaphore::new(LIMIT));
    let mut tasks = Vec::new();
    for (id, seconds) in jobs {
        let (server, limit) = (Arc::clone(&server), Arc::clone(&limit));
        tasks.push(tokio::spawn(async move {
            let _permit = limit.acquire().await.expect("the semaphore is never closed");
            server.download(id, seconds).await
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("a download does not panic"));
    }
    results
}
