//! A list that a `/` line filters, with one of its rows selected: the
//! people and the findings (and the next list with a filter). The view owns
//! the items and says which of them a query lets through and in what order;
//! this keeps the line, the rows shown, and the selection on an item shown.
//!
//! The card list has the same line ([`SearchLine`]) but not this list: its
//! rows are ranked by the search index, grouped under documents, read in the
//! background while the index is built, and its selection follows the best
//! match, which a list of indexes in a fixed order does not do.

use crate::query::{Pattern, Query, fold};
use crate::tui::keymap::Action;

use super::scrolled;
use super::search::{Edited, SearchLine};

/// `K` is what the view's rows are made of besides the filter (the
/// handbook's generation, a grouping, the language): when it or the filter
/// changes, the rows are worked out again.
#[derive(Debug)]
pub struct FilteredList<K> {
    /// The `/` line over the list.
    pub line: SearchLine,
    /// The item chosen, as an index into the view's items.
    selected: usize,
    /// The items the filter lets through, in the order shown.
    shown: Vec<usize>,
    /// What `shown` was worked out for: the view's key and the filter's text.
    shown_for: Option<(K, String)>,
}

impl<K> Default for FilteredList<K> {
    fn default() -> Self {
        FilteredList {
            line: SearchLine::default(),
            selected: 0,
            shown: Vec::new(),
            shown_for: None,
        }
    }
}

impl<K: PartialEq> FilteredList<K> {
    /// The rows worked out again when `key` or the filter has changed since
    /// the last time: `rows` gets the query filtering (`None`: every item
    /// passes) and gives the items it lets through, in the order shown. The
    /// selection stays on its item while that is shown, else goes to the
    /// first row. True when the rows were worked out again.
    pub fn refilter(&mut self, key: K, rows: impl FnOnce(Option<&Query>) -> Vec<usize>) -> bool {
        let applied = self.line.applied();
        if let Some((k, text)) = &self.shown_for
            && *k == key
            && text == applied
        {
            return false;
        }
        let applied = applied.to_owned();
        self.shown = rows(self.line.query.as_ref());
        if !self.shown.contains(&self.selected) {
            self.selected = self.shown.first().copied().unwrap_or(0);
        }
        self.shown_for = Some((key, applied));
        true
    }
}

impl<K> FilteredList<K> {
    /// The item chosen (the first item when none is shown).
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The item chosen, if it is shown: what Enter and `e` are about.
    pub fn current(&self) -> Option<usize> {
        self.shown.contains(&self.selected).then_some(self.selected)
    }

    /// The items shown, in their order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The selected item's row among those shown.
    pub fn row(&self) -> usize {
        self.shown
            .iter()
            .position(|&i| i == self.selected)
            .unwrap_or(0)
    }

    /// Select the item on row `row` (clamped to the last); nothing when no
    /// row is shown.
    pub fn select_row(&mut self, row: usize) {
        if let Some(&i) = self.shown.get(row.min(self.shown.len().saturating_sub(1))) {
            self.selected = i;
        }
    }

    /// Choose item `i` of items just replaced (a handbook read again): the
    /// view found its chosen item there again, at `i`, which the rows shown
    /// may not hold yet; the next [`Self::refilter`] shows them.
    pub fn reselect(&mut self, i: usize) {
        self.selected = i;
    }

    /// Select item `i`, if it is shown.
    pub fn select(&mut self, i: usize) {
        if self.shown.contains(&i) {
            self.selected = i;
        }
    }

    /// A movement key (`page` rows to a page) or a wheel notch over the
    /// list, carried out; false when the action is neither.
    pub fn go(&mut self, action: Action, page: usize) -> bool {
        let row = self.row();
        let to = match action {
            _ if action.is_movement() => scrolled(row, action, page),
            Action::WheelDown(..) => row + 1,
            Action::WheelUp(..) => row.saturating_sub(1),
            _ => return false,
        };
        self.select_row(to);
        true
    }

    /// A key in the line: the text edited, the filter set or dropped (the
    /// view's next refilter shows it). A key the list takes while the line
    /// is open (↓ ↑ PgDn PgUp) is given back for the view's own update.
    pub fn edit(&mut self, action: Action) -> Option<Action> {
        match self.line.edit(action) {
            Edited::Move(action) => Some(action),
            Edited::Typed(_) | Edited::Cleared | Edited::Nothing => None,
        }
    }

    /// Text typed or pasted into the line in one go.
    pub fn paste(&mut self, text: &str) {
        self.line.paste(text);
    }

    /// Esc over the list: the filter dropped, the line emptied; false when
    /// there was no filter.
    pub fn clear(&mut self) -> bool {
        if self.line.query.is_none() {
            return false;
        }
        self.line = SearchLine::default();
        true
    }
}

/// Items `0..count` in their order: all of them without a query; with one,
/// those `passes` lets through.
pub fn passing(
    count: usize,
    query: Option<&Query>,
    mut passes: impl FnMut(&Query, usize) -> bool,
) -> Vec<usize> {
    match query {
        Some(query) => (0..count).filter(|&i| passes(query, i)).collect(),
        None => (0..count).collect(),
    }
}

/// Whether a `/` filter over a list that is not of cards (people, findings)
/// lets a row with these texts through: every term (a word, a phrase, a
/// regex) is found in one of them, a `-term` in none, case and accents
/// folded as in a search of cards. Scopes are about cards' fields, so here
/// every term looks in every text.
pub fn matches(query: &Query, texts: &[&str]) -> bool {
    let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
    query.terms().iter().all(|term| {
        let found = match &term.pattern {
            Pattern::Text(word) => folded.iter().any(|t| t.contains(word.as_str())),
            Pattern::Regex(regex) => texts.iter().any(|t| regex.is_match(t)),
        };
        found != term.negated
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 5] = ["Hanne", "Ola", "Kari", "Olav", "Tony"];

    /// A list over `names`, filtered by its line as a view filters.
    fn refilter(list: &mut FilteredList<usize>, names: &[&str]) -> bool {
        list.refilter(names.len(), |query| {
            passing(names.len(), query, |q, i| matches(q, &[names[i]]))
        })
    }

    fn shown<'a>(list: &FilteredList<usize>, names: &[&'a str]) -> Vec<&'a str> {
        list.shown().iter().map(|&i| names[i]).collect()
    }

    fn typed(list: &mut FilteredList<usize>, keys: &str) {
        for c in keys.chars() {
            assert_eq!(list.edit(Action::Insert(c)), None);
        }
    }

    #[test]
    fn an_empty_filter_shows_every_item_in_order() {
        let mut list = FilteredList::default();
        assert!(refilter(&mut list, &NAMES));
        assert_eq!(shown(&list, &NAMES), NAMES);
        assert_eq!((list.selected(), list.current()), (0, Some(0)));
        // Opened and closed with nothing typed: still every item.
        list.line.open();
        assert_eq!(list.edit(Action::Accept), None);
        refilter(&mut list, &NAMES);
        assert_eq!(shown(&list, &NAMES), NAMES);
        assert!(!list.clear(), "no filter to drop");
    }

    #[test]
    fn typing_filters_and_the_keys_edit_the_line() {
        let mut list = FilteredList::default();
        refilter(&mut list, &NAMES);
        list.line.open();
        typed(&mut list, "ol");
        assert!(refilter(&mut list, &NAMES));
        assert_eq!(shown(&list, &NAMES), ["Ola", "Olav"]);
        assert!(!refilter(&mut list, &NAMES), "nothing changed: kept");
        typed(&mut list, "av");
        refilter(&mut list, &NAMES);
        assert_eq!(shown(&list, &NAMES), ["Olav"]);
        list.edit(Action::DeleteChar);
        list.edit(Action::DeleteChar);
        refilter(&mut list, &NAMES);
        assert_eq!(list.line.input, "ol");
        assert_eq!(shown(&list, &NAMES), ["Ola", "Olav"]);
        // Ctrl-W takes the last word, Ctrl-U the line: every item again.
        typed(&mut list, " -v");
        refilter(&mut list, &NAMES);
        assert_eq!(shown(&list, &NAMES), ["Ola"]);
        list.edit(Action::DeleteWord);
        refilter(&mut list, &NAMES);
        assert_eq!(list.line.input, "ol ");
        assert_eq!(shown(&list, &NAMES), ["Ola", "Olav"]);
        list.edit(Action::ClearLine);
        refilter(&mut list, &NAMES);
        assert_eq!(shown(&list, &NAMES), NAMES);
        // Enter keeps the filter and closes the line; Esc over the list drops it.
        typed(&mut list, "kari");
        list.edit(Action::Accept);
        refilter(&mut list, &NAMES);
        assert!(!list.line.editing);
        assert_eq!(shown(&list, &NAMES), ["Kari"]);
        assert!(list.clear());
        refilter(&mut list, &NAMES);
        assert_eq!(
            (list.line.input.as_str(), shown(&list, &NAMES)),
            ("", NAMES.to_vec())
        );
    }

    #[test]
    fn esc_in_the_line_drops_the_filter_and_text_that_does_not_parse_keeps_the_last() {
        let mut list = FilteredList::default();
        list.line.open();
        typed(&mut list, "to");
        refilter(&mut list, &NAMES);
        assert_eq!(shown(&list, &NAMES), ["Tony"]);
        typed(&mut list, " ");
        refilter(&mut list, &NAMES);
        typed(&mut list, "\"");
        assert!(
            !refilter(&mut list, &NAMES),
            "an open quote keeps the filter"
        );
        assert_eq!(shown(&list, &NAMES), ["Tony"]);
        assert!(list.line.error.is_some());
        list.edit(Action::Accept);
        assert!(list.line.editing, "Enter on text that does not parse stays");
        list.edit(Action::Back);
        refilter(&mut list, &NAMES);
        assert!(!list.line.editing);
        assert_eq!(shown(&list, &NAMES), NAMES);
    }

    #[test]
    fn a_paste_is_one_edit_on_one_line() {
        let mut list = FilteredList::default();
        list.line.open();
        list.paste("ola\nd");
        assert_eq!(list.line.input, "ola d");
        refilter(&mut list, &["Ola Dahl", "Ola", "Dag"]);
        assert_eq!(shown(&list, &["Ola Dahl", "Ola", "Dag"]), ["Ola Dahl"]);
        list.paste("");
        assert_eq!(list.line.input, "ola d");
    }

    #[test]
    fn the_keys_the_list_takes_while_the_line_is_open_are_given_back() {
        let mut list: FilteredList<usize> = FilteredList::default();
        list.line.open();
        for action in [Action::Down, Action::Up, Action::PageDown, Action::PageUp] {
            assert_eq!(list.edit(action), Some(action));
        }
        assert_eq!(list.edit(Action::Top), None);
        assert!(list.line.editing);
    }

    #[test]
    fn the_selection_stays_on_its_item_and_is_clamped_when_the_rows_shrink() {
        let mut list = FilteredList::default();
        refilter(&mut list, &NAMES);
        assert!(list.go(Action::Bottom, 10));
        assert_eq!(list.selected(), 4, "Tony");
        assert!(list.go(Action::Up, 10));
        assert_eq!((list.selected(), list.row()), (3, 3), "Olav");
        // Olav still passes: still selected, now on the second row.
        list.line.open();
        typed(&mut list, "ol");
        refilter(&mut list, &NAMES);
        assert_eq!((list.selected(), list.row()), (3, 1));
        // Olav gone: the first row shown.
        list.edit(Action::ClearLine);
        typed(&mut list, "a");
        refilter(&mut list, &NAMES);
        assert_eq!(shown(&list, &NAMES), ["Hanne", "Ola", "Kari", "Olav"]);
        list.edit(Action::ClearLine);
        typed(&mut list, "k");
        refilter(&mut list, &NAMES);
        assert_eq!((list.selected(), list.current()), (2, Some(2)));
        // Nothing shown: nothing current, and moving does nothing.
        typed(&mut list, "zz");
        refilter(&mut list, &NAMES);
        assert_eq!(list.current(), None);
        assert!(list.go(Action::Down, 10));
        list.select_row(3);
        assert_eq!(list.current(), None);
        // A row past the end is the last; the wheel moves one.
        list.edit(Action::ClearLine);
        refilter(&mut list, &NAMES);
        list.select_row(99);
        assert_eq!(list.selected(), 4);
        assert!(list.go(Action::WheelUp(0, 0), 10));
        assert_eq!(list.selected(), 3);
        assert!(list.go(Action::PageUp, 2));
        assert_eq!(list.selected(), 1);
        assert!(!list.go(Action::Open, 10));
    }

    #[test]
    fn the_rows_follow_the_views_key_and_only_shown_items_are_selected() {
        let mut list = FilteredList::default();
        refilter(&mut list, &NAMES);
        list.select(4);
        assert_eq!(list.selected(), 4);
        // Fewer items (a handbook read again): the key changed, so the rows did.
        assert!(refilter(&mut list, &NAMES[..2]));
        assert_eq!((list.selected(), list.shown().len()), (0, 2));
        list.select(4);
        assert_eq!(list.selected(), 0, "not shown: not selected");
    }

    #[test]
    fn a_filter_matches_any_text_folded_and_a_negated_term_none() {
        let query = |s: &str| Query::parse(s).unwrap();
        let texts = ["Ola Dahl", "Plattform", "Teamleder"];
        assert!(matches(&query("ola plattform"), &texts));
        assert!(matches(&query("OLA"), &texts));
        assert!(matches(&query("-kari"), &texts));
        assert!(!matches(&query("-team"), &texts));
        assert!(!matches(&query("ola kari"), &texts));
        assert!(matches(&query("æøå"), &["ÆØÅ"]));
    }
}
