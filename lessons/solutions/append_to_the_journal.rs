//! Append to a journal instead of replacing it.
//!
//! `append_entries` should add each entry to the journal file at `path`, as a
//! line of its own, after whatever the file holds already, and create the
//! file if it does not exist yet; an error (a folder that does not exist,
//! say) is handed back with `?`, never a panic. As written, the journal only
//! ever holds the last entry written. Fix it with `tokio::fs`, and make sure
//! every byte is written when it returns: the check reads the file at once.

use std::io;
use std::path::Path;
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Appends each of `entries` to the journal at `path`, a line each.
///
/// `fs::write` replaces the whole file: `OpenOptions` with `append(true)`
/// writes at its end instead, and `create(true)` makes it if it is missing.
/// A tokio `File` hands each write to the blocking pool and may return before
/// the bytes are written: `flush` waits for them.
pub async fn append_entries(path: &Path, entries: &[&str]) -> io::Result<()> {
    let mut journal = OpenOptions::new().create(true).append(true).open(path).await?;
    for entry in entries {
        journal.write_all(format!("{entry}\n").as_bytes()).await?;
    }
    journal.flush().await?;
    Ok(())
}
