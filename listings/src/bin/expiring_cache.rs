//! A cache whose entries expire a set time after they were stored.

use std::collections::HashMap;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

async fn run() -> [Option<String>; 2] {
    let start = Instant::now();
    let mut cache = Cache::new(Duration::from_secs(1));
    cache.insert("ferris", "a crab");
    log(start, "stored ferris, for 1 s");
    let mut seen = [None, None];
    for (i, wait) in [500, 1000].into_iter().enumerate() {
        sleep(Duration::from_millis(wait)).await;
        seen[i] = cache.get("ferris").map(str::to_string);
        log(start, &format!("ferris: {:?}", seen[i]));
    }
    seen
}

// ANCHOR: program
/// Keeps each value for `ttl` after it was stored. It reads tokio's clock
/// (`tokio::time::Instant`), which a test can pause and move.
struct Cache {
    ttl: Duration,
    entries: HashMap<String, (String, Instant)>,
}

impl Cache {
    fn new(ttl: Duration) -> Self {
        Cache { ttl, entries: HashMap::new() }
    }

    fn insert(&mut self, key: &str, value: &str) {
        self.entries.insert(key.to_string(), (value.to_string(), Instant::now()));
    }

    fn get(&self, key: &str) -> Option<&str> {
        let (value, stored) = self.entries.get(key)?;
        (stored.elapsed() < self.ttl).then_some(value.as_str())
    }
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::Cache;
    use std::time::Duration;
    use tokio::time::{Instant, advance, sleep};

    // ANCHOR: tests
    #[tokio::test(start_paused = true)]
    async fn an_entry_expires_after_its_ttl() {
        let mut cache = Cache::new(Duration::from_secs(60));
        cache.insert("ferris", "a crab");
        advance(Duration::from_secs(59)).await;
        assert_eq!(cache.get("ferris"), Some("a crab"));
        advance(Duration::from_secs(1)).await;
        assert_eq!(cache.get("ferris"), None);
    }

    #[tokio::test(start_paused = true)]
    async fn an_hour_of_sleep_takes_no_real_time() {
        let (tokio_start, std_start) = (Instant::now(), std::time::Instant::now());
        sleep(Duration::from_secs(3600)).await; // nothing else to do: time jumps
        assert_eq!(tokio_start.elapsed(), Duration::from_secs(3600));
        assert!(std_start.elapsed() < Duration::from_secs(1));
    }
    // ANCHOR_END: tests

    /// The quiz's variant: a time to live of 10 s, and the clock moved exactly
    /// 10 s: `get` keeps a value only while less than `ttl` has passed.
    #[test]
    fn an_entry_is_gone_at_exactly_its_ttl() -> xtask::proof::Result {
        let got = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let mut cache = Cache::new(Duration::from_secs(10));
            cache.insert("ferris", "a crab");
            advance(Duration::from_secs(10)).await;
            cache.get("ferris").map(str::to_string)
        })?;
        assert_eq!(got.output, None);
        Ok(())
    }

    /// The book's own check of the run shown on the page.
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Stored for 1 s: still there at 0.5 s, gone at 1.5 s.
        let [early, late] = proof.output;
        assert_eq!(early.as_deref(), Some("a crab"));
        assert_eq!(late, None);
        assert_eq!(proof.elapsed, std::time::Duration::from_millis(1500));
        Ok(())
    }
}
