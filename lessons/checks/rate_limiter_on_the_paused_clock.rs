//! Checks of the exercise `rate_limiter_on_the_paused_clock`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/rate_limiter_on_the_paused_clock.rs"]
mod exercise;

use exercise::RateLimiter;
use std::panic;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;
use tokio::time::{Instant, advance};

const SECOND: Duration = Duration::from_secs(1);

/// Moves the paused clock forward to `ms` after `start`.
async fn at(start: Instant, ms: u64) {
    let when = start + Duration::from_millis(ms);
    advance(when.saturating_duration_since(Instant::now())).await;
}

/// Times in seconds, for a message.
fn seconds(ms: &[u64]) -> String {
    let listed: Vec<String> =
        ms.iter().map(|ms| format!("{}", *ms as f64 / 1000.0)).collect();
    listed.join(", ")
}

fn allows_max_calls_then_refuses() {
    let answers = lessons::paused(async {
        let mut limiter = RateLimiter::new(3, SECOND);
        [(); 4].map(|()| limiter.try_acquire())
    })
    .output;
    assert_eq!(
        answers,
        [true, true, true, false],
        "four calls to try_acquire at the same instant gave {answers:?}: a limiter of 3 \
         calls per second allows the first 3, and refuses the 4th"
    );
}

fn reads_tokios_clock() {
    let answer = lessons::paused(async {
        let mut limiter = RateLimiter::new(3, SECOND);
        for _ in 0..3 {
            limiter.try_acquire();
        }
        advance(Duration::from_secs(10)).await;
        limiter.try_acquire()
    })
    .output;
    assert!(
        answer,
        "3 calls allowed, then tokio's clock moved 10 s forward, and try_acquire refused: \
         the first calls stopped counting long ago. Does the limiter read \
         `std::time::Instant`? A paused test moves tokio's clock, `tokio::time::Instant`, \
         and only that one"
    );
}

fn a_call_counts_for_exactly_per() {
    let answers = lessons::paused(async {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(3, SECOND);
        for _ in 0..3 {
            limiter.try_acquire();
        }
        at(start, 999).await;
        let before = limiter.try_acquire();
        at(start, 1000).await;
        (before, limiter.try_acquire())
    })
    .output;
    assert!(
        !answers.0,
        "3 calls allowed at 0 s, and at 0.999 s try_acquire allowed a 4th: those 3 still \
         count until 1 s has passed"
    );
    assert!(
        answers.1,
        "3 calls allowed at 0 s, and at 1.000 s try_acquire refused: at exactly 1 s they \
         no longer count (compare with `>=`, not `>`)"
    );
}

fn the_window_slides() {
    let times = [0, 500, 900, 950, 1000, 1200, 1500];
    let expected = [true, true, true, false, true, false, true];
    let answers = lessons::paused(async {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(3, SECOND);
        let mut answers = Vec::new();
        for ms in times {
            at(start, ms).await;
            answers.push(limiter.try_acquire());
        }
        answers
    })
    .output;
    assert_eq!(
        answers,
        expected,
        "with 3 calls per second, calls at {} s gave {answers:?}: at 0.95 s, the calls of \
         0, 0.5 and 0.9 s count; at 1 s, the one of 0 s no longer does, and the refused \
         one never did; at 1.2 s, those of 0.5, 0.9 and 1 s count. Count the calls \
         allowed in the last second, at every call (not in windows that start over each \
         second)",
        seconds(&times)
    );
}

fn acquire_waits_its_turn() {
    // On a thread of its own, so that a busy loop (which stops the paused clock
    // for good) is reported, not waited for.
    let (done, result) = mpsc::channel();
    let run = thread::spawn(move || {
        let timed = lessons::paused(async {
            let start = Instant::now();
            let mut limiter = RateLimiter::new(2, SECOND);
            let mut through = Vec::new();
            for _ in 0..5 {
                limiter.acquire().await;
                through.push(start.elapsed().as_millis() as u64);
            }
            through
        });
        let _ = done.send(timed);
    });
    let timed = match result.recv_timeout(Duration::from_secs(5)) {
        Ok(timed) => timed,
        Err(RecvTimeoutError::Timeout) => panic!(
            "acquire was still going after 5 s of real time, while tokio's clock stood \
             still: it loops without ever waiting. Does it wait for an instant that has \
             already come? At exactly 1 s after a call, that call no longer counts"
        ),
        Err(RecvTimeoutError::Disconnected) => match run.join() {
            Err(panic) => panic::resume_unwind(panic),
            Ok(()) => unreachable!("the run sends its result before it ends"),
        },
    };
    lessons::assert_no_blocking(&timed);
    let through = timed.output;
    assert_eq!(
        through,
        [0, 0, 1000, 1000, 2000],
        "with 2 calls per second, five acquires in a row went through at {} s: they \
         should go through at 0, 0, 1, 1 and 2 s{}",
        seconds(&through),
        if through.iter().all(|&ms| ms == 0) {
            " (all at once: when a call is refused, acquire should wait, with a tokio \
             timer, until the oldest call that counts is 1 s old)"
        } else {
            ""
        }
    );
}

lessons::checks!(
    allows_max_calls_then_refuses,
    reads_tokios_clock,
    a_call_counts_for_exactly_per,
    the_window_slides,
    acquire_waits_its_turn,
);
