//! `cargo xtask`: build, serve and test the async Rust workbook.

mod tools;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use xtask::manifest::{Manifest, output_file};
use xtask::{diagnostics, output, preprocess, run, timeline, workspace_root};

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
    /// Run one listing and draw its timeline in the terminal.
    Timeline {
        /// The listing, as named in listings/listings.toml.
        name: String,
    },
    /// Install the pinned mdBook tools now (serve, build and test do it when needed).
    Tools,
    /// The book's mdBook preprocessor (run by mdBook, not by hand).
    #[command(hide = true)]
    Preprocess { args: Vec<String> },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let text = error.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            eprintln!("{first} (run `cargo xtask --help` for the commands)");
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

fn run_task(task: Task) -> Result<()> {
    let root = workspace_root();
    match task {
        Task::Serve { port, open } => serve(&root, port, open),
        Task::Build => build_book(&root),
        Task::Test => test(&root),
        Task::Outputs { names } => outputs(&root, &names),
        Task::Timeline { name } => draw_timeline(&root, &name),
        Task::Tools => {
            tools::ensure()?;
            for (name, version) in tools::TOOLS {
                println!("{name} {version}");
            }
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

/// Runs cargo in the workspace root, failing if it fails.
fn cargo(root: &Path, args: &[&str]) -> Result<()> {
    let status =
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(root)
            .args(args)
            .status()
            .with_context(|| format!("cannot run cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("`cargo {}` failed", args.join(" "));
    }
    Ok(())
}

fn mdbook(root: &Path, path: &OsString, args: &[&str]) -> Result<()> {
    let status = Command::new("mdbook")
        .current_dir(root)
        .env("PATH", path)
        .args(args)
        .status()
        .context("cannot run mdbook")?;
    if !status.success() {
        bail!("`mdbook {}` failed", args.join(" "));
    }
    Ok(())
}

fn serve(root: &Path, port: u16, open: bool) -> Result<()> {
    if let Err(error) = TcpListener::bind(("127.0.0.1", port)) {
        bail!(
            "cannot serve on 127.0.0.1:{port} ({error}); pick a free port with `cargo xtask serve --port N`"
        );
    }
    let path = tools::ensure()?;
    let port = port.to_string();
    let mut args = vec!["serve", "--hostname", "127.0.0.1", "--port", &port];
    if open {
        args.push("--open");
    }
    println!("Serving the workbook at http://127.0.0.1:{port}/ (Ctrl-C stops it)");
    mdbook(root, &path, &args)
}

fn build_book(root: &Path) -> Result<()> {
    let path = tools::ensure()?;
    mdbook(root, &path, &["build"])?;
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

/// `git status` of everything but ignored files, to see what a build changed.
fn tree_status(root: &Path) -> Result<String> {
    let out = Command::new("git")
        .current_dir(root)
        .args(["status", "--porcelain", "--untracked-files=all"])
        .output()
        .context("cannot run git")?;
    if !out.status.success() {
        bail!("git status failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn book_leaves_tree_clean(root: &Path) -> Result<()> {
    let before = tree_status(root)?;
    build_book(root)?;
    let after = tree_status(root)?;
    if before != after {
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
    let status = Command::new("mdbook-admonish")
        .current_dir(root)
        .env("PATH", &path)
        .env("RUST_LOG", "warn")
        .arg("generate-custom")
        .arg(&fresh)
        .status()?;
    if !status.success() {
        bail!("mdbook-admonish generate-custom failed");
    }
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

fn test(root: &Path) -> Result<()> {
    let steps: [(&str, &dyn Fn() -> Result<()>); 5] = [
        ("format", &|| cargo(root, &["fmt", "--all", "--check"])),
        ("clippy", &|| {
            cargo(
                root,
                &[
                    "clippy",
                    "--quiet",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        }),
        ("tests", &|| cargo(root, &["test", "--workspace", "--no-fail-fast"])),
        ("admonish css", &|| admonish_css_is_current(root)),
        ("book build, clean tree", &|| book_leaves_tree_clean(root)),
    ];
    let total = steps.len();
    let mut failed = Vec::new();
    for (name, step) in steps {
        eprintln!("\n== {name}");
        if let Err(error) = step() {
            eprintln!("error: {name}: {error:#}");
            failed.push(name);
        }
    }
    let passed = total - failed.len();
    println!("\nxtask: {passed} passed, {} failed", failed.len());
    if !failed.is_empty() {
        bail!("failed: {}", failed.join(", "));
    }
    Ok(())
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

fn outputs(root: &Path, names: &[String]) -> Result<()> {
    let manifest = Manifest::load(root)?;
    let known = |name: &str| {
        manifest.listings.iter().any(|l| l.name == name)
            || manifest.diagnostics.iter().any(|d| d.name == name)
    };
    if let Some(unknown) = names.iter().find(|n| !known(n)) {
        manifest.listing(unknown)?; // Its error names the known listings.
    }
    let wanted = |name: &str| names.is_empty() || names.iter().any(|n| n == name);
    let listings: Vec<_> =
        manifest.listings.iter().filter(|l| wanted(&l.name)).collect();
    let mut problems = Vec::new();
    if !listings.is_empty() {
        cargo(root, &["build", "--quiet", "-p", "listings", "--bins"])?;
        let bin_dir = target_dir(root).join("debug");
        let names: Vec<&str> = listings.iter().map(|l| l.name.as_str()).collect();
        for (listing, result) in listings.iter().zip(run::run_all(&bin_dir, &names)) {
            let checked = result.and_then(|run| {
                if let Some(claimed) = listing.seconds {
                    let measured = run.elapsed.as_secs_f64();
                    if let Err(why) = output::check_claim(claimed, measured) {
                        bail!("not written: {why}; rerun on a quieter machine");
                    }
                    output::timeline(&run.stdout)?;
                }
                Ok(run)
            });
            match checked {
                Ok(run) => {
                    std::fs::write(root.join(output_file(&listing.name)), &run.stdout)?;
                    println!(
                        "{:<28} {:>6.2}s  → {}",
                        listing.name,
                        run.elapsed.as_secs_f64(),
                        output_file(&listing.name)
                    );
                }
                Err(error) => problems.push(format!("{}: {error:#}", listing.name)),
            }
        }
    }
    for diagnostic in manifest.diagnostics.iter().filter(|d| wanted(&d.name)) {
        let captured = diagnostics::capture(root, diagnostic);
        match captured {
            Ok(text) => {
                std::fs::write(root.join(output_file(&diagnostic.name)), text)?;
                println!(
                    "{:<28} {:>7}  → {}",
                    diagnostic.name,
                    "rustc",
                    output_file(&diagnostic.name)
                );
            }
            Err(error) => problems.push(format!("{}: {error:#}", diagnostic.name)),
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

fn draw_timeline(root: &Path, name: &str) -> Result<()> {
    let manifest = Manifest::load(root)?;
    manifest.listing(name)?;
    cargo(root, &["build", "--quiet", "-p", "listings", "--bin", name])?;
    let run = run::run_one(&target_dir(root).join("debug"), name)?;
    print!("{}", run.stdout);
    let drawn = output::timeline(&run.stdout)?;
    if drawn.spans.is_empty() {
        bail!(
            "`{name}` printed no `started`/`finished` events, so there is no timeline to draw"
        );
    }
    println!("\n{}", timeline::text(&drawn, 60));
    println!("whole run, measured from outside: {:.2}s", run.elapsed.as_secs_f64());
    Ok(())
}
