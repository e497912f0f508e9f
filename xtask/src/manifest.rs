//! `listings/listings.toml`: one entry per listing and per compiler-message example.

use crate::output::{self, SpanKind, Timings};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the manifest lives, relative to the workspace root.
pub const MANIFEST: &str = "listings/listings.toml";
/// Runnable listings, one binary per file.
pub const BIN_DIR: &str = "listings/src/bin";
/// Warning and compile-fail examples, kept out of the runnable binaries.
pub const DIAGNOSTICS_DIR: &str = "listings/diagnostics";
/// Captured output of every listing and diagnostic, included by the pages.
pub const OUTPUT_DIR: &str = "listings/output";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default, rename = "listing")]
    pub listings: Vec<Listing>,
    #[serde(default, rename = "diagnostic")]
    pub diagnostics: Vec<Diagnostic>,
}

/// A runnable listing: `cargo run -p listings --bin NAME`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// The binary, `listings/src/bin/NAME.rs`.
    pub name: String,
    /// The page that includes it, as a path under `src/`.
    pub chapter: String,
    /// The wall-clock time of the whole run, as the book claims it.
    pub seconds: Option<f64>,
    /// `"machine"` when its times are the machine's own (CPU-bound work):
    /// its output is then compared without them, and it claims no `seconds`.
    #[serde(default)]
    pub timings: Timings,
    /// Why it cannot be proven on tokio's paused clock. It is then proven on
    /// the wall clock alone, and `cargo xtask test` names it.
    pub wall_clock_only: Option<String>,
    /// Timeline rows that hold their thread while they wait (drawn as blocking).
    #[serde(default)]
    pub blocking: Vec<String>,
    /// Timeline rows that keep the CPU busy (drawn as working).
    #[serde(default)]
    pub working: Vec<String>,
    /// Whether it writes to stderr on purpose (a panic's message): stderr is
    /// then captured into `listings/output/NAME.stderr.txt` and checked too.
    /// Otherwise a listing must leave stderr empty.
    #[serde(default)]
    pub stderr: bool,
    /// Whether it is also captured from a release build (a benchmark), into
    /// `listings/output/NAME.release.txt`.
    #[serde(default)]
    pub release: bool,
    /// Its Python counterpart, a script in `listings/python/`, captured with
    /// `python3` into `listings/output/NAME.python.txt` (a benchmark to
    /// compare with).
    pub python: Option<String>,
    /// Cargo features of the `listings` package it needs (its `[[bin]]`
    /// entry has them as `required-features`), such as `"http"` for the
    /// listings that need an HTTP client: a reader who runs any other listing
    /// never compiles those dependencies.
    #[serde(default)]
    pub features: Vec<String>,
    /// Why it cannot run on the Rust playground (it needs a local server,
    /// another crate, or the `xtask` test helpers at run time). Its block on
    /// the page is then `rust,noplayground`; every other listing's block gets
    /// mdBook's Run button, which sends the whole file to the playground.
    pub no_playground: Option<String>,
    /// Arguments the test suite gives it when it runs it for real, to keep a
    /// benchmark cheap there (`["10000"]`: ten thousand tasks, not a
    /// million). `cargo xtask outputs` and `cargo xtask bench` run it as a
    /// reader does, without them.
    #[serde(default)]
    pub test_args: Vec<String>,
}

/// An example whose point is the compiler's message about it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// The source, `listings/diagnostics/NAME.rs`.
    pub name: String,
    /// The page that includes it, as a path under `src/`.
    pub chapter: String,
    /// Text the compiler's message must contain.
    pub expect: String,
    /// Whether it also runs (it compiles, with a warning): what it prints is
    /// captured into `listings/output/NAME.run.txt` for the page.
    #[serde(default)]
    pub runs: bool,
}

impl Listing {
    pub fn source(&self) -> String {
        format!("{BIN_DIR}/{}.rs", self.name)
    }

    /// The command a reader types to run it.
    pub fn run_command(&self) -> String {
        run_command(&self.name, &self.features)
    }

    /// What a timeline row of this listing does while it runs.
    pub fn kind_of(&self, label: &str) -> SpanKind {
        if self.blocking.iter().any(|l| l == label) {
            SpanKind::Blocking
        } else if self.working.iter().any(|l| l == label) {
            SpanKind::Working
        } else {
            SpanKind::Awaiting
        }
    }

    /// The claim in whole milliseconds.
    pub fn claimed_millis(&self) -> Option<u64> {
        self.seconds.map(|s| (s * 1000.0).round() as u64)
    }
}

impl Diagnostic {
    pub fn source(&self) -> String {
        format!("{DIAGNOSTICS_DIR}/{}.rs", self.name)
    }
}

/// What a listing's file calls to prove its times on tokio's paused clock.
pub const PAUSED_PROOF: &str = "xtask::proof::paused";
/// What a listing's file calls to prove a relation on the wall clock.
pub const WALL_CLOCK_PROOF: &str = "xtask::proof::wall_clock";

/// The captured output file of a listing or diagnostic.
pub fn output_file(name: &str) -> String {
    format!("{OUTPUT_DIR}/{name}.txt")
}

/// What a listing with `stderr = true` wrote to stderr.
pub fn stderr_file(name: &str) -> String {
    format!("{OUTPUT_DIR}/{name}.stderr.txt")
}

/// What a listing with `release = true` printed, built with `--release`.
pub fn release_file(name: &str) -> String {
    format!("{OUTPUT_DIR}/{name}.release.txt")
}

/// What the Python counterpart of a listing printed.
pub fn python_file(name: &str) -> String {
    format!("{OUTPUT_DIR}/{name}.python.txt")
}

/// Python counterparts of listings, run with `python3`.
pub const PYTHON_DIR: &str = "listings/python";

/// What a compiler-message example with `runs = true` printed.
pub fn run_output_file(name: &str) -> String {
    format!("{OUTPUT_DIR}/{name}.run.txt")
}

/// The command a reader types to run a listing that needs `features`.
pub fn run_command(name: &str, features: &[String]) -> String {
    if features.is_empty() {
        format!("cargo run -p listings --bin {name}")
    } else {
        format!("cargo run -p listings --features {} --bin {name}", features.join(","))
    }
}

impl Manifest {
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join(MANIFEST);
        let text = fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("{} is not a valid manifest", MANIFEST))
    }

    pub fn listing(&self, name: &str) -> Result<&Listing> {
        match self.listings.iter().find(|l| l.name == name) {
            Some(listing) => Ok(listing),
            None => bail!(
                "there is no listing named `{name}` (see {MANIFEST}); the listings are: {}",
                self.listings
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// Fails unless `name` is a listing or a compiler-message example, with an
    /// error that names all of them.
    pub fn entry(&self, name: &str) -> Result<()> {
        let names = |items: Vec<&str>| items.join(", ");
        if self.listings.iter().any(|l| l.name == name)
            || self.diagnostics.iter().any(|d| d.name == name)
        {
            return Ok(());
        }
        bail!(
            "there is no listing or compiler-message example named `{name}` (see {MANIFEST}); the listings are: {}; the compiler-message examples are: {}",
            names(self.listings.iter().map(|l| l.name.as_str()).collect()),
            names(self.diagnostics.iter().map(|d| d.name.as_str()).collect()),
        )
    }

    /// Everything that is out of step between the manifest, the files and the
    /// pages, one sentence per problem. Empty when all is consistent.
    pub fn problems(&self, root: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        let mut names = BTreeSet::new();
        let all = self
            .listings
            .iter()
            .map(|l| (l.name.as_str(), l.chapter.as_str(), l.source()))
            .chain(
                self.diagnostics
                    .iter()
                    .map(|d| (d.name.as_str(), d.chapter.as_str(), d.source())),
            );
        for (name, chapter, source) in all {
            if !names.insert(name) {
                problems.push(format!("`{name}` appears twice in {MANIFEST}"));
            }
            if !root.join(&source).is_file() {
                problems.push(format!(
                    "{MANIFEST} lists `{name}`, but {source} does not exist"
                ));
            }
            let output = output_file(name);
            if !root.join(&output).is_file() {
                problems.push(format!(
                    "{output} is missing: run `cargo xtask outputs {name}`"
                ));
            }
            let page_path = root.join("src").join(chapter);
            let Ok(page) = fs::read_to_string(&page_path) else {
                problems.push(format!(
                    "`{name}` belongs to src/{chapter}, which does not exist"
                ));
                continue;
            };
            if !page.contains(&source) {
                problems.push(format!("src/{chapter} does not include {source}"));
            }
            if !page.contains(&output) {
                problems.push(format!("src/{chapter} does not include {output}"));
            }
        }
        for diagnostic in self.diagnostics.iter().filter(|d| d.runs) {
            let page = fs::read_to_string(root.join("src").join(&diagnostic.chapter))
                .unwrap_or_default();
            let printed = run_output_file(&diagnostic.name);
            if !root.join(&printed).is_file() {
                problems.push(format!(
                    "{printed} is missing: run `cargo xtask outputs {}`",
                    diagnostic.name
                ));
            }
            if !page.contains(&printed) {
                problems.push(format!(
                    "src/{} does not show what `{}` prints ({printed})",
                    diagnostic.chapter, diagnostic.name
                ));
            }
        }
        for listing in &self.listings {
            let page = fs::read_to_string(root.join("src").join(&listing.chapter))
                .unwrap_or_default();
            let command = listing.run_command();
            if !page.contains(&command) {
                problems.push(format!(
                    "src/{} does not tell the reader to run `{command}`",
                    listing.chapter
                ));
            }
            let extras = [
                (listing.release, release_file(&listing.name), "built with --release"),
                (listing.python.is_some(), python_file(&listing.name), "in Python"),
            ];
            for (_, captured, how) in extras.into_iter().filter(|extra| extra.0) {
                if !root.join(&captured).is_file() {
                    problems.push(format!(
                        "{captured} is missing: run `cargo xtask outputs {}`",
                        listing.name
                    ));
                }
                if !page.contains(&captured) {
                    problems.push(format!(
                        "src/{} does not show what `{}` prints {how} ({captured})",
                        listing.chapter, listing.name
                    ));
                }
            }
            if let Some(script) = &listing.python {
                let path = format!("{PYTHON_DIR}/{script}");
                if !root.join(&path).is_file() {
                    problems.push(format!(
                        "`{}` names {path}, which does not exist",
                        listing.name
                    ));
                }
                if !page.contains(&path) {
                    problems.push(format!(
                        "src/{} does not include {path}",
                        listing.chapter
                    ));
                }
            }
            if listing.stderr {
                let captured = stderr_file(&listing.name);
                if !root.join(&captured).is_file() {
                    problems.push(format!(
                        "{captured} is missing: run `cargo xtask outputs {}`",
                        listing.name
                    ));
                }
                if !page.contains(&captured) {
                    problems.push(format!(
                        "src/{} does not show what `{}` writes to stderr ({captured})",
                        listing.chapter, listing.name
                    ));
                }
            }
            let file = listing.source();
            let source = fs::read_to_string(root.join(&file)).unwrap_or_default();
            if let Some(seconds) = listing.seconds {
                if !seconds.is_finite() || seconds <= 0.0 {
                    problems.push(format!(
                        "`{}` claims {seconds} s, which is not a duration",
                        listing.name
                    ));
                }
                let directive = format!("{{{{#timeline {} ", listing.name);
                if !page.contains(&directive) {
                    problems.push(format!(
                        "src/{} shows no timeline of `{}`: add {directive}CAPTION}}}}",
                        listing.chapter, listing.name
                    ));
                }
                if listing.wall_clock_only.is_none() && !source.contains(PAUSED_PROOF) {
                    problems.push(format!(
                        "{file} claims {seconds} s but has no test on tokio's paused clock proving it (`{PAUSED_PROOF}`)"
                    ));
                }
            }
            if listing.timings == Timings::Machine {
                if listing.seconds.is_some() {
                    problems.push(format!(
                        "`{}` has `timings = \"machine\"` and claims `seconds`: CPU-bound work takes as long as the machine makes it, so claim a relation instead",
                        listing.name
                    ));
                }
                if !source.contains(WALL_CLOCK_PROOF) {
                    problems.push(format!(
                        "{file} has `timings = \"machine\"` but no test of its relation on the wall clock (`{WALL_CLOCK_PROOF}`)"
                    ));
                }
            }
            if listing
                .wall_clock_only
                .as_deref()
                .is_some_and(|why| why.trim().is_empty())
            {
                problems.push(format!(
                    "`{}` is `wall_clock_only` without a reason: say why it cannot run on tokio's paused clock",
                    listing.name
                ));
            }
            let labels: Vec<String> =
                fs::read_to_string(root.join(output_file(&listing.name)))
                    .ok()
                    .and_then(|captured| output::timeline(&captured).ok())
                    .map(|timeline| {
                        timeline.spans.into_iter().map(|s| s.label).collect()
                    })
                    .unwrap_or_default();
            for label in listing.blocking.iter().chain(&listing.working) {
                if !labels.contains(label) {
                    problems.push(format!(
                        "`{}` marks `{label}` as blocking or working, but its output has no `{label} started`/`finished` lines",
                        listing.name
                    ));
                }
            }
        }
        problems.extend(self.feature_problems(root));
        problems.extend(self.playground_problems(root));
        for (dir, known) in [
            (
                BIN_DIR,
                self.listings.iter().map(|l| l.name.as_str()).collect::<BTreeSet<_>>(),
            ),
            (
                DIAGNOSTICS_DIR,
                self.diagnostics.iter().map(|d| d.name.as_str()).collect(),
            ),
        ] {
            for file in rust_files(&root.join(dir)) {
                let stem =
                    file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                if !known.contains(stem) {
                    problems
                        .push(format!("{dir}/{stem}.rs has no entry in {MANIFEST}"));
                }
            }
        }
        problems
    }
}

impl Manifest {
    /// A listing that needs cargo features must be a `[[bin]]` of
    /// `listings/Cargo.toml` with exactly those `required-features`, or
    /// `cargo run` would build it (and its dependencies) for everyone.
    fn feature_problems(&self, root: &Path) -> Vec<String> {
        let wanted: Vec<(&str, &[String])> = self
            .listings
            .iter()
            .map(|l| (l.name.as_str(), l.features.as_slice()))
            .collect();
        required_features_problems(
            root,
            "listings/Cargo.toml",
            CargoTarget::Bin,
            MANIFEST,
            &wanted,
        )
    }
}

/// A kind of cargo target: a `[[bin]]` or a `[[test]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CargoTarget {
    Bin,
    Test,
}

impl CargoTarget {
    fn key(self) -> &'static str {
        match self {
            CargoTarget::Bin => "bin",
            CargoTarget::Test => "test",
        }
    }
    fn noun(self) -> &'static str {
        match self {
            CargoTarget::Bin => "the binary",
            CargoTarget::Test => "the check program",
        }
    }
}

/// Keeps a manifest's `features` and Cargo.toml's `required-features` in
/// step: each of `wanted` (a name, and the cargo features it needs, listed in
/// `manifest`) must be a `[[bin]]` or `[[test]]` of the Cargo.toml at `path`
/// (relative to `root`) with exactly those `required-features`, and every
/// such target must be in `wanted`. A target that needs a feature and does
/// not require it would be built, with its dependencies, for everyone.
pub fn required_features_problems(
    root: &Path,
    path: &str,
    kind: CargoTarget,
    manifest: &str,
    wanted: &[(&str, &[String])],
) -> Vec<String> {
    #[derive(Deserialize)]
    struct Target {
        name: String,
        #[serde(default, rename = "required-features")]
        required_features: Vec<String>,
    }
    let table: toml::Table = match fs::read_to_string(root.join(path))
        .map_err(anyhow::Error::from)
        .and_then(|text| Ok(toml::from_str(&text)?))
    {
        Ok(table) => table,
        Err(_) if !root.join(path).exists() => toml::Table::new(),
        Err(error) => return vec![format!("{path} cannot be read: {error}")],
    };
    let targets: Vec<Target> = match table.get(kind.key()) {
        None => Vec::new(),
        Some(value) => match value.clone().try_into() {
            Ok(targets) => targets,
            Err(error) => {
                return vec![format!(
                    "{path} has a malformed [[{}]]: {error}",
                    kind.key()
                )];
            }
        },
    };
    let mut problems = Vec::new();
    for (name, features) in wanted {
        let declared = targets.iter().find(|t| t.name == *name);
        let required =
            declared.map(|t| t.required_features.clone()).unwrap_or_default();
        if required != *features {
            problems.push(format!(
                "`{name}` needs the features [{}] in {manifest}, but its `[[{}]]` in {path} has `required-features = [{}]`: make them the same",
                features.join(", "),
                kind.key(),
                required.join(", ")
            ));
        }
    }
    for target in &targets {
        if !wanted.iter().any(|(name, _)| *name == target.name) {
            problems.push(format!(
                "{path} declares {} `{}`, which is not in {manifest}",
                kind.noun(),
                target.name
            ));
        }
    }
    problems
}

impl Manifest {
    /// A listing that runs on the Rust playground is shown in a block with
    /// mdBook's Run button (` ```rust `); one that cannot is shown in a
    /// `rust,noplayground` block, and says why in `no_playground`.
    fn playground_problems(&self, root: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        for listing in &self.listings {
            let name = &listing.name;
            match listing.no_playground.as_deref() {
                Some(why) if why.trim().is_empty() => problems.push(format!(
                    "`{name}` is `no_playground` without a reason: say why it cannot run on the Rust playground"
                )),
                None if !listing.features.is_empty() => problems.push(format!(
                    "`{name}` needs the cargo features [{}], which the Rust playground does not have: set `no_playground = \"why\"` and show it in a `rust,noplayground` block",
                    listing.features.join(", ")
                )),
                _ => {}
            }
            let page = fs::read_to_string(root.join("src").join(&listing.chapter))
                .unwrap_or_default();
            let source = listing.source();
            for info in fences_including(&page, &source) {
                let no_playground = info.split([',', ' ', '\t']).any(|word| {
                    matches!(word, "noplayground" | "noplaypen" | "ignore")
                });
                match (&listing.no_playground, no_playground) {
                    (None, true) => problems.push(format!(
                        "src/{} shows {source} in a ```{info} block: it runs on the Rust playground, so show it in a ```rust block, with mdBook's Run button",
                        listing.chapter
                    )),
                    (Some(why), false) => problems.push(format!(
                        "src/{} shows {source} in a ```{info} block, with mdBook's Run button, but it cannot run on the Rust playground ({why}): make it ```rust,noplayground",
                        listing.chapter
                    )),
                    _ => {}
                }
            }
        }
        problems
    }
}

/// The info strings (`rust,noplayground`) of the fenced blocks of `page` whose
/// first line includes `source`.
fn fences_including(page: &str, source: &str) -> Vec<String> {
    let lines: Vec<&str> = page.lines().collect();
    lines
        .windows(2)
        .filter(|pair| pair[1].contains("{{#") && pair[1].contains(source))
        .filter_map(|pair| pair[0].trim().strip_prefix("```"))
        .map(|info| info.trim().to_string())
        .collect()
}

/// The `.rs` files directly inside `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_listings_and_diagnostics() {
        let manifest: Manifest = toml::from_str(
            r#"
            [[listing]]
            name = "a"
            chapter = "a.md"
            seconds = 0.6

            [[diagnostic]]
            name = "b"
            chapter = "a.md"
            expect = "futures do nothing"
            "#,
        )
        .unwrap();
        assert_eq!(manifest.listings[0].claimed_millis(), Some(600));
        assert_eq!(manifest.diagnostics[0].expect, "futures do nothing");
    }

    #[test]
    fn rejects_unknown_keys() {
        let result: Result<Manifest, _> = toml::from_str(
            "[[listing]]\nname = \"a\"\nchapter = \"a.md\"\nsecond = 2\n",
        );
        assert!(result.is_err());
    }

    #[test]
    fn an_unknown_listing_names_the_known_ones() {
        let manifest: Manifest =
            toml::from_str("[[listing]]\nname = \"a\"\nchapter = \"a.md\"\n").unwrap();
        let error = manifest.listing("nope").unwrap_err().to_string();
        assert!(
            error.contains("no listing named `nope`") && error.contains(": a"),
            "{error}"
        );
    }

    #[test]
    fn every_kind_of_claim_needs_its_proof() {
        let root = std::env::temp_dir()
            .join(format!("workbook-manifest-{}", std::process::id()));
        for dir in ["src", BIN_DIR, OUTPUT_DIR] {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        let mut page = String::new();
        for name in ["timed", "machine", "unexplained"] {
            fs::write(root.join(format!("{BIN_DIR}/{name}.rs")), "fn main() {}\n")
                .unwrap();
            fs::write(
                root.join(output_file(name)),
                "[ 0.00s] work started\n[ 1.00s] work finished\n",
            )
            .unwrap();
            page.push_str(&format!(
                "{BIN_DIR}/{name}.rs {} {}\n{{{{#timeline {name} Takeaway.}}}}\n",
                output_file(name),
                run_command(name, &[])
            ));
        }
        fs::write(root.join("src/one.md"), page).unwrap();
        let manifest: Manifest = toml::from_str(
            r#"
            [[listing]]
            name = "timed"
            chapter = "one.md"
            seconds = 1.0
            blocking = ["work", "nap"]

            [[listing]]
            name = "machine"
            chapter = "one.md"
            seconds = 1.0
            timings = "machine"
            wall_clock_only = "CPU-bound"

            [[listing]]
            name = "unexplained"
            chapter = "one.md"
            wall_clock_only = " "
            "#,
        )
        .unwrap();
        let problems = manifest.problems(&root);
        let _ = fs::remove_dir_all(&root);
        let expected = [
            "listings/src/bin/timed.rs claims 1 s but has no test on tokio's paused clock",
            "`timed` marks `nap` as blocking or working, but its output has no `nap started`",
            "`machine` has `timings = \"machine\"` and claims `seconds`",
            "listings/src/bin/machine.rs has `timings = \"machine\"` but no test of its relation",
            "`unexplained` is `wall_clock_only` without a reason",
        ];
        for text in expected {
            assert!(
                problems.iter().any(|p| p.starts_with(text)),
                "no “{text}” in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    #[test]
    fn only_listings_that_run_on_the_playground_have_a_run_button() {
        let root = std::env::temp_dir()
            .join(format!("workbook-playground-{}", std::process::id()));
        fs::create_dir_all(root.join("src")).unwrap();
        let include = |name: &str| {
            format!("{{{{#rustdoc_include ../{BIN_DIR}/{name}.rs:program}}}}\n```\n")
        };
        fs::write(
            root.join("src/one.md"),
            format!(
                "```rust\n{}```rust,noplayground\n{}```rust\n{}```rust,noplayground\n{}```rust,noplayground\n{}",
                include("runs"),
                include("runs_hidden"),
                include("local"),
                include("local_hidden"),
                include("unexplained"),
            ),
        )
        .unwrap();
        let manifest: Manifest = toml::from_str(
            r#"
            [[listing]]
            name = "runs"
            chapter = "one.md"

            [[listing]]
            name = "runs_hidden"
            chapter = "one.md"

            [[listing]]
            name = "local"
            chapter = "one.md"
            no_playground = "it talks to the listings' own server"

            [[listing]]
            name = "local_hidden"
            chapter = "one.md"
            no_playground = "it talks to the listings' own server"

            [[listing]]
            name = "unexplained"
            chapter = "one.md"
            no_playground = " "

            [[listing]]
            name = "http"
            chapter = "two.md"
            features = ["http"]
            "#,
        )
        .unwrap();
        let problems = manifest.playground_problems(&root);
        let _ = fs::remove_dir_all(&root);
        let expected = [
            "src/one.md shows listings/src/bin/runs_hidden.rs in a ```rust,noplayground block: it runs on the Rust playground",
            "src/one.md shows listings/src/bin/local.rs in a ```rust block, with mdBook's Run button, but it cannot run on the Rust playground (it talks to the listings' own server)",
            "`unexplained` is `no_playground` without a reason",
            "`http` needs the cargo features [http], which the Rust playground does not have",
        ];
        for text in expected {
            assert!(
                problems.iter().any(|p| p.starts_with(text)),
                "no “{text}” in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    #[test]
    fn a_listing_with_features_is_a_bin_that_requires_them() {
        let root = std::env::temp_dir()
            .join(format!("workbook-features-{}", std::process::id()));
        fs::create_dir_all(root.join("listings")).unwrap();
        fs::write(
            root.join("listings/Cargo.toml"),
            "[[bin]]\nname = \"fetch\"\nrequired-features = [\"http\"]\n\n[[bin]]\nname = \"stray\"\n",
        )
        .unwrap();
        let manifest: Manifest = toml::from_str(
            r#"
            [[listing]]
            name = "fetch"
            chapter = "one.md"
            features = ["http"]

            [[listing]]
            name = "plain"
            chapter = "one.md"

            [[listing]]
            name = "forgot"
            chapter = "one.md"
            features = ["http"]
            "#,
        )
        .unwrap();
        let problems = manifest.feature_problems(&root);
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            problems,
            [
                "`forgot` needs the features [http] in listings/listings.toml, but its `[[bin]]` in listings/Cargo.toml has `required-features = []`: make them the same",
                "listings/Cargo.toml declares the binary `stray`, which is not in listings/listings.toml",
            ]
        );
        assert_eq!(
            manifest.listing("fetch").unwrap().run_command(),
            "cargo run -p listings --features http --bin fetch"
        );
    }
}
