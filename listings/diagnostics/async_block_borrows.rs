//! The same function without `move`.

use std::time::Duration;
use tokio::time::sleep;

fn greeting(name: String) -> impl Future<Output = String> {
    async {
        sleep(Duration::from_millis(500)).await;
        format!("hello, {name}")
    }
}

#[tokio::main]
async fn main() {
    println!("{}", greeting(String::from("Ferris")).await);
}
