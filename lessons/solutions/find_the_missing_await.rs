//! Find the missing awaits.
//!
//! `place_order` should record three steps in the order's log, one after the
//! other: reserved, charged, shipped. Each takes 100 ms. Run it and the log
//! holds only the last step. Find out why the other two never happen, and fix
//! `place_order` so that every step is recorded, in order, each one finished
//! before the next begins.

use std::sync::Mutex;
use std::time::Duration;
use tokio::time::sleep;

/// The order's log: the steps recorded so far.
#[derive(Debug, Default)]
pub struct Log {
    pub steps: Mutex<Vec<String>>,
}

/// Records one step: 100 ms of talking to a server, then a line in the log.
pub async fn record(log: &Log, step: String) {
    sleep(Duration::from_millis(100)).await;
    log.steps.lock().unwrap().push(step);
}

/// Places an order for `item`: reserves it, charges for it, ships it.
pub async fn place_order(log: &Log, item: &str) {
    // Calling `record` only builds a future; `.await` runs it to the end. The
    // bare call drew an `unused_must_use` warning ("futures do nothing unless
    // you `.await` or poll them"); `let _ =` silenced it, and dropped the
    // future just the same.
    record(log, format!("reserved {item}")).await;
    record(log, format!("charged {item}")).await;
    // Building a future first and awaiting it later was never a bug: its body
    // starts at the `.await`.
    let shipping = record(log, format!("shipped {item}"));
    shipping.await;
}
