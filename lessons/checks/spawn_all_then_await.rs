//! Checks of the exercise `spawn_all_then_await`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/spawn_all_then_await.rs"]
mod exercise;

use std::time::Duration;

fn keeps_the_order_of_the_list() {
    let files = vec![("a.zip", 2), ("b.zip", 1), ("c.zip", 3)];
    let timed = lessons::paused(exercise::download_all(files));
    assert_eq!(
        timed.output,
        ["a.zip: 200 kB", "b.zip: 100 kB", "c.zip: 300 kB"],
        "download_all must return one result per file, in the order of the list \
         (not in the order the downloads finish)"
    );
}

fn takes_as_long_as_the_longest() {
    let files = vec![("a.zip", 2), ("b.zip", 1), ("c.zip", 3)];
    let timed = lessons::paused(exercise::download_all(files));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(3),
        "download_all took {:?} for downloads of 2 s, 1 s and 3 s: spawned first and \
         awaited afterwards, they overlap and take 3 s, the longest",
        timed.tokio
    );
}

fn ten_downloads_take_one_second() {
    let files: Vec<_> = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
        .into_iter()
        .map(|name| (name, 1))
        .collect();
    let timed = lessons::paused(exercise::download_all(files));
    assert_eq!(timed.output.len(), 10, "ten files, ten results: {:?}", timed.output);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(1),
        "ten downloads of 1 s took {:?}: all ten tasks should be running at once",
        timed.tokio
    );
}

fn no_files_no_wait() {
    let timed = lessons::paused(exercise::download_all(Vec::new()));
    assert!(timed.output.is_empty(), "no files, no results: {:?}", timed.output);
    assert_eq!(timed.tokio, Duration::ZERO, "no files should take no time");
}

lessons::checks!(
    keeps_the_order_of_the_list,
    takes_as_long_as_the_longest,
    ten_downloads_take_one_second,
    no_files_no_wait,
);
