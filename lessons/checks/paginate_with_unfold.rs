//! Checks of the exercise `paginate_with_unfold`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/paginate_with_unfold.rs"]
mod exercise;

use exercise::Api;
use futures::StreamExt;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

/// Three pages of three, two and three results.
fn api() -> Arc<Api> {
    let page = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
    Arc::new(Api::new(vec![
        page(&["ant", "bee", "cat"]),
        page(&["dog", "eel"]),
        page(&["fox", "gnu", "hen"]),
    ]))
}

fn yields_every_result_in_order() {
    let api = api();
    let timed =
        lessons::paused(exercise::results(Arc::clone(&api)).collect::<Vec<String>>());
    lessons::assert_no_blocking(&timed);
    let expected = ["ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen"];
    assert_eq!(
        timed.output, expected,
        "the stream yielded {:?}: every result of pages 0, 1 and 2, in order, one by one",
        timed.output
    );
    assert_eq!(
        api.fetched(),
        4,
        "reading the whole stream fetched {} page(s): pages 0, 1 and 2, then page 3, \
         the empty one that ends it, so 4",
        api.fetched()
    );
    assert_eq!(
        timed.tokio,
        Duration::from_millis(400),
        "reading the whole stream took {:?}: four pages of 100 ms, one after the other",
        timed.tokio
    );
}

fn fetches_a_page_only_when_needed() {
    let api = api();
    let timed = lessons::paused(async {
        let mut results = pin!(exercise::results(Arc::clone(&api)));
        let mut fetched_at = Vec::new();
        for _ in 0..4 {
            let _ = results.next().await;
            fetched_at.push(api.fetched());
        }
        fetched_at
    });
    assert_eq!(
        timed.output,
        [1, 1, 1, 2],
        "after each of the first four results, the API had fetched {:?} page(s). A \
         stream is lazy: the first result needs page 0, the next two are in it \
         already, and only the fourth needs page 1, so [1, 1, 1, 2]. Fetch a page \
         inside the closure, when the results at hand have run out",
        timed.output
    );
}

fn ends_at_the_first_empty_page() {
    let page = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
    let api = Arc::new(Api::new(vec![page(&["ant"]), Vec::new(), page(&["bee"])]));
    let timed =
        lessons::paused(exercise::results(Arc::clone(&api)).collect::<Vec<String>>());
    assert_eq!(
        timed.output,
        ["ant"],
        "with pages [\"ant\"], [], [\"bee\"], the stream yielded {:?}: it should end at \
         the first empty page, and never ask for the one after",
        timed.output
    );
    let none = Arc::new(Api::new(Vec::new()));
    let timed =
        lessons::paused(exercise::results(Arc::clone(&none)).collect::<Vec<String>>());
    assert!(
        timed.output.is_empty() && none.fetched() == 1,
        "with no results at all, the stream yielded {:?} after {} fetch(es): it should \
         fetch page 0, find it empty, and end",
        timed.output,
        none.fetched()
    );
}

lessons::checks!(
    yields_every_result_in_order,
    fetches_a_page_only_when_needed,
    ends_at_the_first_empty_page,
);
