//! Checks of the exercise `keep_every_outcome`, against a server of their
//! own on 127.0.0.1.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/keep_every_outcome.rs"]
mod exercise;

use lessons::http::{Server, wall_clock};
use reqwest::{Client, StatusCode};
use std::time::Duration;

/// What each URL of a batch should give.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expected {
    Page(&'static str),
    Status(StatusCode),
    Timeout,
    NoServer,
}

/// Runs `fetch_all` on `urls`, each a path (None: an address where no server
/// listens),
/// and checks that each outcome is the one expected, in its place.
fn batch(urls: &[(Option<&str>, Expected)]) {
    let (outcomes, _) = wall_clock(
        Duration::from_secs(3),
        "requests sent together, with a client that gives each 1 s, take 1 s",
        async {
            let server = Server::start().await;
            // An address where nothing listens: a listener, closed at once.
            let closed = tokio::net::TcpListener::bind(("127.0.0.1", 0))
                .await
                .and_then(|listener| listener.local_addr())
                .expect("a free port");
            let urls: Vec<String> = urls
                .iter()
                .map(|(path, _)| match path {
                    Some(path) => server.url(path),
                    None => format!("http://{closed}/"),
                })
                .collect();
            let client = Client::builder()
                .no_proxy()
                .timeout(Duration::from_secs(1))
                .build()
                .expect("a client");
            exercise::fetch_all(&client, &urls).await
        },
    );
    let name =
        |path: &Option<&str>| path.unwrap_or("an address with no server").to_string();
    let names: Vec<String> = urls.iter().map(|(path, _)| name(path)).collect();
    assert_eq!(
        outcomes.len(),
        urls.len(),
        "{} URLs ({}) gave {} outcome(s): every request's outcome should be kept, \
         a failure as an Err, in its place",
        urls.len(),
        names.join(", "),
        outcomes.len()
    );
    for ((path, expected), outcome) in urls.iter().zip(&outcomes) {
        let got = match outcome {
            Ok(page) => format!("Ok({page:?})"),
            Err(error) => format!("Err(\"{error}\")"),
        };
        let (right, should) = match expected {
            Expected::Page(page) => {
                (matches!(outcome, Ok(p) if p == page), format!("Ok({page:?})"))
            }
            Expected::Status(status) => (
                matches!(outcome, Err(e) if e.status() == Some(*status)),
                format!(
                    "an Err with the status {status}: `send` gives Ok(response) for an \
                     error status, and error_for_status() makes it an Err"
                ),
            ),
            Expected::Timeout => (
                matches!(outcome, Err(e) if e.is_timeout()),
                "an Err that is_timeout(): the client gives each request 1 s"
                    .to_string(),
            ),
            Expected::NoServer => (
                matches!(outcome, Err(e) if e.is_connect()),
                "an Err that is_connect(): no server listens there".to_string(),
            ),
        };
        assert!(
            right,
            "the outcome for {} is {got}: it should be {should}",
            name(path)
        );
    }
}

fn one_outcome_per_url_in_its_place() {
    batch(&[
        (Some("/delay/300"), Expected::Page("waited 300 ms")),
        (Some("/hang/1"), Expected::Timeout),
        (Some("/delay/100"), Expected::Page("waited 100 ms")),
        (None, Expected::NoServer),
        (Some("/delay/200"), Expected::Page("waited 200 ms")),
    ]);
}

fn an_error_status_is_a_failure() {
    batch(&[
        (Some("/delay/100"), Expected::Page("waited 100 ms")),
        (Some("/status/404"), Expected::Status(StatusCode::NOT_FOUND)),
        (Some("/status/500"), Expected::Status(StatusCode::INTERNAL_SERVER_ERROR)),
        (Some("/delay/50"), Expected::Page("waited 50 ms")),
    ]);
}

fn nothing_is_lost_when_everything_fails() {
    batch(&[
        (Some("/status/503"), Expected::Status(StatusCode::SERVICE_UNAVAILABLE)),
        (None, Expected::NoServer),
        (Some("/hang/1"), Expected::Timeout),
        (Some("/status/400"), Expected::Status(StatusCode::BAD_REQUEST)),
    ]);
}

lessons::checks!(
    one_outcome_per_url_in_its_place,
    an_error_status_is_a_failure,
    nothing_is_lost_when_everything_fails,
);
