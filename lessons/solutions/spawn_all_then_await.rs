//! Spawn every download, then await them all.
//!
//! `download_all` runs each download as a task, and a download takes the
//! number of seconds it is given. As written, it awaits each task before it
//! spawns the next one, so downloads of 2 s, 1 s and 3 s take 6 s. Make them
//! overlap, so that they take 3 s (the longest), and keep the results in the
//! order of the list.

use std::time::Duration;
use tokio::time::sleep;

/// Stands in for a download that takes `secs` seconds.
pub async fn download(name: &'static str, secs: u64) -> String {
    sleep(Duration::from_secs(secs)).await;
    format!("{name}: {} kB", secs * 100)
}

/// Downloads every file, and returns the results in the order of `files`.
pub async fn download_all(files: Vec<(&'static str, u64)>) -> Vec<String> {
    // Spawn them all first: every task starts now, without waiting for anyone
    // to await it.
    let handles: Vec<_> = files
        .into_iter()
        .map(|(name, secs)| tokio::spawn(download(name, secs)))
        .collect();
    // Then await the handles in the order of the list. While we wait for a
    // slow one, the others run on; a result that is ready early waits in its
    // handle. In all, as long as the slowest download.
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("a download does not panic"));
    }
    results
}
