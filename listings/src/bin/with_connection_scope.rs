//! A helper that connects, runs a body with the connection, and closes it,
//! whatever the body returns.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    let _ = run().await;
}

struct Connection {
    start: Instant,
}

impl Connection {
    async fn connect(start: Instant) -> Connection {
        log(start, "connect started");
        sleep(Duration::from_millis(100)).await;
        log(start, "connect finished");
        Connection { start }
    }

    /// Fails for a table the server does not have.
    async fn query(&mut self, table: &str) -> Result<Vec<String>, String> {
        log(self.start, "query started");
        sleep(Duration::from_millis(500)).await;
        log(self.start, "query finished");
        match table {
            "users" => Ok(vec!["Ferris".to_string(), "Corro".to_string()]),
            _ => Err(format!("no table named {table}")),
        }
    }

    async fn close(self) {
        log(self.start, "close started");
        sleep(Duration::from_millis(100)).await;
        log(self.start, "close finished");
    }
}

// ANCHOR: program
async fn with_connection<T>(
    start: Instant,
    body: impl AsyncFnOnce(&mut Connection) -> Result<T, String>,
) -> Result<T, String> {
    let mut conn = Connection::connect(start).await;
    let result = body(&mut conn).await; // the body borrows the connection
    conn.close().await; // runs whatever the body returned
    result
}

async fn run() -> (Result<usize, String>, Result<usize, String>) {
    let start = Instant::now();
    let users = with_connection(start, async |conn| {
        let rows = conn.query("users").await?;
        Ok(rows.len())
    })
    .await;
    log(start, &format!("main: users: {users:?}"));

    let orders = with_connection(start, async |conn| {
        let rows = conn.query("orders").await?; // fails: returns early
        Ok(rows.len())
    })
    .await;
    log(start, &format!("main: orders: {orders:?}"));
    (users, orders)
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
    use super::with_connection;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        assert_eq!(proof.output.0, Ok(2));
        assert_eq!(proof.output.1, Err("no table named orders".to_string()));
        // Both times, the connection was closed just before `main` got the
        // result: on the paused clock, and in the output the page shows.
        let name = env!("CARGO_BIN_NAME");
        let path = xtask::workspace_root().join(xtask::manifest::output_file(name));
        let captured = std::fs::read_to_string(path).expect("the captured output");
        let captured: Vec<String> = captured.lines().map(String::from).collect();
        for lines in [&proof.lines, &captured] {
            let mains: Vec<usize> =
                (1..lines.len()).filter(|&i| lines[i].contains("main:")).collect();
            assert_eq!(mains.len(), 2);
            for i in mains {
                assert!(lines[i - 1].contains("close finished"), "{}", lines[i]);
            }
        }
        Ok(())
    }

    /// The quiz's variant: a body that awaits two queries of 0.5 s in turn.
    /// Connect, query, query, close: 0.1 + 0.5 + 0.5 + 0.1 = 1.2 s.
    #[test]
    fn two_queries_in_one_scope_take_1_2_s() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let rows = with_connection(start, async |conn| {
                let users = conn.query("users").await?;
                let more = conn.query("users").await?;
                Ok(users.len() + more.len())
            })
            .await;
            assert_eq!(rows, Ok(4));
            assert_eq!(start.elapsed(), Duration::from_millis(1200));
        })?;
        Ok(())
    }

    /// The page's caveat: a body that panics never returns, so the close
    /// after it never runs (no `close` line at all); the task that ran the
    /// scope ends with the panic.
    #[test]
    fn a_panicking_body_skips_the_close() -> xtask::proof::Result {
        let variant = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let scope = with_connection(start, async |conn| -> Result<usize, String> {
                conn.query("users").await?;
                panic!("the body panics");
            });
            tokio::spawn(scope).await
        })?;
        assert!(variant.output.is_err_and(|e| e.is_panic()));
        assert!(variant.lines.iter().any(|l| l.contains("query finished")));
        assert!(
            !variant.lines.iter().any(|l| l.contains("close")),
            "{:?}",
            variant.lines
        );
        Ok(())
    }
}
