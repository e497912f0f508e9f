//! Two thousand requests at once to the listing's own server, which answers
//! each after 2 s, over two thousand connections open together.

use reqwest::{Client, StatusCode};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() -> reqwest::Result<()> {
    run().await?;
    Ok(())
}

// ANCHOR: program
const REQUESTS: u64 = 2_000;

async fn run() -> reqwest::Result<(u64, u64, Duration)> {
    // Both ends of every connection are in this process: two sockets each.
    raise_open_files_limit(2 * REQUESTS + 100);
    let server = Server::start().expect("the local server starts");
    let client = Client::builder().timeout(Duration::from_secs(10)).build()?;
    let start = Instant::now();
    let mut requests = JoinSet::new();
    for _ in 0..REQUESTS {
        let request = client.get(server.url("/delay/2000"));
        requests.spawn(async move { request.send().await?.error_for_status() });
    }
    let mut answered = 0;
    while let Some(joined) = requests.join_next().await {
        joined.expect("no task panics")?;
        answered += 1;
    }
    let (took, connections) = (start.elapsed(), server.connections());
    log(start, &format!("{answered} answers, over {connections} connections"));
    Ok((answered, connections, took))
}
// ANCHOR_END: program

/// Raises this process's limit on open files to `needed`, if it is lower
/// and the system allows it: many systems start programs with a limit of 1024
/// (on Linux) or 256 (on macOS).
#[cfg(unix)]
fn raise_open_files_limit(needed: u64) {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: both calls only read or write the `rlimit` they are given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0
            && limit.rlim_cur < needed
        {
            limit.rlim_cur = needed.min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}

#[cfg(not(unix))]
fn raise_open_files_limit(_needed: u64) {}

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

    /// How long it takes to open and serve two thousand connections is up to
    /// the machine: the claim is a relation, measured for real.
    #[test]
    fn two_thousand_requests_of_2_s_take_less_than_4_s() -> xtask::proof::Result {
        let (answered, connections, took) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?
                .expect("every request is answered");
        assert_eq!(answered, super::REQUESTS);
        // No request could reuse another's connection: none had finished
        // when the last one started.
        assert_eq!(connections, super::REQUESTS);
        check(
            took >= Duration::from_secs(2) && took < Duration::from_secs(4),
            "2,000 requests of 2 s each, all at once, take less than twice one request",
            took,
        )
    }
}
