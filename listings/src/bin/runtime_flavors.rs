//! One future, run on two runtimes built by hand: a current-thread runtime
//! and a multi-thread runtime with two worker threads. It reports where things
//! ran, and how many of its two CPU-bound tasks were computing at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::runtime::{Builder, Handle, RuntimeFlavor};

// ANCHOR: program
fn main() -> std::io::Result<()> {
    let one_thread = Builder::new_current_thread().enable_all().build()?;
    print(&one_thread.block_on(run()));

    let two_workers =
        Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    print(&two_workers.block_on(run()));
    Ok(())
}

async fn run() -> Report {
    let runtime = Handle::current();
    let block_on_thread = thread_name();
    // Two CPU-bound tasks, both spawned before either is awaited.
    let computing = Arc::new(AtomicUsize::new(0));
    let first = tokio::spawn(compute(computing.clone()));
    let second = tokio::spawn(compute(computing));
    let (first, second) = (first.await.unwrap(), second.await.unwrap());
    Report {
        flavor: runtime.runtime_flavor(),
        workers: runtime.metrics().num_workers(),
        block_on_thread,
        tasks_on: [first.0, second.0],
        at_once: first.1.max(second.1),
    }
}

/// Counts primes (CPU-bound, no `.await`). Returns the thread it ran on and
/// how many of these tasks were computing when it started, itself included.
async fn compute(computing: Arc<AtomicUsize>) -> (String, usize) {
    let at_once = computing.fetch_add(1, Ordering::SeqCst) + 1;
    count_primes();
    computing.fetch_sub(1, Ordering::SeqCst);
    (thread_name(), at_once)
}
// ANCHOR_END: program

/// What a run saw of its runtime.
#[derive(Debug)]
struct Report {
    flavor: RuntimeFlavor,
    workers: usize,
    block_on_thread: String,
    tasks_on: [String; 2],
    at_once: usize,
}

fn print(report: &Report) {
    println!("{:?} runtime, {} worker thread(s)", report.flavor, report.workers);
    println!("  block_on polled its future on thread `{}`", report.block_on_thread);
    let [first, second] = &report.tasks_on;
    println!("  the two tasks ran on threads `{first}` and `{second}`");
    println!("  at most {} task(s) computing at once", report.at_once);
}

fn thread_name() -> String {
    std::thread::current().name().unwrap_or("unnamed").to_string()
}

/// CPU-bound work: counts the primes below 300,000, the slow way.
fn count_primes() -> usize {
    let is_prime = |n: u64| {
        n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| !n.is_multiple_of(d))
    };
    (0..300_000).filter(|&n| is_prime(n)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `run()` on `runtime`, from this test's thread.
    fn report(runtime: &mut Builder) -> Report {
        let runtime = runtime.enable_all().build().expect("a runtime");
        runtime.block_on(run())
    }

    #[test]
    fn on_a_current_thread_runtime_everything_runs_on_the_calling_thread() {
        let caller = thread_name();
        let report = report(&mut Builder::new_current_thread());
        assert_eq!(report.flavor, RuntimeFlavor::CurrentThread);
        assert_eq!(report.workers, 1);
        assert_eq!(report.block_on_thread, caller);
        assert_eq!(report.tasks_on, [caller.clone(), caller]);
        // The first task computes to the end before the second one starts.
        assert_eq!(report.at_once, 1);
    }

    #[test]
    fn on_two_workers_the_tasks_run_on_workers_at_the_same_time() {
        let caller = thread_name();
        let report = report(Builder::new_multi_thread().worker_threads(2));
        assert_eq!(report.flavor, RuntimeFlavor::MultiThread);
        assert_eq!(report.workers, 2);
        // `block_on` polls its future on the thread that called it...
        assert_eq!(report.block_on_thread, caller);
        // ...and the spawned tasks run on the runtime's worker threads,
        for thread in &report.tasks_on {
            assert_ne!(thread, &caller);
            assert!(thread.starts_with("tokio-"), "{thread}");
        }
        // both at once, whatever the number of cores.
        assert_eq!(report.at_once, 2);
    }
}
