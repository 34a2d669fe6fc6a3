//! Where a query matched one card, in byte ranges of the original field text.
//!
//! Done for one card at a time (the one being shown), so the folded text and
//! its mapping back to the original ([`FoldMap`]) are computed here, on demand,
//! and never stored.
//!
//! A field is listed up to [`MAX_LISTED`] ranges; past that, matches are
//! counted, not listed. A 9 MB field of `ab ab ab …` searched for `a` has
//! three million matches: as ranges (and JSON objects, and highlighted spans)
//! they would take gigabytes, and nobody reads past the first screens.

use super::{FoldMap, Match, Pattern, Term};
use crate::model::{Card, Field};
use std::ops::Range;

/// At most this many (merged) ranges are listed per field.
pub const MAX_LISTED: usize = 1000;

/// The listed matches of a card, and per field how many were found past them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// Sorted by field ([`Field::ALL`] order), then position; overlapping or
    /// touching ranges merged; at most [`MAX_LISTED`] per field.
    pub listed: Vec<Match>,
    /// Fields with matches past the listed ones: how many more term
    /// occurrences start after the last listed range.
    pub unlisted: Vec<(Field, usize)>,
}

pub(super) fn matches(terms: &[Term], card: &Card) -> Matches {
    let mut out = Matches::default();
    for field in Field::ALL {
        let looking: Vec<&Term> = terms
            .iter()
            .filter(|t| !t.negated && t.scope.includes(field))
            .collect();
        if looking.is_empty() {
            continue;
        }
        let text = card.text(field);
        let mut map: Option<FoldMap> = None;
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut cut = false;
        for term in &looking {
            let before = ranges.len();
            let found = occurrences(term, &text, &mut map);
            ranges.extend(found.take(MAX_LISTED + 1));
            if ranges.len() - before > MAX_LISTED {
                ranges.pop();
                cut = true;
            }
        }
        let mut merged = merge(ranges);
        if merged.len() > MAX_LISTED {
            merged.truncate(MAX_LISTED);
            cut = true;
        }
        if cut {
            // Whatever starts after the last listed range is not shown.
            let listed_end = merged.last().map_or(0, |r| r.end);
            let more: usize = looking
                .iter()
                .map(|term| {
                    occurrences(term, &text, &mut map)
                        .filter(|r| r.start >= listed_end)
                        .count()
                })
                .sum();
            if more > 0 {
                out.unlisted.push((field, more));
            }
        }
        out.listed
            .extend(merged.into_iter().map(|range| Match { field, range }));
    }
    out
}

/// Where one term occurs in a field's text, in order, as original byte ranges.
fn occurrences<'a>(
    term: &'a Term,
    text: &'a str,
    map: &'a mut Option<FoldMap>,
) -> Box<dyn Iterator<Item = Range<usize>> + 'a> {
    match &term.pattern {
        Pattern::Text(needle) => {
            let map = &*map.get_or_insert_with(|| FoldMap::new(text));
            Box::new(
                map.folded()
                    .match_indices(needle.as_str())
                    .map(move |(at, _)| map.original_range(at..at + needle.len())),
            )
        }
        Pattern::Regex(regex) => Box::new(
            regex
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| m.range()),
        ),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;
    use crate::query::Query;

    fn card_with_purpose(purpose: String) -> Card {
        Card::named(
            1,
            1,
            [
                ("title", Value::String("Behov".into())),
                ("purpose", Value::String(purpose)),
            ],
        )
    }

    #[test]
    fn a_field_lists_at_most_the_cap_and_counts_the_rest() {
        let n = 3 * MAX_LISTED;
        let card = card_with_purpose("ab ".repeat(n));
        let query = Query::parse("a").unwrap();
        let found = matches(query.terms(), &card);
        assert_eq!(found.listed.len(), MAX_LISTED);
        assert!(found.listed.iter().all(|m| m.field == Field::Purpose));
        let last = 3 * (MAX_LISTED - 1);
        assert_eq!(found.listed[MAX_LISTED - 1].range, last..last + 1);
        assert_eq!(found.unlisted, [(Field::Purpose, n - MAX_LISTED)]);
    }

    #[test]
    fn touching_matches_merge_before_the_cap_counts_them() {
        // `a` everywhere: one merged range, nothing left unlisted.
        let card = card_with_purpose("a".repeat(10 * MAX_LISTED));
        let found = matches(Query::parse("a").unwrap().terms(), &card);
        assert_eq!(found.listed.len(), 1);
        assert_eq!(found.listed[0].range, 0..10 * MAX_LISTED);
        // Cut per term, the rest is still counted, not lost.
        let card = card_with_purpose("xa ".repeat(2 * MAX_LISTED));
        let found = matches(Query::parse("/a/ x").unwrap().terms(), &card);
        assert_eq!(found.listed.len(), MAX_LISTED);
        // `xa` is one range; the last listed ends at 3 × 999 + 2, and both
        // words of the 1,000 `xa`s after it are counted.
        assert_eq!(found.listed.last().unwrap().range, 2997..2999);
        assert_eq!(found.unlisted, [(Field::Purpose, 2 * MAX_LISTED)]);
    }
}
