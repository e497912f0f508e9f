//! Checks of the exercise `pages_as_they_finish`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/pages_as_they_finish.rs"]
mod exercise;

use std::time::Duration;

fn each_page_arrives_when_its_fetch_finishes() {
    let timed =
        lessons::paused(exercise::arrivals(vec![(1, 3000), (2, 1000), (3, 2000)]));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.output,
        [(2, 1000), (3, 2000), (1, 3000)],
        "fetches of 3 s, 1 s and 2 s finish at 1 s (page 2), 2 s (page 3) and 3 s \
         (page 1): arrivals should get each page then, in that order, as `(id, ms)`"
    );
    assert_eq!(
        timed.tokio,
        Duration::from_secs(3),
        "arrivals took {:?}: as long as the slowest fetch, 3 s",
        timed.tokio
    );
}

fn five_pages_in_the_order_they_finish() {
    let pages = vec![(10, 500), (20, 2500), (30, 1500), (40, 100), (50, 2000)];
    let timed = lessons::paused(exercise::arrivals(pages));
    assert_eq!(
        timed.output,
        [(40, 100), (10, 500), (30, 1500), (50, 2000), (20, 2500)],
        "each page should arrive the moment its fetch finishes, as `(id, ms)`"
    );
}

fn one_result_per_page() {
    let pages: Vec<_> = (1..=20).map(|id| (id, 1000)).collect();
    let timed = lessons::paused(exercise::arrivals(pages));
    let mut ids: Vec<u32> = timed.output.iter().map(|&(id, _)| id).collect();
    ids.sort();
    assert_eq!(
        ids,
        (1..=20).collect::<Vec<_>>(),
        "20 pages fetched, so 20 pages returned, each once"
    );
    assert!(
        timed.output.iter().all(|&(_, ms)| ms == 1000),
        "20 fetches of 1 s, started together, all arrive at 1000 ms: {:?}",
        timed.output
    );
}

lessons::checks!(
    each_page_arrives_when_its_fetch_finishes,
    five_pages_in_the_order_they_finish,
    one_result_per_page,
);
