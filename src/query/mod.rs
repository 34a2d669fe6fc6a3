//! The search language shared by `prosesser search` and the browser.
//!
//! The language is written down once, for users, in `docs/query.md`; it is
//! included here as this module's documentation. Words and phrases are
//! compared in folded form ([`fold()`]); a query that does not parse is a
//! [`QueryError`] with a byte offset into the query.
//!
//! [`SearchIndex`] answers queries over a loaded handbook fast enough for
//! every keystroke; [`search_handbook`] answers one query without an index.
//!
#![doc = include_str!("../../docs/query.md")]

mod fold;
mod highlight;
mod index;
mod matcher;
mod parse;
#[cfg(test)]
pub(crate) mod testdata;
#[cfg(test)]
mod tests;

pub use fold::{FoldMap, fold, fold_into};
pub use highlight::{MAX_LISTED as MAX_LISTED_MATCHES, Matches};
pub use index::SearchIndex;

use crate::model::{Card, CardId, Document, Field, Handbook};
use std::fmt;
use std::ops::Range;

/// A parsed query (see the module docs for the language).
#[derive(Debug, Clone)]
pub struct Query {
    source: String,
    terms: Vec<Term>,
}

/// Two queries are equal when they were written the same.
impl PartialEq for Query {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Byte offset in the query text where the problem is.
    pub offset: usize,
    /// What is wrong, for a program to word in its own language.
    pub kind: QueryErrorKind,
    /// What is wrong, in English (the command line and JSON say this).
    pub message: String,
}

/// What is wrong with a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// A `"` without its closing partner.
    UnterminatedQuote,
    /// A `/` without its closing partner.
    UnterminatedRegex,
    /// A regex the regex crate rejects, with the crate's reason.
    InvalidRegex(String),
    /// `eeir:`: a name before a colon one slip away from a scope's name.
    UnknownScope {
        /// The name as written (`eeir`).
        written: String,
        /// The scope name nearest to it (`eier`).
        nearest: &'static str,
    },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for QueryError {}

/// One term of a query: what it looks for, where, and whether it must be absent.
#[derive(Debug, Clone)]
pub struct Term {
    /// `-term`: the card must not match it.
    pub negated: bool,
    pub scope: Scope,
    pub pattern: Pattern,
    /// Where the term is written in the query (its `-` and scope included).
    pub span: Range<usize>,
}

impl PartialEq for Term {
    fn eq(&self, other: &Self) -> bool {
        self.negated == other.negated && self.scope == other.scope && self.pattern == other.pattern
    }
}

/// What a term looks for.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// A word or phrase, already folded; found as a substring of folded text.
    Text(String),
    /// A case-insensitive regex over the original text.
    Regex(regex::Regex),
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Pattern::Text(a), Pattern::Text(b)) => a == b,
            (Pattern::Regex(a), Pattern::Regex(b)) => a.as_str() == b.as_str(),
            _ => false,
        }
    }
}

/// Which fields a term looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every field (no scope written).
    Any,
    Title,
    Owner,
    Leader,
    /// Owner or leader.
    Person,
    Purpose,
    Input,
    Output,
    Effect,
    /// The card's page: its document's title or path.
    Page,
    /// The cards owned or led by members of a team (no field of the card's own).
    Team,
}

impl Scope {
    /// Every scope name the parser accepts, with its scope (compared folded).
    pub const NAMES: [(&'static str, Scope); 18] = [
        ("title", Scope::Title),
        ("tittel", Scope::Title),
        ("owner", Scope::Owner),
        ("eier", Scope::Owner),
        ("leader", Scope::Leader),
        ("leder", Scope::Leader),
        ("person", Scope::Person),
        ("purpose", Scope::Purpose),
        ("formål", Scope::Purpose),
        ("formal", Scope::Purpose),
        ("formaal", Scope::Purpose),
        ("input", Scope::Input),
        ("output", Scope::Output),
        ("effect", Scope::Effect),
        ("effekt", Scope::Effect),
        ("side", Scope::Page),
        ("page", Scope::Page),
        ("team", Scope::Team),
    ];

    /// The scope a name such as `eier` or `Formål` stands for.
    pub fn from_name(name: &str) -> Option<Scope> {
        let name = fold(name);
        Scope::NAMES
            .iter()
            .find(|(n, _)| fold(n) == name)
            .map(|&(_, s)| s)
    }

    /// The card fields looked in, in [`Field::ALL`] order ([`Scope::Page`]
    /// looks in none: it is about the card's document; [`Scope::Team`] looks
    /// in none but at the teams of the card's people).
    pub fn fields(self) -> &'static [Field] {
        match self {
            Scope::Any => &Field::ALL,
            Scope::Title => &[Field::Title],
            Scope::Owner => &[Field::Owner],
            Scope::Leader => &[Field::Leader],
            Scope::Person => &[Field::Owner, Field::Leader],
            Scope::Purpose => &[Field::Purpose],
            Scope::Input => &[Field::Input],
            Scope::Output => &[Field::Output],
            Scope::Effect => &[Field::Effect],
            Scope::Page | Scope::Team => &[],
        }
    }

    pub fn includes(self, field: Field) -> bool {
        self.fields().contains(&field)
    }
}

impl Query {
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        Ok(Query {
            source: input.to_owned(),
            terms: parse::parse(input)?,
        })
    }

    /// True when the query asks for nothing (blank, or only `eier:`, `-`,
    /// `""`...): it matches every card.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The query as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// True when every card matching `self` also matches `previous`, so a
    /// list filtered by `previous` can be narrowed with
    /// [`SearchIndex::search_within`] instead of searched afresh. Typing
    /// more letters of a word, or adding a term, refines; editing a regex or
    /// deleting letters does not.
    pub fn refines(&self, previous: &Query) -> bool {
        previous
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.implies(old)))
    }

    /// The rank of `card`, of `document`, if it matches (the number of terms
    /// that hit its title), `None` if it does not. Folds the text on the fly:
    /// for one-off searches; for many searches over the same cards build a
    /// [`SearchIndex`]. A `team:` term matches nothing here: that needs the
    /// handbook's people ([`Query::score_with_teams`]).
    pub fn score(&self, document: &Document, card: &Card) -> Option<u32> {
        self.score_with_teams(document, card, &[])
    }

    /// [`Query::score`], with the teams of the card's owners and leaders.
    pub fn score_with_teams(
        &self,
        document: &Document,
        card: &Card,
        teams: &[&str],
    ) -> Option<u32> {
        let plan = matcher::Plan::new(&self.terms);
        if !plan.document_agrees(document) {
            return None;
        }
        plan.score(&matcher::OwnedCardText::new(card, teams))
    }

    /// True when a term asks about teams (`team:`), so the caller must know
    /// the handbook's people to answer.
    pub fn asks_about_teams(&self) -> bool {
        self.terms.iter().any(|t| t.scope == Scope::Team)
    }

    /// Where the query matches `card`: see [`SearchIndex::matches`].
    pub fn matches(&self, card: &Card) -> Vec<Match> {
        highlight::matches(&self.terms, card).listed
    }

    /// [`Self::matches`], and per field how many matches were found past
    /// the [`MAX_LISTED_MATCHES`] listed.
    pub fn matches_counted(&self, card: &Card) -> Matches {
        highlight::matches(&self.terms, card)
    }
}

impl Term {
    /// Every card matching `self` matches `other`.
    fn implies(&self, other: &Term) -> bool {
        // A page term and a card term look at different text.
        if self.negated != other.negated
            || (self.scope == Scope::Page) != (other.scope == Scope::Page)
        {
            return false;
        }
        let (narrow, wide) = if self.negated {
            (other, self)
        } else {
            (self, other)
        };
        // A team term looks at no field: it implies only a team term.
        let scope_ok = if narrow.scope == Scope::Team || wide.scope == Scope::Team {
            narrow.scope == wide.scope
        } else {
            narrow
                .scope
                .fields()
                .iter()
                .all(|f| wide.scope.includes(*f))
        };
        scope_ok
            && match (&narrow.pattern, &wide.pattern) {
                (Pattern::Text(n), Pattern::Text(w)) => n.contains(w.as_str()),
                (Pattern::Regex(n), Pattern::Regex(w)) => n.as_str() == w.as_str(),
                _ => false,
            }
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

/// Every card of `handbook` matching `query`, best first, without building a
/// [`SearchIndex`]: folds each card once and keeps nothing (no index memory),
/// on all cores for a big handbook. For a one-off search (`prosesser search`).
pub fn search_handbook(handbook: &Handbook, query: &Query) -> Vec<Hit> {
    let plan = matcher::Plan::new(query.terms());
    // The people are read only when a term asks about teams.
    let teams = query
        .asks_about_teams()
        .then(|| crate::people::People::new(handbook));
    let documents = &handbook.documents;
    let groups = index::document_groups(documents);
    let search_group = |group: &Range<usize>| {
        let mut hits = Vec::new();
        let mut buffer = String::new();
        let first = group.start;
        for (d, document) in documents[group.clone()].iter().enumerate() {
            if !plan.document_agrees(document) {
                continue;
            }
            for (c, card) in document.cards.iter().enumerate() {
                let id = CardId {
                    document: (first + d) as u32,
                    card: c as u32,
                };
                let card_teams = teams
                    .as_ref()
                    .map(|p| p.teams_of_card(id))
                    .unwrap_or_default();
                let text = matcher::OwnedCardText::with_buffer(
                    card,
                    &card_teams,
                    std::mem::take(&mut buffer),
                );
                if let Some(score) = plan.score(&text) {
                    hits.push(Hit { card: id, score });
                }
                buffer = text.into_buffer();
            }
        }
        hits
    };
    let mut hits = crate::parallel::map(&groups, groups.len(), search_group).concat();
    rank(&mut hits);
    hits
}

/// The cards among `cards` that match `query`, in the order given (not
/// ranked), each with its rank: [`search_handbook`] over a few cards at a
/// time, for a caller that reads the handbook slice by slice (the browser,
/// while its index is being built). Ids that name no card are skipped.
/// `people` are the handbook's, needed when the query
/// [asks about teams](Query::asks_about_teams) (without them no card has a team).
pub fn search_among(
    handbook: &Handbook,
    query: &Query,
    cards: &[CardId],
    people: Option<&crate::people::People>,
) -> Vec<Hit> {
    let plan = matcher::Plan::new(query.terms());
    let mut buffer = String::new();
    let mut hits = Vec::new();
    for &id in cards {
        let (Some(document), Some(card)) = (handbook.document_of(id), handbook.card(id)) else {
            continue;
        };
        if !plan.document_agrees(document) {
            continue;
        }
        let card_teams = people.map(|p| p.teams_of_card(id)).unwrap_or_default();
        let text =
            matcher::OwnedCardText::with_buffer(card, &card_teams, std::mem::take(&mut buffer));
        if let Some(score) = plan.score(&text) {
            hits.push(Hit { card: id, score });
        }
        buffer = text.into_buffer();
    }
    hits
}

/// Title hits first; otherwise keeps the (document) order given. Stable and
/// linear for the usual case of scores 0 and 1.
fn rank(hits: &mut Vec<Hit>) {
    let best = hits.iter().map(|h| h.score).max().unwrap_or(0);
    match best {
        0 => {}
        1 => {
            let mut ranked = Vec::with_capacity(hits.len());
            ranked.extend(hits.iter().filter(|h| h.score == 1));
            ranked.extend(hits.iter().filter(|h| h.score == 0));
            *hits = ranked;
        }
        _ => hits.sort_by_key(|h| std::cmp::Reverse(h.score)),
    }
}
