//! Checks of the exercise `serve_ten_thousand_clients`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/serve_ten_thousand_clients.rs"]
mod exercise;

use exercise::Server;
use lessons::Timed;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const CLIENTS: u32 = 10_000;

/// How long the check lets `serve_all` run, in tokio time, before it stops
/// it: ten times what it needs.
const BUDGET: Duration = Duration::from_secs(10);

/// What one run measured: the bytes sent (`None` if it was stopped at the
/// budget), the clients served, and the peak of sessions at once.
struct Run {
    sent: Option<u64>,
    served: usize,
    peak: usize,
}

/// Serves the clients once on the paused clock, for every check.
fn run() -> &'static Timed<Run> {
    static RUN: OnceLock<Timed<Run>> = OnceLock::new();
    RUN.get_or_init(|| {
        lessons::paused(async {
            let server = Arc::new(Server::default());
            let served = exercise::serve_all(Arc::clone(&server), CLIENTS);
            let sent = tokio::time::timeout(BUDGET, served).await.ok();
            Run { sent, served: server.served(), peak: server.peak() }
        })
    })
}

/// Fails, with what was seen, if the run was stopped at the budget.
fn within_the_budget(run: &Run) -> u64 {
    let Some(sent) = run.sent else {
        panic!(
            "serve_all was stopped after {} s of tokio time, with {} of 10,000 clients \
             served, at most {} at once: each client's task is awaited before the next \
             one is spawned, so they are served one after another, and 10,000 take \
             10,000 s. Spawn every session into a `JoinSet` first, then join them \
             with `join_next().await`",
            BUDGET.as_secs(),
            run.served,
            run.peak
        )
    };
    sent
}

fn every_client_served() {
    let run = &run().output;
    let sent = within_the_budget(run);
    assert_eq!(
        run.served, CLIENTS as usize,
        "{} of 10,000 clients were served to the end when serve_all returned: wait \
         for every task before returning. Join until `join_next` gives `None`: a task \
         still in a `JoinSet` when it is dropped is aborted",
        run.served
    );
    let expected: u64 = (0..u64::from(CLIENTS)).sum();
    assert_eq!(
        sent, expected,
        "serve_all returned {sent}: the bytes sent to every client, added up (client \
         `id` gets `id`), make {expected}"
    );
}

fn all_at_once() {
    let run = &run().output;
    within_the_budget(run);
    assert_eq!(
        run.peak, CLIENTS as usize,
        "at most {} sessions were in progress at once: with every task spawned before \
         any is joined, all 10,000 are",
        run.peak
    );
}

fn in_the_time_of_one() {
    let timed = run();
    within_the_budget(&timed.output);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(1),
        "serve_all took {:?} of tokio time: 10,000 sessions of 1 s, all waiting at \
         once, take 1 s (the runtime's work per task comes on top for real, not on the \
         paused clock)",
        timed.tokio
    );
}

lessons::checks!(every_client_served, all_at_once, in_the_time_of_one);
