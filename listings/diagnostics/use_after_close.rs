//! A query on a connection that was closed.

use std::time::Duration;
use tokio::time::sleep;

struct Connection;

impl Connection {
    async fn connect() -> Connection {
        sleep(Duration::from_millis(100)).await;
        Connection
    }

    async fn query(&mut self, table: &str) -> Vec<String> {
        sleep(Duration::from_millis(500)).await;
        vec![format!("{table} row 1")]
    }

    async fn close(self) {
        sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::main]
async fn main() {
    let mut conn = Connection::connect().await;
    conn.close().await;
    let rows = conn.query("users").await;
    println!("{rows:?}");
}
