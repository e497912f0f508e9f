//! Checks of the exercise `load_dashboards_concurrently`.

// The learner's file: formatting it is theirs to do, not `cargo fmt`'s here.
#[rustfmt::skip]
#[path = "../exercises/load_dashboards_concurrently.rs"]
mod exercise;

use exercise::{Client, Dashboard};
use std::sync::Arc;
use std::time::Duration;

fn expected(user: &str) -> Dashboard {
    let n = user.len() as u32;
    Dashboard {
        profile: format!("{user}'s profile"),
        orders: vec![n, 2 * n],
        news: vec!["Rust 2024 is out".to_string()],
    }
}

fn one_dashboard_is_complete() {
    let timed = lessons::paused(async {
        let client = Client::new();
        let dashboard = client.dashboard("ferris").await;
        (dashboard, client.requests())
    });
    let (dashboard, requests) = timed.output;
    assert_eq!(
        dashboard,
        expected("ferris"),
        "the dashboard of \"ferris\" is not what the three methods return"
    );
    assert_eq!(
        requests, 3,
        "one dashboard made {requests} requests: it needs three, one per method"
    );
}

fn one_dashboard_takes_the_longest_request() {
    let timed = lessons::paused(async { Client::new().dashboard("ferris").await });
    lessons::assert_no_blocking(&timed);
    assert_eq!(
        timed.tokio,
        Duration::from_millis(800),
        "dashboard took {:?}: its three requests (0.3 s, 0.8 s, 0.5 s), started together, \
         take as long as the longest, 0.8 s; one after the other they take 1.6 s",
        timed.tokio
    );
}

fn many_dashboards_in_order() {
    let users = ["ferris", "corro", "bo", "alice", "nobody"];
    let timed = lessons::paused(async {
        let client = Arc::new(Client::new());
        let names = users.iter().map(|u| u.to_string()).collect();
        let dashboards = client.dashboards(names).await;
        (dashboards, client.requests())
    });
    let (dashboards, requests) = timed.output;
    let wanted: Vec<Dashboard> = users.iter().map(|u| expected(u)).collect();
    assert_eq!(
        dashboards.len(),
        5,
        "dashboards returned {} dashboards for 5 users",
        dashboards.len()
    );
    assert_eq!(
        dashboards, wanted,
        "dashboards should return one dashboard per user, in the order of `users`"
    );
    assert_eq!(
        requests, 15,
        "five dashboards made {requests} requests: they need 5 × 3 = 15"
    );
}

fn many_dashboards_take_the_time_of_one() {
    for count in [5, 40] {
        let timed = lessons::paused(async move {
            let client = Arc::new(Client::new());
            let names = (0..count).map(|i| format!("user {i}")).collect();
            client.dashboards(names).await.len()
        });
        lessons::assert_no_blocking(&timed);
        assert_eq!(
            timed.output, count,
            "dashboards returned {} dashboards for {count} users",
            timed.output
        );
        assert_eq!(
            timed.tokio,
            Duration::from_millis(800),
            "the dashboards of {count} users took {:?}: started all at once, they take as long \
             as one, 0.8 s. Are the tasks all spawned before the first is awaited?",
            timed.tokio
        );
    }
}

lessons::checks!(
    one_dashboard_is_complete,
    one_dashboard_takes_the_longest_request,
    many_dashboards_in_order,
    many_dashboards_take_the_time_of_one,
);
