//! The helper with a plain closure that returns a future.

use std::time::Duration;
use tokio::time::sleep;

struct Connection;

impl Connection {
    async fn query(&mut self, table: &str) -> Vec<String> {
        sleep(Duration::from_millis(500)).await;
        vec![format!("{table} row 1")]
    }
}

async fn with_connection<F, Fut, T>(body: F) -> T
where
    F: FnOnce(&mut Connection) -> Fut,
    Fut: Future<Output = T>,
{
    let mut conn = Connection;
    body(&mut conn).await
}

#[tokio::main]
async fn main() {
    let rows = with_connection(|conn| async move { conn.query("users").await }).await;
    println!("{rows:?}");
}
