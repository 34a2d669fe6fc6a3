//! The list of cards: title, with the owner dimmed beside it, grouped under
//! document titles when several documents are loaded. Only the rows that fit
//! are built, so a frame costs the same at 9 cards and at 100,000.

use crate::Field;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, Row};
use super::render::{self, matches, ranges_of};
use super::wrap::{self, Segment};
use crate::i18n::words;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.ctx.lang);
    let block = render::pane(app, t.cards, app.focus == Focus::List || app.editing);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if app.visible.is_empty() {
        render::notice(app, frame, inner, empty_message(app));
        return;
    }
    let height = inner.height as usize;
    // `update` keeps the offset so that the selection is on screen.
    let offset = app.list_offset.min(app.rows.len());
    let end = (offset + height).min(app.rows.len());
    let lines: Vec<_> = app.rows[offset..end]
        .iter()
        .map(|r| wrap::to_line(row_segments(app, *r, inner.width as usize)))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    render::scrollbar(frame, area, app.rows.len(), height, offset);
}

/// "Ingen treff for «grimstad»", naming the person too when filtering by one.
pub fn empty_message(app: &App) -> String {
    let t = words(app.ctx.lang);
    if !app.filtered() {
        return t.no_cards.to_owned();
    }
    let mut what = Vec::new();
    if let Some(name) = app.person_name() {
        what.push(format!("{}: {}", t.person, wrap::clean_line(name)));
    }
    if app.query.is_some() {
        what.push(wrap::clean_line(app.applied()));
    }
    format!("{} «{}».", t.no_matches, what.join(" + "))
}

fn row_segments(app: &App, row: Row, width: usize) -> Vec<Segment> {
    let theme = &app.theme;
    let i = match row {
        Row::Group(doc) => {
            let title = app
                .ctx
                .handbook
                .documents
                .get(doc as usize)
                .map(|d| d.title().unwrap_or(&d.path).to_owned())
                .unwrap_or_default();
            return wrap::truncate(vec![(wrap::clean_line(&title), theme.group)], width);
        }
        Row::Card(i) => i,
    };
    let id = app.visible[i];
    let Some(card) = app.ctx.handbook.card(id) else {
        return Vec::new();
    };
    let found = matches(app, id);
    let mut segments: Vec<Segment> = Vec::new();
    match card.field(Field::Title) {
        Some(title) if !title.trim().is_empty() => segments.extend(wrap::highlight(
            &title,
            &ranges_of(&found, Field::Title),
            theme.card_title,
            theme.card_title.patch(theme.matched),
            wrap::clean_line,
        )),
        _ => segments.push((words(app.ctx.lang).untitled.to_owned(), theme.dim)),
    }
    if let Some(owner) = card.field(Field::Owner).filter(|o| !o.trim().is_empty()) {
        // Owners line up in a column after the titles when there is room.
        // (The row's marker comes before the title: two more columns.)
        let used: usize = 2 + segments.iter().map(|(t, _)| wrap::width(t)).sum::<usize>();
        let column = 2 + app.ctx.title_width();
        let pad = if column + 2 + 8 <= width {
            column.saturating_sub(used) + 2
        } else {
            2
        };
        segments.push((" ".repeat(pad), theme.dim));
        segments.extend(wrap::highlight(
            &owner,
            &ranges_of(&found, Field::Owner),
            theme.dim,
            theme.dim.patch(theme.matched),
            wrap::clean_line,
        ));
    }
    render::row(app, segments, i == app.selected, width)
}
