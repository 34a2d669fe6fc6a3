//! One file's bytes, anything at all, through the whole-file parser.
//!
//! Invariants: no panic; every card and diagnostic position is 1-based and lies
//! inside the file (a line that exists, a column at most one past its end).
#![no_main]

use libfuzzer_sys::fuzz_target;
use prosesser::parse::parse_document;

fuzz_target!(|data: &[u8]| {
    let (document, diagnostics) = parse_document("fuzz.md", data);
    let lines = LineTable::new(data);
    for d in &diagnostics {
        lines.check(d.line, d.column, &d.message);
        assert_eq!(d.path, "fuzz.md");
    }
    if let Some(document) = document {
        for card in &document.cards {
            lines.check(card.line, card.column, &card.shortcode);
        }
        assert!(document.cards.len() <= prosesser::parse::limits::MAX_CARDS_PER_FILE);
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.rule == prosesser::Rule::Shortcode)
        .count();
    assert!(errors <= prosesser::parse::limits::MAX_ERRORS_PER_FILE);
});

struct LineTable {
    /// Byte offset where each line starts, and the file length.
    starts: Vec<usize>,
    len: usize,
}

impl LineTable {
    fn new(data: &[u8]) -> Self {
        let starts = std::iter::once(0)
            .chain(data.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1))
            .collect();
        LineTable { starts, len: data.len() }
    }

    fn check(&self, line: u32, column: u32, what: &str) {
        assert!(line >= 1 && column >= 1, "{line}:{column} {what}");
        let line = line as usize;
        assert!(line <= self.starts.len(), "line {line} past the end: {what}");
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map(|s| s - 1).unwrap_or(self.len);
        assert!(
            start + column as usize - 1 <= end,
            "{line}:{column} past the end of its line: {what}"
        );
    }
}
