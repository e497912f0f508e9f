//! Replace a file whole, or not at all.
//!
//! `save` writes a new version of the file at `path` from `chunks`, written
//! as they come: they come from elsewhere (a download, say), and any of them
//! may be an error instead. As written, it writes straight into the file: a
//! reader that opens it meanwhile finds half a file, and when a chunk fails,
//! the old version is gone and half the new one is left. Make it all or
//! nothing: write the chunks to a temporary file in the same folder, and
//! rename that over `path` once every chunk is written. On an error, hand it
//! back, leave `path` as it was, and remove the temporary file.

use std::io;
use std::path::{Path, PathBuf};
use tokio::fs::{self, File};
use tokio::io::AsyncWriteExt;

/// Replaces the file at `path` with `chunks`, all or nothing.
///
/// Until the rename, `path` is untouched: a reader finds the old version,
/// whole. The rename replaces it with the new one in one step (the old file
/// lives on, unnamed, for whoever has it open), and within one folder it is
/// one file system, where a rename never copies. Whatever fails, the write or
/// the rename, the temporary file is removed before the error is handed back.
pub async fn save(
    path: &Path,
    chunks: impl IntoIterator<Item = io::Result<Vec<u8>>>,
) -> io::Result<()> {
    let temporary = temporary_path(path);
    let saved = match write_chunks(&temporary, chunks).await {
        Ok(()) => fs::rename(&temporary, path).await,
        Err(error) => Err(error),
    };
    if saved.is_err() {
        // Removing it fails only if it was never made: the error handed back
        // is the one that stopped the save.
        let _ = fs::remove_file(&temporary).await;
    }
    saved
}

/// `path` with `.tmp` added to its name, in the same folder.
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".tmp");
    PathBuf::from(name)
}

/// Writes `chunks` to a new file at `path`, and waits until they are on disk.
async fn write_chunks(
    path: &Path,
    chunks: impl IntoIterator<Item = io::Result<Vec<u8>>>,
) -> io::Result<()> {
    let mut file = File::create(path).await?;
    for chunk in chunks {
        file.write_all(&chunk?).await?;
    }
    // `flush` waits for the writes a tokio `File` has handed to the blocking
    // pool; `sync_all` for the disk, so that a crash after the rename finds
    // the new version whole, not an empty file.
    file.flush().await?;
    file.sync_all().await
}
