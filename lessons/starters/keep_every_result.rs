//! Keep every outcome when a task fails or panics.
//!
//! `parse_all` spawns one task per answer, which turns the answer into a
//! number. An empty answer is an error, and an answer that is not digits makes
//! the task panic (a bug in `parse_answer`, which is someone else's code: leave
//! it as it is). As written, `parse_all` unwraps both layers of each result, so
//! the first failure takes the whole call down and every other number is
//! lost. Return one `Outcome` per answer instead, in the order of the answers.

use std::time::Duration;
use tokio::time::sleep;

/// What became of one answer.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// The task returned a number.
    Number(u32),
    /// The task returned an error, with its message.
    Error(String),
    /// The task panicked.
    Panicked,
}

/// Takes 1 s, then parses `answer`. Returns an error for an empty answer, and
/// panics on one that is not digits (the bug).
pub async fn parse_answer(answer: &'static str) -> Result<u32, String> {
    sleep(Duration::from_secs(1)).await;
    if answer.is_empty() {
        return Err("empty answer".to_string());
    }
    Ok(answer.parse().expect("the server only sends digits"))
}

/// Parses every answer in a task of its own, and returns every outcome, in
/// the order of `answers`.
pub async fn parse_all(answers: Vec<&'static str>) -> Vec<Outcome> {
    let handles: Vec<_> =
        answers.into_iter().map(|answer| tokio::spawn(parse_answer(answer))).collect();
    let mut outcomes = Vec::new();
    for handle in handles {
        // TODO: did the task complete, and did it succeed? Keep both failures.
        let number = handle.await.unwrap().unwrap();
        outcomes.push(Outcome::Number(number));
    }
    outcomes
}
