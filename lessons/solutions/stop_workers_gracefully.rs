//! Stop background workers with a token, after their step.
//!
//! A saver starts a step every 400 ms and a reporter every 700 ms; each step
//! works for a while, then writes a line to the shared log. `run` must let them
//! work for `stop_after`, then ask both to stop with the `CancellationToken`,
//! wait until they have, and return how many steps each one finished. A worker
//! stops only between two steps: a step that has begun is finished first,
//! never cut short, and none begins once it is asked to stop (a worker waiting
//! for its next tick stops at once). When `run` returns, no worker may still
//! be running.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{self, sleep};
use tokio_util::sync::CancellationToken;

/// The shared log every step writes a line to.
pub type Log = Arc<Mutex<Vec<String>>>;

/// Runs the saver and the reporter for `stop_after`, then stops them; returns
/// how many steps (saver, reporter) finished.
pub async fn run(stop_after: Duration, log: Log) -> (u32, u32) {
    let token = CancellationToken::new();
    let ms = Duration::from_millis;
    let saver =
        tokio::spawn(worker("saver", ms(400), ms(250), log.clone(), token.clone()));
    let reporter =
        tokio::spawn(worker("reporter", ms(700), ms(500), log.clone(), token.clone()));
    sleep(stop_after).await;
    // Ask, then wait: cancelling only sets the flag. Awaiting the handles
    // waits until each worker has finished its step and returned its count.
    token.cancel();
    let saver = saver.await.expect("the saver does not panic");
    let reporter = reporter.await.expect("the reporter does not panic");
    (saver, reporter)
}

/// Starts a step every `every` (the first one at once), each of which works
/// for `work`; returns how many steps it finished once `token` is cancelled.
pub async fn worker(
    name: &'static str,
    every: Duration,
    work: Duration,
    log: Log,
    token: CancellationToken,
) -> u32 {
    let mut interval = time::interval(every);
    let mut steps = 0;
    loop {
        // The token is raced against the wait for the next tick only: a
        // cancellation that comes during a step is seen after the step.
        tokio::select! {
            _ = token.cancelled() => break,
            _ = interval.tick() => {}
        }
        sleep(work).await; // the step's work: it must not be cut short
        steps += 1;
        log.lock().unwrap().push(format!("{name}: step {steps} done"));
    }
    steps
}
