//! Keep a heartbeat on time: move CPU-bound work off the runtime.
//!
//! `checksum` computes for 400 ms without ever waiting. `checksum_async`
//! calls it from async code, so while it computes, nothing else on the
//! runtime's thread is polled: a heartbeat due every 10 ms beats 400 ms late.
//! Change `checksum_async` so that the computation runs on tokio's blocking
//! pool, and the heartbeat stays on time. The checks run it on a
//! current-thread runtime: one thread polls every task, as in asyncio.

use std::time::{Duration, Instant};

/// How long `checksum` computes, on any machine.
pub const WORK: Duration = Duration::from_millis(400);

/// CPU-bound work: a checksum of `data`, computed again and again for
/// `WORK`. It stands for a long computation that never waits: do not change it.
pub fn checksum(data: &[u8]) -> u64 {
    let start = Instant::now();
    let mut sum = fnv1a(data);
    while start.elapsed() < WORK {
        sum = fnv1a(std::hint::black_box(data));
    }
    sum
}

/// The FNV-1a hash of `data`.
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The checksum of `data`, for async code.
pub async fn checksum_async(data: Vec<u8>) -> u64 {
    // The closure runs on a thread of the blocking pool. It must own what it
    // uses (`move`), since it may outlive this call: hence a `Vec`, not a
    // slice. Awaiting its handle returns `Pending` and leaves the runtime's
    // thread free to poll other tasks, such as the heartbeat.
    tokio::task::spawn_blocking(move || checksum(&data))
        .await
        .expect("the checksum does not panic")
}
