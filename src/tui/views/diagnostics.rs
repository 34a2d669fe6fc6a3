//! The diagnostics view: what the loader and the checks found, one per row
//! as compilers print them (`path:line:col: severity: message [rule]`), in
//! the reader's language; on a narrow screen the message first. `/` filters
//! the findings, `o` groups them under their rules. Enter jumps to the card
//! on that line, when there is one.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::{Lang, Words};
use crate::{Diagnostic, Rule, Severity};

use super::filter::{self, FilteredList};
use super::{Effect, list_offset, row_at};
use crate::tui::context::Context;
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

/// Rows under the list for the selected finding in full, when there is room.
const FOOTER: usize = 4;
/// Below this many columns inside the view, a row puts the message before
/// where it is (so a path does not take the whole row).
const MESSAGE_FIRST_BELOW: usize = 80;

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// A rule's heading, with how many findings are under it (grouped by rule).
    Rule(Rule, usize),
    /// Finding `i` of the context's diagnostics.
    Finding(usize),
}

#[derive(Debug, Default)]
pub struct DiagnosticsView {
    /// The findings `/` lets through (a filter over where, what and which
    /// rule), as indexes into the context's diagnostics in the rows' order,
    /// and the finding chosen; worked out again when the handbook, whether
    /// the findings had arrived, the grouping or the language changes.
    pub list: FilteredList<(u64, bool, bool, Lang)>,
    /// First row drawn.
    pub offset: usize,
    /// Grouped under their rules (`o`) rather than listed by file.
    pub by_rule: bool,
    rows: Vec<Row>,
    /// The row of each finding shown.
    row_of: Vec<usize>,
    pub model: DiagnosticsModel,
    /// The finding chosen before the handbook was read again, until the new
    /// findings have arrived and it is found among them.
    again: Option<Diagnostic>,
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
    /// The rows, worked out again when what they show has changed; the
    /// selection kept on a finding shown.
    fn refilter(&mut self, ctx: &Context) {
        let key = (ctx.generation, ctx.facts_ready(), self.by_rule, ctx.lang);
        let t = ctx.words();
        let all = ctx.diagnostics();
        // The same finding about the same file: its line moves when lines
        // are written above it, its words (which name the card) do not.
        if let Some(before) = self.again.take_if(|_| ctx.facts_ready())
            && let Some(i) = all.iter().position(|d| {
                (&d.path, d.rule, &d.message) == (&before.path, before.rule, &before.message)
            })
        {
            self.list.reselect(i);
        }
        let by_rule = self.by_rule;
        let refiltered = self.list.refilter(key, |query| {
            let mut shown = filter::passing(all.len(), query, |query, i| {
                let d = &all[i];
                let message = t.finding(d);
                let texts = [
                    d.path.as_str(),
                    message.as_str(),
                    d.rule.name(),
                    t.severity(d.severity),
                ];
                filter::matches(query, &texts)
            });
            if by_rule {
                // Stable: within a rule, by file and line as before.
                shown.sort_by_key(|&i| all[i].rule);
            }
            shown
        });
        if !refiltered {
            return;
        }
        let shown = self.list.shown();
        self.rows.clear();
        self.row_of.clear();
        if self.by_rule {
            let mut at = 0;
            while at < shown.len() {
                let rule = all[shown[at]].rule;
                let n = shown[at..]
                    .iter()
                    .take_while(|&&i| all[i].rule == rule)
                    .count();
                self.rows.push(Row::Rule(rule, n));
                for &i in &shown[at..at + n] {
                    self.row_of.push(self.rows.len());
                    self.rows.push(Row::Finding(i));
                }
                at += n;
            }
        } else {
            for &i in shown {
                self.row_of.push(self.rows.len());
                self.rows.push(Row::Finding(i));
            }
        }
    }

    /// How many findings are shown (after the filter).
    pub fn shown_count(&self) -> usize {
        self.list.shown().len()
    }

    /// The finding `e` and Enter are about, if one is shown.
    pub fn current(&self) -> Option<usize> {
        self.list.current()
    }

    /// Keys and the mouse over the view drawn in `body`.
    pub fn update(&mut self, action: Action, ctx: &Context, body: Rect) -> Effect {
        self.refilter(ctx);
        let inner = Pane::inner(false, body);
        let page = list_height(inner).max(1);
        if self.list.go(action, page) {
            return Effect::None;
        }
        match action {
            Action::Click(x, y) => {
                if let Some(row) = row_at(inner, self.offset, x, y)
                    && let Some(Row::Finding(i)) = self.rows.get(row)
                {
                    self.list.select(*i);
                }
            }
            Action::Open => return self.open(ctx),
            Action::Order => {
                self.by_rule = !self.by_rule;
                self.refilter(ctx);
            }
            Action::Back => {
                if !self.list.clear() {
                    return Effect::Close;
                }
                self.refilter(ctx);
            }
            _ => {}
        }
        Effect::None
    }

    /// A key in this view's search line: the list follows the filter as it
    /// is typed.
    pub fn edit_search(&mut self, action: Action, ctx: &Context, body: Rect) {
        let moved = self.list.edit(action);
        self.refilter(ctx);
        if let Some(action) = moved {
            self.update(action, ctx, body);
        }
    }

    /// Text typed into this view's search line in one go.
    pub fn type_text(&mut self, text: &str, ctx: &Context) {
        self.list.paste(text);
        self.refilter(ctx);
    }

    /// The card a finding is about: the one whose call starts where the
    /// finding is (two cards can share a line, and a finding in the front
    /// matter has no card at all).
    fn open(&self, ctx: &Context) -> Effect {
        let Some(d) = self.current().and_then(|i| ctx.diagnostics().get(i)) else {
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
        self.refilter(ctx);
    }

    /// Before the handbook is read again: the finding chosen, to choose it
    /// again among the new findings if it is still there.
    pub fn remember(&mut self, ctx: &Context) {
        self.again = ctx.diagnostics().get(self.list.selected()).cloned();
    }

    /// Keep the selected finding (and its rule's heading, when it is the
    /// first under it) on screen in the view drawn in `body`.
    pub fn keep_in_view(&mut self, ctx: &Context, body: Rect) {
        self.refilter(ctx);
        let height = list_height(Pane::inner(false, body));
        let Some(&row) = self.row_of.get(self.list.row()) else {
            self.offset = 0;
            return;
        };
        let top = if row > 0 && matches!(self.rows[row - 1], Row::Rule(..)) {
            row - 1
        } else {
            row
        };
        self.offset = list_offset(self.offset, top, row, height, self.rows.len());
    }

    /// The rows that fit in the view drawn in `body`, and the footer.
    pub fn layout(&mut self, ctx: &Context, body: Rect) {
        self.refilter(ctx);
        let t = ctx.words();
        let title = if self.by_rule {
            format!("{} · {} (o)", t.diagnostics, t.by_rule())
        } else {
            t.diagnostics.to_owned()
        };
        let list = Pane::new(&title, true, false);
        let inner = Pane::inner(false, body);
        let width = inner.width as usize;
        let diagnostics = ctx.diagnostics();
        let notice = if !ctx.facts_ready() {
            Some(t.checking_long().to_owned())
        } else if diagnostics.is_empty() {
            Some(t.no_diagnostics.to_owned())
        } else if self.list.shown().is_empty() {
            let what = wrap::clean_line(self.list.line.applied());
            Some(format!("{} «{what}».", t.no_matches))
        } else {
            None
        };
        if let Some(text) = notice {
            self.model = DiagnosticsModel {
                list: list.notice(text, inner),
                list_height: inner.height,
                footer: Vec::new(),
            };
            return;
        }
        let height = list_height(inner);
        let offset = self.offset.min(self.rows.len());
        let mut list = list;
        list.lines = self.rows[offset..]
            .iter()
            .take(height)
            .map(|row| match *row {
                Row::Rule(rule, n) => wrap::truncate(
                    vec![
                        (rule.name().to_owned(), Role::Group.into()),
                        (format!("  {n}"), Role::Dim.into()),
                    ],
                    width,
                ),
                Row::Finding(i) => {
                    finding_row(t, &diagnostics[i], i == self.list.selected(), width)
                }
            })
            .collect();
        list.total = self.rows.len();
        list.shown = height;
        list.offset = offset;
        let mut footer = Vec::new();
        if let Some(d) = self.current().and_then(|i| diagnostics.get(i)) {
            footer.push(vec![("─".repeat(width), Role::Dim.into())]);
            let full = if width >= MESSAGE_FIRST_BELOW {
                vec![(wrap::clean_line(&in_full(t, d)), Role::Status.into())]
            } else {
                // What it says first; where, as a path that may wrap, after.
                vec![
                    (
                        format!("{}: {} ", t.severity(d.severity), t.finding(d)),
                        Role::Status.into(),
                    ),
                    (
                        format!("[{}] {}:{}:{}", d.rule, d.path, d.line, d.column),
                        Role::Dim.into(),
                    ),
                ]
            };
            let full: Vec<_> = full
                .into_iter()
                .map(|(text, ink)| (wrap::clean_line(&text), ink))
                .collect();
            footer.extend(wrap::wrap(&full, width));
        }
        self.model = DiagnosticsModel {
            list,
            list_height: height as u16,
            footer,
        };
    }
}

/// One finding's row: as compilers print it, or on a narrow screen its
/// message first and then the file and line.
fn finding_row(t: &Words, d: &crate::Diagnostic, selected: bool, width: usize) -> InkLine {
    let severity = match d.severity {
        Severity::Error => Role::Error,
        Severity::Warning => Role::Warning,
    };
    let message = wrap::clean_line(&t.finding(d));
    let segs = if width >= MESSAGE_FIRST_BELOW {
        vec![
            (
                format!("{}:{}:{}: ", wrap::clean_line(&d.path), d.line, d.column),
                Role::Dim.into(),
            ),
            (t.severity(d.severity).to_owned(), severity.into()),
            (format!(": {message} "), Role::Status.into()),
            (format!("[{}]", d.rule), Role::Dim.into()),
        ]
    } else {
        let file = d.path.rsplit('/').next().unwrap_or(&d.path);
        vec![
            (t.severity(d.severity).to_owned(), severity.into()),
            (format!(": {message}"), Role::Status.into()),
            (
                format!("  {}:{}", wrap::clean_line(file), d.line),
                Role::Dim.into(),
            ),
        ]
    };
    widgets::row(segs, selected, width)
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

/// Rows for the list; below it, when there is room (as at 40x12), the
/// selected finding in full.
fn list_height(inner: Rect) -> usize {
    let h = inner.height as usize;
    if h >= 8 { h - FOOTER } else { h }
}

/// A finding as compilers print it, its severity in the user's language.
fn in_full(t: &Words, d: &crate::Diagnostic) -> String {
    format!(
        "{}:{}:{}: {}: {} [{}]",
        d.path,
        d.line,
        d.column,
        t.severity(d.severity),
        t.finding(d),
        d.rule
    )
}
