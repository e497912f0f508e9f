//! Give the slot back on every way out, with `Drop`.
//!
//! `share` takes a slot from a pool while it works, and gives it back by
//! calling `slot.release()` at its end. But it has three other ways out: an
//! early `return`, an error passed on by `?`, and a panic. None of them calls
//! `release`, so each one keeps its slot for ever. Make `Slot` a guard that
//! gives its slot back in `Drop`, exactly once, and hold it for the whole of
//! `share`'s work.

use std::num::ParseIntError;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::sleep;

/// Stands in for a pool of licences, connections or worker places: it counts
/// the slots taken and given back.
#[derive(Clone, Default)]
pub struct Pool {
    counts: Arc<Counts>,
}

#[derive(Default)]
struct Counts {
    acquired: AtomicUsize,
    released: AtomicUsize,
}

impl Pool {
    pub fn new() -> Pool {
        Pool::default()
    }

    /// Takes a slot; it is given back when the `Slot` says so.
    pub fn acquire(&self) -> Slot {
        self.counts.acquired.fetch_add(1, Ordering::SeqCst);
        Slot { counts: Arc::clone(&self.counts) }
    }

    /// How many slots were taken so far.
    pub fn acquired(&self) -> usize {
        self.counts.acquired.load(Ordering::SeqCst)
    }

    /// How many slots were given back so far.
    pub fn released(&self) -> usize {
        self.counts.released.load(Ordering::SeqCst)
    }
}

/// A slot taken from the pool.
pub struct Slot {
    counts: Arc<Counts>,
}

impl Slot {
    /// Gives the slot back.
    // TODO: a release by hand happens only where someone remembered to write
    // it. Give the slot back in `impl Drop for Slot` instead, once.
    pub fn release(self) {
        self.counts.released.fetch_add(1, Ordering::SeqCst);
    }
}

/// Divides 100 by the number in `input`, holding a slot while it works.
pub async fn share(pool: &Pool, input: &str) -> Result<u32, ParseIntError> {
    let slot = pool.acquire();
    sleep(Duration::from_millis(100)).await; // the work that needs the slot
    if input.is_empty() {
        return Ok(0); // no input: nothing to share
    }
    let n: u32 = input.parse()?; // not a number: returns the error from here
    let share = 100 / n; // zero: panics here
    slot.release(); // TODO: only this way out gives the slot back
    Ok(share)
}
