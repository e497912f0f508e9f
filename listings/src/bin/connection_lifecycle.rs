//! A connection with async setup and teardown: connect, query, close.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
struct Connection {
    start: Instant,
}

impl Connection {
    async fn connect(start: Instant) -> Connection {
        log(start, "connect started");
        sleep(Duration::from_millis(100)).await; // the handshake
        log(start, "connect finished");
        Connection { start }
    }

    async fn query(&mut self, table: &str) -> Vec<String> {
        log(self.start, "query started");
        sleep(Duration::from_millis(500)).await; // the server works
        log(self.start, "query finished");
        vec![format!("{table} row 1"), format!("{table} row 2")]
    }

    /// Takes the connection by value: once closed, it is gone.
    async fn close(self) {
        log(self.start, "close started");
        sleep(Duration::from_millis(100)).await; // the goodbye
        log(self.start, "close finished");
    }
}

async fn run() -> (Duration, usize) {
    let start = Instant::now();
    let mut conn = Connection::connect(start).await;
    let rows = conn.query("users").await;
    let queried = start.elapsed();
    conn.close().await;
    log(start, &format!("main: got {rows:?}"));
    (queried, rows.len())
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
    use std::time::Duration;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // The rows were in hand after connect + query: 100 + 500 ms.
        let (queried, rows) = proof.output;
        assert_eq!(queried, Duration::from_millis(600));
        assert_eq!(rows, 2);
        Ok(())
    }
}
