//! [`SearchIndex`]: every card's text folded once at load, laid out so that a
//! keystroke is a tight substring scan.
//!
//! Layout: one `String` holds the folded text of every card, field after field
//! in [`Field::ALL`] order, each field followed by a NUL (no match can span
//! two fields, see [`matcher::SEPARATOR`]), and a `Vec<u32>` holds where each
//! field starts. The original text is kept the same way (each field followed
//! by a newline) for regexes, which run on the original. Nothing is stored per
//! byte: the folded-to-original mapping for highlighting is computed in
//! [`SearchIndex::matches`] for the one card asked about.
//!
//! A search over many cards is a *sweep*: the query's longest unscoped word is
//! looked up with one SIMD substring search (`memchr::memmem`) over the whole
//! folded text; each hit names a card, which is then checked against the other
//! terms, and the sweep jumps to the next card. A regex sweeps the original
//! text the same way. Narrowing sweeps only the runs of candidate cards.

use super::matcher::{self, CardText, FIELDS, How, Plan, SEPARATOR};
use super::{Hit, Match, Query, Scope, fold_into, highlight, rank};
use crate::model::{CardId, Field, Handbook};
use crate::parallel;
use std::ops::Range;

/// Folded text of every card, built once at load so a keystroke only scans.
pub struct SearchIndex {
    /// Every card's fields, folded, each followed by [`SEPARATOR`].
    folded: String,
    /// `FIELDS * cards + 1` offsets into `folded`: where each field starts.
    folded_at: Vec<u32>,
    /// Every card's fields as written, each followed by a newline.
    original: String,
    /// `FIELDS * cards + 1` offsets into `original`.
    original_at: Vec<u32>,
    /// The [`matcher::letter_mask`] of each card and of its title.
    masks: Vec<(u64, u64)>,
    /// The card at each position, in document order.
    ids: Vec<CardId>,
    /// Position of each document's first card; one more entry at the end.
    document_start: Vec<u32>,
    /// Each document's page text for `side:` terms (title and path, see
    /// [`matcher::page_text`]): folded, each followed by [`SEPARATOR`], and
    /// as written; four offsets a document (folded title, folded path,
    /// original title, original path) into `pages`, plus one at the end.
    pages: String,
    pages_at: Vec<u32>,
    /// The last cards' highlights ([`SearchIndex::matches`]), newest last:
    /// a browser asks for the same few cards on every frame, and a card with
    /// a field of megabytes takes milliseconds to fold and map.
    highlighted: std::sync::Mutex<Vec<Highlighted>>,
    /// The teams of each card's people, for `team:`: empty for a handbook
    /// without team pages (then no card has a team).
    teams: Teams,
}

/// Each card's team titles, folded and as written ([`matcher::team_texts`]).
#[derive(Default)]
struct Teams {
    folded: String,
    /// `cards + 1` offsets into `folded`, or none at all.
    folded_at: Vec<u32>,
    original: String,
    original_at: Vec<u32>,
}

impl Teams {
    /// The teams of every card of `handbook`, in [`SearchIndex`] position
    /// order; nothing when the site has no team page, so a handbook without a
    /// people directory pays nothing for it.
    fn new(handbook: &Handbook) -> Teams {
        let mut teams = Teams::default();
        if crate::directory::Directory::new(handbook).is_empty() {
            return teams;
        }
        let people = crate::people::People::new(handbook);
        for (id, _) in handbook.cards() {
            teams.folded_at.push(offset(teams.folded.len()));
            teams.original_at.push(offset(teams.original.len()));
            matcher::team_texts(
                &people.teams_of_card(id),
                &mut teams.folded,
                &mut teams.original,
            );
        }
        teams.folded_at.push(offset(teams.folded.len()));
        teams.original_at.push(offset(teams.original.len()));
        teams
    }

    fn of(&self, position: usize) -> (&[u8], &str) {
        if position + 1 >= self.folded_at.len() {
            return (&[], "");
        }
        let folded = self.folded_at[position] as usize..self.folded_at[position + 1] as usize;
        let original = self.original_at[position] as usize..self.original_at[position + 1] as usize;
        (&self.folded.as_bytes()[folded], &self.original[original])
    }

    fn heap_bytes(&self) -> usize {
        self.folded.capacity()
            + self.original.capacity()
            + 4 * (self.folded_at.capacity() + self.original_at.capacity())
    }
}

/// One card's highlights for one query.
struct Highlighted {
    query: Query,
    card: CardId,
    matches: Vec<Match>,
}

/// How many cards' highlights are remembered: more than a screen of rows.
const HIGHLIGHTED: usize = 128;

impl SearchIndex {
    /// Folds every card of `handbook` (on all cores for a big handbook).
    pub fn new(handbook: &Handbook) -> SearchIndex {
        let documents = &handbook.documents;
        let groups = document_groups(documents);
        let parts = parallel::map(&groups, groups.len(), |g| {
            SearchIndex::build(&documents[g.clone()], g.start)
        });
        let mut parts = parts.into_iter();
        let mut index = parts.next().unwrap_or_else(|| SearchIndex::build(&[], 0));
        for part in parts {
            index.append(part);
        }
        index.teams = Teams::new(handbook);
        index
    }

    /// The index of `documents`, the first of which is document `first`.
    fn build(documents: &[crate::model::Document], first: usize) -> SearchIndex {
        let cards: usize = documents.iter().map(|d| d.cards.len()).sum();
        let text_len: usize = documents
            .iter()
            .flat_map(|d| &d.cards)
            .flat_map(|c| Field::ALL.map(|f| c.text(f).len() + 1))
            .sum();
        let mut index = SearchIndex {
            folded: String::with_capacity(text_len + text_len / 16),
            folded_at: Vec::with_capacity(FIELDS * cards + 1),
            original: String::with_capacity(text_len),
            original_at: Vec::with_capacity(FIELDS * cards + 1),
            masks: Vec::with_capacity(cards),
            ids: Vec::with_capacity(cards),
            document_start: Vec::with_capacity(documents.len() + 1),
            pages: String::new(),
            pages_at: Vec::with_capacity(4 * documents.len() + 1),
            teams: Teams::default(),
            highlighted: Default::default(),
        };
        for (d, doc) in documents.iter().enumerate() {
            index.document_start.push(offset(index.ids.len()));
            let page = matcher::page_text(doc);
            let page = page.each_ref().map(|t| t.as_ref());
            for text in page {
                index.pages_at.push(offset(index.pages.len()));
                fold_into(text, &mut index.pages);
                index.pages.push(SEPARATOR);
            }
            for text in page {
                index.pages_at.push(offset(index.pages.len()));
                index.pages.push_str(text);
                index.pages.push(SEPARATOR);
            }
            for (c, card) in doc.cards.iter().enumerate() {
                index.ids.push(CardId {
                    document: (first + d) as u32,
                    card: c as u32,
                });
                let card_start = index.folded.len();
                let mut title_mask = 0;
                for field in Field::ALL {
                    let text = card.text(field);
                    index.folded_at.push(offset(index.folded.len()));
                    fold_into(&text, &mut index.folded);
                    if field == Field::Title {
                        title_mask = matcher::letter_mask(&index.folded.as_bytes()[card_start..]);
                    }
                    index.folded.push(SEPARATOR);
                    index.original_at.push(offset(index.original.len()));
                    index.original.push_str(&text);
                    index.original.push('\n');
                }
                let card_mask = matcher::letter_mask(&index.folded.as_bytes()[card_start..]);
                index.masks.push((card_mask, title_mask));
            }
        }
        index.document_start.push(offset(index.ids.len()));
        index.pages_at.push(offset(index.pages.len()));
        index.folded_at.push(offset(index.folded.len()));
        index.original_at.push(offset(index.original.len()));
        index.folded.shrink_to_fit();
        index
    }

    /// Adds the index of the documents right after ours.
    fn append(&mut self, other: SearchIndex) {
        fn shifted(to: &mut Vec<u32>, from: &[u32], by: usize) {
            to.pop(); // our end is their start
            to.extend(from.iter().map(|&at| offset(at as usize + by)));
        }
        shifted(&mut self.folded_at, &other.folded_at, self.folded.len());
        shifted(
            &mut self.original_at,
            &other.original_at,
            self.original.len(),
        );
        shifted(
            &mut self.document_start,
            &other.document_start,
            self.ids.len(),
        );
        shifted(&mut self.pages_at, &other.pages_at, self.pages.len());
        self.pages.push_str(&other.pages);
        self.folded.push_str(&other.folded);
        self.original.push_str(&other.original);
        self.masks.extend(other.masks);
        self.ids.extend(other.ids);
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
            + self.pages.capacity()
            + 4 * (self.folded_at.capacity()
                + self.original_at.capacity()
                + self.document_start.capacity()
                + self.pages_at.capacity())
            + std::mem::size_of::<CardId>() * self.ids.capacity()
            + std::mem::size_of::<(u64, u64)>() * self.masks.capacity()
            + self.teams.heap_bytes()
    }

    /// Every matching card, best first; an empty query gives every card in order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.run(&Plan::new(query.terms()), None)
    }

    /// As [`Self::search`], but only among `candidates` (for narrowing as a
    /// query grows; see [`Query::refines`]). Candidates may come in any order
    /// (the hits are ranked afresh); ids not in the index are ignored.
    pub fn search_within(&self, query: &Query, candidates: &[CardId]) -> Vec<Hit> {
        let mut marked = Bitset::new(self.ids.len());
        let mut count = 0;
        for id in candidates {
            if let Some(position) = self.position(*id) {
                count += usize::from(marked.insert(position));
            }
        }
        self.run(&Plan::new(query.terms()), Some((&marked, count)))
    }

    /// Where the query matches one card, for highlighting: each positive
    /// term's matches in each field it looks in, as byte ranges in
    /// `card.text(field)` (on char boundaries). Sorted by field
    /// ([`Field::ALL`] order), then position; overlapping or touching ranges
    /// in a field are merged into one. Empty when the card does not exist.
    /// At most [`super::MAX_LISTED_MATCHES`] ranges per field. Remembered
    /// for the last cards asked about, so asking again is cheap.
    pub fn matches(&self, handbook: &Handbook, query: &Query, card: CardId) -> Vec<Match> {
        let mut remembered = self
            .highlighted
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(at) = remembered
            .iter()
            .position(|h| h.card == card && h.query == *query)
        {
            let hit = remembered.remove(at);
            let matches = hit.matches.clone();
            remembered.push(hit);
            return matches;
        }
        let matches = handbook
            .card(card)
            .map(|c| highlight::matches(query.terms(), c).listed)
            .unwrap_or_default();
        if remembered.len() >= HIGHLIGHTED {
            remembered.remove(0);
        }
        remembered.push(Highlighted {
            query: query.clone(),
            card,
            matches: matches.clone(),
        });
        matches
    }

    fn run(&self, plan: &Plan<'_>, only: Option<(&Bitset, usize)>) -> Vec<Hit> {
        let on_pages;
        let only = if plan.page.is_empty() {
            only
        } else {
            on_pages = self.on_agreeing_pages(plan, only.map(|(set, _)| set));
            Some((&on_pages.0, on_pages.1))
        };
        let strategy = match driver(plan) {
            Some(d) => match &plan.steps[d].how {
                // A one-letter word is answered by the letter masks alone.
                How::Text(_, _, true) => Strategy::OneByOne,
                How::Text(finder, ..) => Strategy::Words(d, finder),
                How::Regex(_) => match sweep_regex(plan.steps[d].term) {
                    Some(regex) => Strategy::Regex(d, regex),
                    None => Strategy::OneByOne,
                },
            },
            None => Strategy::OneByOne,
        };
        let cards = only.map_or(self.ids.len(), |(_, count)| count);
        let threads = threads_for(cards);
        let only = only.map(|(set, _)| set);
        // Chunks of whole bitset words, so each thread reads its own words.
        let words = self.ids.len().div_ceil(64);
        let per_thread = words.div_ceil(threads.max(1)).max(1);
        let chunks: Vec<Range<usize>> = (0..threads)
            .map(|i| (i * per_thread).min(words)..((i + 1) * per_thread).min(words))
            .collect();
        let mut hits = parallel::map(&chunks, threads, |chunk| {
            self.collect(plan, &strategy, only, chunk.clone())
        })
        .concat();
        rank(&mut hits);
        hits
    }

    /// The hits among the cards of bitset words `words` (64 cards a word).
    fn collect(
        &self,
        plan: &Plan<'_>,
        strategy: &Strategy<'_>,
        only: Option<&Bitset>,
        words: Range<usize>,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut each_run = |cards: Range<usize>| match strategy {
            Strategy::Words(d, finder) => self.sweep_words(plan, *d, finder, cards, &mut hits),
            Strategy::Regex(d, regex) => self.sweep_regex(plan, *d, regex, cards, &mut hits),
            Strategy::OneByOne => {
                for position in cards {
                    if let Some(score) = plan.score(&self.card_text(position)) {
                        hits.push(Hit {
                            card: self.ids[position],
                            score,
                        });
                    }
                }
            }
        };
        match only {
            Some(set) => set.for_each_run(words, each_run),
            None => {
                let cards =
                    (words.start * 64).min(self.ids.len())..(words.end * 64).min(self.ids.len());
                if !cards.is_empty() {
                    each_run(cards);
                }
            }
        }
        hits
    }

    /// Sweep the folded text of `cards` with the driver word's finder.
    fn sweep_words(
        &self,
        plan: &Plan<'_>,
        driver: usize,
        finder: &memchr::memmem::Finder<'_>,
        cards: Range<usize>,
        hits: &mut Vec<Hit>,
    ) {
        let card_start = |position: usize| self.folded_at[FIELDS * position] as usize;
        let text = &self.folded.as_bytes()[..card_start(cards.end)];
        let mut position = cards.start;
        let mut from = card_start(position);
        while let Some(found) = finder.find(&text[from..]) {
            let at = from + found;
            while card_start(position + 1) <= at {
                position += 1;
            }
            from = card_start(position + 1);
            let title_end = self.folded_at[FIELDS * position + 1] as usize - 1;
            if let Some(score) = plan.score_rest(&self.card_text(position), driver, at < title_end)
            {
                hits.push(Hit {
                    card: self.ids[position],
                    score,
                });
            }
        }
    }

    /// Sweep the original text of `cards` with `regex` (the driver's regex in
    /// multi-line mode: it matches wherever the driver matches in some field,
    /// and maybe more), then check each card it lands in exactly.
    fn sweep_regex(
        &self,
        plan: &Plan<'_>,
        driver: usize,
        regex: &regex::Regex,
        cards: Range<usize>,
        hits: &mut Vec<Hit>,
    ) {
        let card_start = |position: usize| self.original_at[FIELDS * position] as usize;
        let text = &self.original[..card_start(cards.end)];
        let mut position = cards.start;
        let mut from = card_start(position);
        while from < text.len() {
            let Some(found) = regex.find_at(text, from) else {
                break;
            };
            let at = found.start();
            while position < cards.end && card_start(position + 1) <= at {
                position += 1;
            }
            if position == cards.end {
                break;
            }
            from = card_start(position + 1);
            let card = self.card_text(position);
            let (hit, title_hit) = plan.steps[driver].hits(&card);
            if !hit {
                continue;
            }
            if let Some(score) = plan.score_rest(&card, driver, title_hit) {
                hits.push(Hit {
                    card: self.ids[position],
                    score,
                });
            }
        }
    }

    /// The cards (among `only`, if given) whose page agrees with the plan's
    /// page terms, and how many there are.
    fn on_agreeing_pages(&self, plan: &Plan<'_>, only: Option<&Bitset>) -> (Bitset, usize) {
        let mut set = Bitset::new(self.ids.len());
        let mut count = 0;
        let text =
            |i: usize| &self.pages[self.pages_at[i] as usize..self.pages_at[i + 1] as usize - 1];
        for d in 0..self.document_start.len() - 1 {
            let cards = self.document_start[d] as usize..self.document_start[d + 1] as usize;
            if cards.is_empty() {
                continue;
            }
            let at = 4 * d;
            let folded = [text(at).as_bytes(), text(at + 1).as_bytes()];
            if !plan.page_agrees(folded, [text(at + 2), text(at + 3)]) {
                continue;
            }
            for position in cards {
                if only.is_none_or(|only| only.contains(position)) {
                    set.insert(position);
                    count += 1;
                }
            }
        }
        (set, count)
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
            teams: self.teams.of(position),
            masks: self.masks[position],
            folded_at: &self.folded_at[at..=at + FIELDS],
            original_at: &self.original_at[at..=at + FIELDS],
        }
    }
}

/// How a search goes through the cards.
enum Strategy<'p> {
    /// Sweep the folded text for the word of step `.0`.
    Words(usize, &'p memchr::memmem::Finder<'p>),
    /// Sweep the original text with the multi-line twin of step `.0`'s regex.
    Regex(usize, regex::Regex),
    /// Check each card (one-letter words: by letter mask).
    OneByOne,
}

/// From this many cards on, a search is split over the cores (tests split
/// small handbooks too, so that path is checked)...
const PARALLEL_FROM: usize = if cfg!(test) { 256 } else { 16 * 1024 };
/// ...but not over more than this many.
const MAX_THREADS: usize = 8;

/// For the bench: when not 0, every search uses this many threads.
#[cfg(test)]
pub(super) static FORCE_THREADS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// The documents split into one group per thread, of about as many cards
/// each (one empty group when there are no documents).
pub(super) fn document_groups(documents: &[crate::model::Document]) -> Vec<Range<usize>> {
    let cards: usize = documents.iter().map(|d| d.cards.len()).sum();
    let threads = threads_for(cards);
    let per_thread = cards.div_ceil(threads).max(1);
    let mut starts = vec![0];
    let mut seen = 0;
    for (d, doc) in documents.iter().enumerate() {
        seen += doc.cards.len();
        if seen >= per_thread * starts.len() && starts.len() < threads {
            starts.push(d + 1);
        }
    }
    starts.push(documents.len());
    starts.dedup();
    if starts.len() == 1 {
        starts.push(0); // no documents: one empty group
    }
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// How many threads to go through `cards` cards with.
fn threads_for(cards: usize) -> usize {
    let threads = if cards >= PARALLEL_FROM {
        parallel::cores().min(MAX_THREADS)
    } else {
        1
    };
    #[cfg(test)]
    let threads = match FORCE_THREADS.load(std::sync::atomic::Ordering::Relaxed) {
        0 => threads,
        forced => forced,
    };
    threads
}

/// The step a sweep is driven by: the longest positive unscoped word (steps
/// are sorted longest first), else a positive regex.
fn driver(plan: &Plan<'_>) -> Option<usize> {
    let positive = |s: &&matcher::Step<'_>| !s.term.negated;
    plan.steps
        .iter()
        .position(|s| positive(&s) && s.term.scope == Scope::Any && matches!(s.how, How::Text(..)))
        .or_else(|| {
            plan.steps
                .iter()
                // A team regex looks at no card text: it cannot drive a sweep.
                .position(|s| {
                    positive(&s) && s.term.scope != Scope::Team && matches!(s.how, How::Regex(_))
                })
        })
}

/// The multi-line twin of a term's regex for sweeping the whole original
/// text, or `None` when the twin might miss a match (`\A`, `\z` and inline
/// flags mean something else there).
fn sweep_regex(term: &super::Term) -> Option<regex::Regex> {
    let super::Pattern::Regex(regex) = &term.pattern else {
        return None;
    };
    let source = regex.as_str();
    if source.contains("\\A") || source.contains("\\z") || source.contains("(?") {
        return None;
    }
    regex::RegexBuilder::new(source)
        .case_insensitive(true)
        .multi_line(true)
        .size_limit(1 << 22)
        .build()
        .ok()
}

fn offset(len: usize) -> u32 {
    u32::try_from(len).expect("search index over 4 GiB")
}

struct IndexedCard<'i> {
    index: &'i SearchIndex,
    teams: (&'i [u8], &'i str),
    masks: (u64, u64),
    folded_at: &'i [u32],
    original_at: &'i [u32],
}

impl CardText for IndexedCard<'_> {
    #[inline]
    fn masks(&self) -> Option<(u64, u64)> {
        Some(self.masks)
    }
    #[inline]
    fn folded_all(&self) -> &[u8] {
        &self.index.folded.as_bytes()[self.folded_at[0] as usize..self.folded_at[FIELDS] as usize]
    }
    #[inline]
    fn folded_title_len(&self) -> usize {
        (self.folded_at[1] - self.folded_at[0]) as usize - 1
    }
    #[inline]
    fn folded(&self, field: usize) -> &[u8] {
        &self.index.folded.as_bytes()
            [self.folded_at[field] as usize..self.folded_at[field + 1] as usize - 1]
    }
    #[inline]
    fn original(&self, field: usize) -> &str {
        &self.index.original
            [self.original_at[field] as usize..self.original_at[field + 1] as usize - 1]
    }
    fn teams_folded(&self) -> &[u8] {
        self.teams.0
    }
    fn teams_original(&self) -> &str {
        self.teams.1
    }
}

/// Positions of the candidates: document order and no duplicates for free.
struct Bitset(Vec<u64>);

impl Bitset {
    fn new(len: usize) -> Self {
        Bitset(vec![0; len.div_ceil(64)])
    }

    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    /// Adds `i`; false when it was there already.
    fn insert(&mut self, i: usize) -> bool {
        let (word, bit) = (i / 64, 1u64 << (i % 64));
        let added = self.0[word] & bit == 0;
        self.0[word] |= bit;
        added
    }

    /// Calls `f` with each run of consecutive members in `words`, in order.
    fn for_each_run(&self, words: Range<usize>, mut f: impl FnMut(Range<usize>)) {
        let mut run: Option<Range<usize>> = None;
        for (w, &word) in self.0.iter().enumerate().take(words.end).skip(words.start) {
            let mut bits = word;
            while bits != 0 {
                let i = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                match &mut run {
                    Some(r) if r.end == i => r.end += 1,
                    _ => {
                        if let Some(r) = run.replace(i..i + 1) {
                            f(r);
                        }
                    }
                }
            }
        }
        if let Some(r) = run {
            f(r);
        }
    }
}
