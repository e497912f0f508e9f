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
    let mut handles = Vec::new();
    for url in urls {
        // A clone of the client is a handle to the same client and its pool.
        let (client, url) = (client.clone(), url.clone());
        handles.push(tokio::spawn(async move { fetch(&client, &url).await }));
    }
    // Awaited in the order of `urls`, whatever the order they finish in.
    let mut pages = Vec::new();
    for handle in handles {
        pages.push(handle.await.expect("no task panics")?);
    }
    Ok(pages)
}
