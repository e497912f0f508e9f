//! Checks of the exercise `retry_only_what_may_pass`, against a server of
//! their own on 127.0.0.1, which counts the requests for each path.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/retry_only_what_may_pass.rs"]
mod exercise;

use lessons::http::{Server, wall_clock};
use reqwest::{Client, StatusCode};
use std::time::Duration;

/// The client's limit on each request: `/hang/N` times out after it.
const REQUEST_TIMEOUT: Duration = Duration::from_millis(200);

/// Fetches `path` with retries: the result, and how many requests for it the
/// server got.
fn fetch(path: &str) -> (reqwest::Result<String>, u64) {
    let (outcome, _) = wall_clock(
        Duration::from_secs(3),
        "four attempts, with waits of 50, 100 and 200 ms between them, take well under 1 s",
        async {
            let server = Server::start().await;
            let client = Client::builder()
                .no_proxy()
                .timeout(REQUEST_TIMEOUT)
                .build()
                .expect("a client");
            let result = exercise::fetch_with_retry(&client, &server.url(path)).await;
            (result, server.requests(path))
        },
    );
    outcome
}

/// What a result is, in a sentence for a check's message.
fn what(result: &reqwest::Result<String>) -> String {
    match result {
        Ok(page) => format!("the page {page:?}"),
        Err(error) => format!("the error \"{error}\""),
    }
}

fn a_503_is_tried_again_until_it_passes() {
    let (result, requests) = fetch("/flaky/2");
    assert!(
        matches!(&result, Ok(page) if page == "ready"),
        "/flaky/2 answers 503 Service Unavailable twice, then 200 OK, \"ready\"; \
         fetch_with_retry returned {}, after {requests} request(s). `send` gives \
         Ok(response) for any status: turn a 5xx into an error (error_for_status), \
         and try again",
        what(&result)
    );
    assert_eq!(
        requests, 3,
        "/flaky/2 should be asked for three times: two 503s, then 200 OK"
    );
}

fn a_404_or_a_400_is_not_tried_again() {
    for (path, status) in [
        ("/status/404", StatusCode::NOT_FOUND),
        ("/status/400", StatusCode::BAD_REQUEST),
    ] {
        let (result, requests) = fetch(path);
        assert!(
            matches!(&result, Err(error) if error.status() == Some(status)),
            "{path} answers {status}; fetch_with_retry returned {}: it should return an \
             error with that status (error_for_status), not the body of the error page",
            what(&result)
        );
        assert_eq!(
            requests, 1,
            "{path} was asked for {requests} times: a {status} says the request itself is \
             wrong, and sending it again gets the same answer. Try again only after a \
             server error (5xx) or a timeout"
        );
    }
}

fn a_timeout_is_tried_again() {
    let (result, requests) = fetch("/hang/1");
    assert!(
        matches!(&result, Ok(page) if page == "ready"),
        "the first request for /hang/1 gets no answer, and times out after 200 ms (the \
         client's limit); the second gets \"ready\". fetch_with_retry returned {} after \
         {requests} request(s): a timeout may pass next time (error.is_timeout())",
        what(&result)
    );
    assert_eq!(
        requests, 2,
        "/hang/1 should be asked for twice: a timeout, then 200 OK"
    );
}

fn gives_up_after_the_last_attempt() {
    let (result, requests) = fetch("/status/500");
    assert!(
        matches!(&result, Err(error) if error.status() == Some(StatusCode::INTERNAL_SERVER_ERROR)),
        "/status/500 always answers 500 Internal Server Error; fetch_with_retry returned \
         {}: after the last attempt, it should return that error",
        what(&result)
    );
    assert_eq!(
        requests, 4,
        "/status/500 was asked for {requests} times: MAX_ATTEMPTS is 4, then give up"
    );
}

lessons::checks!(
    a_503_is_tried_again_until_it_passes,
    a_404_or_a_400_is_not_tried_again,
    a_timeout_is_tried_again,
    gives_up_after_the_last_attempt,
);
