//! Retries a request to the listing's own server, whose `/flaky/3` page fails
//! its first three requests, with exponential backoff.

use reqwest::{Client, StatusCode};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() -> reqwest::Result<()> {
    run().await?;
    Ok(())
}

// ANCHOR: program
const MAX_ATTEMPTS: usize = 5;
const FIRST_WAIT: Duration = Duration::from_millis(100);

async fn run() -> reqwest::Result<(String, Vec<Duration>)> {
    let server = Server::start().expect("the local server starts");
    let client = Client::new();
    let start = Instant::now();
    let mut attempts = Vec::new(); // when each attempt started
    let mut wait = FIRST_WAIT;
    loop {
        attempts.push(start.elapsed());
        let attempt = attempts.len();
        let sent = client.get(server.url("/flaky/3")).send().await;
        match sent.and_then(|response| response.error_for_status()) {
            Ok(response) => {
                let page = response.text().await?;
                log(start, &format!("attempt {attempt}: {page}"));
                return Ok((page, attempts));
            }
            Err(error) if attempt < MAX_ATTEMPTS && worth_retrying(&error) => {
                log(start, &format!("attempt {attempt}: {}", error.without_url()));
                let ms = wait.as_millis();
                log(start, &format!("wait of {ms} ms started"));
                sleep(wait).await;
                log(start, &format!("wait of {ms} ms finished"));
                wait *= 2;
            }
            Err(error) => return Err(error),
        }
    }
}

/// A server error or a timeout may pass; a 404 will not.
fn worth_retrying(error: &reqwest::Error) -> bool {
    error.is_timeout() || error.status().is_some_and(|status| status.is_server_error())
}
// ANCHOR_END: program

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

/// The listing's own HTTP server, on 127.0.0.1 at a port the system picks.
/// `/delay/MS` answers after MS milliseconds, `/status/CODE` answers with that
/// status at once, and `/flaky/N` fails (503) the first N requests it gets.
struct Server {
    address: String,
    connections: Arc<AtomicU64>,
}

impl Server {
    fn start() -> io::Result<Server> {
        // Room for thousands of connections waiting to be accepted (the
        // system may allow fewer: Linux's limit is net.core.somaxconn).
        let socket = TcpSocket::new_v4()?;
        socket.bind(([127, 0, 0, 1], 0).into())?;
        let listener = socket.listen(4096)?;
        let address = format!("http://{}", listener.local_addr()?);
        let connections = Arc::new(AtomicU64::new(0));
        let flaky_requests = Arc::new(AtomicU64::new(0));
        let accepted = Arc::clone(&connections);
        tokio::spawn(async move {
            while let Ok((connection, _)) = listener.accept().await {
                accepted.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(connection, Arc::clone(&flaky_requests)));
            }
        });
        Ok(Server { address, connections })
    }

    /// The address of one of its pages, such as `/delay/500`.
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// How many connections it has accepted so far.
    #[allow(dead_code, reason = "not every listing counts them")]
    fn connections(&self) -> u64 {
        self.connections.load(Ordering::SeqCst)
    }
}

/// Answers the requests that come on one connection, one after the other,
/// until the client closes it: HTTP/1.1 keeps a connection open for reuse.
async fn serve(
    connection: TcpStream,
    flaky_requests: Arc<AtomicU64>,
) -> io::Result<()> {
    let mut connection = BufReader::new(connection);
    let mut line = String::new();
    loop {
        // `GET /delay/500 HTTP/1.1`, then headers up to an empty line (a GET
        // has no body). Nothing at all: the client has closed the connection.
        line.clear();
        if connection.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let path = line.split(' ').nth(1).unwrap_or_default().to_string();
        while connection.read_line(&mut line).await? > 2 {} // skips the headers
        let (status, body) = answer(&path, &flaky_requests).await;
        let head =
            format!("HTTP/1.1 {status}\r\ncontent-length: {}\r\n\r\n", body.len());
        connection.get_mut().write_all((head + &body).as_bytes()).await?;
    }
}

/// What the server answers to a request for `path`.
async fn answer(path: &str, flaky_requests: &AtomicU64) -> (StatusCode, String) {
    let mut parts = path.split('/').skip(1);
    let (page, number) =
        (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    match (page, number.parse::<u64>()) {
        ("delay", Ok(ms)) => {
            sleep(Duration::from_millis(ms)).await;
            (StatusCode::OK, format!("waited {ms} ms"))
        }
        ("status", Ok(_)) => match StatusCode::from_bytes(number.as_bytes()) {
            Ok(status) => (status, format!("status {number}")),
            Err(_) => (StatusCode::BAD_REQUEST, "no such status".into()),
        },
        ("flaky", Ok(failures)) => {
            let request = flaky_requests.fetch_add(1, Ordering::SeqCst) + 1;
            if request <= failures {
                (StatusCode::SERVICE_UNAVAILABLE, "not ready yet".into())
            } else {
                (StatusCode::OK, "ready".into())
            }
        }
        _ => (StatusCode::NOT_FOUND, "no such page".into()),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;
    use xtask::proof::check;

    /// Real sockets do not mix with tokio's paused clock: the total time is
    /// proven on the wall clock by the suite, and the attempts here, on a
    /// real run.
    #[test]
    fn the_fourth_attempt_succeeds_after_waits_of_100_200_400_ms()
    -> xtask::proof::Result {
        let (page, attempts) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?
                .expect("the last attempt succeeds");
        assert_eq!(page, "ready");
        assert_eq!(attempts.len(), 4);
        // Between two attempts: the wait, plus the few milliseconds of the
        // failed request before it.
        let gaps: Vec<Duration> = attempts.windows(2).map(|w| w[1] - w[0]).collect();
        for (gap, ms) in gaps.iter().zip([100, 200, 400]) {
            let claimed = ms as f64 / 1000.0;
            let most =
                Duration::from_secs_f64(claimed + xtask::output::tolerance(claimed));
            check(
                *gap >= Duration::from_millis(ms) && *gap <= most,
                &format!("the attempts are {ms} ms apart"),
                &gaps,
            )?;
        }
        Ok(())
    }

    /// The quiz's variant: the same loop, with a first wait of 10 ms, against
    /// `/flaky/4`. Four failures, four waits: 10 + 20 + 40 + 80 = 150 ms, and
    /// the fifth attempt succeeds.
    #[test]
    fn four_failures_from_a_10_ms_wait_take_150_ms() -> xtask::proof::Result {
        use super::{Client, MAX_ATTEMPTS, Server, worth_retrying};
        use tokio::time::{Instant, sleep};

        let (attempts, took) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), || async {
                let server = Server::start().expect("the local server starts");
                let client = Client::new();
                let start = Instant::now();
                let mut wait = Duration::from_millis(10);
                let mut attempts = 0;
                loop {
                    attempts += 1;
                    let sent = client.get(server.url("/flaky/4")).send().await;
                    match sent.and_then(|response| response.error_for_status()) {
                        Ok(_) => return (attempts, start.elapsed()),
                        Err(error)
                            if attempts < MAX_ATTEMPTS && worth_retrying(&error) =>
                        {
                            sleep(wait).await;
                            wait *= 2;
                        }
                        Err(error) => panic!("attempt {attempts} gave up: {error}"),
                    }
                }
            })?;
        assert_eq!(attempts, 5);
        let most = Duration::from_secs_f64(0.15 + xtask::output::tolerance(0.15));
        check(
            took >= Duration::from_millis(150) && took <= most,
            "four waits from 10 ms take 150 ms",
            took,
        )
    }
}
