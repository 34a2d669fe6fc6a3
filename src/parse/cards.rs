//! Calls to cards: pairing opening and closing tags, then keeping the
//! `prosesser/strategy-card` calls (hugo-content.md §3.5).
//!
//! Hugo pairs calls by their templates: a call whose template uses `.Inner`
//! takes the text up to a closing tag; any other call stands alone. A closing
//! tag closes the innermost open call *whatever its name* (checked against
//! hugo 0.111: `{{< a >}}x{{< b >}}y{{< /a >}}z{{< /b >}}` is `a` holding
//! `x`, `b` holding `y`, then `z`), so mis-nested tags are accepted; a
//! closing tag with no call open, and a call that takes inner text but is
//! never closed, fail the build.
//!
//! Which calls take inner text is the caller's to say ([`pair`]). Without the
//! site's templates, [`guess_takes_inner`] follows the file: a self-closing
//! call, and a call whose name has a closing tag somewhere in the file.

use super::shortcode::{Call, Params};
use crate::model::{Params as CardParams, STRATEGY_CARD, Value};
use std::collections::HashSet;

/// A card-to-be: the call and, when paired, the range of its inner text.
pub struct Found<'a> {
    pub call: Call<'a>,
    pub inner: Option<std::ops::Range<usize>>,
}

/// Pairing that Hugo rejects: where, and what it says.
pub struct PairError {
    pub start: usize,
    pub message: String,
}

/// Without templates, for each call: whether it takes inner text, guessed
/// from the file: it is self-closing, or its name is closed somewhere.
pub fn guess_takes_inner(calls: &[Call<'_>]) -> Vec<bool> {
    let closed: HashSet<&str> = calls
        .iter()
        .filter(|c| c.closing)
        .map(|c| c.name.as_str())
        .collect();
    calls
        .iter()
        .map(|call| call.self_closing || closed.contains(call.name.as_str()))
        .collect()
}

/// Pairs the calls; `takes_inner[i]` says whether call `i` takes inner text
/// (ignored for closing tags).
pub fn pair<'a>(calls: Vec<Call<'a>>, takes_inner: &[bool]) -> (Vec<Found<'a>>, Vec<PairError>) {
    // Open calls that take inner text, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut inner: Vec<Option<std::ops::Range<usize>>> = vec![None; calls.len()];
    let mut errors = Vec::new();
    for (i, call) in calls.iter().enumerate() {
        // `/` is a name character, so `{{< x/>}}` calls a shortcode named
        // `x/`, and no template file can have that name.
        if !call.closing && call.name.ends_with('/') {
            errors.push(PairError {
                start: call.start,
                message: format!(
                    "template for shortcode \"{}\" not found (a `/` right after the name is part of the name; to self-close the call, put a space before `/>}}}}`)",
                    super::shortcode::shown(&call.name)
                ),
            });
            continue;
        }
        if call.closing {
            match open.pop() {
                Some(o) => inner[o] = Some(calls[o].end..call.start),
                None => errors.push(PairError {
                    start: call.start,
                    message: format!(
                        "closing tag for shortcode '{}' has no open call to close",
                        super::shortcode::shown(&call.name)
                    ),
                }),
            }
        } else if call.self_closing {
            if takes_inner[i] {
                inner[i] = Some(call.end..call.end);
            } else {
                errors.push(PairError {
                    start: call.start,
                    message: format!(
                        "shortcode \"{}\" does not evaluate .Inner or .InnerDeindent, yet it is self-closed",
                        super::shortcode::shown(&call.name)
                    ),
                });
            }
        } else if takes_inner[i] {
            open.push(i);
        }
    }
    // Hugo lets an unclosed call take the rest of the file, then fails.
    for o in open {
        errors.push(PairError {
            start: calls[o].start,
            message: format!(
                "shortcode \"{}\" must be closed or self-closed",
                super::shortcode::shown(&calls[o].name)
            ),
        });
    }
    errors.sort_by_key(|e| e.start);
    let found = calls
        .into_iter()
        .zip(inner)
        .filter(|(c, _)| !c.closing && c.name == STRATEGY_CARD)
        .map(|(call, inner)| Found { call, inner })
        .collect();
    (found, errors)
}

/// Named params, and the positional ones for a positional call.
pub fn split_params(params: Params<'_>) -> (CardParams, Option<Vec<Value>>) {
    match params {
        Params::Named(named) => (
            CardParams::from_refs(named.iter().map(|(k, v)| (k.as_ref(), v.as_value_ref()))),
            None,
        ),
        Params::Positional(p) => (
            CardParams::default(),
            Some(p.iter().map(|v| v.to_value()).collect()),
        ),
    }
}
