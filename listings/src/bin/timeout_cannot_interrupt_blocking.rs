//! A 1 s timeout around a future that blocks its thread for 2 s.

use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> bool {
    let start = Instant::now();
    log(start, "timeout started");
    let result = timeout(Duration::from_secs(1), async {
        sleep(Duration::from_millis(100)).await; // awaits: the timeout could act here
        log(start, "blocking work started");
        thread::sleep(Duration::from_secs(2)); // holds the thread: it cannot
        log(start, "blocking work finished");
        "done"
    })
    .await;
    log(start, "timeout finished");
    log(start, &format!("main: {result:?}"));
    result.is_ok()
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(not(test))]
use std::thread;
// On the paused clock of the tests, a real sleep would not move tokio's clock:
// there a stand-in moves the clock forward while holding the thread.
#[cfg(test)]
use xtask::println;
#[cfg(test)]
use xtask::proof::blocking as thread;

#[cfg(test)]
mod tests {
    use super::thread;
    use std::time::Duration;
    use tokio::time::{Instant, timeout};

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Past its 1 s, and still Ok: the timeout never had a chance to act.
        assert!(proof.output, "the timeout gives Ok");
        Ok(())
    }

    /// The quiz's variant: a 3 s blocking sleep, with no `.await` before it,
    /// under a 1 s timeout. The first poll blocks 3 s and completes the block,
    /// which `timeout` polls before its timer: `Ok(())` at 3 s.
    #[test]
    fn a_3_s_blocking_sleep_under_1_s_gives_ok_at_3_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let result = timeout(Duration::from_secs(1), async {
                thread::sleep(Duration::from_secs(3));
            })
            .await;
            assert_eq!(result, Ok(()));
            assert_eq!(start.elapsed(), Duration::from_secs(3));
        })?;
        Ok(())
    }

    /// The page's advice, on the wall clock (blocking work is real time): the
    /// same kind of work moved to `spawn_blocking`. A timeout on its
    /// `JoinHandle` fires on time, while the work runs on to its end on the
    /// blocking pool: dropping the runtime waits for it.
    #[test]
    fn with_spawn_blocking_the_timeout_fires_but_the_work_runs_on() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, Ordering};
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let finished = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&finished);
        runtime.block_on(async {
            let start = std::time::Instant::now();
            let work = tokio::task::spawn_blocking(move || {
                std::thread::sleep(Duration::from_millis(500));
                done.store(true, Ordering::SeqCst);
            });
            let result = timeout(Duration::from_millis(100), work).await;
            assert!(result.is_err(), "the timeout fires");
            assert!(
                start.elapsed() < Duration::from_millis(400),
                "{:?}",
                start.elapsed()
            );
            assert!(!finished.load(Ordering::SeqCst), "the work is still running");
        });
        drop(runtime);
        assert!(finished.load(Ordering::SeqCst), "the work ran to its end");
    }
}
