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
use std::path::Path;
use tokio::fs::File;
use tokio::io::AsyncWriteExt;

/// Replaces the file at `path` with `chunks`, all or nothing.
pub async fn save(
    path: &Path,
    chunks: impl IntoIterator<Item = io::Result<Vec<u8>>>,
) -> io::Result<()> {
    // TODO: as written, a reader may find half a file, and an error leaves one.
    let mut file = File::create(path).await?;
    for chunk in chunks {
        file.write_all(&chunk?).await?;
    }
    file.flush().await?;
    Ok(())
}
