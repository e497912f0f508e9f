//! Five requests to the listing's own server, which answers them after 0.3,
//! 0.6, 0.9, 1.2 and 1.5 s, under one 1 s timeout for the whole batch.

use reqwest::{Client, RequestBuilder, StatusCode};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (Vec<reqwest::Result<String>>, Vec<&'static str>) {
    let server = Server::start().expect("the local server starts");
    let client = Client::new();
    let start = Instant::now();
    let mut waiting =
        vec!["/delay/300", "/delay/600", "/delay/900", "/delay/1200", "/delay/1500"];
    let mut batch = JoinSet::new();
    for &path in &waiting {
        log(start, &format!("{path} started"));
        let request = client.get(server.url(path));
        batch.spawn(async move { (path, fetch(request).await) });
    }
    let mut pages = Vec::new();
    let whole_batch = async {
        while let Some(joined) = batch.join_next().await {
            let (path, page) = joined.expect("no task panics");
            log(start, &format!("{path} finished"));
            waiting.retain(|&p| p != path);
            pages.push(page);
        }
    };
    if timeout(Duration::from_secs(1), whole_batch).await.is_err() {
        for path in &waiting {
            log(start, &format!("{path} finished"));
            log(start, &format!("{path}: cut off by the timeout"));
        }
    }
    drop(batch); // aborts the tasks that are still waiting
    log(start, &format!("pages: {pages:?}"));
    (pages, waiting)
}

async fn fetch(request: RequestBuilder) -> reqwest::Result<String> {
    request.send().await?.error_for_status()?.text().await
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
    /// Real sockets do not mix with tokio's paused clock: the total time is
    /// proven on the wall clock by the suite, and what the batch kept here,
    /// on a real run.
    #[test]
    fn the_timeout_keeps_three_pages_and_cuts_off_two() -> xtask::proof::Result {
        let (pages, cut_off) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?;
        let pages: Vec<String> = pages
            .into_iter()
            .map(|page| page.expect("a page that came in time"))
            .collect();
        assert_eq!(pages, ["waited 300 ms", "waited 600 ms", "waited 900 ms"]);
        assert_eq!(cut_off, ["/delay/1200", "/delay/1500"]);
        Ok(())
    }

    /// The quiz's variant: requests that answer after 100, 200, 400 and 500 ms,
    /// the listing's `fetch` in a `JoinSet`, and one timeout of 200 ms around
    /// the loop that collects them: two pages, and the batch is over at 300 ms.
    #[test]
    fn a_300_ms_timeout_keeps_the_pages_of_100_and_200_ms() -> xtask::proof::Result {
        use super::{Client, Server, fetch};
        use std::time::Duration;
        use tokio::task::JoinSet;
        use tokio::time::{Instant, timeout};

        let (pages, cut_off, took) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), || async {
                let server = Server::start().expect("the local server starts");
                let client = Client::new();
                let start = Instant::now();
                let mut batch = JoinSet::new();
                for path in ["/delay/100", "/delay/200", "/delay/400", "/delay/500"] {
                    batch.spawn(fetch(client.get(server.url(path))));
                }
                let mut pages = Vec::new();
                let whole_batch = async {
                    while let Some(joined) = batch.join_next().await {
                        pages.push(joined.expect("no task panics").expect("a page"));
                    }
                };
                let cut_off =
                    timeout(Duration::from_millis(300), whole_batch).await.is_err();
                (pages, cut_off, start.elapsed())
            })?;
        assert_eq!(pages, ["waited 100 ms", "waited 200 ms"]);
        assert!(cut_off, "the timeout cut off the 400 and 500 ms requests");
        let most = Duration::from_secs_f64(0.3 + xtask::output::tolerance(0.3));
        xtask::proof::check(
            took >= Duration::from_millis(300) && took <= most,
            "the batch is over at 300 ms",
            took,
        )
    }
}
