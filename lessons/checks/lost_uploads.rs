//! Checks of the exercise `lost_uploads`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/lost_uploads.rs"]
mod exercise;

use std::time::Duration;
use tokio::sync::mpsc;

/// A closed channel that holds the jobs 1 to `count`.
fn jobs(count: u32) -> mpsc::Receiver<u32> {
    let (sender, receiver) = mpsc::channel(count.max(1) as usize);
    for job in 1..=count {
        sender.try_send(job).expect("the channel has room");
    }
    receiver
}

fn every_job_is_uploaded() {
    let timed = lessons::paused(exercise::upload_all(jobs(5)));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.output.uploaded,
        [1, 2, 3, 4, 5],
        "five jobs were waiting: all five should be uploaded, in order. A job \
         missing here was taken from the channel, and then dropped with the future \
         that held it: at which .await, and by whom?"
    );
}

fn status_lines_come_on_time() {
    let timed = lessons::paused(exercise::upload_all(jobs(5)));
    assert_eq!(
        timed.output.status_at,
        [400, 800, 1200],
        "a status line is due every 400 ms while the uploads run (1.5 s): at 400, \
         800 and 1200 ms. Late lines mean nothing polled the status tick while an \
         upload ran"
    );
    assert_eq!(
        timed.tokio,
        Duration::from_millis(1500),
        "upload_all took {:?}: five uploads of 300 ms, one after the other, take \
         1500 ms",
        timed.tokio
    );
}

fn seven_jobs() {
    let timed = lessons::paused(exercise::upload_all(jobs(7)));
    assert_eq!(
        timed.output.uploaded,
        [1, 2, 3, 4, 5, 6, 7],
        "seven jobs, seven uploads"
    );
    assert_eq!(
        timed.output.status_at,
        [400, 800, 1200, 1600, 2000],
        "seven uploads take 2100 ms: a status line at every 400 ms until then"
    );
}

fn no_jobs() {
    let timed = lessons::paused(exercise::upload_all(jobs(0)));
    assert_eq!(timed.output, exercise::Report::default(), "no jobs: nothing to do");
    assert_eq!(timed.tokio, Duration::ZERO, "no jobs should take no time");
}

lessons::checks!(every_job_is_uploaded, status_lines_come_on_time, seven_jobs, no_jobs);
