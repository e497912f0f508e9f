//! Predict five streams.
//!
//! Read the five functions of this file without running them, and write your
//! predictions in the constants at its top: times in milliseconds, counts,
//! and an order of pages. Then check: the check runs each function on tokio's
//! paused clock and compares. Where you were wrong, work out why before you
//! change your answer. Change only the constants, never the functions: the
//! check makes sure they behave as given.

use futures::stream::{self, Stream};
use futures::{StreamExt, future};
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::sleep;

/// `read_and_work`: how long does it take, in ms?
pub const READ_AND_WORK_MS: u64 = 1200;
/// `keep_the_warm_ones`: how long does it take, in ms?
pub const KEEP_WARM_MS: u64 = 800;
/// `pages_with_then`: how long does it take, in ms?
pub const WITH_THEN_MS: u64 = 750;
/// `pages_two_at_a_time`: how long does it take, in ms?
pub const TWO_AT_A_TIME_MS: u64 = 400;
/// `pages_two_at_a_time`: the pages, in the order they come out.
pub const TWO_AT_A_TIME_ORDER: [u32; 4] = [2, 1, 3, 4];
/// `first_page_to_arrive`: how long does it take, in ms?
pub const FIRST_TO_ARRIVE_MS: u64 = 100;
/// `first_page_to_arrive`: how many fetches were started?
pub const FIRST_TO_ARRIVE_STARTED: usize = 2;

/// Four readings, 200 ms each: 20, 21, 22 and 23 °C.
fn sensor() -> impl Stream<Item = u32> {
    stream::unfold(20, |celsius| async move {
        if celsius > 23 {
            return None;
        }
        sleep(Duration::from_millis(200)).await;
        Some((celsius, celsius + 1))
    })
}

/// Reads the sensor, and works 100 ms on each reading before the next.
pub async fn read_and_work() -> Vec<u32> {
    let mut readings = pin!(sensor());
    let mut seen = Vec::new();
    while let Some(celsius) = readings.next().await {
        sleep(Duration::from_millis(100)).await; // the work on one reading
        seen.push(celsius);
    }
    seen
}

/// Keeps the readings of 22 °C and up.
pub async fn keep_the_warm_ones() -> Vec<u32> {
    sensor().filter(|&celsius| future::ready(celsius >= 22)).collect().await
}

/// Counts the fetches started.
pub static STARTED: AtomicUsize = AtomicUsize::new(0);

/// Fetches page `id` (1 to 4): 300, 100, 250 and 100 ms.
async fn fetch(id: u32) -> u32 {
    STARTED.fetch_add(1, Ordering::SeqCst);
    sleep(Duration::from_millis([300, 100, 250, 100][id as usize - 1])).await;
    id
}

/// The four pages with `then`.
pub async fn pages_with_then() -> Vec<u32> {
    stream::iter(1..=4).then(fetch).collect().await
}

/// The four pages with `buffer_unordered(2)`.
pub async fn pages_two_at_a_time() -> Vec<u32> {
    stream::iter(1..=4).map(fetch).buffer_unordered(2).collect().await
}

/// The first page out of `buffer_unordered(2)`, and no more.
pub async fn first_page_to_arrive() -> Option<u32> {
    let mut pages = stream::iter(1..=4).map(fetch).buffer_unordered(2);
    pages.next().await
}
