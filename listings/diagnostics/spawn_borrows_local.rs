//! A spawned task that uses a vector owned by `main`.

use std::time::Duration;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let names = vec!["Ferris".to_string(), "Corro".to_string()];
    let handle = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("hello, {}", names.join(" and "));
    });
    handle.await.unwrap();
}
