//! Predict four limits.
//!
//! Read the four functions of this file without running them, and write your
//! predictions in the constants at its top: times in milliseconds, counts and
//! positions. Then check: the check runs each function on tokio's paused
//! clock and compares. Where you were wrong, work out why before you change
//! your answer. Change only the constants, never the functions: the check
//! makes sure they behave as given.

use futures::StreamExt;
use futures::stream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{sleep, timeout};

/// `ten_jobs_four_permits`: how long does it take, in ms?
pub const FOUR_PERMITS_MS: u64 = 0; // TODO
/// `ten_jobs_four_permits`: how many jobs are in progress at once, at most?
pub const FOUR_PERMITS_PEAK: usize = 0; // TODO
/// `permit_behind_underscore`: how long does it take, in ms?
pub const UNDERSCORE_MS: u64 = 0; // TODO
/// `permit_behind_underscore`: how many jobs are in progress at once, at most?
pub const UNDERSCORE_PEAK: usize = 0; // TODO
/// `a_slow_job_first`: how long does it take, in ms?
pub const SLOW_FIRST_MS: u64 = 0; // TODO
/// `a_slow_job_first`: job 1's place in the results (1 for first, 5 for last)?
pub const SLOW_FIRST_JOB_1_PLACE: usize = 0; // TODO
/// `busy_server`: how many of the 8 requests are answered with no limit?
pub const NO_LIMIT_ANSWERED: usize = 99; // TODO
/// `busy_server`: how many are answered with a limit of 2?
pub const LIMIT_OF_2_ANSWERED: usize = 99; // TODO

/// Counts the jobs in progress, and remembers the most at once.
#[derive(Default)]
pub struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl InFlight {
    /// A job of `ms` milliseconds, counted while it runs.
    async fn job(&self, ms: u64) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        sleep(Duration::from_millis(ms)).await;
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}

/// Ten jobs of 1 s, a task each, under a semaphore of four permits.
pub async fn ten_jobs_four_permits(in_flight: Arc<InFlight>) {
    let limit = Arc::new(Semaphore::new(4));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (limit, in_flight) = (Arc::clone(&limit), Arc::clone(&in_flight));
        tasks.push(tokio::spawn(async move {
            let _permit = limit.acquire().await.expect("never closed");
            in_flight.job(1000).await;
        }));
    }
    for task in tasks {
        task.await.expect("a job does not panic");
    }
}

/// The same ten jobs, with the permit behind `let _ =`.
pub async fn permit_behind_underscore(in_flight: Arc<InFlight>) {
    let limit = Arc::new(Semaphore::new(4));
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (limit, in_flight) = (Arc::clone(&limit), Arc::clone(&in_flight));
        tasks.push(tokio::spawn(async move {
            let _ = limit.acquire().await.expect("never closed");
            in_flight.job(1000).await;
        }));
    }
    for task in tasks {
        task.await.expect("a job does not panic");
    }
}

/// Five jobs of 2.5 s, 1 s, 1 s, 1 s and 1 s, two at a time with
/// `buffer_unordered`; returns the jobs' numbers in the order of the results.
pub async fn a_slow_job_first() -> Vec<u32> {
    let jobs = [(1, 2500), (2, 1000), (3, 1000), (4, 1000), (5, 1000)];
    stream::iter(jobs)
        .map(|(id, ms)| async move {
            sleep(Duration::from_millis(ms)).await;
            id
        })
        .buffer_unordered(2)
        .collect()
        .await
}

/// A server with two workers: a request waits until a worker is free, then
/// takes it for 1 s. The client sends it 8 requests, each under a timeout of
/// 2.5 s, all at once or at most `limit` at a time; returns how many were
/// answered.
pub async fn busy_server(limit: Option<usize>) -> usize {
    let workers = Arc::new(Semaphore::new(2));
    let client_limit = Arc::new(Semaphore::new(limit.unwrap_or(8)));
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (workers, client_limit) = (Arc::clone(&workers), Arc::clone(&client_limit));
        tasks.push(tokio::spawn(async move {
            let _sending = client_limit.acquire().await.expect("never closed");
            let request = async {
                let _worker = workers.acquire().await.expect("never closed");
                sleep(Duration::from_secs(1)).await;
            };
            timeout(Duration::from_millis(2500), request).await.is_ok()
        }));
    }
    let mut answered = 0;
    for task in tasks {
        if task.await.expect("a request does not panic") {
            answered += 1;
        }
    }
    answered
}
