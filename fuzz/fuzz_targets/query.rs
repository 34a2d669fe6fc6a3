//! Any text as a search query, run against the seed page.
//!
//! Invariants: no panic; an error points at a character boundary inside the
//! query; every match is a range on character boundaries of its field's text;
//! a card that matches has a score and appears among the hits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prosesser::Handbook;
use prosesser::load::{Source, load_sources};
use prosesser::query::{Query, search_handbook};
use std::sync::OnceLock;

fn seed() -> &'static Handbook {
    static SEED: OnceLock<Handbook> = OnceLock::new();
    SEED.get_or_init(|| {
        load_sources(vec![Source {
            path: "utvikling-drift.md".into(),
            file: None,
            bytes: include_bytes!("../../data/prosesser/utvikling-drift.md").to_vec(),
        }])
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let query = match Query::parse(input) {
        Ok(q) => q,
        Err(e) => {
            assert!(e.offset <= input.len(), "{e}");
            assert!(input.is_char_boundary(e.offset), "{e}");
            return;
        }
    };
    assert_eq!(query.source(), input);
    let handbook = seed();
    let hits = search_handbook(handbook, &query);
    for (id, card) in handbook.cards() {
        let matches = query.matches(card);
        for m in &matches {
            let text = card.text(m.field);
            assert!(m.range.start <= m.range.end && m.range.end <= text.len(), "{m:?}");
            assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
        }
        let document = handbook.document_of(id).expect("the card's document");
        if query.score(document, card).is_some() {
            assert!(hits.iter().any(|h| h.card == id), "{input:?} scores a card it does not find");
        }
    }
});
