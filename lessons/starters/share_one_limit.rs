//! Find why the limit of three uploads does not hold.
//!
//! The storage allows this client `LIMIT` uploads at once, 3, whatever they
//! are. `sync_all` uploads four photos (1 s each) and two videos (2 s each),
//! two batches that run together, and each batch puts its uploads under a
//! `Semaphore` of `LIMIT` permits. Yet the storage sees more than three at
//! once. Find why, and fix it so that at most `LIMIT` uploads of either batch
//! are in progress at any moment. Leave `Storage` as it is: it only measures.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::sleep;

/// How many uploads the storage allows at once, all batches together.
pub const LIMIT: usize = 3;

/// Stands in for the storage: it counts the uploads in progress, and
/// remembers the most there ever were at once.
#[derive(Debug, Default)]
pub struct Storage {
    /// (in progress now, the peak)
    counts: Mutex<(usize, usize)>,
}

impl Storage {
    /// The most uploads that were ever in progress at once.
    pub fn peak(&self) -> usize {
        self.counts.lock().unwrap().1
    }

    /// Uploads `name`, which takes `seconds`.
    pub async fn upload(&self, name: String, seconds: u64) -> String {
        {
            let mut counts = self.counts.lock().unwrap();
            counts.0 += 1;
            counts.1 = counts.1.max(counts.0);
        }
        sleep(Duration::from_secs(seconds)).await;
        self.counts.lock().unwrap().0 -= 1;
        format!("{name} uploaded")
    }
}

/// Uploads both batches, together; returns the photos' results, then the
/// videos'.
pub async fn sync_all(storage: Arc<Storage>) -> Vec<String> {
    let (photos, videos) = tokio::join!(
        upload_batch(Arc::clone(&storage), "photo", 4, 1),
        upload_batch(Arc::clone(&storage), "video", 2, 2),
    );
    photos.into_iter().chain(videos).collect()
}

/// Uploads `count` files named `kind 1`, `kind 2`, ..., of `seconds` each,
/// a task per file; returns the results in order.
// TODO: at most LIMIT uploads at once, for both batches together.
async fn upload_batch(
    storage: Arc<Storage>,
    kind: &str,
    count: u32,
    seconds: u64,
) -> Vec<String> {
    let limit = Arc::new(Semaphore::new(LIMIT));
    let mut tasks = Vec::new();
    for n in 1..=count {
        let (storage, limit) = (Arc::clone(&storage), Arc::clone(&limit));
        let name = format!("{kind} {n}");
        tasks.push(tokio::spawn(async move {
            let _permit = limit.acquire().await.expect("the semaphore is never closed");
            storage.upload(name, seconds).await
        }));
    }
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("an upload does not panic"));
    }
    results
}
