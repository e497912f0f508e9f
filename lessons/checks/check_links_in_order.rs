//! Checks of the exercise `check_links_in_order`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/check_links_in_order.rs"]
mod exercise;

use exercise::{Checker, LIMIT};
use lessons::Timed;
use std::sync::OnceLock;
use std::time::Duration;

/// The first link takes 2 s, the five others 1 s each.
const LINKS: [(&str, u64); 6] = [
    ("/home", 2),
    ("/about", 1),
    ("/blog", 1),
    ("/shop", 1),
    ("/faq", 1),
    ("/jobs", 1),
];

/// Checks the links once on the paused clock, for every check: the report,
/// and the peak the checker saw.
fn run() -> &'static Timed<(Vec<String>, usize)> {
    static RUN: OnceLock<Timed<(Vec<String>, usize)>> = OnceLock::new();
    RUN.get_or_init(|| {
        lessons::paused(async {
            let checker = Checker::default();
            let report = exercise::check_all(&checker, &LINKS).await;
            (report, checker.peak())
        })
    })
}

fn every_link_in_order() {
    let report = &run().output.0;
    let expected: Vec<String> =
        LINKS.iter().map(|(url, _)| format!("{url}: ok")).collect();
    let mut sorted = report.clone();
    sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(
        sorted, expected_sorted,
        "check_all returned {report:?}: one line per link, each link once"
    );
    assert_eq!(
        report, &expected,
        "check_all returned the links in the order their checks finished, {report:?}: \
         /home takes 2 s, and the others are done before it. `buffer_unordered` yields \
         results as they come; `buffered` yields them in the order of the input"
    );
}

fn at_most_three_at_once() {
    let peak = run().output.1;
    assert!(
        peak <= LIMIT,
        "{peak} checks were in progress at once: at most {LIMIT} should be"
    );
    assert_eq!(
        peak, LIMIT,
        "at most {peak} check(s) were in progress at once: with six to do, {LIMIT} \
         should run together. `then` awaits each check before it starts the next: \
         `map` makes the futures, and the adapter after it runs {LIMIT} at a time"
    );
}

fn takes_3_s() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(3),
        "check_all took {:?}. One at a time it takes 2 + 5 × 1 = 7 s. Three at a time, \
         /home, /about and /blog start at 0 s, and the three others once /home's 2 s \
         are up: 3 s",
        timed.tokio
    );
}

lessons::checks!(every_link_in_order, at_most_three_at_once, takes_3_s);
