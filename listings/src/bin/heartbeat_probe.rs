//! A heartbeat probe, a task that wants to tick every 100 ms and reports each
//! tick that comes late, beside a request handler: first one that calls
//! `std::thread::sleep`, then one that awaits `tokio::time::sleep`.

use std::time::Duration;
use tokio::time::{Instant, sleep, sleep_until};

// One thread: whatever holds it delays the probe, however many cores there are.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

async fn run() -> [Duration; 2] {
    let start = Instant::now();
    let mut worst = [Duration::ZERO; 2];
    for (phase, blocking) in [(0, true), (1, false)] {
        let probe = tokio::spawn(heartbeat(start, 6));
        sleep(Duration::from_millis(250)).await; // a request comes in
        let user = if blocking {
            lookup_blocking(start, 7).await
        } else {
            lookup(start, 7).await
        };
        log(start, &format!("handler: found {user}"));
        worst[phase] = probe.await.expect("the probe does not panic");
    }
    worst
}

// ANCHOR: program
async fn lookup_blocking(start: Instant, id: u32) -> String {
    log(start, "blocking lookup started");
    thread::sleep(Duration::from_millis(300)); // a blocking call, hidden in an async fn
    log(start, "blocking lookup finished");
    format!("user {id}")
}

async fn lookup(start: Instant, id: u32) -> String {
    log(start, "async lookup started");
    sleep(Duration::from_millis(300)).await;
    log(start, "async lookup finished");
    format!("user {id}")
}
// ANCHOR_END: program

// ANCHOR: probe
/// Wakes `ticks` times, every 100 ms; reports each tick more than 50 ms late,
/// and returns the worst lateness.
async fn heartbeat(start: Instant, ticks: u32) -> Duration {
    let mut worst = Duration::ZERO;
    for _ in 0..ticks {
        let due = Instant::now() + Duration::from_millis(100);
        sleep_until(due).await;
        let late = due.elapsed();
        if late > Duration::from_millis(50) {
            log(start, &format!("heartbeat: tick {:.2}s late", late.as_secs_f64()));
        }
        worst = worst.max(late);
    }
    worst
}
// ANCHOR_END: probe

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
    use super::{heartbeat, thread};
    use std::time::Duration;
    use tokio::time::{Instant, sleep};

    // ANCHOR: tests
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Blocking from 0.25 s to 0.55 s, the tick due at 0.30 s runs at
        // 0.55 s: 250 ms late. Awaiting, every tick is on time.
        let [blocking, awaiting] = proof.output;
        assert_eq!(blocking, Duration::from_millis(250));
        assert_eq!(awaiting, Duration::ZERO);
        // At 0.55 s, the handler keeps the thread until its next `.await`.
        proof.assert_order(&["lookup finished", "handler: found", "heartbeat: tick"])
    }
    // ANCHOR_END: tests

    /// The quiz's variant: the tick due at 0.30 s, and a handler that blocks
    /// 400 ms from 0.25 s: the tick runs at 0.65 s, 350 ms late.
    #[test]
    fn blocking_400_ms_from_0_25_s_makes_a_tick_350_ms_late() -> xtask::proof::Result {
        let worst = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let probe = tokio::spawn(heartbeat(start, 6));
            sleep(Duration::from_millis(250)).await; // a request comes in
            thread::sleep(Duration::from_millis(400));
            probe.await.expect("the probe does not panic")
        })?;
        assert_eq!(worst.output, Duration::from_millis(350));
        Ok(())
    }
}
