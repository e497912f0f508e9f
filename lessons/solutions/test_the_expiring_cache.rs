//! Write the test that catches a broken cache.
//!
//! A cache keeps each value for its time to live, `ttl`, from the moment it
//! was stored: `get` gives the value back while less than `ttl` has passed,
//! and `None` once `ttl` has passed. This time the code is given, and the
//! test is yours: write `test_expiry`. The check runs it on tokio's paused
//! clock, each time with a new, empty cache whose `ttl` is 60 s: against a
//! correct cache, which it must pass, and against four broken ones, each of
//! which it must fail, by panicking as a failed `assert!` does. It should take
//! no real time.

use std::time::Duration;
use tokio::time::advance;

/// What the test can do with a cache.
pub trait Cache {
    /// Stores `value` under `key`, for `ttl` from now.
    fn insert(&mut self, key: &str, value: &str);
    /// The value stored under `key`, if its time is not up.
    fn get(&self, key: &str) -> Option<String>;
}

/// The time to live of the caches `test_expiry` is given.
pub const TTL: std::time::Duration = std::time::Duration::from_secs(60);

/// Passes (returns) for a correct cache; fails (panics) for a broken one.
///
/// The cache reads tokio's clock and has no timer of its own, so nothing would
/// make a paused clock move by itself: `advance` moves it by hand, at once.
/// The test looks on both sides of the edge: there just before `TTL` (which
/// catches a cache that forgets early), gone at exactly `TTL` (which catches
/// one that never forgets, or keeps a value one instant too long).
pub async fn test_expiry(cache: &mut dyn Cache) {
    cache.insert("ferris", "a crab");
    assert_eq!(cache.get("ferris").as_deref(), Some("a crab"), "just stored");
    advance(TTL - Duration::from_millis(1)).await;
    assert_eq!(cache.get("ferris").as_deref(), Some("a crab"), "1 ms before its time");
    advance(Duration::from_millis(1)).await;
    assert_eq!(
        cache.get("ferris"),
        None,
        "exactly its time to live after it was stored"
    );
}
