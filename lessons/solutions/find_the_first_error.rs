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
use tokio::fs::File;
use tokio::io::{AsyncBufReadExt, BufReader};

/// The first line that contains `ERROR`, and its number, from 1.
///
/// `BufReader::lines` reads a buffer at a time and hands out one line at a
/// time, checked as text only when it is handed out: the bytes after the
/// first match are never looked at, and the function returns there.
pub async fn first_error(path: &Path) -> io::Result<Option<(usize, String)>> {
    let mut lines = BufReader::new(File::open(path).await?).lines();
    let mut number = 0;
    while let Some(line) = lines.next_line().await? {
        number += 1;
        if line.contains("ERROR") {
            return Ok(Some((number, line)));
        }
    }
    Ok(None)
}
