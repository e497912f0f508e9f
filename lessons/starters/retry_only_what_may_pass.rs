//! Retry only what may pass next time.
//!
//! `fetch_with_retry` fetches `url` and, when the request fails, tries again
//! with exponential backoff, at most `MAX_ATTEMPTS` times. As written, it
//! takes any response for the page: a `503 Service Unavailable` is not tried
//! again, and the body of a `404 Not Found` comes back as if it were the page.
//! Make an error status an error, then try again after a server error (5xx)
//! or a timeout, which may pass next time, and never after anything else,
//! such as a 404, which will get the same answer.

use reqwest::Client;
use std::time::Duration;
use tokio::time::sleep;

pub const MAX_ATTEMPTS: u32 = 4;
pub const FIRST_WAIT: Duration = Duration::from_millis(50);

/// Fetches the page at `url`, trying again after a failure that may pass;
/// returns the page, or the error that ended the attempts.
pub async fn fetch_with_retry(client: &Client, url: &str) -> reqwest::Result<String> {
    let mut wait = FIRST_WAIT;
    let mut attempt = 1;
    loop {
        // TODO: any response is taken for the page, and every error that
        // `send` gives is tried again.
        match client.get(url).send().await {
            Ok(response) => return response.text().await,
            Err(_) if attempt < MAX_ATTEMPTS => {
                sleep(wait).await;
                wait *= 2;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}
