//! Predict four joins, then check.
//!
//! Each scenario below joins two waits of 500 ms. `wait` awaits a tokio timer;
//! `block` holds the thread with `std::thread::sleep`. Without running them,
//! predict how long each scenario takes, in milliseconds, and write it in its
//! constant. Then check your predictions. Change only the four constants.

use std::time::Duration;

// `join!` polls its futures in turn, inside one task, and cannot interrupt a
// poll. A `block` holds the thread for its whole first poll; a `wait` starts
// its timer on its first poll and returns `Pending` at once.

/// 500 + 500: the second `block` is polled only when the first returns.
pub const PREDICTED_A_MS: u64 = 1000;
/// Both timers start at 0 and fire together at 500.
pub const PREDICTED_B_MS: u64 = 500;
/// The `block` is polled first; the timer starts only at 500, and fires at 1000.
pub const PREDICTED_C_MS: u64 = 1000;
/// The timer starts at 0 and runs while the `block` holds the thread: both end
/// at 500.
pub const PREDICTED_D_MS: u64 = 500;

/// Waits `ms` milliseconds on a timer.
pub async fn wait(ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

/// Waits `ms` milliseconds by holding the thread.
pub async fn block(ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
}

pub async fn scenario_a() {
    tokio::join!(block(500), block(500));
}

pub async fn scenario_b() {
    tokio::join!(wait(500), wait(500));
}

pub async fn scenario_c() {
    tokio::join!(block(500), wait(500));
}

pub async fn scenario_d() {
    tokio::join!(wait(500), block(500));
}
