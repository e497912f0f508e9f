//! Find what an import loses without a word.
//!
//! `import` spawns one task per batch of lines. Each task parses its batch
//! and sends the readings to `import` through a bounded channel. `import`
//! should return every reading of every batch that parsed, and one message
//! for each batch that did not: the batch's own error, or `batch N panicked`
//! when parsing panicked. As written, it returns nothing at all, and nothing
//! crashes or prints a word. Find both ways things go missing, and fix
//! `import`. Leave `parse_batch` as it is: it stands for someone else's code.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

/// What an import found.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    /// The readings of the batches that parsed, in any order.
    pub readings: Vec<u32>,
    /// One message per batch that failed, in any order.
    pub errors: Vec<String>,
}

/// Parses the lines of batch `number`, 100 ms a line. An error for a line
/// that is not a number; a panic for an empty batch (a bug, not yours).
pub async fn parse_batch(
    number: usize,
    lines: Vec<&'static str>,
) -> Result<Vec<u32>, String> {
    assert!(!lines.is_empty(), "batch {number} has no lines");
    let mut readings = Vec::new();
    for line in lines {
        sleep(Duration::from_millis(100)).await;
        let reading = line
            .parse()
            .map_err(|_| format!("batch {number}: bad reading {line:?}"))?;
        readings.push(reading);
    }
    Ok(readings)
}

/// Imports the batches, numbered from 1, each in a task of its own.
///
/// Two things went missing. `tx.send(reading)` on a tokio channel is an
/// `async fn`: `let _ =` dropped each send's future unpolled, so no reading
/// was sent (Clippy's `let_underscore_future` says so). And each task's
/// result went into a `JoinHandle` that was dropped at once: its error, or
/// its panic, was read by nobody. Now every handle is kept and awaited, after
/// the channel is read to its end: a task waiting for room in the channel
/// cannot end before someone reads it.
pub async fn import(batches: Vec<Vec<&'static str>>) -> Report {
    let (tx, mut rx) = mpsc::channel(4);
    let mut tasks = Vec::new();
    for (number, lines) in (1..).zip(batches) {
        let tx = tx.clone();
        let task = tokio::spawn(async move {
            let readings = parse_batch(number, lines).await?;
            for reading in readings {
                tx.send(reading)
                    .await
                    .map_err(|_| format!("batch {number}: import stopped reading"))?;
            }
            Ok::<(), String>(())
        });
        tasks.push((number, task));
    }
    drop(tx); // the channel closes when the last task's sender is gone
    let mut report = Report::default();
    while let Some(reading) = rx.recv().await {
        report.readings.push(reading);
    }
    for (number, task) in tasks {
        match task.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => report.errors.push(error),
            Err(_panicked) => report.errors.push(format!("batch {number} panicked")),
        }
    }
    report
}
