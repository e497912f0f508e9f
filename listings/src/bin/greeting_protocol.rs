//! A line-based greeting protocol served over any byte stream, and a client
//! that talks to it through an in-memory pipe instead of a socket.

use std::time::Duration;
use tokio::io::{
    self, AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::time::{Instant, timeout};

/// How long `serve` waits for a line before it hangs up.
const IDLE: Duration = Duration::from_secs(1);

#[tokio::main]
async fn main() -> io::Result<()> {
    run().await.map(|_greeted| ())
}

/// A client sends two names, then stays silent.
async fn run() -> io::Result<usize> {
    let start = Instant::now();
    let (client, server) = io::duplex(1024);
    let serving = tokio::spawn(serve(server));
    let (reader, mut writer) = io::split(client);
    writer.write_all(b"Ferris\nCorro\n").await?;
    let mut replies = BufReader::new(reader).lines();
    while let Some(reply) = replies.next_line().await? {
        log(start, &format!("client: got {reply:?}"));
    }
    let greeted = serving.await.expect("serve does not panic")?;
    log(start, &format!("server: greeted {greeted}, then hung up"));
    Ok(greeted)
}

// ANCHOR: program
/// Serves one client: answers each line `NAME` with `hello, NAME`, until the
/// client sends `bye`, closes its end, or stays silent for `IDLE`. Returns
/// how many names it greeted.
async fn serve(stream: impl AsyncRead + AsyncWrite + Unpin) -> io::Result<usize> {
    let mut stream = BufReader::new(stream);
    let mut greeted = 0;
    loop {
        let mut line = String::new();
        let read = match timeout(IDLE, stream.read_line(&mut line)).await {
            Ok(read) => read?,
            Err(_elapsed) => {
                stream.write_all(b"bye: too quiet\n").await?;
                break;
            }
        };
        let name = line.trim_end();
        if read == 0 || name == "bye" {
            break;
        }
        stream.write_all(format!("hello, {name}\n").as_bytes()).await?;
        greeted += 1;
    }
    Ok(greeted)
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::{IDLE, serve};
    use std::time::Duration;
    use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
    use tokio::time::Instant;

    // ANCHOR: duplex_test
    #[tokio::test]
    async fn greets_each_name_until_bye() -> io::Result<()> {
        let (mut client, server) = io::duplex(1024);
        client.write_all(b"Ferris\nCorro\nbye\n").await?;
        let greeted = serve(server).await?;
        let mut replies = String::new();
        client.read_to_string(&mut replies).await?;
        assert_eq!(replies, "hello, Ferris\nhello, Corro\n");
        assert_eq!(greeted, 2);
        Ok(())
    }
    // ANCHOR_END: duplex_test

    // ANCHOR: paused_test
    #[tokio::test(start_paused = true)]
    async fn hangs_up_on_a_silent_client() -> io::Result<()> {
        let (mut client, server) = io::duplex(1024);
        let began = Instant::now();
        let greeted = serve(server).await?; // nobody writes: time jumps ahead
        assert_eq!(began.elapsed(), IDLE);
        let mut replies = String::new();
        client.read_to_string(&mut replies).await?;
        assert_eq!(replies, "bye: too quiet\n");
        assert_eq!(greeted, 0);
        Ok(())
    }
    // ANCHOR_END: paused_test

    /// The book's own check of the run shown on the page.
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Two names greeted, then one `IDLE` of silence, and the server hangs up.
        assert_eq!(proof.output.ok(), Some(2));
        assert_eq!(proof.elapsed, IDLE);
        Ok(())
    }

    /// The quiz: `serve` with a silent client, as `hangs_up_on_a_silent_client`
    /// runs it on the paused clock. Tokio's clock reads exactly `IDLE`, 1 s;
    /// in real time, the run takes far less than the 1 s it waits for.
    #[test]
    fn a_silent_client_takes_idle_on_tokios_clock_and_no_real_time()
    -> xtask::proof::Result {
        let real = std::time::Instant::now();
        let silent = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let (_client, server) = io::duplex(1024); // kept open, and silent
            serve(server).await
        })?;
        let took = real.elapsed();
        assert_eq!(silent.output.ok(), Some(0));
        assert_eq!(silent.elapsed, IDLE);
        assert!(took < Duration::from_millis(500), "{took:?} of real time");
        Ok(())
    }
}
