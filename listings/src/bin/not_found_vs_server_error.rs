//! A 404 and a 500 from the listing's own server: what `send()` gives back,
//! then what `error_for_status()` makes of it.

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
async fn run() -> reqwest::Result<Vec<(StatusCode, Option<StatusCode>)>> {
    let server = Server::start().expect("the local server starts");
    let client = Client::new();
    let start = Instant::now();
    let mut seen = Vec::new();
    for path in ["/status/404", "/status/500"] {
        // Any answer from the server, whatever its status, is an Ok(Response).
        let response = client.get(server.url(path)).send().await?;
        let status = response.status();
        log(start, &format!("{path}: send() gave Ok, status {status}"));
        match response.error_for_status() {
            Ok(_) => log(start, &format!("{path}: error_for_status() gave Ok")),
            Err(error) => {
                let error = error.without_url(); // the port changes on every run
                log(start, &format!("{path}: error_for_status() gave Err: {error}"));
                seen.push((status, error.status()));
            }
        }
    }
    Ok(seen)
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
    use reqwest::StatusCode;

    /// Real sockets do not mix with tokio's paused clock: this is a real run.
    #[test]
    fn a_status_is_an_error_only_after_error_for_status() -> xtask::proof::Result {
        let seen = xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?
            .expect("send() succeeds for both");
        // send() gave a response with each status, and error_for_status()
        // turned each into an error that carries the status.
        assert_eq!(
            seen,
            [
                (StatusCode::NOT_FOUND, Some(StatusCode::NOT_FOUND)),
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Some(StatusCode::INTERNAL_SERVER_ERROR)
                ),
            ]
        );
        assert!(seen[0].0.is_client_error() && seen[1].0.is_server_error());
        Ok(())
    }
}
