//! Which files are content: the one rule shared by the loader's walk, the
//! browser's live reload and `build.rs` (which compiles `data/` into the
//! binary), so the three cannot disagree about a file.
//!
//! A content file is a `.md` or `.markdown` file (the extension in any case)
//! reached without passing a hidden entry (a name that starts with `.`:
//! `.git`, editor swap files such as `.page.md.swp`).
//!
//! This file uses nothing from the crate: `build.rs` includes it with
//! `#[path]`, because a build script cannot depend on the crate it builds.

/// Whether a file or folder of this name is hidden: the walk skips it, and
/// everything under it.
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Whether a file of this name holds content: `.md` or `.markdown`, the
/// extension in any case.
pub fn is_content_name(name: &str) -> bool {
    ends_with_ignoring_case(name, ".md") || ends_with_ignoring_case(name, ".markdown")
}

fn ends_with_ignoring_case(name: &str, suffix: &str) -> bool {
    let (name, suffix) = (name.as_bytes(), suffix.as_bytes());
    name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_extensions_in_any_case_are_content() {
        for name in ["a.md", "A.MD", "side.Markdown", "æøå.md", ".md"] {
            assert!(is_content_name(name), "{name}");
        }
        for name in [
            "a.mdx",
            "a.md.swp",
            "a.txt",
            "md",
            "amd",
            "a.markdow",
            "",
            "ø",
        ] {
            assert!(!is_content_name(name), "{name}");
        }
    }

    #[test]
    fn a_leading_dot_hides() {
        assert!(is_hidden(".git"));
        assert!(is_hidden(".side.md.swp"));
        assert!(!is_hidden("side.md"));
        assert!(!is_hidden("a.b"));
    }
}
