//! Retries a call that fails its first five attempts, with exponential backoff
//! capped at 500 ms.

use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main]
async fn main() {
    let _ = run().await;
}

// ANCHOR: program
const MAX_ATTEMPTS: u32 = 8;
const FIRST_DELAY: Duration = Duration::from_millis(100);
const MAX_DELAY: Duration = Duration::from_millis(500);

async fn run() -> (Result<&'static str, String>, Vec<Duration>) {
    let start = Instant::now();
    let mut started_at = Vec::new(); // when each attempt started
    let mut delay = FIRST_DELAY;
    let result = loop {
        started_at.push(start.elapsed());
        let attempt = started_at.len() as u32;
        match flaky_call(start, attempt).await {
            Ok(answer) => break Ok(answer),
            Err(error) if attempt == MAX_ATTEMPTS => break Err(error),
            Err(error) => {
                let ms = delay.as_millis();
                log(start, &format!("attempt {attempt}: {error}, retrying in {ms} ms"));
                sleep(delay).await;
                delay = (delay * 2).min(MAX_DELAY); // double it, up to the cap
            }
        }
    };
    log(start, &format!("main: {result:?} after {} attempts", started_at.len()));
    (result, started_at)
}

/// Takes 50 ms, and fails its first five attempts, as a server that is
/// starting up might.
async fn flaky_call(start: Instant, attempt: u32) -> Result<&'static str, String> {
    log(start, "call started");
    sleep(Duration::from_millis(50)).await;
    log(start, "call finished");
    if attempt <= 5 { Err("503 Service Unavailable".into()) } else { Ok("200 OK") }
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
    use super::FIRST_DELAY;
    use std::time::Duration;
    use tokio::time::{Instant, sleep};

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let (result, started_at) = proof.output;
        assert_eq!(result, Ok("200 OK"));
        // Each attempt starts 50 ms (the call) + the delay after the one
        // before; the delays are 100, 200, 400, then 500 (800 capped), 500.
        let ms = Duration::from_millis;
        assert_eq!(started_at, [ms(0), ms(150), ms(400), ms(850), ms(1400), ms(1950)]);
        Ok(())
    }

    /// The quiz's variant: the same loop with a cap of 1000 ms, around a call
    /// that takes no time and fails five times. The waits are 100, 200, 400,
    /// 800 and 1000 ms (1600 capped): the sixth attempt starts at 2500 ms.
    #[test]
    fn a_1000_ms_cap_starts_attempt_6_at_2500_ms() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let ms = Duration::from_millis;
            let start = Instant::now();
            let mut started_at = Vec::new();
            let mut delay = FIRST_DELAY;
            loop {
                started_at.push(start.elapsed());
                if started_at.len() > 5 {
                    break; // the sixth attempt succeeds
                }
                sleep(delay).await; // after each failure
                delay = (delay * 2).min(ms(1000));
            }
            assert_eq!(
                started_at,
                [ms(0), ms(100), ms(300), ms(700), ms(1500), ms(2500)]
            );
        })?;
        Ok(())
    }
}
