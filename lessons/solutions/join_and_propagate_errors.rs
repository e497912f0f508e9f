//! Load a profile: two requests at once, and their errors with `?`.
//!
//! `load_profile` fetches a user's name (300 ms) and their orders (500 ms), one
//! after the other, and panics when a request fails. Make it run both requests
//! at once, so that a profile loads in 500 ms, and make it return a failed
//! request's error as its own `Err`, with `?`, instead of panicking. Leave
//! `fetch_name` and `fetch_orders` as they are: they stand in for the network.

use std::time::Duration;
use tokio::time::sleep;

#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    NoSuchUser(u32),
    OrdersUnavailable,
}

#[derive(Debug, PartialEq)]
pub struct Profile {
    pub name: String,
    pub orders: Vec<String>,
}

/// Stands in for a request: 300 ms, then the user's name. Only users 1 and 2
/// exist.
pub async fn fetch_name(user: u32) -> Result<String, FetchError> {
    sleep(Duration::from_millis(300)).await;
    match user {
        1 => Ok("Ada".to_string()),
        2 => Ok("Grace".to_string()),
        _ => Err(FetchError::NoSuchUser(user)),
    }
}

/// Stands in for a request: 500 ms, then the user's orders. The orders of
/// user 2 are unavailable.
pub async fn fetch_orders(user: u32) -> Result<Vec<String>, FetchError> {
    sleep(Duration::from_millis(500)).await;
    match user {
        1 => Ok(vec!["teapot".to_string(), "kettle".to_string()]),
        2 => Err(FetchError::OrdersUnavailable),
        _ => Ok(Vec::new()),
    }
}

/// The user's name and orders, or the error of the first request that failed.
pub async fn load_profile(user: u32) -> Result<Profile, FetchError> {
    // Both requests are polled together: 500 ms, the longer of the two.
    let (name, orders) = tokio::join!(fetch_name(user), fetch_orders(user));
    // `join!` hands back both `Result`s; `?` returns the first error from
    // `load_profile`, converted (here, unchanged) into its error type.
    Ok(Profile { name: name?, orders: orders? })
}
