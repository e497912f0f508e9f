//! Write Rust's `async with`: a helper that always closes.
//!
//! `with_connection` connects to `server`, runs `body` with the connection,
//! and hands back the body's result. As written, it never closes the
//! connection. Make it close the connection after the body, with
//! `close().await`, whether the body returned `Ok` or `Err`, and before it
//! returns. Connecting takes 0.1 s, a query 0.5 s, closing 0.1 s.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::sleep;

/// Stands in for a database server: it counts the connections it sees.
#[derive(Clone, Default)]
pub struct Server {
    counts: Arc<Mutex<Counts>>,
}

/// What the server has seen so far.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// Connections opened.
    pub opened: usize,
    /// Connections closed with `close().await`, to the end.
    pub closed: usize,
    /// Connections dropped without being closed.
    pub dropped_open: usize,
}

impl Server {
    pub fn new() -> Server {
        Server::default()
    }

    pub fn counts(&self) -> Counts {
        *self.counts.lock().unwrap()
    }
}

/// A connection: `connect` it, `query` it, and `close` it when done.
pub struct Connection {
    server: Server,
    closed: bool,
}

impl Connection {
    pub async fn connect(server: &Server) -> Connection {
        sleep(Duration::from_millis(100)).await;
        server.counts.lock().unwrap().opened += 1;
        Connection { server: server.clone(), closed: false }
    }

    /// The rows of `table`; an error for a table the server does not have.
    pub async fn query(&mut self, table: &str) -> Result<Vec<String>, String> {
        sleep(Duration::from_millis(500)).await;
        match table {
            "users" => Ok(vec!["Ferris".to_string(), "Corro".to_string()]),
            _ => Err(format!("no table named {table}")),
        }
    }

    /// Says goodbye to the server, and consumes the connection.
    pub async fn close(mut self) {
        sleep(Duration::from_millis(100)).await;
        self.closed = true;
        self.server.counts.lock().unwrap().closed += 1;
    }
}

/// The safety net: it cannot close (no `.await` in `drop`), only count.
impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            self.server.counts.lock().unwrap().dropped_open += 1;
        }
    }
}

/// Connects, runs `body` with the connection, closes the connection whatever
/// `body` returned, and returns `body`'s result.
pub async fn with_connection<T>(
    server: &Server,
    body: impl AsyncFnOnce(&mut Connection) -> Result<T, String>,
) -> Result<T, String> {
    let mut conn = Connection::connect(server).await;
    // TODO: the connection is never closed. Close it after the body, on
    // success and on failure, then return the body's result.
    body(&mut conn).await
}
