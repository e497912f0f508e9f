//! A `Drop` that tries to close the connection the async way.

use std::time::Duration;
use tokio::time::sleep;

struct Connection;

impl Connection {
    async fn close(&mut self) {
        sleep(Duration::from_millis(100)).await;
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.close().await;
    }
}

#[tokio::main]
async fn main() {
    let _conn = Connection;
}
