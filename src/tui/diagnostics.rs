//! The diagnostics view: what the loader and the checks found, one per row
//! as compilers print them (`path:line:col: severity: message [rule]`).
//! Enter jumps to the card on that line, when there is one.

use crate::Severity;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::app::App;
use super::render;
use super::wrap;
use crate::i18n::words;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let block = render::pane(app, t.diagnostics, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let width = inner.width as usize;
    if app.ctx.diagnostics().is_empty() {
        render::notice(app, frame, inner, t.no_diagnostics.to_owned());
        return;
    }
    let height = list_height(inner);
    let offset = app.diag_offset;
    let lines: Vec<_> = app
        .ctx
        .diagnostics()
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, d)| {
            let severity = match d.severity {
                Severity::Error => theme.error,
                Severity::Warning => theme.warning,
            };
            let segs = vec![
                (
                    format!("{}:{}:{}: ", wrap::clean_line(&d.path), d.line, d.column),
                    theme.dim,
                ),
                (t.severity(d.severity).to_owned(), severity),
                (format!(": {} ", wrap::clean_line(&d.message)), theme.status),
                (format!("[{}]", d.rule), theme.dim),
            ];
            wrap::to_line(render::row(app, segs, i == app.diag_selected, width))
        })
        .collect();
    let list = Rect::new(inner.x, inner.y, inner.width, height as u16);
    frame.render_widget(Paragraph::new(lines), list);
    render::scrollbar(frame, area, app.ctx.diagnostics().len(), height, offset);

    // The selected finding in full, under the list.
    let footer = Rect::new(
        inner.x,
        list.bottom(),
        inner.width,
        inner.bottom() - list.bottom(),
    );
    if let (Some(d), false) = (
        app.ctx.diagnostics().get(app.diag_selected),
        footer.is_empty(),
    ) {
        let mut lines = vec![wrap::to_line(vec![("─".repeat(width), theme.dim)])];
        lines.extend(
            wrap::wrap(&[(wrap::clean_line(&in_full(t, d)), theme.status)], width)
                .into_iter()
                .map(wrap::to_line),
        );
        frame.render_widget(Paragraph::new(lines), footer);
    }
}

/// Rows for the list; below it, when there is room, the selected finding in full.
pub fn list_height(inner: Rect) -> usize {
    let h = inner.height as usize;
    if h >= 10 { h - FOOTER } else { h }
}

const FOOTER: usize = 4;

/// A finding as compilers print it, its severity in the user's language.
fn in_full(t: &crate::i18n::Words, d: &crate::Diagnostic) -> String {
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
