//! What every view reads: the handbook, the user's language, and what the
//! browser derives from the handbook (the search index, the findings, the
//! people, each document's flow), some of it still arriving from the
//! [`background`](super::background) jobs. Views read it; only the app
//! changes it (jobs taken in, a handbook read again).

use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::flow::{self, Endpoint, Flow, Layout, Reason};
use crate::i18n::{Lang, Words, words};
use crate::labels::{TitleLabels, TitleRepeats};
use crate::people::Person;
use crate::query::{Match, Query, SearchIndex};
use crate::{CardId, Diagnostic, Document, Handbook, Severity};

use super::background::{Facts, Jobs, Loaded};
use super::wrap;

pub struct Context {
    pub handbook: Arc<Handbook>,
    pub lang: Lang,
    /// Counts the handbooks read: the first is 0, each reload adds one.
    pub generation: u64,
    /// More than one document has cards: the list groups them under their
    /// document's title.
    pub grouped: bool,
    /// The paths the handbook was read from, as the user wrote them (empty
    /// for the compiled-in handbook): what to name when they hold nothing.
    pub read_from: Vec<String>,
    /// `None` until its job is done (see [`Context::poll`]).
    index: Option<SearchIndex>,
    /// `None` until its job is done.
    facts: Option<Facts>,
    jobs: Jobs,
    /// Each document's flow and its layout, worked out the first time it
    /// is shown: at once for a page of ordinary size, on another thread for
    /// a big one (a dense page's flow takes seconds), the keys going on.
    flows: Vec<OnceLock<Flowed>>,
    /// The flows being worked out on other threads, by document.
    flow_jobs: Mutex<Vec<(u32, JoinHandle<Flowed>)>>,
}

/// One document's flow, laid out for reading.
pub struct Flowed {
    pub flow: Flow,
    pub layout: Layout,
}

impl Flowed {
    fn of(handbook: &Handbook, document: u32) -> Flowed {
        let flow = Flow::for_document(handbook, document);
        let layout = flow::layout(&flow, handbook, document);
        Flowed { flow, layout }
    }
}

/// A page whose inputs and outputs hold less text than this has its flow
/// worked out at once (well under a millisecond); a bigger one on a thread.
const FLOW_AT_ONCE_BYTES: usize = 64 * 1024;

/// One link of a card, as the detail pane lists it.
pub struct LinkRow<'a> {
    /// True for "Mottar fra", false for "Leverer til".
    pub upstream: bool,
    pub other: &'a Endpoint,
    pub reasons: &'a [Reason],
    /// The digit that follows it (cards only, 1–9).
    pub number: Option<u8>,
}

/// How a card is found again after the files are read anew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardKey {
    path: String,
    title: String,
    index: u32,
}

impl Context {
    /// The handbook, with its index and facts started on other threads.
    pub fn new(handbook: Handbook, lang: Lang) -> Context {
        let handbook = Arc::new(handbook);
        let jobs = Jobs::start(&handbook);
        let mut ctx = Context {
            handbook,
            lang,
            generation: 0,
            grouped: false,
            read_from: Vec::new(),
            index: None,
            facts: None,
            jobs,
            flows: Vec::new(),
            flow_jobs: Mutex::new(Vec::new()),
        };
        ctx.derive();
        ctx
    }

    /// What is worked out from the handbook at once, when it arrives.
    fn derive(&mut self) {
        self.grouped = self
            .handbook
            .documents
            .iter()
            .filter(|d| !d.cards.is_empty())
            .count()
            > 1;
        self.flows = (0..self.handbook.documents.len())
            .map(|_| OnceLock::new())
            .collect();
        // Jobs for the handbook before are left to finish unheard.
        self.flow_jobs = Mutex::new(Vec::new());
    }

    /// `0 Markdown-filer i PATH`: the paths given held no file the
    /// handbook is read from (`None` when some did, or none was given).
    pub fn nothing_read(&self) -> Option<String> {
        (self.handbook.documents.is_empty()
            && self.handbook.diagnostics.is_empty()
            && !self.read_from.is_empty())
        .then(|| {
            let paths: Vec<String> = self.read_from.iter().map(|p| wrap::clean_line(p)).collect();
            self.words().no_markdown_files(&paths.join(", "))
        })
    }

    pub fn words(&self) -> &'static Words {
        words(self.lang)
    }

    // ----- background work -----

    /// Take in the jobs that are done; true when one was (redraw).
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        if self.jobs.index_done() {
            self.ensure_index();
            changed = true;
        }
        if self.jobs.facts_done() {
            self.ensure_facts();
            changed = true;
        }
        changed | self.take_flows()
    }

    pub fn pending(&self) -> bool {
        self.jobs.pending() || !self.flow_jobs().is_empty()
    }

    fn flow_jobs(&self) -> std::sync::MutexGuard<'_, Vec<(u32, JoinHandle<Flowed>)>> {
        self.flow_jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Take in the flows worked out; true when one was.
    fn take_flows(&self) -> bool {
        let mut jobs = self.flow_jobs();
        let mut taken = false;
        let mut i = 0;
        while i < jobs.len() {
            if jobs[i].1.is_finished() {
                let (document, job) = jobs.swap_remove(i);
                let flowed = job.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                if let Some(cell) = self.flows.get(document as usize) {
                    let _ = cell.set(flowed);
                }
                taken = true;
            } else {
                i += 1;
            }
        }
        taken
    }

    /// Wait for every job, at most until `deadline`; true when one was taken in.
    pub fn wait(&mut self, deadline: Option<Instant>) -> bool {
        let mut changed = false;
        while self.pending() {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
            if self.poll() {
                changed = true;
            } else {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        changed
    }

    /// The search index: taken from its job (waiting for it) when it is not
    /// in yet, or built here if the job is gone. Never missing, so a query
    /// can always be answered.
    pub fn ensure_index(&mut self) -> &SearchIndex {
        if self.index.is_none() {
            self.index = self.jobs.take_index();
        }
        let handbook = &self.handbook;
        self.index.get_or_insert_with(|| SearchIndex::new(handbook))
    }

    /// The findings and the people, waiting for their job if need be.
    pub fn ensure_facts(&mut self) {
        if let Some(mut facts) = self.jobs.take_facts() {
            facts.sort_for(self.lang);
            self.facts = Some(facts);
        }
    }

    /// How cards are named in lists: by title, with the line when another
    /// card of the document has the title too (once the facts are in).
    pub fn labels(&self) -> TitleLabels<'_> {
        static NONE: std::sync::OnceLock<TitleRepeats> = std::sync::OnceLock::new();
        let repeats = match &self.facts {
            Some(f) => &f.repeats,
            None => NONE.get_or_init(TitleRepeats::default),
        };
        TitleLabels::with(&self.handbook, self.lang, repeats)
    }

    /// The search index if it is in, taken from its job the moment that is
    /// done; `None` while it is being built. Never waits: a key never waits
    /// for background work (the cards view reads the cards itself meanwhile).
    pub fn index(&mut self) -> Option<&SearchIndex> {
        if self.index.is_none() && self.jobs.index_done() {
            self.index = self.jobs.take_index();
        }
        self.index.as_ref()
    }

    /// Whether the search index is in (without taking it from its job).
    #[cfg(test)]
    pub fn index_is_in(&self) -> bool {
        self.index.is_some()
    }

    /// Where `query` matches card `id`, for highlighting: through the index
    /// (which remembers the last cards asked about), or from the card alone
    /// while the index is being built.
    pub fn matches(&self, query: Option<&Query>, id: CardId) -> Vec<Match> {
        match (query, &self.index, self.handbook.card(id)) {
            (Some(q), Some(index), _) => index.matches(&self.handbook, q, id),
            (Some(q), None, Some(card)) => q.matches(card),
            _ => Vec::new(),
        }
    }

    // ----- the facts, empty until they arrive -----

    /// The findings and the people are in (until then the views that show
    /// them say they are being worked out).
    pub fn facts_ready(&self) -> bool {
        self.facts.is_some()
    }

    /// Holds the facts back until the returned sender sends (or is dropped),
    /// for tests of what the browser shows while they are worked out.
    #[cfg(test)]
    pub fn hold_facts(&mut self) -> std::sync::mpsc::Sender<()> {
        let (release, held) = std::sync::mpsc::channel::<()>();
        self.facts = None;
        self.jobs.hold_facts(&self.handbook, held);
        release
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.facts.as_ref().map_or(&[], |f| &f.diagnostics)
    }

    /// How many findings have `severity` (counted once, when they arrive).
    pub fn count(&self, severity: Severity) -> usize {
        let (errors, warnings) = self.facts.as_ref().map_or((0, 0), |f| f.counts);
        match severity {
            Severity::Error => errors,
            Severity::Warning => warnings,
        }
    }

    /// Everyone named as owner or leader (`None` until its job is done).
    pub fn people(&self) -> Option<&[Person]> {
        self.facts.as_ref().map(|f| f.people.as_slice())
    }

    /// How many cards person `i` owns or leads.
    pub fn card_count(&self, i: usize) -> usize {
        self.facts
            .as_ref()
            .and_then(|f| f.card_counts.get(i).copied())
            .unwrap_or(0)
    }

    /// The widest title, owner and leader, in columns (`None` until the
    /// facts arrive).
    pub fn column_widths(&self) -> Option<[usize; 3]> {
        let f = self.facts.as_ref()?;
        Some([f.title_width, f.owner_width, f.leader_width])
    }

    // ----- the flow -----

    /// A document's flow and layout: worked out here the first time for a
    /// page of ordinary size; for a big one started on a thread, and `None`
    /// until it is done ([`Context::poll`] takes it in).
    pub fn flowed(&self, document: u32) -> Option<&Flowed> {
        static NONE: Flowed = Flowed {
            flow: Flow::empty(),
            layout: Layout {
                chains: Vec::new(),
                feeds: Vec::new(),
                unlinked: Vec::new(),
            },
        };
        let Some(cell) = self.flows.get(document as usize) else {
            return Some(&NONE);
        };
        if let Some(flowed) = cell.get() {
            return Some(flowed);
        }
        let doc = &self.handbook.documents[document as usize];
        let words: usize = doc
            .cards
            .iter()
            .map(|c| c.text(crate::Field::Input).len() + c.text(crate::Field::Output).len())
            .sum();
        if words < FLOW_AT_ONCE_BYTES {
            return Some(cell.get_or_init(|| Flowed::of(&self.handbook, document)));
        }
        if self.take_flows() {
            return self.flowed(document);
        }
        let mut jobs = self.flow_jobs();
        if !jobs.iter().any(|(d, _)| *d == document) {
            let handbook = Arc::clone(&self.handbook);
            jobs.push((
                document,
                std::thread::spawn(move || Flowed::of(&handbook, document)),
            ));
        }
        None
    }

    /// A document's flow, `None` while it is being worked out.
    pub fn flow_of(&self, document: u32) -> Option<&Flow> {
        self.flowed(document).map(|f| &f.flow)
    }

    /// A card's links: where its work comes from, then where it goes; the
    /// links to cards numbered 1–9 for their digit keys. None while the
    /// flow is being worked out.
    pub fn links(&self, id: CardId) -> Vec<LinkRow<'_>> {
        let Some(flow) = self.flow_of(id.document) else {
            return Vec::new();
        };
        let mut next = 1u8;
        let mut number = |other: &Endpoint| match other {
            Endpoint::Card(_) if next <= 9 => {
                next += 1;
                Some(next - 1)
            }
            _ => None,
        };
        let mut rows = Vec::new();
        for link in flow.upstream(id) {
            rows.push(LinkRow {
                upstream: true,
                number: number(&link.from),
                other: &link.from,
                reasons: &link.reasons,
            });
        }
        for link in flow.downstream(id) {
            rows.push(LinkRow {
                upstream: false,
                number: number(&link.to),
                other: &link.to,
                reasons: &link.reasons,
            });
        }
        rows
    }

    /// A link's other end as people read it.
    pub fn endpoint_name(&self, endpoint: &Endpoint) -> String {
        match endpoint {
            Endpoint::Card(id) => self.card_title(*id),
            Endpoint::External(name) => {
                format!("{} {}", wrap::clean_line(name), self.words().external)
            }
        }
    }

    /// A card as lists name it: its title, with its line when another card
    /// of its document has the title too.
    pub fn card_title(&self, id: CardId) -> String {
        wrap::clean_line(&self.labels().in_document(id))
    }

    /// The document the title bar is about: `card`'s, or the first.
    pub fn document(&self, card: Option<CardId>) -> Option<&Document> {
        match card {
            Some(id) => self.handbook.document_of(id),
            None => self.handbook.documents.first(),
        }
    }

    // ----- reading again -----

    /// Swap in a handbook read again; jobs still running for the old one
    /// are not needed any more.
    pub fn swap(&mut self, loaded: Loaded) {
        let Loaded {
            handbook,
            index,
            facts,
        } = loaded;
        self.handbook = Arc::new(handbook);
        self.generation += 1;
        self.index = Some(index);
        let mut facts = facts;
        facts.sort_for(self.lang);
        self.facts = Some(facts);
        self.jobs = Jobs::default();
        self.derive();
    }

    pub fn card_key(&self, id: CardId) -> Option<CardKey> {
        Some(CardKey {
            path: self.handbook.document_of(id)?.path.clone(),
            title: self.handbook.card(id)?.title().into_owned(),
            index: id.card,
        })
    }

    /// The card a key names now: same document and title (the nearest of
    /// several), else the same place in the same document.
    pub fn find_key(&self, key: &CardKey) -> Option<CardId> {
        let document = self
            .handbook
            .documents
            .iter()
            .position(|d| d.path == key.path)? as u32;
        let cards = &self.handbook.documents[document as usize].cards;
        let by_title = (0..cards.len() as u32)
            .filter(|&i| cards[i as usize].title() == key.title)
            .min_by_key(|&i| i.abs_diff(key.index));
        let card = by_title.or((key.index < cards.len() as u32).then_some(key.index))?;
        Some(CardId { document, card })
    }
}
