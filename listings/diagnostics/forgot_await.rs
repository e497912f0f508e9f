//! Two calls of `greet`, then `done`.

use std::time::Duration;
use tokio::time::sleep;

async fn greet(name: &str) {
    sleep(Duration::from_millis(100)).await;
    println!("hello, {name}");
}

#[tokio::main]
async fn main() {
    greet("Ferris");
    let _ = greet("Corro");
    println!("done");
}
