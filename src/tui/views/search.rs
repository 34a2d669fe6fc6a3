//! The search line: the text being typed, the query it last parsed to (the
//! one filtering), and why the text does not parse when it does not. The
//! list that owns it decides what the query filters; the status bar draws
//! the line while it is open. Every `/` line (the cards', the people's, the
//! findings') is one of these, edited by the same keys through
//! [`SearchLine::edit`] and [`SearchLine::paste`].

use std::time::{Duration, Instant};

use crate::query::{Query, QueryError};

use crate::tui::keymap::Action;

/// How long the text must rest before why it does not parse is shown: a
/// quote or a `/` is open while it is typed, and saying so on every key
/// would only flash.
pub const ERROR_AFTER: Duration = Duration::from_millis(600);

#[derive(Debug, Default)]
pub struct SearchLine {
    /// The line is open, taking the keys.
    pub editing: bool,
    /// The text in the line.
    pub input: String,
    /// The query now filtering; `None` when empty.
    pub query: Option<Query>,
    /// Why the text in the line does not parse.
    pub error: Option<QueryError>,
    /// The error is shown: after a pause in typing, or on Enter.
    pub error_shown: bool,
    /// When the text last changed.
    pub edited: Option<Instant>,
}

/// What a key did to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// The text changed: parse it again.
    Typed,
    /// Closed, keeping the query.
    Kept,
    /// Closed, dropping the query.
    Cleared,
    /// Enter on text that does not parse: the line stays open, saying why.
    Refused,
    /// Not a key of the line.
    Other,
}

/// What a key or a paste in the line asks of the list it filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The text changed and was parsed: `Some(narrow)` when it parsed and
    /// is now the query filtering (`narrow`: it only narrows the one before,
    /// so only the rows shown need testing); `None` when it does not parse
    /// and the last good filter stays.
    Typed(Option<bool>),
    /// Esc: the line is closed and the filter dropped.
    Cleared,
    /// Nothing for the list to do (Enter, a key the line does not take).
    Nothing,
    /// A key the list takes while the line is open: the selection moves
    /// (↓ ↑ PgDn PgUp) without leaving the line.
    Move(Action),
}

impl SearchLine {
    /// The text of the query now filtering (the last one that parsed),
    /// empty when none does.
    pub fn applied(&self) -> &str {
        self.query.as_ref().map_or("", Query::source)
    }

    /// Open the line on the query now filtering.
    pub fn open(&mut self) {
        self.editing = true;
        self.input = self.applied().to_owned();
        self.error = None;
        self.error_shown = false;
    }

    /// Why the text does not parse, once it is time to say so.
    pub fn shown_error(&self) -> Option<&QueryError> {
        self.error.as_ref().filter(|_| self.error_shown)
    }

    /// When the error of the text, not shown yet, is due to show.
    pub fn due(&self) -> Option<Instant> {
        match (&self.error, self.error_shown, self.editing) {
            (Some(_), false, true) => Some(self.edited? + ERROR_AFTER),
            _ => None,
        }
    }

    /// Time passes: show the error once the text has rested; true when it
    /// was shown now.
    pub fn tick(&mut self, now: Instant) -> bool {
        let due = self.due().is_some_and(|at| at <= now);
        if due {
            self.error_shown = true;
        }
        due
    }

    /// Typed or pasted text at the end of the line, on one line: line
    /// breaks, tabs and other control characters become spaces. False when
    /// nothing was added.
    fn type_text(&mut self, text: &str) -> bool {
        let before = self.input.len();
        self.input
            .extend(text.chars().map(|c| if c.is_control() { ' ' } else { c }));
        let changed = self.input.len() != before;
        if changed {
            self.error_shown = false;
            self.edited = Some(Instant::now());
        }
        changed
    }

    /// A key while the line is open, carried out: the text edited and
    /// parsed, the filter set or dropped.
    pub fn edit(&mut self, action: Action) -> Edited {
        match self.key(action) {
            Edit::Typed => Edited::Typed(self.apply()),
            Edit::Cleared => {
                self.query = None;
                Edited::Cleared
            }
            Edit::Kept | Edit::Refused => Edited::Nothing,
            Edit::Other => match action {
                Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
                    Edited::Move(action)
                }
                _ => Edited::Nothing,
            },
        }
    }

    /// Text typed or pasted in one go, then parsed once.
    pub fn paste(&mut self, text: &str) -> Edited {
        if self.type_text(text) {
            Edited::Typed(self.apply())
        } else {
            Edited::Nothing
        }
    }

    /// The text made the query filtering when it parses: `Some(narrow)`, as
    /// [`Edited::Typed`] says.
    fn apply(&mut self) -> Option<bool> {
        let (query, narrow) = self.parse()?;
        self.query = query;
        Some(narrow)
    }

    /// A key while the line is open.
    fn key(&mut self, action: Action) -> Edit {
        match action {
            Action::Insert(c) => self.input.push(c),
            Action::DeleteChar => {
                self.input.pop();
            }
            Action::DeleteWord => {
                let kept = self.input.trim_end().len();
                let cut = self.input[..kept]
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + 1);
                self.input.truncate(cut);
            }
            Action::ClearLine => self.input.clear(),
            Action::Accept if self.error.is_some() => {
                self.error_shown = true;
                return Edit::Refused;
            }
            Action::Accept => {
                self.editing = false;
                self.error = None;
                self.input = self.applied().to_owned();
                return Edit::Kept;
            }
            Action::Back => {
                self.editing = false;
                self.input.clear();
                self.error = None;
                return Edit::Cleared;
            }
            _ => return Edit::Other,
        }
        self.error_shown = false;
        self.edited = Some(Instant::now());
        Edit::Typed
    }

    /// The text parsed: `Some((query, narrow))` with the query to filter by
    /// (`None` for an empty one) and whether it only narrows the one before
    /// (so only the cards shown now need testing); `None`, with the error
    /// kept, when it does not parse, leaving the last good filter in place.
    fn parse(&mut self) -> Option<(Option<Query>, bool)> {
        match Query::parse(&self.input) {
            Ok(query) => {
                self.error = None;
                let query = (!query.is_empty()).then_some(query);
                // Typing more of a word or another term only narrows the list.
                let narrow = match (&query, &self.query) {
                    (Some(new), Some(old)) => new.refines(old),
                    _ => false,
                };
                Some((query, narrow))
            }
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }
}
