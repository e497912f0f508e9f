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
use std::time::{Duration, Instant};

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
    // TODO: as written, every call is allowed.
    pub fn try_acquire(&mut self) -> bool {
        self.allowed.push_back(Instant::now());
        true
    }

    /// Waits until a call is allowed, then counts it.
    // TODO: as written, it never waits.
    pub async fn acquire(&mut self) {
        self.try_acquire();
    }
}
