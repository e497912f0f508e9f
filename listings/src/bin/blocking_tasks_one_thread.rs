//! Two tasks on a current-thread runtime that wait 2 s each: first with a
//! blocking sleep, then with `tokio::time::sleep`.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Duration, Duration) {
    let start = Instant::now();
    let tasks = [
        tokio::spawn(blocking_wait(start, "blocking task 1")),
        tokio::spawn(blocking_wait(start, "blocking task 2")),
    ];
    for task in tasks {
        task.await.expect("the task does not panic");
    }
    let blocking = start.elapsed();
    log(start, &format!("blocking tasks: {:.2}s", blocking.as_secs_f64()));

    let resumed = Instant::now();
    let tasks = [
        tokio::spawn(sleeping_wait(start, "sleeping task 1")),
        tokio::spawn(sleeping_wait(start, "sleeping task 2")),
    ];
    for task in tasks {
        task.await.expect("the task does not panic");
    }
    let sleeping = resumed.elapsed();
    log(start, &format!("sleeping tasks: {:.2}s", sleeping.as_secs_f64()));
    (blocking, sleeping)
}

/// Holds the runtime's only thread for 2 s.
async fn blocking_wait(start: Instant, label: &str) {
    log(start, &format!("{label} started"));
    thread::sleep(Duration::from_secs(2));
    log(start, &format!("{label} finished"));
}

/// Leaves the thread free for 2 s.
async fn sleeping_wait(start: Instant, label: &str) {
    log(start, &format!("{label} started"));
    sleep(Duration::from_secs(2)).await;
    log(start, &format!("{label} finished"));
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(not(test))]
use std::thread;
// On the paused clock of the tests, a real sleep would not move tokio's clock:
// there a stand-in moves the clock forward while holding the thread. It is
// exact here: on a current-thread runtime, the tasks run on the runtime's thread.
#[cfg(test)]
use xtask::println;
#[cfg(test)]
use xtask::proof::blocking as thread;

#[cfg(test)]
mod tests {
    use super::thread;
    use std::time::Duration;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // 2 s + 2 s while the tasks block; 2 s for both when they await.
        let (blocking, sleeping) = proof.output;
        assert_eq!(blocking, Duration::from_secs(4));
        assert_eq!(sleeping, Duration::from_secs(2));
        Ok(())
    }

    /// The quiz's variant: three tasks that each block 1 s take turns on the
    /// runtime's one thread, 1 s + 1 s + 1 s.
    #[test]
    fn three_blocking_tasks_of_1_s_take_3_s() -> xtask::proof::Result {
        let three = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let tasks = [(); 3].map(|()| {
                tokio::spawn(async { thread::sleep(Duration::from_secs(1)) })
            });
            for task in tasks {
                task.await.expect("the task does not panic");
            }
        })?;
        assert_eq!(three.elapsed, Duration::from_secs(3));
        Ok(())
    }
}
