//! Two CPU-bound computations on a current-thread runtime: first joined in
//! the runtime's thread, then each on tokio's blocking pool.

use std::time::Duration;
use tokio::task::spawn_blocking;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> [(Span, Span); 2] {
    let start = Instant::now();
    let inline = tokio::join!(async { compute(start) }, async { compute(start) });
    log(start, &format!("joined inline: a {}, b {}", inline.0, inline.1));

    let (a, b) = tokio::join!(
        spawn_blocking(move || compute(start)),
        spawn_blocking(move || compute(start)),
    );
    let pooled = (a.expect("no panic"), b.expect("no panic"));
    log(start, &format!("in spawn_blocking: a {}, b {}", pooled.0, pooled.1));
    [inline, pooled]
}

/// Counts primes, and returns when it began and ended (since `start`).
fn compute(start: Instant) -> Span {
    let began = start.elapsed();
    count_primes();
    Span { began, ended: start.elapsed() }
}
// ANCHOR_END: program

/// When a computation began and ended, since the start of the program.
#[derive(Debug, Clone, Copy)]
struct Span {
    began: Duration,
    ended: Duration,
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (began, ended) = (self.began.as_secs_f64(), self.ended.as_secs_f64());
        write!(f, "from {began:.2}s to {ended:.2}s")
    }
}

/// CPU-bound work: counts the primes below 300,000, the slow way.
fn count_primes() -> usize {
    let is_prime = |n: u64| {
        n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| !n.is_multiple_of(d))
    };
    (0..300_000).filter(|&n| is_prime(n)).count()
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use xtask::proof::check;

    /// The claim is a relation, not a time: how long counting primes takes is
    /// up to the machine. It is measured for real, on the wall clock.
    #[test]
    fn joined_inline_they_take_turns_on_the_pool_they_overlap() -> xtask::proof::Result
    {
        let [(a, b), (c, d)] =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?;
        check(
            b.began >= a.ended,
            "joined inline, the second computation begins after the first ends",
            (a, b),
        )?;
        check(
            c.began < d.ended && d.began < c.ended,
            "in spawn_blocking, each begins before the other ends",
            (c, d),
        )
    }
}
