//! Calls to cards: pairing opening and closing tags, then keeping the
//! `prosesser/strategy-card` calls (hugo-content.md §3.5).
//!
//! Hugo decides whether a call is paired from its template, which we do not
//! have; we follow the advice there: a self-closing call and a call with a
//! matching later closing tag are paired, any other call stands alone.

use super::shortcode::{Call, Params};
use crate::model::{ParamsBuilder, STRATEGY_CARD, Value};
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

pub fn pair(calls: Vec<Call<'_>>) -> (Vec<Found<'_>>, Vec<Unmatched>) {
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
            match open_by_name.get(call.name).and_then(|v| v.last()) {
                Some(&p) => {
                    let open = stack[p];
                    inner[open] = Some(calls[open].end..call.start);
                    // Calls opened inside and never closed stand alone.
                    for dropped in stack.drain(p..) {
                        let name = calls[dropped].name;
                        if let Some(places) = open_by_name.get_mut(name) {
                            places.pop();
                        }
                    }
                }
                None => unmatched.push(Unmatched {
                    start: call.start,
                    name: call.name.to_owned(),
                }),
            }
        } else {
            open_by_name.entry(call.name).or_default().push(stack.len());
            stack.push(i);
        }
    }
    let found = calls
        .into_iter()
        .zip(inner)
        .filter(|(c, _)| !c.closing && c.name == STRATEGY_CARD)
        .map(|(call, inner)| Found { call, inner })
        .collect();
    (found, unmatched)
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
