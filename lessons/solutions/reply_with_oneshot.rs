//! Get the answer back from a worker task with `oneshot`.
//!
//! A worker task owns a running total, and takes requests from a channel;
//! each update takes it 0.1 s. `Totals::add` sends `n` to the worker and
//! should return the new total, but the request carries no way back, so it
//! returns 0. Put a `oneshot::Sender` in the request, have the worker send the
//! new total on it, and await the answer in `add`.

use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio::time::sleep;

/// What `add` sends to the worker.
struct Request {
    n: u64,
    /// The way back: the worker sends the new total on it, once.
    reply: oneshot::Sender<u64>,
}

/// A handle to the worker; clone it to share it.
#[derive(Clone)]
pub struct Totals {
    tx: mpsc::Sender<Request>,
}

impl Totals {
    /// Starts the worker. It ends, and its handle gives the final total, once
    /// every `Totals` is dropped.
    pub fn start() -> (Totals, JoinHandle<u64>) {
        let (tx, mut rx) = mpsc::channel::<Request>(8);
        let worker = tokio::spawn(async move {
            let mut total = 0;
            while let Some(request) = rx.recv().await {
                sleep(Duration::from_millis(100)).await; // the update takes 0.1 s
                total += request.n;
                // `send` takes the sender by value: one answer per request.
                // It fails only if the asker is gone, which is not an error
                // for the worker.
                let _ = request.reply.send(total);
            }
            total
        });
        (Totals { tx }, worker)
    }

    /// Adds `n` to the total, and returns the new total.
    pub async fn add(&self, n: u64) -> u64 {
        // The asker keeps the receiving half, and sends the other with its
        // request.
        let (reply, answer) = oneshot::channel();
        let request = Request { n, reply };
        self.tx.send(request).await.expect("the worker is running");
        // Waits, without holding the thread, until the worker answers.
        answer.await.expect("the worker answers every request")
    }
}
