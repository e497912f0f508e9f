//! A future that is never awaited: it is created, then dropped, and never runs.

use std::time::Duration;
use tokio::time::sleep;

async fn greet(name: &str) {
    sleep(Duration::from_millis(100)).await;
    println!("hello, {name}");
}

#[tokio::main]
async fn main() {
    greet("Ferris");
    println!("done");
}
