//! `cargo xtask bench runs`: the book's benchmarks (the listings with
//! `release = true`), built with `--release` and run on this machine one after
//! the other, with their Python counterparts when `python3` is there. One line
//! per figure; a release build that misses a bound the book states is a miss:
//! a million sleeping tasks finish in at most 2.5 s, at most 500 bytes each.

use super::{Bound, Figure, check, line};
use crate::{cargo, target_dir};
use anyhow::{Result, bail};
use std::path::Path;
use std::process::{Command, Stdio};
use xtask::manifest::{Listing, Manifest, PYTHON_DIR};
use xtask::run;

/// The bounds of issue 10: a million tasks sleeping 1 s each, in at most
/// 2.5 s, at most 500 bytes each.
const BOUNDS: [Bound; 2] = [
    Bound { subject: "million_sleeping_tasks", figure: "total time", at_most: 2.5 },
    Bound {
        subject: "million_sleeping_tasks",
        figure: "memory per task",
        at_most: 500.0,
    },
];

/// Runs the benchmarks and prints their figures; returns the bounds missed.
pub fn bench(root: &Path) -> Result<Vec<String>> {
    let manifest = Manifest::load(root)?;
    let benchmarks: Vec<&Listing> =
        manifest.listings.iter().filter(|l| l.release).collect();
    let mut build = vec!["build", "--quiet", "--release", "-p", "listings"];
    let features: Vec<&str> =
        benchmarks.iter().flat_map(|l| &l.features).map(String::as_str).collect();
    let features = features.join(",");
    if !features.is_empty() {
        build.extend(["--features", &features]);
    }
    for listing in &benchmarks {
        build.extend(["--bin", &listing.name]);
    }
    cargo(root, &build)?;
    let python = python3_version();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("Benchmarks, built with --release, on this machine ({cores} cores):");
    match &python {
        Some(version) => println!("python3 is {version}"),
        None => {
            println!("python3 is not on the PATH: the Python counterparts are skipped")
        }
    }
    let bin_dir = target_dir(root).join("release");
    let mut missed = Vec::new();
    for listing in &benchmarks {
        let name = listing.name.as_str();
        let command = Command::new(run::binary(&bin_dir, name));
        let release =
            run::run_program_within(name, command, run::BENCHMARK_TIME_LIMIT)?;
        let printed = figures(&release.stdout);
        if printed.is_empty() {
            bail!("`{name}` printed no figure:\n{}", release.stdout);
        }
        let (verdicts, misses) = check(name, &printed, &BOUNDS);
        for (figure, verdict) in printed.iter().zip(verdicts) {
            println!("{}", line(name, "release", figure, &verdict));
        }
        missed.extend(misses);
        if let (Some(script), Some(_)) = (&listing.python, &python) {
            let mut command = Command::new("python3");
            command.current_dir(root).arg(format!("{PYTHON_DIR}/{script}"));
            let run =
                run::run_program_within(name, command, run::BENCHMARK_TIME_LIMIT)?;
            for figure in figures(&run.stdout) {
                println!("{}", line(name, "python3", &figure, ""));
            }
        }
    }
    Ok(missed)
}

/// What `python3 --version` says, if it runs.
fn python3_version() -> Option<String> {
    let out =
        Command::new("python3").arg("--version").stdin(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The figures in a benchmark's output, from lines stamped `[ 1.23s] `:
/// `total time: 2.02s`, `memory per task: 455 bytes`, and any
/// `LABEL: ..., 4.45 M items/s`.
fn figures(stdout: &str) -> Vec<Figure> {
    let number = |text: &str| -> Option<(String, f64)> {
        Some((text.to_string(), text.parse().ok()?))
    };
    let leading = |text: &str| {
        let end =
            text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len());
        number(&text[..end])
    };
    let mut found = Vec::new();
    for line in stdout.lines() {
        let text = line.split_once("] ").map_or(line, |(_, text)| text);
        let Some((label, rest)) = text.split_once(": ") else { continue };
        let figure =
            |(text, value), unit| Figure { what: label.to_string(), text, value, unit };
        if label == "total time" {
            found.extend(leading(rest).map(|n| figure(n, "s")));
        } else if label == "memory per task" {
            found.extend(leading(rest).map(|n| figure(n, "bytes")));
        } else if let Some(before) = rest.strip_suffix(" M items/s") {
            let last = before.rsplit([' ', ',']).next().unwrap_or_default();
            found.extend(number(last).map(|n| figure(n, "M items/s")));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::tests::figure;

    #[test]
    fn reads_the_figures_a_benchmark_prints() {
        let out = "[ 0.97s] spawned 1000000 tasks\n\
                   [ 2.02s] all 1000000 tasks done, 500000 of them odd\n\
                   [ 2.02s] total time: 2.02s\n\
                   [ 2.02s] memory per task: 455 bytes\n\
                   [ 0.22s] one item per lock: 1000000 items in 0.225s, 4.50 M items/s\n\
                   [27.31s] total time: 27.31s (Python 3.11.7)\n\
                   [ 1.00s] memory per task: not measured (it reads /proc/self/status)\n";
        assert_eq!(
            figures(out),
            [
                figure("total time", "2.02", "s"),
                figure("memory per task", "455", "bytes"),
                figure("one item per lock", "4.50", "M items/s"),
                figure("total time", "27.31", "s"),
            ]
        );
    }
}
