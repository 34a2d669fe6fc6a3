//! The browser's state, and the one place it changes: [`App::update`].
//!
//! Everything that costs time in proportion to the handbook (the search
//! index, the list of visible cards and the rows drawn for them) is built
//! here when a filter changes, never while drawing; drawing reads only the
//! rows that fit on screen.

use prosesser::flow::{self, Endpoint, Flow, Layout, Reason};
use prosesser::i18n::Lang;
use prosesser::people::Person;
use prosesser::query::{Query, QueryError, SearchIndex};
use prosesser::{CardId, Diagnostic, Document, Handbook, Severity};
use ratatui::layout::{Position, Rect};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::detail::{DetailKey, DetailModel};
use super::editor::{Editor, EditorCommand};
use super::help;
use super::keymap::Action;
use super::layout::{self, Regions};
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Cards,
    People,
    Diagnostics,
    /// The whole flow of one document.
    Flow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// One row of the card list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A document's title, heading its cards (only when several documents are loaded).
    Group(u32),
    /// The card `visible[i]`.
    Card(usize),
}

/// Lines a wheel notch scrolls.
const WHEEL: usize = 3;

/// Work started before the first frame that the first frame does not need:
/// the search index, and the checks, the people and the title column. Joined
/// when done, or at once when a key needs it.
#[derive(Default)]
struct Jobs {
    index: Option<JoinHandle<SearchIndex>>,
    facts: Option<JoinHandle<Facts>>,
}

pub struct Facts {
    diagnostics: Vec<Diagnostic>,
    /// How many of the diagnostics are errors and how many warnings.
    counts: (usize, usize),
    people: Vec<Person>,
    /// How many cards each person owns or leads (both counted once).
    card_counts: Vec<usize>,
    title_width: usize,
}

impl Facts {
    fn compute(handbook: &Handbook) -> Facts {
        // The loader's findings and the lint warnings, as `prosesser check` shows them.
        // The people are read once, for the people view and for the checks.
        let people = prosesser::people::People::new(handbook);
        let diagnostics = prosesser::check::all_with(handbook, &people);
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
                .map(|(_, c)| super::wrap::width(&prosesser::text::sanitize_line(&c.title())))
                .max()
                .unwrap_or(0),
        }
    }
}

/// A handbook read again, with everything the browser derives from it,
/// built off the UI thread and swapped in whole by [`App::reloaded`].
pub struct Loaded {
    handbook: Handbook,
    index: SearchIndex,
    facts: Facts,
}

impl Loaded {
    pub fn build(handbook: Handbook) -> Loaded {
        let (index, facts) = std::thread::scope(|scope| {
            let index = scope.spawn(|| SearchIndex::new(&handbook));
            let facts = Facts::compute(&handbook);
            (
                index
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                facts,
            )
        });
        Loaded {
            handbook,
            index,
            facts,
        }
    }
}

/// What the browser asks of the loop around it: things that need the
/// terminal or another thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Hand the terminal to the editor, then read the files again.
    Edit(EditorCommand),
    /// Read the files again now.
    Reload,
}

/// One line of the status bar that says what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// One link of a card, as the detail pane lists it.
pub struct LinkRow<'a> {
    /// True for "Mottar fra", false for "Leverer til".
    pub upstream: bool,
    pub other: &'a Endpoint,
    pub reasons: &'a [Reason],
    /// The digit that follows it (cards only, 1–9).
    pub number: Option<u8>,
}

/// The flow view's state: the document's layout and a cursor over its cards.
pub struct FlowView {
    pub document: u32,
    pub layout: Layout,
    /// Each card of the layout once, in reading order.
    pub items: Vec<CardId>,
    pub cursor: usize,
    pub offset: usize,
}

/// How a card is found again after the files are read anew.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CardKey {
    path: String,
    title: String,
    index: u32,
}

pub struct App {
    pub handbook: Arc<Handbook>,
    /// `None` until its job is done (see [`App::poll_jobs`]).
    pub index: Option<SearchIndex>,
    jobs: Jobs,
    pub lang: Lang,
    pub theme: Theme,
    pub mouse: bool,
    /// The terminal's size, as last reported.
    pub width: u16,
    pub height: u16,

    /// Every card, in document order.
    all: Vec<CardId>,
    /// Whether cards are grouped under their document's title.
    pub grouped: bool,
    /// The widest card title, in columns: where the owners line up in the list.
    pub title_width: usize,
    /// The cards the filters let through, in document order.
    pub visible: Vec<CardId>,
    pub rows: Vec<Row>,
    /// For each visible card, its row.
    pub row_of: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First row drawn.
    pub list_offset: usize,
    pub detail_scroll: usize,
    /// The selected card laid out for the detail pane (kept current by `update`).
    pub detail: DetailModel,
    /// Counts the handbooks read: the first is 0, each reload adds one.
    pub generation: u64,
    pub focus: Focus,
    pub view: View,

    pub help: bool,
    pub help_scroll: usize,

    /// The search line is open.
    pub editing: bool,
    /// The text in the search line.
    pub input: String,
    /// The query now filtering the list; `None` when empty.
    pub query: Option<Query>,
    /// Why the text in the search line does not parse.
    pub query_error: Option<QueryError>,

    /// Everyone named as owner or leader (`None` until its job is done).
    pub people: Option<Vec<Person>>,
    pub people_selected: usize,
    pub people_offset: usize,
    pub people_scroll: usize,
    /// The person whose cards the list is limited to (index into `people`).
    pub person: Option<usize>,
    person_cards: Vec<CardId>,

    pub diagnostics: Vec<Diagnostic>,
    /// Errors and warnings among `diagnostics`.
    counts: (usize, usize),
    /// For each of `people`, how many cards they own or lead.
    pub card_counts: Vec<usize>,
    pub diag_selected: usize,
    pub diag_offset: usize,

    /// `None`: show the ingress when there is room; otherwise as chosen.
    pub ingress: Option<bool>,
    /// The ingress laid out for the screen (see [`layout::Ingress`]).
    pub ingress_lines: layout::Ingress,
    pub quit: bool,

    /// Each document's flow, worked out the first time it is shown.
    flows: Vec<OnceLock<Flow>>,
    /// Cards left by jumping along a link, the last on top.
    pub history: Vec<CardId>,
    pub flow_view: Option<FlowView>,
    /// What just happened, until the next key.
    pub message: Option<Message>,
    /// For the loop around `update` to carry out.
    pub request: Option<Request>,
    /// `$VISUAL`/`$EDITOR`, read once at start.
    pub editor: Option<Editor>,
    /// The handbook came from paths that can be read again.
    pub can_reload: bool,
}

impl App {
    /// Everything the first frame needs; the rest starts on other threads.
    pub fn new(handbook: Handbook, lang: Lang, theme: Theme, mouse: bool) -> App {
        let handbook = Arc::new(handbook);
        let all: Vec<CardId> = handbook.cards().map(|(id, _)| id).collect();
        let grouped = handbook
            .documents
            .iter()
            .filter(|d| !d.cards.is_empty())
            .count()
            > 1;
        let jobs = Jobs {
            index: Some(std::thread::spawn({
                let handbook = Arc::clone(&handbook);
                move || {
                    super::terminal::fault::in_job();
                    SearchIndex::new(&handbook)
                }
            })),
            facts: Some(std::thread::spawn({
                let handbook = Arc::clone(&handbook);
                move || Facts::compute(&handbook)
            })),
        };
        let flows = (0..handbook.documents.len())
            .map(|_| OnceLock::new())
            .collect();
        let mut app = App {
            handbook,
            index: None,
            jobs,
            lang,
            theme,
            mouse,
            width: 80,
            height: 24,
            visible: all.clone(),
            all,
            grouped,
            title_width: 0,
            rows: Vec::new(),
            row_of: Vec::new(),
            selected: 0,
            list_offset: 0,
            detail_scroll: 0,
            detail: DetailModel::default(),
            generation: 0,
            focus: Focus::List,
            view: View::Cards,
            help: false,
            help_scroll: 0,
            editing: false,
            input: String::new(),
            query: None,
            query_error: None,
            people: None,
            people_selected: 0,
            people_offset: 0,
            people_scroll: 0,
            person: None,
            person_cards: Vec::new(),
            diagnostics: Vec::new(),
            counts: (0, 0),
            card_counts: Vec::new(),
            diag_selected: 0,
            diag_offset: 0,
            ingress: None,
            ingress_lines: layout::Ingress::default(),
            quit: false,
            flows,
            history: Vec::new(),
            flow_view: None,
            message: None,
            request: None,
            editor: None,
            can_reload: false,
        };
        app.rebuild_rows();
        app
    }

    // ----- background work -----

    /// Take in the jobs that are done; true when one was (redraw).
    pub fn poll_jobs(&mut self) -> bool {
        let mut changed = false;
        if self
            .jobs
            .index
            .as_ref()
            .is_some_and(JoinHandle::is_finished)
        {
            self.ensure_index();
            changed = true;
        }
        if self
            .jobs
            .facts
            .as_ref()
            .is_some_and(JoinHandle::is_finished)
        {
            self.ensure_facts();
            changed = true;
        }
        changed
    }

    pub fn jobs_pending(&self) -> bool {
        self.jobs.index.is_some() || self.jobs.facts.is_some()
    }

    /// Wait for every job, at most until `deadline`.
    pub fn wait_jobs(&mut self, deadline: Option<Instant>) {
        while self.jobs_pending() {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return;
            }
            if !self.poll_jobs() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }

    fn ensure_index(&mut self) {
        ready_index(&mut self.index, &mut self.jobs, &self.handbook);
    }

    fn ensure_facts(&mut self) {
        if let Some(job) = self.jobs.facts.take() {
            let facts = job.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            self.take_facts(facts);
        }
    }

    fn take_facts(&mut self, facts: Facts) {
        self.diagnostics = facts.diagnostics;
        self.counts = facts.counts;
        self.people = Some(facts.people);
        self.card_counts = facts.card_counts;
        self.title_width = facts.title_width;
    }

    // ----- what the screen shows -----

    pub fn total(&self) -> usize {
        self.all.len()
    }

    pub fn current(&self) -> Option<CardId> {
        self.visible.get(self.selected).copied()
    }

    /// The document the title bar is about: the selected card's, or the first.
    pub fn document(&self) -> Option<&Document> {
        match self.current() {
            Some(id) => self.handbook.document_of(id),
            None => self.handbook.documents.first(),
        }
    }

    /// The text of the query now filtering the list (the last one that
    /// parsed), empty when none does.
    pub fn applied(&self) -> &str {
        self.query.as_ref().map_or("", Query::source)
    }

    pub fn filtered(&self) -> bool {
        self.query.is_some() || self.person.is_some()
    }

    pub fn person_name(&self) -> Option<&str> {
        let people = self.people.as_ref()?;
        Some(people.get(self.person?)?.name.as_str())
    }

    pub fn selected_person(&self) -> Option<&Person> {
        self.people.as_ref()?.get(self.people_selected)
    }

    /// How many findings have `severity` (counted once, when they arrive).
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.counts.0,
            Severity::Warning => self.counts.1,
        }
    }

    pub fn regions(&self) -> Regions {
        layout::regions(self, Rect::new(0, 0, self.width, self.height))
    }

    // ----- the one place state changes -----

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
                layout::Ingress::refresh(self);
                self.ensure_visible();
                self.clamp_scrolls();
                return;
            }
            _ => {}
        }
        if !matches!(
            action,
            Action::Click(..) | Action::WheelDown(..) | Action::WheelUp(..)
        ) {
            self.message = None;
        }
        if self.help {
            self.update_help(action);
        } else if self.editing {
            self.update_input(action);
        } else {
            match action {
                Action::Help => {
                    self.help = true;
                    self.help_scroll = 0;
                }
                Action::Search => {
                    self.view = View::Cards;
                    self.focus = Focus::List;
                    self.editing = true;
                    self.input = self.applied().to_owned();
                    self.query_error = None;
                }
                Action::People => {
                    if self.view == View::People {
                        self.view = View::Cards;
                    } else {
                        self.show_people();
                    }
                    self.focus = Focus::List;
                }
                Action::Diagnostics => {
                    self.ensure_facts();
                    self.view = if self.view == View::Diagnostics {
                        View::Cards
                    } else {
                        View::Diagnostics
                    };
                    self.focus = Focus::List;
                }
                Action::Ingress => {
                    let shown = layout::ingress_shown(self);
                    self.ingress = Some(!shown);
                    self.ensure_visible();
                }
                Action::Flow => {
                    if self.view == View::Flow {
                        self.view = View::Cards;
                    } else {
                        self.open_flow();
                    }
                }
                Action::Edit => self.edit(),
                Action::Reload => self.reload(),
                _ => match self.view {
                    View::Cards => self.update_cards(action),
                    View::People => self.update_people(action),
                    View::Diagnostics => self.update_diagnostics(action),
                    View::Flow => self.update_flow(action),
                },
            }
        }
        self.clamp_scrolls();
    }

    fn update_help(&mut self, action: Action) {
        let page = self.height.saturating_sub(4) as usize;
        match action {
            Action::Back | Action::Help => self.help = false,
            Action::Down => self.help_scroll += 1,
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Top => self.help_scroll = 0,
            Action::Bottom => self.help_scroll = usize::MAX,
            Action::PageDown | Action::HalfPageDown => self.help_scroll += page,
            Action::WheelDown(..) => self.help_scroll += WHEEL,
            Action::PageUp | Action::HalfPageUp => {
                self.help_scroll = self.help_scroll.saturating_sub(page)
            }
            Action::WheelUp(..) => self.help_scroll = self.help_scroll.saturating_sub(WHEEL),
            _ => {}
        }
    }

    fn update_input(&mut self, action: Action) {
        match action {
            Action::Insert(c) => {
                self.input.push(c);
                self.apply_input();
            }
            Action::DeleteChar => {
                self.input.pop();
                self.apply_input();
            }
            Action::DeleteWord => {
                let kept = self.input.trim_end().len();
                let cut = self.input[..kept]
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + 1);
                self.input.truncate(cut);
                self.apply_input();
            }
            Action::ClearLine => {
                self.input.clear();
                self.apply_input();
            }
            Action::Accept => {
                self.editing = false;
                self.query_error = None;
                self.input = self.applied().to_owned();
            }
            Action::Back => {
                self.editing = false;
                self.input.clear();
                self.query_error = None;
                self.set_query(None, false);
            }
            Action::Down => self.select(self.selected.saturating_add(1)),
            Action::Up => self.select(self.selected.saturating_sub(1)),
            Action::PageDown => self.select(self.selected.saturating_add(self.list_page())),
            Action::PageUp => self.select(self.selected.saturating_sub(self.list_page())),
            Action::Click(..) | Action::WheelDown(..) | Action::WheelUp(..) => {
                self.update_cards(action)
            }
            _ => {}
        }
    }

    /// Filter by the search line as it stands; a query that does not parse
    /// leaves the last good filter in place and says why.
    fn apply_input(&mut self) {
        self.ensure_index();
        match Query::parse(&self.input) {
            Ok(query) => {
                self.query_error = None;
                let query = (!query.is_empty()).then_some(query);
                // Typing more of a word or another term only narrows the
                // list: test only the cards shown now.
                let narrow = match (&query, &self.query) {
                    (Some(new), Some(old)) => new.refines(old),
                    _ => false,
                };
                self.set_query(query, narrow);
            }
            Err(error) => self.query_error = Some(error),
        }
    }

    fn set_query(&mut self, query: Option<Query>, narrow: bool) {
        self.query = query;
        self.refilter(narrow);
    }

    fn update_cards(&mut self, action: Action) {
        let regions = self.regions();
        match action {
            _ if action.is_movement() => {
                if self.focus == Focus::Detail {
                    let page = regions.detail_inner().height as usize;
                    self.detail_scroll = scrolled(self.detail_scroll, action, page);
                } else {
                    let page = self.list_page();
                    self.select(scrolled(self.selected, action, page));
                }
            }
            Action::FocusNext | Action::FocusPrev => self.toggle_focus(),
            Action::Open if self.current().is_some() => self.focus = Focus::Detail,
            Action::Follow(n) => self.follow(n),
            Action::JumpBack => self.jump_back(),
            Action::NextMatch | Action::PrevMatch => self.next_match(action == Action::NextMatch),
            Action::Back => {
                if self.focus == Focus::Detail {
                    self.focus = Focus::List;
                } else if self.filtered() {
                    self.clear_filters();
                }
            }
            Action::Click(x, y) => {
                if let Some(row) = row_at(regions.list_inner(), self.list_offset, x, y) {
                    self.focus = Focus::List;
                    if let Some(Row::Card(i)) = self.rows.get(row) {
                        self.select(*i);
                    }
                } else if regions.detail.contains(Position::new(x, y)) && self.current().is_some() {
                    self.focus = Focus::Detail;
                }
            }
            Action::WheelDown(x, y) | Action::WheelUp(x, y) => {
                let down = matches!(action, Action::WheelDown(..));
                let at = Position::new(x, y);
                if regions.detail.contains(at) {
                    self.detail_scroll = if down {
                        self.detail_scroll + WHEEL
                    } else {
                        self.detail_scroll.saturating_sub(WHEEL)
                    };
                } else if regions.list.contains(at) {
                    let to = if down {
                        self.selected + 1
                    } else {
                        self.selected.saturating_sub(1)
                    };
                    self.select(to);
                }
            }
            _ => {}
        }
    }

    fn update_people(&mut self, action: Action) {
        let regions = self.regions();
        let count = self.people.as_ref().map_or(0, Vec::len);
        match action {
            _ if action.is_movement() => {
                if self.focus == Focus::Detail {
                    let page = regions.detail_inner().height as usize;
                    self.people_scroll = scrolled(self.people_scroll, action, page);
                } else {
                    let page = regions.list_inner().height.max(1) as usize;
                    let to = scrolled(self.people_selected, action, page);
                    self.select_person(to.min(count.saturating_sub(1)));
                }
            }
            Action::FocusNext | Action::FocusPrev => self.toggle_focus(),
            Action::Open => self.pick_person(),
            Action::Back => {
                if self.focus == Focus::Detail {
                    self.focus = Focus::List;
                } else {
                    self.view = View::Cards;
                }
            }
            Action::Click(x, y) => {
                if let Some(i) = row_at(regions.list_inner(), self.people_offset, x, y) {
                    self.focus = Focus::List;
                    if i < count {
                        self.select_person(i);
                    }
                } else if regions.detail.contains(Position::new(x, y)) {
                    self.focus = Focus::Detail;
                }
            }
            Action::WheelDown(..) => {
                self.select_person((self.people_selected + 1).min(count.saturating_sub(1)))
            }
            Action::WheelUp(..) => self.select_person(self.people_selected.saturating_sub(1)),
            _ => {}
        }
    }

    fn update_diagnostics(&mut self, action: Action) {
        let regions = self.regions();
        let count = self.diagnostics.len();
        let page = super::diagnostics::list_height(regions.body_inner()).max(1);
        match action {
            _ if action.is_movement() => {
                self.diag_selected =
                    scrolled(self.diag_selected, action, page).min(count.saturating_sub(1));
            }
            Action::WheelDown(..) => {
                self.diag_selected = (self.diag_selected + 1).min(count.saturating_sub(1))
            }
            Action::WheelUp(..) => self.diag_selected = self.diag_selected.saturating_sub(1),
            Action::Click(x, y) => {
                if let Some(i) = row_at(regions.body_inner(), self.diag_offset, x, y)
                    && i < count
                {
                    self.diag_selected = i;
                }
            }
            Action::Open => self.open_diagnostic(),
            Action::Back => self.view = View::Cards,
            _ => {}
        }
    }

    // ----- the flow -----

    /// A document's flow, worked out the first time it is asked for.
    pub fn flow_of(&self, document: u32) -> &Flow {
        static NONE: Flow = Flow { links: Vec::new() };
        match self.flows.get(document as usize) {
            Some(cell) => cell.get_or_init(|| Flow::for_document(&self.handbook, document)),
            None => &NONE,
        }
    }

    /// A card's links: where its work comes from, then where it goes; the
    /// links to cards numbered 1–9 for their digit keys.
    pub fn links(&self, id: CardId) -> Vec<LinkRow<'_>> {
        let flow = self.flow_of(id.document);
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
        let t = crate::words::words(self.lang);
        match endpoint {
            Endpoint::Card(id) => self.card_title(*id),
            Endpoint::External(name) => format!("{} {}", super::wrap::clean_line(name), t.external),
        }
    }

    pub fn card_title(&self, id: CardId) -> String {
        let t = crate::words::words(self.lang);
        match self.handbook.card(id).map(|c| c.title()) {
            Some(title) if !title.trim().is_empty() => super::wrap::clean_line(&title),
            _ => t.untitled.to_owned(),
        }
    }

    fn follow(&mut self, n: u8) {
        let Some(id) = self.current() else {
            return;
        };
        let target = self
            .links(id)
            .iter()
            .find(|l| l.number == Some(n))
            .and_then(|l| match l.other {
                Endpoint::Card(to) => Some(*to),
                Endpoint::External(_) => None,
            });
        match target {
            Some(to) => {
                self.history.push(id);
                self.go_to(to);
            }
            None => {
                let t = crate::words::words(self.lang);
                self.tell(format!("{} {n}.", t.no_link), false);
            }
        }
    }

    fn jump_back(&mut self) {
        match self.history.pop() {
            Some(id) => self.go_to(id),
            None => {
                let t = crate::words::words(self.lang);
                self.tell(t.no_history.to_owned(), false);
            }
        }
    }

    /// Show card `id` in the list, dropping the filters if they hide it.
    fn go_to(&mut self, id: CardId) {
        if self.visible.binary_search(&id).is_err() {
            self.clear_filters();
        }
        if let Ok(i) = self.visible.binary_search(&id) {
            self.select(i);
        }
        self.view = View::Cards;
    }

    fn open_flow(&mut self) {
        let Some(document) = self
            .current()
            .map(|id| id.document)
            .or_else(|| self.all.first().map(|id| id.document))
        else {
            return;
        };
        let layout = flow::layout(self.flow_of(document), &self.handbook, document);
        let mut items: Vec<CardId> = Vec::new();
        let mut add = |e: &Endpoint| {
            if let Endpoint::Card(id) = e
                && !items.contains(id)
            {
                items.push(*id);
            }
        };
        for chain in &layout.chains {
            chain.iter().for_each(&mut add);
        }
        for (target, sources) in &layout.feeds {
            add(target);
            sources.iter().for_each(&mut add);
        }
        for id in &layout.unlinked {
            add(&Endpoint::Card(*id));
        }
        let cursor = self
            .current()
            .and_then(|id| items.iter().position(|i| *i == id))
            .unwrap_or(0);
        self.flow_view = Some(FlowView {
            document,
            layout,
            items,
            cursor,
            offset: 0,
        });
        self.view = View::Flow;
        self.update_flow_offset();
    }

    fn update_flow(&mut self, action: Action) {
        let Some(view) = self.flow_view.as_mut() else {
            self.view = View::Cards;
            return;
        };
        let last = view.items.len().saturating_sub(1);
        match action {
            _ if action.is_movement() => {
                view.cursor = scrolled(view.cursor, action, 5).min(last);
            }
            Action::WheelDown(..) => view.cursor = (view.cursor + 1).min(last),
            Action::WheelUp(..) => view.cursor = view.cursor.saturating_sub(1),
            Action::Open => {
                if let Some(&id) = view.items.get(view.cursor) {
                    if let Some(from) = self.current().filter(|c| *c != id) {
                        self.history.push(from);
                    }
                    self.go_to(id);
                    self.focus = Focus::List;
                }
            }
            Action::Back => self.view = View::Cards,
            _ => {}
        }
        self.update_flow_offset();
    }

    fn update_flow_offset(&mut self) {
        let inner = self.regions().body_inner();
        let (line, height) = super::flow::cursor_line(self, inner);
        if let Some(view) = self.flow_view.as_mut() {
            view.offset = follow(view.offset, line, height);
        }
    }

    /// The card the flow view's cursor is on.
    pub fn flow_card(&self) -> Option<CardId> {
        let view = self.flow_view.as_ref()?;
        view.items.get(view.cursor).copied()
    }

    // ----- the editor and reading again -----

    pub fn tell(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    fn edit(&mut self) {
        let t = crate::words::words(self.lang);
        let target: Result<(&Document, u32), &str> = match self.view {
            View::Cards | View::People => self
                .current()
                .filter(|_| self.view == View::Cards)
                .and_then(|id| Some((self.handbook.document_of(id)?, self.handbook.card(id)?.line)))
                .ok_or(t.no_selection),
            View::Flow => self
                .flow_card()
                .and_then(|id| Some((self.handbook.document_of(id)?, self.handbook.card(id)?.line)))
                .ok_or(t.no_selection),
            View::Diagnostics => self
                .diagnostics
                .get(self.diag_selected)
                .and_then(|d| {
                    let doc = self
                        .handbook
                        .documents
                        .iter()
                        .find(|doc| doc.path == d.path)?;
                    Some((doc, d.line))
                })
                .ok_or(t.no_file),
        };
        let command = target.and_then(|(doc, line)| {
            let file = doc.file.as_deref().ok_or(t.compiled_in)?;
            let editor = self.editor.as_ref().ok_or(t.no_editor)?;
            Ok(editor.command(file, line))
        });
        match command {
            Ok(command) => self.request = Some(Request::Edit(command)),
            Err(why) => self.tell(why.to_owned(), true),
        }
    }

    fn reload(&mut self) {
        let t = crate::words::words(self.lang);
        if self.can_reload {
            self.request = Some(Request::Reload);
            self.tell(t.reloading.to_owned(), false);
        } else {
            self.tell(t.nothing_to_reload.to_owned(), false);
        }
    }

    fn card_key(&self, id: CardId) -> Option<CardKey> {
        Some(CardKey {
            path: self.handbook.document_of(id)?.path.clone(),
            title: self.handbook.card(id)?.title().into_owned(),
            index: id.card,
        })
    }

    /// The card a key names now: same document and title (the nearest of
    /// several), else the same place in the same document.
    fn find_key(&self, key: &CardKey) -> Option<CardId> {
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

    /// Swap in a handbook read again, keeping the selection, the filters, the
    /// jump history and the view on the same cards where they still exist.
    pub fn reloaded(&mut self, result: Result<Loaded, String>) {
        let t = crate::words::words(self.lang);
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(why) => {
                self.tell(format!("{}: {why}", t.reload_failed), true);
                return;
            }
        };
        let selected = self.current().and_then(|id| self.card_key(id));
        let history: Vec<CardKey> = self
            .history
            .iter()
            .filter_map(|id| self.card_key(*id))
            .collect();
        let flow_card = self.flow_card().and_then(|id| self.card_key(id));
        let person = self.person_name().map(str::to_owned);
        let position = self.selected;
        let list_offset = self.list_offset;

        let Loaded {
            handbook,
            index,
            facts,
        } = loaded;
        self.handbook = Arc::new(handbook);
        self.generation += 1;
        self.index = Some(index);
        // Jobs still running for the old handbook are not needed any more.
        self.jobs = Jobs::default();
        self.flows = (0..self.handbook.documents.len())
            .map(|_| OnceLock::new())
            .collect();
        self.all = self.handbook.cards().map(|(id, _)| id).collect();
        self.grouped = self
            .handbook
            .documents
            .iter()
            .filter(|d| !d.cards.is_empty())
            .count()
            > 1;
        self.person = person.and_then(|name| facts.people.iter().position(|p| p.name == name));
        self.person_cards = self
            .person
            .map(|i| facts.people[i].cards())
            .unwrap_or_default();
        self.people_selected = self
            .people_selected
            .min(facts.people.len().saturating_sub(1));
        self.take_facts(facts);
        self.diag_selected = self
            .diag_selected
            .min(self.diagnostics.len().saturating_sub(1));

        self.visible = self.filtered_cards(false);
        self.rebuild_rows();
        let found = selected
            .as_ref()
            .and_then(|k| self.find_key(k))
            .and_then(|id| self.visible.binary_search(&id).ok());
        if found.is_none() {
            self.detail_scroll = 0;
        }
        self.selected = found
            .unwrap_or(position)
            .min(self.visible.len().saturating_sub(1));
        self.list_offset = list_offset;
        self.ensure_visible();
        self.history = history.iter().filter_map(|k| self.find_key(k)).collect();
        if self.view == View::Flow {
            let cursor = flow_card.and_then(|k| self.find_key(&k));
            self.open_flow();
            if let (Some(view), Some(id)) = (self.flow_view.as_mut(), cursor)
                && let Some(i) = view.items.iter().position(|c| *c == id)
            {
                view.cursor = i;
            }
            self.update_flow_offset();
        }
        // An error just reported (the editor's exit status) outranks this news.
        if !self.message.as_ref().is_some_and(|m| m.error) {
            self.tell(t.reloaded.to_owned(), false);
        }
        self.clamp_scrolls();
    }

    // ----- helpers -----

    fn list_page(&self) -> usize {
        (self.regions().list_inner().height as usize).max(1)
    }

    fn toggle_focus(&mut self) {
        self.focus = match self.focus {
            Focus::List => Focus::Detail,
            Focus::Detail => Focus::List,
        }
    }

    /// Drop the person and the query that limit the list.
    fn clear_filters(&mut self) {
        self.person = None;
        self.person_cards.clear();
        self.input.clear();
        self.set_query(None, false);
    }

    /// Select visible card `i` (clamped), keeping it on screen.
    pub fn select(&mut self, i: usize) {
        let i = i.min(self.visible.len().saturating_sub(1));
        if i != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = i;
        self.ensure_visible();
    }

    fn select_person(&mut self, i: usize) {
        if i != self.people_selected {
            self.people_scroll = 0;
        }
        self.people_selected = i;
    }

    /// Scroll the list so the selected card (and its group heading, when it
    /// is the first of its group) is on screen.
    pub fn ensure_visible(&mut self) {
        let height = self.regions().list_inner().height as usize;
        let Some(&row) = self.row_of.get(self.selected) else {
            self.list_offset = 0;
            return;
        };
        let top = if row > 0 && matches!(self.rows[row - 1], Row::Group(_)) {
            row - 1
        } else {
            row
        };
        self.list_offset = list_offset(self.list_offset, top, row, height, self.rows.len());
    }

    /// Every list's first row, so that its selection is on screen: the one
    /// place offsets are worked out (drawing and mouse hits read them).
    fn keep_in_view(&mut self) {
        self.ensure_visible();
        let regions = self.regions();
        let people = regions.list_inner().height as usize;
        self.people_offset = follow(self.people_offset, self.people_selected, people);
        let diagnostics = super::diagnostics::list_height(regions.body_inner());
        self.diag_offset = follow(self.diag_offset, self.diag_selected, diagnostics);
    }

    /// Lay the detail out again when what it shows has changed.
    fn layout_detail(&mut self) {
        let width = self.regions().detail_inner().width as usize;
        if !self.detail.is_for(&DetailKey::of(self, width)) {
            self.detail = DetailModel::build(self, width);
        }
    }

    /// After any change: the detail laid out for what is selected now, and
    /// every scroll within what there is to scroll.
    fn clamp_scrolls(&mut self) {
        layout::Ingress::refresh(self);
        self.layout_detail();
        self.keep_in_view();
        let regions = self.regions();
        match self.view {
            View::Cards => {
                let height = regions.detail_inner().height as usize;
                self.detail_scroll = self
                    .detail_scroll
                    .min(self.detail.lines.len().saturating_sub(height));
            }
            View::People => {
                let inner = regions.detail_inner();
                let lines = super::people::person_lines(self, inner.width as usize).len();
                self.people_scroll = self
                    .people_scroll
                    .min(lines.saturating_sub(inner.height as usize));
            }
            View::Diagnostics | View::Flow => {}
        }
        if self.help {
            let max = help::max_scroll(self, Rect::new(0, 0, self.width, self.height));
            self.help_scroll = self.help_scroll.min(max);
        }
    }

    fn next_match(&mut self, forward: bool) {
        let n = self.visible.len();
        if n == 0 {
            return;
        }
        let to = if forward {
            (self.selected + 1) % n
        } else {
            (self.selected + n - 1) % n
        };
        self.select(to);
        // Show the first matched line of the card, with one line above it.
        self.layout_detail();
        self.detail_scroll = self.detail.first_match.unwrap_or(0).saturating_sub(1);
    }

    fn show_people(&mut self) {
        self.ensure_facts();
        self.view = View::People;
        let i = self.people_selected;
        self.select_person(i);
    }

    fn pick_person(&mut self) {
        let Some(person) = self.selected_person() else {
            return;
        };
        let cards = person.cards();
        self.person = Some(self.people_selected);
        self.person_cards = cards;
        self.view = View::Cards;
        self.focus = Focus::List;
        self.input.clear();
        self.set_query(None, false);
    }

    fn open_diagnostic(&mut self) {
        let Some(d) = self.diagnostics.get(self.diag_selected) else {
            return;
        };
        // A card is where its call starts: two cards can share a line, and a
        // finding in the front matter has no card at all.
        let found = self.handbook.cards().find(|(id, card)| {
            (card.line, card.column) == (d.line, d.column)
                && self
                    .handbook
                    .document_of(*id)
                    .is_some_and(|doc| doc.path == d.path)
        });
        let Some((id, _)) = found else {
            let t = crate::words::words(self.lang);
            self.tell(t.finding_without_card.to_owned(), false);
            return;
        };
        self.go_to(id);
        self.focus = Focus::Detail;
    }

    /// Recompute the visible cards from the filters, keeping the selection on
    /// the same card when it still passes. `narrow`: the query only grew, so
    /// only the cards visible now need testing.
    fn refilter(&mut self, narrow: bool) {
        let keep = self.current();
        self.visible = self.filtered_cards(narrow);
        self.rebuild_rows();
        let (selected, same) = match keep.map(|id| self.visible.binary_search(&id)) {
            Some(Ok(i)) => (i, true),
            _ => (0, false),
        };
        self.selected = selected;
        if !same {
            self.detail_scroll = 0;
        }
        self.list_offset = 0;
        self.ensure_visible();
    }

    /// The cards the filters let through; `narrow`: test only the visible ones.
    fn filtered_cards(&mut self, narrow: bool) -> Vec<CardId> {
        let base: Option<&[CardId]> = if narrow {
            Some(&self.visible)
        } else if self.person.is_some() {
            Some(&self.person_cards)
        } else {
            None
        };
        let Some(query) = &self.query else {
            return base.map_or_else(|| self.all.clone(), <[CardId]>::to_vec);
        };
        let index = ready_index(&mut self.index, &mut self.jobs, &self.handbook);
        let hits = match base {
            None => index.search(query),
            Some(base) => index.search_within(query, base),
        };
        in_document_order(hits.iter().map(|h| h.card))
    }

    fn rebuild_rows(&mut self) {
        self.rows.clear();
        self.row_of.clear();
        self.rows.reserve(self.visible.len());
        self.row_of.reserve(self.visible.len());
        let mut last_doc = None;
        for (i, id) in self.visible.iter().enumerate() {
            if self.grouped && last_doc != Some(id.document) {
                self.rows.push(Row::Group(id.document));
                last_doc = Some(id.document);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Card(i));
        }
    }
}

/// The search index: taken from its job (waiting for it) when it is not in
/// yet, or built here if the job is gone. Never missing, so a query can
/// always be answered.
fn ready_index<'a>(
    index: &'a mut Option<SearchIndex>,
    jobs: &mut Jobs,
    handbook: &Handbook,
) -> &'a SearchIndex {
    if index.is_none()
        && let Some(job) = jobs.index.take()
    {
        *index = Some(job.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
    }
    index.get_or_insert_with(|| SearchIndex::new(handbook))
}

/// Hits come best first; the list shows them in document order.
fn in_document_order(hits: impl Iterator<Item = CardId>) -> Vec<CardId> {
    let mut cards: Vec<CardId> = hits.collect();
    cards.sort_unstable();
    cards.dedup();
    cards
}

/// A position moved by a movement action over a page of `page` lines.
fn scrolled(at: usize, action: Action, page: usize) -> usize {
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
fn row_at(area: Rect, offset: usize, x: u16, y: u16) -> Option<usize> {
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
