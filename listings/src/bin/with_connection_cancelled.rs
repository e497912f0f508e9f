//! `with_connection` under a timeout that expires during the query.

use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

#[tokio::main]
async fn main() {
    run().await;
}

struct Connection {
    start: Instant,
    closed: bool,
}

impl Connection {
    async fn connect(start: Instant) -> Connection {
        log(start, "connect started");
        sleep(Duration::from_millis(100)).await;
        log(start, "connect finished");
        Connection { start, closed: false }
    }

    async fn query(&mut self, table: &str) -> Result<Vec<String>, String> {
        log(self.start, &format!("query: asked for {table}"));
        sleep(Duration::from_millis(500)).await;
        log(self.start, "query: rows received");
        Ok(vec!["Ferris".to_string(), "Corro".to_string()])
    }

    async fn close(mut self) {
        log(self.start, "close started");
        sleep(Duration::from_millis(100)).await;
        self.closed = true;
        log(self.start, "close finished");
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            log(self.start, "connection dropped without close()!");
        }
    }
}

async fn with_connection<T>(
    start: Instant,
    body: impl AsyncFnOnce(&mut Connection) -> Result<T, String>,
) -> Result<T, String> {
    let mut conn = Connection::connect(start).await;
    let result = body(&mut conn).await;
    conn.close().await;
    result
}

// ANCHOR: program
async fn run() -> bool {
    let start = Instant::now();
    let scoped = with_connection(start, async |conn| {
        let rows = conn.query("users").await?;
        Ok(rows.len())
    });
    let outcome = timeout(Duration::from_millis(300), scoped).await;
    log(start, &format!("main: {outcome:?}"));
    outcome.is_err()
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
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // The timeout expired, and the helper's close never ran.
        assert!(proof.output);
        assert!(!proof.lines.iter().any(|l| l.contains("close started")));
        assert!(!proof.lines.iter().any(|l| l.contains("rows received")));
        // Only the synchronous `Drop` ran, as the future was dropped.
        proof.assert_order(&[
            "connection dropped without close()!",
            "main: Err(Elapsed",
        ])?;
        Ok(())
    }
}
