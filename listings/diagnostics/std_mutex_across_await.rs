//! A task that counts a visit under a `std::sync::Mutex`, then saves the count.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::sleep;

async fn record_visit(visits: Arc<Mutex<u64>>) {
    let mut count = visits.lock().unwrap();
    *count += 1;
    save(*count).await;
}

/// Stands in for writing the count to a database.
async fn save(count: u64) {
    sleep(Duration::from_millis(100)).await;
    println!("saved {count}");
}

#[tokio::main]
async fn main() {
    let visits = Arc::new(Mutex::new(0));
    tokio::spawn(record_visit(Arc::clone(&visits))).await.unwrap();
}
