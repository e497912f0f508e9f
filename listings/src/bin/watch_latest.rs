//! A publisher updates a value every 0.2 s; a reader that takes 0.5 s per
//! value sees only the latest one each time it looks.

use std::time::Duration;
use tokio::sync::watch;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<u32> {
    let start = Instant::now();
    let (tx, mut rx) = watch::channel(0); // version 0, already seen
    tokio::spawn(async move {
        log(start, "publisher started");
        for version in 1..=5 {
            sleep(Duration::from_millis(200)).await;
            tx.send(version).expect("the reader is listening");
        }
        log(start, "publisher finished");
    }); // `tx` is dropped: `changed` returns Err once all is seen

    let mut seen = Vec::new();
    while rx.changed().await.is_ok() {
        let version = *rx.borrow_and_update();
        log(start, &format!("reader sees version {version}"));
        log(start, "reader started");
        sleep(Duration::from_millis(500)).await; // using that version
        log(start, "reader finished");
        seen.push(version);
    }
    log(start, &format!("reader saw {seen:?}"));
    seen
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
        // Versions 2 and 4 were replaced before the reader looked.
        assert_eq!(proof.output, vec![1, 3, 5]);
        Ok(())
    }
}
