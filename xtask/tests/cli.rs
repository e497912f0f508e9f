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
fn an_unknown_listing_lists_the_real_ones() {
    for args in [["timeline", "nope"], ["outputs", "nope"]] {
        let output = xtask(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(stderr.contains("two_waits_joined"), "{stderr}");
        assert_one_line_error(output, 1, "no listing named `nope`");
    }
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
