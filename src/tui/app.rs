//! The browser's state: the views, which one is on screen, and the one
//! place actions reach them, [`App::update`]. The app routes an action to
//! the view (or the pane) it is for and carries out what the view asks in
//! return ([`Effect`]); after every action each view lays out the model it
//! draws ([`App::sync`]), so drawing is a pure function of those models.

use ratatui::layout::{Position, Rect};
use std::time::Instant;

use crate::i18n::Lang;
use crate::{CardId, Handbook};
use std::path::Path;

use super::background::Loaded;
use super::context::Context;
use super::editor::{Editor, EditorCommand, Unsplittable};
use super::former::Former;
use super::keymap::Action;
use super::layout::{Regions, Screen};
use super::status::{self, Message, Status, StatusModel};
use super::theme::Theme;
use super::title::TitleBar;
use super::views::cards::CardsView;
use super::views::detail::DetailView;
use super::views::diagnostics::DiagnosticsView;
use super::views::flow::FlowView;
use super::views::help::HelpView;
use super::views::history::{self as history_view, Entries, HistoryView, Job};
use super::views::people::PeopleView;
use super::views::search::SearchLine;
use super::views::{Effect, Focus};

/// The view on screen (the help is an overlay over any of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The card list beside the selected card's detail.
    Cards,
    People,
    Diagnostics,
    /// The whole flow of one document.
    Flow,
    /// One card's changes from git.
    History,
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

pub struct App {
    /// The handbook and what is derived from it.
    pub ctx: Context,
    pub theme: Theme,
    pub mouse: bool,
    /// The terminal's size, as last reported.
    pub width: u16,
    pub height: u16,
    pub view: View,
    /// The pane with the keys, in the views of a list beside its detail.
    pub focus: Focus,

    pub cards: CardsView,
    pub detail: DetailView,
    pub people: PeopleView,
    pub diagnostics: DiagnosticsView,
    /// The flow of the document it was opened on.
    pub flow: Option<FlowView>,
    /// The history of the card it was opened on, and the view Esc goes back to.
    pub history: Option<HistoryView>,
    pub history_from: View,
    pub help: HelpView,
    pub title: TitleBar,
    pub status: StatusModel,

    /// What just happened, until the next key.
    pub message: Option<Message>,
    /// For the loop around `update` to carry out.
    pub request: Option<Request>,
    /// `$VISUAL`/`$EDITOR`, read once at start (`None`: neither is set).
    pub editor: Result<Option<Editor>, Unsplittable>,
    /// The handbook came from paths that can be read again.
    pub can_reload: bool,
    /// Keys for a view whose list is still being worked out (the warnings
    /// and the people, before the checks are done), kept to be applied
    /// when it arrives: `w j j Enter` typed ahead does what it says.
    held: Vec<(View, Action)>,
    /// Those paths (empty for the compiled-in handbook): their git history
    /// says who used to own and lead what.
    pub paths: Vec<std::path::PathBuf>,
    pub quit: bool,
}

impl App {
    /// Everything the first frame needs; the rest starts on other threads.
    pub fn new(handbook: Handbook, lang: Lang, theme: Theme, mouse: bool) -> App {
        let ctx = Context::new(handbook, lang);
        let mut app = App {
            cards: CardsView::new(&ctx),
            ctx,
            theme,
            mouse,
            width: 80,
            height: 24,
            view: View::Cards,
            focus: Focus::List,
            detail: DetailView::default(),
            people: PeopleView::default(),
            diagnostics: DiagnosticsView::default(),
            flow: None,
            history: None,
            history_from: View::Cards,
            help: HelpView::default(),
            title: TitleBar::default(),
            status: StatusModel::default(),
            message: None,
            request: None,
            editor: Ok(None),
            can_reload: false,
            held: Vec::new(),
            paths: Vec::new(),
            quit: false,
        };
        app.sync();
        app
    }

    /// The card list and its detail, with nothing over them: where `q` quits.
    pub fn main_view(&self) -> bool {
        self.view == View::Cards && !self.help.open
    }

    /// The search line is open (keys type into it).
    pub fn editing(&self) -> bool {
        self.search_line().editing
    }

    /// The search line `/` opens over the view on screen: the people's and
    /// the findings' own filters, else the card list's query.
    fn search_line(&self) -> &SearchLine {
        match self.view {
            View::People => &self.people.list.line,
            View::Diagnostics => &self.diagnostics.list.line,
            _ => &self.cards.search,
        }
    }

    fn search_line_mut(&mut self) -> &mut SearchLine {
        match self.view {
            View::People => &mut self.people.list.line,
            View::Diagnostics => &mut self.diagnostics.list.line,
            _ => &mut self.cards.search,
        }
    }

    // ----- background work -----

    /// Take in the jobs that are done; true when one was (redraw).
    pub fn poll_jobs(&mut self) -> bool {
        let mut changed = self.ctx.poll();
        changed |= self.history.as_mut().is_some_and(HistoryView::poll);
        changed |= self.people.former.poll();
        if changed {
            // A big page's flow has come in: draw it where it was asked for.
            if self.view == View::Flow && self.flow.as_ref().is_some_and(|f| f.pending) {
                let cursor = self.flow.as_ref().and_then(FlowView::card);
                self.open_flow();
                if let (Some(flow), Some(id)) = (self.flow.as_mut(), cursor) {
                    flow.point_at(id);
                }
            }
            self.sync();
            self.replay_held();
        }
        changed
    }

    /// Whether a query is still being answered by reading the cards (the
    /// index is not in yet): the loop gives [`Self::work`] its turns.
    pub fn working(&self) -> bool {
        self.cards.scanning()
    }

    /// A slice of the work keys left (a few milliseconds); true when the
    /// screen changed.
    pub fn work(&mut self) -> bool {
        let screen = self.screen();
        let changed = self.cards.work(&mut self.ctx, screen);
        if changed {
            self.sync();
        }
        changed
    }

    /// The keys held for a view whose list has now arrived, applied in
    /// order (those for a view left since are dropped).
    fn replay_held(&mut self) {
        if !self.ctx.facts_ready() {
            return;
        }
        for (view, action) in std::mem::take(&mut self.held) {
            if view == self.view {
                self.update(action);
            }
        }
    }

    pub fn jobs_pending(&self) -> bool {
        self.ctx.pending()
            || self.history.as_ref().is_some_and(HistoryView::pending)
            || self.people.former.pending()
    }

    /// Wait for every job of the handbook, at most until `deadline`. (Git's
    /// answer for a history is not waited for: it comes when it comes.)
    pub fn wait_jobs(&mut self, deadline: Option<Instant>) {
        if self.ctx.wait(deadline) {
            self.sync();
            self.replay_held();
        }
    }

    /// When the app has something to show without a key: a query's error
    /// after a pause in typing.
    pub fn wake_at(&self) -> Option<Instant> {
        self.search_line().due()
    }

    /// Time passes; true when something changed (redraw).
    pub fn tick(&mut self, now: Instant) -> bool {
        let changed = self.search_line_mut().tick(now);
        if changed {
            self.layout_status();
        }
        changed
    }

    // ----- where things are -----

    /// The screen as the card list sees it.
    fn screen(&self) -> Screen {
        Screen {
            area: Rect::new(0, 0, self.width, self.height),
            ingress: self.title.ingress_lines(self.height),
            rows: (self.view == View::People).then(|| self.people.shown_count()),
            ingress_most: self.title.ingress_most(self.height),
        }
    }

    pub fn regions(&self) -> Regions {
        self.screen().regions(self.cards.rows())
    }

    /// The regions of a frame of `area` (the terminal's size, unless a
    /// resize is on its way).
    pub fn regions_in(&self, area: Rect) -> Regions {
        Screen {
            area,
            ..self.screen()
        }
        .regions(self.cards.rows())
    }

    // ----- the one place state changes -----

    pub fn update(&mut self, action: Action) {
        match action {
            Action::QuitNow => {
                self.quit = true;
                return;
            }
            // q closes what is over the main view, as Esc does; only the
            // main view quits with it.
            Action::Quit if self.main_view() => {
                self.quit = true;
                return;
            }
            Action::Quit if !self.editing() => {
                self.message = None;
                if self.help.open {
                    self.help.open = false;
                } else {
                    self.view = View::Cards;
                    self.focus = Focus::List;
                }
                self.sync();
                return;
            }
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
                self.sync();
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
        if self.help.open {
            self.help.update(action, self.height);
        } else if self.editing() {
            self.update_search(action);
        } else {
            match action {
                Action::Help => self.help.open(),
                // The people and the findings filter their own lists; from
                // any other view `/` searches the cards.
                Action::Search => {
                    if !matches!(self.view, View::People | View::Diagnostics) {
                        self.view = View::Cards;
                    }
                    self.focus = Focus::List;
                    self.search_line_mut().open();
                }
                // Either view opens at once: until the checks are done it says
                // it is working, and the keys after it are taken as they come
                // (waiting here would hold them all back).
                Action::People => {
                    if self.view == View::People {
                        self.view = View::Cards;
                    } else {
                        self.ctx.poll();
                        self.view = View::People;
                        // Git is asked again each time: a commit may have come since.
                        if !self.people.former.pending() {
                            self.people.former = Former::start(&self.paths);
                        }
                    }
                    self.focus = Focus::List;
                }
                Action::Diagnostics => {
                    self.ctx.poll();
                    self.view = if self.view == View::Diagnostics {
                        View::Cards
                    } else {
                        View::Diagnostics
                    };
                    self.focus = Focus::List;
                }
                Action::Ingress => {
                    let shown = self.title.ingress_shown(self.height);
                    self.title.ingress = Some(!shown);
                }
                Action::Flow => {
                    if self.view == View::Flow {
                        self.view = View::Cards;
                    } else {
                        self.open_flow();
                    }
                }
                // In the flow: the flow of the next (or previous) document.
                Action::NextDocument | Action::PrevDocument if self.view == View::Flow => {
                    let forward = action == Action::NextDocument;
                    let screen = self.screen();
                    if self.cards.step_document(forward, screen) {
                        self.open_flow();
                    } else {
                        let t = self.ctx.words();
                        self.tell(t.no_more_documents(forward).to_owned(), false);
                    }
                }
                Action::History => self.open_history(),
                Action::Edit => self.edit(),
                Action::Reload => self.reload(),
                _ => self.update_view(action),
            }
        }
        self.sync();
    }

    /// An action for the view on screen.
    fn update_view(&mut self, action: Action) {
        let waiting =
            matches!(self.view, View::People | View::Diagnostics) && !self.ctx.facts_ready();
        if waiting && !matches!(action, Action::Back | Action::Resize(..)) {
            self.held.push((self.view, action));
            return;
        }
        let regions = self.regions();
        let effect = match self.view {
            View::Cards => {
                self.update_cards(action, &regions);
                Effect::None
            }
            View::People => self
                .people
                .update(action, &self.ctx, &regions, &mut self.focus),
            View::Diagnostics => self.diagnostics.update(action, &self.ctx, regions.body),
            View::Flow => match self.flow.as_mut() {
                Some(flow) => flow.update(action, &self.ctx, regions.body),
                None => Effect::Close,
            },
            View::History => match self
                .history
                .as_mut()
                .map(|h| h.update(action, regions.body))
            {
                // Back to where `H` was pressed.
                Some(Effect::Close) | None => {
                    self.view = self.history_from;
                    Effect::None
                }
                Some(effect) => effect,
            },
        };
        self.carry_out(effect);
    }

    /// The card list and its detail: the focus says which pane a movement
    /// is for, where the mouse is says which pane it is over.
    fn update_cards(&mut self, action: Action, regions: &Regions) {
        let screen = self.screen();
        match action {
            _ if action.is_movement() => match self.focus {
                Focus::Detail => self.detail.update(action, regions.detail),
                Focus::List => self.cards.update(action, screen),
            },
            Action::FocusNext | Action::FocusPrev => self.focus = self.focus.other(),
            Action::Open if self.cards.current().is_some() => self.focus = Focus::Detail,
            Action::Follow(n) => self.follow_link(n),
            Action::JumpBack => self.jump_back(),
            Action::NextMatch | Action::PrevMatch => self.next_match(action == Action::NextMatch),
            Action::NextDocument | Action::PrevDocument => {
                let forward = action == Action::NextDocument;
                if !self.cards.step_document(forward, screen) {
                    let t = self.ctx.words();
                    self.tell(t.no_more_documents(forward).to_owned(), false);
                }
            }
            Action::Order => {
                self.cards.toggle_order(&mut self.ctx, screen);
                if self.cards.query().is_none() {
                    let t = self.ctx.words();
                    let relevance = self.cards.order == super::views::cards::Order::Relevance;
                    self.tell(t.order_without_query(relevance), false);
                }
            }
            Action::Back => {
                if self.focus == Focus::Detail {
                    self.focus = Focus::List;
                } else if self.cards.filtered() {
                    self.cards.clear_filters(&mut self.ctx, screen);
                }
            }
            Action::Click(x, y) => {
                let at = Position::new(x, y);
                if regions.list_inner().contains(at) {
                    self.focus = Focus::List;
                    self.cards.update(action, screen);
                } else if regions.detail.contains(at) && self.cards.current().is_some() {
                    self.focus = Focus::Detail;
                }
            }
            Action::WheelDown(x, y) | Action::WheelUp(x, y) => {
                let at = Position::new(x, y);
                if regions.detail.contains(at) {
                    self.detail.update(action, regions.detail);
                } else if regions.list.contains(at) {
                    self.cards.update(action, screen);
                }
            }
            _ => {}
        }
    }

    /// Text typed or pasted into the open search line, all of it at once:
    /// the list is filtered once, not once per character.
    pub fn type_text(&mut self, text: &str) {
        if !self.editing() || self.help.open {
            return;
        }
        self.message = None;
        match self.view {
            View::People => self.people.type_text(text, &self.ctx),
            View::Diagnostics => self.diagnostics.type_text(text, &self.ctx),
            _ => {
                let screen = self.screen();
                self.cards.type_text(text, &mut self.ctx, screen);
            }
        }
        self.sync();
    }

    /// A key while the search line is open; the mouse still works the panes.
    fn update_search(&mut self, action: Action) {
        let regions = self.regions();
        let mouse = matches!(
            action,
            Action::Click(..) | Action::WheelDown(..) | Action::WheelUp(..)
        );
        match self.view {
            View::People | View::Diagnostics if mouse => self.update_view(action),
            View::People => self.people.edit_search(action, &self.ctx, &regions),
            View::Diagnostics => self
                .diagnostics
                .edit_search(action, &self.ctx, regions.body),
            _ if mouse => self.update_cards(action, &regions),
            _ => {
                let screen = self.screen();
                self.cards.edit_search(action, &mut self.ctx, screen);
            }
        }
    }

    /// Do what a view asked for.
    fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Close => self.view = View::Cards,
            Effect::Jump(id) => {
                if let Some(from) = self.cards.current().filter(|c| *c != id) {
                    self.cards.trail.push(from);
                }
                self.go_to(id);
                self.focus = Focus::List;
            }
            Effect::Open(id) => {
                self.go_to(id);
                self.focus = Focus::Detail;
            }
            Effect::PersonCards(i) => {
                if self.ctx.people().is_some_and(|p| i < p.len()) {
                    self.view = View::Cards;
                    self.focus = Focus::List;
                    let screen = self.screen();
                    self.cards.filter_by_person(i, &mut self.ctx, screen);
                }
            }
            Effect::Tell(text) => self.tell(text, false),
        }
    }

    // ----- moving between cards -----

    /// Show card `id` in the list, dropping the filters if they hide it.
    fn go_to(&mut self, id: CardId) {
        let screen = self.screen();
        self.cards.go_to(id, &mut self.ctx, screen);
        self.view = View::Cards;
    }

    /// A digit: the selected card's link with that number.
    fn follow_link(&mut self, n: u8) {
        let Some(id) = self.cards.current() else {
            return;
        };
        let target = self
            .ctx
            .links(id)
            .iter()
            .find(|l| l.number == Some(n))
            .and_then(|l| match l.other {
                crate::flow::Endpoint::Card(to) => Some(*to),
                crate::flow::Endpoint::External(_) => None,
            });
        match target {
            Some(to) => {
                self.cards.trail.push(id);
                self.go_to(to);
            }
            None => {
                let t = self.ctx.words();
                self.tell(format!("{} {n}.", t.no_link), false);
            }
        }
    }

    fn jump_back(&mut self) {
        match self.cards.trail.pop() {
            Some(id) => self.go_to(id),
            None => {
                let t = self.ctx.words();
                self.tell(t.no_history.to_owned(), false);
            }
        }
    }

    /// `n`/`N`: the next card shown, its detail at the first matched line
    /// with one line above it.
    fn next_match(&mut self, forward: bool) {
        let screen = self.screen();
        self.cards.step(forward, screen);
        self.detail.follow(self.cards.moved);
        let regions = self.regions();
        self.detail.refresh(
            &self.ctx,
            self.cards.current(),
            self.cards.query(),
            regions.detail,
        );
        self.detail.scroll_to_match();
    }

    /// The flow of the selected card's document (or the first one's).
    fn open_flow(&mut self) {
        let Some(document) = self
            .cards
            .current()
            .map(|id| id.document)
            .or_else(|| self.ctx.handbook.cards().next().map(|(id, _)| id.document))
        else {
            return;
        };
        let mut flow = FlowView::open(&self.ctx, document, self.cards.current());
        if flow.pending {
            let t = self.ctx.words();
            self.tell(t.flow_pending.to_owned(), false);
        }
        self.view = View::Flow;
        flow.follow_cursor(&self.ctx, self.regions().body);
        self.flow = Some(flow);
    }

    /// `H`: the history of the selected card (the flow's, in the flow),
    /// read from git on a thread of its own.
    fn open_history(&mut self) {
        let t = self.ctx.words();
        let card = match self.view {
            View::Cards => self.cards.current(),
            View::Flow => self.flow.as_ref().and_then(FlowView::card),
            View::History => self.history.as_ref().map(|h| h.card),
            View::People | View::Diagnostics => None,
        };
        let Some(card) = card else {
            self.tell(t.no_selection.to_owned(), false);
            return;
        };
        let Some((file, title, nth)) = history_view::nth_of_title(&self.ctx, card) else {
            self.tell(t.history.compiled_in.to_owned(), true);
            return;
        };
        if self.view != View::History {
            self.history_from = self.view;
        }
        let job = Job::start(file, title, nth);
        self.history = Some(HistoryView::open(&self.ctx, card, Entries::Reading(job)));
        self.view = View::History;
    }

    // ----- the editor and reading again -----

    /// Say `text` in the status bar until the next key.
    pub fn tell(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
        self.layout_status();
    }

    fn edit(&mut self) {
        let t = self.ctx.words();
        let handbook = &self.ctx.handbook;
        // The file (`None`: compiled in) and the line.
        let card_at = |id: CardId| {
            let document = handbook.document_of(id)?;
            Some((document.file.as_deref(), handbook.card(id)?.line))
        };
        let target: Result<(Option<&Path>, u32), &str> = match self.view {
            View::Cards => self.cards.current().and_then(card_at).ok_or(t.no_selection),
            View::People => self
                .people
                .first_card(&self.ctx)
                .and_then(card_at)
                .ok_or(t.no_person_to_edit()),
            View::History => self
                .history
                .as_ref()
                .map(|h| h.card)
                .and_then(card_at)
                .ok_or(t.no_selection),
            View::Flow => self
                .flow
                .as_ref()
                .and_then(FlowView::card)
                .and_then(card_at)
                .ok_or(t.no_selection),
            View::Diagnostics => self
                .ctx
                .diagnostics()
                .get(self.diagnostics.current().unwrap_or(usize::MAX))
                .and_then(|d| {
                    // A site's config is no document, but a file all the same.
                    if let Some(file) = &d.file {
                        return Some((Some(&**file), d.line));
                    }
                    let doc = handbook.documents.iter().find(|doc| doc.path == d.path)?;
                    Some((doc.file.as_deref(), d.line))
                })
                .ok_or(t.no_file),
        };
        let command = target.map_err(str::to_owned).and_then(|(file, line)| {
            let file = file.ok_or(t.compiled_in)?;
            let editor = match &self.editor {
                Ok(Some(editor)) => editor,
                Ok(None) => return Err(t.no_editor.to_owned()),
                Err(e) => return Err(format!("${} {}.", e.var, t.editor_unsplittable)),
            };
            Ok(editor.command(file, line))
        });
        match command {
            Ok(command) => self.request = Some(Request::Edit(command)),
            Err(why) => self.tell(why, true),
        }
    }

    fn reload(&mut self) {
        let t = self.ctx.words();
        if self.can_reload {
            self.request = Some(Request::Reload);
            self.tell(t.reloading.to_owned(), false);
        } else {
            self.tell(t.nothing_to_reload.to_owned(), false);
        }
    }

    /// Swap in a handbook read again, keeping the selection, the filters, the
    /// jump trail and the view on the same cards where they still exist.
    pub fn reloaded(&mut self, result: Result<Loaded, crate::load::LoadError>) {
        let t = self.ctx.words();
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(why) => {
                self.tell(
                    format!("{}: {}", t.reload_failed, t.load_problem(&why)),
                    true,
                );
                return;
            }
        };
        let cards = self.cards.remember(&self.ctx);
        let flow_card = self
            .flow
            .as_ref()
            .and_then(FlowView::card)
            .and_then(|id| self.ctx.card_key(id));
        let history_card = self
            .history
            .as_ref()
            .and_then(|h| self.ctx.card_key(h.card));

        self.people.remember(&self.ctx);
        self.diagnostics.remember(&self.ctx);
        self.ctx.swap(loaded);
        self.people.reloaded(&self.ctx);
        self.diagnostics.reloaded(&self.ctx);
        let screen = self.screen();
        self.cards.restore(cards, &mut self.ctx, screen);
        if self.view == View::Flow {
            let cursor = flow_card.and_then(|k| self.ctx.find_key(&k));
            self.open_flow();
            let body = self.regions().body;
            if let (Some(flow), Some(id)) = (self.flow.as_mut(), cursor) {
                flow.point_at(id);
                flow.follow_cursor(&self.ctx, body);
            }
        }
        // The history is git's, not the files': it stays, on the same card.
        match history_card.and_then(|k| self.ctx.find_key(&k)) {
            Some(id) => {
                if let Some(history) = self.history.as_mut() {
                    history.card = id;
                }
            }
            None => {
                self.history = None;
                if self.view == View::History {
                    self.view = self.history_from;
                }
            }
        }
        // An error just reported (the editor's exit status) outranks this
        // news; a failed reading before this one does not: it is over.
        let failed_reading = |m: &Message| m.text.starts_with(t.reload_failed);
        if !self
            .message
            .as_ref()
            .is_some_and(|m| m.error && !failed_reading(m))
        {
            self.tell(t.reloaded.to_owned(), false);
        }
        self.sync();
    }

    // ----- after every change -----

    /// Every scroll within what there is to scroll, every list's selection
    /// on screen, then each view on screen laid out for drawing.
    pub fn sync(&mut self) {
        self.title
            .refresh(&self.ctx, self.cards.current(), self.width);
        let regions = self.regions();
        self.detail.follow(self.cards.moved);
        self.detail.refresh(
            &self.ctx,
            self.cards.current(),
            self.cards.query(),
            regions.detail,
        );
        self.cards.ensure_visible(self.screen());
        self.people
            .keep_in_view(&self.ctx, regions.list_inner().height as usize);
        self.diagnostics.keep_in_view(&self.ctx, regions.body);
        match self.view {
            View::Cards => self.detail.clamp(regions.detail),
            View::People => {
                let inner = regions.detail_inner();
                self.people
                    .clamp(&self.ctx, inner.width as usize, inner.height as usize);
            }
            View::Diagnostics | View::Flow | View::History => {}
        }
        self.layout(&regions);
    }

    /// The models of what is on screen.
    fn layout(&mut self, regions: &Regions) {
        let ctx = &self.ctx;
        let current = self.cards.current();
        self.title
            .layout(ctx, current, self.width, regions.ingress.height);
        match self.view {
            View::Cards => {
                let editing = self.editing();
                self.cards
                    .layout(ctx, regions.list, self.focus == Focus::List || editing);
                let nothing = current.is_none().then(|| {
                    if self.cards.visible.is_empty() {
                        self.cards.empty_message(ctx)
                    } else {
                        ctx.words().no_selection.to_owned()
                    }
                });
                self.detail.layout(
                    ctx,
                    regions.detail,
                    self.focus == Focus::Detail && !editing,
                    nothing,
                );
            }
            View::People => self.people.layout(ctx, regions, self.focus),
            View::Diagnostics => self.diagnostics.layout(ctx, regions.body),
            View::Flow => {
                if let Some(flow) = self.flow.as_mut() {
                    flow.layout(ctx, regions.body, ctx.grouped);
                }
            }
            View::History => {
                if let Some(history) = self.history.as_mut() {
                    history.layout(ctx, regions.body);
                }
            }
        }
        if self.help.open {
            self.help
                .layout(ctx.lang, Rect::new(0, 0, self.width, self.height));
        }
        self.layout_status();
    }

    fn layout_status(&mut self) {
        // The counts and the filter of the list on screen.
        let (shown, total) = match self.view {
            View::People => (
                self.people.shown_count(),
                self.ctx.people().map_or(0, <[_]>::len),
            ),
            View::Diagnostics => (self.diagnostics.shown_count(), self.ctx.diagnostics().len()),
            _ => (self.cards.visible.len(), self.cards.total()),
        };
        let status = Status {
            shown,
            // The cards are still being read for the query (the list's count
            // grows): only in the views that show the cards.
            partial: !matches!(self.view, View::People | View::Diagnostics)
                && self.cards.scanning(),
            total,
            person: (!matches!(self.view, View::People | View::Diagnostics))
                .then(|| self.cards.person_name(&self.ctx))
                .flatten(),
            search: self.search_line(),
            message: self.message.as_ref(),
            findings: !self.ctx.diagnostics().is_empty() || !self.ctx.facts_ready(),
            main_view: self.main_view(),
        };
        self.status = status::layout(&self.ctx, &status, self.width);
    }
}
