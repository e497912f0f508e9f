//! Every listing, run for real: its wall-clock time against the book's claim,
//! its output against the captured file the book includes (same lines, same
//! order but for lines stamped at the same instant), and every
//! compiler-message example against its captured message. The proofs on
//! tokio's paused clock and the relations are each listing's own tests, in its
//! file.
//!
//! The binaries are the debug builds learners get from `cargo run` (see the
//! workspace Cargo.toml for how dependencies are built). The timed ones run
//! first, a few at a time, then the others (`xtask::run::run_listings`); each
//! is stopped after `xtask::run::TIME_LIMIT`.
//!
//! Tests return their failures as errors, so a broken manifest or a failed
//! check reads as a list of sentences, with no panic and no backtrace.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::sync::OnceLock;
use xtask::manifest::{Listing, Manifest, output_file, run_output_file, stderr_file};
use xtask::run::{self, Run};
use xtask::{diagnostics, output, workspace_root};

/// Every failure of a test, one per line.
struct Failures(Vec<String>);

impl fmt::Debug for Failures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}\n", self.0.join("\n"))
    }
}

type Checked = Result<(), Failures>;

/// Passes when nothing failed.
fn report(failures: Vec<String>) -> Checked {
    if failures.is_empty() { Ok(()) } else { Err(Failures(failures)) }
}

fn manifest() -> Result<&'static Manifest, Failures> {
    static MANIFEST: OnceLock<Result<Manifest, String>> = OnceLock::new();
    MANIFEST
        .get_or_init(|| Manifest::load(&workspace_root()).map_err(|e| format!("{e:#}")))
        .as_ref()
        .map_err(|e| Failures(vec![e.clone()]))
}

/// Whether this test build has `feature` of the listings package.
fn enabled(feature: &str) -> bool {
    let on = [("http", cfg!(feature = "http"))];
    on.iter().any(|&(name, on)| name == feature && on)
}

/// The listings built for this test run: those behind a cargo feature that
/// is off are left out, and said so once (`cargo xtask test` turns them all
/// on).
fn built_listings() -> Result<Vec<&'static Listing>, Failures> {
    static SKIP_NOTE: std::sync::Once = std::sync::Once::new();
    let (built, skipped): (Vec<&Listing>, Vec<&Listing>) = manifest()?
        .listings
        .iter()
        .partition(|l| l.features.iter().all(|f| enabled(f)));
    if !skipped.is_empty() {
        SKIP_NOTE.call_once(|| {
            let names: Vec<&str> = skipped.iter().map(|l| l.name.as_str()).collect();
            eprintln!(
                "listings: not run, their features are off (add --all-features): {}",
                names.join(", ")
            );
        });
    }
    Ok(built)
}

/// One real run of every listing, shared by the tests below, made on first use.
fn runs() -> Result<&'static HashMap<String, Result<Run, String>>, Failures> {
    static RUNS: OnceLock<HashMap<String, Result<Run, String>>> = OnceLock::new();
    let listings = built_listings()?;
    Ok(RUNS.get_or_init(|| {
        let results = run::run_listings(&run::bin_dir_of_current_test(), &listings);
        listings
            .iter()
            .zip(results)
            .map(|(listing, result)| {
                (listing.name.clone(), result.map_err(|e| format!("{e:#}")))
            })
            .collect()
    }))
}

#[test]
fn manifest_listings_and_pages_agree() -> Checked {
    report(manifest()?.problems(&workspace_root()))
}

/// The HTTP listings each carry the same test server, so that each stays one
/// file a reader can run on its own; this keeps the copies the same.
#[test]
fn http_listings_carry_the_same_test_server() -> Checked {
    const START: &str = "/// The listing's own HTTP server";
    let root = workspace_root();
    let mut first: Option<(String, String)> = None;
    let mut failures = Vec::new();
    for listing in
        manifest()?.listings.iter().filter(|l| l.features.iter().any(|f| f == "http"))
    {
        let file = listing.source();
        let text = fs::read_to_string(root.join(&file)).unwrap_or_default();
        let Some(start) = text.find(START) else {
            failures.push(format!("{file} has no `{START}` section"));
            continue;
        };
        let end = text[start..].find("#[cfg(test)]").map_or(text.len(), |n| start + n);
        let server = text[start..end].to_string();
        match &first {
            None => first = Some((file, server)),
            Some((model, same)) if *same != server => failures.push(format!(
                "{file}'s test server differs from {model}'s: make the copies the same"
            )),
            Some(_) => {}
        }
    }
    report(failures)
}

#[test]
fn cheat_sheet_rows_point_at_sections_and_listings_that_exist() -> Checked {
    report(xtask::cheat_sheet::problems(&workspace_root(), manifest()?))
}

#[test]
fn timed_listings_take_their_claimed_time_on_the_wall_clock() -> Checked {
    let mut failures = Vec::new();
    for listing in built_listings()? {
        let Some(claimed) = listing.seconds else {
            continue;
        };
        match &runs()?[&listing.name] {
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
    report(failures)
}

#[test]
fn captured_outputs_match_a_fresh_run_in_order() -> Checked {
    let root = workspace_root();
    let mut failures = Vec::new();
    for listing in built_listings()? {
        let path = output_file(&listing.name);
        let captured = fs::read_to_string(root.join(&path)).unwrap_or_default();
        match &runs()?[&listing.name] {
            Ok(run) => {
                if let Err(diff) =
                    output::compare(&captured, &run.stdout, listing.timings)
                {
                    failures.push(format!(
                        "{path} no longer matches a run of `{}` (refresh it with `cargo xtask outputs {}`):{diff}",
                        listing.name, listing.name
                    ));
                }
                if listing.stderr {
                    let path = stderr_file(&listing.name);
                    let captured =
                        fs::read_to_string(root.join(&path)).unwrap_or_default();
                    // A panic's message names its thread's id, new on every run.
                    let captured = output::mask_thread_ids(&captured);
                    let fresh = output::mask_thread_ids(&run.stderr);
                    if let Err(diff) =
                        output::compare(&captured, &fresh, listing.timings)
                    {
                        failures.push(format!(
                            "{path} no longer matches what `{}` writes to stderr (refresh it with `cargo xtask outputs {}`):{diff}",
                            listing.name, listing.name
                        ));
                    }
                } else if !run.stderr.is_empty() {
                    failures.push(format!(
                        "`{}` wrote to stderr (set `stderr = true` in the manifest if it means to):\n{}",
                        listing.name, run.stderr
                    ));
                }
            }
            Err(error) => failures.push(format!("{}: {error}", listing.name)),
        }
    }
    report(failures)
}

#[test]
fn timed_listings_print_a_timeline() -> Checked {
    let mut failures = Vec::new();
    for listing in built_listings()?.into_iter().filter(|l| l.seconds.is_some()) {
        if let Ok(run) = &runs()?[&listing.name] {
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
    report(failures)
}

#[test]
fn compiler_messages_still_occur_as_captured() -> Checked {
    // Compiling competes for the CPU: wait until the timed runs are over.
    runs()?;
    let root = workspace_root();
    let mut failures = Vec::new();
    for diagnostic in &manifest()?.diagnostics {
        let path = output_file(&diagnostic.name);
        match diagnostics::capture(&root, diagnostic) {
            Ok(captured) => {
                if fs::read_to_string(root.join(&path)).unwrap_or_default()
                    != captured.message
                {
                    failures.push(format!(
                        "{path} is not what the compiler says now; refresh it with `cargo xtask outputs {}`",
                        diagnostic.name
                    ));
                }
                if let Some(stdout) = captured.stdout {
                    let printed = run_output_file(&diagnostic.name);
                    let old =
                        fs::read_to_string(root.join(&printed)).unwrap_or_default();
                    if let Err(diff) =
                        output::compare(&old, &stdout, output::Timings::Fixed)
                    {
                        failures.push(format!(
                            "{printed} is not what `{}` prints now; refresh it with `cargo xtask outputs {}`:{diff}",
                            diagnostic.name, diagnostic.name
                        ));
                    }
                }
            }
            Err(error) => failures.push(format!("{}: {error:#}", diagnostic.name)),
        }
    }
    report(failures)
}

/// The introduction names the minimum Rust and the tokio the book is built with:
/// those of `Cargo.toml` and `Cargo.lock`, not numbers typed once and forgotten.
#[test]
fn the_introduction_names_the_rust_and_tokio_versions() -> Checked {
    let root = workspace_root();
    let read = |path: &str| fs::read_to_string(root.join(path)).unwrap_or_default();
    let value_after = |text: &str, key: &str| -> Option<String> {
        let rest = &text[text.find(key)? + key.len()..];
        Some(rest.split('"').nth(1)?.to_string())
    };
    let intro = read("src/intro.md");
    let rust = value_after(&read("Cargo.toml"), "rust-version");
    let tokio = value_after(&read("Cargo.lock"), "name = \"tokio\"\nversion =")
        .map(|v| v.split('.').take(2).collect::<Vec<_>>().join("."));
    let mut failures = Vec::new();
    for (what, version) in [("Rust", rust), ("tokio", tokio)] {
        match version {
            Some(version) if intro.contains(&format!("{what} {version}")) => {}
            Some(version) => {
                failures.push(format!("src/intro.md should say “{what} {version}”"))
            }
            None => failures.push(format!(
                "cannot find the {what} version in Cargo.toml/Cargo.lock"
            )),
        }
    }
    report(failures)
}
