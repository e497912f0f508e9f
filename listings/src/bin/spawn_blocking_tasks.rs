//! Two tasks on a current-thread runtime that each run a blocking 2 s sleep
//! on tokio's blocking pool, with `spawn_blocking`.

use std::thread;
use std::time::Duration;
use tokio::task::spawn_blocking;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Duration {
    let start = Instant::now();
    let tasks = [
        tokio::spawn(offloaded_wait(start, "task 1")),
        tokio::spawn(offloaded_wait(start, "task 2")),
    ];
    for task in tasks {
        task.await.expect("the task does not panic");
    }
    let took = start.elapsed();
    log(start, &format!("both tasks: {:.2}s", took.as_secs_f64()));
    took
}

/// Blocks a thread of the blocking pool for 2 s, and awaits it.
async fn offloaded_wait(start: Instant, label: &str) {
    log(start, &format!("{label} started"));
    spawn_blocking(|| thread::sleep(Duration::from_secs(2)))
        .await
        .expect("the sleep does not panic");
    log(start, &format!("{label} finished"));
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use std::thread;
    use std::time::{Duration, Instant};
    use tokio::task::spawn_blocking;
    use xtask::proof::check;

    /// On the wall clock (the blocking pool's threads sleep for real): the
    /// two sleeps overlap, 2 s in all, not 2 s + 2 s.
    #[test]
    fn the_offloaded_sleeps_overlap() -> xtask::proof::Result {
        let took = xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?;
        let most = Duration::from_secs_f64(2.0 + xtask::output::tolerance(2.0));
        check(
            took >= Duration::from_secs(2) && took <= most,
            "both tasks take 2 s in all",
            took,
        )
    }

    /// The quiz's variant, in tenths of a second to keep it short: three
    /// tasks on a current-thread runtime each await a 0.3 s blocking sleep on
    /// the pool: 0.3 s in all, not 0.9 s.
    #[test]
    fn three_offloaded_sleeps_of_0_3_s_take_0_3_s() -> xtask::proof::Result {
        let took = xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let tasks = [(); 3].map(|()| {
                tokio::spawn(async {
                    spawn_blocking(|| thread::sleep(Duration::from_millis(300)))
                        .await
                        .expect("the sleep does not panic");
                })
            });
            for task in tasks {
                task.await.expect("the task does not panic");
            }
            start.elapsed()
        })?;
        let most = Duration::from_secs_f64(0.3 + xtask::output::tolerance(0.3));
        check(
            took >= Duration::from_millis(300) && took <= most,
            "three tasks take 0.3 s in all",
            took,
        )
    }
}
