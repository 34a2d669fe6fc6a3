//! Calls to cards: pairing opening and closing tags, then keeping the calls of
//! the card shortcodes (hugo-content.md §3.5), and the people directory's
//! entries (calls with `name` and `role`).
//!
//! Hugo decides whether a call is paired from its template, which we do not
//! have; we follow the advice there: a self-closing call and a call with a
//! matching later closing tag are paired, any other call stands alone.

use super::shortcode::{Call, Params};
use crate::model::{Params as CardParams, Value};
use std::collections::HashMap;

/// A card-to-be: the call and, when paired, the range of its inner text.
pub struct Found<'a> {
    pub call: Call<'a>,
    pub inner: Option<std::ops::Range<usize>>,
}

/// A closing tag with no open call of that name: Hugo rejects the file.
pub struct Unmatched {
    pub start: usize,
    pub name: String,
}

/// The calls found: cards, directory entries, and closing tags without a call.
pub struct Paired<'a> {
    pub cards: Vec<Found<'a>>,
    pub members: Vec<Call<'a>>,
    pub unmatched: Vec<Unmatched>,
}

pub fn pair<'a>(calls: Vec<Call<'a>>, is_card: impl Fn(&str) -> bool) -> Paired<'a> {
    // Index of each opening call on the stack; inner ranges filled in at closing.
    let mut stack: Vec<usize> = Vec::new();
    // For each name, the places in `stack` where a call of that name is open
    // (ascending), so a closing tag finds its call without scanning the stack:
    // a file of many open calls and many closing tags stays linear.
    let mut open_by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut inner: Vec<Option<std::ops::Range<usize>>> = vec![None; calls.len()];
    let mut unmatched = Vec::new();
    for (i, call) in calls.iter().enumerate() {
        if call.self_closing {
            inner[i] = Some(call.end..call.end);
        } else if call.closing {
            match open_by_name.get(call.name.as_str()).and_then(|v| v.last()) {
                Some(&p) => {
                    let open = stack[p];
                    inner[open] = Some(calls[open].end..call.start);
                    // Calls opened inside and never closed stand alone.
                    for dropped in stack.drain(p..) {
                        let name = calls[dropped].name.as_str();
                        if let Some(places) = open_by_name.get_mut(name) {
                            places.pop();
                        }
                    }
                }
                None => unmatched.push(Unmatched {
                    start: call.start,
                    name: call.name.clone(),
                }),
            }
        } else {
            open_by_name
                .entry(call.name.as_str())
                .or_default()
                .push(stack.len());
            stack.push(i);
        }
    }
    let mut cards = Vec::new();
    let mut members = Vec::new();
    for (call, inner) in calls.into_iter().zip(inner) {
        if call.closing {
            continue;
        }
        if is_card(&call.name) {
            cards.push(Found { call, inner });
        } else if is_member(&call) {
            members.push(call);
        }
    }
    Paired {
        cards,
        members,
        unmatched,
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
