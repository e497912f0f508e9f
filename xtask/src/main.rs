//! `cargo xtask`: build, serve and test the async Rust workbook.

mod bench;
mod lesson_cli;
mod outputs;
mod test_runner;
mod tools;

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, Parser, Subcommand};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use xtask::lessons::manifest::LESSONS_DIR;
use xtask::lessons::{self, Exercise, Lessons};
use xtask::manifest::Manifest;
use xtask::{output, preprocess, run, timeline, workspace_root};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Build, serve and test the async Rust workbook."
)]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Serve the book on 127.0.0.1, rebuilding when a chapter, listing or quiz changes.
    Serve {
        /// The port to serve on.
        #[arg(long, short, default_value_t = 3000)]
        port: u16,
        /// Open the book in a browser too.
        #[arg(long)]
        open: bool,
    },
    /// Build the book into book/.
    Build,
    /// Run every check: format, clippy, all tests, and a book build that must leave the tree clean.
    Test,
    /// Rerun listings (all, or the named ones) and rewrite their captured output in listings/output/.
    Outputs {
        /// Listing or diagnostic names; none means all of them.
        names: Vec<String>,
    },
    /// Run the benchmarks and check the bounds promised for them: the benchmark listings (built with --release, beside their Python counterparts) and a reader's first builds.
    Bench {
        /// Only these; none means all.
        which: Option<bench::Which>,
    },
    /// Run one listing and draw its timeline in the terminal.
    Timeline {
        /// The listing, as named in listings/listings.toml.
        name: String,
    },
    /// The exercises: list, check, hint, watch, reset, solution (`cargo lesson ...`).
    Lesson {
        #[command(subcommand)]
        command: lesson_cli::LessonCommand,
    },
    /// Write a standalone project of exercises for students: starters, checks, hints, no solutions.
    Handout {
        /// The folder to write it into (emptied first).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        choice: Choice,
    },
    /// Grade students' submitted handouts, one folder each.
    Grade {
        /// The submissions: one folder per student, named for the student.
        #[arg(required = true)]
        submissions: Vec<PathBuf>,
        /// Where to write grades.json and grades.csv.
        #[arg(long)]
        report: PathBuf,
        /// Grade only these exercises (repeat it); all of them by default.
        #[arg(long = "exercise", value_name = "ID")]
        ids: Vec<String>,
        /// Grade only a chapter's exercises.
        #[arg(long)]
        chapter: Option<String>,
        /// At most this many seconds for each exercise's checks.
        #[arg(long)]
        limit: Option<u64>,
    },
    /// Install the pinned mdBook tools and fetch axe-core for the browser tests now (serve, build and test do it when needed).
    Tools,
    /// The book's mdBook preprocessor (run by mdBook, not by hand).
    #[command(hide = true)]
    Preprocess { args: Vec<String> },
}

/// Which exercises: their ids, a chapter's, or all of them.
#[derive(clap::Args)]
struct Choice {
    /// Exercise ids.
    ids: Vec<String>,
    /// Every exercise of a chapter (`tasks` or `tasks.md`).
    #[arg(long)]
    chapter: Option<String>,
    /// Every exercise.
    #[arg(long)]
    all: bool,
}

impl Choice {
    fn pick<'a>(
        &self,
        lessons: &'a Lessons,
        all_by_default: bool,
    ) -> Result<Vec<&'a Exercise>> {
        if let Some(chapter) = &self.chapter {
            let page = format!("{}.md", chapter.trim_end_matches(".md"));
            let chosen: Vec<_> =
                lessons.exercises.iter().filter(|e| e.chapter == page).collect();
            if chosen.is_empty() {
                bail!(
                    "no exercise belongs to the chapter `{chapter}` (see `cargo lesson list`)"
                );
            }
            return Ok(chosen);
        }
        if self.all || (self.ids.is_empty() && all_by_default) {
            return Ok(lessons.exercises.iter().collect());
        }
        if self.ids.is_empty() {
            bail!("choose the exercises: their ids, --chapter NAME or --all");
        }
        self.ids.iter().map(|id| lessons.exercise(id)).collect()
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!(
                "{}",
                usage_error(&error.to_string(), std::env::args_os().nth(1))
            );
            return ExitCode::from(2);
        }
    };
    match run_task(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// clap's error `text` in one line: its first paragraph, any tip it gives, and
/// the help to read, that of the subcommand if `first_arg` names one.
fn usage_error(text: &str, first_arg: Option<OsString>) -> String {
    let (head, rest) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut line = head.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    for tip in rest.lines().filter_map(|l| l.trim().strip_prefix("tip: ")) {
        line = format!("{line}; {tip}");
    }
    let command = Cli::command();
    let help = match first_arg.and_then(|arg| command.find_subcommand(arg)) {
        Some(sub) => format!("cargo xtask {} --help", sub.get_name()),
        None => "cargo xtask --help".to_string(),
    };
    format!("{line} (run `{help}`)")
}

fn run_task(task: Task) -> Result<()> {
    let root = workspace_root();
    match task {
        Task::Serve { port, open } => serve(&root, port, open),
        Task::Build => build_book(&root, Stderr::Inherit),
        Task::Test => test(&root),
        Task::Outputs { names } => outputs::capture(&root, &names),
        Task::Timeline { name } => draw_timeline(&root, &name),
        Task::Bench { which } => bench::bench(&root, which),
        Task::Lesson { command } => lesson_cli::run(&root, command),
        Task::Handout { out, choice } => {
            let lessons = Lessons::load(&root.join(LESSONS_DIR))?;
            let chosen = choice.pick(&lessons, false)?;
            lessons::handout::write(&root, &out, &chosen)?;
            println!(
                "wrote a handout of {} exercises into {}",
                chosen.len(),
                out.display()
            );
            Ok(())
        }
        Task::Grade { submissions, report, ids, chapter, limit } => {
            let lessons = Lessons::load(&root.join(LESSONS_DIR))?;
            let choice = Choice { ids, chapter, all: false };
            let chosen = choice.pick(&lessons, true)?;
            let results = lessons::grade::grade(&root, &submissions, &chosen, limit)?;
            print!("{}", lessons::grade::table(&results, &chosen));
            lessons::grade::write_report(&report, &results)?;
            println!("wrote {0}/grades.json and {0}/grades.csv", report.display());
            Ok(())
        }
        Task::Tools => {
            tools::ensure()?;
            for (name, version) in tools::TOOLS {
                println!("{name} {version}");
            }
            let axe = tools::ensure_axe()?;
            println!("axe-core {} ({})", xtask::cache::AXE_VERSION, axe.display());
            println!("cached in {}", tools::cache_dir().display());
            Ok(())
        }
        Task::Preprocess { args } => {
            if args.first().map(String::as_str) == Some("supports") {
                return Ok(()); // It only rewrites Markdown: every renderer is fine.
            }
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input)?;
            let book = preprocess::run(&input)?;
            std::io::stdout().write_all(book.as_bytes())?;
            Ok(())
        }
    }
}

/// Where the programs xtask runs write their stderr.
#[derive(Clone, Copy)]
enum Stderr {
    /// To xtask's own stderr.
    Inherit,
    /// To stdout, so that `cargo xtask test > log` holds everything, in order.
    ToStdout,
}

/// Runs `command` (shown as `what` in errors) to its end, failing if it fails.
fn execute(command: &mut Command, stderr: Stderr, what: &str) -> Result<()> {
    if let Stderr::ToStdout = stderr {
        std::io::stdout().flush()?;
        command.stderr(std::io::stdout());
    }
    let status = command.status().with_context(|| format!("cannot run {what}"))?;
    if !status.success() {
        bail!("`{what}` failed");
    }
    Ok(())
}

/// Runs cargo in the workspace root, failing if it fails.
fn cargo(root: &Path, args: &[&str]) -> Result<()> {
    cargo_with(root, args, Stderr::Inherit)
}

/// Like [`cargo`], with cargo's stderr sent where `stderr` says.
fn cargo_with(root: &Path, args: &[&str], stderr: Stderr) -> Result<()> {
    let mut command = xtask::cargo_command();
    command.current_dir(root).args(args);
    execute(&mut command, stderr, &format!("cargo {}", args.join(" ")))
}

/// Runs mdbook in the workspace root, found on `path`, failing if it fails.
fn mdbook(root: &Path, path: &OsString, args: &[&str], stderr: Stderr) -> Result<()> {
    let mut command = Command::new("mdbook");
    command.current_dir(root).env("PATH", path).args(args);
    execute(&mut command, stderr, &format!("mdbook {}", args.join(" ")))
}

/// The port to serve on: `port` if it is free, or for 0 a free one the OS picks.
fn free_port(port: u16) -> Result<u16> {
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(error) => bail!(
            "cannot serve on 127.0.0.1:{port} ({error}); pick a free port with `cargo xtask serve --port N`"
        ),
    };
    Ok(listener.local_addr().context("cannot read the port the OS picked")?.port())
}

fn serve(root: &Path, port: u16, open: bool) -> Result<()> {
    let port = free_port(port)?.to_string();
    let path = tools::ensure()?;
    let mut args = vec!["serve", "--hostname", "127.0.0.1", "--port", &port];
    if open {
        args.push("--open");
    }
    println!("Serving the workbook at http://127.0.0.1:{port}/ (Ctrl-C stops it)");
    mdbook(root, &path, &args, Stderr::Inherit)
}

fn build_book(root: &Path, stderr: Stderr) -> Result<()> {
    let path = tools::ensure()?;
    mdbook(root, &path, &["build"], stderr)?;
    check_built_book(root)
}

/// Every directive must have been expanded: one that mdBook could not resolve
/// (a missing file, say) is left in the page as text.
fn check_built_book(root: &Path) -> Result<()> {
    let mut leftovers = Vec::new();
    for entry in std::fs::read_dir(root.join("book"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path)?;
            if html.contains("{{#") {
                leftovers.push(
                    path.file_name().unwrap_or_default().to_string_lossy().to_string(),
                );
            }
        }
    }
    if !leftovers.is_empty() {
        bail!(
            "a `{{{{#...}}}}` directive was left unexpanded in book/{}",
            leftovers.join(", book/")
        );
    }
    Ok(())
}

/// What git sees of the work tree: the status of everything but ignored files,
/// then the diff of tracked files, so that a build that changes a file that
/// was already changed is noticed too.
fn tree_status(root: &Path) -> Result<(String, String)> {
    let git = |args: &[&str]| -> Result<String> {
        let out = Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .context("cannot run git")?;
        if !out.status.success() {
            bail!(
                "git {} failed: {}",
                args[0],
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let status = git(&["status", "--porcelain", "--untracked-files=all"])?;
    let diff = git(&["diff", "--no-ext-diff", "HEAD"])?;
    Ok((status, diff))
}

/// Builds the book and checks that the work tree is as it was `before` (taken
/// when `cargo xtask test` started: the browser tests build the book too).
fn book_leaves_tree_clean(root: &Path, before: &(String, String)) -> Result<()> {
    let (before, diff_before) = before;
    build_book(root, Stderr::ToStdout)?;
    let (after, diff_after) = tree_status(root)?;
    if *before != after || *diff_before != diff_after {
        bail!(
            "building the book changed the work tree (commit what it wrote, quiz ids say):\nbefore:\n{before}after:\n{after}"
        );
    }
    Ok(())
}

/// The custom admonition CSS must be what mdbook-admonish makes of book.toml.
fn admonish_css_is_current(root: &Path) -> Result<()> {
    let path = tools::ensure()?;
    let fresh = std::env::temp_dir()
        .join(format!("workbook-admonish-{}.css", std::process::id()));
    let mut command = Command::new("mdbook-admonish");
    command.current_dir(root).env("PATH", &path).env("RUST_LOG", "warn");
    command.arg("generate-custom").arg(&fresh);
    execute(&mut command, Stderr::ToStdout, "mdbook-admonish generate-custom")?;
    let fresh_css = std::fs::read_to_string(&fresh)?;
    let _ = std::fs::remove_file(&fresh);
    let committed = std::fs::read_to_string(root.join(CUSTOM_CSS)).unwrap_or_default();
    if fresh_css != committed {
        bail!(
            "{CUSTOM_CSS} is stale: run `mdbook-admonish generate-custom {CUSTOM_CSS}` (after `cargo xtask tools`)"
        );
    }
    Ok(())
}

/// The CSS of the book's own admonition kinds, generated from book.toml.
const CUSTOM_CSS: &str = "theme/admonish-custom.css";

/// Runs every check, writing all it prints, and all its programs print, to stdout.
fn test(root: &Path) -> Result<()> {
    let cargo = |args: &[&str]| cargo_with(root, args, Stderr::ToStdout);
    let tree_at_start = tree_status(root)?;
    // Set-up, not a test: the browser tests read axe-core from the cache and
    // never download. If it cannot be fetched, they say so and fail.
    if let Err(error) = tools::ensure_axe() {
        println!("error: {error:#}");
    }
    let steps: [(&str, &dyn Fn() -> Result<()>); 5] = [
        ("format", &|| cargo(&["fmt", "--all", "--check"])),
        ("clippy", &|| {
            cargo(&[
                "clippy",
                "--quiet",
                "--workspace",
                "--all-targets",
                // The listings behind a feature (`http`) too.
                "--all-features",
                "--",
                "-D",
                "warnings",
            ])
        }),
        // Like `cargo test --workspace --all-features`, in parallel groups.
        ("tests", &|| test_runner::run(root)),
        ("admonish css", &|| admonish_css_is_current(root)),
        ("book build, clean tree", &|| book_leaves_tree_clean(root, &tree_at_start)),
    ];
    let total = steps.len();
    let mut failed = Vec::new();
    for (name, step) in steps {
        println!("\n== {name}");
        if let Err(error) = step() {
            println!("error: {name}: {error:#}");
            failed.push(name);
        }
    }
    wall_clock_only(root);
    let passed = total - failed.len();
    println!("\nxtask: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        bail!("failed: {}", failed.join(", "));
    }
    Ok(())
}

/// Names the listings proven on the wall clock alone, so that they stay few.
fn wall_clock_only(root: &Path) {
    let Ok(manifest) = Manifest::load(root) else {
        return; // The tests have said what is wrong with it.
    };
    let listed: Vec<_> = manifest
        .listings
        .iter()
        .filter_map(|l| Some((&l.name, l.wall_clock_only.as_ref()?)))
        .collect();
    if !listed.is_empty() {
        println!("\nProven on the wall clock alone, not on tokio's paused clock:");
        for (name, why) in listed {
            println!("  {name}: {why}");
        }
    }
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

fn draw_timeline(root: &Path, name: &str) -> Result<()> {
    let manifest = Manifest::load(root)?;
    let listing = manifest.listing(name)?;
    cargo(
        root,
        &["build", "--quiet", "-p", "listings", "--all-features", "--bin", name],
    )?;
    let run = run::run_one(&target_dir(root).join("debug"), name)?;
    print!("{}", run.stdout);
    let mut drawn = output::timeline(&run.stdout)?;
    for span in &mut drawn.spans {
        span.kind = listing.kind_of(&span.label);
    }
    if drawn.spans.is_empty() {
        bail!(
            "`{name}` printed no `started`/`finished` events, so there is no timeline to draw"
        );
    }
    println!("\n{}", timeline::text(&drawn, 60));
    println!("whole run, measured from outside: {:.2}s", run.elapsed.as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_zero_becomes_a_free_port() {
        let port = free_port(0).unwrap();
        assert_ne!(port, 0);
        TcpListener::bind(("127.0.0.1", port)).expect("the port was given back");
    }
}
