//! Twenty downloads of 1 s each, spawned at once, with a `Semaphore` that lets
//! at most five of them run at a time.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (usize, usize) {
    let start = Instant::now();
    let limit = Arc::new(Semaphore::new(5));
    let in_flight = Arc::new(InFlight::default());
    let mut jobs = JoinSet::new();
    for id in 1..=20 {
        let limit = Arc::clone(&limit);
        let in_flight = Arc::clone(&in_flight);
        jobs.spawn(async move {
            let _permit = limit.acquire().await.expect("the semaphore is never closed");
            download(start, &in_flight, id).await
            // `_permit` is dropped here: another job may start
        });
    }
    let (mut count, mut bytes) = (0, 0);
    while let Some(done) = jobs.join_next().await {
        bytes += done.expect("no download panics");
        count += 1;
    }
    let peak = in_flight.peak();
    log(start, &format!("{count} downloads, {bytes} bytes, at most {peak} at once"));
    (count, peak)
}

/// Stands in for a download of 1 s, and notes that it is in flight meanwhile.
async fn download(start: Instant, in_flight: &InFlight, id: usize) -> usize {
    let slot = in_flight.enter();
    log(start, &format!("slot {slot} started"));
    sleep(Duration::from_secs(1)).await;
    log(start, &format!("slot {slot} finished"));
    in_flight.leave(slot);
    id * 1000
}
// ANCHOR_END: program

// ANCHOR: in_flight
/// Counts the jobs in flight and remembers the most there ever were at once.
/// Each job gets the lowest slot number free (its row on the timeline).
#[derive(Default)]
struct InFlight(Mutex<(Vec<bool>, usize)>);

impl InFlight {
    fn enter(&self) -> usize {
        let mut state = self.0.lock().expect("never poisoned");
        let (taken, peak) = &mut *state;
        let slot = taken.iter().position(|taken| !taken).unwrap_or(taken.len());
        if slot == taken.len() {
            taken.push(true);
        } else {
            taken[slot] = true;
        }
        *peak = (*peak).max(taken.iter().filter(|taken| **taken).count());
        slot + 1
    }

    fn leave(&self, slot: usize) {
        self.0.lock().expect("never poisoned").0[slot - 1] = false;
    }

    fn peak(&self) -> usize {
        self.0.lock().expect("never poisoned").1
    }
}
// ANCHOR_END: in_flight

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::{InFlight, download};
    use std::sync::Arc;
    use std::time::Duration;
    use tokio::sync::Semaphore;
    use tokio::task::JoinSet;
    use tokio::time::{Instant, sleep};

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // All twenty done, and never more than five in flight: exactly five.
        assert_eq!(proof.output, (20, 5));
        Ok(())
    }

    /// The quiz's variant: twelve jobs of 2 s, spawned at once, each taking a
    /// permit of `Semaphore::new(4)`: 12 / 4 = 3 rounds × 2 s = 6 s.
    #[test]
    fn twelve_jobs_of_2_s_four_at_a_time_take_6_s() -> xtask::proof::Result {
        let peak = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let limit = Arc::new(Semaphore::new(4));
            let in_flight = Arc::new(InFlight::default());
            let mut jobs = JoinSet::new();
            for _ in 1..=12 {
                let limit = Arc::clone(&limit);
                let in_flight = Arc::clone(&in_flight);
                jobs.spawn(async move {
                    let _permit = limit.acquire().await.expect("never closed");
                    let slot = in_flight.enter();
                    sleep(Duration::from_secs(2)).await;
                    in_flight.leave(slot);
                });
            }
            jobs.join_all().await;
            in_flight.peak()
        })?;
        assert_eq!(peak.output, 4);
        assert_eq!(peak.elapsed, Duration::from_secs(6));
        Ok(())
    }

    /// The quiz's variant: `let _ =` drops the permit at once, so the twenty
    /// downloads of 1 s all run together: 1 s, twenty in flight.
    #[test]
    fn a_permit_bound_to_underscore_limits_nothing() -> xtask::proof::Result {
        let peak = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let limit = Arc::new(Semaphore::new(5));
            let in_flight = Arc::new(InFlight::default());
            let mut jobs = JoinSet::new();
            for id in 1..=20 {
                let limit = Arc::clone(&limit);
                let in_flight = Arc::clone(&in_flight);
                jobs.spawn(async move {
                    let _ = limit.acquire().await.unwrap();
                    download(start, &in_flight, id).await
                });
            }
            jobs.join_all().await;
            in_flight.peak()
        })?;
        assert_eq!(peak.output, 20);
        assert_eq!(peak.elapsed, Duration::from_secs(1));
        Ok(())
    }
}
