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
use tokio::io::DuplexStream;

/// How long the server waits for a line before it hangs up.
pub const IDLE: Duration = Duration::from_secs(1);

/// A server to test: call it with the server's end of a pipe, and await what
/// it returns. You may call it more than once, each time with a new pipe.
pub type Serve =
    fn(DuplexStream) -> Pin<Box<dyn Future<Output = io::Result<usize>> + Send>>;

/// Passes (returns) for a correct server; fails (panics) for a broken one.
pub async fn test_serve(serve: Serve) {
    // TODO: talk to the server through `tokio::io::duplex`, and check what it
    // answers, what it returns, and when it hangs up.
    let _ = serve;
}
