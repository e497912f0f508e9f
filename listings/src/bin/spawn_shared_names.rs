//! A list of names, borrowed by joined futures, then shared with spawned tasks.

use std::sync::Arc;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> usize {
    let start = Instant::now();
    let names = vec!["Ferris".to_string(), "Corro".to_string()];
    // `join!` polls its futures inside this task: they may borrow `names`.
    tokio::join!(greet(start, &names[0]), greet(start, &names[1]));

    // A task may outlive this function: it must own what it uses.
    let names = Arc::new(names);
    let mut handles = Vec::new();
    for i in 0..names.len() {
        let names = Arc::clone(&names); // this task's own handle on the list
        handles.push(tokio::spawn(async move { greet(start, &names[i]).await }));
    }
    for handle in handles {
        handle.await.expect("no task panics");
    }
    Arc::strong_count(&names)
}

async fn greet(start: Instant, name: &str) {
    sleep(Duration::from_millis(100)).await; // `name` is held across this `.await`
    log(start, &format!("hello, {name}"));
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
        // The tasks have dropped their handles: only `run`'s is left.
        assert_eq!(proof.output, 1);
        // At 0.10 s, `join!`'s second poll starts with its second future. (The
        // spawned tasks' two lines at 0.20 s have no fixed order.)
        proof.assert_order(&["hello, Corro", "hello, Ferris"])
    }
}
