//! A heartbeat due every 100 ms beside a long computation: first with the
//! computation on the runtime's only thread, then on tokio's blocking pool.

use std::cell::Cell;
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> [Measured; 2] {
    let start = Instant::now();
    let inline =
        with_heartbeat(start, "computing inline", async { count_primes() }).await;
    let pooled = with_heartbeat(start, "computing in spawn_blocking", async {
        tokio::task::spawn_blocking(count_primes).await.expect("it does not panic")
    })
    .await;
    [inline, pooled]
}
// ANCHOR_END: program

// ANCHOR: heartbeat
/// Runs `work` beside a heartbeat that wants to beat every 100 ms, both
/// polled by one `join!`, and measures the longest gap between two beats.
async fn with_heartbeat(
    start: Instant,
    label: &str,
    work: impl Future<Output = usize>,
) -> Measured {
    let done = Cell::new(false);
    let heartbeat = async {
        let (mut last, mut longest_gap) = (Instant::now(), Duration::ZERO);
        while !done.get() {
            sleep(Duration::from_millis(100)).await;
            longest_gap = longest_gap.max(last.elapsed());
            last = Instant::now();
        }
        longest_gap
    };
    let computation = async {
        log(start, &format!("{label} started"));
        let began = Instant::now();
        let primes = work.await;
        log(start, &format!("{label} finished"));
        done.set(true);
        (primes, began.elapsed())
    };
    let (longest_gap, (primes, computation)) = tokio::join!(heartbeat, computation);
    let measured = Measured { primes, computation, longest_gap };
    report(start, label, &measured);
    measured
}
// ANCHOR_END: heartbeat

/// Prints what `measured` says: primes found, the computation's time and the
/// longest gap between heartbeats.
fn report(start: Instant, label: &str, measured: &Measured) {
    let took = measured.computation.as_secs_f64();
    let gap = measured.longest_gap.as_secs_f64();
    let found = measured.primes;
    log(
        start,
        &format!("{label}: {found} primes in {took:.2}s, longest gap {gap:.2}s"),
    );
}

/// CPU-bound work: counts the primes below a million, the slow way.
fn count_primes() -> usize {
    let is_prime = |n: u64| {
        n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| !n.is_multiple_of(d))
    };
    (0..1_000_000).filter(|&n| is_prime(n)).count()
}

/// What a computation found, how long it took, and the longest gap between
/// heartbeats meanwhile.
#[derive(Debug)]
struct Measured {
    primes: usize,
    computation: Duration,
    longest_gap: Duration,
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use std::time::Duration;
    use xtask::proof::check;

    /// The claim is a relation, not a time: how long counting primes takes is
    /// up to the machine. It is measured for real, on the wall clock.
    #[test]
    fn the_heartbeat_is_late_only_while_the_computation_holds_its_thread()
    -> xtask::proof::Result {
        let [inline, pooled] =
            xtask::proof::wall_clock(env!("CARGO_BIN_NAME"), super::run)?;
        // 100 ms, within the book's tolerance for a wall-clock time.
        let on_time = Duration::from_secs_f64(0.1 + xtask::output::tolerance(0.1));
        check(
            inline.longest_gap >= inline.computation,
            "inline, the heartbeat waits for the whole computation",
            &inline,
        )?;
        check(
            pooled.longest_gap <= on_time,
            "in spawn_blocking, the heartbeat stays on time",
            &pooled,
        )?;
        check(
            inline.computation > on_time && pooled.computation > on_time,
            "the computation is long enough to tell a late heartbeat from one on time",
            (&inline, &pooled),
        )
    }
}
