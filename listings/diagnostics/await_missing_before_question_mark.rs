//! Parsing an age that a future gives, with `?` on the call.

use std::num::ParseIntError;
use std::time::Duration;
use tokio::time::sleep;

async fn fetch_age(answer: &str) -> Result<u32, ParseIntError> {
    sleep(Duration::from_millis(100)).await;
    answer.parse()
}

#[tokio::main]
async fn main() -> Result<(), ParseIntError> {
    let age = fetch_age("42")?;
    println!("next year: {}", age + 1);
    Ok(())
}
