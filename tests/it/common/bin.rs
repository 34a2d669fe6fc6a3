//! The real binary run as a command, to its end: its exit code, stdout and
//! stderr. (In a terminal, it is `tmux.rs`.)

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// The binary with `NO_COLOR` unset, as most people run it.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_prosesser"));
    command.env_remove("NO_COLOR");
    command
}

/// `prosesser ARGS` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    command().args(args).current_dir(dir).output().unwrap()
}

/// `prosesser ARGS` in an empty folder of its own: with no path given, it
/// reads the handbook compiled in rather than a `data/` it stands beside.
pub fn run(args: &[&str]) -> Output {
    let elsewhere = tempfile::tempdir().unwrap();
    run_in(elsewhere.path(), args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that `prosesser ARGS` exited with `code`; when it did not, says
/// what it printed.
pub fn assert_exit(code: i32, args: &[&str], output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    );
}

/// `prosesser ARGS` in `dir`, asserted to exit 0; its stdout.
pub fn ok_in(dir: &Path, args: &[&str]) -> String {
    let output = run_in(dir, args);
    assert_exit(0, args, &output);
    stdout(&output)
}

/// `prosesser ARGS` in an empty folder, asserted to exit 0; its stdout.
pub fn ok(args: &[&str]) -> String {
    let elsewhere = tempfile::tempdir().unwrap();
    ok_in(elsewhere.path(), args)
}

/// `prosesser ARGS` in `dir`, asserted to exit 0; its stdout read as JSON.
pub fn json_in(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok_in(dir, args)).expect("valid JSON")
}

/// `prosesser ARGS` in an empty folder, asserted to exit 0; its stdout read
/// as JSON.
pub fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).expect("valid JSON")
}

/// Every card of a `list`/`search` JSON answer, in order.
pub fn cards(value: &Value) -> Vec<&Value> {
    value["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["cards"].as_array().unwrap())
        .collect()
}

/// The titles of every card of a `list`/`search` JSON answer, in order.
pub fn titles(value: &Value) -> Vec<&str> {
    cards(value)
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect()
}
