//! `cargo xtask outputs [NAME..]`: run listings for real and capture what they
//! print, and what the compiler says about the compiler-message examples, into
//! `listings/output/`, the files the pages include.
//!
//! A capture is written only when it holds up: a timed run must be within its
//! claim, and the listing's own tests (its proof on the paused clock, which
//! compares the recorded lines with the fresh file) must pass against it.
//! Otherwise the old file is kept.

use crate::{cargo, target_dir};
use anyhow::{Result, bail};
use std::fs;
use std::path::Path;
use std::process::Command;
use xtask::manifest::{
    Listing, Manifest, PYTHON_DIR, output_file, python_file, release_file,
    run_output_file, stderr_file,
};
use xtask::output::{self, Timings};
use xtask::{diagnostics, run};

pub fn capture(root: &Path, names: &[String]) -> Result<()> {
    let manifest = Manifest::load(root)?;
    for name in names {
        manifest.entry(name)?;
    }
    let wanted = |name: &str| names.is_empty() || names.iter().any(|n| n == name);
    let listings: Vec<&Listing> =
        manifest.listings.iter().filter(|l| wanted(&l.name)).collect();
    let mut problems = Vec::new();
    if !listings.is_empty() {
        // Only the listings asked for (all of them when none is named), so a
        // half-written listing elsewhere does not stop this one's capture.
        let mut bins: Vec<&str> = Vec::new();
        if names.is_empty() {
            bins.push("--bins");
        } else {
            for listing in &listings {
                bins.extend(["--bin", listing.name.as_str()]);
            }
        }
        let build = ["build", "--quiet", "-p", "listings", "--all-features"];
        cargo(root, &[&build[..], &bins].concat())?;
        // The listings' own tests check each capture below: build them now.
        let test = ["test", "--quiet", "-p", "listings", "--all-features", "--no-run"];
        cargo(root, &[&test[..], &bins].concat())?;
        let bin_dir = target_dir(root).join("debug");
        for (listing, result) in
            listings.iter().zip(run::run_listings_as_readers(&bin_dir, &listings))
        {
            match result.and_then(|run| keep(root, listing, run)) {
                Ok(seconds) => println!(
                    "{:<28} {seconds:>6.2}s  → {}",
                    listing.name,
                    output_file(&listing.name)
                ),
                Err(error) => problems.push(format!("{}: {error:#}", listing.name)),
            }
        }
    }
    for diagnostic in manifest.diagnostics.iter().filter(|d| wanted(&d.name)) {
        match diagnostics::capture(root, diagnostic) {
            Ok(captured) => {
                fs::write(root.join(output_file(&diagnostic.name)), captured.message)?;
                let mut written = output_file(&diagnostic.name);
                if let Some(stdout) = captured.stdout {
                    fs::write(root.join(run_output_file(&diagnostic.name)), stdout)?;
                    written =
                        format!("{written}, {}", run_output_file(&diagnostic.name));
                }
                println!("{:<28} {:>7}  → {written}", diagnostic.name, "rustc");
            }
            Err(error) => problems.push(format!("{}: {error:#}", diagnostic.name)),
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// Writes a fresh run's output if it holds up, and returns its run time.
fn keep(root: &Path, listing: &Listing, run: run::Run) -> Result<f64> {
    let measured = run.elapsed.as_secs_f64();
    if let Some(claimed) = listing.seconds {
        if let Err(why) = output::check_claim(claimed, measured) {
            bail!("not written: {why}; rerun on a quieter machine");
        }
        output::timeline(&run.stdout)?;
    }
    if !listing.stderr && !run.stderr.is_empty() {
        bail!(
            "not written: it wrote to stderr (set `stderr = true` in the manifest if it means to):\n{}",
            run.stderr
        );
    }
    let path = root.join(output_file(&listing.name));
    let old = fs::read_to_string(&path).ok();
    if let Some(old) = &old
        && listing.timings == Timings::Machine
        && !is_benchmark(listing)
        && output::compare(old, &run.stdout, Timings::Machine).is_ok()
    {
        // Only the machine's own timings changed: keep the page as it is.
        // A benchmark's figures are its point: those are always refreshed.
        if listing.stderr {
            fs::write(root.join(stderr_file(&listing.name)), &run.stderr)?;
        }
        benchmarks(root, listing)?;
        return Ok(measured);
    }
    fs::write(&path, &run.stdout)?;
    if let Err(error) = own_tests_pass(root, &listing.name) {
        match old {
            Some(old) => fs::write(&path, old)?,
            None => fs::remove_file(&path)?,
        }
        bail!("not written: {error:#}");
    }
    if listing.stderr {
        fs::write(root.join(stderr_file(&listing.name)), &run.stderr)?;
    }
    benchmarks(root, listing)?;
    Ok(measured)
}

/// Whether the listing prints figures to compare (a release build's, or
/// Python's, beside its own).
fn is_benchmark(listing: &Listing) -> bool {
    listing.release || listing.python.is_some()
}

/// The other runs of a benchmark listing: built with `--release`, and its
/// Python counterpart. They print figures about this machine's speed; the
/// tests only check that the page shows them.
fn benchmarks(root: &Path, listing: &Listing) -> Result<()> {
    let name = &listing.name;
    if listing.release {
        // Only the features it needs: a release build of the HTTP client
        // would take a minute for nothing.
        let features = listing.features.join(",");
        let mut build =
            vec!["build", "--quiet", "--release", "-p", "listings", "--bin", name];
        if !features.is_empty() {
            build.extend(["--features", &features]);
        }
        cargo(root, &build)?;
        let command =
            Command::new(run::binary(&target_dir(root).join("release"), name));
        let run = run::run_program_within(name, command, run::BENCHMARK_TIME_LIMIT)?;
        fs::write(root.join(release_file(name)), run.stdout)?;
        println!("{:<28} {:>7}  → {}", name, "release", release_file(name));
    }
    if let Some(script) = &listing.python {
        let mut python = Command::new("python3");
        python.current_dir(root).arg(format!("{PYTHON_DIR}/{script}"));
        let run = run::run_program_within(name, python, run::BENCHMARK_TIME_LIMIT)?;
        fs::write(root.join(python_file(name)), run.stdout)?;
        println!("{:<28} {:>7}  → {}", name, "python3", python_file(name));
    }
    Ok(())
}

/// Runs the tests in a listing's own file (its proofs), quietly unless they fail.
fn own_tests_pass(root: &Path, name: &str) -> Result<()> {
    let out = xtask::cargo_command()
        .current_dir(root)
        .args(["test", "--quiet", "-p", "listings", "--all-features", "--bin", name])
        .output()?;
    if !out.status.success() {
        bail!(
            "the listing's own tests reject this run (run `cargo xtask outputs {name}` again if only the order of lines stamped at the same instant differs):\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}
