//! Compiles the handbook in `data/` into the binary, so `prosesser` with no path
//! works from any directory. Writes `$OUT_DIR/embedded_data.rs`: a sorted list of
//! (path relative to `data/` with `/`, bytes) pairs, read by `src/cli/embedded.rs`.

// The rule for which files are content, shared with the loader.
#[path = "src/load/content.rs"]
mod content;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=data");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest.join("data");
    let mut files = Vec::new();
    if root.is_dir() {
        walk(&root, "", &mut files);
    }
    files.sort();

    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in &files {
        let absolute = absolute
            .to_str()
            .unwrap_or_else(|| panic!("data file path is not UTF-8: {}", absolute.display()));
        // Debug formatting of a str is a valid Rust string literal.
        writeln!(code, "    ({relative:?}, include_bytes!({absolute:?})),").unwrap();
    }
    code.push_str("];\n");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    fs::write(out.join("embedded_data.rs"), code).expect("write embedded_data.rs");
}

/// Content files under `dir`, as the loader picks them (`src/load/content.rs`);
/// symlinks not followed.
fn walk(dir: &Path, prefix: &str, files: &mut Vec<(String, PathBuf)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if content::is_hidden(name) {
            continue;
        }
        let path = entry.path();
        let kind = entry
            .file_type()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let relative = format!("{prefix}{name}");
        if kind.is_dir() {
            walk(&path, &format!("{relative}/"), files);
        } else if kind.is_file() && content::is_content_name(name) {
            files.push((relative, path));
        }
    }
}
