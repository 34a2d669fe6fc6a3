//! [`SearchIndex`]: every card's text folded once at load, laid out so that a
//! keystroke is a tight substring scan.
//!
//! Layout: one `String` holds the folded text of every card, field after field
//! in [`Field::ALL`] order, each field followed by a NUL byte (folding turns any
//! NUL in a document into a space, and a folded query never contains one, so
//! no match can run from one field into the next). A `Vec<u32>` holds where
//! each field starts. An unscoped word is then one `find` over the card's
//! whole folded text; the first hit also tells whether the title (the first
//! field) was hit. The original text is kept the same way (without the NULs)
//! for regexes, which run on the original text. Nothing is stored per byte:
//! the folded-to-original mapping for highlighting is computed in
//! [`SearchIndex::matches`] for the one card asked about.

use super::{Hit, Match, Pattern, Query, Scope, Term, fold_into, highlight, rank};
use crate::model::{Card, CardId, Field, Handbook};
use std::borrow::Cow;

const FIELDS: usize = Field::ALL.len();
const SEPARATOR: char = '\0';

/// Folded text of every card, built once at load so a keystroke only scans.
pub struct SearchIndex {
    /// Every card's fields, folded, each followed by [`SEPARATOR`].
    folded: String,
    /// `FIELDS * cards + 1` offsets into `folded`: where each field starts.
    folded_at: Vec<u32>,
    /// Every card's fields as written, back to back.
    original: String,
    /// `FIELDS * cards + 1` offsets into `original`.
    original_at: Vec<u32>,
    /// The card at each position, in document order.
    ids: Vec<CardId>,
    /// Position of each document's first card; one more entry at the end.
    document_start: Vec<u32>,
}

impl SearchIndex {
    pub fn new(handbook: &Handbook) -> SearchIndex {
        let cards = handbook.card_count();
        let text_len: usize = handbook
            .cards()
            .flat_map(|(_, c)| Field::ALL.map(|f| c.text(f).len()))
            .sum();
        let mut index = SearchIndex {
            folded: String::with_capacity(text_len + text_len / 8 + FIELDS * cards),
            folded_at: Vec::with_capacity(FIELDS * cards + 1),
            original: String::with_capacity(text_len),
            original_at: Vec::with_capacity(FIELDS * cards + 1),
            ids: Vec::with_capacity(cards),
            document_start: Vec::with_capacity(handbook.documents.len() + 1),
        };
        for (d, doc) in handbook.documents.iter().enumerate() {
            index.document_start.push(offset(index.ids.len()));
            for (c, card) in doc.cards.iter().enumerate() {
                index.ids.push(CardId {
                    document: d as u32,
                    card: c as u32,
                });
                for field in Field::ALL {
                    let text = card.text(field);
                    index.folded_at.push(offset(index.folded.len()));
                    fold_into(&text, &mut index.folded);
                    index.folded.push(SEPARATOR);
                    index.original_at.push(offset(index.original.len()));
                    index.original.push_str(&text);
                }
            }
        }
        index.document_start.push(offset(index.ids.len()));
        index.folded_at.push(offset(index.folded.len()));
        index.original_at.push(offset(index.original.len()));
        index.folded.shrink_to_fit();
        index
    }

    /// Number of cards indexed.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Bytes the index holds on the heap (for measuring).
    pub fn heap_bytes(&self) -> usize {
        self.folded.capacity()
            + self.original.capacity()
            + 4 * (self.folded_at.capacity()
                + self.original_at.capacity()
                + self.document_start.capacity())
            + std::mem::size_of::<CardId>() * self.ids.capacity()
    }

    /// Every matching card, best first; an empty query gives every card in order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let terms = evaluation_order(query);
        let mut hits = Vec::new();
        for (position, &card) in self.ids.iter().enumerate() {
            if let Some(score) = score_refs(&terms, &self.card_text(position)) {
                hits.push(Hit { card, score });
            }
        }
        rank(&mut hits);
        hits
    }

    /// As [`Self::search`], but only among `candidates` (for narrowing as a
    /// query grows; see [`Query::refines`]). Candidates may come in any order
    /// (the hits are ranked afresh); ids not in the index are ignored.
    pub fn search_within(&self, query: &Query, candidates: &[CardId]) -> Vec<Hit> {
        // Mark the candidates in a bitset, then walk it: document order for
        // free, duplicates dropped, no sort.
        let mut marked = vec![0u64; self.ids.len().div_ceil(64)];
        for id in candidates {
            if let Some(position) = self.position(*id) {
                marked[position / 64] |= 1 << (position % 64);
            }
        }
        let terms = evaluation_order(query);
        let mut hits = Vec::with_capacity(candidates.len());
        for (word_index, &word) in marked.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let position = word_index * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(score) = score_refs(&terms, &self.card_text(position)) {
                    hits.push(Hit {
                        card: self.ids[position],
                        score,
                    });
                }
            }
        }
        rank(&mut hits);
        hits
    }

    /// Where the query matches one card, for highlighting: each positive
    /// term's matches in each field it looks in, as byte ranges in
    /// `card.text(field)` (on char boundaries). Sorted by field
    /// ([`Field::ALL`] order), then position; overlapping or touching ranges
    /// in a field are merged into one. Empty when the card does not exist.
    pub fn matches(&self, handbook: &Handbook, query: &Query, card: CardId) -> Vec<Match> {
        handbook
            .card(card)
            .map(|c| highlight::matches(query.terms(), c))
            .unwrap_or_default()
    }

    fn position(&self, id: CardId) -> Option<usize> {
        let doc = id.document as usize;
        let start = *self.document_start.get(doc)? as usize;
        let end = *self.document_start.get(doc + 1)? as usize;
        let position = start + id.card as usize;
        (position < end).then_some(position)
    }

    fn card_text(&self, position: usize) -> IndexedCard<'_> {
        let at = FIELDS * position;
        IndexedCard {
            index: self,
            folded_at: &self.folded_at[at..=at + FIELDS],
            original_at: &self.original_at[at..=at + FIELDS],
        }
    }
}

fn offset(len: usize) -> u32 {
    u32::try_from(len).expect("search index over 4 GiB")
}

/// Terms in the order they are cheapest to reject a card with: words and
/// phrases (longest first: rarer), then regexes.
fn evaluation_order(query: &Query) -> Vec<&Term> {
    let mut terms: Vec<&Term> = query.terms().iter().collect();
    terms.sort_by_key(|t| match &t.pattern {
        Pattern::Text(text) => (0, usize::MAX - text.len()),
        Pattern::Regex(_) => (1, 0),
    });
    terms
}

/// One card's text as the matcher sees it.
pub(super) trait CardText {
    /// All fields folded, each followed by a NUL; the title comes first.
    fn folded_all(&self) -> &str;
    /// Length of the folded title (where the first NUL is).
    fn folded_title_len(&self) -> usize;
    fn folded(&self, field: usize) -> &str;
    fn original(&self, field: usize) -> &str;
}

struct IndexedCard<'i> {
    index: &'i SearchIndex,
    folded_at: &'i [u32],
    original_at: &'i [u32],
}

impl CardText for IndexedCard<'_> {
    #[inline]
    fn folded_all(&self) -> &str {
        &self.index.folded[self.folded_at[0] as usize..self.folded_at[FIELDS] as usize]
    }
    #[inline]
    fn folded_title_len(&self) -> usize {
        (self.folded_at[1] - self.folded_at[0]) as usize - 1
    }
    #[inline]
    fn folded(&self, field: usize) -> &str {
        &self.index.folded[self.folded_at[field] as usize..self.folded_at[field + 1] as usize - 1]
    }
    #[inline]
    fn original(&self, field: usize) -> &str {
        &self.index.original[self.original_at[field] as usize..self.original_at[field + 1] as usize]
    }
}

/// One card folded on the fly (for [`Query::score`]).
pub(super) struct OwnedCardText<'c> {
    folded: String,
    at: [usize; FIELDS + 1],
    original: [Cow<'c, str>; FIELDS],
}

impl<'c> OwnedCardText<'c> {
    pub(super) fn new(card: &'c Card) -> Self {
        let original = Field::ALL.map(|f| card.text(f));
        let mut folded = String::with_capacity(original.iter().map(|t| t.len() + 1).sum());
        let mut at = [0; FIELDS + 1];
        for (i, text) in original.iter().enumerate() {
            at[i] = folded.len();
            fold_into(text, &mut folded);
            folded.push(SEPARATOR);
        }
        at[FIELDS] = folded.len();
        OwnedCardText {
            folded,
            at,
            original,
        }
    }
}

impl CardText for OwnedCardText<'_> {
    fn folded_all(&self) -> &str {
        &self.folded
    }
    fn folded_title_len(&self) -> usize {
        self.at[1] - 1
    }
    fn folded(&self, field: usize) -> &str {
        &self.folded[self.at[field]..self.at[field + 1] - 1]
    }
    fn original(&self, field: usize) -> &str {
        &self.original[field]
    }
}

/// The card's rank if every term agrees with it, `None` otherwise.
pub(super) fn score(terms: &[Term], card: &impl CardText) -> Option<u32> {
    let refs: Vec<&Term> = terms.iter().collect();
    score_refs(&refs, card)
}

#[inline]
fn score_refs(terms: &[&Term], card: &impl CardText) -> Option<u32> {
    let mut score = 0;
    for term in terms {
        let (hit, title_hit) = hits(term, card);
        if hit == term.negated {
            return None;
        }
        score += u32::from(title_hit && !term.negated);
    }
    Some(score)
}

/// Whether `term` matches the card, and whether it matches its title.
#[inline]
fn hits(term: &Term, card: &impl CardText) -> (bool, bool) {
    match (&term.pattern, term.scope) {
        (Pattern::Text(needle), Scope::Any) => match card.folded_all().find(needle.as_str()) {
            // The title is the first field, so its hit would be the first.
            Some(at) => (true, at < card.folded_title_len()),
            None => (false, false),
        },
        (Pattern::Text(needle), scope) => {
            let mut hit = false;
            let mut title_hit = false;
            for &field in scope.fields() {
                if card.folded(field_index(field)).contains(needle.as_str()) {
                    hit = true;
                    title_hit |= field == Field::Title;
                }
            }
            (hit, title_hit)
        }
        (Pattern::Regex(regex), scope) => {
            let mut hit = false;
            let mut title_hit = false;
            for &field in scope.fields() {
                if regex.is_match(card.original(field_index(field))) {
                    hit = true;
                    title_hit |= field == Field::Title;
                }
            }
            (hit, title_hit)
        }
    }
}

fn field_index(field: Field) -> usize {
    match field {
        Field::Title => 0,
        Field::Owner => 1,
        Field::Leader => 2,
        Field::Purpose => 3,
        Field::Input => 4,
        Field::Output => 5,
    }
}
