//! Two pieces of work that hold their thread for 1 s each: joined, then spawned,
//! on a runtime with two worker threads.

use std::time::Duration;
use tokio::time::Instant;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Duration, Duration) {
    let start = Instant::now();
    // One future that polls both, inside the task that awaits it.
    tokio::join!(hold(start, "joined A"), hold(start, "joined B"));
    let joined = start.elapsed();

    // Two tasks, which the runtime's two worker threads can poll at once.
    let (a, b) = tokio::join!(
        tokio::spawn(hold(start, "spawned A")),
        tokio::spawn(hold(start, "spawned B")),
    );
    a.and(b).expect("no task panics");
    let spawned = start.elapsed() - joined;
    log(start, &format!("joined: {:.2}s", joined.as_secs_f64()));
    log(start, &format!("spawned: {:.2}s", spawned.as_secs_f64()));
    (joined, spawned)
}

/// Holds its thread for 1 s, as a computation would, without any `.await`.
async fn hold(start: Instant, label: &str) {
    log(start, &format!("{label} started"));
    std::thread::sleep(Duration::from_secs(1));
    log(start, &format!("{label} finished"));
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use std::time::Duration;
    use xtask::output::tolerance;
    use xtask::proof::check;

    /// Parallelism needs real threads, which tokio's paused clock cannot
    /// follow: this runs `run()` for real, on two worker threads, as `main` does.
    #[test]
    fn spawned_tasks_run_on_two_threads_at_once() -> xtask::proof::Result {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime starts");
        let (joined, spawned) = runtime.block_on(super::run());
        let within =
            |claimed: f64| Duration::from_secs_f64(claimed + tolerance(claimed));
        check(
            joined >= Duration::from_secs(2) && joined <= within(2.0),
            "joined, the two holds take turns: 2 s",
            joined,
        )?;
        check(
            spawned >= Duration::from_secs(1) && spawned <= within(1.0),
            "spawned, the two holds run at once on two threads: 1 s",
            spawned,
        )
    }
}
