//! The history view: one card's changes from git, newest first (`H`).
//! A row is a change: when, who, which commit, what (`Prosesseier: Hanne
//! Lauritsen → (fjernet)`). Enter shows the whole card as it was at that
//! commit; Esc goes back to the entries, then out.
//!
//! Git runs on a thread of its own ([`Job`]): the view opens at once,
//! saying it is reading, and the app takes the answer in when it is there
//! ([`HistoryView::poll`]), as it takes in the search index.

use std::path::PathBuf;
use std::thread::JoinHandle;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::CardId;
use crate::history::{Change, HistoryError, Kind, of_card};

use super::detail::card_as_written;
use super::{Effect, follow, scrolled};
use crate::tui::context::Context;
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

/// What git said, or that it has not yet.
pub enum Entries {
    Reading(Job),
    /// Why there is no history (not a git work tree, git missing ...).
    Failed(HistoryError),
    /// The card is not in the newest commit of its file.
    NotCommitted,
    Ready(Vec<Change>),
}

/// Reading a card's history off the UI thread.
pub struct Job(JoinHandle<Result<crate::history::CardHistory, HistoryError>>);

impl Job {
    /// Start reading the history of the `nth` card titled `title` of `file`.
    pub fn start(file: PathBuf, title: String, nth: usize) -> Job {
        Job(std::thread::spawn(move || of_card(&file, &title, nth)))
    }

    fn done(&self) -> bool {
        self.0.is_finished()
    }

    fn take(self) -> Entries {
        match self.0.join() {
            Ok(Ok(found)) if found.found => Entries::Ready(found.changes),
            Ok(Ok(_)) => Entries::NotCommitted,
            Ok(Err(error)) => Entries::Failed(error),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

pub struct HistoryView {
    /// The card the history is of, in the handbook of today.
    pub card: CardId,
    /// Its title today, for the pane's title.
    title: String,
    pub entries: Entries,
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    /// Enter: the selected entry's card as it was, scrolled to `scroll`.
    pub showing: bool,
    pub scroll: usize,
    pub model: HistoryModel,
}

/// What the view draws: a pane, and the keys under it.
#[derive(Debug, Default)]
pub struct HistoryModel {
    pub pane: Pane,
    pub footer: Vec<InkLine>,
}

impl HistoryView {
    /// The history of card `card`, its entries coming from `entries`.
    pub fn open(ctx: &Context, card: CardId, entries: Entries) -> HistoryView {
        HistoryView {
            card,
            title: ctx.card_title(card),
            entries,
            selected: 0,
            offset: 0,
            showing: false,
            scroll: 0,
            model: HistoryModel::default(),
        }
    }

    /// Git is still being asked.
    pub fn pending(&self) -> bool {
        matches!(self.entries, Entries::Reading(_))
    }

    /// Take git's answer in when it is there; true when it was (redraw).
    pub fn poll(&mut self) -> bool {
        if !matches!(&self.entries, Entries::Reading(job) if job.done()) {
            return false;
        }
        if let Entries::Reading(job) = std::mem::replace(&mut self.entries, Entries::NotCommitted) {
            self.entries = job.take();
        }
        true
    }

    fn changes(&self) -> &[Change] {
        match &self.entries {
            Entries::Ready(changes) => changes,
            _ => &[],
        }
    }

    /// Keys over the view drawn in `body`.
    pub fn update(&mut self, action: Action, body: Rect) -> Effect {
        let count = self.changes().len();
        let page = Pane::inner(true, body).height.saturating_sub(2) as usize;
        match action {
            _ if action.is_movement() && self.showing => {
                self.scroll = scrolled(self.scroll, action, page);
            }
            _ if action.is_movement() => {
                self.selected = scrolled(self.selected, action, page).min(count.saturating_sub(1));
            }
            Action::WheelDown(..) if self.showing => self.scroll += super::WHEEL,
            Action::WheelUp(..) if self.showing => {
                self.scroll = self.scroll.saturating_sub(super::WHEEL);
            }
            Action::WheelDown(..) => {
                self.selected = (self.selected + 1).min(count.saturating_sub(1));
            }
            Action::WheelUp(..) => self.selected = self.selected.saturating_sub(1),
            Action::Open if count > 0 => {
                self.showing = true;
                self.scroll = 0;
            }
            Action::Back if self.showing => self.showing = false,
            Action::Back => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    /// The pane for `body`: the entries, or the card as it was.
    pub fn layout(&mut self, ctx: &Context, body: Rect) {
        let t = ctx.words();
        let h = &t.history;
        let title = format!("{}: {}", h.title, self.title);
        let inner = Pane::inner(true, body);
        let width = inner.width as usize;
        let footer_text = if self.showing { h.card_keys } else { h.keys };
        let mut footer = Vec::new();
        // Under the entries, the selected one's commit message and file.
        if let Some(change) = self.changes().get(self.selected).filter(|_| !self.showing) {
            footer.extend(wrap::wrap(
                &[
                    (wrap::clean_line(&change.commit.subject), Role::Value.into()),
                    (
                        format!(" · {}", wrap::clean_line(&change.path)),
                        Role::Dim.into(),
                    ),
                ],
                width,
            ));
        }
        footer.extend(wrap::wrap(
            &[(footer_text.to_owned(), Role::Dim.into())],
            width,
        ));
        let footer_height = if inner.height >= 6 {
            footer.len().min(inner.height as usize / 3)
        } else {
            0
        };
        let height = (inner.height as usize).saturating_sub(footer_height);
        let list_area = Rect::new(inner.x, inner.y, inner.width, height as u16);
        let pane = Pane::new(&title, true, true);
        let pane = match &self.entries {
            Entries::Reading(_) => pane.notice(h.loading.to_owned(), list_area),
            Entries::Failed(why) => pane.notice(ctx.words().history_error(why), list_area),
            Entries::NotCommitted => pane.notice(
                format!("«{}» {}", wrap::clean_line(&self.title), h.not_committed),
                list_area,
            ),
            Entries::Ready(changes) if changes.is_empty() => {
                pane.notice(h.no_changes.to_owned(), list_area)
            }
            Entries::Ready(_) if self.showing => {
                let lines = self.as_it_was(ctx, width);
                self.scroll = self.scroll.min(lines.len().saturating_sub(height));
                pane.scrolled(&lines, self.scroll, list_area)
            }
            Entries::Ready(changes) => {
                self.selected = self.selected.min(changes.len() - 1);
                self.offset = follow(self.offset, self.selected, height);
                let rows = rows(ctx, changes);
                let mut pane = pane;
                pane.lines = rows
                    .into_iter()
                    .enumerate()
                    .skip(self.offset)
                    .take(height)
                    .map(|(i, segs)| widgets::row(segs, i == self.selected, width))
                    .collect();
                pane.total = changes.len();
                pane.shown = height;
                pane.offset = self.offset;
                pane
            }
        };
        self.model = HistoryModel {
            pane,
            footer: footer.into_iter().take(footer_height).collect(),
        };
    }

    /// The selected entry's card as it was then, under a line saying when.
    fn as_it_was(&self, ctx: &Context, width: usize) -> Vec<InkLine> {
        let t = ctx.words();
        let Some(change) = self.changes().get(self.selected) else {
            return Vec::new();
        };
        let commit = &change.commit;
        let when = if change.kind == Kind::Removed {
            t.history.as_before
        } else {
            t.history.as_after
        };
        let mut out = wrap::wrap(
            &[
                (format!("{when} "), Role::Dim.into()),
                (commit.short_id().to_owned(), Role::Key.into()),
                (
                    format!(
                        " ({}, {}): {}",
                        commit.short_date(),
                        wrap::clean_line(&commit.author),
                        wrap::clean_line(&commit.subject)
                    ),
                    Role::Dim.into(),
                ),
            ],
            width,
        );
        out.extend(wrap::wrap(
            &[(wrap::clean_line(&t.change_text(change)), Role::Label.into())],
            width,
        ));
        out.push(Vec::new());
        if let Some(at) = &change.card_at {
            let card = at.card();
            let source = format!("{}:{}", at.document.path, card.line);
            out.extend(card_as_written(ctx, card, source, width));
        }
        out
    }
}

/// One row per change: date, short commit, author (in a column as wide as
/// the widest, within reason), and what changed.
fn rows(ctx: &Context, changes: &[Change]) -> Vec<InkLine> {
    let t = ctx.words();
    let author_width = changes
        .iter()
        .map(|c| wrap::width(&wrap::clean_line(&c.commit.author)))
        .max()
        .unwrap_or(0)
        .min(24);
    changes
        .iter()
        .map(|change| {
            let author = wrap::clean_line(&change.commit.author);
            let author = wrap::fill(
                vec![(author, Role::Value.into())],
                author_width,
                Role::Plain.into(),
            );
            let mut segs: InkLine = vec![
                (change.commit.short_date(), Role::Dim.into()),
                ("  ".to_owned(), Role::Plain.into()),
                (change.commit.short_id().to_owned(), Role::Key.into()),
                ("  ".to_owned(), Role::Plain.into()),
            ];
            segs.extend(author);
            segs.push(("  ".to_owned(), Role::Plain.into()));
            let role = match change.kind {
                Kind::Broken => Role::Error,
                Kind::Removed => Role::Warning,
                _ => Role::CardTitle,
            };
            segs.push((wrap::clean_line(&t.change_text(change)), role.into()));
            segs
        })
        .collect()
}

pub fn render(model: &HistoryModel, theme: &Theme, frame: &mut Frame, area: Rect) {
    let pane = &model.pane;
    let inner = widgets::frame_pane(frame, area, theme, &pane.title, pane.focused, pane.padded);
    if inner.is_empty() {
        return;
    }
    widgets::draw_lines(frame, inner, &pane.lines, theme);
    widgets::scrollbar(frame, area, pane.total, pane.shown, pane.offset);
    widgets::draw_footer(frame, inner, &model.footer, theme);
}

/// The nth card with its title, counting from 0: which card of a file a
/// history is asked for.
pub fn nth_of_title(ctx: &Context, card: CardId) -> Option<(PathBuf, String, usize)> {
    let document = ctx.handbook.documents.get(card.document as usize)?;
    let file = document.file.clone()?;
    let title = document.cards.get(card.card as usize)?.title().into_owned();
    let nth = document.cards[..card.card as usize]
        .iter()
        .filter(|c| c.title() == title)
        .count();
    Some((file, title, nth))
}
