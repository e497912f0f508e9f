//! Write the test that catches a broken server, without a network.
//!
//! The greeting protocol of the chapter: the client sends names, one per line;
//! the server answers each `NAME` with `hello, NAME` and a newline, until the
//! client sends `bye` (not greeted), closes its end, or stays silent for
//! `IDLE`: then the server writes `bye: too quiet` and a newline, and hangs
//! up. It returns how many names it greeted. Write `test_serve`, which gets a
//! server and tests it over `tokio::io::duplex`: the check runs it on tokio's
//! paused clock against a correct server, which it must pass, and against
//! four broken ones, each of which it must fail (panic, as a failed `assert!`
//! does). It should take no real time.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, duplex};
use tokio::time::Instant;

/// How long the server waits for a line before it hangs up.
pub const IDLE: Duration = Duration::from_secs(1);

/// A server to test: call it with the server's end of a pipe, and await what
/// it returns. You may call it more than once, each time with a new pipe.
pub type Serve =
    fn(DuplexStream) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>>;

/// Passes (returns) for a correct server; fails (panics) for a broken one.
///
/// Two conversations, each written into the client's end before the server
/// runs (the replies are small: they wait in the pipe until read). The first
/// ends with `bye`: every answer, and the count, are checked exactly. In the
/// second the client stays silent, and keeps its end open: on the paused
/// clock the server's timeout is the only thing left, so the clock jumps to
/// it, and the hang-up comes at exactly `IDLE`.
pub async fn test_serve(serve: Serve) {
    let (mut client, server) = duplex(1024);
    client.write_all(b"ferris\ncorro\nbye\n").await.unwrap();
    let greeted = serve(server).await.unwrap();
    let mut answers = String::new();
    client.read_to_string(&mut answers).await.unwrap();
    assert_eq!(answers, "hello, ferris\nhello, corro\n");
    assert_eq!(greeted, 2);

    let (mut client, server) = duplex(1024);
    client.write_all(b"ferris\n").await.unwrap();
    let began = Instant::now();
    let greeted = serve(server).await.unwrap();
    assert_eq!(began.elapsed(), IDLE);
    let mut answers = String::new();
    client.read_to_string(&mut answers).await.unwrap();
    assert_eq!(answers, "hello, ferris\nbye: too quiet\n");
    assert_eq!(greeted, 1);
}
