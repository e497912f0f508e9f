//! Bad input to `cargo xtask` gets one clear line and a non-zero exit, never a
//! panic trace or a page of usage.

use std::net::TcpListener;
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command.args(args);
    command
}

/// Asserts a failure with exactly one line on stderr containing `expected`.
fn assert_one_line_error(output: Output, code: i32, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "stderr: {stderr}");
    let lines: Vec<&str> =
        stderr.lines().filter(|l| !l.starts_with("Installing ")).collect();
    assert_eq!(lines.len(), 1, "one line expected, got:\n{stderr}");
    assert!(lines[0].contains(expected), "expected “{expected}” in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unknown_subcommand_says_where_the_commands_are() {
    let output = xtask(&["nope"]).output().unwrap();
    assert_one_line_error(
        output,
        2,
        "unrecognized subcommand 'nope' (run `cargo xtask --help`",
    );
}

#[test]
fn a_missing_argument_is_named_with_the_subcommand_help() {
    let output = xtask(&["timeline"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("(run `cargo xtask timeline --help`)"), "{stderr}");
    assert_one_line_error(output, 2, "not provided: <NAME>");
}

#[test]
fn an_unknown_listing_lists_the_real_ones() {
    let output = xtask(&["timeline", "nope"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("two_waits_joined"), "{stderr}");
    assert_one_line_error(output, 1, "no listing named `nope`");
}

#[test]
fn outputs_of_an_unknown_name_lists_listings_and_compiler_message_examples() {
    let output = xtask(&["outputs", "nope"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("two_waits_joined"), "{stderr}");
    assert!(
        stderr.contains("the compiler-message examples are: forgot_await"),
        "{stderr}"
    );
    assert_one_line_error(
        output,
        1,
        "no listing or compiler-message example named `nope`",
    );
}

#[test]
fn a_port_in_use_asks_for_another() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = xtask(&["serve", "--port", &port]).output().unwrap();
    assert_one_line_error(output, 1, &format!("cannot serve on 127.0.0.1:{port}"));
}

#[test]
fn a_tool_that_cannot_be_installed_says_why_and_what_to_do() {
    // An empty cargo home, offline: cargo install fails at once, as without network.
    let scratch =
        std::env::temp_dir().join(format!("workbook-no-tools-{}", std::process::id()));
    let output = xtask(&["tools"])
        .env("WORKBOOK_TOOLS", scratch.join("tools"))
        .env("CARGO_HOME", scratch.join("cargo-home"))
        .env("CARGO_NET_OFFLINE", "true")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&scratch);
    assert_one_line_error(output, 1, "could not install mdbook 0.4.52");
}

/// A stand-in for cargo: `install --locked --version V NAME --root ROOT` prints 45
/// `Compiling` lines and makes a NAME that reports version V; anything else, and
/// the NAME it made, fails with a line on stderr.
#[cfg(unix)]
const FAKE_CARGO: &str = r#"#!/bin/sh
if [ "$1" != install ]; then echo "cargo $1 complains" >&2; exit 1; fi
version=$4 name=$5 root=$7
for i in $(seq 45); do echo "   Compiling crate$i v1.0.0" >&2; done
mkdir -p "$root/bin"
printf '#!/bin/sh\n[ "$1" = --version ] && echo "%s v%s" && exit\necho "%s complains" >&2; exit 1\n' \
    "$name" "$version" "$name" > "$root/bin/$name"
chmod +x "$root/bin/$name"
"#;

/// `cargo xtask` with [`FAKE_CARGO`] in a fresh `scratch` folder, and a PATH
/// without the real book tools.
#[cfg(unix)]
fn xtask_with_fake_cargo(args: &[&str], scratch: &std::path::Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::remove_dir_all(scratch);
    std::fs::create_dir_all(scratch).unwrap();
    let cargo = scratch.join("cargo");
    std::fs::write(&cargo, FAKE_CARGO).unwrap();
    // axe-core, as `cargo xtask tools` leaves it, so that nothing is downloaded.
    let axe =
        scratch.join("tools").join(format!("axe-core-{}", xtask::cache::AXE_VERSION));
    std::fs::create_dir_all(&axe).unwrap();
    std::fs::write(axe.join("axe.min.js"), "// a stand-in for axe-core\n").unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::split_paths(&path).filter(|dir| {
        !["mdbook", "mdbook-admonish", "mdbook-quiz"]
            .iter()
            .any(|t| dir.join(t).exists())
    });
    let mut command = xtask(args);
    command
        .env("CARGO", cargo)
        .env("WORKBOOK_TOOLS", scratch.join("tools"))
        .env("PATH", std::env::join_paths(path).unwrap())
        .env("GIT_OPTIONAL_LOCKS", "0");
    command
}

/// A stand-in for curl that "downloads" something other than axe-core.
#[cfg(unix)]
const FAKE_CURL: &str = r#"#!/bin/sh
while [ $# -gt 0 ]; do
  if [ "$1" = --output ]; then shift; echo "not axe-core" > "$1"; fi
  shift
done
"#;

#[cfg(unix)]
#[test]
fn an_axe_core_tarball_that_is_not_the_pinned_one_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let scratch =
        std::env::temp_dir().join(format!("workbook-axe-{}", std::process::id()));
    let mut command = xtask_with_fake_cargo(&["tools"], &scratch);
    let axe =
        scratch.join("tools").join(format!("axe-core-{}", xtask::cache::AXE_VERSION));
    std::fs::remove_dir_all(&axe).unwrap();
    let bin = scratch.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("curl"), FAKE_CURL).unwrap();
    std::fs::set_permissions(bin.join("curl"), std::fs::Permissions::from_mode(0o755))
        .unwrap();
    let path = command
        .get_envs()
        .find(|(key, _)| *key == "PATH")
        .and_then(|(_, value)| value.map(|v| v.to_os_string()))
        .unwrap_or_default();
    let path = std::iter::once(bin).chain(std::env::split_paths(&path));
    command.env("PATH", std::env::join_paths(path).unwrap());
    let output = command.output().unwrap();
    let left = axe.exists();
    let _ = std::fs::remove_dir_all(&scratch);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("Installing ") && !l.starts_with("Fetching "))
        .collect();
    assert_eq!(lines.len(), 1, "one line expected, got:\n{stderr}");
    assert!(
        lines[0].starts_with(&format!(
            "error: refusing {}: its SHA-256 is ",
            xtask::cache::AXE_TARBALL
        )) && lines[0]
            .ends_with(&format!("not the pinned {}", xtask::cache::AXE_SHA256)),
        "{stderr}"
    );
    assert!(!left, "the refused tarball left {}", axe.display());
}

#[cfg(unix)]
#[test]
fn the_first_install_shows_its_progress() {
    let scratch = std::env::temp_dir()
        .join(format!("workbook-install-progress-{}", std::process::id()));
    let output = xtask_with_fake_cargo(&["tools"], &scratch).output().unwrap();
    let _ = std::fs::remove_dir_all(&scratch);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for line in [
        "Installing mdbook 0.4.52: 20 crates compiled, 0s",
        "Installing mdbook 0.4.52: 40 crates compiled, 0s",
        "Installing mdbook-quiz 0.4.0: done in 0s",
    ] {
        assert!(stderr.lines().any(|l| l == line), "no “{line}” in:\n{stderr}");
    }
    assert!(!stderr.contains("60 crates"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn the_test_log_on_stdout_holds_everything_in_order() {
    let scratch =
        std::env::temp_dir().join(format!("workbook-test-log-{}", std::process::id()));
    let output = xtask_with_fake_cargo(&["test"], &scratch).output().unwrap();
    let _ = std::fs::remove_dir_all(&scratch);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut rest = stdout.as_str();
    for expected in [
        "== format",
        "cargo fmt complains",
        "error: format: `cargo fmt --all --check` failed",
        "== clippy",
        "cargo clippy complains",
        "== tests",
        "cargo test complains",
        "== admonish css",
        "mdbook-admonish complains",
        "error: admonish css: `mdbook-admonish generate-custom` failed",
        "== book build, clean tree",
        "mdbook complains",
        "xtask: 0 passed, 5 failed",
    ] {
        let at = rest.find(expected).unwrap_or_else(|| {
            panic!("no “{expected}” (in this order) in stdout:\n{stdout}")
        });
        rest = &rest[at + expected.len()..];
    }
    assert_one_line_error(
        output,
        1,
        "failed: format, clippy, tests, admonish css, book build, clean tree",
    );
}

#[test]
fn an_unknown_exercise_names_the_real_ones() {
    for args in [
        &["lesson", "check", "nope"][..],
        &["lesson", "hint", "nope"],
        &["handout", "--out", "/tmp/x", "nope"],
    ] {
        let output = xtask(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(stderr.contains("concurrent_pages"), "{stderr}");
        assert_one_line_error(output, 1, "there is no exercise `nope`");
    }
}

#[test]
fn a_handout_needs_a_choice_and_grading_needs_real_submissions() {
    let output =
        xtask(&["handout", "--out", "/tmp/workbook-no-handout"]).output().unwrap();
    assert_one_line_error(
        output,
        1,
        "choose the exercises: their ids, --chapter NAME or --all",
    );
    let output = xtask(&["grade", "/nonexistent/student", "--report", "/tmp/r"])
        .output()
        .unwrap();
    assert_one_line_error(output, 1, "is not a submission: no such folder");
    let output = xtask(&["grade", "--report", "/tmp/r"]).output().unwrap();
    assert_one_line_error(output, 2, "<SUBMISSIONS>");
}
