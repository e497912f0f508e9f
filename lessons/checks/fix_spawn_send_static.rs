//! Checks of the exercise `fix_spawn_send_static`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/fix_spawn_send_static.rs"]
mod exercise;

use std::time::Duration;

fn documents() -> Vec<String> {
    ["the cat sat on a mat", "", "a tale of two cities", "Rust async and the runtime"]
        .map(String::from)
        .to_vec()
}

fn counts_the_words_in_order() {
    let timed = lessons::paused(exercise::word_counts(documents()));
    assert_eq!(
        timed.output,
        [4, 0, 3, 4],
        "the counts, in the order of the documents, without the stop words \
         a, an, the, of"
    );
}

fn counts_the_documents_at_the_same_time() {
    let timed = lessons::paused(exercise::word_counts(documents()));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(1),
        "four counts of 1 s took {:?}: keep one task per document, so that they \
         run at the same time (1 s), rather than awaiting them one by one",
        timed.tokio
    );
}

fn word_counts_can_itself_be_spawned() {
    let timed = lessons::paused(async {
        // If this line does not compile, `word_counts` keeps something that is
        // not `Send` (an `Rc`, a `LocalSet`) across an `.await`.
        tokio::spawn(exercise::word_counts(documents())).await
    });
    let counts = timed.output.expect("word_counts, spawned as a task, does not panic");
    assert_eq!(counts, [4, 0, 3, 4], "the same counts, from a spawned word_counts");
}

lessons::checks!(
    counts_the_words_in_order,
    counts_the_documents_at_the_same_time,
    word_counts_can_itself_be_spawned,
);
