//! A worker task that squares numbers, one request at a time; each request
//! carries a one-shot channel for its reply.

use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
/// A request: a number, and where to send its square.
struct Request {
    n: u64,
    reply: oneshot::Sender<u64>,
}

async fn worker(start: Instant, mut requests: mpsc::Receiver<Request>) {
    while let Some(Request { n, reply }) = requests.recv().await {
        log(start, "worker started");
        sleep(Duration::from_millis(500)).await; // computing the answer
        log(start, "worker finished");
        let _ = reply.send(n * n); // Err if the asker is gone: nothing to do
    }
}

async fn ask(start: Instant, requests: &mpsc::Sender<Request>, n: u64) -> u64 {
    log(start, &format!("ask {n} started"));
    let (reply, answer) = oneshot::channel();
    let request = Request { n, reply };
    requests.send(request).await.expect("the worker is running");
    let square = answer.await.expect("the worker replies");
    log(start, &format!("ask {n} finished"));
    square
}

async fn run() -> (u64, u64, u64) {
    let start = Instant::now();
    let (requests, inbox) = mpsc::channel(8);
    let worker = tokio::spawn(worker(start, inbox));
    let answers = tokio::join!(
        ask(start, &requests, 2),
        ask(start, &requests, 3),
        ask(start, &requests, 4),
    );
    log(start, &format!("answers: {answers:?}"));
    drop(requests); // the worker's loop ends
    worker.await.expect("the worker does not panic");
    answers
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
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Each asker gets its own answer, one worker step after another.
        assert_eq!(proof.output, (4, 9, 16));
        Ok(())
    }
}
