//! Checks of the exercise `open_at_most_a_hundred_files`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/open_at_most_a_hundred_files.rs"]
mod exercise;

use exercise::{Disk, OPEN_FILES};
use lessons::Timed;
use std::io;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const FILES: u32 = 10_000;

/// The system's limit, as the exercise states it: not the exercise's constant,
/// which a learner could raise.
const LIMIT: usize = 100;

/// File 0 is large: it takes 10 s to read. Files 1 to 9,999 take 1 s each.
fn files() -> Vec<(u32, u64)> {
    (0..FILES).map(|id| (id, if id == 0 { 10 } else { 1 })).collect()
}

/// Checks the files once on the paused clock, for every check: the result,
/// the peak of files open at once, and the opens refused.
fn run() -> &'static Timed<(io::Result<u64>, usize, usize)> {
    static RUN: OnceLock<Timed<(io::Result<u64>, usize, usize)>> = OnceLock::new();
    RUN.get_or_init(|| {
        lessons::paused(async {
            let disk = Arc::new(Disk::default());
            let sum = exercise::checksum_all(Arc::clone(&disk), files()).await;
            (sum, disk.peak(), disk.refused())
        })
    })
}

fn every_file_checked() {
    let (sum, _, _) = &run().output;
    match sum {
        Ok(sum) => {
            let expected: u64 = (0..u64::from(FILES)).sum();
            assert_eq!(
                *sum, expected,
                "checksum_all returned {sum}: the checksums of all 10,000 files (file \
                 `id`'s is `id`), added up, make {expected}"
            );
        }
        Err(error) => panic!(
            "checksum_all returned an error: {error}. The tasks are cheap, the open \
             files are not: every task opens its file as soon as it starts, and with \
             {LIMIT} open, the system refuses the next. Make each task hold a permit of \
             a `Semaphore::new(OPEN_FILES)` while its file is open"
        ),
    }
}

fn never_more_than_the_limit_open() {
    let (_, peak, refused) = run().output;
    assert_eq!(
        refused, 0,
        "{refused} opens were refused, with {OPEN_FILES} files open already: a task must \
         wait for a permit before it opens its file, and keep it until the file is \
         closed (`let _permit = ...acquire().await`: `let _ =` gives it back at once)"
    );
    assert!(
        OPEN_FILES == LIMIT && peak <= LIMIT,
        "{peak} files were open at once, with OPEN_FILES at {OPEN_FILES}: the system's \
         limit is {LIMIT}, leave OPEN_FILES at that"
    );
    assert_eq!(
        peak, LIMIT,
        "at most {peak} files were open at once: with 10,000 to check, the limit of \
         {LIMIT} should be used in full"
    );
}

fn a_file_opens_when_another_closes() {
    let timed = run();
    assert_eq!(
        timed.tokio,
        Duration::from_secs(101),
        "checksum_all took {:?} of tokio time. With {LIMIT} open at once, and a new \
         file opened as soon as one closes: while file 0 is read (10 s), the other 99 \
         places read 990 files of 1 s; then 100 places read the 9,009 left in 91 s: \
         101 s. In groups of {LIMIT}, each waiting for its slowest file, the first \
         group waits for file 0: 10 s + 99 × 1 s = 109 s",
        timed.tokio
    );
}

lessons::checks!(
    every_file_checked,
    never_more_than_the_limit_open,
    a_file_opens_when_another_closes
);
