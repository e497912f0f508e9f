//! Choose the right mutex for each shared thing.
//!
//! `serve_requests` spawns one task per request. Each task counts its request
//! in the shared `Stats`, saves the new count to the database (500 ms), then
//! writes an entry of two lines, `begin N` and `end N`, to the shared
//! `Journal` (100 ms a line). As written, it does not compile: "future cannot
//! be sent between threads safely". Fix it, each lock its own way: the three
//! saves must overlap (all start at 0 ms), and no line may come between an
//! entry's `begin` and its `end`. Leave `Database` and `Journal` as they are.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// Plain data, shared by every task.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: u64,
}

/// Stands in for a database; it notes each save, and when it started.
#[derive(Debug)]
pub struct Database {
    start: Instant,
    saves: Mutex<Vec<(u64, Duration)>>,
}

impl Database {
    fn new() -> Database {
        Database { start: Instant::now(), saves: Mutex::new(Vec::new()) }
    }

    /// Saves the request count: 500 ms.
    pub async fn save(&self, requests: u64) {
        // A std lock in a method that does not await: the guard goes at once.
        self.saves.lock().unwrap().push((requests, self.start.elapsed()));
        sleep(Duration::from_millis(500)).await;
    }
}

/// A file that tasks append lines to: each write takes 100 ms.
#[derive(Debug, Default)]
pub struct Journal {
    lines: Vec<String>,
}

impl Journal {
    pub async fn write_line(&mut self, line: String) {
        sleep(Duration::from_millis(100)).await;
        self.lines.push(line);
    }
}

/// What `serve_requests` leaves behind.
#[derive(Debug)]
pub struct Report {
    /// Each save: the count saved, and when the save started.
    pub saves: Vec<(u64, Duration)>,
    /// The journal's lines, in the order they were written.
    pub journal: Vec<String>,
}

/// Serves `requests` requests, one task each, and reports what they did.
pub async fn serve_requests(requests: u64) -> Report {
    let stats = Arc::new(Mutex::new(Stats::default()));
    let database = Arc::new(Database::new());
    let journal = Arc::new(tokio::sync::Mutex::new(Journal::default()));
    let tasks: Vec<_> = (1..=requests)
        .map(|request| {
            let (stats, database, journal) =
                (Arc::clone(&stats), Arc::clone(&database), Arc::clone(&journal));
            tokio::spawn(handle(request, stats, database, journal))
        })
        .collect();
    for task in tasks {
        task.await.expect("a request's task does not panic");
    }
    let saves = database.saves.lock().unwrap().clone();
    let journal = journal.lock().await.lines.clone();
    Report { saves, journal }
}

/// `Stats` is plain data, updated without an `.await`: it stays behind a std
/// `Mutex`, whose guard lives in a block and is gone before the save, so the
/// saves overlap. The `Journal` must be held across both writes of an entry:
/// it is behind a `tokio::sync::Mutex`, whose guard may be held across
/// `.await`, and the entries take turns.
async fn handle(
    request: u64,
    stats: Arc<Mutex<Stats>>,
    database: Arc<Database>,
    journal: Arc<tokio::sync::Mutex<Journal>>,
) {
    let count = {
        let mut stats = stats.lock().unwrap();
        stats.requests += 1;
        stats.requests
    }; // the std guard is dropped here, before any `.await`
    database.save(count).await;
    let mut journal = journal.lock().await;
    journal.write_line(format!("begin {request}")).await;
    journal.write_line(format!("end {request}")).await;
}
