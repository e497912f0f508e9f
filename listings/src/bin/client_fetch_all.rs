//! A client type with async methods: one fetch, and three at once, first
//! joined in the calling task, then spawned as tasks.

use std::sync::Arc;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
struct Client {
    base: String,
    start: Instant,
}

impl Client {
    async fn fetch(&self, endpoint: &str) -> String {
        log(self.start, &format!("fetch {endpoint} started"));
        sleep(Duration::from_secs(1)).await; // the server answers
        log(self.start, &format!("fetch {endpoint} finished"));
        format!("{}/{endpoint}: 200", self.base)
    }

    /// The three futures borrow `self` and the names: `join!` polls them
    /// inside the task that awaits `fetch_all`.
    async fn fetch_all(&self, [a, b, c]: [&str; 3]) -> [String; 3] {
        let (a, b, c) = tokio::join!(self.fetch(a), self.fetch(b), self.fetch(c));
        [a, b, c]
    }
}

async fn run() -> (Duration, Duration) {
    let start = Instant::now();
    let client = Arc::new(Client { base: "api.example".to_string(), start });
    let pages = client.fetch_all(["users", "orders", "stock"]).await;
    let joined = start.elapsed();
    log(start, &format!("main: joined: {pages:?}"));

    let pages = client.fetch_all_spawned(&["users", "orders", "stock"]).await;
    let spawned = start.elapsed() - joined;
    log(start, &format!("main: spawned: {pages:?}"));
    (joined, spawned)
}
// ANCHOR_END: program

// ANCHOR: spawned
impl Client {
    /// Tasks may outlive this call: each owns a clone of the `Arc` and its
    /// endpoint's name.
    async fn fetch_all_spawned(self: &Arc<Self>, endpoints: &[&str]) -> Vec<String> {
        let mut handles = Vec::new();
        for endpoint in endpoints {
            let client = Arc::clone(self);
            let endpoint = endpoint.to_string();
            handles.push(tokio::spawn(async move { client.fetch(&endpoint).await }));
        }
        let mut pages = Vec::new();
        for handle in handles {
            pages.push(handle.await.expect("no fetch panics"));
        }
        pages
    }
}
// ANCHOR_END: spawned

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::Client;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Three 1 s fetches overlap each time: 1 s, not 3 s.
        let (joined, spawned) = proof.output;
        assert_eq!(joined, Duration::from_secs(1));
        assert_eq!(spawned, Duration::from_secs(1));
        Ok(())
    }

    impl Client {
        /// The quiz's version of `fetch_all`: each fetch awaited in turn.
        async fn fetch_all_in_turn(&self, endpoints: [&str; 3]) -> Vec<String> {
            let mut pages = Vec::new();
            for e in endpoints {
                pages.push(self.fetch(e).await);
            }
            pages
        }
    }

    /// The quiz's variant, and the page's "not 3 × 1 s = 3 s": three fetches
    /// of 1 s awaited one after the other take 3 s.
    #[test]
    fn three_fetches_awaited_in_turn_take_3_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let client = Client { base: "api.example".to_string(), start };
            let pages = client.fetch_all_in_turn(["users", "orders", "stock"]).await;
            assert_eq!(pages.len(), 3);
            assert_eq!(start.elapsed(), Duration::from_secs(3));
        })?;
        Ok(())
    }
}
