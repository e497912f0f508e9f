//! A million tasks, each sleeping 1 s: how long they take in all, and how
//! much memory each one costs. Give another count as the first argument:
//! `cargo run --release -p listings --bin million_sleeping_tasks -- 1000`.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let count = match std::env::args().nth(1) {
        Some(arg) => arg.parse().ok().filter(|&n| n > 0).expect("a number of tasks"),
        None => 1_000_000,
    };
    run(count).await;
}

// ANCHOR: program
async fn run(count: usize) -> Scaled {
    let before = peak_memory(); // the most memory this process has used so far
    let start = Instant::now();
    let handles: Vec<_> = (0..count)
        .map(|i| {
            tokio::spawn(async move {
                sleep(Duration::from_secs(1)).await;
                i % 2 // something to give back
            })
        })
        .collect();
    log(start, &format!("spawned {count} tasks"));
    let mut odd = 0;
    for handle in handles {
        odd += handle.await.expect("no task panics");
    }
    let took = start.elapsed();
    let per_task = match (before, peak_memory()) {
        (Some(before), Some(after)) => Some((after - before) / count as u64),
        _ => None,
    };
    let scaled = Scaled { count, odd, took, per_task };
    report(start, &scaled);
    scaled
}
// ANCHOR_END: program

/// What a run measured.
#[derive(Debug)]
struct Scaled {
    count: usize,
    odd: usize,
    took: Duration,
    per_task: Option<u64>,
}

/// The most resident memory this process has used so far, in bytes (`VmHWM`
/// in `/proc/self/status`): Linux only, `None` elsewhere.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// Prints what a run measured.
fn report(start: Instant, scaled: &Scaled) {
    let Scaled { count, odd, took, per_task } = scaled;
    log(start, &format!("all {count} tasks done, {odd} of them odd"));
    log(start, &format!("total time: {:.2}s", took.as_secs_f64()));
    match per_task {
        Some(bytes) => log(start, &format!("memory per task: {bytes} bytes")),
        None => log(
            start,
            "memory per task: not measured (it reads /proc/self/status, which only Linux has)",
        ),
    }
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::time::sleep;
    use xtask::proof::check;

    /// Time and memory are the machine's, and no test here asserts them
    /// (`cargo xtask bench` checks the book's bounds on a release build).
    /// One test, so that the two runs do not print at the same time.
    #[test]
    fn proof() -> xtask::proof::Result {
        // The program's logic, on the paused clock with fewer tasks: every
        // task starts its sleep at once, so together they take exactly 1 s.
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), || super::run(1_000))?;
        assert_eq!(proof.output.took, Duration::from_secs(1));
        assert_eq!(proof.elapsed, Duration::from_secs(1));
        assert_eq!((proof.output.count, proof.output.odd), (1_000, 500));
        // A real run with 10,000 tasks: every task ran and gave its value
        // back, and the memory was measured.
        let scaled =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), || super::run(10_000))?;
        check(scaled.odd == 5_000, "every task ran and gave its value back", &scaled)?;
        check(
            scaled.per_task.is_some() || !cfg!(target_os = "linux"),
            "on Linux, the memory per task is measured",
            &scaled,
        )
    }

    /// The page and the quiz: on one thread, the tasks of `run`'s loop (here
    /// three, each noting when it starts its sleep) run only once `main` is at
    /// its first `handle.await` that must wait, after the `spawned` point, and
    /// then in the order they were spawned: the last starts its sleep after the
    /// others, and before any sleep ends, so they take 1 s in all.
    #[test]
    fn tasks_start_at_the_first_await_that_waits_in_spawn_order() -> xtask::proof::Result
    {
        let order = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let events = Arc::new(Mutex::new(Vec::new()));
            let handles: Vec<_> = (0..3)
                .map(|i| {
                    let events = Arc::clone(&events);
                    tokio::spawn(async move {
                        events.lock().unwrap().push(format!("task {i} sleeps"));
                        sleep(Duration::from_secs(1)).await;
                        i % 2
                    })
                })
                .collect();
            events.lock().unwrap().push("spawned".to_string());
            let mut odd = 0;
            for handle in handles {
                odd += handle.await.expect("no task panics");
            }
            assert_eq!(odd, 1);
            events.lock().unwrap().clone()
        })?;
        assert_eq!(
            order.output,
            ["spawned", "task 0 sleeps", "task 1 sleeps", "task 2 sleeps"]
        );
        assert_eq!(order.elapsed, Duration::from_secs(1));
        Ok(())
    }
}
