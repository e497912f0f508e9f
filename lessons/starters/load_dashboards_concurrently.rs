//! Load dashboards concurrently, from a type's async methods.
//!
//! `Client::dashboard` fetches a user's profile (0.3 s), orders (0.8 s) and
//! news (0.5 s) one after the other: 1.6 s. Make it fetch the three at once,
//! 0.8 s, still in a `&self` method. Then make `Client::dashboards` load the
//! dashboards of any number of users at once, in 0.8 s whatever their number,
//! and return them in the order of `users`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::sleep;

/// What the dashboard shows for one user.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub profile: String,
    pub orders: Vec<u32>,
    pub news: Vec<String>,
}

/// A client of the shop's API. It counts the requests it makes.
#[derive(Default)]
pub struct Client {
    requests: AtomicUsize,
}

impl Client {
    pub fn new() -> Client {
        Client::default()
    }

    /// How many requests the client made so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// Stands in for one request: counts it, then waits for the answer.
    async fn request(&self, millis: u64) {
        self.requests.fetch_add(1, Ordering::SeqCst);
        sleep(Duration::from_millis(millis)).await;
    }

    pub async fn profile(&self, user: &str) -> String {
        self.request(300).await;
        format!("{user}'s profile")
    }

    pub async fn orders(&self, user: &str) -> Vec<u32> {
        self.request(800).await;
        vec![user.len() as u32, 2 * user.len() as u32]
    }

    pub async fn news(&self) -> Vec<String> {
        self.request(500).await;
        vec!["Rust 2024 is out".to_string()]
    }

    /// The dashboard of one user.
    pub async fn dashboard(&self, user: &str) -> Dashboard {
        // TODO: each request waits for the one before: 0.3 + 0.8 + 0.5 s.
        let profile = self.profile(user).await;
        let orders = self.orders(user).await;
        let news = self.news().await;
        Dashboard { profile, orders, news }
    }

    /// The dashboards of all `users`, in the same order.
    pub async fn dashboards(self: &Arc<Self>, users: Vec<String>) -> Vec<Dashboard> {
        // TODO: one user after the other. Load them all at once, whatever
        // their number.
        let mut dashboards = Vec::new();
        for user in users {
            dashboards.push(self.dashboard(&user).await);
        }
        dashboards
    }
}
