//! Exact timings on tokio's paused clock, for the listings' own tests.
//!
//! In a test started with `#[tokio::test(start_paused = true)]`, time stands
//! still until every task is waiting; then the clock jumps to the next timer.
//! A listing that sleeps 2 s then takes exactly 2000 ms of tokio time and
//! almost no real time, so the claim in `listings/listings.toml` can be
//! checked to the millisecond.

use crate::manifest::Manifest;
use crate::workspace_root;
use std::future::Future;
use std::time::Duration;
use tokio::time::Instant;

/// The time `listings/listings.toml` claims for a listing.
fn claim(name: &str) -> Duration {
    let manifest =
        Manifest::load(&workspace_root()).unwrap_or_else(|e| panic!("{e:#}"));
    let listing = manifest.listing(name).unwrap_or_else(|e| panic!("{e:#}"));
    let millis = listing
        .claimed_millis()
        .unwrap_or_else(|| panic!("`{name}` claims no `seconds` in the manifest"));
    Duration::from_millis(millis)
}

fn assert_paused() {
    let before = Instant::now();
    std::thread::sleep(Duration::from_millis(1));
    assert_eq!(
        before,
        Instant::now(),
        "exact timings need tokio's paused clock: #[tokio::test(start_paused = true)]"
    );
}

fn assert_elapsed(name: &str, elapsed: Duration) {
    let claimed = claim(name);
    assert_eq!(
        elapsed, claimed,
        "on the paused clock `{name}` took {elapsed:?}, the book claims {claimed:?}"
    );
}

/// Awaits `future` and asserts it took exactly the time the book claims for
/// listing `name`, to the nanosecond (so in whole milliseconds).
pub async fn assert_takes_claimed_time<F: Future>(name: &str, future: F) -> F::Output {
    assert_paused();
    let start = Instant::now();
    let output = future.await;
    assert_elapsed(name, start.elapsed());
    output
}

/// The same for a listing that does not use async at all: its blocking waits
/// go through [`blocking::sleep`].
pub fn assert_blocking_takes_claimed_time<T>(name: &str, run: impl FnOnce() -> T) -> T {
    assert_paused();
    let start = Instant::now();
    let output = run();
    assert_elapsed(name, start.elapsed());
    output
}

/// Blocking waits, on the paused clock.
pub mod blocking {
    use std::pin::pin;
    use std::task::{Context, Waker};
    use std::time::Duration;

    /// Stands in for `std::thread::sleep` in tests on the paused clock, where a
    /// real blocking sleep would not move tokio's clock at all.
    ///
    /// A blocking sleep holds the thread: time passes and nothing else runs on
    /// it meanwhile. This moves the paused clock forward by `duration` at once,
    /// without yielding to other tasks, which is the same thing seen from the
    /// runtime. (The first poll of `tokio::time::advance` moves the clock; only
    /// its second step yields, and that step is never taken.)
    pub fn sleep(duration: Duration) {
        let mut advance = pin!(tokio::time::advance(duration));
        let _ = advance.as_mut().poll(&mut Context::from_waker(Waker::noop()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_blocking_sleep_moves_the_paused_clock_without_yielding() {
        let start = Instant::now();
        blocking::sleep(Duration::from_millis(1500));
        assert_eq!(start.elapsed(), Duration::from_millis(1500));
    }
}
