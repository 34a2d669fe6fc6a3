//! A few files at once through the loader: the input is split on a byte 0xFF
//! 0xFE marker into up to four files.
//!
//! Invariants: no panic; every file ends up as a document or with an error
//! diagnostic naming it; diagnostics are sorted; counts add up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prosesser::load::{Source, load_sources};

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while parts.len() < 3 {
        match rest.windows(2).position(|w| w == [0xFF, 0xFE]) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    let sources: Vec<Source> = parts
        .iter()
        .enumerate()
        .map(|(i, bytes)| Source {
            path: format!("dir/file{i}.md"),
            file: None,
            bytes: bytes.to_vec(),
        })
        .collect();
    let handbook = load_sources(sources);
    for i in 0..parts.len() {
        let path = format!("dir/file{i}.md");
        let loaded = handbook.documents.iter().any(|d| d.path == path);
        let refused = handbook
            .diagnostics
            .iter()
            .any(|d| d.path == path && d.severity == prosesser::Severity::Error);
        assert!(loaded || refused, "{path} vanished");
    }
    assert!(handbook.documents.len() <= parts.len());
    let cards: usize = handbook.documents.iter().map(|d| d.cards.len()).sum();
    assert_eq!(cards, handbook.card_count());
    assert_eq!(handbook.cards().count(), cards);
    assert!(handbook.diagnostics.windows(2).all(|w| {
        (&w[0].path, w[0].line, w[0].column) <= (&w[1].path, w[1].line, w[1].column)
    }));
});
