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
use std::collections::VecDeque;
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
///
/// The state is the API, the number of the next page to fetch, and the
/// results of the last page not yet yielded. Each call yields the next of
/// those; only when there are none left does it fetch a page, and an empty
/// page ends the stream.
pub fn results(api: Arc<Api>) -> impl Stream<Item = String> {
    stream::unfold(
        (api, 0, VecDeque::new()),
        |(api, mut next, mut waiting)| async move {
            if waiting.is_empty() {
                waiting = api.page(next).await.into();
                next += 1;
            }
            let result = waiting.pop_front()?; // an empty page: the end of the stream
            Some((result, (api, next, waiting)))
        },
    )
}
