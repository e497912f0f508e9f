//! Checks of the exercise `join_and_propagate_errors`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/join_and_propagate_errors.rs"]
mod exercise;

use exercise::{FetchError, Profile};
use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;

/// Loads the profile of `user` on the paused clock; a panic becomes a failed
/// check that says so.
fn load(user: u32) -> lessons::Timed<Result<Profile, FetchError>> {
    match panic::catch_unwind(AssertUnwindSafe(|| {
        lessons::paused(exercise::load_profile(user))
    })) {
        Ok(timed) => timed,
        Err(_) => panic!(
            "load_profile({user}) panicked: a failed request must come back as an `Err` from load_profile (with `?`), not as a panic"
        ),
    }
}

fn the_stand_ins_are_unchanged() {
    let changed = |what: &str, found: String| -> String {
        format!(
            "{what} alone gave {found}: `fetch_name` and `fetch_orders` stand in for \
             the network, and are not yours to change. Put them back as they were \
             (`cargo lesson reset join_and_propagate_errors` restores the whole file), \
             and change `load_profile`"
        )
    };
    let names: [(u32, Result<&str, FetchError>); 3] =
        [(1, Ok("Ada")), (2, Ok("Grace")), (7, Err(FetchError::NoSuchUser(7)))];
    for (user, expected) in names {
        let timed = lessons::paused(exercise::fetch_name(user));
        lessons::assert_no_blocking(&timed);
        let expected = expected.map(str::to_string);
        assert!(
            timed.output == expected && timed.tokio == Duration::from_millis(300),
            "{}",
            changed(
                &format!("fetch_name({user})"),
                format!(
                    "{:?} after {:?}, not {expected:?} after 300ms",
                    timed.output, timed.tokio
                )
            )
        );
    }
    let orders: [(u32, Result<Vec<&str>, FetchError>); 3] = [
        (1, Ok(vec!["teapot", "kettle"])),
        (2, Err(FetchError::OrdersUnavailable)),
        (7, Ok(Vec::new())),
    ];
    for (user, expected) in orders {
        let timed = lessons::paused(exercise::fetch_orders(user));
        lessons::assert_no_blocking(&timed);
        let expected = expected
            .map(|orders| orders.into_iter().map(str::to_string).collect::<Vec<_>>());
        assert!(
            timed.output == expected && timed.tokio == Duration::from_millis(500),
            "{}",
            changed(
                &format!("fetch_orders({user})"),
                format!(
                    "{:?} after {:?}, not {expected:?} after 500ms",
                    timed.output, timed.tokio
                )
            )
        );
    }
}

fn loads_a_profile() {
    let timed = load(1);
    let expected = Profile {
        name: "Ada".to_string(),
        orders: vec!["teapot".to_string(), "kettle".to_string()],
    };
    assert_eq!(
        timed.output,
        Ok(expected),
        "load_profile(1) returned the wrong profile"
    );
}

fn both_requests_at_once() {
    let timed = load(1);
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.tokio,
        Duration::from_millis(500),
        "load_profile(1) took {:?}: requests of 300 ms and 500 ms, started together, take 500 ms",
        timed.tokio
    );
}

fn a_missing_user_is_an_error() {
    let timed = load(7);
    assert_eq!(
        timed.output,
        Err(FetchError::NoSuchUser(7)),
        "load_profile(7): user 7 does not exist, and fetch_name says so"
    );
    assert!(
        timed.tokio <= Duration::from_millis(500),
        "load_profile(7) took {:?}: with both requests started together, it is over within 500 ms",
        timed.tokio
    );
}

fn unavailable_orders_are_an_error() {
    let timed = load(2);
    assert_eq!(
        timed.output,
        Err(FetchError::OrdersUnavailable),
        "load_profile(2): the orders of user 2 are unavailable, and fetch_orders says so"
    );
    assert_eq!(
        timed.tokio,
        Duration::from_millis(500),
        "load_profile(2) took {:?}: its orders fail after 500 ms, and the two requests run at once",
        timed.tokio
    );
}

lessons::checks!(
    the_stand_ins_are_unchanged,
    loads_a_profile,
    both_requests_at_once,
    a_missing_user_is_an_error,
    unavailable_orders_are_an_error
);
