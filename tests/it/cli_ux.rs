//! The command line as its users expect it (issue 12), end to end through the
//! binary.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_prosesser");

/// Runs the binary in `dir` (a fresh empty folder when `None`).
fn run_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let elsewhere = tempfile::tempdir().unwrap();
    Command::new(BIN)
        .args(args)
        .current_dir(dir.unwrap_or(elsewhere.path()))
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    run_in(None, args)
}

fn out(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the exit code and returns (stdout, stderr).
fn exits(code: i32, args: &[&str]) -> (String, String) {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}\nstdout: {}\nstderr: {}",
        out(&output),
        err(&output)
    );
    (out(&output), err(&output))
}

fn ok(args: &[&str]) -> String {
    exits(0, args).0
}

// ---- Bug 1: a query may start with `-` ----

#[test]
fn a_query_may_start_with_a_hyphen_before_or_after_the_flags() {
    let negated = ok(&["search", "-tony"]);
    assert_eq!(negated, ok(&["search", "--", "-tony"]));
    assert!(!negated.contains("Tony"), "{negated}");
    // Every card but the two Tony Grimstad leads: seven rows and a header.
    assert_eq!(negated.lines().count(), 8, "{negated}");
    let csv = ok(&["search", "-f", "csv", "-tony"]);
    assert_eq!(csv, ok(&["search", "-tony", "-f", "csv"]));
    assert_eq!(csv, ok(&["search", "--format=csv", "-tony"]));
    assert_eq!(csv.lines().count(), 8);
    // A scoped negation, and the flags still work as flags.
    let scoped = ok(&["search", "-eier:hanne", "--lang", "en"]);
    assert!(scoped.starts_with("Title"), "{scoped}");
    assert!(!scoped.contains("Hanne Lauritsen"), "{scoped}");
    assert!(ok(&["search", "-h"]).contains("Usage: prosesser search"));
    let (_, missing) = exits(2, &["search", "-f"]);
    assert!(missing.contains("--format"), "{missing}");
}
