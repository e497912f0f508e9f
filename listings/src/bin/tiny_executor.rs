//! A tiny executor written with the standard library alone: a ready queue,
//! tasks that put themselves back in it when woken, and a sleep future whose
//! timer is a thread. It runs two naps, of 1 s and 2 s, as two tasks.

use std::pin::Pin;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, LazyLock, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    run();
}

// ANCHOR: executor
type BoxedFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A task: a future to poll, and the way back into the ready queue.
struct Task {
    name: &'static str,
    // Wakers share the task with timer threads: a Mutex makes that safe.
    future: Mutex<BoxedFuture>,
    ready_queue: Sender<Arc<Task>>,
}

impl Wake for Task {
    /// Waking a task only puts it back in the ready queue.
    fn wake(self: Arc<Self>) {
        log(&format!("timer thread: wake {}", self.name));
        self.ready_queue.send(self.clone()).expect("the executor is running");
    }
}

/// Polls the tasks until all of them are done; returns how many polls it took.
fn block_on_all(futures: Vec<(&'static str, BoxedFuture)>) -> usize {
    let (ready_queue, ready) = channel();
    let mut unfinished = futures.len();
    for (name, future) in futures {
        let future = Mutex::new(future);
        let task = Task { name, future, ready_queue: ready_queue.clone() };
        ready_queue.send(Arc::new(task)).expect("the queue is open");
    }
    let mut polls = 0;
    while unfinished > 0 {
        // Sleeps until a task is ready: nothing is polled in a busy loop.
        let task = ready.recv().expect("a task is still running");
        let waker = Waker::from(task.clone());
        log(&format!("executor: poll {}", task.name));
        let mut context = Context::from_waker(&waker);
        let poll = task.future.lock().unwrap().as_mut().poll(&mut context);
        log(&format!("executor: {} returned {poll:?}", task.name));
        polls += 1;
        if poll.is_ready() {
            unfinished -= 1;
        }
    }
    polls
}
// ANCHOR_END: executor

// ANCHOR: sleep
/// A future that is ready once `until` has passed.
struct Sleep {
    until: Instant,
    timer_started: bool,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.until {
            return Poll::Ready(());
        }
        if !self.timer_started {
            // A timer: a thread that sleeps, then wakes the task.
            self.timer_started = true;
            let (until, waker) = (self.until, cx.waker().clone());
            thread::spawn(move || {
                thread::sleep(until.saturating_duration_since(Instant::now()));
                waker.wake();
            });
        }
        Poll::Pending
    }
}
// ANCHOR_END: sleep

// ANCHOR: naps
async fn nap(name: &str, how_long: Duration) {
    log(&format!("{name} started"));
    Sleep { until: Instant::now() + how_long, timer_started: false }.await;
    log(&format!("{name} finished"));
}

fn run() -> (usize, Duration) {
    let polls = block_on_all(vec![
        ("short nap", Box::pin(nap("short nap", Duration::from_secs(1)))),
        ("long nap", Box::pin(nap("long nap", Duration::from_secs(2)))),
    ]);
    log(&format!("both naps done after {polls} polls"));
    (polls, START.elapsed())
}
// ANCHOR_END: naps

/// When the program started.
static START: LazyLock<Instant> = LazyLock::new(Instant::now);

/// Prints a message stamped with the time since the program started.
fn log(message: &str) {
    println!("[{:5.2}s] {message}", START.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::channel;
    use std::time::{Duration, Instant};

    /// On the wall clock: the naps overlap (2 s in all, not 1 s + 2 s), and
    /// each task is polled twice, once to start it and once after its wake.
    #[test]
    fn the_naps_overlap_and_each_task_is_polled_twice() {
        let (done, result) = channel();
        std::thread::spawn(move || done.send(super::run()));
        let (polls, took) =
            result.recv_timeout(Duration::from_secs(30)).expect("it finishes");
        assert_eq!(polls, 4);
        let most = 2.0 + xtask::output::tolerance(2.0);
        assert!((2.0..=most).contains(&took.as_secs_f64()), "took {took:?}");
    }

    /// Runs these naps (name, milliseconds) as tasks on the tiny executor;
    /// returns the number of polls and the time it took.
    fn naps(naps: &[(&'static str, u64)]) -> (usize, Duration) {
        let futures: Vec<(&'static str, super::BoxedFuture)> = naps
            .iter()
            .map(|&(name, ms)| {
                let nap = super::nap(name, Duration::from_millis(ms));
                (name, Box::pin(nap) as super::BoxedFuture)
            })
            .collect();
        let (done, result) = channel();
        std::thread::spawn(move || {
            let began = Instant::now();
            let polls = super::block_on_all(futures);
            done.send((polls, began.elapsed()))
        });
        result.recv_timeout(Duration::from_secs(30)).expect("it finishes")
    }

    /// The quiz's variant, in tenths of a second to keep it short: naps of
    /// 0.4 s and 0.2 s take 0.4 s, not 0.6 s.
    #[test]
    fn naps_of_0_4_s_and_0_2_s_take_0_4_s() {
        let (_, took) = naps(&[("long nap", 400), ("short nap", 200)]);
        let most = 0.4 + xtask::output::tolerance(0.4);
        assert!((0.4..=most).contains(&took.as_secs_f64()), "took {took:?}");
    }

    /// The quiz's other variant: three naps, two polls each.
    #[test]
    fn three_naps_take_6_polls() {
        let (polls, _) = naps(&[("nap 1", 100), ("nap 2", 200), ("nap 3", 300)]);
        assert_eq!(polls, 6);
    }
}
