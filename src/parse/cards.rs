//! Calls to cards: pairing opening and closing tags, then keeping the calls of
//! the card shortcodes (hugo-content.md §3.5), and the people directory's
//! entries (calls with `name` and `role`).
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
use crate::model::{ParamsBuilder, Value};
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

/// With a site's templates, for each call: whether it takes inner text, as its
/// template says; and Hugo's error for each call that has no template
/// (`{{< x.inline >}}` is dropped by Hugo without one, and a name glued to
/// the slash is reported by [`pair`]).
pub fn takes_inner_by_templates(
    calls: &[Call<'_>],
    templates: &crate::site::Templates,
) -> (Vec<bool>, Vec<PairError>) {
    let mut errors = Vec::new();
    // A call with no template is read as without templates, so that it does
    // not bring more errors than Hugo's one.
    let guess = guess_takes_inner(calls);
    let takes_inner = calls
        .iter()
        .zip(guess)
        .map(|(call, guess)| {
            if call.closing {
                return false;
            }
            let inline = call.name.ends_with(".inline");
            match templates.takes_inner(call.name) {
                Some(inner) => inner,
                None if inline || call.name.ends_with('/') => guess,
                None => {
                    errors.push(PairError {
                        start: call.start,
                        message: format!(
                            "template for shortcode \"{}\" not found (no layouts/shortcodes/{0}.html in the site or its themes)",
                            super::shortcode::shown(call.name)
                        ),
                    });
                    guess
                }
            }
        })
        .collect();
    (takes_inner, errors)
}

/// Without templates, for each call: whether it takes inner text, guessed
/// from the file: it is self-closing, or its name is closed somewhere.
pub fn guess_takes_inner(calls: &[Call<'_>]) -> Vec<bool> {
    let closed: HashSet<&str> = calls.iter().filter(|c| c.closing).map(|c| c.name).collect();
    calls
        .iter()
        .map(|call| call.self_closing || closed.contains(call.name))
        .collect()
}

/// The calls paired: the cards, the directory entries, and what Hugo rejects.
pub struct Paired<'a> {
    pub cards: Vec<Found<'a>>,
    pub members: Vec<Call<'a>>,
    pub errors: Vec<PairError>,
}

/// Pairs the calls; `takes_inner[i]` says whether call `i` takes inner text
/// (ignored for closing tags); `is_card` says which names are cards.
pub fn pair<'a>(
    calls: Vec<Call<'a>>,
    takes_inner: &[bool],
    is_card: impl Fn(&str) -> bool,
) -> Paired<'a> {
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
                    super::shortcode::shown(call.name)
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
                        super::shortcode::shown(call.name)
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
                        super::shortcode::shown(call.name)
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
                super::shortcode::shown(calls[o].name)
            ),
        });
    }
    errors.sort_by_key(|e| e.start);
    let mut cards = Vec::new();
    let mut members = Vec::new();
    for (call, inner) in calls.into_iter().zip(inner) {
        if call.closing {
            continue;
        }
        if is_card(call.name) {
            cards.push(Found { call, inner });
        } else if is_member(&call) {
            members.push(call);
        }
    }
    Paired {
        cards,
        members,
        errors,
    }
}

/// A directory entry: a call with both `name` and `role` params.
fn is_member(call: &Call<'_>) -> bool {
    let Params::Named(named) = &call.params else {
        return false;
    };
    let has = |key: &str| named.iter().any(|(k, _)| k == key);
    has("name") && has("role")
}

/// A named param's value as text (the last one written wins, as in Hugo).
pub fn param_text(call: &Call<'_>, key: &str) -> Option<String> {
    let Params::Named(named) = &call.params else {
        return None;
    };
    named
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_value_ref().as_text().into_owned())
}

/// Adds a call's named params to its document's store (none for a
/// positional call), and gives the positional ones for a positional call.
pub fn split_params(params: Params<'_>, store: &mut ParamsBuilder) -> Option<Vec<Value>> {
    match params {
        Params::Named(named) => {
            store.add(named.iter().map(|(k, v)| (k.as_ref(), v.as_value_ref())));
            None
        }
        Params::Positional(p) => {
            store.add([]);
            Some(p.iter().map(|v| v.to_value()).collect())
        }
    }
}
