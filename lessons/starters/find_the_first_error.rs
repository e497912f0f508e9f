//! Find the first error in a log, reading no further than you need.
//!
//! `first_error` returns the first line of the log at `path` that contains
//! `ERROR`, with its number (the first line is line 1), or `None` if there
//! is none; an error reading the file is handed back with `?`. Logs are
//! large, and what follows the first error may be anything, even bytes that
//! are not text. As written, it loads the whole file first. Make it read the
//! file line by line, with `tokio::fs` and `tokio::io`, and stop at the
//! first match.

use std::io;
use std::path::Path;
use tokio::fs;

/// The first line that contains `ERROR`, and its number, from 1.
pub async fn first_error(path: &Path) -> io::Result<Option<(usize, String)>> {
    // TODO: as written, the whole file is read, and must be text.
    let log = fs::read_to_string(path).await?;
    for (i, line) in log.lines().enumerate() {
        if line.contains("ERROR") {
            return Ok(Some((i + 1, line.to_string())));
        }
    }
    Ok(None)
}
