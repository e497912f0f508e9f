//! A future written by hand that is ready on its third poll, run twice: once
//! waking its waker when it is pending, once not.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{Instant, timeout};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
/// Pending on its first `pending` polls, then ready with the number of polls.
struct Countdown {
    name: &'static str,
    start: Instant,
    pending: u32,
    polls: u32,
    wakes: bool,
}

impl Future for Countdown {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        let (name, polls) = (self.name, self.polls);
        if polls > self.pending {
            log(self.start, &format!("{name}: poll {polls}, Ready"));
            return Poll::Ready(polls);
        }
        log(self.start, &format!("{name}: poll {polls}, Pending"));
        if self.wakes {
            cx.waker().wake_by_ref(); // "poll me again"
        }
        Poll::Pending
    }
}
// ANCHOR_END: program

// ANCHOR: run
async fn run() -> (u32, u32) {
    let start = Instant::now();
    let countdown =
        Countdown { name: "countdown", start, pending: 2, polls: 0, wakes: true };
    let polls = countdown.await;
    log(start, &format!("countdown was ready after {polls} polls"));

    let mut forgetful =
        Countdown { name: "forgetful", start, pending: 2, polls: 0, wakes: false };
    log(start, "timeout over forgetful started");
    let result = timeout(Duration::from_secs(1), &mut forgetful).await;
    log(start, "timeout over forgetful finished");
    if result.is_err() {
        let polls = forgetful.polls;
        log(start, &format!("forgetful: still pending after {polls} polls, gave up"));
    }
    (polls, forgetful.polls)
}
// ANCHOR_END: run

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
        // Three polls when it wakes itself. When it does not, one poll, and a
        // second only when the timeout's timer wakes the task.
        assert_eq!(proof.output, (3, 2));
        Ok(())
    }
}
