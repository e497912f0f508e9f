//! Make spawned tasks own what they use.
//!
//! THIS FILE DOES NOT COMPILE, and that is the exercise. `word_counts` counts
//! the words of each document in a task of its own, and the tasks share one
//! set of stop words, which are not counted. `tokio::spawn` refuses these
//! tasks: read the compiler's messages (`cargo lesson check
//! fix_spawn_send_static`) and fix what they point at. Keep the tasks: the
//! documents must still be counted at the same time, and `word_counts` itself
//! must be a future that can be spawned.

use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;
use tokio::time::sleep;

/// Takes 1 s, then counts the words of `document` that are not stop words.
pub async fn count_words(document: &str, stop_words: &HashSet<&str>) -> usize {
    sleep(Duration::from_secs(1)).await;
    document.split_whitespace().filter(|word| !stop_words.contains(word)).count()
}

/// Counts the words of each document, each in a task of its own, and returns
/// the counts in the order of `documents`.
pub async fn word_counts(documents: Vec<String>) -> Vec<usize> {
    // TODO: the compiler's messages point at this function.
    let stop_words: Rc<HashSet<&str>> = Rc::new(["a", "an", "the", "of"].into());
    let mut handles = Vec::new();
    for document in &documents {
        let stop_words = Rc::clone(&stop_words);
        handles.push(tokio::spawn(async { count_words(document, &stop_words).await }));
    }
    let mut counts = Vec::new();
    for handle in handles {
        counts.push(handle.await.expect("a count does not panic"));
    }
    counts
}
