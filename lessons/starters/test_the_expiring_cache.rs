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
pub async fn test_expiry(cache: &mut dyn Cache) {
    // TODO: store a value, move tokio's clock, and check what `get` gives.
    let _ = cache;
}
