//! An `async fn` with two awaits, and the state machine it stands for,
//! written by hand. Both take 1 s + 1 s.

use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::time::{Instant, Sleep, sleep};

#[tokio::main]
async fn main() {
    run().await;
}

async fn run() -> u32 {
    let start = Instant::now();
    two_naps(start).await;
    let polls = TwoNaps { start, polls: 0, state: State::Start }.await;
    log(start, &format!("the state machine was polled {polls} times"));
    polls
}

// ANCHOR: async_fn
async fn two_naps(start: Instant) {
    log(start, "async fn started");
    sleep(Duration::from_secs(1)).await;
    sleep(Duration::from_secs(1)).await;
    log(start, "async fn finished");
}
// ANCHOR_END: async_fn

// ANCHOR: program
/// Where the work stands: one state per `.await`, holding what it waits on.
enum State {
    Start,
    FirstNap(Pin<Box<Sleep>>),
    SecondNap(Pin<Box<Sleep>>),
    Done,
}

struct TwoNaps {
    start: Instant,
    polls: u32,
    state: State,
}

impl Future for TwoNaps {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        let (start, polls) = (self.start, self.polls);
        log(start, &format!("poll {polls} in state {}", self.state.name()));
        loop {
            match &mut self.state {
                State::Start => {
                    log(start, "state machine started");
                    self.state =
                        State::FirstNap(Box::pin(sleep(Duration::from_secs(1))));
                }
                State::FirstNap(nap) => {
                    ready!(nap.as_mut().poll(cx)); // Pending: return, keep the state
                    self.state =
                        State::SecondNap(Box::pin(sleep(Duration::from_secs(1))));
                }
                State::SecondNap(nap) => {
                    ready!(nap.as_mut().poll(cx));
                    self.state = State::Done;
                    log(start, "state machine finished");
                    return Poll::Ready(polls);
                }
                State::Done => panic!("polled after it was ready"),
            }
        }
    }
}
// ANCHOR_END: program

impl State {
    fn name(&self) -> &'static str {
        match self {
            State::Start => "Start",
            State::FirstNap(_) => "FirstNap",
            State::SecondNap(_) => "SecondNap",
            State::Done => "Done",
        }
    }
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
    use super::two_naps;
    use std::future::poll_fn;
    use std::pin::pin;
    use std::time::Duration;
    use tokio::time::Instant;

    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        // One poll to start, one when the first nap is over, one for the second.
        assert_eq!(proof.output, 3);
        Ok(())
    }

    /// The quiz's variant: the `async fn`'s own future is polled 3 times too.
    #[test]
    fn the_async_fn_is_polled_3_times() -> xtask::proof::Result {
        xtask::proof::variant(env!("CARGO_BIN_NAME"), || async {
            let start = Instant::now();
            let mut naps = pin!(two_naps(start));
            let mut polls = 0;
            poll_fn(|cx| {
                polls += 1;
                naps.as_mut().poll(cx)
            })
            .await;
            assert_eq!(polls, 3);
            assert_eq!(start.elapsed(), Duration::from_secs(2));
        })?;
        Ok(())
    }
}
