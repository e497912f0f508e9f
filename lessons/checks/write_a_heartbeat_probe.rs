//! Checks of the exercise `write_a_heartbeat_probe`: the learner's probe runs
//! beside handlers that block, or await, on one thread and a paused clock.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/write_a_heartbeat_probe.rs"]
mod exercise;

use std::pin::pin;
use std::task::{Context, Waker};
use std::time::Duration;
use tokio::time::sleep;

const PERIOD: Duration = Duration::from_millis(100);

/// Stands in for a blocking call, as the book's tests do: it moves the paused
/// clock forward by `duration` at once, without letting another task run,
/// which is what a blocked thread looks like from the runtime.
fn block_for(duration: Duration) {
    let mut advance = pin!(tokio::time::advance(duration));
    let _ = advance.as_mut().poll(&mut Context::from_waker(Waker::noop()));
}

/// How a handler looks up its user.
#[derive(Clone, Copy)]
enum Lookup {
    /// Holds the thread for this long.
    Blocking(Duration),
    /// Awaits this long.
    Awaiting(Duration),
}

/// Spawns the probe for six ticks of 100 ms, receives a request at `at`, looks
/// a user up, and returns what the probe reported.
fn probe_beside(at: Duration, lookup: Lookup) -> Duration {
    let timed = lessons::paused(async move {
        let probe = tokio::spawn(exercise::heartbeat(PERIOD, 6));
        sleep(at).await;
        match lookup {
            Lookup::Blocking(d) => block_for(d),
            Lookup::Awaiting(d) => sleep(d).await,
        }
        probe.await.expect("the probe does not panic")
    });
    lessons::assert_no_blocking(&timed);
    timed.output
}

fn zero_when_nothing_blocks() {
    let worst = probe_beside(
        Duration::from_millis(250),
        Lookup::Awaiting(Duration::from_millis(300)),
    );
    assert_eq!(
        worst,
        Duration::ZERO,
        "the probe reported {worst:?} beside a handler that only awaits: every tick runs \
         when it is due, so it should report zero. Measure from the tick's due time \
         (noted before the wait, on tokio's clock), not from when the wait began"
    );
}

fn sees_a_blocking_call() {
    let worst = probe_beside(
        Duration::from_millis(250),
        Lookup::Blocking(Duration::from_millis(300)),
    );
    assert!(
        !worst.is_zero(),
        "the probe reported zero beside a handler that holds the thread from 250 to \
         550 ms: the tick due at 300 ms cannot run before 550 ms. Read the time on \
         tokio's clock (tokio::time::Instant): on a paused clock, std's Instant barely moves"
    );
    assert_eq!(
        worst,
        Duration::from_millis(250),
        "the probe reported {worst:?}: the handler holds the thread from 250 to 550 ms, \
         so the tick due at 300 ms runs at 550 ms, 250 ms late, and no tick is later"
    );
}

fn measures_exactly() {
    let worst = probe_beside(
        Duration::from_millis(50),
        Lookup::Blocking(Duration::from_millis(120)),
    );
    assert_eq!(
        worst,
        Duration::from_millis(70),
        "the probe reported {worst:?}: the handler holds the thread from 50 to 170 ms, \
         so the first tick, due at 100 ms, runs at 170 ms: 70 ms late"
    );
}

lessons::checks!(zero_when_nothing_blocks, sees_a_blocking_call, measures_exactly);
