//! Checks of the exercise `find_forgotten_close`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/find_forgotten_close.rs"]
mod exercise;

use exercise::{Seen, Server, copy_table};

/// Asserts that both connections were closed before `copy_table` returned;
/// `after` says which copy ran.
fn assert_both_closed(seen: &Seen, after: &str) {
    assert_eq!(
        seen.opened,
        ["source", "target"],
        "copy_table should open two connections, the source and then the target"
    );
    for name in ["source", "target"] {
        assert!(
            !seen.dropped_open.contains(&name),
            "after {after}, the {name} connection was dropped without being closed: \
             no `close().await` ran for it. Follow every way out of copy_table; \
             and remember that a future does nothing until it is awaited"
        );
        assert!(
            seen.closed.contains(&name),
            "copy_table returned after {after} while the {name} connection was not closed \
             yet: await its close before returning"
        );
    }
    assert_eq!(
        seen.closed.len(),
        2,
        "copy_table closed {:?}: close each connection once",
        seen.closed
    );
}

fn closes_both_after_a_copy_that_works() {
    let timed = lessons::paused(async {
        let server = Server::new();
        let copied = copy_table(&server, "users").await;
        (copied, server.seen()) // what the server saw when copy_table returned
    });
    lessons::assert_no_blocking(&timed);
    let (copied, seen) = timed.output;
    assert_eq!(copied, Ok(2), "copying \"users\" should copy its 2 rows");
    assert_both_closed(&seen, "a copy that worked");
}

fn closes_both_when_the_query_fails() {
    let timed = lessons::paused(async {
        let server = Server::new();
        let copied = copy_table(&server, "orders").await;
        (copied, server.seen())
    });
    lessons::assert_no_blocking(&timed);
    let (copied, seen) = timed.output;
    assert_eq!(
        copied,
        Err("no table named orders".to_string()),
        "copying \"orders\" should fail with the query's error, unchanged"
    );
    assert_both_closed(&seen, "a query that failed");
}

lessons::checks!(closes_both_after_a_copy_that_works, closes_both_when_the_query_fails);
