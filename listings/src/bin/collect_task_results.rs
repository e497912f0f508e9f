//! Four requests as tasks: two answer, one returns an error, one panics.
//! Every outcome is collected.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> (usize, usize) {
    let start = Instant::now();
    let answers = ["42", "", "forty", "7"];
    let handles: Vec<_> = (1..)
        .zip(answers)
        .map(|(id, answer)| tokio::spawn(fetch_age(start, id, answer)))
        .collect();
    let mut results: Vec<Result<u32, String>> = Vec::new();
    for (id, handle) in (1..).zip(handles) {
        // Two layers: did the task complete, and did it succeed?
        let result = match handle.await {
            Ok(answer) => answer,
            Err(error) if error.is_panic() => Err("the task panicked".to_string()),
            Err(_) => Err("the task was cancelled".to_string()),
        };
        log(start, &format!("main: request {id}: {result:?}"));
        results.push(result);
    }
    let succeeded = results.iter().filter(|result| result.is_ok()).count();
    let failed = results.len() - succeeded;
    log(start, &format!("main: {succeeded} succeeded, {failed} failed"));
    (succeeded, failed)
}

/// Stands in for a request whose answer should be a number.
async fn fetch_age(start: Instant, id: u64, answer: &str) -> Result<u32, String> {
    log(start, &format!("request {id} started"));
    sleep(Duration::from_millis(500 * id)).await;
    log(start, &format!("request {id} finished"));
    if answer.is_empty() {
        return Err("empty answer".to_string());
    }
    Ok(answer.parse().expect("the server sends digits")) // a bug: it may not
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
        // One error and one panic, and both answers still arrive.
        assert_eq!(proof.output, (2, 2));
        Ok(())
    }
}
