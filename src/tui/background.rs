//! Work off the UI thread: what the browser derives from a handbook and the
//! first frame does not need.
//!
//! At start, [`Jobs::start`] builds the search index on one thread and the
//! [`Facts`] (findings, people, the title column) on another; the browser
//! takes each in when it is done, or waits for it when a key needs it. A
//! handbook read again arrives whole, with all of that built beside it, as
//! [`Loaded`].

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::people::Person;
use crate::query::SearchIndex;
use crate::{Diagnostic, Severity};
use crate::{Field, Handbook};

/// The jobs started before the first frame, each `None` once taken in.
#[derive(Default)]
pub struct Jobs {
    index: Option<JoinHandle<SearchIndex>>,
    facts: Option<JoinHandle<Facts>>,
}

impl Jobs {
    pub fn start(handbook: &Arc<Handbook>) -> Jobs {
        #[cfg(test)]
        let held = HELD_INDEX.with(|held| held.take());
        Jobs {
            index: Some(std::thread::spawn({
                let handbook = Arc::clone(handbook);
                move || {
                    super::terminal::fault::in_job();
                    // A test holds the index back to see what keys do
                    // without it (never for ever: a key that waited would
                    // otherwise hang the test instead of failing it).
                    #[cfg(test)]
                    if let Some(held) = held {
                        let _ = held.recv_timeout(std::time::Duration::from_secs(30));
                    }
                    SearchIndex::new(&handbook)
                }
            })),
            facts: Some(std::thread::spawn({
                let handbook = Arc::clone(handbook);
                move || Facts::compute(&handbook)
            })),
        }
    }

    pub fn pending(&self) -> bool {
        self.index.is_some() || self.facts.is_some()
    }

    pub fn index_done(&self) -> bool {
        self.index.as_ref().is_some_and(JoinHandle::is_finished)
    }

    pub fn facts_done(&self) -> bool {
        self.facts.as_ref().is_some_and(JoinHandle::is_finished)
    }

    /// A facts job that starts only when `held` is sent to (or closed).
    #[cfg(test)]
    pub fn hold_facts(&mut self, handbook: &Arc<Handbook>, held: std::sync::mpsc::Receiver<()>) {
        let handbook = Arc::clone(handbook);
        self.facts = Some(std::thread::spawn(move || {
            let _ = held.recv();
            Facts::compute(&handbook)
        }));
    }

    /// The index, waiting for its job; `None` when it was taken already.
    pub fn take_index(&mut self) -> Option<SearchIndex> {
        self.index.take().map(join)
    }

    /// The facts, waiting for their job; `None` when taken already.
    pub fn take_facts(&mut self) -> Option<Facts> {
        self.facts.take().map(join)
    }
}

#[cfg(test)]
thread_local! {
    /// The next index job started on this thread waits for this to say go.
    static HELD_INDEX: std::cell::Cell<Option<std::sync::mpsc::Receiver<()>>> =
        const { std::cell::Cell::new(None) };
}

/// Test only: the next browser started on this thread builds its index only
/// once `go` says so.
#[cfg(test)]
pub(super) fn hold_index(go: std::sync::mpsc::Receiver<()>) {
    HELD_INDEX.with(|held| held.set(Some(go)));
}

/// A job's result; its panic goes on on this thread.
fn join<T>(job: JoinHandle<T>) -> T {
    job.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// What the checks and the people module say about a handbook.
pub struct Facts {
    pub diagnostics: Vec<Diagnostic>,
    /// How many of the diagnostics are errors and how many warnings.
    pub counts: (usize, usize),
    pub people: Vec<Person>,
    /// How many cards each person owns or leads (both counted once).
    pub card_counts: Vec<usize>,
    /// The widest card title, in columns: where the owners line up in the list.
    pub title_width: usize,
    /// The widest owner and leader, in columns: the list's other columns.
    pub owner_width: usize,
    pub leader_width: usize,
    /// The titles more than one card has: such a card is named with its line.
    pub repeats: crate::labels::TitleRepeats,
}

impl Facts {
    pub fn compute(handbook: &Handbook) -> Facts {
        // The loader's findings and the lint warnings, as `prosesser check` shows them.
        // The people are read once, for the people view and for the checks.
        let people = crate::people::People::new(handbook);
        let diagnostics = crate::check::all_with(handbook, &people);
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let people = people.persons;
        Facts {
            counts: (errors, diagnostics.len() - errors),
            diagnostics,
            card_counts: people.iter().map(|p| p.cards().len()).collect(),
            people,
            title_width: widest(handbook, Field::Title),
            owner_width: widest(handbook, Field::Owner),
            leader_width: widest(handbook, Field::Leader),
            repeats: crate::labels::TitleRepeats::new(handbook),
        }
    }

    /// People sorted for readers of `lang` (the job sorts them for
    /// Norwegian, the default), each with their count.
    pub fn sort_for(&mut self, lang: crate::i18n::Lang) {
        if lang == crate::i18n::Lang::Nb {
            return;
        }
        crate::people::by_name(&mut self.people, lang);
        self.card_counts = self.people.iter().map(|p| p.cards().len()).collect();
    }
}

/// The widest text of `field` on any card, in columns.
fn widest(handbook: &Handbook, field: Field) -> usize {
    handbook
        .cards()
        // Measured as drawn: sanitising can widen a text.
        .map(|(_, c)| super::wrap::width(&crate::text::sanitize_line(&c.text(field))))
        .max()
        .unwrap_or(0)
}

/// A handbook read again, with everything the browser derives from it,
/// built off the UI thread and swapped in whole.
pub struct Loaded {
    pub handbook: Handbook,
    pub index: SearchIndex,
    pub facts: Facts,
}

impl Loaded {
    pub fn build(handbook: Handbook) -> Loaded {
        let (index, facts) = std::thread::scope(|scope| {
            let index = scope.spawn(|| SearchIndex::new(&handbook));
            let facts = Facts::compute(&handbook);
            (join_scoped(index), facts)
        });
        Loaded {
            handbook,
            index,
            facts,
        }
    }
}

fn join_scoped<T>(job: std::thread::ScopedJoinHandle<'_, T>) -> T {
    job.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}
