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

/// Ticks `ticks` times, every `period`; returns the worst lateness of a tick.
pub async fn heartbeat(period: Duration, ticks: u32) -> Duration {
    // TODO: wait for each tick's due time, and measure how late it came.
    let _ = (period, ticks);
    Duration::ZERO
}
