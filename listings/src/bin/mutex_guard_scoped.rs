//! Three tasks count a visit each under a `std::sync::Mutex`, then save the
//! count they saw.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{Instant, sleep};

// One thread, so that which task counts first is the same on every run.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

async fn run() -> u64 {
    let start = Instant::now();
    let visits = Arc::new(Mutex::new(0));
    let tasks: Vec<_> = (1..=3)
        .map(|id| tokio::spawn(record_visit(start, id, Arc::clone(&visits))))
        .collect();
    for task in tasks {
        task.await.expect("no task panics");
    }
    let total = *visits.lock().expect("no task panicked holding the lock");
    log(start, &format!("main: {total} visits"));
    total
}

// ANCHOR: program
async fn record_visit(start: Instant, id: u32, visits: Arc<Mutex<u64>>) {
    let count = {
        let mut count = visits.lock().unwrap();
        *count += 1;
        *count
    }; // the guard is dropped here, before any `.await`
    save(start, id, count).await;
}

/// Stands in for writing the count to a database: 0.5 s.
async fn save(start: Instant, id: u32, count: u64) {
    log(start, &format!("task {id}: saving count {count} started"));
    sleep(Duration::from_millis(500)).await;
    log(start, &format!("task {id}: saving count {count} finished"));
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::record_visit;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Every visit counted once; the three saves overlap (0.5 s in all).
        assert_eq!(proof.output, 3);
        Ok(())
    }

    /// The quiz's variant: four tasks, each counting under the lock, then
    /// saving for 0.5 s without it: the saves overlap, 0.5 s in all.
    #[test]
    fn four_scoped_visits_take_0_5_s() -> xtask::proof::Result {
        let visits = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let visits = Arc::new(Mutex::new(0));
            let tasks: Vec<_> = (1..=4)
                .map(|id| tokio::spawn(record_visit(start, id, Arc::clone(&visits))))
                .collect();
            for task in tasks {
                task.await.expect("no task panics");
            }
            *visits.lock().expect("no task panicked holding the lock")
        })?;
        assert_eq!(visits.output, 4);
        assert_eq!(visits.elapsed, Duration::from_millis(500));
        Ok(())
    }
}
