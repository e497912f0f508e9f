//! Checks of the exercise `build_the_runtime_by_hand`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/build_the_runtime_by_hand.rs"]
mod exercise;

use std::panic::{self, AssertUnwindSafe};
use tokio::runtime::RuntimeFlavor;

/// Calls `main_by_hand` from a plain thread, as `main` would be, with no
/// runtime around it.
fn report() -> exercise::Report {
    let outcome = std::thread::Builder::new()
        .name("caller".to_string())
        .spawn(|| panic::catch_unwind(AssertUnwindSafe(exercise::main_by_hand)))
        .expect("a thread starts")
        .join()
        .expect("the caller thread ends");
    match outcome {
        Ok(Ok(report)) => report,
        Ok(Err(error)) => panic!("main_by_hand returned an error: {error}"),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            panic!(
                "main_by_hand panicked: {message} (a runtime from a Builder has no drivers until you enable them)"
            )
        }
    }
}

fn runs_the_program() {
    let report = report();
    assert_eq!(
        report.total_kb, 600,
        "run() downloaded {} kB: it should be 120 + 480 = 600 kB",
        report.total_kb
    );
}

fn a_multi_thread_runtime() {
    let report = report();
    assert_eq!(
        report.flavor,
        RuntimeFlavor::MultiThread,
        "run() ran on a {:?} runtime: this program wants a multi-thread one",
        report.flavor
    );
}

fn three_workers() {
    let report = report();
    assert_eq!(
        report.workers, 3,
        "the runtime has {} worker threads: this program wants exactly 3",
        report.workers
    );
}

fn workers_named_downloader() {
    let report = report();
    for thread in &report.task_threads {
        assert_eq!(
            thread,
            "downloader",
            "a download ran on a thread named {thread:?}: the workers should be named \"downloader\"{}",
            if thread == "caller" {
                " (\"caller\" is the thread that called main_by_hand: on a current-thread runtime, tasks run there)"
            } else {
                ""
            }
        );
    }
}

lessons::checks!(
    runs_the_program,
    a_multi_thread_runtime,
    three_workers,
    workers_named_downloader
);
