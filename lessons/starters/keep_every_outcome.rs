//! Keep every success and every failure.
//!
//! `fetch_all` sends a request for each of `urls`, all at once, and should
//! return one outcome per URL, in the order of `urls`: `Ok(page)` for a page,
//! `Err(error)` for a request that failed, whatever the reason (no answer in
//! time, no server, an error status). As written, some failures are printed
//! and lost, and others come back as pages. Keep every outcome, in its place.

use reqwest::Client;

/// Fetches one page.
async fn fetch(client: &Client, url: &str) -> reqwest::Result<String> {
    // TODO: what does this return for a 404?
    client.get(url).send().await?.text().await
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
    let mut outcomes = Vec::new();
    for handle in handles {
        match handle.await.expect("no task panics") {
            Ok(page) => outcomes.push(Ok(page)),
            // TODO: printed here, and then lost to whoever called fetch_all.
            Err(error) => eprintln!("a request failed: {error}"),
        }
    }
    outcomes
}
