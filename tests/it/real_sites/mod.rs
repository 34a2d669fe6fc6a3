//! Issue 9, through the binary on `tests/fixtures/handboka/`: a small Hugo
//! site with the shapes of a real department handbook (its own shortcode
//! templates, process, section and team pages).

mod cards;
mod check;
mod people;
mod reload;
pub mod time_zone;
mod tui;

pub use crate::common::bin::{cards, run_in, stderr, stdout, titles};

use crate::common::bin::{json_in, ok_in};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The folder holding the fixture site, so tests can run from beside it.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The fixture site's root, absolute.
pub fn site() -> String {
    fixtures().join("handboka").to_str().unwrap().to_owned()
}

/// Runs in the fixtures folder, asserts exit 0, returns stdout.
pub fn ok(args: &[&str]) -> String {
    ok_in(&fixtures(), args)
}

/// Runs in the fixtures folder, asserts exit 0, reads stdout as JSON.
pub fn json(args: &[&str]) -> Value {
    json_in(&fixtures(), args)
}

/// The titles `search QUERY handboka` finds, in rank order; exit 1 exactly
/// when there are none (as grep).
pub fn found(query: &str) -> Vec<String> {
    let output = run_in(&fixtures(), &["search", query, "handboka", "-f", "json"]);
    let value: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let titles: Vec<String> = titles(&value).iter().map(|t| t.to_string()).collect();
    let expected = if titles.is_empty() { 1 } else { 0 };
    assert_eq!(
        output.status.code(),
        Some(expected),
        "{query}: {}",
        stderr(&output)
    );
    titles
}

/// A copy of the fixture site in a temporary folder, to add files to.
pub fn site_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&fixtures().join("handboka"), dir.path());
    dir
}

/// Writes `text` to `root/relative`, making folders as needed.
pub fn write(root: &Path, relative: &str, text: &str) {
    let file = root.join(relative);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

/// The nine process cards of the fixture, in Hugo's page order.
pub const NINE: [&str; 9] = [
    "Portefølje",
    "Strategi/design",
    "Marked",
    "Kundeservice",
    "Behov",
    "Utvikling",
    "Release",
    "Kvalitetsstyring",
    "Intern service",
];
