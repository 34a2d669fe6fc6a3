//! The status bar: how many cards show, the active filter, the warning count
//! and key hints from the keymap table; or, while searching, the query line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use unicode_segmentation::UnicodeSegmentation;

use crate::Severity;

use super::context::Context;
use super::keymap::{self, Action};
use super::theme::{Role, Theme};
use super::views::search::SearchLine;
use super::widgets::{self, InkLine};
use super::wrap;

/// One line of the status bar that says what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What the status bar tells, gathered by the app from the views.
pub struct Status<'a> {
    /// Cards shown, of all.
    pub shown: usize,
    /// The cards are still being read for the query: more may come.
    pub partial: bool,
    pub total: usize,
    /// The person the list is limited to.
    pub person: Option<&'a str>,
    pub search: &'a SearchLine,
    pub message: Option<&'a Message>,
    /// Whether `w` is worth a hint: there are findings (or may be, while
    /// the checks run). (`/` always is: every list filters.)
    pub findings: bool,
    /// `q` quits (rather than closing a view).
    pub main_view: bool,
}

/// What the status bar draws: its line, and where the cursor stands (in
/// the search line).
#[derive(Debug, Default)]
pub struct StatusModel {
    pub line: InkLine,
    pub cursor: Option<u16>,
}

/// The bar `width` columns wide.
pub fn layout(ctx: &Context, status: &Status, width: u16) -> StatusModel {
    if status.search.editing {
        return query_line(ctx, status, width);
    }
    let width = width as usize;
    let mut left = summary(ctx, status);
    if let Some(message) = status.message {
        let role = if message.error {
            Role::Error
        } else {
            Role::Notice
        };
        let text = wrap::clean_line(&message.text);
        let used: usize = left.iter().map(|(t, _)| wrap::width(t)).sum();
        // The message matters more than the counts when both do not fit.
        if used + 2 + wrap::width(&text) > width {
            left.clear();
            left.push((" ".to_owned(), Role::Status.into()));
        } else {
            left.push(("  ".to_owned(), Role::Status.into()));
        }
        left.push((text, role.into()));
    }
    StatusModel {
        line: with_hints(ctx, status, left, width),
        cursor: None,
    }
}

pub fn render(model: &StatusModel, theme: &Theme, frame: &mut Frame, area: Rect) {
    frame.render_widget(Paragraph::new(widgets::inked(theme, &model.line)), area);
    if let Some(x) = model.cursor {
        let x = area.x + x.min(area.width.saturating_sub(1));
        frame.set_cursor_position((x, area.y));
    }
}

/// How many cards show: `12…` while the cards are still being read.
fn shown(status: &Status) -> String {
    if status.partial {
        format!("{}…", status.shown)
    } else {
        status.shown.to_string()
    }
}

/// "9 av 9", the filter, and the warning count.
fn summary(ctx: &Context, status: &Status) -> InkLine {
    let t = ctx.words();
    let mut left: InkLine = vec![(
        format!(" {} {} {}", shown(status), t.of, status.total),
        Role::Key.into(),
    )];
    if let Some(name) = status.person {
        left.push(("  ".to_owned(), Role::Status.into()));
        left.push((
            format!("{}: {}", t.person, wrap::clean_line(name)),
            Role::Prompt.into(),
        ));
    }
    if status.search.query.is_some() {
        left.push(("  /".to_owned(), Role::Prompt.into()));
        left.push((
            wrap::clean_line(status.search.applied()),
            Role::Status.into(),
        ));
    }
    let errors = ctx.count(Severity::Error);
    let warnings = ctx.count(Severity::Warning);
    if !ctx.facts_ready() {
        left.push(("  ".to_owned(), Role::Status.into()));
        left.push((t.checking().to_owned(), Role::Notice.into()));
    } else if errors + warnings > 0 {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(t.count(errors, Severity::Error));
        }
        if warnings > 0 {
            parts.push(t.count(warnings, Severity::Warning));
        }
        left.push(("  ".to_owned(), Role::Status.into()));
        let role = if errors > 0 {
            Role::Error
        } else {
            Role::Warning
        };
        left.push((parts.join(", "), role.into()));
    }
    left
}

/// `left`, then as many key hints as fit, right-aligned.
fn with_hints(ctx: &Context, status: &Status, left: InkLine, width: usize) -> InkLine {
    let left_width: usize = left.iter().map(|(t, _)| wrap::width(t)).sum();
    let mut hints: Vec<(u8, String, &str)> = keymap::bindings(status.search.editing)
        .filter(|b| b.hint > 0)
        .filter(|b| b.action != Action::Diagnostics || status.findings)
        .map(|b| {
            (
                b.hint,
                b.keys
                    .first()
                    .map(|k| keymap::key_label(*k))
                    .unwrap_or_default(),
                match b.action {
                    Action::Quit => ctx.words().quit_hint(status.main_view),
                    _ => b.description(ctx.lang),
                },
            )
        })
        .collect();
    let hints_width = |h: &[(u8, String, &str)]| -> usize {
        h.iter()
            .map(|(_, k, d)| wrap::width(k) + 1 + wrap::width(d) + 2)
            .sum()
    };
    while !hints.is_empty() && left_width + 2 + hints_width(&hints) > width {
        // Drop the least important hint.
        if let Some(i) = (0..hints.len()).min_by_key(|i| hints[*i].0) {
            hints.remove(i);
        }
    }
    let mut line = left;
    if hints.is_empty() {
        return wrap::fill(line, width, Role::Status.into());
    }
    let pad = width - left_width - hints_width(&hints);
    line.push((" ".repeat(pad), Role::Status.into()));
    for (_, key, desc) in hints {
        line.push((key, Role::Key.into()));
        line.push((format!(" {desc}  "), Role::Dim.into()));
    }
    line
}

/// `/query▏` with the count or the parse error on the right.
fn query_line(ctx: &Context, status: &Status, width: u16) -> StatusModel {
    let t = ctx.words();
    let search = status.search;
    let width = width as usize;
    let right: InkLine = match search.shown_error() {
        Some(e) => {
            // The character the error is at (an offset off a char boundary
            // counts the whole text rather than panic).
            let before = search.input.get(..e.offset).unwrap_or(&search.input);
            let at = before.chars().count() + 1;
            vec![(
                format!(
                    " {} {at}: {} ",
                    t.query_error,
                    wrap::clean_line(&t.query_problem(&e.kind))
                ),
                Role::Error.into(),
            )]
        }
        None => vec![(
            format!(" {} {} {} ", shown(status), t.of, status.total),
            Role::Key.into(),
        )],
    };
    let right_width: usize = right.iter().map(|(s, _)| wrap::width(s)).sum();
    // Room for the prompt, the text and the cursor.
    let room = width
        .saturating_sub(right_width.min(width / 2))
        .saturating_sub(2);
    let text = wrap::clean_line(&search.input);
    let shown = tail(&text, room);
    let shown_width = wrap::width(&shown);
    let mut line: InkLine = vec![
        ("/".to_owned(), Role::Prompt.into()),
        (shown, Role::Status.into()),
    ];
    let used = 1 + shown_width;
    let right = wrap::truncate(right, width.saturating_sub(used + 1));
    let right_width: usize = right.iter().map(|(s, _)| wrap::width(s)).sum();
    line.push((
        " ".repeat(width.saturating_sub(used + right_width)),
        Role::Status.into(),
    ));
    line.extend(right);
    StatusModel {
        line,
        cursor: Some(used.min(u16::MAX as usize) as u16),
    }
}

/// The end of `s` that fits in `width` columns.
fn tail(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (i, g) in s.grapheme_indices(true).rev() {
        let w = wrap::width(g);
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    s[start..].to_owned()
}
