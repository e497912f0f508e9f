//! `cargo xtask bench`: the figures about this machine that the book and the
//! README state, each printed by a program and checked against the bound
//! promised for it. Not part of `cargo xtask test`: the figures are this
//! machine's, and a busy machine makes them worse.
//!
//! - `runs.rs`: the benchmark listings, built with `--release` (`bench runs`);
//! - `builds.rs`: how long a reader waits for a first build (`bench builds`).

mod builds;
mod runs;

use anyhow::{Result, bail};
use std::path::Path;

/// Which benchmarks `cargo xtask bench` runs.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    /// The benchmark listings, built with --release.
    Runs,
    /// The first builds a reader waits for, from nothing built.
    Builds,
}

/// Runs the benchmarks `which` names (all when `None`), printing one line per
/// figure; fails when a figure misses its bound.
pub fn bench(root: &Path, which: Option<Which>) -> Result<()> {
    let mut missed = Vec::new();
    if which != Some(Which::Builds) {
        missed.extend(runs::bench(root)?);
    }
    if which != Some(Which::Runs) {
        missed.extend(builds::bench(root)?);
    }
    if !missed.is_empty() {
        for miss in &missed {
            println!("missed: {miss}");
        }
        bail!("{} of the bounds missed on this machine", missed.len());
    }
    Ok(())
}

/// A bound promised for a figure of `subject` (a benchmark listing, or a
/// build).
struct Bound {
    subject: &'static str,
    figure: &'static str,
    at_most: f64,
}

/// One figure a benchmark printed or measured: what it is, its value, its
/// unit.
#[derive(Clone, Debug, PartialEq)]
struct Figure {
    what: String,
    /// The number as printed (`4.50`), and its value.
    text: String,
    value: f64,
    unit: &'static str,
}

/// Checks the figures of `name` against `bounds`: a verdict for each figure
/// (empty when no bound applies), and one sentence per bound missed, or whose
/// figure was not printed.
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
                bounds.iter().find(|b| b.subject == name && b.figure == figure.what);
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
    for bound in bounds.iter().filter(|b| b.subject == name) {
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn figure(what: &str, text: &str, unit: &'static str) -> Figure {
        let value = text.parse().unwrap();
        Figure { what: what.to_string(), text: text.to_string(), value, unit }
    }

    #[test]
    fn a_figure_over_its_bound_or_missing_is_a_miss() {
        let bounds = [
            Bound { subject: "tasks", figure: "total time", at_most: 2.5 },
            Bound { subject: "tasks", figure: "memory per task", at_most: 500.0 },
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
