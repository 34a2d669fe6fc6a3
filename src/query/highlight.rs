//! Where a query matched one card, in byte ranges of the original field text.
//!
//! Done for one card at a time (the one being shown), so the folded text and
//! its mapping back to the original ([`FoldMap`]) are computed here, on demand,
//! and never stored.

use super::{FoldMap, Match, Pattern, Term};
use crate::model::{Card, Field};
use std::ops::Range;

pub(super) fn matches(terms: &[Term], card: &Card) -> Vec<Match> {
    let mut out = Vec::new();
    for field in Field::ALL {
        let mut looking: Vec<&Term> = terms
            .iter()
            .filter(|t| !t.negated && t.scope.includes(field))
            .collect();
        if looking.is_empty() {
            continue;
        }
        let text = card.text(field);
        let mut map: Option<FoldMap> = None;
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in looking.drain(..) {
            match &term.pattern {
                Pattern::Text(needle) => {
                    let map = map.get_or_insert_with(|| FoldMap::new(&text));
                    for (at, _) in map.folded().match_indices(needle.as_str()) {
                        ranges.push(map.original_range(at..at + needle.len()));
                    }
                }
                Pattern::Regex(regex) => {
                    ranges.extend(
                        regex
                            .find_iter(&text)
                            .filter(|m| !m.is_empty())
                            .map(|m| m.range()),
                    );
                }
            }
        }
        out.extend(
            merge(ranges)
                .into_iter()
                .map(|range| Match { field, range }),
        );
    }
    out
}

/// Sorted, with overlapping or touching ranges joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}
