//! Write a future by hand: a countdown.
//!
//! `Countdown::new(n)` is a future that returns `Poll::Pending` on its first
//! `n` polls and `Poll::Ready("liftoff")` on the next one. It waits on nothing,
//! so each time it is pending it must ask to be polled again itself, through
//! the waker in its `Context`. Write its `poll`.

use std::pin::Pin;
use std::task::{Context, Poll};

/// Pending on its first `n` polls, then ready with "liftoff".
pub struct Countdown {
    remaining: u32,
}

impl Countdown {
    pub fn new(n: u32) -> Self {
        Countdown { remaining: n }
    }
}

impl Future for Countdown {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.remaining == 0 {
            return Poll::Ready("liftoff");
        }
        // `Countdown` is `Unpin` (a `u32` does not mind being moved), so the
        // pinned reference lets us change its field directly.
        self.remaining -= 1;
        // Nothing else will wake this task: ask to be polled again right away.
        // Without it, the `Pending` below would leave the future asleep forever.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
