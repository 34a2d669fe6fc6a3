//! Our own limits, so hostile input costs bounded time and memory. Each one
//! reached becomes a diagnostic; `docs/safety.md` says what each one does
//! when it is hit (one table, there).

/// Larger files are not read at all.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Larger front matter is not decoded.
pub const MAX_FRONT_MATTER_BYTES: usize = 1024 * 1024;
/// Deeper front matter is not decoded (the YAML parser slows down on deep nesting).
pub const MAX_FRONT_MATTER_DEPTH: usize = 100;
/// Cards past this many in one file are dropped, with a diagnostic.
pub const MAX_CARDS_PER_FILE: usize = 50_000;
/// Errors past this many in one file are counted, not listed.
pub const MAX_ERRORS_PER_FILE: usize = 100;
/// The inner text (between a card and its closing tag) kept for all the cards
/// of one file together. Cards nested in cards would otherwise copy the same
/// text once per level: quadratic memory from a file of a few megabytes.
pub const MAX_INNER_BYTES_PER_FILE: usize = 64 * 1024 * 1024;
