//! One content file to a [`Document`], reading it the way Hugo 0.111 does
//! (see `hugo-content.md` in the project's shared notes, summarised in `docs/reading.md`).
//!
//! The stages are one module each: [`source`] (bytes to text, positions),
//! [`front_matter`] (finding it), [`decode`] (YAML/TOML/JSON/Org to values),
//! [`shortcode`] (the call lexer), [`cards`] (pairing, picking the cards), and
//! [`navigation`] (the HTML entry list). [`render_card`] goes the other way,
//! for the round-trip tests and the fuzzer.

mod cards;
mod decode;
mod front_matter;
mod key_lines;
mod libyaml;
pub mod limits;
mod navigation;
mod render;
mod shortcode;
mod source;
mod yaml11;
mod yaml_fast;
mod yaml_full;

pub use navigation::decode_entities;
pub use render::{RenderError, render_card};
pub use shortcode::typed as typed_value;

use crate::model::{
    Card, Diagnostic, Document, FrontMatter, FrontMatterFormat, Member, Publication, Rule, TimeZone,
};
use crate::site::{CardShortcodes, Settings};
use source::SourceText;

/// A config file's or front matter's text decoded as Hugo decodes it
/// (`format` says which language), for the rest of the crate (a site's
/// config); `None` when it does not decode to a map.
pub(crate) fn decode_map(
    format: FrontMatterFormat,
    text: &str,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    decode::decode(format, text).ok()
}

/// The YAML fast path's answer (`None` where it declines) and the full
/// reader's, for the fuzz target that checks that they never disagree.
#[doc(hidden)]
pub fn yaml_fast_and_full(
    text: &str,
) -> (
    Option<serde_json::Map<String, serde_json::Value>>,
    Result<serde_json::Value, String>,
) {
    (
        yaml_fast::decode(text),
        decode::decode_full_yaml(text).map_err(|e| e.message),
    )
}

/// Parse one file, with the default card shortcodes. Never fails: what Hugo
/// would reject becomes an error diagnostic with its true position, and
/// everything else is kept (the cards before an error, and after it where the
/// lexer can find its feet again). `None` only for a file that is not text at all.
pub fn parse_document(path: &str, bytes: &[u8]) -> (Option<Document>, Vec<Diagnostic>) {
    parse_document_with(path, bytes, &CardShortcodes::default())
}

/// [`parse_document`], with the calls of `card_shortcodes` as the cards
/// (dates without a zone read as UTC).
pub fn parse_document_with(
    path: &str,
    bytes: &[u8],
    card_shortcodes: &CardShortcodes,
) -> (Option<Document>, Vec<Diagnostic>) {
    parse(path, bytes, card_shortcodes, &TimeZone::UTC)
}

/// [`parse_document`], read as a site's [`Settings`] say: its cards, and the
/// time zone of its dates.
pub fn parse_document_in(
    path: &str,
    bytes: &[u8],
    settings: &Settings,
) -> (Option<Document>, Vec<Diagnostic>) {
    parse(path, bytes, &settings.cards, &settings.time_zone)
}

fn parse(
    path: &str,
    bytes: &[u8],
    card_shortcodes: &CardShortcodes,
    time_zone: &TimeZone,
) -> (Option<Document>, Vec<Diagnostic>) {
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
    // An error diagnostic at a text offset.
    let error_at = |offset: usize, rule: Rule, message: String| {
        let (line, column) = at(offset);
        Diagnostic::error(path, line, column, rule, message)
    };

    let (front, params, body_start) = read_front_matter(path, text, &at, &mut diagnostics);

    // One error past the cap is kept so the summary can say where they go on.
    let lexed = shortcode::lex_capped(text, body_start, limits::MAX_ERRORS_PER_FILE + 1);
    // With the site's templates known, pairing is Hugo's and a call without a
    // template is Hugo's build error; without, the pairing is guessed and
    // nothing can be said about templates.
    let (takes_inner, without_template) = match card_shortcodes.templates() {
        Some(templates) => cards::takes_inner_by_templates(&lexed.calls, templates),
        None => (cards::guess_takes_inner(&lexed.calls), Vec::new()),
    };
    let paired = cards::pair(lexed.calls, &takes_inner, |name| {
        card_shortcodes.contains(name)
    });
    let found = paired.cards;
    let mut unpaired = paired.errors;
    unpaired.extend(without_template);
    let members = paired
        .members
        .iter()
        .map(|call| {
            let (line, column) = at(call.start);
            Member {
                name: cards::param_text(call, "name").unwrap_or_default(),
                role: cards::param_text(call, "role").unwrap_or_default(),
                shortcode: call.name.to_owned(),
                line,
                column,
            }
        })
        .collect();
    let total_errors = lexed.errors.len() + lexed.more_errors + unpaired.len();
    // Both lists are in file order: merge them, then word only the first few.
    let mut errors: Vec<(usize, Result<shortcode::LexError, cards::PairError>)> = lexed
        .errors
        .into_iter()
        .map(|e| (e.offset, Ok(e)))
        .chain(unpaired.into_iter().map(|u| (u.start, Err(u))))
        .collect();
    errors.sort_by_key(|e| e.0);
    for (offset, error) in errors.iter().take(limits::MAX_ERRORS_PER_FILE) {
        let message = match error {
            Ok(e) => {
                let mut message = e.message.clone();
                if let Some((value, delimiter)) = e.swallowed_delimiter {
                    let (line, column) = at(value);
                    message.push_str(&format!(
                        " (the unquoted value at {line}:{column} ran past the call's closing `{delimiter}`: an unquoted value ends only at whitespace, so quote it)"
                    ));
                }
                message
            }
            Err(u) => u.message.clone(),
        };
        diagnostics.push(error_at(*offset, Rule::Shortcode, message));
    }
    if let Some((offset, _)) = errors.get(limits::MAX_ERRORS_PER_FILE) {
        diagnostics.push(error_at(
            *offset,
            Rule::Limit,
            format!(
                "{} more shortcode errors from here on are not listed (at most {} are listed per file)",
                total_errors - limits::MAX_ERRORS_PER_FILE,
                limits::MAX_ERRORS_PER_FILE
            ),
        ));
    }

    if found.len() > limits::MAX_CARDS_PER_FILE {
        let first_dropped = found[limits::MAX_CARDS_PER_FILE].call.start;
        diagnostics.push(error_at(
            first_dropped,
            Rule::Limit,
            format!(
                "more than {} cards in one file; the {} from here on are not loaded",
                limits::MAX_CARDS_PER_FILE,
                found.len() - limits::MAX_CARDS_PER_FILE
            ),
        ));
    }
    let mut inner_budget = limits::MAX_INNER_BYTES_PER_FILE;
    let mut inner_dropped: Option<(usize, usize)> = None;
    let kept = &found[..found.len().min(limits::MAX_CARDS_PER_FILE)];
    // The params of all the cards share one store: their text is at most
    // the text of their calls.
    let mut store = crate::model::ParamsBuilder::with_capacity(
        kept.iter().map(|f| f.call.end - f.call.start).sum(),
        kept.iter().map(|f| f.call.param_count()).sum(),
    );
    let cards: Vec<Card> = found
        .into_iter()
        .take(limits::MAX_CARDS_PER_FILE)
        .map(|f| {
            let (line, column) = at(f.call.start);
            let positional = cards::split_params(f.call.params, &mut store);
            let inner = f.inner.and_then(|r| {
                if r.len() > inner_budget {
                    let dropped = inner_dropped.get_or_insert((f.call.start, 0));
                    dropped.1 += 1;
                    return None;
                }
                inner_budget -= r.len();
                Some(text[r].to_owned())
            });
            Card::new(
                card_shortcodes.shared(f.call.name),
                line,
                column,
                Default::default(),
            )
            .with_positional(positional)
            .with_inner(inner)
        })
        .collect();
    // Collected afresh, not in place: the cards would otherwise keep the
    // larger allocation of the calls they came from.
    let mut with_params = Vec::with_capacity(cards.len());
    with_params.extend(
        cards
            .into_iter()
            .zip(store.finish())
            .map(|(mut card, params)| {
                card.params = params;
                card
            }),
    );
    let cards = with_params;
    if let Some((offset, count)) = inner_dropped {
        diagnostics.push(error_at(
            offset,
            Rule::Limit,
            format!(
                "the text inside this card and {} more is not kept: the cards of one file may hold at most {} MiB of inner text in all (are cards nested in cards?)",
                count - 1,
                limits::MAX_INNER_BYTES_PER_FILE / (1024 * 1024)
            ),
        ));
    }

    let publication = Publication::of_values(
        params.as_ref().unwrap_or(&serde_json::Map::new()),
        front.format,
        path,
        crate::model::now_unix(),
        time_zone,
    );
    let document = Document {
        path: path.to_owned(),
        file: None,
        front_matter: front,
        cards,
        members,
        publication,
    };
    (Some(document), diagnostics)
}

/// `navigation_link.text` of decoded front matter (keys in any case).
fn navigation_text(front_matter: &serde_json::Map<String, serde_json::Value>) -> Option<&str> {
    crate::model::front_matter_get(front_matter, "navigation_link")?
        .as_object()
        .and_then(|n| {
            n.get("text").or_else(|| {
                n.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("text"))
                    .map(|(_, v)| v)
            })
        })?
        .as_str()
}

/// `navigation_link.text` of decoded front matter as a clean list of
/// entries (see [`crate::model::Document::navigation`]).
pub fn navigation_entries(
    front_matter: &serde_json::Map<String, serde_json::Value>,
) -> Vec<String> {
    navigation_text(front_matter)
        .map(navigation::entries)
        .unwrap_or_default()
}

/// The entries of `navigation_link.text` written as a list of items (see
/// [`crate::model::Document::navigation_items`]).
pub fn navigation_items(front_matter: &serde_json::Map<String, serde_json::Value>) -> Vec<String> {
    navigation_text(front_matter)
        .map(navigation::list_items)
        .unwrap_or_default()
}

/// Front-matter text to values, as when the file was read (the front matter
/// decodes again from its text when a command asks for all of it).
pub(crate) fn decode_front_matter(
    format: FrontMatterFormat,
    text: &str,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    decode::decode(format, text).ok()
}

/// Where the keys of front matter that starts on file line `first_line` are.
pub(crate) fn front_matter_key_lines(
    format: FrontMatterFormat,
    text: &str,
    first_line: u32,
) -> Vec<crate::model::KeyLine> {
    key_lines::scan(format, text, first_line)
}

/// The front matter, its values decoded (for the parser to use once), and
/// where the body starts.
fn read_front_matter(
    path: &str,
    text: &str,
    at: &dyn Fn(usize) -> (u32, u32),
    diagnostics: &mut Vec<Diagnostic>,
) -> (
    FrontMatter,
    Option<serde_json::Map<String, serde_json::Value>>,
    usize,
) {
    let mut error = |offset: usize, message: String| {
        let (line, column) = at(offset);
        diagnostics.push(Diagnostic::error(
            path,
            line,
            column,
            Rule::FrontMatter,
            message,
        ));
    };
    match front_matter::split(text) {
        // Cards may still follow a broken start; read the body from the error on.
        Err(e) => {
            error(e.offset, e.message);
            (FrontMatter::default(), None, e.offset)
        }
        Ok(split) => {
            let Some(block) = split.front_matter else {
                return (FrontMatter::default(), None, split.body_start);
            };
            // `{{< ... >}}` first in a file is read as JSON by Hugo: say so, and
            // read its cards as the body they were meant to be.
            let shortcode_first = block.format == FrontMatterFormat::Json
                && (text[block.start..].starts_with("{{<")
                    || text[block.start..].starts_with("{{%"));
            let written = &text[block.start..block.end];
            let (front, params) = match decode::decode(block.format, written) {
                Ok(params) => {
                    let (first_line, _) = at(block.start);
                    let front = FrontMatter::from_text(block.format, written, first_line, &params);
                    (front, Some(params))
                }
                Err(e) => {
                    if shortcode_first {
                        error(
                            block.start,
                            format!(
                                "{} (a file that starts with `{{` is read as JSON front matter, so it cannot start with a shortcode)",
                                e.message
                            ),
                        );
                    } else {
                        error(block.start + e.offset, e.message);
                    }
                    (FrontMatter::undecodable(block.format), None)
                }
            };
            let body_start = if shortcode_first {
                block.start
            } else {
                split.body_start
            };
            (front, params, body_start)
        }
    }
}
