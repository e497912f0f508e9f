//! Checks of the exercise `send_requests_with_one_client`, against a server
//! of their own on 127.0.0.1, on the wall clock (real sockets do not follow
//! tokio's paused clock).

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/send_requests_with_one_client.rs"]
mod exercise;

use lessons::http::{Server, wall_clock};
use reqwest::Client;
use std::time::Duration;

fn client() -> Client {
    Client::builder().no_proxy().build().expect("a client")
}

fn ten_pages_in_order_in_the_time_of_one() {
    // 500, 450, ..., 50 ms: 2.75 s one after the other, 0.5 s at once.
    let delays: Vec<u64> = (0..10).map(|i| 500 - 50 * i).collect();
    let ((pages, connections), took) = wall_clock(
        Duration::from_secs(2),
        "ten requests that answer within 0.5 s, sent together, take 0.5 s; one \
         after the other, they take 2.75 s: send them all before you await any",
        async {
            let server = Server::start().await;
            let urls: Vec<String> =
                delays.iter().map(|ms| server.url(&format!("/delay/{ms}"))).collect();
            let pages = exercise::fetch_all(&client(), &urls).await;
            (pages, server.connections())
        },
    );
    let pages = pages.expect("every request answers 200 OK");
    let expected: Vec<String> =
        delays.iter().map(|ms| format!("waited {ms} ms")).collect();
    assert_eq!(pages, expected, "the pages should come back in the order of the URLs");
    assert!(
        took < Duration::from_millis(1500),
        "fetch_all took {:.2} s, over {connections} connection(s): ten requests that \
         answer within 0.5 s, sent together, take 0.5 s (one after the other: 2.75 s)",
        took.as_secs_f64()
    );
}

fn a_second_batch_reuses_the_connections() {
    let (connections, _) = wall_clock(
        Duration::from_secs(3),
        "two batches of ten requests of 0.1 s, each sent together, take 0.2 s",
        async {
            let server = Server::start().await;
            let urls = vec![server.url("/delay/100"); 10];
            let client = client();
            for batch in ["first", "second"] {
                let pages = exercise::fetch_all(&client, &urls).await;
                let pages =
                    pages.unwrap_or_else(|e| panic!("the {batch} batch failed: {e}"));
                assert_eq!(
                    pages,
                    vec!["waited 100 ms"; 10],
                    "the pages of the {batch} batch"
                );
                // Time for the connections to go back to the client's pool.
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            server.connections()
        },
    );
    assert!(
        connections <= 10,
        "two batches of ten requests, with the same client, opened {connections} \
         connections: the second batch should reuse the ten connections of the \
         first, left open in the pool of `client`. A new `Client` starts with an \
         empty pool: send every request with `client`, or a clone of it"
    );
}

lessons::checks!(
    ten_pages_in_order_in_the_time_of_one,
    a_second_batch_reuses_the_connections
);
