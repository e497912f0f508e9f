//! The sensor's stream, filtered, mapped and collected into a `Vec`.

use futures::future;
use futures::stream::{self, Stream, StreamExt};
use std::time::Duration;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    run().await;
}

// ANCHOR: program
async fn run() -> Vec<String> {
    let start = Instant::now();
    let warm: Vec<String> = sensor(start)
        .filter(|celsius| future::ready(*celsius >= 21.5))
        .map(|celsius| format!("{celsius:.1} °C"))
        .collect()
        .await;
    log(start, &format!("main: warm readings: {}", warm.join(", ")));
    warm
}
// ANCHOR_END: program

/// The sensor of `stream_of_readings`: five readings, each after 0.1 s.
fn sensor(start: Instant) -> impl Stream<Item = f64> {
    stream::unfold(1, move |n| async move {
        if n > 5 {
            return None;
        }
        log(start, &format!("reading {n} started"));
        sleep(Duration::from_millis(100)).await;
        log(start, &format!("reading {n} finished"));
        Some((20.0 + f64::from(n) / 2.0, n + 1))
    })
}

/// Prints a message stamped with the time since `start`.
fn log(start: Instant, message: &str) {
    println!("[{:5.2}s] {message}", start.elapsed().as_secs_f64());
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    use super::sensor;
    use futures::StreamExt;
    use futures::future;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // Three of the five readings pass the filter, mapped to text.
        assert_eq!(proof.output, ["21.5 °C", "22.0 °C", "22.5 °C"]);
        Ok(())
    }

    /// The quiz's variant: a filter that lets only the last reading through
    /// still waits for all five, 5 × 0.1 s = 0.5 s.
    #[test]
    fn filtering_down_to_one_reading_still_takes_0_5_s() -> xtask::proof::Result {
        let warm = xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            sensor(start)
                .filter(|c| future::ready(*c >= 22.5))
                .collect::<Vec<_>>()
                .await
        })?;
        assert_eq!(warm.output, [22.5]);
        assert_eq!(warm.elapsed, Duration::from_millis(500));
        Ok(())
    }
}
