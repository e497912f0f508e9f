//! Twenty requests, each with a 2.5 s timeout, to a server that works on five
//! at a time: first all spawned at once, then at most five at a time.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Semaphore, mpsc, oneshot};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::{Instant, sleep, timeout};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> [Outcome; 2] {
    let start = Instant::now();
    let unlimited = against_a_new_server(start, None).await;
    let limited = against_a_new_server(start, Some(5)).await;
    [unlimited, limited]
}

/// Sends twenty requests, at most `limit` at a time (`None`: no limit).
async fn send_twenty(start: Instant, server: &Server, limit: Option<usize>) -> Outcome {
    let limit = limit.map(|permits| Arc::new(Semaphore::new(permits)));
    let in_flight = Arc::new(InFlight::default());
    let mut requests = JoinSet::new();
    for id in 1..=20 {
        let (server, limit) = (server.clone(), limit.clone());
        let in_flight = Arc::clone(&in_flight);
        requests.spawn(async move {
            let _permit = match &limit {
                Some(limit) => Some(limit.acquire().await.expect("never closed")),
                None => None,
            };
            let slot = in_flight.enter();
            let answer = timeout(Duration::from_millis(2500), server.get(id)).await;
            in_flight.leave(slot);
            answer
        });
    }
    let mut outcome = Outcome::default();
    while let Some(done) = requests.join_next().await {
        match done.expect("no request panics") {
            Ok(_page) => outcome.answered += 1,
            Err(_elapsed) => outcome.timed_out += 1,
        }
    }
    outcome.peak = in_flight.peak();
    let Outcome { answered, timed_out, peak, .. } = outcome;
    log(
        start,
        &format!("{answered} answered, {timed_out} timed out, {peak} open at once"),
    );
    outcome
}
// ANCHOR_END: program

/// What became of twenty requests.
#[derive(Debug, Default, PartialEq)]
struct Outcome {
    answered: usize,
    timed_out: usize,
    /// The most requests open at once.
    peak: usize,
    /// Answers the server worked on for nobody: their client had given up.
    wasted: usize,
}

/// Starts a server, sends it twenty requests, and waits until it has finished
/// all its work.
async fn against_a_new_server(start: Instant, limit: Option<usize>) -> Outcome {
    let how =
        limit.map_or("no limit".to_string(), |n| format!("at most {n} at a time"));
    log(start, &format!("twenty requests, {how}"));
    let (server, stopped) = start_server(start);
    let mut outcome = send_twenty(start, &server, limit).await;
    drop(server); // no more requests: the server stops when its work is done
    outcome.wasted = stopped.await.expect("the server does not panic");
    log(
        start,
        &format!("the server is done: {} answers came too late", outcome.wasted),
    );
    outcome
}

// ANCHOR: server
/// Stands in for a server with five workers. Requests wait in its queue until
/// a worker is free, in the order they came; each takes a worker for 1 s.
#[derive(Clone)]
struct Server {
    queue: mpsc::UnboundedSender<Request>,
}

/// A request: the page wanted, and where to send the answer.
type Request = (u32, oneshot::Sender<String>);

impl Server {
    async fn get(&self, id: u32) -> String {
        let (reply, answer) = oneshot::channel();
        self.queue.send((id, reply)).expect("the server is running");
        answer.await.expect("the server answers every request")
    }
}

/// Starts the server; its handle gives the number of answers nobody took.
fn start_server(start: Instant) -> (Server, JoinHandle<usize>) {
    let (queue, mut requests) = mpsc::unbounded_channel::<Request>();
    let server = tokio::spawn(async move {
        let workers = Arc::new(Semaphore::new(5));
        let busy = Arc::new(InFlight::default());
        let mut work = JoinSet::new();
        while let Some((id, reply)) = requests.recv().await {
            let worker_free = Arc::clone(&workers).acquire_owned().await;
            let busy = Arc::clone(&busy);
            work.spawn(async move {
                let worker = busy.enter();
                log(start, &format!("worker {worker} started"));
                sleep(Duration::from_secs(1)).await;
                log(start, &format!("worker {worker} finished"));
                busy.leave(worker);
                drop(worker_free);
                reply.send(format!("page {id}")).is_err() // its client gave up
            });
        }
        work.join_all().await.into_iter().filter(|&wasted| wasted).count()
    });
    (Server { queue }, server)
}
// ANCHOR_END: server

/// Counts the jobs in flight and remembers the most there ever were at once.
/// Each job gets the lowest slot number free (its row on the timeline).
#[derive(Default)]
struct InFlight(Mutex<(Vec<bool>, usize)>);

impl InFlight {
    fn enter(&self) -> usize {
        let mut state = self.0.lock().expect("never poisoned");
        let (taken, peak) = &mut *state;
        let slot = taken.iter().position(|taken| !taken).unwrap_or(taken.len());
        if slot == taken.len() {
            taken.push(true);
        } else {
            taken[slot] = true;
        }
        *peak = (*peak).max(taken.iter().filter(|taken| **taken).count());
        slot + 1
    }

    fn leave(&self, slot: usize) {
        self.0.lock().expect("never poisoned").0[slot - 1] = false;
    }

    fn peak(&self) -> usize {
        self.0.lock().expect("never poisoned").1
    }
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::Outcome;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let [unlimited, limited] = proof.output;
        // No limit: all twenty open at once. The server answers five a
        // second, so requests 11 to 20 are still waiting at 2.5 s and time
        // out; the server still works on them, for nobody.
        let expected = Outcome { answered: 10, timed_out: 10, peak: 20, wasted: 10 };
        assert_eq!(unlimited, expected);
        // At most five at a time: each request gets a worker at once.
        let expected = Outcome { answered: 20, timed_out: 0, peak: 5, wasted: 0 };
        assert_eq!(limited, expected);
        Ok(())
    }
}
