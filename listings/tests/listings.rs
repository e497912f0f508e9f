//! Every listing, run for real: its wall-clock time against the book's claim,
//! its output against the captured file the book includes, and every
//! compiler-message example against its captured message. The exact timings
//! on tokio's paused clock are each listing's own test, in its file.
//!
//! The binaries are the debug builds learners get from `cargo run` (with
//! optimised dependencies, see the workspace Cargo.toml). They all run at
//! once, so the whole check takes as long as the slowest listing.

use std::collections::HashMap;
use std::fs;
use std::sync::OnceLock;
use xtask::manifest::{Manifest, output_file};
use xtask::run::{self, Run};
use xtask::{diagnostics, output, workspace_root};

fn manifest() -> &'static Manifest {
    static MANIFEST: OnceLock<Manifest> = OnceLock::new();
    MANIFEST.get_or_init(|| {
        Manifest::load(&workspace_root()).unwrap_or_else(|e| panic!("{e:#}"))
    })
}

/// One real run of every listing, shared by the tests below, made on first use.
fn runs() -> &'static HashMap<String, Result<Run, String>> {
    static RUNS: OnceLock<HashMap<String, Result<Run, String>>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let names: Vec<&str> =
            manifest().listings.iter().map(|l| l.name.as_str()).collect();
        let results = run::run_all(&run::bin_dir_of_current_test(), &names);
        names
            .iter()
            .zip(results)
            .map(|(name, result)| {
                (name.to_string(), result.map_err(|e| format!("{e:#}")))
            })
            .collect()
    })
}

/// Collects every failure, so one run of the tests reports all of them.
fn report(failures: Vec<String>) {
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn manifest_listings_and_pages_agree() {
    report(manifest().problems(&workspace_root()));
}

#[test]
fn timed_listings_take_their_claimed_time_on_the_wall_clock() {
    let mut failures = Vec::new();
    for listing in &manifest().listings {
        let Some(claimed) = listing.seconds else {
            continue;
        };
        match &runs()[&listing.name] {
            Ok(run) => {
                if let Err(why) =
                    output::check_claim(claimed, run.elapsed.as_secs_f64())
                {
                    failures.push(format!("{}: {why}", listing.name));
                }
            }
            Err(error) => failures.push(format!("{}: {error}", listing.name)),
        }
    }
    report(failures);
}

#[test]
fn captured_outputs_match_a_fresh_run() {
    let root = workspace_root();
    let mut failures = Vec::new();
    for listing in &manifest().listings {
        let path = output_file(&listing.name);
        let captured = fs::read_to_string(root.join(&path)).unwrap_or_default();
        match &runs()[&listing.name] {
            Ok(run) => {
                if let Err(diff) = output::compare(&captured, &run.stdout) {
                    failures.push(format!(
                        "{path} no longer matches a run of `{}` (refresh it with `cargo xtask outputs {}`):{diff}",
                        listing.name, listing.name
                    ));
                }
                if !run.stderr.is_empty() {
                    failures.push(format!(
                        "`{}` wrote to stderr:\n{}",
                        listing.name, run.stderr
                    ));
                }
            }
            Err(error) => failures.push(format!("{}: {error}", listing.name)),
        }
    }
    report(failures);
}

#[test]
fn timed_listings_print_a_timeline() {
    let mut failures = Vec::new();
    for listing in manifest().listings.iter().filter(|l| l.seconds.is_some()) {
        if let Ok(run) = &runs()[&listing.name] {
            match output::timeline(&run.stdout) {
                Ok(timeline) if timeline.spans.is_empty() => failures.push(format!(
                    "`{}` prints no started/finished events",
                    listing.name
                )),
                Ok(_) => {}
                Err(error) => failures.push(format!("`{}`: {error:#}", listing.name)),
            }
        }
    }
    report(failures);
}

#[test]
fn compiler_messages_still_occur_as_captured() {
    // Compiling competes for the CPU: wait until the timed runs are over.
    runs();
    let root = workspace_root();
    let mut failures = Vec::new();
    for diagnostic in &manifest().diagnostics {
        let path = output_file(&diagnostic.name);
        let fresh = diagnostics::capture(&root, diagnostic);
        match fresh {
            Ok(text) => {
                if fs::read_to_string(root.join(&path)).unwrap_or_default() != text {
                    failures.push(format!(
                        "{path} is not what the compiler says now; refresh it with `cargo xtask outputs {}`",
                        diagnostic.name
                    ));
                }
            }
            Err(error) => failures.push(format!("{}: {error:#}", diagnostic.name)),
        }
    }
    report(failures);
}
