//! Writes a small file with `tokio::fs`, appends a line to it, and reads it
//! back, whole and then line by line, in a folder of its own that it removes
//! at the end.

use std::io;
use std::path::{Path, PathBuf};
use tokio::fs::{self, File, OpenOptions};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::time::Instant;

#[tokio::main]
async fn main() -> io::Result<()> {
    run().await?;
    Ok(())
}

// ANCHOR: folder
async fn run() -> io::Result<(Vec<String>, PathBuf)> {
    let start = Instant::now();
    let dir = scratch_dir();
    fs::create_dir_all(&dir).await?;
    let lines = use_files(start, &dir).await;
    fs::remove_dir_all(&dir).await?; // whether `use_files` failed or not
    log(start, "removed the folder");
    Ok((lines?, dir))
}
// ANCHOR_END: folder

// ANCHOR: program
async fn use_files(start: Instant, dir: &Path) -> io::Result<Vec<String>> {
    let path = dir.join("todo.txt");
    fs::write(&path, "buy milk\nwater the plants\n").await?;

    let mut file = OpenOptions::new().append(true).open(&path).await?;
    file.write_all(b"call the bank\n").await?;
    file.flush().await?; // wait until the write has reached the file
    drop(file);

    let text = fs::read_to_string(&path).await?;
    log(start, &format!("read {} bytes back", text.len()));

    let mut reader = BufReader::new(File::open(&path).await?).lines();
    let mut lines = Vec::new();
    while let Some(line) = reader.next_line().await? {
        log(start, &format!("line {}: {line}", lines.len() + 1));
        lines.push(line);
    }
    Ok(lines)
}
// ANCHOR_END: program

/// A folder of its own in the system's temporary folder: the process id and
/// a counter make its name unique, even for two runs in one test process.
fn scratch_dir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let name = format!("workbook-file-round-trip-{}-{run}", std::process::id());
    std::env::temp_dir().join(name)
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::scratch_dir;
    use std::io;
    use tokio::fs::{self, File};
    use tokio::io::{AsyncBufReadExt, BufReader};

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let (lines, dir) = proof.output.expect("the files can be written and read");
        // The two lines written, then the one appended, in that order.
        assert_eq!(lines, ["buy milk", "water the plants", "call the bank"]);
        assert!(!dir.exists(), "{} is still there", dir.display());
        Ok(())
    }

    /// The quiz's variant: the append replaced by a second `fs::write`, which
    /// replaces the file, so the `next_line` loop reads only `call the bank`.
    #[test]
    fn a_second_fs_write_replaces_the_file() -> xtask::proof::Result {
        let read = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let dir = scratch_dir();
            fs::create_dir_all(&dir).await?;
            let path = dir.join("todo.txt");
            let lines = async {
                fs::write(&path, "buy milk\nwater the plants\n").await?;
                fs::write(&path, "call the bank\n").await?;
                let mut reader = BufReader::new(File::open(&path).await?).lines();
                let mut lines = Vec::new();
                while let Some(line) = reader.next_line().await? {
                    lines.push(line);
                }
                io::Result::Ok(lines)
            }
            .await;
            fs::remove_dir_all(&dir).await?;
            lines
        })?;
        let lines = read.output.expect("the files can be written and read");
        assert_eq!(lines, ["call the bank"]);
        Ok(())
    }
}
