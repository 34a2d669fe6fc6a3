//! The browser's views, one file each. A view owns its state and changes it
//! in its own `update`; it lays out there (for the `Rect` it gets) the model
//! it draws, and its `render` draws that model with the theme into a
//! `Rect`. No view knows the app: what a view wants done outside itself
//! (show a card in the list, close) it returns as an [`Effect`], and the app
//! carries it out.
//!
//! - [`cards`]: the card list, with its [`search`] line;
//! - [`filter`]: a list a `/` line filters (the people, the findings);
//! - [`detail`]: the selected card;
//! - [`people`]: everyone named as owner or leader;
//! - [`diagnostics`]: the warnings and errors;
//! - [`flow`]: one document's processes as chains;
//! - [`history`]: one card's changes from git;
//! - [`help`]: the overlay listing the keys.
//!
//! A new view is a new file here, a variant of `app::View`, and its arm in
//! `App::update` and in `render`.

pub mod cards;
pub mod detail;
pub mod diagnostics;
pub mod filter;
pub mod flow;
pub mod help;
pub mod history;
pub mod people;
pub mod search;

use ratatui::layout::{Position, Rect};

use crate::query::Match;
use crate::{CardId, Field};

use super::keymap::Action;

/// Lines a wheel notch scrolls.
pub const WHEEL: usize = 3;

/// Which pane of a two-pane view (a list beside its detail) has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

impl Focus {
    pub fn other(self) -> Focus {
        match self {
            Focus::List => Focus::Detail,
            Focus::Detail => Focus::List,
        }
    }
}

/// What a view asks of the app after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Back to the card list.
    Close,
    /// Show the card in the list, the jump recorded so that Backspace
    /// comes back (Enter in the flow).
    Jump(CardId),
    /// Show the card's detail (Enter on a finding).
    Open(CardId),
    /// Limit the card list to person `i`'s cards (Enter on a person).
    PersonCards(usize),
    /// Say so in the status bar.
    Tell(String),
}

/// The byte ranges of `field` among a search's `matches`, to highlight.
pub fn ranges_of(matches: &[Match], field: Field) -> Vec<std::ops::Range<usize>> {
    matches
        .iter()
        .filter(|m| m.field == field)
        .map(|m| m.range.clone())
        .collect()
}

/// A position moved by a movement action over a page of `page` lines.
pub fn scrolled(at: usize, action: Action, page: usize) -> usize {
    let page = page.max(1);
    match action {
        Action::Down => at.saturating_add(1),
        Action::Up => at.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => usize::MAX / 2,
        Action::PageDown => at.saturating_add(page),
        Action::PageUp => at.saturating_sub(page),
        Action::HalfPageDown => at.saturating_add((page / 2).max(1)),
        Action::HalfPageUp => at.saturating_sub((page / 2).max(1)),
        _ => at,
    }
}

/// The row of a list drawn in `area` from row `offset` on that a click at
/// (`x`, `y`) lands on, if it lands in the list.
pub fn row_at(area: Rect, offset: usize, x: u16, y: u16) -> Option<usize> {
    area.contains(Position::new(x, y))
        .then(|| offset + (y - area.y) as usize)
}

/// The first row to draw so that rows `top..=row` are on screen (as much as
/// fits), moving the current offset as little as possible.
pub fn list_offset(offset: usize, top: usize, row: usize, height: usize, rows: usize) -> usize {
    if height == 0 {
        return row;
    }
    let mut offset = offset.min(rows.saturating_sub(height));
    if top < offset {
        offset = top;
    }
    if row >= offset + height {
        offset = row + 1 - height;
    }
    offset
}

/// The offset of a simple list so that `selected` is on screen.
pub fn follow(offset: usize, selected: usize, height: usize) -> usize {
    list_offset(offset, selected, selected, height.max(1), usize::MAX)
}

#[cfg(test)]
mod tests {
    /// Each view's source, as compiled.
    const VIEWS: &[(&str, &str)] = &[
        ("cards", include_str!("cards.rs")),
        ("detail", include_str!("detail.rs")),
        ("diagnostics", include_str!("diagnostics.rs")),
        ("filter", include_str!("filter.rs")),
        ("flow", include_str!("flow.rs")),
        ("help", include_str!("help.rs")),
        ("people", include_str!("people.rs")),
        ("search", include_str!("search.rs")),
        ("mod", include_str!("mod.rs")),
    ];

    #[test]
    fn no_view_knows_the_app() {
        for (view, source) in VIEWS {
            // The code, without its tests (this one spells the names out).
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for line in code.lines() {
                let code = line.split("//").next().unwrap_or_default();
                let words = code.split(|c: char| !(c.is_alphanumeric() || c == '_'));
                assert!(
                    !words.clone().any(|w| w == "App" || w == "app"),
                    "views/{view}.rs names the app: {line}"
                );
            }
        }
    }
}
