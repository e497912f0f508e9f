//! Checks of the exercise `write_with_connection`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/write_with_connection.rs"]
mod exercise;

use exercise::{Counts, Server, with_connection};
use std::time::Duration;

/// Asserts that the one connection of a scope was closed, and closed before
/// `with_connection` returned; `after` says which body ran.
fn assert_closed_once(counts: Counts, after: &str) {
    assert_eq!(
        counts.opened, 1,
        "with_connection opened {} connections: it should connect once",
        counts.opened
    );
    assert_eq!(
        counts.dropped_open, 0,
        "after a body that {after}, the connection was dropped without being closed: \
         call `conn.close().await` after the body, and keep the body's result in a variable \
         so that nothing (a `?`, an early `return`, a `close()` never awaited) skips the close"
    );
    assert_eq!(
        counts.closed, 1,
        "after a body that {after}, with_connection returned and the connection was not closed \
         yet: await the close (`conn.close().await`) before returning, do not leave it to a task"
    );
}

fn closes_after_a_body_that_succeeds() {
    let timed = lessons::paused(async {
        let server = Server::new();
        let result = with_connection(&server, async |conn| {
            let rows = conn.query("users").await?;
            Ok(rows.len())
        })
        .await;
        (result, server.counts()) // counted the moment with_connection returned
    });
    let (result, counts) = timed.output;
    assert_eq!(
        result,
        Ok(2),
        "with_connection should hand back the body's result, Ok(2)"
    );
    assert_closed_once(counts, "succeeded");
}

fn closes_after_a_body_that_fails() {
    let timed = lessons::paused(async {
        let server = Server::new();
        let result = with_connection(&server, async |conn| {
            let rows = conn.query("orders").await?; // fails: the body returns here
            Ok(rows.len())
        })
        .await;
        (result, server.counts())
    });
    let (result, counts) = timed.output;
    assert_eq!(
        result,
        Err("no table named orders".to_string()),
        "with_connection should hand back the body's error, unchanged"
    );
    assert_closed_once(counts, "failed");
}

fn runs_the_body_once_and_hands_back_any_type() {
    let timed = lessons::paused(async {
        let server = Server::new();
        let mut runs = 0;
        let result = with_connection(&server, async |_conn| {
            runs += 1;
            Ok("no query needed")
        })
        .await;
        (result, runs, server.counts())
    });
    let (result, runs, counts) = timed.output;
    assert_eq!(runs, 1, "the body ran {runs} times: it should run exactly once");
    assert_eq!(
        result,
        Ok("no query needed"),
        "with_connection should hand back the body's result"
    );
    assert_closed_once(counts, "made no query");
    assert_eq!(
        timed.tokio,
        Duration::from_millis(200),
        "with a body that waits for nothing, with_connection took {:?}: \
         connect 0.1 s + close 0.1 s = 0.2 s",
        timed.tokio
    );
}

fn takes_connect_plus_query_plus_close() {
    for table in ["users", "orders"] {
        let timed = lessons::paused(async {
            let server = Server::new();
            with_connection(&server, async |conn| conn.query(table).await).await
        });
        lessons::assert_no_blocking(&timed);
        assert_eq!(
            timed.tokio,
            Duration::from_millis(700),
            "a scope querying {table:?} took {:?}: \
             connect 0.1 s + query 0.5 s + close 0.1 s = 0.7 s, \
             each step awaited before the next, on success and on failure alike",
            timed.tokio
        );
    }
}

lessons::checks!(
    closes_after_a_body_that_succeeds,
    closes_after_a_body_that_fails,
    runs_the_body_once_and_hands_back_any_type,
    takes_connect_plus_query_plus_close,
);
