//! The status bar: how many cards show, the active filter, the warning count
//! and key hints from the keymap table; or, while searching, the query line.

use crate::Severity;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::app::{App, View};
use super::keymap::{self, Action};
use super::wrap::{self, Segment};
use crate::i18n::words;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width as usize;
    if app.editing {
        return query_line(app, frame, area);
    }
    let mut left = summary(app);
    if let Some(message) = &app.message {
        let style = if message.error {
            app.theme.error
        } else {
            app.theme.notice
        };
        let text = wrap::clean_line(&message.text);
        let used: usize = left.iter().map(|(t, _)| wrap::width(t)).sum();
        // The message matters more than the counts when both do not fit.
        if used + 2 + wrap::width(&text) > width {
            left.clear();
            left.push((" ".to_owned(), app.theme.status));
        } else {
            left.push(("  ".to_owned(), app.theme.status));
        }
        left.push((text, style));
    }
    let line = with_hints(app, left, width);
    frame.render_widget(Paragraph::new(wrap::to_line(line)), area);
}

/// "9 av 9", the filter, and the warning count.
pub fn summary(app: &App) -> Vec<Segment> {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let mut left = vec![(
        format!(" {} {} {}", app.visible.len(), t.of, app.total()),
        theme.key,
    )];
    if let Some(name) = app.person_name() {
        left.push(("  ".to_owned(), theme.status));
        left.push((
            format!("{}: {}", t.person, wrap::clean_line(name)),
            theme.prompt,
        ));
    }
    if app.query.is_some() {
        left.push(("  /".to_owned(), theme.prompt));
        left.push((wrap::clean_line(app.applied()), theme.status));
    }
    let errors = app.ctx.count(Severity::Error);
    let warnings = app.ctx.count(Severity::Warning);
    if errors + warnings > 0 {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(t.count(errors, Severity::Error));
        }
        if warnings > 0 {
            parts.push(t.count(warnings, Severity::Warning));
        }
        left.push(("  ".to_owned(), theme.status));
        let style = if errors > 0 {
            theme.error
        } else {
            theme.warning
        };
        left.push((parts.join(", "), style));
    }
    left
}

/// `left`, then as many key hints as fit, right-aligned.
fn with_hints(app: &App, left: Vec<Segment>, width: usize) -> Vec<Segment> {
    let theme = &app.theme;
    let left_width: usize = left.iter().map(|(t, _)| wrap::width(t)).sum();
    let mut hints: Vec<(u8, String, &str)> = keymap::bindings(app.editing)
        .filter(|b| b.hint > 0)
        .filter(|b| b.action != Action::Diagnostics || !app.ctx.diagnostics().is_empty())
        .filter(|b| !(b.action == Action::Search && app.view == View::Diagnostics))
        .map(|b| {
            (
                b.hint,
                b.keys
                    .first()
                    .map(|k| keymap::key_label(*k))
                    .unwrap_or_default(),
                b.description(app.ctx.lang),
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
        return wrap::fill(line, width, theme.status);
    }
    let pad = width - left_width - hints_width(&hints);
    line.push((" ".repeat(pad), theme.status));
    for (_, key, desc) in hints {
        line.push((key, theme.key));
        line.push((format!(" {desc}  "), theme.dim));
    }
    line
}

/// `/query▏` with the count or the parse error on the right.
fn query_line(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let width = area.width as usize;
    let right: Vec<Segment> = match &app.query_error {
        Some(e) => {
            // The character the error is at (an offset off a char boundary
            // counts the whole text rather than panic).
            let before = app.input.get(..e.offset).unwrap_or(&app.input);
            let at = before.chars().count() + 1;
            vec![(
                format!(
                    " {} {at}: {} ",
                    t.query_error,
                    wrap::clean_line(&t.query_problem(&e.kind))
                ),
                theme.error,
            )]
        }
        None => vec![(
            format!(" {} {} {} ", app.visible.len(), t.of, app.total()),
            theme.key,
        )],
    };
    let right_width: usize = right.iter().map(|(s, _)| wrap::width(s)).sum();
    // Room for the prompt, the text and the cursor.
    let room = width
        .saturating_sub(right_width.min(width / 2))
        .saturating_sub(2);
    let text = wrap::clean_line(&app.input);
    let shown = tail(&text, room);
    let shown_width = wrap::width(&shown);
    let mut line = vec![("/".to_owned(), theme.prompt), (shown, theme.status)];
    let used = 1 + shown_width;
    let right = wrap::truncate(right, width.saturating_sub(used + 1));
    let right_width: usize = right.iter().map(|(s, _)| wrap::width(s)).sum();
    line.push((
        " ".repeat(width.saturating_sub(used + right_width)),
        theme.status,
    ));
    line.extend(right);
    frame.render_widget(Paragraph::new(wrap::to_line(line)), area);
    let x = area.x + (used as u16).min(area.width.saturating_sub(1));
    frame.set_cursor_position((x, area.y));
}

/// The end of `s` that fits in `width` columns.
fn tail(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let w = wrap::width(c.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    s[start..].to_owned()
}
