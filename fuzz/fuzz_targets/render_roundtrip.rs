//! Every card the parser finds in any input, rendered back with
//! `render_card` and parsed again, is the same card (or `render_card` says
//! why it has no faithful spelling).
#![no_main]

use libfuzzer_sys::fuzz_target;
use prosesser::parse::{parse_document, render_card};

fuzz_target!(|data: &[u8]| {
    let (Some(document), _) = parse_document("fuzz.md", data) else { return };
    for card in document.cards.iter().take(20) {
        let Ok(text) = render_card(card) else { continue };
        let file = format!("Intro\n{text}\n");
        let (again, diagnostics) = parse_document("again.md", file.as_bytes());
        assert!(diagnostics.is_empty(), "{text:?}: {diagnostics:?}");
        let mut cards = again.unwrap().cards;
        assert_eq!(cards.len(), 1, "{text:?}");
        let mut back = cards.remove(0);
        back.line = card.line;
        back.column = card.column;
        assert_eq!(&back, card, "{text:?}");
    }
});
