//! Checks of the exercise `write_a_countdown_future`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/write_a_countdown_future.rs"]
mod exercise;

use exercise::Countdown;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

/// A waker that counts its wakes.
#[derive(Default)]
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Polls `Countdown::new(n)` by hand, as an executor would, and checks each
/// poll: pending (with a wake) `n` times, then ready.
fn poll_by_hand(n: u32) {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(counter.clone());
    let mut cx = Context::from_waker(&waker);
    let mut countdown = pin!(Countdown::new(n));
    for poll in 1..=n {
        let wakes = counter.0.load(Ordering::SeqCst);
        let result = countdown.as_mut().poll(&mut cx);
        assert!(
            result.is_pending(),
            "poll {poll} of Countdown::new({n}) returned Ready: it is Pending on its first {n} polls"
        );
        assert!(
            counter.0.load(Ordering::SeqCst) > wakes,
            "poll {poll} of Countdown::new({n}) returned Pending without waking the waker: nothing will ever poll it again (the waker is in `cx`)"
        );
    }
    let last = n + 1;
    assert_eq!(
        countdown.as_mut().poll(&mut cx),
        Poll::Ready("liftoff"),
        "poll {last} of Countdown::new({n}) should be Ready(\"liftoff\")"
    );
}

fn pending_three_times_then_ready() {
    poll_by_hand(3);
}

fn zero_is_ready_at_once() {
    poll_by_hand(0);
}

/// Counts the polls of the future it wraps.
struct Counted<F> {
    inner: F,
    polls: u32,
}

impl<F: Future + Unpin> Future for Counted<F> {
    type Output = (F::Output, u32);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        let polls = self.polls;
        Pin::new(&mut self.inner).poll(cx).map(|out| (out, polls))
    }
}

fn runs_on_tokio_without_waiting() {
    let timed = lessons::paused(async {
        let counted = Counted { inner: Countdown::new(5), polls: 0 };
        tokio::time::timeout(Duration::from_secs(1), counted).await
    });
    let Ok((output, polls)) = timed.output else {
        panic!(
            "Countdown::new(5), awaited on tokio, was still pending after 1 s: a Pending poll must wake the waker, or nobody polls the future again"
        );
    };
    assert_eq!(output, "liftoff");
    assert_eq!(
        polls, 6,
        "tokio polled Countdown::new(5) {polls} times: 5 Pending, then Ready"
    );
    assert_eq!(
        timed.tokio,
        Duration::ZERO,
        "Countdown::new(5) took {:?}: it waits on nothing, so its six polls come one after the other at once",
        timed.tokio
    );
}

lessons::checks!(
    pending_three_times_then_ready,
    zero_is_ready_at_once,
    runs_on_tokio_without_waiting
);
