//! The exercises' checks: a small test harness, and tokio's paused clock.
//!
//! Each exercise has a check file, `checks/ID.rs`, which includes the
//! learner's file `exercises/ID.rs` as a module and ends with
//! `lessons::checks!(first_check, second_check);`. That macro is the check
//! program's `main`: it runs each check function in turn and, after each one
//! returns, writes a line of **evidence** to a file the runner names, signed
//! with a secret the runner passes on stdin before any exercise code runs.
//! A check passes only when its evidence line is there: an exercise that
//! exits the process early, aborts, or prints "test result: ok" itself leaves
//! no evidence, and fails.
//!
//! [`paused`] runs an async check on tokio's paused clock, where time stands
//! still until every task waits: "five fetches of 1 s take exactly 1 s of
//! tokio time" is then exact, and costs no real time. It also measures the
//! real time, so that a blocking sleep (which holds the thread for real and
//! does not move tokio's clock) is caught.
//!
//! [`http`] (feature `http`, for the HTTP chapter's exercises only) is a
//! small server on 127.0.0.1 for their checks, and a runtime on the wall
//! clock: real sockets do not follow the paused clock.

use std::fmt::Write as _;
use std::future::Future;
use std::io::{BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use tokio;

#[cfg(feature = "http")]
pub mod http;

/// One check of an exercise: its name, and the function that runs it.
pub struct Check {
    pub name: &'static str,
    pub run: fn(),
}

/// The check program's `main`: `lessons::checks!(a, b, c);` at the end of a
/// check file.
#[macro_export]
macro_rules! checks {
    ($($name:ident),+ $(,)?) => {
        fn main() -> ::std::process::ExitCode {
            $crate::main(&[$($crate::Check { name: stringify!($name), run: $name }),+])
        }
    };
}

/// Where the last panic happened, and what it said.
static LAST_PANIC: Mutex<Option<(String, String)>> = Mutex::new(None);

/// Runs the checks. Arguments: `--list` prints their names; `--evidence FILE`
/// writes evidence there, signed with the first line of stdin; a name runs
/// that check alone.
pub fn main(checks: &[Check]) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        for check in checks {
            println!("{}", check.name);
        }
        return ExitCode::SUCCESS;
    }
    let evidence =
        args.iter().position(|a| a == "--evidence").and_then(|i| args.get(i + 1));
    // The secret is read before any exercise code runs, and stdin is left empty.
    let secret = evidence.map(|_| {
        let mut line = String::new();
        let _ = std::io::stdin().lock().read_line(&mut line);
        line.trim().to_string()
    });
    let only = args.iter().find(|a| !a.starts_with("--") && Some(*a) != evidence);
    panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        let message = panic_message(info.payload());
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((place.unwrap_or_default(), message));
    }));
    let mut failed = 0;
    for check in checks.iter().filter(|c| only.is_none_or(|name| c.name == name)) {
        println!("check {} ...", check.name);
        let outcome = panic::catch_unwind(AssertUnwindSafe(check.run));
        let line = match outcome {
            Ok(()) => {
                println!("check {}: passed", check.name);
                format!("passed\t{}\t", check.name)
            }
            Err(_) => {
                failed += 1;
                let (place, message) = LAST_PANIC
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take()
                    .unwrap_or_default();
                println!("check {}: failed at {place}: {message}", check.name);
                format!("failed\t{}\t{place}\t{}", check.name, one_line(&message))
            }
        };
        if let (Some(path), Some(secret)) = (evidence, &secret) {
            let written = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(path)
                .and_then(|mut file| writeln!(file, "{secret}\t{line}"));
            if let Err(error) = written {
                eprintln!("cannot write the evidence of {}: {error}", check.name);
                return ExitCode::FAILURE;
            }
        }
    }
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// A message on one line, for the evidence file and a verdict.
fn one_line(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push_str(" / ");
        }
        let _ = write!(out, "{}", line.trim());
    }
    out
}

/// What an async check measured.
#[derive(Debug)]
pub struct Timed<T> {
    pub output: T,
    /// The time it took on tokio's paused clock: exact.
    pub tokio: Duration,
    /// The time it took for real: next to nothing, unless something blocked.
    pub real: Duration,
}

/// How long an exercise may wait on the paused clock before it is taken as
/// waiting forever (tokio time: it costs no real time).
pub const PAUSED_LIMIT: Duration = Duration::from_secs(3600);

/// Runs `future` on a current-thread runtime with tokio's clock paused, and
/// measures it. Panics, with an explanation, if it waits forever.
pub fn paused<F: Future>(future: F) -> Timed<F::Output> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("a tokio runtime starts");
    let real = Instant::now();
    let (output, tokio) = runtime.block_on(async {
        let start = tokio::time::Instant::now();
        match tokio::time::timeout(PAUSED_LIMIT, future).await {
            Ok(output) => (output, start.elapsed()),
            Err(_) => panic!(
                "still waiting after an hour of tokio time: is a future never woken, or a task waited on that never ends?"
            ),
        }
    });
    Timed { output, tokio, real: real.elapsed() }
}

/// Asserts that a check did not hold its thread for real: a blocking call
/// (`std::thread::sleep`) takes real time, where waits on the paused clock
/// take none.
pub fn assert_no_blocking<T>(timed: &Timed<T>) {
    assert!(
        timed.real < Duration::from_millis(500),
        "it took {:.1} s of real time: something blocked the thread (std::thread::sleep?); wait with tokio::time::sleep(...).await",
        timed.real.as_secs_f64()
    );
}
