//! Find the connections that are never closed.
//!
//! `copy_table` reads a table through one connection and writes its rows
//! through another. Both connections must be closed with `close().await`
//! before `copy_table` returns, whether the copy worked or failed. As
//! written, some are not, and the compiler does not say a word. Find out
//! why, and fix `copy_table` so that every connection it opens is closed.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::sleep;

/// Stands in for a database server: it notes what happens to each connection.
#[derive(Clone, Default)]
pub struct Server {
    seen: Arc<Mutex<Seen>>,
}

/// What the server has seen so far, by connection name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seen {
    pub opened: Vec<&'static str>,
    /// Closed with `close().await`, to the end.
    pub closed: Vec<&'static str>,
    /// Dropped without being closed.
    pub dropped_open: Vec<&'static str>,
}

impl Server {
    pub fn new() -> Server {
        Server::default()
    }

    pub fn seen(&self) -> Seen {
        self.seen.lock().unwrap().clone()
    }
}

pub struct Connection {
    name: &'static str,
    server: Server,
    closed: bool,
}

impl Connection {
    pub async fn connect(server: &Server, name: &'static str) -> Connection {
        sleep(Duration::from_millis(100)).await;
        server.seen.lock().unwrap().opened.push(name);
        Connection { name, server: server.clone(), closed: false }
    }

    /// The rows of `table`; an error for a table the server does not have.
    pub async fn query(&mut self, table: &str) -> Result<Vec<String>, String> {
        sleep(Duration::from_millis(500)).await;
        match table {
            "users" => Ok(vec!["Ferris".to_string(), "Corro".to_string()]),
            _ => Err(format!("no table named {table}")),
        }
    }

    /// Writes `rows`, and returns how many it wrote.
    pub async fn insert(&mut self, rows: Vec<String>) -> usize {
        sleep(Duration::from_millis(300)).await;
        rows.len()
    }

    /// Says goodbye to the server, and consumes the connection.
    pub async fn close(mut self) {
        sleep(Duration::from_millis(100)).await;
        self.closed = true;
        self.server.seen.lock().unwrap().closed.push(self.name);
    }
}

/// The safety net: it cannot close (no `.await` in `drop`), only take note.
impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            self.server.seen.lock().unwrap().dropped_open.push(self.name);
        }
    }
}

/// Copies the rows of `table` from the source to the target, and returns how
/// many it copied.
// TODO: some ways through this function leave a connection unclosed.
pub async fn copy_table(server: &Server, table: &str) -> Result<usize, String> {
    let mut source = Connection::connect(server, "source").await;
    let mut target = Connection::connect(server, "target").await;
    let rows = source.query(table).await?;
    let _ = source.close();
    let copied = target.insert(rows).await;
    target.close().await;
    Ok(copied)
}
