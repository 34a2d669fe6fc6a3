//! The search language shared by `prosesser search` and the browser.
//!
//! CONTRACT (helper fills in): see the issue text in README / issue 2.

use crate::model::{CardId, Field, Handbook};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Byte offset in the query text where the problem is.
    pub offset: usize,
    pub message: String,
}

impl Query {
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let _ = input;
        todo!("query")
    }

    pub fn is_empty(&self) -> bool {
        todo!("query")
    }
}

/// One card that matched, with its rank (higher first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub card: CardId,
    pub score: u32,
}

/// Where a query matched: a byte range in `card.text(field)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub field: Field,
    pub range: Range<usize>,
}

/// Folded text of every card, built once at load so a keystroke only scans.
pub struct SearchIndex {}

impl SearchIndex {
    pub fn new(handbook: &Handbook) -> SearchIndex {
        let _ = handbook;
        todo!("query")
    }

    /// Every matching card, best first; an empty query gives every card in order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let _ = query;
        todo!("query")
    }

    /// As [`Self::search`], but only among `candidates` (for narrowing as a query grows).
    pub fn search_within(&self, query: &Query, candidates: &[CardId]) -> Vec<Hit> {
        let _ = (query, candidates);
        todo!("query")
    }

    /// Where the query matches one card, for highlighting.
    pub fn matches(&self, handbook: &Handbook, query: &Query, card: CardId) -> Vec<Match> {
        let _ = (handbook, query, card);
        todo!("query")
    }
}
