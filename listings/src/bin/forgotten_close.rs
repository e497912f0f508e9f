//! Two connections: one closed with `close().await`, one forgotten, whose
//! `Drop` can only warn.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
struct Connection {
    id: u32,
    start: Instant,
    closed: bool,
}

impl Connection {
    async fn connect(start: Instant, id: u32) -> Connection {
        sleep(Duration::from_millis(100)).await;
        log(start, &format!("conn {id}: connected"));
        Connection { id, start, closed: false }
    }

    async fn close(mut self) {
        sleep(Duration::from_millis(100)).await; // the goodbye
        self.closed = true;
        log(self.start, &format!("conn {}: closed", self.id));
    } // `self` is dropped here, closed
}

impl Drop for Connection {
    fn drop(&mut self) {
        // No `.await` here: all a `Drop` can do is synchronous.
        if !self.closed {
            log(self.start, &format!("conn {}: dropped without close()!", self.id));
        }
    }
}

async fn run() {
    let start = Instant::now();
    let first = Connection::connect(start, 1).await;
    first.close().await;
    {
        let _second = Connection::connect(start, 2).await;
        log(start, "main: leaving the block, conn 2 still open");
    } // `_second` is dropped here
    log(start, "main: after the block");
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
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // One warning, for the connection nobody closed, at the end of its block.
        let warnings: Vec<_> =
            proof.lines.iter().filter(|l| l.contains("without close()")).collect();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("conn 2"));
        proof.assert_order(&[
            "main: leaving the block",
            "conn 2: dropped without close()!",
            "main: after the block",
        ])?;
        Ok(())
    }
}
