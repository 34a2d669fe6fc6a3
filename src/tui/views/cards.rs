//! The card list: title, with the owner dimmed beside it, grouped under
//! document titles when several documents are loaded; filtered by the
//! search line and by a person. Everything that costs time in proportion to
//! the handbook (the visible cards, the rows for them) is worked out when a
//! filter changes; the model holds only the rows that fit on screen, so a
//! frame costs the same at 9 cards and at 100,000.

use ratatui::Frame;
use ratatui::layout::Rect;

use std::time::{Duration, Instant};

use crate::query::{Hit, Query};
use crate::{CardId, Field};

use super::search::{Edited, SearchLine};
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

/// How the list orders the cards a query lets through (without a query,
/// always in document order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Best match first, as `prosesser search` ranks them: title hits
    /// first, then document order.
    #[default]
    Relevance,
    Document,
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
    pub order: Order,
    person: Option<PersonFilter>,
    /// Cards left by jumping along a link, the last on top.
    pub trail: Vec<CardId>,
    /// Counts the moves of the selection to another card (the detail starts
    /// each card at its top).
    pub moved: u64,
    /// Counts the times the search line's text was parsed and filtered by:
    /// once a key, once a paste or burst of typing.
    pub filters: u64,
    /// The query being answered by reading the cards, while the index is built.
    scan: Option<Scan>,
    pub model: Pane,
}

/// A query answered by reading the cards a slice at a time, while the
/// search index is still being built: a key never waits for the index. The
/// list shows what is found so far and grows as the rest is read (see
/// [`CardsView::work`]); the index's answer replaces it the moment it is in.
struct Scan {
    /// The cards to read.
    cards: Vec<CardId>,
    /// How many of them are read.
    read: usize,
    /// The matches among those read, each with its rank.
    found: Vec<Hit>,
}

/// How long a key's own filtering may read cards before the screen shows it.
const KEY_READING: Duration = Duration::from_millis(4);
/// How long one slice of reading between two looks for input lasts.
const SLICE_READING: Duration = Duration::from_millis(8);

impl Scan {
    /// Read cards for `budget` (a few hundred at a time); true when all are read.
    fn read(&mut self, ctx: &Context, query: &Query, budget: Duration) -> bool {
        let start = Instant::now();
        while self.read < self.cards.len() {
            let slice = &self.cards[self.read..self.cards.len().min(self.read + 256)];
            self.found.extend(crate::query::search_among(
                &ctx.handbook,
                query,
                slice,
                None,
            ));
            self.read += slice.len();
            if start.elapsed() >= budget {
                break;
            }
        }
        self.read >= self.cards.len()
    }

    /// The cards a query refining this one can match: those found, and
    /// those not read yet.
    fn candidates(&self) -> Vec<CardId> {
        let mut cards: Vec<CardId> = self.found.iter().map(|h| h.card).collect();
        cards.extend_from_slice(&self.cards[self.read..]);
        cards
    }
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
            order: Order::default(),
            person: None,
            trail: Vec::new(),
            moved: 0,
            filters: 0,
            scan: None,
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
            Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
                let page = screen.page_rows(self.rows.len());
                let page = match action {
                    Action::HalfPageDown | Action::HalfPageUp => page / 2,
                    _ => page,
                };
                let down = matches!(action, Action::PageDown | Action::HalfPageDown);
                self.select(self.paged(down, page.max(1)), screen);
            }
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

    /// Text into the search line, then one parse and one filter.
    pub fn type_text(&mut self, text: &str, ctx: &mut Context, screen: Screen) {
        let edited = self.search.paste(text);
        self.follow_search(edited, ctx, screen);
    }

    /// A key in the search line; the list follows the query as it is typed.
    pub fn edit_search(&mut self, action: Action, ctx: &mut Context, screen: Screen) {
        let edited = self.search.edit(action);
        self.follow_search(edited, ctx, screen);
    }

    fn follow_search(&mut self, edited: Edited, ctx: &mut Context, screen: Screen) {
        match edited {
            Edited::Typed(parsed) => {
                self.filters += 1;
                if let Some(narrow) = parsed {
                    self.refilter(narrow, ctx, screen);
                }
            }
            Edited::Cleared => self.refilter(false, ctx, screen),
            Edited::Move(action) => self.update(action, screen),
            Edited::Nothing => {}
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

    /// The card a page of `page` rows down (or up) from the selected one.
    /// Pages count rows, group headings included, so a page down never
    /// skips a row that was not on screen; a page up comes back at least as
    /// far as the page down went, so Home, PgDn, PgUp is back at the top.
    fn paged(&self, down: bool, page: usize) -> usize {
        let last = self.visible.len().saturating_sub(1);
        let Some(&row) = self.row_of.get(self.selected) else {
            return 0;
        };
        // row_of rises with the card, so a card is found by its row by bisection.
        let to = if down {
            let target = row.saturating_add(page);
            // The last card at or above the target row.
            self.row_of
                .partition_point(|&r| r <= target)
                .saturating_sub(1)
        } else {
            let target = row.saturating_sub(page);
            // The first card at or below it.
            self.row_of.partition_point(|&r| r < target)
        };
        match (down, to == self.selected) {
            // Headings took the whole page: one card on.
            (true, true) => (self.selected + 1).min(last),
            (false, true) => self.selected.saturating_sub(1),
            _ => to.min(last),
        }
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

    /// Drop the query, its text too.
    fn drop_query(&mut self, ctx: &mut Context, screen: Screen) {
        self.search.input.clear();
        self.search.query = None;
        self.refilter(false, ctx, screen);
    }

    /// Drop the person and the query that limit the list.
    pub fn clear_filters(&mut self, ctx: &mut Context, screen: Screen) {
        self.person = None;
        self.drop_query(ctx, screen);
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
        self.drop_query(ctx, screen);
        true
    }

    /// Show card `id`, dropping the filters if they hide it.
    pub fn go_to(&mut self, id: CardId, ctx: &mut Context, screen: Screen) {
        if self.position(id).is_none() {
            self.clear_filters(ctx, screen);
        }
        if let Some(i) = self.position(id) {
            self.select(i, screen);
        }
    }

    /// The list is in relevance order (a query is active and ranks it).
    pub fn ranked(&self) -> bool {
        self.order == Order::Relevance && self.search.query.is_some()
    }

    /// Where card `id` is among the visible ones.
    fn position(&self, id: CardId) -> Option<usize> {
        if self.ranked() {
            self.visible.iter().position(|v| *v == id)
        } else {
            self.visible.binary_search(&id).ok()
        }
    }

    /// `o`: best match first or document order, the selection kept on its card.
    pub fn toggle_order(&mut self, ctx: &mut Context, screen: Screen) {
        self.order = match self.order {
            Order::Relevance => Order::Document,
            Order::Document => Order::Relevance,
        };
        let keep = self.current();
        self.visible = self.filtered_cards(false, ctx);
        self.rebuild_rows(ctx.grouped);
        self.selected = keep.and_then(|id| self.position(id)).unwrap_or(0);
        self.ensure_visible(screen);
    }

    /// `]`/`[`: the first card of the next document in the list, or of this
    /// one's (then the one before) going back; false when there is none.
    pub fn step_document(&mut self, forward: bool, screen: Screen) -> bool {
        let docs: Vec<u32> = self.visible.iter().map(|id| id.document).collect();
        // Where a run of one document's cards starts.
        let starts = |i: usize| i == 0 || docs[i] != docs[i - 1];
        let at = self.selected.min(docs.len().saturating_sub(1));
        let to = if forward {
            (at + 1..docs.len()).find(|&i| starts(i))
        } else {
            let run = (0..=at).rev().find(|&i| starts(i)).unwrap_or(0);
            if run < at {
                Some(run)
            } else {
                (0..run).rev().find(|&i| starts(i))
            }
        };
        match to {
            Some(i) if !docs.is_empty() => {
                self.select(i, screen);
                true
            }
            _ => false,
        }
    }

    /// Recompute the visible cards from the filters, keeping the selection on
    /// the same card when it still passes; ranked by a query, the best match
    /// is selected (as fzf does). `narrow`: the query only grew, so only the
    /// cards visible now need testing.
    fn refilter(&mut self, narrow: bool, ctx: &mut Context, screen: Screen) {
        let visible = self.filtered_cards(narrow, ctx);
        self.show(visible, ctx, screen);
    }

    /// Show `visible`, keeping the selection as [`Self::refilter`] says.
    fn show(&mut self, visible: Vec<CardId>, ctx: &Context, screen: Screen) {
        let keep = self.current();
        self.visible = visible;
        self.rebuild_rows(ctx.grouped);
        let (selected, same) = match keep {
            _ if self.ranked() => (0, keep == self.visible.first().copied()),
            Some(id) => self.position(id).map_or((0, false), |i| (i, true)),
            None => (0, false),
        };
        self.selected = selected;
        if !same {
            self.moved += 1;
        }
        self.offset = 0;
        self.ensure_visible(screen);
    }

    /// The cards the filters let through; `narrow`: test only the visible
    /// ones. Without the index yet, what the first few milliseconds of
    /// reading the cards find (the rest is read by [`Self::work`]).
    fn filtered_cards(&mut self, narrow: bool, ctx: &mut Context) -> Vec<CardId> {
        let scan = self.scan.take();
        let base: Option<&[CardId]> = if narrow {
            Some(&self.visible)
        } else {
            self.person.as_ref().map(|p| p.cards.as_slice())
        };
        let Some(query) = &self.search.query else {
            return base.map_or_else(|| self.all.clone(), <[CardId]>::to_vec);
        };
        // A `team:` query needs the people, which come with the index: it
        // waits for them (the only query that does).
        if query.asks_about_teams() {
            ctx.ensure_index();
        }
        if let Some(index) = ctx.index() {
            let hits = match base {
                None => index.search(query),
                Some(base) => index.search_within(query, base),
            };
            return match self.order {
                // Best first, as the index ranks them (each card once).
                Order::Relevance => hits.iter().map(|h| h.card).collect(),
                Order::Document => in_document_order(hits.iter().map(|h| h.card)),
            };
        }
        let cards = match (narrow, scan) {
            // Narrowing a query still being read: what it found, and what it
            // has not read yet.
            (true, Some(scan)) => scan.candidates(),
            _ => base.map_or_else(|| self.all.clone(), <[CardId]>::to_vec),
        };
        let mut scan = Scan {
            cards,
            read: 0,
            found: Vec::new(),
        };
        let done = scan.read(ctx, query, KEY_READING);
        let found = self.in_order(scan.found.clone());
        self.scan = (!done).then_some(scan);
        found
    }

    /// Hits found by reading the cards, in the list's order: best first, as
    /// the index ranks them (ties in document order), or document order.
    fn in_order(&self, mut hits: Vec<Hit>) -> Vec<CardId> {
        match self.order {
            Order::Relevance => {
                hits.sort_by_key(|h| (std::cmp::Reverse(h.score), h.card));
                hits.iter().map(|h| h.card).collect()
            }
            Order::Document => in_document_order(hits.iter().map(|h| h.card)),
        }
    }

    /// Whether a query is still being answered by reading the cards.
    pub fn scanning(&self) -> bool {
        self.scan.is_some()
    }

    /// A slice of the work a key left: read more cards for the query (the
    /// list grows with what is found), or, once the index is in, take its
    /// answer instead. True when the list changed.
    pub fn work(&mut self, ctx: &mut Context, screen: Screen) -> bool {
        let (Some(scan), Some(query)) = (&mut self.scan, &self.search.query) else {
            self.scan = None;
            return false;
        };
        if ctx.index().is_some() {
            self.scan = None;
            self.refilter(false, ctx, screen);
            return true;
        }
        let before = scan.found.len();
        let done = scan.read(ctx, query, SLICE_READING);
        let found = (scan.found.len() != before || done).then(|| scan.found.clone());
        if done {
            self.scan = None;
        }
        match found {
            Some(found) => {
                let visible = self.in_order(found);
                self.show(visible, ctx, screen);
                true
            }
            None => false,
        }
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
            .and_then(|id| self.position(id));
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
            return match ctx.nothing_read() {
                Some(said) => format!("{said}."),
                None => t.no_cards.to_owned(),
            };
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
        let t = ctx.words();
        let title = match self.search.query {
            // The key that changes it beside it, as k9s shows its sort keys.
            Some(_) => format!("{} · {} (o)", t.cards, t.list_order(self.ranked())),
            None => t.cards.to_owned(),
        };
        let mut pane = Pane::new(&title, focused, false);
        let inner = Pane::inner(false, area);
        if self.visible.is_empty() {
            self.model = pane.notice(self.empty_message(ctx), inner);
            return;
        }
        let height = inner.height as usize;
        // `update` keeps the offset so that the selection is on screen.
        let offset = self.offset.min(self.rows.len());
        let end = (offset + height).min(self.rows.len());
        let width = inner.width as usize;
        // The handbook's widest, so the columns stay put as the list
        // scrolls; the rows on screen may be wider than the texts (a title
        // marked unpublished, the word for an untitled card).
        let on_screen = self.widths_on_screen(ctx, offset..end);
        let widest = ctx.column_widths().unwrap_or_default();
        let wants = [0, 1, 2].map(|i| widest[i].max(on_screen[i]));
        let columns = Columns::fit(width, wants);
        pane.lines = self.rows[offset..end]
            .iter()
            .map(|r| self.row_segments(ctx, *r, width, columns))
            .collect();
        pane.total = self.rows.len();
        pane.shown = height;
        pane.offset = offset;
        self.model = pane;
    }

    /// The widest title (as the row shows it), owner and leader among rows
    /// `rows`.
    fn widths_on_screen(&self, ctx: &Context, rows: std::ops::Range<usize>) -> [usize; 3] {
        let t = ctx.words();
        let mut widest = [0; 3];
        for row in &self.rows[rows] {
            let Row::Card(i) = row else { continue };
            let id = self.visible[*i];
            let Some(card) = ctx.handbook.card(id) else {
                continue;
            };
            let width = |field| wrap::width(&wrap::clean_line(&card.text(field)));
            let mut title = width(Field::Title);
            if card.text(Field::Title).trim().is_empty() {
                title = wrap::width(t.untitled);
            }
            if let Some(why) = ctx
                .handbook
                .document_of(id)
                .and_then(|d| t.unpublished(&d.publication))
            {
                title += wrap::width(&why) + 3;
            }
            if let Some(line) = ctx.labels().where_in_document(id) {
                title += wrap::width(&t.title_at_line("", line));
            }
            let row = [title, width(Field::Owner), width(Field::Leader)];
            for (w, r) in widest.iter_mut().zip(row) {
                *w = (*w).max(r);
            }
        }
        widest
    }

    fn row_segments(&self, ctx: &Context, row: Row, width: usize, columns: Columns) -> InkLine {
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
        let title_ink = Ink::of(Role::CardTitle);
        let mut title = match card.field(Field::Title) {
            Some(title) if !title.trim().is_empty() => wrap::highlight(
                &title,
                &ranges_of(&found, Field::Title),
                title_ink,
                title_ink.hit(),
                wrap::clean_line,
            ),
            _ => vec![(ctx.words().untitled.to_owned(), Role::Dim.into())],
        };
        // Two cards of one page with one title: each with its line.
        if let Some(line) = ctx.labels().where_in_document(id) {
            title.push((ctx.words().title_at_line("", line), Role::Dim.into()));
        }
        // A page Hugo does not publish is not the real process: say so by
        // its title, the mark kept whole when the title is cut.
        let unpublished = ctx
            .handbook
            .document_of(id)
            .and_then(|d| ctx.words().unpublished(&d.publication))
            .map(|why| (format!(" [{why}]"), Ink::of(Role::Warning)));
        let mark = unpublished.as_ref().map_or(0, |(t, _)| wrap::width(t));
        if columns.owner == 0 {
            let mut segments = wrap::truncate(title, columns.title.saturating_sub(mark));
            segments.extend(unpublished);
            return widgets::row(segments, i == self.selected, width);
        }
        let dim = Ink::of(Role::Dim);
        let gap = || (" ".repeat(GAP), dim);
        let mut segments = wrap::truncate(title, columns.title.saturating_sub(mark));
        segments.extend(unpublished);
        let mut segments = wrap::fill(segments, columns.title, dim);
        segments.push(gap());
        // The people's columns, or where the query hit when it hit only
        // fields the list does not show.
        let rest = columns.owner + columns.leader.map_or(0, |l| GAP + l);
        let shown = |f: Field| {
            f == Field::Title
                || f == Field::Owner
                || (f == Field::Leader && columns.leader.is_some())
        };
        let hidden_hit = (!found.is_empty() && !found.iter().any(|m| shown(m.field)))
            .then(|| found.first())
            .flatten();
        if let Some(hit) = hidden_hit {
            let ranges = ranges_of(&found, hit.field);
            segments.extend(hit_in(ctx, card, hit, &ranges, rest));
            return widgets::row(segments, i == self.selected, width);
        }
        let person = |field: Field, width: usize| {
            let text = card.text(field);
            wrap::truncate(
                wrap::highlight(
                    &text,
                    &ranges_of(&found, field),
                    dim,
                    dim.hit(),
                    wrap::clean_line,
                ),
                width,
            )
        };
        match columns.leader {
            Some(leader) => {
                segments.extend(wrap::fill(
                    person(Field::Owner, columns.owner),
                    columns.owner,
                    dim,
                ));
                segments.push(gap());
                segments.extend(person(Field::Leader, leader));
            }
            None => segments.extend(person(Field::Owner, columns.owner)),
        }
        widgets::row(segments, i == self.selected, width)
    }
}

/// Columns between the list's columns.
const GAP: usize = 2;
/// The narrowest an owner or leader column is made (when the names are wider).
const MIN_COLUMN: usize = 8;
/// The list's inside from which it shows the leader too: the width the
/// layout gives the list from [`crate::tui::layout::WIDE_FROM`] columns.
pub const LEADER_FROM: usize = 56;

/// Where the list's columns go: the widths of the title, owner and (when
/// there is room) leader columns, after the row's two-column marker. Every
/// row of a list has the same columns, so owners and leaders line up
/// whatever a title's width; a title or name wider than its column is cut
/// with `…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub title: usize,
    /// 0: no owner column (too narrow, or no card has an owner).
    pub owner: usize,
    pub leader: Option<usize>,
}

impl Columns {
    /// For rows `width` columns wide (marker included), with the widest
    /// title, owner and leader `wants` columns.
    pub fn fit(width: usize, wants: [usize; 3]) -> Columns {
        let [title, owner, leader] = wants;
        let room = width.saturating_sub(2);
        let title_only = Columns {
            title: room,
            owner: 0,
            leader: None,
        };
        if owner == 0 && leader == 0 {
            return title_only;
        }
        // Each name column gets its width, up to a share of the row (but
        // never under MIN_COLUMN); the title what is left, up to its width;
        // the names the rest.
        let share = |want: usize, room: usize, tenths: usize| {
            want.min((room * tenths / 10).max(MIN_COLUMN))
        };
        if width >= LEADER_FROM && leader > 0 {
            let room = room - 2 * GAP;
            let mut o = share(owner.max(1), room, 3);
            let l = share(leader, room, 3);
            let t = title.min(room - o - l);
            o += (room - t - o - l).min(owner.saturating_sub(o));
            return Columns {
                title: t,
                owner: o,
                leader: Some(room - t - o),
            };
        }
        let room = room.saturating_sub(GAP);
        if room < MIN_COLUMN + 6 {
            return title_only;
        }
        let o = share(owner.max(1), room, 3);
        let t = title.min(room - o);
        Columns {
            title: t,
            owner: room - t,
            leader: None,
        }
    }
}

/// `Formål: …styre utrulling…`: the field a query hit and the text around
/// the hit, highlighted, in `width` columns, for a card whose hits are all
/// in fields the list does not show.
fn hit_in(
    ctx: &Context,
    card: &crate::Card,
    hit: &crate::query::Match,
    ranges: &[std::ops::Range<usize>],
    width: usize,
) -> InkLine {
    let dim = Ink::of(Role::Dim);
    let text = card.text(hit.field);
    let label = ctx.lang.field_label(hit.field);
    let room = width.saturating_sub(wrap::width(label) + 2);
    // Too narrow for the text around the hit: where it is says the most.
    if room < 12 {
        return wrap::truncate(vec![(label.to_owned(), Ink::of(Role::Label))], width);
    }
    let label = format!("{label}: ");
    // Start a few words before the hit, so it is seen in its context and
    // stays on screen.
    let lead = room / 3;
    let mut start = hit.range.start.min(text.len());
    let mut before = 0;
    for (i, ch) in text[..start].char_indices().rev() {
        before += wrap::width(ch.encode_utf8(&mut [0; 4]));
        if before > lead {
            break;
        }
        start = i;
    }
    // From the start of a word, unless that is the hit itself.
    if start > 0
        && let Some(space) = text[start..hit.range.start.min(text.len())].find(char::is_whitespace)
    {
        start += space + 1;
    }
    // Every hit in the field from there on, measured from there.
    let shifted: Vec<std::ops::Range<usize>> = ranges
        .iter()
        .filter(|r| r.start >= start)
        .map(|r| r.start - start..r.end - start)
        .collect();
    let mut line: InkLine = vec![(label, Ink::of(Role::Label))];
    if start > 0 {
        line.push(("…".to_owned(), dim));
    }
    line.extend(wrap::highlight(
        &text[start..],
        &shifted,
        dim,
        dim.hit(),
        wrap::clean_line,
    ));
    wrap::truncate(line, width)
}

pub fn render(model: &Pane, theme: &Theme, frame: &mut Frame, area: Rect) {
    widgets::draw_pane(frame, area, model, theme);
}

/// Hits come best first; in document order for the list that asks for it.
fn in_document_order(hits: impl Iterator<Item = CardId>) -> Vec<CardId> {
    let mut cards: Vec<CardId> = hits.collect();
    cards.sort_unstable();
    cards.dedup();
    cards
}
