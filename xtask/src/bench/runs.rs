//! `cargo xtask bench`: the book's benchmarks (the listings with
//! `release = true`), built with `--release` and run on this machine one after
//! the other, with their Python counterparts when `python3` is there. It
//! prints one line per figure, and fails when a release build misses a bound
//! the book states: a million sleeping tasks finish in at most 2.5 s, at most
//! 500 bytes each. Not part of `cargo xtask test`: the figures are this
//! machine's, and a busy machine makes them worse.

use crate::{cargo, target_dir};
use anyhow::{Result, bail};
use std::path::Path;
use std::process::{Command, Stdio};
use xtask::manifest::{Listing, Manifest, PYTHON_DIR};
use xtask::run;

/// A bound the book states about a figure of a benchmark's release build.
struct Bound {
    listing: &'static str,
    figure: &'static str,
    at_most: f64,
}

/// The bounds of issue 10: a million tasks sleeping 1 s each, in at most
/// 2.5 s, at most 500 bytes each.
const BOUNDS: [Bound; 2] = [
    Bound { listing: "million_sleeping_tasks", figure: "total time", at_most: 2.5 },
    Bound {
        listing: "million_sleeping_tasks",
        figure: "memory per task",
        at_most: 500.0,
    },
];

/// One figure a benchmark printed: what it is, its value, its unit.
#[derive(Debug, PartialEq)]
struct Figure {
    what: String,
    /// The number as printed (`4.50`), and its value.
    text: String,
    value: f64,
    unit: &'static str,
}

pub fn bench(root: &Path) -> Result<()> {
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
    if !missed.is_empty() {
        for miss in &missed {
            println!("missed: {miss}");
        }
        bail!("{} of the book's bounds missed on this machine", missed.len());
    }
    Ok(())
}

/// Checks the figures a benchmark's release build printed against `bounds`:
/// a verdict for each figure (empty when no bound applies), and one sentence
/// per bound missed, or whose figure was not printed.
fn check(
    name: &str,
    printed: &[Figure],
    bounds: &[Bound],
) -> (Vec<String>, Vec<String>) {
    let mut missed = Vec::new();
    let verdicts = printed
        .iter()
        .map(|figure| {
            let bound =
                bounds.iter().find(|b| b.listing == name && b.figure == figure.what);
            match bound {
                Some(b) if figure.value <= b.at_most => {
                    format!("bound: at most {} {}, ok", b.at_most, figure.unit)
                }
                Some(b) => {
                    missed.push(format!(
                        "{name}: {} {} {}, more than the {} {} the book promises",
                        figure.what, figure.text, figure.unit, b.at_most, figure.unit
                    ));
                    format!("bound: at most {} {}, MISSED", b.at_most, figure.unit)
                }
                None => String::new(),
            }
        })
        .collect();
    for bound in bounds.iter().filter(|b| b.listing == name) {
        if !printed.iter().any(|f| f.what == bound.figure) {
            missed.push(format!(
                "{name}: printed no `{}` figure to check against its bound (memory is measured on Linux only)",
                bound.figure
            ));
        }
    }
    (verdicts, missed)
}

/// One line of the report.
fn line(name: &str, how: &str, figure: &Figure, verdict: &str) -> String {
    let value = format!("{} {}", figure.text, figure.unit);
    format!("{name:<24} {how:<8} {:<36} {value:>16}  {verdict}", figure.what)
        .trim_end()
        .to_string()
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

    fn figure(what: &str, text: &str, unit: &'static str) -> Figure {
        let value = text.parse().unwrap();
        Figure { what: what.to_string(), text: text.to_string(), value, unit }
    }

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

    #[test]
    fn a_figure_over_its_bound_or_missing_is_a_miss() {
        let bounds = [
            Bound { listing: "tasks", figure: "total time", at_most: 2.5 },
            Bound { listing: "tasks", figure: "memory per task", at_most: 500.0 },
        ];
        let within = [
            figure("total time", "2.02", "s"),
            figure("memory per task", "455", "bytes"),
        ];
        let (verdicts, missed) = check("tasks", &within, &bounds);
        assert_eq!(
            verdicts,
            ["bound: at most 2.5 s, ok", "bound: at most 500 bytes, ok"]
        );
        assert!(missed.is_empty(), "{missed:?}");

        let (verdicts, missed) =
            check("tasks", &[figure("total time", "2.71", "s")], &bounds);
        assert_eq!(verdicts, ["bound: at most 2.5 s, MISSED"]);
        assert_eq!(
            missed,
            [
                "tasks: total time 2.71 s, more than the 2.5 s the book promises",
                "tasks: printed no `memory per task` figure to check against its bound (memory is measured on Linux only)",
            ]
        );
        let (verdicts, missed) = check("other", &within, &bounds);
        assert_eq!(verdicts, ["", ""]);
        assert!(missed.is_empty());
    }
}
