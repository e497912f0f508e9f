//! Find the jobs a select! loop loses.
//!
//! `upload_all` takes jobs from a channel and uploads each one, which takes
//! 300 ms, while a status line is due every 400 ms. With five jobs waiting,
//! only three get uploaded, and nothing panics. Find where the other two go,
//! and fix the loop so that every job is uploaded, in order, while the status
//! lines still come on time: at 400, 800 and 1200 ms.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, interval_at, sleep};

/// What `upload_all` did.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    /// The jobs uploaded, in the order they were done.
    pub uploaded: Vec<u32>,
    /// When each status line was written, in ms since the start.
    pub status_at: Vec<u64>,
}

/// Stands in for an upload: 300 ms.
pub async fn upload(_job: u32) {
    sleep(Duration::from_millis(300)).await;
}

/// Takes the next job from the channel and uploads it; `None` once the
/// channel is empty and closed.
async fn next_upload(jobs: &mut mpsc::Receiver<u32>) -> Option<u32> {
    let job = jobs.recv().await?;
    upload(job).await;
    Some(job)
}

/// Uploads every job of the channel, and writes a status line every 400 ms
/// while it works.
pub async fn upload_all(mut jobs: mpsc::Receiver<u32>) -> Report {
    let start = Instant::now();
    let period = Duration::from_millis(400);
    let mut status = interval_at(start + period, period);
    let mut report = Report::default();
    loop {
        // TODO: some jobs are taken from the channel and never uploaded.
        tokio::select! {
            uploaded = next_upload(&mut jobs) => match uploaded {
                Some(job) => report.uploaded.push(job),
                None => break,
            },
            _ = status.tick() => report.status_at.push(start.elapsed().as_millis() as u64),
        }
    }
    report
}
