//! Take each page the moment its fetch finishes.
//!
//! `arrivals` runs one fetch per page as a task, and each fetch takes its own
//! time. It should get each page as soon as its fetch is done, and return the
//! pages in that order, each with the time it got it. As written, it awaits
//! the handles in the order they were spawned, so a fast page waits behind a
//! slow one: fetches of 3 s, 1 s and 2 s all arrive at 3 s.

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

/// Stands in for a request that takes `ms` milliseconds: gives back its id.
pub async fn fetch(id: u32, ms: u64) -> u32 {
    sleep(Duration::from_millis(ms)).await;
    id
}

/// Fetches every `(id, ms)` page as a task, and returns `(id, arrived)` for
/// each, in the order they arrived: `arrived` is the number of milliseconds
/// since the start when `arrivals` got that page.
pub async fn arrivals(pages: Vec<(u32, u64)>) -> Vec<(u32, u64)> {
    let start = Instant::now();
    // The set owns the tasks; `spawn` starts each one at once, as
    // `tokio::spawn` does.
    let mut set = JoinSet::new();
    for (id, ms) in pages {
        set.spawn(fetch(id, ms));
    }
    let mut got = Vec::new();
    // `join_next` gives the result of whichever task finishes next, and `None`
    // once the set is empty.
    while let Some(result) = set.join_next().await {
        let id = result.expect("a fetch does not panic");
        got.push((id, start.elapsed().as_millis() as u64));
    }
    got
}
