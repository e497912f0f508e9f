//! Ten HTTP requests to the listing's own server, which answers each after
//! 0.5 s, sent one after the other with one `reqwest::Client`.

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
async fn run() -> reqwest::Result<(Vec<String>, u64)> {
    let server = Server::start().expect("the local server starts");
    let client = Client::new(); // one client for every request
    let start = Instant::now();
    let mut pages = Vec::new();
    for id in 1..=10 {
        pages.push(fetch(&client, start, &server.url("/delay/500"), id).await?);
    }
    let connections = server.connections();
    log(start, &format!("{} pages, over {connections} connection(s)", pages.len()));
    Ok((pages, connections))
}

async fn fetch(
    client: &Client,
    start: Instant,
    url: &str,
    id: u32,
) -> reqwest::Result<String> {
    log(start, &format!("request {id} started"));
    let response = client.get(url).send().await?;
    let page = response.error_for_status()?.text().await?;
    log(start, &format!("request {id} finished"));
    Ok(page)
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
    /// proven on the wall clock by the suite, and what the requests gave back
    /// here, on a real run.
    #[test]
    fn ten_pages_one_after_the_other_over_one_connection() -> xtask::proof::Result {
        let (pages, connections) =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?
                .expect("every request succeeds");
        assert_eq!(pages, vec!["waited 500 ms"; 10]);
        // Each request starts after the one before has finished, so the
        // client's pool hands the same connection back every time.
        assert_eq!(connections, 1);
        Ok(())
    }

    /// The quiz's variant: eight requests to a page that answers after 50 ms,
    /// sent one after the other with the listing's `fetch`. The waits add up:
    /// 8 × 50 ms = 400 ms, within the book's tolerance.
    #[test]
    fn eight_requests_of_50_ms_take_400_ms() -> xtask::proof::Result {
        use super::{Client, Server, fetch};
        use std::time::Duration;
        use tokio::time::Instant;

        let took = xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), || async {
            let server = Server::start().expect("the local server starts");
            let client = Client::new();
            let start = Instant::now();
            for id in 1..=8 {
                let page = fetch(&client, start, &server.url("/delay/50"), id).await;
                assert_eq!(page.expect("every request succeeds"), "waited 50 ms");
            }
            start.elapsed()
        })?;
        let most = Duration::from_secs_f64(0.4 + xtask::output::tolerance(0.4));
        xtask::proof::check(
            took >= Duration::from_millis(400) && took <= most,
            "eight requests of 50 ms, one after the other, take 400 ms",
            took,
        )
    }
}
