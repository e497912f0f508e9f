//! Keep every success and every failure.
//!
//! `fetch_all` sends a request for each of `urls`, all at once, and should
//! return one outcome per URL, in the order of `urls`: `Ok(page)` for a page,
//! `Err(error)` for a request that failed, whatever the reason (no answer in
//! time, no server, an error status). As written, some failures are printed
//! and lost, and others come back as pages. Keep every outcome, in its place.

use reqwest::Client;

/// Fetches one page: an error status (404, 500) is an error.
async fn fetch(client: &Client, url: &str) -> reqwest::Result<String> {
    client.get(url).send().await?.error_for_status()?.text().await
}

/// Fetches every one of `urls` at once: one outcome per URL, in their order.
pub async fn fetch_all(
    client: &Client,
    urls: &[String],
) -> Vec<reqwest::Result<String>> {
    let mut handles = Vec::new();
    for url in urls {
        let (client, url) = (client.clone(), url.clone());
        handles.push(tokio::spawn(async move { fetch(&client, &url).await }));
    }
    // Every outcome, `Ok` or `Err`, in the order of the handles: none lost.
    let mut outcomes = Vec::new();
    for handle in handles {
        outcomes.push(handle.await.expect("no task panics"));
    }
    outcomes
}
