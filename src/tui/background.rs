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

use crate::Handbook;
use crate::people::Person;
use crate::query::SearchIndex;
use crate::{Diagnostic, Severity};

/// The jobs started before the first frame, each `None` once taken in.
#[derive(Default)]
pub struct Jobs {
    index: Option<JoinHandle<SearchIndex>>,
    facts: Option<JoinHandle<Facts>>,
}

impl Jobs {
    pub fn start(handbook: &Arc<Handbook>) -> Jobs {
        Jobs {
            index: Some(std::thread::spawn({
                let handbook = Arc::clone(handbook);
                move || {
                    super::terminal::fault::in_job();
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

    /// The index, waiting for its job; `None` when it was taken already.
    pub fn take_index(&mut self) -> Option<SearchIndex> {
        self.index.take().map(join)
    }

    /// The facts, waiting for their job; `None` when taken already.
    pub fn take_facts(&mut self) -> Option<Facts> {
        self.facts.take().map(join)
    }
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
            title_width: handbook
                .cards()
                // Measured as drawn: sanitising can widen a title.
                .map(|(_, c)| super::wrap::width(&crate::text::sanitize_line(&c.title())))
                .max()
                .unwrap_or(0),
        }
    }
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
