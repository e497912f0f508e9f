//! Two requests raced with `select!`: the first answer wins, the other is dropped.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> String {
    let start = Instant::now();
    log(start, "race started");
    let page = tokio::select! {
        page = fetch(start, "slow mirror", 3) => page,
        page = fetch(start, "fast mirror", 1) => page,
    };
    log(start, "race finished");
    log(start, &format!("main: got {page}"));
    page
}

async fn fetch(start: Instant, mirror: &'static str, secs: u64) -> String {
    let _guard = Guard { start, mirror };
    log(start, &format!("{mirror}: request sent"));
    sleep(Duration::from_secs(secs)).await;
    log(start, &format!("{mirror}: answered"));
    format!("the page from the {mirror}")
}

/// Reports when the future that owns it ends, whichever way it ends.
struct Guard {
    start: Instant,
    mirror: &'static str,
}

impl Drop for Guard {
    fn drop(&mut self) {
        log(self.start, &format!("{}: guard dropped", self.mirror));
    }
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
        assert_eq!(proof.output, "the page from the fast mirror");
        // The winner ends its body; then `select!` drops the loser, before the
        // code after it runs. The loser never answers.
        proof.assert_order(&[
            "fast mirror: answered",
            "fast mirror: guard dropped",
            "slow mirror: guard dropped",
            "race finished",
        ])?;
        assert!(!proof.lines.iter().any(|l| l.contains("slow mirror: answered")));
        Ok(())
    }
}
