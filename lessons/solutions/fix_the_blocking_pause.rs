//! Fix a blocking pause.
//!
//! `read_sensors` spawns two tasks, and each reads its sensor three times, with
//! a pause of 500 ms between two reads: 1 s per sensor. The reads themselves
//! are instant, so both sensors together should take 1 s as well, yet they take
//! 2 s. Find what holds the runtime's thread, and fix it so that the two
//! tasks' pauses overlap, with reads at 0, 500 and 1000 ms for each sensor.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// One read of a sensor, and when it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub sensor: &'static str,
    /// The time since `read_sensors` started.
    pub at: Duration,
}

/// Reads both sensors, each in a task of its own; returns every reading.
pub async fn read_sensors() -> Vec<Reading> {
    let start = Instant::now();
    let readings = Arc::new(Mutex::new(Vec::new()));
    let thermometer = tokio::spawn(poll_sensor("thermometer", start, readings.clone()));
    let barometer = tokio::spawn(poll_sensor("barometer", start, readings.clone()));
    thermometer.await.expect("the thermometer's task");
    barometer.await.expect("the barometer's task");
    let readings = readings.lock().unwrap();
    readings.clone()
}

/// Reads `sensor` three times, letting it settle between two reads.
async fn poll_sensor(
    sensor: &'static str,
    start: Instant,
    readings: Arc<Mutex<Vec<Reading>>>,
) {
    for read in 0..3 {
        if read > 0 {
            settle().await;
        }
        readings.lock().unwrap().push(Reading { sensor, at: start.elapsed() });
    }
}

/// Gives the sensor 500 ms to settle before the next read.
///
/// `std::thread::sleep` held the runtime's thread for the whole pause, so the
/// other task could not run until it was over. A timer's `sleep` returns
/// `Pending` and leaves the thread free: the two tasks' pauses overlap.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(500)).await;
}
