//! Checks of the exercise `write_a_file_atomically`. Each check works in a
//! folder of its own in the system's temporary folder, removed at its end.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/write_a_file_atomically.rs"]
mod exercise;

use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;

const OLD: &str = "theme = light\nfont = 12\n";
const NEW: [&str; 3] = ["theme = dark\n", "font = 14\n", "lang = fr\n"];

/// A fresh folder, removed when dropped, even if the check fails.
struct Folder(PathBuf);

impl Folder {
    fn new(check: &str) -> Folder {
        let path = std::env::temp_dir().join(format!(
            "lessons-write_a_file_atomically-{check}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("the check can create its folder");
        Folder(path)
    }

    /// The names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .expect("the check can list its folder")
            .map(|entry| {
                let entry = entry.expect("the check can list its folder");
                entry.file_name().to_string_lossy().into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a reader finds at `path`, now.
fn read(path: &Path) -> String {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => format!("<no file: {error}>"),
    }
}

/// The chunks, handed out one at a time by an iterator that first looks at
/// the file at `path`, as another program reading it at that moment would,
/// and notes what it found in `seen`.
struct Watched {
    path: PathBuf,
    chunks: std::vec::IntoIter<io::Result<Vec<u8>>>,
    seen: Rc<RefCell<Vec<String>>>,
}

impl Iterator for Watched {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        let chunk = self.chunks.next()?;
        self.seen.borrow_mut().push(read(&self.path));
        Some(chunk)
    }
}

fn chunks(texts: &[&str]) -> Vec<io::Result<Vec<u8>>> {
    texts.iter().map(|text| Ok(text.as_bytes().to_vec())).collect()
}

/// Which file a path names (its inode), on Unix; `None` elsewhere.
#[cfg(unix)]
fn identity(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|metadata| metadata.ino())
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<u64> {
    None
}

/// Fails if the folder holds anything but `settings.toml`.
fn only_the_file_is_left(folder: &Folder, after: &str, how: &str) {
    let names = folder.names();
    assert_eq!(
        names,
        ["settings.toml"],
        "{after}, the folder holds {names:?}, where it should hold settings.toml \
         alone: {how}"
    );
}

fn replaces_the_file_whole() {
    let folder = Folder::new("replaces");
    let path = folder.0.join("settings.toml");
    std::fs::write(&path, OLD).expect("the check can write its file");
    let before = identity(&path);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let watched = Watched {
        path: path.clone(),
        chunks: chunks(&NEW).into_iter(),
        seen: Rc::clone(&seen),
    };
    let timed = lessons::paused(exercise::save(&path, watched));
    timed.output.unwrap_or_else(|e| panic!("save returned an error: {e}"));
    let found = read(&path);
    let expected = NEW.concat();
    assert_eq!(
        found, expected,
        "after save, settings.toml reads {found:?}: it should be the three chunks, in \
         order. Flush the file you wrote before you rename it: a tokio `File` may return \
         from `write_all` before the bytes are written"
    );
    let seen = seen.borrow();
    assert!(
        seen.len() == NEW.len() && seen.iter().all(|text| text == OLD),
        "while save was writing, a reader of settings.toml found {seen:?}, where it \
         should find the old version, whole, {OLD:?}, every time: `File::create` empties \
         the file at once, and the new chunks arrive one by one. Write them to a \
         temporary file next to it, then rename that over settings.toml \
         (`tokio::fs::rename`), which replaces it in one step"
    );
    if let (Some(before), Some(after)) = (before, identity(&path)) {
        assert!(
            before != after,
            "settings.toml was rewritten in place (it is still the same file on disk): a \
             reader that opens it while it is written finds half of it, and a crash \
             leaves half of it. Write a temporary file in the same folder, then rename \
             it over settings.toml"
        );
    }
    only_the_file_is_left(
        &folder,
        "after save",
        "rename the temporary file over settings.toml (`tokio::fs::rename`), which \
         leaves no copy behind",
    );
}

fn creates_a_new_file() {
    let folder = Folder::new("creates");
    let path = folder.0.join("settings.toml");
    let timed = lessons::paused(exercise::save(&path, chunks(&NEW)));
    timed.output.unwrap_or_else(|e| {
        panic!("with no settings.toml yet, save returned an error: {e}")
    });
    let found = read(&path);
    assert_eq!(
        found,
        NEW.concat(),
        "with no settings.toml yet, save left it reading {found:?}: it should be the \
         three chunks, in order"
    );
    only_the_file_is_left(
        &folder,
        "after save",
        "rename the temporary file over settings.toml (`tokio::fs::rename`), which \
         leaves no copy behind",
    );
}

fn keeps_the_old_file_on_error() {
    let folder = Folder::new("keeps");
    let path = folder.0.join("settings.toml");
    std::fs::write(&path, OLD).expect("the check can write its file");
    let failing = vec![
        Ok(NEW[0].as_bytes().to_vec()),
        Err(io::Error::other("the connection was lost")),
        Ok(NEW[2].as_bytes().to_vec()),
    ];
    let timed = lessons::paused(exercise::save(&path, failing));
    match timed.output {
        Ok(()) => panic!(
            "the second chunk was an error, yet save returned Ok: hand the error back \
             with `?`"
        ),
        Err(error) => assert_eq!(
            error.to_string(),
            "the connection was lost",
            "save returned the error {error:?}, where the second chunk was the error \
             \"the connection was lost\": hand that one back"
        ),
    }
    let found = read(&path);
    assert_eq!(
        found, OLD,
        "the second chunk was an error, and settings.toml now reads {found:?}: the old \
         version is lost, and what was written of the new one is all there is. Write the chunks to a \
         temporary file, and rename it over settings.toml only once every chunk is \
         written"
    );
    only_the_file_is_left(
        &folder,
        "after an error",
        "remove the temporary file (`tokio::fs::remove_file`) before handing the error \
         back",
    );
}

lessons::checks!(
    replaces_the_file_whole,
    creates_a_new_file,
    keeps_the_old_file_on_error
);
