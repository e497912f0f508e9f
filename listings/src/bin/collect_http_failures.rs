//! Six requests to the listing's own server, as tasks: three answer, one gets
//! a 404, one a 500, and one takes longer than the client's timeout. Every
//! outcome is kept.

use reqwest::{Client, RequestBuilder, StatusCode};
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
const PATHS: [&str; 6] = [
    "/delay/100",
    "/status/404",
    "/delay/300",
    "/status/500",
    "/delay/2000",
    "/delay/200",
];

async fn run() -> reqwest::Result<(Vec<String>, Vec<(&'static str, String)>)> {
    let server = Server::start().expect("the local server starts");
    // Every request of this client gives up after 0.5 s.
    let client = Client::builder().timeout(Duration::from_millis(500)).build()?;
    let start = Instant::now();
    let handles: Vec<_> = PATHS
        .into_iter()
        .map(|path| tokio::spawn(fetch(start, path, client.get(server.url(path)))))
        .collect();
    let (mut pages, mut failures) = (Vec::new(), Vec::new());
    for (path, handle) in PATHS.into_iter().zip(handles) {
        match handle.await.expect("no task panics") {
            Ok(page) => pages.push(page),
            Err(error) => failures.push((path, describe(&error))),
        }
    }
    log(start, &format!("{} pages: {pages:?}", pages.len()));
    log(start, &format!("{} failures:", failures.len()));
    for (path, what) in &failures {
        log(start, &format!("  {path}: {what}"));
    }
    Ok((pages, failures))
}

/// What went wrong, in a few words.
fn describe(error: &reqwest::Error) -> String {
    match error.status() {
        Some(status) => status.to_string(),
        None if error.is_timeout() => "timed out".to_string(),
        None => error.to_string(),
    }
}
// ANCHOR_END: program

/// Sends `request`, turns an error status into an error, and reads the body.
async fn fetch(
    start: Instant,
    path: &str,
    request: RequestBuilder,
) -> reqwest::Result<String> {
    log(start, &format!("{path} started"));
    let page = async { request.send().await?.error_for_status()?.text().await }.await;
    log(start, &format!("{path} finished"));
    page
}

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
    /// Real sockets do not mix with tokio's paused clock: the total time is
    /// proven on the wall clock by the suite, and what was kept here, on a
    /// real run.
    #[test]
    fn three_pages_and_three_failures_all_kept() -> xtask::proof::Result {
        let (pages, failures) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?
                .expect("the client builds");
        assert_eq!(pages, ["waited 100 ms", "waited 300 ms", "waited 200 ms"]);
        let failures: Vec<(&str, &str)> =
            failures.iter().map(|(path, what)| (*path, what.as_str())).collect();
        assert_eq!(
            failures,
            [
                ("/status/404", "404 Not Found"),
                ("/status/500", "500 Internal Server Error"),
                ("/delay/2000", "timed out"),
            ]
        );
        Ok(())
    }
}
