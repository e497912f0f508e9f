//! Write a rate limiter that a paused test can control.
//!
//! `RateLimiter::new(max, per)` allows at most `max` calls in any stretch of
//! time `per` long. A call that is allowed counts from its instant `t` until
//! `per` has passed, and no longer: at `t + per` it is free. A refused call
//! does not count. `try_acquire` answers at once; `acquire` waits until a call
//! is allowed. The checks run on tokio's paused clock, and move it with
//! `tokio::time::advance`: write the limiter so that they control its time,
//! then make them pass.

use std::collections::VecDeque;
use std::time::Duration;
// tokio's clock, not std's: a paused test moves only tokio's `Instant`.
use tokio::time::{Instant, sleep_until};

pub struct RateLimiter {
    max: usize,
    per: Duration,
    /// When each call that still counts was allowed, oldest first.
    allowed: VecDeque<Instant>,
}

impl RateLimiter {
    pub fn new(max: usize, per: Duration) -> RateLimiter {
        assert!(max > 0, "a limiter allows at least one call");
        RateLimiter { max, per, allowed: VecDeque::new() }
    }

    /// Allows a call now, and counts it, if fewer than `max` calls that still
    /// count were allowed; otherwise refuses it.
    pub fn try_acquire(&mut self) -> bool {
        let now = Instant::now();
        // Forget the calls that stopped counting: `per` or more ago.
        while self.allowed.front().is_some_and(|&t| now.duration_since(t) >= self.per) {
            self.allowed.pop_front();
        }
        if self.allowed.len() < self.max {
            self.allowed.push_back(now);
            true
        } else {
            false
        }
    }

    /// Waits until a call is allowed, then counts it.
    pub async fn acquire(&mut self) {
        while !self.try_acquire() {
            // Refused: `max` calls count, and the oldest stops counting at
            // its instant + `per`. A timer the paused clock can jump to.
            let oldest = *self.allowed.front().expect("a refusal means calls count");
            sleep_until(oldest + self.per).await;
        }
    }
}
