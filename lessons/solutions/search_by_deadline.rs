//! One deadline for a group of searches.
//!
//! `search_all` queries every backend at once, as tasks, and must be done
//! `budget` after it starts: it keeps the answers that came in time and names
//! the backends that did not answer, both in the order of `backends`. As
//! written, each handle gets the whole budget again, counted from when it is
//! awaited, so slow backends get in late and the search runs past its budget.
//! A query that misses the deadline must be stopped, not left running: it
//! holds a connection.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::error::Elapsed;
use tokio::time::{Instant, sleep, timeout_at};

/// What a search found.
#[derive(Debug, Default, PartialEq)]
pub struct Search {
    /// The answers that came in time, in the order of the backends.
    pub found: Vec<String>,
    /// The backends that did not answer in time, in the same order.
    pub missed: Vec<&'static str>,
}

/// How many connections are open: a query holds one until it answers, or
/// until it is dropped.
pub static OPEN_CONNECTIONS: AtomicUsize = AtomicUsize::new(0);

struct Connection;

impl Connection {
    fn open() -> Connection {
        OPEN_CONNECTIONS.fetch_add(1, Ordering::SeqCst);
        Connection
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        OPEN_CONNECTIONS.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Stands in for a query to a backend that takes `ms` milliseconds to answer.
pub async fn query(backend: &'static str, ms: u64) -> String {
    let _connection = Connection::open();
    sleep(Duration::from_millis(ms)).await;
    format!("{backend}: 3 results")
}

/// Queries every `(backend, ms)` at once, and returns what came in within
/// `budget` of the start.
pub async fn search_all(
    backends: Vec<(&'static str, u64)>,
    budget: Duration,
) -> Search {
    // One point in time for the whole group, computed once.
    let deadline = Instant::now() + budget;
    let handles: Vec<_> = backends
        .into_iter()
        .map(|(backend, ms)| (backend, tokio::spawn(query_by(deadline, backend, ms))))
        .collect();
    let mut search = Search::default();
    for (backend, handle) in handles {
        // Every task is over by the deadline (in time, or stopped by it), so
        // awaiting the handles in order costs no more than the budget.
        match handle.await.expect("a query does not panic") {
            Ok(answer) => search.found.push(answer),
            Err(_elapsed) => search.missed.push(backend),
        }
    }
    search
}

/// Queries `backend`, or gives up at `deadline`. The timeout is inside the
/// task: when it fires, it drops the query, and its connection with it.
async fn query_by(
    deadline: Instant,
    backend: &'static str,
    ms: u64,
) -> Result<String, Elapsed> {
    timeout_at(deadline, query(backend, ms)).await
}
