//! Find the jobs a select! loop loses.
//!
//! `upload_all` takes jobs from a channel and uploads each one, which takes
//! 300 ms, while a status line is due every 400 ms. With five jobs waiting,
//! only three get uploaded, and nothing panics. Find where the other two go,
//! and fix the loop so that every job is uploaded, in order, while the status
//! lines still come on time: at 400, 800 and 1200 ms.

use std::pin::pin;
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
/// channel is empty and closed. It owns the receiver and hands it back, so
/// that the next call can take it over.
///
/// Not cancel safe: dropped during `upload`, it loses the job it took.
async fn next_upload(
    mut jobs: mpsc::Receiver<u32>,
) -> (Option<u32>, mpsc::Receiver<u32>) {
    let Some(job) = jobs.recv().await else { return (None, jobs) };
    upload(job).await;
    (Some(job), jobs)
}

/// Uploads every job of the channel, and writes a status line every 400 ms
/// while it works.
pub async fn upload_all(jobs: mpsc::Receiver<u32>) -> Report {
    let start = Instant::now();
    let period = Duration::from_millis(400);
    let mut status = interval_at(start + period, period);
    let mut report = Report::default();
    // The bug: a new `next_upload` was made on every round, and when the
    // status tick won, `select!` dropped the old one in its `upload`, with the
    // job it had taken. Now one future is made before the loop, and `select!`
    // polls it through `&mut`: a tick drops the reference, not the upload,
    // which carries on in the next round.
    let mut in_flight = pin!(next_upload(jobs));
    loop {
        tokio::select! {
            (uploaded, jobs) = &mut in_flight => match uploaded {
                Some(job) => {
                    report.uploaded.push(job);
                    in_flight.set(next_upload(jobs)); // the next job
                }
                None => break,
            },
            _ = status.tick() => report.status_at.push(start.elapsed().as_millis() as u64),
        }
    }
    report
}
