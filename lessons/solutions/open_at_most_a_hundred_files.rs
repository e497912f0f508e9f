//! Check ten thousand files, with at most a hundred open at once.
//!
//! `checksum_all` checks every file of `files`, each in a task of its own, and
//! returns the sum of their checksums, or the first error. Ten thousand tasks
//! are cheap; ten thousand open files are not: the system lets this process
//! have `OPEN_FILES` files open at once, 100, and refuses to open one more
//! ("too many open files"). As written, every task opens its file at once.
//! Keep the tasks, and bound how many of them hold a file open, with a
//! `tokio::sync::Semaphore` (or `buffer_unordered`), so that no open is ever
//! refused, and a file opens as soon as another one closes. Leave `Disk` as it
//! is: it only measures.

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::sleep;

/// How many files the system lets this process have open at once.
pub const OPEN_FILES: usize = 100;

/// Stands in for the disk and the system's limit: it counts the files open,
/// remembers the most there ever were at once, and counts the opens refused.
#[derive(Debug, Default)]
pub struct Disk {
    /// (open now, the peak, opens refused)
    counts: Mutex<(usize, usize, usize)>,
}

impl Disk {
    /// The most files that were ever open at once.
    pub fn peak(&self) -> usize {
        self.counts.lock().unwrap().1
    }

    /// How many opens were refused.
    pub fn refused(&self) -> usize {
        self.counts.lock().unwrap().2
    }

    /// Opens file `id`, reads it for `seconds`, closes it, and returns its
    /// checksum (`id`). An error if `OPEN_FILES` files are open already.
    pub async fn checksum(&self, id: u32, seconds: u64) -> io::Result<u64> {
        {
            let mut counts = self.counts.lock().unwrap();
            if counts.0 == OPEN_FILES {
                counts.2 += 1;
                return Err(io::Error::other(format!(
                    "file {id}: too many open files ({OPEN_FILES} are open)"
                )));
            }
            counts.0 += 1;
            counts.1 = counts.1.max(counts.0);
        }
        sleep(Duration::from_secs(seconds)).await;
        self.counts.lock().unwrap().0 -= 1;
        Ok(u64::from(id))
    }
}

/// Checks every `(id, seconds)` of `files`, with at most `OPEN_FILES` open
/// at once, and returns the sum of their checksums, or the first error.
///
/// Every task is still spawned at once, and waits for one of `OPEN_FILES`
/// permits before it opens its file: a waiting task holds no file, and costs
/// only its place in the semaphore's queue. The permit, named `_permit` to
/// live to the end of the block, goes back when the file is closed, and the
/// task that has waited longest takes it.
pub async fn checksum_all(disk: Arc<Disk>, files: Vec<(u32, u64)>) -> io::Result<u64> {
    let open_files = Arc::new(Semaphore::new(OPEN_FILES));
    let mut tasks = JoinSet::new();
    for (id, seconds) in files {
        let (disk, open_files) = (Arc::clone(&disk), Arc::clone(&open_files));
        tasks.spawn(async move {
            let _permit =
                open_files.acquire().await.expect("the semaphore is never closed");
            disk.checksum(id, seconds).await
        });
    }
    let mut sum = 0;
    while let Some(checksum) = tasks.join_next().await {
        sum += checksum.expect("a task does not panic")?;
    }
    Ok(sum)
}
