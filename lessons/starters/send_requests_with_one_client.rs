//! Send ten requests at once, with one client.
//!
//! `fetch_all` fetches every one of `urls` from a local server and returns
//! the pages in the order of `urls`. As written, it sends one request after
//! the other, each with a new `Client`, whose connection pool starts empty
//! and goes when it is dropped. Make it send them all at once, each with the
//! `client` it is given (or a clone of it, which shares its pool), so that a
//! second batch reuses the connections of the first.

use reqwest::Client;

/// Fetches one page: an error status (404, 500) is an error.
pub async fn fetch(client: &Client, url: &str) -> reqwest::Result<String> {
    client.get(url).send().await?.error_for_status()?.text().await
}

/// Fetches every one of `urls`, and returns their pages in the same order.
pub async fn fetch_all(
    client: &Client,
    urls: &[String],
) -> reqwest::Result<Vec<String>> {
    let mut pages = Vec::new();
    for url in urls {
        // TODO: a new client, with a pool of its own, for each request; and
        // each request is awaited before the next one is sent.
        let client = Client::new();
        pages.push(fetch(&client, url).await?);
    }
    Ok(pages)
}
