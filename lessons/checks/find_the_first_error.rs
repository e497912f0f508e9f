//! Checks of the exercise `find_the_first_error`. Each check works in a
//! folder of its own in the system's temporary folder, removed at its end.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/find_the_first_error.rs"]
mod exercise;

use std::io;
use std::path::PathBuf;

/// A fresh folder, removed when dropped, even if the check fails.
struct Folder(PathBuf);

impl Folder {
    fn new(check: &str) -> Folder {
        let path = std::env::temp_dir().join(format!(
            "lessons-find_the_first_error-{check}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("the check can create its folder");
        Folder(path)
    }

    /// Writes `contents` to `name` in the folder, and runs `first_error` on it.
    fn first_error(
        &self,
        name: &str,
        contents: &[u8],
    ) -> io::Result<Option<(usize, String)>> {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("the check can write its file");
        lessons::paused(exercise::first_error(&path)).output
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn finds_the_first_error() {
    let folder = Folder::new("finds");
    let log =
        "INFO start\nWARN disk 80%\nERROR disk full\nINFO retry\nERROR disk full\n";
    let found = folder.first_error("app.log", log.as_bytes());
    match found {
        Ok(found) => assert_eq!(
            found,
            Some((3, "ERROR disk full".to_string())),
            "in a log whose lines 3 and 5 hold ERROR, first_error gave {found:?}: the \
             first one, line 3 (counting from 1), and its text without the newline"
        ),
        Err(e) => panic!("first_error returned an error on a plain log: {e}"),
    }
    let calm = folder.first_error("calm.log", b"INFO start\nINFO stop\n");
    assert!(
        matches!(calm, Ok(None)),
        "in a log with no ERROR, first_error gave {calm:?}: it should be Ok(None)"
    );
}

fn stops_at_the_first_error() {
    let folder = Folder::new("stops");
    let mut log = b"INFO start\nERROR out of memory\n".to_vec();
    // What the crash left after the error: bytes that are not UTF-8 text.
    log.extend_from_slice(&[0xff, 0xfe, 0x00, 0x9f, b'\n']);
    log.extend_from_slice(b"INFO restarted\n");
    let found = folder.first_error("crash.log", &log);
    match found {
        Ok(found) => assert_eq!(
            found,
            Some((2, "ERROR out of memory".to_string())),
            "first_error gave {found:?}: the first error is line 2"
        ),
        Err(e) => panic!(
            "first_error returned an error, {e}, on a log whose first error is line 2: \
             it read past it, into bytes that are not text (`read_to_string` checks the \
             whole file, and fails). Read line by line, with \
             `BufReader::new(file).lines()` and `next_line().await?`, and return at the \
             first match"
        ),
    }
}

fn hands_errors_back() {
    let folder = Folder::new("missing");
    let path = folder.0.join("no such log");
    let found = lessons::paused(exercise::first_error(&path)).output;
    assert!(
        matches!(&found, Err(e) if e.kind() == io::ErrorKind::NotFound),
        "for a log that does not exist, first_error gave {found:?}: it should hand back \
         the error of opening it, of kind NotFound"
    );
}

lessons::checks!(finds_the_first_error, stops_at_the_first_error, hands_errors_back);
