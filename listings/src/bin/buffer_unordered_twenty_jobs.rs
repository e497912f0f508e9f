//! Twenty downloads of 1 s each, as a stream, at most five at a time with
//! `buffer_unordered(5)`.

use futures::stream::{self, StreamExt};
use std::sync::Mutex;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (usize, usize) {
    let start = Instant::now();
    let in_flight = InFlight::default();
    let sizes: Vec<usize> = stream::iter(1..=20)
        .map(|id| download(start, &in_flight, id))
        .buffer_unordered(5)
        .collect()
        .await;
    let (count, bytes, peak) =
        (sizes.len(), sizes.iter().sum::<usize>(), in_flight.peak());
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
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // All twenty done, and never more than five in flight: exactly five.
        assert_eq!(proof.output, (20, 5));
        Ok(())
    }
}
