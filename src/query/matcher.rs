//! Deciding whether one card matches a query, and its rank: the part shared
//! by the [`super::SearchIndex`] and the index-free [`super::Query::score`].

use super::{Pattern, Scope, Term, fold, fold_into};
use crate::model::{Card, Document, Field};
use memchr::memmem::Finder;
use std::borrow::Cow;

pub(super) const FIELDS: usize = Field::ALL.len();
/// Ends every folded field. Folding turns a NUL in a document into a space
/// and a folded query never holds one, so no match spans two fields.
pub(super) const SEPARATOR: char = '\0';

/// One card's text as the matcher sees it.
pub(super) trait CardText {
    /// All fields folded, each followed by [`SEPARATOR`]; the title first.
    fn folded_all(&self) -> &[u8];
    /// Length of the folded title (where the first separator is).
    fn folded_title_len(&self) -> usize;
    fn folded(&self, field: usize) -> &[u8];
    fn original(&self, field: usize) -> &str;
    /// [`letter_mask`]s of the whole card and of its title, when known.
    fn masks(&self) -> Option<(u64, u64)> {
        None
    }
    /// The titles of the teams of the card's owners and leaders, folded,
    /// each followed by [`SEPARATOR`].
    fn teams_folded(&self) -> &[u8];
    /// The same titles as written, each followed by a newline.
    fn teams_original(&self) -> &str;
}

/// Which bytes a folded text holds, one bit per class: a bit for each of
/// `a`–`z`, `0`–`9` and space, and shared bits for the other bytes. A card
/// without every bit of a word cannot contain it; for a one-letter word (the
/// first keystroke) the mask alone answers.
pub(super) fn letter_mask(text: &[u8]) -> u64 {
    text.iter().fold(0, |mask, &b| mask | byte_bit(b))
}

#[inline]
fn byte_bit(b: u8) -> u64 {
    let bit = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + (b - b'0'),
        b' ' => 36,
        0 => return 0,
        1..0x80 => 37 + b % 11,
        _ => 48 + b % 16,
    };
    1 << bit
}

/// True when a mask bit for `b` stands for `b` alone.
fn exclusive_bit(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' '
}

/// A query's terms, ready to run over many cards: each word's substring
/// finder built once, cheapest-to-reject terms first.
pub(super) struct Plan<'q> {
    /// The terms about a card's own fields.
    pub(super) steps: Vec<Step<'q>>,
    /// The terms about a card's page (`side:`): checked once per document.
    pub(super) page: Vec<Step<'q>>,
}

pub(super) struct Step<'q> {
    pub(super) term: &'q Term,
    pub(super) how: How<'q>,
}

pub(super) enum How<'q> {
    /// The word's finder, its [`letter_mask`], and whether the mask alone
    /// decides (a one-letter word).
    Text(Box<Finder<'q>>, u64, bool),
    Regex(&'q regex::Regex),
}

impl<'q> Plan<'q> {
    pub(super) fn new(terms: &'q [Term]) -> Plan<'q> {
        let mut steps: Vec<Step<'q>> = terms
            .iter()
            .map(|term| Step {
                term,
                how: match &term.pattern {
                    Pattern::Text(text) => How::Text(
                        Box::new(Finder::new(text.as_bytes())),
                        letter_mask(text.as_bytes()),
                        text.len() == 1 && exclusive_bit(text.as_bytes()[0]),
                    ),
                    Pattern::Regex(regex) => How::Regex(regex),
                },
            })
            .collect();
        // Words before regexes; longer (rarer) words first.
        steps.sort_by_key(|s| match &s.term.pattern {
            Pattern::Text(text) => (0, usize::MAX - text.len()),
            Pattern::Regex(_) => (1, 0),
        });
        let (page, steps) = steps.into_iter().partition(|s| s.term.scope == Scope::Page);
        Plan { steps, page }
    }

    /// Whether a page, given as its folded and original title and path,
    /// agrees with every page term.
    pub(super) fn page_agrees(&self, folded: [&[u8]; 2], original: [&str; 2]) -> bool {
        self.page.iter().all(|step| {
            let hit = match &step.how {
                How::Text(finder, ..) => folded.iter().any(|t| finder.find(t).is_some()),
                How::Regex(regex) => original.iter().any(|t| regex.is_match(t)),
            };
            hit != step.term.negated
        })
    }

    /// [`Self::page_agrees`] for a document, folding its title and path only
    /// when the query has page terms.
    pub(super) fn document_agrees(&self, document: &Document) -> bool {
        if self.page.is_empty() {
            return true;
        }
        let page = page_text(document);
        let original = page.each_ref().map(|t| t.as_ref());
        let folded = original.map(fold);
        self.page_agrees(folded.each_ref().map(|t| t.as_bytes()), original)
    }

    /// The card's rank if every term agrees with it, `None` otherwise.
    #[inline]
    pub(super) fn score(&self, card: &impl CardText) -> Option<u32> {
        self.score_rest(card, usize::MAX, false)
    }

    /// As [`Self::score`], when step `known` is already known to match
    /// (`title_hit`: in the title) and need not run again.
    #[inline]
    pub(super) fn score_rest(
        &self,
        card: &impl CardText,
        known: usize,
        title_hit: bool,
    ) -> Option<u32> {
        let mut score = u32::from(title_hit);
        for (i, step) in self.steps.iter().enumerate() {
            if i == known {
                continue;
            }
            let (hit, title_hit) = step.hits(card);
            if hit == step.term.negated {
                return None;
            }
            score += u32::from(title_hit && !step.term.negated);
        }
        Some(score)
    }
}

impl Step<'_> {
    /// Whether the term's pattern is found in the card, and in its title.
    #[inline]
    pub(super) fn hits(&self, card: &impl CardText) -> (bool, bool) {
        match (&self.how, self.term.scope) {
            (How::Text(finder, mask, exact), Scope::Any) => {
                if let Some((card_mask, title_mask)) = card.masks() {
                    if card_mask & mask != *mask {
                        return (false, false);
                    }
                    if *exact {
                        return (true, title_mask & mask != 0);
                    }
                }
                match finder.find(card.folded_all()) {
                    // The title is the first field, so a title hit is the first hit.
                    Some(at) => (true, at < card.folded_title_len()),
                    None => (false, false),
                }
            }
            (How::Text(finder, ..), Scope::Team) => {
                (finder.find(card.teams_folded()).is_some(), false)
            }
            (How::Regex(regex), Scope::Team) => {
                let teams = card.teams_original();
                (teams.lines().any(|team| regex.is_match(team)), false)
            }
            (How::Text(finder, ..), scope) => {
                let mut hit = false;
                let mut title_hit = false;
                for &field in scope.fields() {
                    if finder.find(card.folded(field_index(field))).is_some() {
                        hit = true;
                        title_hit |= field == Field::Title;
                    }
                }
                (hit, title_hit)
            }
            (How::Regex(regex), scope) => {
                let mut hit = false;
                let mut title_hit = false;
                for &field in scope.fields() {
                    let text = card.original(field_index(field));
                    // A card without an effect has no gap there: only a
                    // scoped `effekt:/^$/` asks about it.
                    if scope == Scope::Any && field.shown_only_when_set() && text.is_empty() {
                        continue;
                    }
                    if regex.is_match(text) {
                        hit = true;
                        title_hit |= field == Field::Title;
                    }
                }
                (hit, title_hit)
            }
        }
    }
}

/// What a page term looks in: the document's title ("" without one) and path.
pub(super) fn page_text(document: &Document) -> [std::borrow::Cow<'_, str>; 2] {
    [
        document.title().unwrap_or_default(),
        std::borrow::Cow::Borrowed(&document.path),
    ]
}

pub(super) fn field_index(field: Field) -> usize {
    match field {
        Field::Title => 0,
        Field::Owner => 1,
        Field::Leader => 2,
        Field::Purpose => 3,
        Field::Input => 4,
        Field::Output => 5,
        Field::Effect => 6,
    }
}

/// One card folded on the fly (for [`super::Query::score`]).
pub(super) struct OwnedCardText<'c> {
    folded: String,
    at: [usize; FIELDS + 1],
    original: [Cow<'c, str>; FIELDS],
    teams_folded: String,
    teams_original: String,
}

/// The teams' titles folded and as written, each followed by its separator.
pub(super) fn team_texts(teams: &[&str], folded: &mut String, original: &mut String) {
    for team in teams {
        fold_into(team, folded);
        folded.push(SEPARATOR);
        original.push_str(&team.replace('\n', " "));
        original.push('\n');
    }
}

impl<'c> OwnedCardText<'c> {
    pub(super) fn new(card: &'c Card, teams: &[&str]) -> Self {
        OwnedCardText::with_buffer(card, teams, String::new())
    }

    /// As [`Self::new`], folding into `buffer` (cleared first), so a loop over
    /// many cards can reuse one allocation: see [`Self::into_buffer`].
    pub(super) fn with_buffer(card: &'c Card, teams: &[&str], mut folded: String) -> Self {
        let original = Field::ALL.map(|f| card.text(f));
        folded.clear();
        folded.reserve(original.iter().map(|t| t.len() + 1).sum());
        let mut at = [0; FIELDS + 1];
        for (i, text) in original.iter().enumerate() {
            at[i] = folded.len();
            fold_into(text, &mut folded);
            folded.push(SEPARATOR);
        }
        at[FIELDS] = folded.len();
        let mut teams_folded = String::new();
        let mut teams_original = String::new();
        team_texts(teams, &mut teams_folded, &mut teams_original);
        OwnedCardText {
            folded,
            at,
            original,
            teams_folded,
            teams_original,
        }
    }

    pub(super) fn into_buffer(self) -> String {
        self.folded
    }
}

impl CardText for OwnedCardText<'_> {
    fn folded_all(&self) -> &[u8] {
        self.folded.as_bytes()
    }
    fn folded_title_len(&self) -> usize {
        self.at[1] - 1
    }
    fn folded(&self, field: usize) -> &[u8] {
        &self.folded.as_bytes()[self.at[field]..self.at[field + 1] - 1]
    }
    fn original(&self, field: usize) -> &str {
        &self.original[field]
    }
    fn teams_folded(&self) -> &[u8] {
        self.teams_folded.as_bytes()
    }
    fn teams_original(&self) -> &str {
        &self.teams_original
    }
}
