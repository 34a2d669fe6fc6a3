//! One content file to a [`Document`], reading it the way Hugo 0.111 does
//! (see `hugo-content.md` in the project's shared notes, summarised in README).
//!
//! The stages are one module each: [`source`] (bytes to text, positions),
//! [`front_matter`] (finding it), [`decode`] (YAML/TOML/JSON/Org to values),
//! [`shortcode`] (the call lexer), [`cards`] (pairing, picking the cards), and
//! [`navigation`] (the HTML entry list).

mod cards;
mod decode;
mod front_matter;
pub mod limits;
mod navigation;
mod shortcode;
mod source;

pub use navigation::decode_entities;
pub use shortcode::typed as typed_value;

use crate::model::{Card, Diagnostic, Document, FrontMatter, Rule};
use source::SourceText;

/// Parse one file. Never fails: what Hugo would reject becomes an error
/// diagnostic with its true position, and everything else is kept (the cards
/// before an error, and after it where the lexer can find its feet again).
/// `None` only for a file that is not text at all.
pub fn parse_document(path: &str, bytes: &[u8]) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let src = SourceText::new(bytes);
    if let Some(nul) = memchr::memchr(0, bytes) {
        let (line, column) = src.position_of_original(nul);
        diagnostics.push(Diagnostic::error(
            path,
            line,
            column,
            Rule::Binary,
            "not a text file (it holds NUL bytes); skipped",
        ));
        return (None, diagnostics);
    }
    if let Some(&first) = src.invalid_utf8.first() {
        let (line, column) = src.position_of_original(first);
        let more = match src.invalid_utf8.len() {
            1 => String::new(),
            n => format!(" ({} places in all)", n),
        };
        diagnostics.push(Diagnostic::warning(
            path,
            line,
            column,
            Rule::Utf8,
            format!("bytes that are not UTF-8{more}; shown as \u{FFFD}"),
        ));
    }
    let text: &str = &src.text;
    let at = |offset: usize| src.position(offset);

    let mut front = FrontMatter::default();
    let body_start = match front_matter::split(text) {
        Ok(split) => {
            if let Some(block) = split.front_matter {
                front.format = Some(block.format);
                match decode::decode(block.format, &text[block.start..block.end]) {
                    Ok(params) => front.params = params,
                    Err(e) => {
                        let (line, column) = at(block.start + e.offset);
                        diagnostics.push(Diagnostic::error(
                            path,
                            line,
                            column,
                            Rule::FrontMatter,
                            e.message,
                        ));
                    }
                }
            }
            split.body_start
        }
        Err(e) => {
            let (line, column) = at(e.offset);
            diagnostics.push(Diagnostic::error(
                path,
                line,
                column,
                Rule::FrontMatter,
                e.message,
            ));
            e.offset
        }
    };
    let navigation = front
        .get("navigation_link")
        .and_then(|n| n.as_object())
        .and_then(|n| {
            n.get("text").or_else(|| {
                n.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("text"))
                    .map(|(_, v)| v)
            })
        })
        .and_then(|t| t.as_str())
        .map(navigation::entries)
        .unwrap_or_default();

    let (calls, lex_errors) = shortcode::lex(text, body_start);
    let (found, unmatched) = cards::pair(&calls);
    let mut errors: Vec<(usize, String)> = lex_errors
        .into_iter()
        .map(|e| (e.offset, e.message))
        .collect();
    errors.extend(unmatched.into_iter().map(|u| {
        (
            u.call.start,
            format!(
                "closing tag for shortcode '{}' has no open call to close",
                u.call.name
            ),
        )
    }));
    errors.sort_by_key(|e| e.0);
    let suppressed = errors.len().saturating_sub(limits::MAX_ERRORS_PER_FILE);
    for (offset, message) in errors.into_iter().take(limits::MAX_ERRORS_PER_FILE) {
        let (line, column) = at(offset);
        diagnostics.push(Diagnostic::error(
            path,
            line,
            column,
            Rule::Shortcode,
            message,
        ));
    }
    if suppressed > 0 {
        diagnostics.push(Diagnostic::error(
            path,
            1,
            1,
            Rule::Limit,
            format!(
                "{suppressed} more shortcode errors not listed (at most {} are listed per file)",
                limits::MAX_ERRORS_PER_FILE
            ),
        ));
    }

    if found.len() > limits::MAX_CARDS_PER_FILE {
        let first_dropped = found[limits::MAX_CARDS_PER_FILE].call.start;
        let (line, column) = at(first_dropped);
        diagnostics.push(Diagnostic::error(
            path,
            line,
            column,
            Rule::Limit,
            format!(
                "more than {} cards in one file; the {} from here on are not loaded",
                limits::MAX_CARDS_PER_FILE,
                found.len() - limits::MAX_CARDS_PER_FILE
            ),
        ));
    }
    let cards = found
        .into_iter()
        .take(limits::MAX_CARDS_PER_FILE)
        .map(|f| {
            let (line, column) = at(f.call.start);
            let (params, positional) = cards::split_params(&f.call.params);
            Card {
                shortcode: f.call.name.clone(),
                line,
                column,
                params,
                positional,
                inner: f.inner.map(|r| text[r].to_owned()),
            }
        })
        .collect();

    let document = Document {
        path: path.to_owned(),
        file: None,
        front_matter: front,
        navigation,
        cards,
    };
    (Some(document), diagnostics)
}
