//! Two `select!` branches that are always ready, 1000 rounds without and with `biased;`.

use std::future::ready;

#[tokio::main]
async fn main() {
    run().await;
}

const ROUNDS: u32 = 1000;

// ANCHOR: program
async fn run() -> [(u32, u32); 2] {
    let mut default = (0, 0); // how many rounds each branch won
    for _ in 0..ROUNDS {
        tokio::select! {
            () = ready(()) => default.0 += 1,
            () = ready(()) => default.1 += 1,
        }
    }
    let mut biased = (0, 0);
    for _ in 0..ROUNDS {
        tokio::select! {
            biased;
            () = ready(()) => biased.0 += 1,
            () = ready(()) => biased.1 += 1,
        }
    }
    report("default", default);
    report("biased;", biased);
    [default, biased]
}
// ANCHOR_END: program

/// Prints how often each branch won, in words: the counts of the default
/// mode change from run to run.
fn report(mode: &str, (first, second): (u32, u32)) {
    let words = |wins| match wins {
        0 => "never",
        ROUNDS => "every round",
        _ => "some rounds",
    };
    println!(
        "{mode}: first branch won {}, second branch won {}",
        words(first),
        words(second)
    );
}

// In the tests, `println!` also records each line for the proof.
#[cfg(test)]
use xtask::println;

#[cfg(test)]
mod tests {
    #[test]
    fn proof() -> xtask::proof::Result {
        let proof = xtask::proof::paused(env!("CARGO_BIN_NAME"), super::run)?;
        let [default, biased] = proof.output;
        // Random start: both branches win some rounds (all 1000 going one way
        // would happen about once in 2^999 runs).
        assert!(default.0 > 0 && default.1 > 0, "{default:?}");
        // `biased;`: the first branch is polled first, and it is always ready.
        assert_eq!(biased, (1000, 0));
        Ok(())
    }
}
