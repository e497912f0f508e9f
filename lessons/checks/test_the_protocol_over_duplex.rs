//! Checks of the exercise `test_the_protocol_over_duplex`: the learner's test
//! is run against a correct server, and against broken ones it must catch.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/test_the_protocol_over_duplex.rs"]
mod exercise;

use exercise::{IDLE, Serve};
use std::future::Future;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::time::timeout;

/// How a server goes about the protocol.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Correct,
    /// Greets `bye` like any name, and goes on.
    GreetsBye,
    /// Stops at `bye`, but counts it.
    CountsBye,
    /// Waits for a line as long as it takes.
    NeverHangsUp,
    /// Hangs up after half of `IDLE`.
    HangsUpEarly,
}

/// The greeting protocol, correct or broken in one way.
async fn serve_as(kind: Kind, stream: DuplexStream) -> io::Result<usize> {
    let idle = match kind {
        Kind::NeverHangsUp => Duration::from_secs(24 * 3600),
        Kind::HangsUpEarly => IDLE / 2,
        _ => IDLE,
    };
    let mut stream = BufReader::new(stream);
    let mut greeted = 0;
    loop {
        let mut line = String::new();
        let read = match timeout(idle, stream.read_line(&mut line)).await {
            Ok(read) => read?,
            Err(_elapsed) => {
                stream.write_all(b"bye: too quiet\n").await?;
                break;
            }
        };
        let name = line.trim_end();
        if read == 0 {
            break;
        }
        if name == "bye" && kind != Kind::GreetsBye {
            if kind == Kind::CountsBye {
                greeted += 1;
            }
            break;
        }
        stream.write_all(format!("hello, {name}\n").as_bytes()).await?;
        greeted += 1;
    }
    Ok(greeted)
}

fn correct(
    stream: DuplexStream,
) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>> {
    Box::pin(serve_as(Kind::Correct, stream))
}
fn greets_bye(
    stream: DuplexStream,
) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>> {
    Box::pin(serve_as(Kind::GreetsBye, stream))
}
fn counts_bye(
    stream: DuplexStream,
) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>> {
    Box::pin(serve_as(Kind::CountsBye, stream))
}
fn never_hangs_up(
    stream: DuplexStream,
) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>> {
    Box::pin(serve_as(Kind::NeverHangsUp, stream))
}
fn hangs_up_early(
    stream: DuplexStream,
) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>> {
    Box::pin(serve_as(Kind::HangsUpEarly, stream))
}

/// Runs the learner's test on the paused clock against `serve`: `Err(message)`
/// if it panicked, or waited for an hour.
fn run_test(serve: Serve) -> Result<(), String> {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        // A test that waits for a server that never hangs up is stopped after
        // an hour of tokio time (no real time), and counts as a failure.
        let timed = lessons::paused(exercise::test_serve(serve));
        assert!(
            timed.real < Duration::from_millis(500),
            "your test took {:.1} s of real time: on the paused clock, the server's \
             timeout comes at once when nothing else can happen; do not wait for real",
            timed.real.as_secs_f64()
        );
    }));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}

fn assert_caught(serve: Serve, what: &str, how: &str) {
    assert!(
        run_test(serve).is_err(),
        "your test passed a server {what}: it should fail it. {how}"
    );
}

fn passes_a_correct_server() {
    if let Err(message) = run_test(correct) {
        panic!(
            "your test failed a correct server, which answers `hello, NAME` and a newline \
             for each name, stops at `bye` or at the end of the input, and after exactly \
             1 s of silence writes `bye: too quiet` and a newline and hangs up. It said: \
             {message}"
        );
    }
}

fn fails_a_server_that_greets_bye() {
    assert_caught(
        greets_bye,
        "that answers `bye` with `hello, bye` and goes on reading",
        "Write a conversation that ends with `bye` into the client's end, run the \
         server on the other end, then read everything it answered \
         (`read_to_string`) and compare it with what it should be, exactly",
    );
}

fn fails_a_server_that_counts_bye() {
    assert_caught(
        counts_bye,
        "that stops at `bye` but counts it among the names it greeted",
        "Check what the server returns, too: the number of names it greeted",
    );
}

fn fails_a_server_that_never_hangs_up() {
    assert_caught(
        never_hangs_up,
        "that waits for a line for ever",
        "Test the silence: send a name, keep the client's end open (do not drop it), \
         and check that the server hangs up with `bye: too quiet`. On the paused \
         clock, the wait costs no real time",
    );
}

fn fails_a_server_that_hangs_up_early() {
    assert_caught(
        hangs_up_early,
        "that hangs up after 0.5 s of silence, not 1 s",
        "On the paused clock, time is exact: note `tokio::time::Instant::now()` before \
         you run the server, and assert that it hung up at exactly `IDLE`",
    );
}

lessons::checks!(
    passes_a_correct_server,
    fails_a_server_that_greets_bye,
    fails_a_server_that_counts_bye,
    fails_a_server_that_never_hangs_up,
    fails_a_server_that_hangs_up_early,
);
