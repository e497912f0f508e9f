//! Turn a paged search into a stream of results.
//!
//! `Api::page(n)` fetches page `n` of the search results (0, 1, 2, ...), a few
//! results a page, in 100 ms; past the last page, it gives an empty page.
//! Write `results`, an async generator built with `stream::unfold`, that
//! yields every result one by one, page after page, and ends at the first
//! empty page. Like any stream it must be lazy: it fetches a page only when
//! it is asked for a result that the pages fetched so far do not hold. Leave
//! `Api` as it is.

use futures::Stream;
use futures::stream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::sleep;

/// Stands in for a search API; it counts the pages fetched.
#[derive(Debug)]
pub struct Api {
    pages: Vec<Vec<String>>,
    fetched: AtomicUsize,
}

impl Api {
    /// An API that has these pages of results.
    pub fn new(pages: Vec<Vec<String>>) -> Api {
        Api { pages, fetched: AtomicUsize::new(0) }
    }

    /// How many pages were fetched so far.
    pub fn fetched(&self) -> usize {
        self.fetched.load(Ordering::SeqCst)
    }

    /// Fetches page `n` (from 0): 100 ms. Empty past the last page.
    pub async fn page(&self, n: usize) -> Vec<String> {
        self.fetched.fetch_add(1, Ordering::SeqCst);
        sleep(Duration::from_millis(100)).await;
        self.pages.get(n).cloned().unwrap_or_default()
    }
}

/// Every result of the search, one by one, fetching pages as they are needed.
pub fn results(api: Arc<Api>) -> impl Stream<Item = String> {
    // TODO: a stream built with `stream::unfold`, which yields nothing as yet.
    let _ = api;
    stream::iter(Vec::new())
}
