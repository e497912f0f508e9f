//! Checks of the exercise `test_the_expiring_cache`: the learner's test is run
//! against a correct cache, and against broken ones it must catch.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/test_the_expiring_cache.rs"]
mod exercise;

use exercise::{Cache, TTL};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;
use tokio::time::Instant;

/// How a cache decides whether a value is still there.
#[derive(Clone, Copy)]
enum Kind {
    Correct,
    NeverExpires,
    ForgetsAtOnce,
    ExpiresAtHalfTime,
    KeepsItAtTtl,
}

/// A cache on tokio's clock, correct or broken in one way.
struct TestCache {
    kind: Kind,
    entries: HashMap<String, (String, Instant)>,
}

impl Cache for TestCache {
    fn insert(&mut self, key: &str, value: &str) {
        self.entries.insert(key.to_string(), (value.to_string(), Instant::now()));
    }

    fn get(&self, key: &str) -> Option<String> {
        let (value, stored) = self.entries.get(key)?;
        let age = stored.elapsed();
        let there = match self.kind {
            Kind::Correct => age < TTL,
            Kind::NeverExpires => true,
            Kind::ForgetsAtOnce => false,
            Kind::ExpiresAtHalfTime => age < TTL / 2,
            Kind::KeepsItAtTtl => age <= TTL,
        };
        there.then(|| value.clone())
    }
}

/// Runs the learner's test on the paused clock with a new cache of `kind`:
/// `Err(message)` if it panicked.
fn run_test(kind: Kind) -> Result<(), String> {
    let mut cache = TestCache { kind, entries: HashMap::new() };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let timed = lessons::paused(exercise::test_expiry(&mut cache));
        assert!(
            timed.real < Duration::from_millis(500),
            "your test took {:.1} s of real time: on the paused clock, move tokio's clock \
             (tokio::time::advance) instead of waiting for real",
            timed.real.as_secs_f64()
        );
    }));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}

/// Asserts that the learner's test fails a cache of `kind`; `what` describes
/// it, and `how` says how to catch it.
fn assert_caught(kind: Kind, what: &str, how: &str) {
    assert!(
        run_test(kind).is_err(),
        "your test passed a cache {what}: it should fail it. {how}"
    );
}

fn passes_a_correct_cache() {
    if let Err(message) = run_test(Kind::Correct) {
        panic!(
            "your test failed a correct cache, which keeps a value while less than 60 s \
             have passed since it was stored, and not a moment longer. It said: {message}"
        );
    }
}

fn fails_a_cache_that_never_expires() {
    assert_caught(
        Kind::NeverExpires,
        "whose values never expire",
        "Store a value, move tokio's clock 60 s forward with \
         `tokio::time::advance(...).await`, and assert that `get` gives `None`",
    );
}

fn fails_a_cache_that_forgets_at_once() {
    assert_caught(
        Kind::ForgetsAtOnce,
        "whose `get` always gives `None`",
        "Assert that a value is there while its time is not up",
    );
}

fn fails_a_cache_that_expires_early() {
    assert_caught(
        Kind::ExpiresAtHalfTime,
        "whose values expire after 30 s, not 60",
        "Assert that the value is still there just before its 60 s are up",
    );
}

fn fails_a_cache_that_keeps_it_at_the_ttl() {
    assert_caught(
        Kind::KeepsItAtTtl,
        "that still gives a value when exactly 60 s have passed (it compares with `<=`)",
        "On the paused clock, time is exact: assert that the value is gone at exactly \
         60 s, not later",
    );
}

lessons::checks!(
    passes_a_correct_cache,
    fails_a_cache_that_never_expires,
    fails_a_cache_that_forgets_at_once,
    fails_a_cache_that_expires_early,
    fails_a_cache_that_keeps_it_at_the_ttl,
);
