//! The diagnostics view: what the loader and the checks found, one per row
//! as compilers print them (`path:line:col: severity: message [rule]`).
//! Enter jumps to the card on that line, when there is one.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::Severity;
use crate::i18n::Words;

use super::{Effect, follow, row_at, scrolled};
use crate::tui::context::Context;
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

/// Rows under the list for the selected finding in full, when there is room.
const FOOTER: usize = 4;

#[derive(Debug, Default)]
pub struct DiagnosticsView {
    /// Index into the context's diagnostics.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    pub model: DiagnosticsModel,
}

/// What the view draws: the list, and under it the selected finding in full.
#[derive(Debug, Default)]
pub struct DiagnosticsModel {
    pub list: Pane,
    /// Rows of the inside the list takes.
    pub list_height: u16,
    pub footer: Vec<InkLine>,
}

impl DiagnosticsView {
    /// Keys and the mouse over the view drawn in `body`.
    pub fn update(&mut self, action: Action, ctx: &Context, body: Rect) -> Effect {
        let inner = Pane::inner(false, body);
        let count = ctx.diagnostics().len();
        let page = list_height(inner).max(1);
        match action {
            _ if action.is_movement() => {
                self.selected = scrolled(self.selected, action, page).min(count.saturating_sub(1));
            }
            Action::WheelDown(..) => {
                self.selected = (self.selected + 1).min(count.saturating_sub(1))
            }
            Action::WheelUp(..) => self.selected = self.selected.saturating_sub(1),
            Action::Click(x, y) => {
                if let Some(i) = row_at(inner, self.offset, x, y)
                    && i < count
                {
                    self.selected = i;
                }
            }
            Action::Open => return self.open(ctx),
            Action::Back => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    /// The card a finding is about: the one whose call starts where the
    /// finding is (two cards can share a line, and a finding in the front
    /// matter has no card at all).
    fn open(&self, ctx: &Context) -> Effect {
        let Some(d) = ctx.diagnostics().get(self.selected) else {
            return Effect::None;
        };
        let found = ctx.handbook.cards().find(|(id, card)| {
            (card.line, card.column) == (d.line, d.column)
                && ctx
                    .handbook
                    .document_of(*id)
                    .is_some_and(|doc| doc.path == d.path)
        });
        match found {
            Some((id, _)) => Effect::Open(id),
            None => Effect::Tell(ctx.words().finding_without_card.to_owned()),
        }
    }

    /// Keep the selection within the findings of a handbook read again.
    pub fn reloaded(&mut self, ctx: &Context) {
        self.selected = self.selected.min(ctx.diagnostics().len().saturating_sub(1));
    }

    /// Keep the selected finding on screen in the view drawn in `body`.
    pub fn keep_in_view(&mut self, body: Rect) {
        let height = list_height(Pane::inner(false, body));
        self.offset = follow(self.offset, self.selected, height);
    }

    /// The rows that fit in the view drawn in `body`, and the footer.
    pub fn layout(&mut self, ctx: &Context, body: Rect) {
        let t = ctx.words();
        let mut list = Pane::new(t.diagnostics, true, false);
        let inner = Pane::inner(false, body);
        let width = inner.width as usize;
        let diagnostics = ctx.diagnostics();
        if diagnostics.is_empty() {
            self.model = DiagnosticsModel {
                list: list.notice(t.no_diagnostics.to_owned(), inner),
                list_height: inner.height,
                footer: Vec::new(),
            };
            return;
        }
        let height = list_height(inner);
        list.lines = diagnostics
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(height)
            .map(|(i, d)| {
                let severity = match d.severity {
                    Severity::Error => Role::Error,
                    Severity::Warning => Role::Warning,
                };
                let segs = vec![
                    (
                        format!("{}:{}:{}: ", wrap::clean_line(&d.path), d.line, d.column),
                        Role::Dim.into(),
                    ),
                    (t.severity(d.severity).to_owned(), severity.into()),
                    (
                        format!(": {} ", wrap::clean_line(&d.message)),
                        Role::Status.into(),
                    ),
                    (format!("[{}]", d.rule), Role::Dim.into()),
                ];
                widgets::row(segs, i == self.selected, width)
            })
            .collect();
        list.total = diagnostics.len();
        list.shown = height;
        list.offset = self.offset;
        let mut footer = Vec::new();
        if let Some(d) = diagnostics.get(self.selected) {
            footer.push(vec![("─".repeat(width), Role::Dim.into())]);
            footer.extend(wrap::wrap(
                &[(wrap::clean_line(&in_full(t, d)), Role::Status.into())],
                width,
            ));
        }
        self.model = DiagnosticsModel {
            list,
            list_height: height as u16,
            footer,
        };
    }
}

pub fn render(model: &DiagnosticsModel, theme: &Theme, frame: &mut Frame, area: Rect) {
    let list = &model.list;
    let inner = widgets::frame_pane(frame, area, theme, &list.title, list.focused, list.padded);
    if inner.is_empty() {
        return;
    }
    let rows = Rect::new(
        inner.x,
        inner.y,
        inner.width,
        model.list_height.min(inner.height),
    );
    widgets::draw_lines(frame, rows, &list.lines, theme);
    widgets::scrollbar(frame, area, list.total, list.shown, list.offset);
    let footer = Rect::new(
        inner.x,
        rows.bottom(),
        inner.width,
        inner.bottom() - rows.bottom(),
    );
    if !footer.is_empty() {
        widgets::draw_lines(frame, footer, &model.footer, theme);
    }
}

/// Rows for the list; below it, when there is room, the selected finding in full.
fn list_height(inner: Rect) -> usize {
    let h = inner.height as usize;
    if h >= 10 { h - FOOTER } else { h }
}

/// A finding as compilers print it, its severity in the user's language.
fn in_full(t: &Words, d: &crate::Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}: {} [{}]",
        d.path,
        d.line,
        d.column,
        t.severity(d.severity),
        d.message,
        d.rule
    )
}
