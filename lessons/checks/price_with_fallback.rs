//! Checks of the exercise `price_with_fallback`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/price_with_fallback.rs"]
mod exercise;

use exercise::Price::{Cached, Live};
use std::time::Duration;

fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

fn a_fast_answer_is_live() {
    let timed = lessons::paused(exercise::price("apple"));
    lessons::assert_no_blocking(&timed);
    assert_eq!(timed.output, Ok(Live(45)), "the service answers apple in 300 ms");
    assert_eq!(
        timed.tokio,
        ms(300),
        "price(\"apple\") took {:?}: the service answered in 300 ms, and price \
         should return then, not wait for the whole limit",
        timed.tokio
    );
}

fn a_slow_answer_falls_back_at_the_limit() {
    let timed = lessons::paused(exercise::price("bread"));
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.output,
        Ok(Cached(250)),
        "the service takes 5 s for bread, more than the 800 ms limit: price should \
         return the cached price, Cached(250)"
    );
    assert_eq!(
        timed.tokio,
        ms(800),
        "price(\"bread\") took {:?}: it should give up on the service at the 800 ms \
         limit (tokio::time::timeout), not wait for its answer",
        timed.tokio
    );
}

fn a_very_slow_answer_also_falls_back() {
    let timed = lessons::paused(exercise::price("dates"));
    assert_eq!(
        timed.output,
        Ok(Cached(400)),
        "a 60 s answer is no better than a 5 s one"
    );
    assert_eq!(
        timed.tokio,
        ms(800),
        "price(\"dates\") took {:?}, not 800 ms",
        timed.tokio
    );
}

fn just_in_time_is_in_time() {
    let timed = lessons::paused(exercise::price("cheese"));
    assert_eq!(
        timed.output,
        Ok(Live(710)),
        "the service answers cheese in 799 ms, within the 800 ms limit: Live(710)"
    );
    assert_eq!(
        timed.tokio,
        ms(799),
        "price(\"cheese\") took {:?}, not 799 ms",
        timed.tokio
    );
}

fn an_error_in_time_is_passed_on() {
    let timed = lessons::paused(exercise::price("eggs"));
    assert_eq!(
        timed.output,
        Err("unknown item: eggs".to_string()),
        "the service answered an error in time: price should return that error, \
         not a cached price (only a timeout, Err(Elapsed), means \"too slow\")"
    );
    assert_eq!(
        timed.tokio,
        ms(200),
        "price(\"eggs\") took {:?}, not 200 ms",
        timed.tokio
    );
}

lessons::checks!(
    a_fast_answer_is_live,
    a_slow_answer_falls_back_at_the_limit,
    a_very_slow_answer_also_falls_back,
    just_in_time_is_in_time,
    an_error_in_time_is_passed_on,
);
