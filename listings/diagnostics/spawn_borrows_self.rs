//! `fetch_all` with spawned tasks that use `&self`.

use std::time::Duration;
use tokio::time::sleep;

struct Client {
    base: String,
}

impl Client {
    async fn fetch(&self, endpoint: &str) -> String {
        sleep(Duration::from_secs(1)).await;
        format!("{}/{endpoint}: 200", self.base)
    }

    async fn fetch_all(&self, endpoints: &[&str]) -> Vec<String> {
        let mut handles = Vec::new();
        for endpoint in endpoints {
            handles.push(tokio::spawn(self.fetch(endpoint)));
        }
        let mut pages = Vec::new();
        for handle in handles {
            pages.push(handle.await.unwrap());
        }
        pages
    }
}

#[tokio::main]
async fn main() {
    let client = Client { base: "api.example".to_string() };
    println!("{:?}", client.fetch_all(&["users", "orders"]).await);
}
