//! Retry with exponential backoff, a cap and a time limit.
//!
//! `fetch_with_retry` calls the service until it answers, at most
//! `MAX_ATTEMPTS` times. As written, it tries again at once, and waits forever
//! for a call that never answers. Make it wait `FIRST_DELAY` after the first
//! failure, twice as long after each failure after that, but never more than
//! `MAX_DELAY`; give each call `CALL_TIMEOUT`, after which it counts as a
//! failure; and after the last attempt, give up at once with its error.

use std::sync::Mutex;
use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

pub const MAX_ATTEMPTS: u32 = 5;
pub const FIRST_DELAY: Duration = Duration::from_millis(100);
pub const MAX_DELAY: Duration = Duration::from_millis(400);
pub const CALL_TIMEOUT: Duration = Duration::from_millis(250);

/// How the service answers one call.
#[derive(Debug, Clone, Copy)]
pub enum Reply {
    /// Fails after this many milliseconds.
    Fail(u64),
    /// Never answers.
    Hang,
    /// Answers after this many milliseconds.
    Answer(u64),
}

/// Stands in for a service that answers each call as its script says, and
/// notes when each call was made.
pub struct Service {
    script: Vec<Reply>,
    calls: Mutex<Vec<Instant>>,
}

impl Service {
    pub fn new(script: Vec<Reply>) -> Service {
        Service { script, calls: Mutex::new(Vec::new()) }
    }

    /// One call: answers as the next reply of the script says (a failure of
    /// 50 ms once the script is over).
    pub async fn call(&self) -> Result<String, String> {
        let number = {
            let mut calls = self.calls.lock().unwrap();
            calls.push(Instant::now());
            calls.len()
        };
        match self.script.get(number - 1).copied().unwrap_or(Reply::Fail(50)) {
            Reply::Fail(ms) => {
                sleep(Duration::from_millis(ms)).await;
                Err("503 Service Unavailable".to_string())
            }
            Reply::Hang => std::future::pending().await,
            Reply::Answer(ms) => {
                sleep(Duration::from_millis(ms)).await;
                Ok(format!("200 OK on call {number}"))
            }
        }
    }

    /// When each call was made.
    pub fn calls(&self) -> Vec<Instant> {
        self.calls.lock().unwrap().clone()
    }
}

/// Calls `service` until it answers, with backoff between the attempts;
/// returns its answer, or the last attempt's error.
pub async fn fetch_with_retry(service: &Service) -> Result<String, String> {
    let mut delay = FIRST_DELAY;
    let mut attempt = 1;
    loop {
        // A call that hangs is dropped at CALL_TIMEOUT, and counts as a failure.
        let error = match timeout(CALL_TIMEOUT, service.call()).await {
            Ok(Ok(answer)) => return Ok(answer),
            Ok(Err(error)) => error,
            Err(elapsed) => elapsed.to_string(),
        };
        if attempt == MAX_ATTEMPTS {
            return Err(error); // no wait after the last attempt: nothing follows it
        }
        sleep(delay).await;
        delay = (delay * 2).min(MAX_DELAY); // double it, up to the cap
        attempt += 1;
    }
}
