//! Serve ten thousand clients in the time of one.
//!
//! `serve_all` serves `clients` clients, numbered from 0, each in a task of
//! its own, and returns the bytes sent to all of them. A session takes 1 s,
//! nearly all of it waiting on the client, so ten thousand of them should
//! take 1 s in all. As written, it waits for each client's task before it
//! spawns the next one: ten thousand clients take ten thousand seconds. Spawn
//! every session first, into a `tokio::task::JoinSet`, then join them all.
//! Leave `Server` as it is: it only measures.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

/// Stands in for the server's side of each connection: it counts the sessions
/// in progress and served, and remembers the most there ever were at once.
#[derive(Debug, Default)]
pub struct Server {
    /// (in progress now, the peak, served)
    counts: Mutex<(usize, usize, usize)>,
}

impl Server {
    /// The most sessions that were ever in progress at once.
    pub fn peak(&self) -> usize {
        self.counts.lock().unwrap().1
    }

    /// How many clients were served to the end.
    pub fn served(&self) -> usize {
        self.counts.lock().unwrap().2
    }

    /// Serves client `id` for 1 s, and returns the bytes sent to it: `id`.
    pub async fn session(&self, id: u32) -> u64 {
        {
            let mut counts = self.counts.lock().unwrap();
            counts.0 += 1;
            counts.1 = counts.1.max(counts.0);
        }
        sleep(Duration::from_secs(1)).await;
        let mut counts = self.counts.lock().unwrap();
        counts.0 -= 1;
        counts.2 += 1;
        u64::from(id)
    }
}

/// Serves clients `0..clients`, each in a task of its own, all at once, and
/// returns the bytes sent to them in all.
///
/// The loop only spawns: each task goes into the set, and on one thread starts
/// when the first `join_next` waits. Then `join_next` hands back
/// each task's output as it finishes (in any order, which a sum does not
/// mind), and `None` once the set is empty. A task that is joined is freed at
/// once, and one still in the set when it is dropped is aborted.
pub async fn serve_all(server: Arc<Server>, clients: u32) -> u64 {
    let mut sessions = JoinSet::new();
    for id in 0..clients {
        let server = Arc::clone(&server);
        sessions.spawn(async move { server.session(id).await });
    }
    let mut sent = 0;
    while let Some(bytes) = sessions.join_next().await {
        sent += bytes.expect("a session does not panic");
    }
    sent
}
