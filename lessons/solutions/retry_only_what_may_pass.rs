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
        // No response at all, or an error status: both in one `Result`.
        let sent = client.get(url).send().await;
        match sent.and_then(|response| response.error_for_status()) {
            Ok(response) => return response.text().await,
            Err(error) if attempt < MAX_ATTEMPTS && worth_retrying(&error) => {
                sleep(wait).await;
                wait *= 2;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

/// A server error or a timeout may pass next time; a 404 or a 400 will not.
fn worth_retrying(error: &reqwest::Error) -> bool {
    error.is_timeout() || error.status().is_some_and(|status| status.is_server_error())
}
