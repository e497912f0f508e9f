//! The HTTP exercises' own server, and their clock (feature `http`).
//!
//! A check starts a [`Server`] on 127.0.0.1 at a port the system picks, in
//! the runtime of [`wall_clock`], and sends the exercise's requests there:
//! nothing leaves the machine. The server counts the connections it accepts
//! and the requests it gets for each path, so a check can say "three
//! requests for `/flaky/2`" or "twenty connections for twenty requests".
//!
//! Real sockets do not follow tokio's paused clock, so these checks time on
//! the wall clock, with margins no busy machine reaches: "under 1.5 s, where
//! one request after the other takes 2.75 s".
//!
//! Its pages, as in the HTTP chapter's listings:
//!
//! | page | answers |
//! | --- | --- |
//! | `/delay/MS` | `200 OK` after MS milliseconds, with the body `waited MS ms` |
//! | `/status/CODE` | that status, at once, with the body `status CODE` |
//! | `/flaky/N` | `503 Service Unavailable` to the first N requests for it, then `200 OK`, `ready` |
//! | `/hang/N` | nothing, ever, to the first N requests for it, then `200 OK`, `ready` |

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A small HTTP/1.1 server, with keep-alive, for the checks.
pub struct Server {
    address: String,
    counts: Arc<Counts>,
}

#[derive(Default)]
struct Counts {
    connections: AtomicU64,
    requests: Mutex<HashMap<String, u64>>,
}

impl Server {
    /// Starts it on 127.0.0.1, in the current tokio runtime.
    pub async fn start() -> Server {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("the checks' server starts on 127.0.0.1");
        let address = format!(
            "http://{}",
            listener.local_addr().expect("the server has an address")
        );
        let counts = Arc::new(Counts::default());
        let shared = Arc::clone(&counts);
        tokio::spawn(async move {
            while let Ok((connection, _)) = listener.accept().await {
                shared.connections.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(connection, Arc::clone(&shared)));
            }
        });
        Server { address, counts }
    }

    /// The address of one of its pages, such as `/delay/500`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// How many connections it has accepted so far.
    pub fn connections(&self) -> u64 {
        self.counts.connections.load(Ordering::SeqCst)
    }

    /// How many requests for `path` it has got so far.
    pub fn requests(&self, path: &str) -> u64 {
        let requests = self.counts.requests.lock().unwrap_or_else(|e| e.into_inner());
        requests.get(path).copied().unwrap_or(0)
    }
}

/// Answers the requests of one connection, one after the other, until the
/// client closes it.
async fn serve(connection: TcpStream, counts: Arc<Counts>) -> io::Result<()> {
    let mut connection = BufReader::new(connection);
    let mut line = String::new();
    loop {
        // `GET /delay/500 HTTP/1.1`, then headers up to an empty line.
        line.clear();
        if connection.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let path = line.split(' ').nth(1).unwrap_or_default().to_string();
        while connection.read_line(&mut line).await? > 2 {}
        let number = {
            let mut requests =
                counts.requests.lock().unwrap_or_else(|e| e.into_inner());
            let count = requests.entry(path.clone()).or_insert(0);
            *count += 1;
            *count
        };
        let (status, body) = answer(&path, number).await;
        let head =
            format!("HTTP/1.1 {status}\r\ncontent-length: {}\r\n\r\n", body.len());
        connection.get_mut().write_all((head + &body).as_bytes()).await?;
    }
}

/// What the server answers to the `number`th request for `path`.
async fn answer(path: &str, number: u64) -> (String, String) {
    let mut parts = path.split('/').skip(1);
    let (page, value) =
        (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let ready = || ("200 OK".to_string(), "ready".to_string());
    match (page, value.parse::<u64>()) {
        ("delay", Ok(ms)) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            ("200 OK".into(), format!("waited {ms} ms"))
        }
        ("status", Ok(code @ 100..=999)) => {
            (format!("{code} {}", reason(code)), format!("status {code}"))
        }
        ("flaky", Ok(failures)) if number <= failures => {
            ("503 Service Unavailable".into(), "not ready yet".into())
        }
        ("hang", Ok(hangs)) if number <= hangs => std::future::pending().await,
        ("flaky" | "hang", Ok(_)) => ready(),
        _ => ("404 Not Found".into(), "no such page".into()),
    }
}

fn reason(code: u64) -> &'static str {
    match code {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// Runs `future` on a current-thread runtime on the real clock, and measures
/// it. Panics with `still_running` if it is not done after `limit`.
pub fn wall_clock<F: Future>(
    limit: Duration,
    still_running: &str,
    future: F,
) -> (F::Output, Duration) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let start = Instant::now();
    let output = runtime.block_on(async {
        match tokio::time::timeout(limit, future).await {
            Ok(output) => output,
            Err(_) => panic!(
                "still running after {:.1} s: {still_running}",
                limit.as_secs_f64()
            ),
        }
    });
    (output, start.elapsed())
}
