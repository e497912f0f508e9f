//! Three tasks send a report each over one shared connection, which each
//! holds in a `tokio::sync::Mutex` for the whole send.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::{Instant, sleep};

// One thread, so that which task sends first is the same on every run.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

async fn run() -> Vec<String> {
    let start = Instant::now();
    let connection = Arc::new(Mutex::new(Connection { sent: Vec::new() }));
    let tasks: Vec<_> = (1..=3)
        .map(|id| tokio::spawn(report(start, id, Arc::clone(&connection))))
        .collect();
    for task in tasks {
        task.await.expect("no task panics");
    }
    let sent = connection.lock().await.sent.clone();
    log(start, &format!("main: the connection sent {sent:?}"));
    sent
}

// ANCHOR: program
/// Stands in for a connection that sends one message at a time.
struct Connection {
    sent: Vec<String>,
}

impl Connection {
    async fn send(&mut self, message: String) {
        sleep(Duration::from_millis(500)).await; // the network, 0.5 s
        self.sent.push(message);
    }
}

async fn report(start: Instant, id: u32, connection: Arc<Mutex<Connection>>) {
    let mut connection = connection.lock().await; // waits its turn
    log(start, &format!("report {id} started"));
    connection.send(format!("report {id}")).await; // the guard is held here
    log(start, &format!("report {id} finished"));
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
    use super::{Connection, report};
    use std::sync::Arc;
    use std::time::Duration;
    use tokio::sync::Mutex;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // One send at a time, whole: 3 × 0.5 s, in the order the tasks
        // asked for the lock.
        assert_eq!(proof.output, ["report 1", "report 2", "report 3"]);
        Ok(())
    }

    /// The quiz's variant: four tasks, each holding the connection for its
    /// whole 0.5 s send: they take turns, 4 × 0.5 s = 2 s.
    #[test]
    fn four_reports_under_the_lock_take_2_s() -> xtask::proof::Result {
        let sent = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let connection = Arc::new(Mutex::new(Connection { sent: Vec::new() }));
            let tasks: Vec<_> = (1..=4)
                .map(|id| tokio::spawn(report(start, id, Arc::clone(&connection))))
                .collect();
            for task in tasks {
                task.await.expect("no task panics");
            }
            connection.lock().await.sent.clone()
        })?;
        assert_eq!(sent.output, ["report 1", "report 2", "report 3", "report 4"]);
        assert_eq!(sent.elapsed, Duration::from_secs(2));
        Ok(())
    }
}
