//! A `Drop` that hands the async close to a spawned task, which nobody awaits.

use std::time::Duration;
use tokio::runtime::Handle;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
struct Connection {
    id: u32,
    start: Instant,
}

impl Drop for Connection {
    fn drop(&mut self) {
        let (id, start) = (self.id, self.start);
        match Handle::try_current() {
            Ok(runtime) => {
                log(start, &format!("conn {id}: dropped, close spawned"));
                runtime.spawn(close(start, id)); // the handle is dropped: nobody awaits it
            }
            Err(_) => {
                log(start, &format!("conn {id}: dropped outside a runtime, not closed"))
            }
        }
    }
}

async fn close(start: Instant, id: u32) {
    log(start, &format!("conn {id} close started"));
    sleep(Duration::from_millis(100)).await; // the goodbye
    log(start, &format!("conn {id} close finished"));
}

async fn run() {
    let start = Instant::now();
    drop(Connection { id: 1, start });
    log(start, "main: the line after the drop");
    sleep(Duration::from_millis(500)).await;

    drop(Connection { id: 2, start });
    log(start, "main: returning");
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
    use tokio::runtime::Handle;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // The close runs after the line that follows the drop, not during it.
        proof.assert_order(&[
            "conn 1: dropped, close spawned",
            "main: the line after the drop",
            "conn 1 close started",
        ])?;
        // Conn 2's close never starts: the runtime stops with `run`.
        assert!(
            proof.lines.iter().any(|l| l.contains("conn 2: dropped, close spawned"))
        );
        assert!(!proof.lines.iter().any(|l| l.contains("conn 2 close")));
        Ok(())
    }

    /// The page's note: `try_current` looks at the current thread. Inside
    /// the runtime it finds it; on a plain thread it fails, though the
    /// runtime still runs.
    #[test]
    fn try_current_fails_on_a_plain_thread() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            assert!(Handle::try_current().is_ok());
            let elsewhere = std::thread::spawn(|| Handle::try_current().is_ok());
            assert!(!elsewhere.join().unwrap());
        });
    }
}
