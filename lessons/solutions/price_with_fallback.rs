//! Put a time limit on a slow call, with a fallback.
//!
//! `live_price` asks a pricing service for an item's price: most answers come
//! in a few hundred milliseconds, some take seconds, and for an unknown item
//! the service answers with an error. `price` must wait at most `LIMIT`: when
//! the service is slower than that, it returns the cached price instead. An
//! error that comes in time is passed on as it is, not replaced.

use std::time::Duration;
use tokio::time::{sleep, timeout};

/// How long `price` may wait for the service.
pub const LIMIT: Duration = Duration::from_millis(800);

/// Where a price came from.
#[derive(Debug, PartialEq)]
pub enum Price {
    /// The service's answer, in cents.
    Live(u32),
    /// The last known price, in cents, when the service was too slow.
    Cached(u32),
}

/// Stands in for the pricing service: answers after its own delay.
pub async fn live_price(item: &str) -> Result<u32, String> {
    let (ms, answer) = match item {
        "apple" => (300, Ok(45)),
        "bread" => (5000, Ok(260)),
        "cheese" => (799, Ok(710)),
        "dates" => (60_000, Ok(390)),
        _ => (200, Err(format!("unknown item: {item}"))),
    };
    sleep(Duration::from_millis(ms)).await;
    answer
}

/// The last known price of an item, in cents.
pub fn cached_price(item: &str) -> u32 {
    match item {
        "bread" => 250,
        "dates" => 400,
        _ => 100,
    }
}

/// The item's live price if the service answers within `LIMIT`, its cached
/// price if not, or the service's error if it answers one within `LIMIT`.
pub async fn price(item: &str) -> Result<Price, String> {
    // Two layers again: the outer `Result` says whether the service answered
    // in time, the inner one what it answered.
    match timeout(LIMIT, live_price(item)).await {
        Ok(Ok(cents)) => Ok(Price::Live(cents)),
        Ok(Err(error)) => Err(error),
        // `Err(Elapsed)`: the call was dropped at `LIMIT`, in its sleep.
        Err(_elapsed) => Ok(Price::Cached(cached_price(item))),
    }
}
