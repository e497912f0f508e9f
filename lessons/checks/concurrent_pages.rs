//! Checks of the exercise `concurrent_pages`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/concurrent_pages.rs"]
mod exercise;

use std::time::Duration;

fn fetch_is_unchanged() {
    for id in 1..=5 {
        let timed = lessons::paused(exercise::fetch(id));
        lessons::assert_no_blocking(&timed);
        assert!(
            timed.output == format!("page {id}")
                && timed.tokio == Duration::from_secs(1),
            "fetch({id}) alone returned {:?} after {:?}, not \"page {id}\" after 1 s: \
             `fetch` stands in for the network, and is not yours to change. Put it back \
             as it was (`cargo lesson reset concurrent_pages` restores the whole file), \
             and change `fetch_all`",
            timed.output,
            timed.tokio
        );
    }
}

fn returns_the_five_pages_in_order() {
    let timed = lessons::paused(exercise::fetch_all());
    assert_eq!(timed.output, ["page 1", "page 2", "page 3", "page 4", "page 5"]);
}

fn takes_one_second_not_five() {
    let timed = lessons::paused(exercise::fetch_all());
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(1),
        "fetch_all took {:?}: five fetches of 1 s, started together, take 1 s",
        timed.tokio
    );
}

lessons::checks!(
    fetch_is_unchanged,
    returns_the_five_pages_in_order,
    takes_one_second_not_five
);
