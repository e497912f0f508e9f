//! Checks of the exercise `check_links_in_order`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/check_links_in_order.rs"]
mod exercise;

use exercise::{Checker, LIMIT};
use lessons::Timed;
use std::sync::OnceLock;
use std::time::Duration;

/// Six links of 1, 2, 2, 3, 1 and 1 s. Three at a time, with a new check as
/// soon as a place is free, they take 4 s; in rounds of three (`chunks`),
/// 5 s; and /faq and /jobs are done before /shop, so a report in the order
/// the checks finish is out of order.
const LINKS: [(&str, u64); 6] = [
    ("/home", 1),
    ("/about", 2),
    ("/blog", 2),
    ("/shop", 3),
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
         /shop takes 3 s, and /faq and /jobs, started after it, are done before it. \
         `buffer_unordered` yields results as they come; `buffered` yields them in the \
         order of the input"
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

fn takes_4_s() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    let took = timed.tokio;
    let advice = if took == Duration::from_secs(5) {
        "that is rounds of three: the second round starts only when the slowest of \
         the first is done. Start the next link as soon as a place is free"
    } else if took > Duration::from_secs(5) {
        "more of the checks should overlap, up to three at once"
    } else {
        "at most three checks should be in progress at once"
    };
    assert_eq!(
        took,
        Duration::from_secs(4),
        "check_all took {took:?}: {advice}. One at a time it takes 1 + 2 + 2 + 3 + 1 + 1 \
         = 10 s. Three at a time, /home, /about and /blog start at 0 s; /home is done \
         at 1 s, and /shop (3 s) takes its place, to 4 s; /about and /blog are done at \
         2 s, and /faq and /jobs take theirs, to 3 s: 4 s in all"
    );
}

lessons::checks!(every_link_in_order, at_most_three_at_once, takes_4_s);
