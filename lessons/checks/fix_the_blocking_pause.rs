//! Checks of the exercise `fix_the_blocking_pause`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/fix_the_blocking_pause.rs"]
mod exercise;

use exercise::Reading;
use lessons::Timed;
use std::sync::OnceLock;
use std::time::Duration;

const SENSORS: [&str; 2] = ["thermometer", "barometer"];

/// Reads the sensors once on the paused clock, for every check: a blocking
/// answer takes seconds of real time.
fn run() -> &'static Timed<Vec<Reading>> {
    static RUN: OnceLock<Timed<Vec<Reading>>> = OnceLock::new();
    RUN.get_or_init(|| lessons::paused(exercise::read_sensors()))
}

fn nothing_holds_the_thread() {
    lessons::assert_no_blocking(run());
}

fn six_readings() {
    let readings = &run().output;
    for sensor in SENSORS {
        let count = readings.iter().filter(|r| r.sensor == sensor).count();
        assert_eq!(
            count, 3,
            "the {sensor} was read {count} times: it should be read 3 times"
        );
    }
}

fn reads_at_0_500_and_1000_ms() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    for sensor in SENSORS {
        let at: Vec<Duration> =
            timed.output.iter().filter(|r| r.sensor == sensor).map(|r| r.at).collect();
        let expected: Vec<Duration> =
            [0, 500, 1000].into_iter().map(Duration::from_millis).collect();
        assert_eq!(
            at,
            expected,
            "the {sensor} was read at {at:?}: it should be read at 0, 500 and 1000 ms{}",
            if at.iter().all(|t| t.is_zero()) {
                " (all at once: is a pause built but never awaited?)"
            } else {
                ""
            }
        );
    }
}

fn both_sensors_in_one_second() {
    let timed = run();
    lessons::assert_no_blocking(timed);
    assert_eq!(
        timed.tokio,
        Duration::from_secs(1),
        "read_sensors took {:?}: two tasks of 1 s whose pauses overlap take 1 s",
        timed.tokio
    );
}

lessons::checks!(
    nothing_holds_the_thread,
    six_readings,
    reads_at_0_500_and_1000_ms,
    both_sensors_in_one_second
);
