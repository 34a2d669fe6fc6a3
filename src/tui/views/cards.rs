//! The card list: title, with the owner dimmed beside it, grouped under
//! document titles when several documents are loaded; filtered by the
//! search line and by a person. Everything that costs time in proportion to
//! the handbook (the visible cards, the rows for them) is worked out when a
//! filter changes; the model holds only the rows that fit on screen, so a
//! frame costs the same at 9 cards and at 100,000.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::query::Query;
use crate::{CardId, Field};

use super::search::{Edit, SearchLine};
use super::{ranges_of, row_at, scrolled};
use crate::tui::context::{CardKey, Context};
use crate::tui::keymap::Action;
use crate::tui::layout::Screen;
use crate::tui::theme::{Ink, Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

/// One row of the card list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A document's title, heading its cards (only when several documents are loaded).
    Group(u32),
    /// The card `visible[i]`.
    Card(usize),
}

/// The person whose cards the list is limited to.
#[derive(Debug, Clone)]
struct PersonFilter {
    /// Index into the context's people.
    index: usize,
    cards: Vec<CardId>,
}

pub struct CardsView {
    /// Every card, in document order.
    all: Vec<CardId>,
    /// The cards the filters let through, in document order.
    pub visible: Vec<CardId>,
    rows: Vec<Row>,
    /// For each visible card, its row.
    row_of: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    pub search: SearchLine,
    person: Option<PersonFilter>,
    /// Cards left by jumping along a link, the last on top.
    pub trail: Vec<CardId>,
    /// Counts the moves of the selection to another card (the detail starts
    /// each card at its top).
    pub moved: u64,
    /// Counts the times the search line's text was parsed and filtered by:
    /// once a key, once a paste or burst of typing.
    pub filters: u64,
    pub model: Pane,
}

/// What the list was showing, to find again in a handbook read anew.
pub struct Memo {
    selected: Option<CardKey>,
    trail: Vec<CardKey>,
    person: Option<String>,
    position: usize,
    offset: usize,
}

impl CardsView {
    pub fn new(ctx: &Context) -> CardsView {
        let all: Vec<CardId> = ctx.handbook.cards().map(|(id, _)| id).collect();
        let mut view = CardsView {
            visible: all.clone(),
            all,
            rows: Vec::new(),
            row_of: Vec::new(),
            selected: 0,
            offset: 0,
            search: SearchLine::default(),
            person: None,
            trail: Vec::new(),
            moved: 0,
            filters: 0,
            model: Pane::default(),
        };
        view.rebuild_rows(ctx.grouped);
        view
    }

    pub fn current(&self) -> Option<CardId> {
        self.visible.get(self.selected).copied()
    }

    pub fn total(&self) -> usize {
        self.all.len()
    }

    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    pub fn query(&self) -> Option<&Query> {
        self.search.query.as_ref()
    }

    pub fn filtered(&self) -> bool {
        self.search.query.is_some() || self.person.is_some()
    }

    pub fn person_name<'a>(&self, ctx: &'a Context) -> Option<&'a str> {
        let index = self.person.as_ref()?.index;
        Some(ctx.people()?.get(index)?.name.as_str())
    }

    /// Movement, and the wheel or a click over the list.
    pub fn update(&mut self, action: Action, screen: Screen) {
        let list = screen.regions(self.rows.len()).list_inner();
        match action {
            _ if action.is_movement() => {
                let page = (list.height as usize).max(1);
                self.select(scrolled(self.selected, action, page), screen);
            }
            Action::Click(x, y) => {
                if let Some(row) = row_at(list, self.offset, x, y)
                    && let Some(Row::Card(i)) = self.rows.get(row)
                {
                    self.select(*i, screen);
                }
            }
            Action::WheelDown(..) => self.select(self.selected + 1, screen),
            Action::WheelUp(..) => self.select(self.selected.saturating_sub(1), screen),
            _ => {}
        }
    }

    /// A key in the search line; the list follows the query as it is typed.
    /// Text into the search line, then one parse and one filter.
    pub fn type_text(&mut self, text: &str, ctx: &mut Context, screen: Screen) {
        if !self.search.type_text(text) {
            return;
        }
        self.filters += 1;
        ctx.ensure_index();
        if let Some((query, narrow)) = self.search.parse() {
            self.set_query(query, narrow, ctx, screen);
        }
    }

    pub fn edit_search(&mut self, action: Action, ctx: &mut Context, screen: Screen) {
        match self.search.key(action) {
            Edit::Typed => {
                self.filters += 1;
                ctx.ensure_index();
                if let Some((query, narrow)) = self.search.parse() {
                    self.set_query(query, narrow, ctx, screen);
                }
            }
            Edit::Cleared => self.set_query(None, false, ctx, screen),
            Edit::Kept => {}
            Edit::Other => match action {
                Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
                    self.update(action, screen)
                }
                _ => {}
            },
        }
    }

    /// Select visible card `i` (clamped), keeping it on screen.
    pub fn select(&mut self, i: usize, screen: Screen) {
        let i = i.min(self.visible.len().saturating_sub(1));
        if i != self.selected {
            self.moved += 1;
        }
        self.selected = i;
        self.ensure_visible(screen);
    }

    /// `n`/`N`: the next (or previous) card shown, wrapping around.
    pub fn step(&mut self, forward: bool, screen: Screen) {
        let n = self.visible.len();
        if n == 0 {
            return;
        }
        let to = if forward {
            (self.selected + 1) % n
        } else {
            (self.selected + n - 1) % n
        };
        self.select(to, screen);
    }

    /// Scroll the list so the selected card (and its group heading, when it
    /// is the first of its group) is on screen.
    pub fn ensure_visible(&mut self, screen: Screen) {
        let height = screen.regions(self.rows.len()).list_inner().height as usize;
        let Some(&row) = self.row_of.get(self.selected) else {
            self.offset = 0;
            return;
        };
        let top = if row > 0 && matches!(self.rows[row - 1], Row::Group(_)) {
            row - 1
        } else {
            row
        };
        self.offset = super::list_offset(self.offset, top, row, height, self.rows.len());
    }

    fn set_query(&mut self, query: Option<Query>, narrow: bool, ctx: &mut Context, screen: Screen) {
        self.search.query = query;
        self.refilter(narrow, ctx, screen);
    }

    /// Drop the person and the query that limit the list.
    pub fn clear_filters(&mut self, ctx: &mut Context, screen: Screen) {
        self.person = None;
        self.search.input.clear();
        self.set_query(None, false, ctx, screen);
    }

    /// Limit the list to person `index`'s cards, dropping the query; false
    /// when there is no such person.
    pub fn filter_by_person(&mut self, index: usize, ctx: &mut Context, screen: Screen) -> bool {
        let Some(person) = ctx.people().and_then(|p| p.get(index)) else {
            return false;
        };
        self.person = Some(PersonFilter {
            index,
            cards: person.cards(),
        });
        self.search.input.clear();
        self.set_query(None, false, ctx, screen);
        true
    }

    /// Show card `id`, dropping the filters if they hide it.
    pub fn go_to(&mut self, id: CardId, ctx: &mut Context, screen: Screen) {
        if self.visible.binary_search(&id).is_err() {
            self.clear_filters(ctx, screen);
        }
        if let Ok(i) = self.visible.binary_search(&id) {
            self.select(i, screen);
        }
    }

    /// Recompute the visible cards from the filters, keeping the selection on
    /// the same card when it still passes. `narrow`: the query only grew, so
    /// only the cards visible now need testing.
    fn refilter(&mut self, narrow: bool, ctx: &mut Context, screen: Screen) {
        let keep = self.current();
        self.visible = self.filtered_cards(narrow, ctx);
        self.rebuild_rows(ctx.grouped);
        let (selected, same) = match keep.map(|id| self.visible.binary_search(&id)) {
            Some(Ok(i)) => (i, true),
            _ => (0, false),
        };
        self.selected = selected;
        if !same {
            self.moved += 1;
        }
        self.offset = 0;
        self.ensure_visible(screen);
    }

    /// The cards the filters let through; `narrow`: test only the visible ones.
    fn filtered_cards(&self, narrow: bool, ctx: &mut Context) -> Vec<CardId> {
        let base: Option<&[CardId]> = if narrow {
            Some(&self.visible)
        } else {
            self.person.as_ref().map(|p| p.cards.as_slice())
        };
        let Some(query) = &self.search.query else {
            return base.map_or_else(|| self.all.clone(), <[CardId]>::to_vec);
        };
        let index = ctx.ensure_index();
        let hits = match base {
            None => index.search(query),
            Some(base) => index.search_within(query, base),
        };
        in_document_order(hits.iter().map(|h| h.card))
    }

    fn rebuild_rows(&mut self, grouped: bool) {
        self.rows.clear();
        self.row_of.clear();
        self.rows.reserve(self.visible.len());
        self.row_of.reserve(self.visible.len());
        let mut last_doc = None;
        for (i, id) in self.visible.iter().enumerate() {
            if grouped && last_doc != Some(id.document) {
                self.rows.push(Row::Group(id.document));
                last_doc = Some(id.document);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Card(i));
        }
    }

    // ----- reading again -----

    pub fn remember(&self, ctx: &Context) -> Memo {
        Memo {
            selected: self.current().and_then(|id| ctx.card_key(id)),
            trail: self
                .trail
                .iter()
                .filter_map(|id| ctx.card_key(*id))
                .collect(),
            person: self.person_name(ctx).map(str::to_owned),
            position: self.selected,
            offset: self.offset,
        }
    }

    /// The same cards, filters and trail in the handbook `ctx` holds now.
    pub fn restore(&mut self, memo: Memo, ctx: &mut Context, screen: Screen) {
        self.all = ctx.handbook.cards().map(|(id, _)| id).collect();
        let people = ctx.people().unwrap_or_default();
        self.person = memo
            .person
            .and_then(|name| people.iter().position(|p| p.name == name))
            .map(|index| PersonFilter {
                index,
                cards: people[index].cards(),
            });
        self.visible = self.filtered_cards(false, ctx);
        self.rebuild_rows(ctx.grouped);
        let found = memo
            .selected
            .as_ref()
            .and_then(|k| ctx.find_key(k))
            .and_then(|id| self.visible.binary_search(&id).ok());
        if found.is_none() {
            self.moved += 1;
        }
        self.selected = found
            .unwrap_or(memo.position)
            .min(self.visible.len().saturating_sub(1));
        self.offset = memo.offset;
        self.ensure_visible(screen);
        self.trail = memo.trail.iter().filter_map(|k| ctx.find_key(k)).collect();
    }

    // ----- the model -----

    /// "Ingen treff for «grimstad»", naming the person too when filtering by one.
    pub fn empty_message(&self, ctx: &Context) -> String {
        let t = ctx.words();
        if !self.filtered() {
            return t.no_cards.to_owned();
        }
        let mut what = Vec::new();
        if let Some(name) = self.person_name(ctx) {
            what.push(format!("{}: {}", t.person, wrap::clean_line(name)));
        }
        if self.search.query.is_some() {
            what.push(wrap::clean_line(self.search.applied()));
        }
        format!("{} «{}».", t.no_matches, what.join(" + "))
    }

    /// The rows that fit in the list drawn in `area`.
    pub fn layout(&mut self, ctx: &Context, area: Rect, focused: bool) {
        let mut pane = Pane::new(ctx.words().cards, focused, false);
        let inner = Pane::inner(false, area);
        if self.visible.is_empty() {
            self.model = pane.notice(self.empty_message(ctx), inner);
            return;
        }
        let height = inner.height as usize;
        // `update` keeps the offset so that the selection is on screen.
        let offset = self.offset.min(self.rows.len());
        let end = (offset + height).min(self.rows.len());
        pane.lines = self.rows[offset..end]
            .iter()
            .map(|r| self.row_segments(ctx, *r, inner.width as usize))
            .collect();
        pane.total = self.rows.len();
        pane.shown = height;
        pane.offset = offset;
        self.model = pane;
    }

    fn row_segments(&self, ctx: &Context, row: Row, width: usize) -> InkLine {
        let i = match row {
            Row::Group(doc) => {
                let document = ctx.handbook.documents.get(doc as usize);
                let title = document
                    .map(|d| d.heading().into_owned())
                    .unwrap_or_default();
                let mut heading = vec![(wrap::clean_line(&title), Role::Group.into())];
                if let Some(why) = document.and_then(|d| ctx.words().unpublished(&d.publication)) {
                    heading.push((format!(" [{why}]"), Role::Warning.into()));
                }
                return wrap::truncate(heading, width);
            }
            Row::Card(i) => i,
        };
        let id = self.visible[i];
        let Some(card) = ctx.handbook.card(id) else {
            return Vec::new();
        };
        let found = ctx.matches(self.query(), id);
        let mut segments: InkLine = Vec::new();
        let title_ink = Ink::of(Role::CardTitle);
        match card.field(Field::Title) {
            Some(title) if !title.trim().is_empty() => segments.extend(wrap::highlight(
                &title,
                &ranges_of(&found, Field::Title),
                title_ink,
                title_ink.hit(),
                wrap::clean_line,
            )),
            _ => segments.push((ctx.words().untitled.to_owned(), Role::Dim.into())),
        }
        // A page Hugo does not publish is not the real process: say so by its title.
        let unpublished = ctx
            .handbook
            .document_of(id)
            .and_then(|d| ctx.words().unpublished(&d.publication));
        if let Some(why) = unpublished {
            segments.push((format!(" [{why}]"), Role::Warning.into()));
        }
        if let Some(owner) = card.field(Field::Owner).filter(|o| !o.trim().is_empty()) {
            // Owners line up in a column after the titles when there is room.
            // (The row's marker comes before the title: two more columns.)
            let used: usize = 2 + segments.iter().map(|(t, _)| wrap::width(t)).sum::<usize>();
            let column = 2 + ctx.title_width();
            let pad = if column + 2 + 8 <= width {
                column.saturating_sub(used) + 2
            } else {
                2
            };
            let dim = Ink::of(Role::Dim);
            segments.push((" ".repeat(pad), dim));
            segments.extend(wrap::highlight(
                &owner,
                &ranges_of(&found, Field::Owner),
                dim,
                dim.hit(),
                wrap::clean_line,
            ));
        }
        widgets::row(segments, i == self.selected, width)
    }
}

pub fn render(model: &Pane, theme: &Theme, frame: &mut Frame, area: Rect) {
    widgets::draw_pane(frame, area, model, theme);
}

/// Hits come best first; the list shows them in document order.
fn in_document_order(hits: impl Iterator<Item = CardId>) -> Vec<CardId> {
    let mut cards: Vec<CardId> = hits.collect();
    cards.sort_unstable();
    cards.dedup();
    cards
}
