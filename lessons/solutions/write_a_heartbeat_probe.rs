//! Write a heartbeat probe that measures how late it wakes up.
//!
//! `heartbeat(period, ticks)` wakes up `ticks` times: each wake-up, a tick, is
//! due `period` after the previous tick ran (the first, `period` after the
//! start). It returns the worst lateness it saw: how long after its due time
//! a tick ran. The check spawns it beside handlers on one thread, on tokio's
//! paused clock, where a blocking call moves the clock without letting
//! another task run: a probe that is never late returns zero, and one that
//! shares its thread with a call that blocks says by how much.

use std::time::Duration;
use tokio::time::{Instant, sleep_until};

/// Ticks `ticks` times, every `period`; returns the worst lateness of a tick.
///
/// The due time is noted before the wait, on tokio's clock, so that
/// `due.elapsed()` after it is exactly how late the task was polled: zero if
/// its thread was free when the timer fired.
pub async fn heartbeat(period: Duration, ticks: u32) -> Duration {
    let mut worst = Duration::ZERO;
    for _ in 0..ticks {
        let due = Instant::now() + period;
        sleep_until(due).await;
        worst = worst.max(due.elapsed());
    }
    worst
}
