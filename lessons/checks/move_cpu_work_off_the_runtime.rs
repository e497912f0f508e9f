//! Checks of the exercise `move_cpu_work_off_the_runtime`.
//!
//! These run on the real clock: tokio's paused clock does not move while a
//! thread of the blocking pool computes.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/move_cpu_work_off_the_runtime.rs"]
mod exercise;

use std::cell::Cell;
use std::time::Duration;
use std::time::Instant;
use tokio::time::sleep;

const DATA: &[u8] = b"the quick brown fox jumps over the lazy dog";
/// The checksum of DATA.
const EXPECTED: u64 = 0x7404_cea1_3ff8_9bb0;
/// How often the heartbeat beats, and how late it may be.
const BEAT: Duration = Duration::from_millis(10);
const LATE: Duration = Duration::from_millis(200);

/// Runs `checksum_async` on a current-thread runtime beside a heartbeat that
/// beats every 10 ms: the checksum, and the longest the heartbeat waited
/// between two beats, or between its last beat and the end.
fn with_heartbeat() -> (u64, Duration) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let last_beat = Cell::new(Instant::now());
    let longest = Cell::new(Duration::ZERO);
    let wait = || longest.set(longest.get().max(last_beat.get().elapsed()));
    let sum = runtime.block_on(async {
        last_beat.set(Instant::now());
        let heartbeat = async {
            loop {
                sleep(BEAT).await;
                wait();
                last_beat.set(Instant::now());
            }
        };
        tokio::select! {
            sum = exercise::checksum_async(DATA.to_vec()) => sum,
            _ = heartbeat => unreachable!("the heartbeat never ends"),
        }
    });
    wait();
    (sum, longest.get())
}

fn returns_the_checksum() {
    let (sum, _) = with_heartbeat();
    assert_eq!(
        sum, EXPECTED,
        "checksum_async returned {sum:#x}: it should return checksum(data)"
    );
}

fn the_heartbeat_stays_on_time() {
    let (_, gap) = with_heartbeat();
    assert!(
        gap < LATE,
        "the heartbeat, due every 10 ms, once waited {} ms: the computation held the runtime's thread, and nothing else could be polled until it was over",
        gap.as_millis()
    );
}

lessons::checks!(returns_the_checksum, the_heartbeat_stays_on_time);
