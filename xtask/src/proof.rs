//! Proofs of the book's claims, for the listings' own tests.
//!
//! - [`paused`] (and [`paused_blocking`]) run a listing on tokio's **paused
//!   clock**: time stands still until every task waits, then jumps to the next
//!   timer. A listing that sleeps 2 s takes exactly 2000 ms of tokio time and
//!   almost no real time, so its total time is checked against the manifest
//!   exactly, and every line it printed (recorded through [`println!`]) against
//!   its captured output: same text, same order, same times. What `run()`
//!   returns (a count, the time of a step) is left to the test to assert, exactly.
//! - [`wall_clock`] runs a listing for real, for claims that no fixed time can
//!   state (CPU-bound work): the test asserts a relation on what `run()` returns.
//!
//! Every run is bounded, on the paused clock and in real time, and a failure
//! comes back as a [`Failure`]: a test returning [`Result`] shows its message
//! without a panic or a backtrace.

use crate::manifest::{Manifest, output_file};
use crate::{output, workspace_root};
use std::fmt;
use std::future::Future;
use std::sync::{Mutex, PoisonError, mpsc};
use std::time::Duration;
use tokio::time::Instant;

/// How long a listing may wait on the paused clock before it is taken as
/// waiting forever. Tokio time: it costs no real time.
pub const PAUSED_LIMIT: Duration = Duration::from_secs(600);
/// How long any proof may run in real time.
pub const REAL_LIMIT: Duration = Duration::from_secs(30);

/// A proof that did not hold, with the reason.
pub struct Failure(String);

impl fmt::Debug for Failure {
    // The test harness prints a failed test's error with `{:?}`: keep it readable.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a listing's proof returns.
pub type Result<T = ()> = std::result::Result<T, Failure>;

fn fail<T>(message: impl Into<String>) -> Result<T> {
    Err(Failure(message.into()))
}

/// One run of a listing on the paused clock.
#[derive(Debug)]
pub struct Proof<T> {
    pub name: String,
    /// What the listing's `run()` (or `main()`) returned.
    pub output: T,
    /// The lines it printed, in order.
    pub lines: Vec<String>,
    /// The tokio time it took.
    pub elapsed: Duration,
}

/// The lines printed through [`println!`] during a proof on the paused clock.
static RECORDED: Mutex<Option<Vec<String>>> = Mutex::new(None);
/// One proof at a time records lines.
static SESSION: Mutex<()> = Mutex::new(());

/// Records a printed line, when a proof on the paused clock is listening.
pub fn record(line: &str) {
    if let Some(lines) =
        RECORDED.lock().unwrap_or_else(PoisonError::into_inner).as_mut()
    {
        lines.push(line.to_string());
    }
}

/// `println!` for a listing under test: prints as usual, and records the line
/// for the proof. A listing opts in with `#[cfg(test)] use xtask::println;`,
/// which shadows the standard `println!` in its tests only.
#[macro_export]
macro_rules! println {
    () => {{
        $crate::proof::record("");
        ::std::println!();
    }};
    ($($arg:tt)*) => {{
        let line = ::std::format!($($arg)*);
        $crate::proof::record(&line);
        ::std::println!("{line}");
    }};
}

/// Runs `make()` to completion on a fresh runtime built by `runtime`, in a
/// thread of its own so that a run that never ends can be given up on after
/// [`REAL_LIMIT`]. Returns what it returned and the tokio time it took.
fn bounded<T, Fut>(
    name: &str,
    mut runtime: tokio::runtime::Builder,
    make: impl FnOnce() -> Fut + Send + 'static,
) -> Result<(T, Duration)>
where
    Fut: Future<Output = T>,
    T: Send + 'static,
{
    let (sender, receiver) = mpsc::channel();
    let runtime = match runtime.enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => return fail(format!("cannot start a tokio runtime: {error}")),
    };
    let spawned = std::thread::Builder::new().name(name.to_string()).spawn(move || {
        let result = runtime.block_on(async {
            let start = Instant::now();
            let output = tokio::time::timeout(PAUSED_LIMIT, make()).await;
            output.map(|output| (output, start.elapsed()))
        });
        let _ = sender.send(result);
    });
    if let Err(error) = spawned {
        return fail(format!("cannot start a thread for `{name}`: {error}"));
    }
    match receiver.recv_timeout(REAL_LIMIT) {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(_)) => fail(format!(
            "`{name}` was still waiting after {} s of tokio time: does it wait forever?",
            PAUSED_LIMIT.as_secs()
        )),
        Err(mpsc::RecvTimeoutError::Timeout) => fail(format!(
            "`{name}` was still running after {} s of real time: does it block or loop forever?",
            REAL_LIMIT.as_secs()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            fail(format!("`{name}` panicked (its message is above)"))
        }
    }
}

/// Runs a listing's `run()` on tokio's paused clock, on a current-thread
/// runtime, and checks what the book shows of it: the time claimed in the
/// manifest, exactly, and the captured output, line by line, in order.
pub fn paused<F, Fut>(name: &str, run: F) -> Result<Proof<Fut::Output>>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    on_paused_clock(name, run)
}

/// What a variant of a listing gave, run by [`variant`].
#[derive(Debug)]
pub struct Variant<T> {
    /// What its future returned.
    pub output: T,
    /// The lines it printed through [`println!`], in order.
    pub lines: Vec<String>,
    /// The tokio time it took.
    pub elapsed: Duration,
}

/// Runs a variant of a listing (its functions with other numbers, as a quiz or
/// the page asks the reader to predict) on tokio's paused clock, bounded like
/// a proof, and returns what it gave and the time it took, for the test to
/// assert, with the lines it printed. A proof runs its listing through it
/// too: one run at a time, since each records every line printed meanwhile.
pub fn variant<F, Fut>(name: &str, run: F) -> Result<Variant<Fut::Output>>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    let _one_at_a_time = SESSION.lock().unwrap_or_else(PoisonError::into_inner);
    *RECORDED.lock().unwrap_or_else(PoisonError::into_inner) = Some(Vec::new());
    let mut runtime = tokio::runtime::Builder::new_current_thread();
    runtime.start_paused(true);
    let result = bounded(name, runtime, run);
    let lines = RECORDED.lock().unwrap_or_else(PoisonError::into_inner).take();
    let (output, elapsed) = result?;
    Ok(Variant { output, lines: lines.unwrap_or_default(), elapsed })
}

/// The same for a listing that does not use async at all: its `main` runs
/// inside the paused runtime, and its blocking waits go through
/// [`blocking::sleep`].
pub fn paused_blocking<T: Send + 'static>(
    name: &str,
    main: impl FnOnce() -> T + Send + 'static,
) -> Result<Proof<T>> {
    on_paused_clock(name, move || async move { main() })
}

fn on_paused_clock<F, Fut>(name: &str, make: F) -> Result<Proof<Fut::Output>>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    let manifest =
        Manifest::load(&workspace_root()).or_else(|e| fail(format!("{e:#}")))?;
    let listing = manifest.listing(name).or_else(|e| fail(format!("{e:#}")))?;
    let Variant { output, lines, elapsed } = variant(name, make)?;

    if let Some(millis) = listing.claimed_millis() {
        let claimed = Duration::from_millis(millis);
        if elapsed != claimed {
            return fail(format!(
                "on the paused clock `{name}` took {elapsed:?}, the book claims {claimed:?}"
            ));
        }
    }
    let path = output_file(name);
    let captured = std::fs::read_to_string(workspace_root().join(&path))
        .or_else(|e| fail(format!("cannot read {path}: {e}")))?;
    if lines.is_empty() && !captured.is_empty() {
        return fail(format!(
            "`{name}` recorded no output on the paused clock: add `#[cfg(test)] use xtask::println;` to it"
        ));
    }
    let mut printed = lines.join("\n");
    printed.push('\n');
    if let Err(diff) = output::compare(&captured, &printed, listing.timings) {
        return fail(format!(
            "on the paused clock `{name}` does not print what {path} shows (if the listing changed, refresh it with `cargo xtask outputs {name}`):{diff}"
        ));
    }
    Ok(Proof { name: name.to_string(), output, lines, elapsed })
}

impl<T> Proof<T> {
    /// Proves an order that the page states among lines stamped at the same
    /// instant (which the output check lets trade places): the lines
    /// containing each of `texts` come in that order, both on the paused clock
    /// and in the captured output the page shows.
    pub fn assert_order(&self, texts: &[&str]) -> Result {
        let path = output_file(&self.name);
        let captured = std::fs::read_to_string(workspace_root().join(&path))
            .or_else(|e| fail(format!("cannot read {path}: {e}")))?;
        let captured: Vec<String> = captured.lines().map(str::to_string).collect();
        for (lines, place) in
            [(&self.lines, "on the paused clock"), (&captured, path.as_str())]
        {
            let positions: Vec<Option<usize>> = texts
                .iter()
                .map(|text| lines.iter().position(|line| line.contains(text)))
                .collect();
            if let Some(missing) =
                texts.iter().zip(&positions).find(|(_, p)| p.is_none())
            {
                return fail(format!(
                    "`{}` prints no line with “{}” ({place})",
                    self.name, missing.0
                ));
            }
            if positions.windows(2).any(|pair| pair[0] > pair[1]) {
                return fail(format!(
                    "`{}`: expected the lines “{}” in this order ({place}), got:\n{}",
                    self.name,
                    texts.join("”, “"),
                    lines.join("\n")
                ));
            }
        }
        Ok(())
    }
}

/// Runs a listing's `run()` for real, on the wall clock, on a current-thread
/// runtime (as `#[tokio::main(flavor = "current_thread")]` does), given up on
/// after [`REAL_LIMIT`]. For relations that no fixed time can state: the test
/// asserts them on what `run()` returns.
pub fn wall_clock<F, Fut>(name: &str, run: F) -> Result<Fut::Output>
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future,
    Fut::Output: Send + 'static,
{
    let runtime = tokio::runtime::Builder::new_current_thread();
    bounded(name, runtime, run).map(|(output, _)| output)
}

/// Asserts a relation that a wall-clock proof measured, with the measured
/// values in the message when it does not hold.
pub fn check(holds: bool, claim: &str, measured: impl fmt::Debug) -> Result {
    if holds {
        Ok(())
    } else {
        fail(format!("{claim}: does not hold, measured {measured:?}"))
    }
}

/// Blocking waits, on the paused clock.
pub mod blocking {
    use std::pin::pin;
    use std::task::{Context, Waker};
    use std::time::Duration;

    /// Stands in for `std::thread::sleep` in tests on the paused clock, where a
    /// real blocking sleep would not move tokio's clock at all.
    ///
    /// A blocking sleep holds the thread: time passes and nothing else runs on
    /// it meanwhile. This moves the paused clock forward by `duration` at once,
    /// without yielding to other tasks, which is the same thing seen from the
    /// runtime. (The first poll of `tokio::time::advance` moves the clock; only
    /// its second step yields, and that step is never taken.)
    pub fn sleep(duration: Duration) {
        let mut advance = pin!(tokio::time::advance(duration));
        let _ = advance.as_mut().poll(&mut Context::from_waker(Waker::noop()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_blocking_sleep_moves_the_paused_clock_without_yielding() {
        let start = Instant::now();
        blocking::sleep(Duration::from_millis(1500));
        assert_eq!(start.elapsed(), Duration::from_millis(1500));
    }

    #[test]
    fn a_run_that_waits_forever_is_stopped_on_the_paused_clock() {
        let mut runtime = tokio::runtime::Builder::new_current_thread();
        runtime.start_paused(true);
        let error =
            bounded("forever", runtime, std::future::pending::<()>).unwrap_err();
        assert!(
            error.0.contains("`forever` was still waiting after 600 s of tokio time")
        );
    }

    #[test]
    fn a_run_that_panics_says_so() {
        let runtime = tokio::runtime::Builder::new_current_thread();
        let error = bounded("boom", runtime, || async { panic!("boom") }).unwrap_err();
        assert!(error.0.contains("`boom` panicked"), "{error}");
    }

    #[test]
    fn printed_lines_are_recorded_only_during_a_proof() {
        let _one_at_a_time = SESSION.lock().unwrap_or_else(PoisonError::into_inner);
        crate::println!("not recorded");
        *RECORDED.lock().unwrap() = Some(Vec::new());
        crate::println!("[{:5.2}s] recorded", 1.5);
        let lines = RECORDED.lock().unwrap().take().unwrap();
        assert_eq!(lines, ["[ 1.50s] recorded"]);
    }
}
