//! A spawned task that keeps an `Rc` across an `.await`.

use std::rc::Rc;
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let names = Rc::new(vec!["Ferris", "Corro"]);
        sleep(Duration::from_millis(100)).await;
        println!("hello, {}", names.join(" and "));
    });
    handle.await.unwrap();
}
