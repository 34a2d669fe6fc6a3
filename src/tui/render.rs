//! Drawing: a pure function of [`App`]. No I/O, no state changes; each
//! region of the screen has its own module.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::app::{App, View};
use super::{detail, diagnostics, flow, help, layout, list, people, status, title, wrap};
use crate::i18n::words;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let regions = layout::regions(app, area);
    if regions.too_small {
        too_small(app, frame, area);
        return;
    }
    title::render(app, frame, &regions);
    match app.view {
        View::Cards => {
            list::render(app, frame, regions.list);
            detail::render(app, frame, regions.detail);
        }
        View::People => {
            people::render_list(app, frame, regions.list);
            people::render_detail(app, frame, regions.detail);
        }
        View::Diagnostics => diagnostics::render(app, frame, regions.body),
        View::Flow => flow::render(app, frame, regions.body),
    }
    status::render(app, frame, regions.status);
    if app.help {
        help::render(app, frame, area);
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.ctx.lang);
    let text = format!("{} ({}x{})", t.too_small, area.width, area.height);
    notice(app, frame, area, text);
}

/// A message in place of a pane's content ("Ingen prosesser å vise."),
/// wrapped to the area, as much as fits.
pub fn notice(app: &App, frame: &mut Frame, area: Rect, text: String) {
    let lines: Vec<_> = wrap::wrap(&[(text, app.theme.notice)], area.width as usize)
        .into_iter()
        .take(area.height as usize)
        .map(wrap::to_line)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// One row of a list, `width` columns wide, after a two-column marker. The
/// selected row is marked `> ` and drawn reversed across the whole width, so
/// the selection shows without colour too (the `NO_COLOR` contract).
pub fn row(
    app: &App,
    segments: Vec<wrap::Segment>,
    selected: bool,
    width: usize,
) -> Vec<wrap::Segment> {
    let theme = &app.theme;
    let marker = if selected { "> " } else { "  " };
    let mut line = vec![(marker.to_owned(), theme.card_title)];
    line.extend(segments);
    if selected {
        let line = line
            .into_iter()
            .map(|(t, s)| (t, s.patch(theme.selected)))
            .collect();
        wrap::fill(line, width, theme.selected)
    } else {
        wrap::truncate(line, width)
    }
}

/// A scrolled pane's content: of `total` lines, those that fit in `area`
/// from `scroll` on (held within what there is), made by `lines` for that
/// range only; and a scrollbar on `border` when they overflow.
pub fn scrolled_lines(
    frame: &mut Frame,
    border: Rect,
    area: Rect,
    total: usize,
    scroll: usize,
    lines: impl FnOnce(std::ops::Range<usize>) -> Vec<Line<'static>>,
) {
    let height = area.height as usize;
    let scroll = scroll.min(total.saturating_sub(height));
    let shown = lines(scroll..(scroll + height).min(total));
    frame.render_widget(Paragraph::new(shown), area);
    scrollbar(frame, border, total, height, scroll);
}

/// Laid-out text in semantic inks, styled by the theme.
pub fn inked(
    theme: &super::theme::Theme,
    segments: Vec<wrap::Segment<super::theme::Ink>>,
) -> Line<'static> {
    Line::from(
        segments
            .into_iter()
            .map(|(t, ink)| ratatui::text::Span::styled(t, theme.ink(ink)))
            .collect::<Vec<_>>(),
    )
}

/// A pane's border: thick and coloured when it has the focus, so focus shows
/// with or without colour.
pub fn pane(app: &App, title: &str, focused: bool) -> Block<'static> {
    let (style, kind) = if focused {
        (app.theme.border_focus, BorderType::Thick)
    } else {
        (app.theme.border, BorderType::Plain)
    };
    let title_style = if focused {
        app.theme.view_name
    } else {
        app.theme.title
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(ratatui::text::Span::styled(
            format!(" {title} "),
            title_style,
        ))
}

/// A scrollbar on the right border of `area` when `total` lines overflow `shown`.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, shown: usize, offset: usize) {
    if total <= shown || area.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(shown)).position(offset);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        area.inner(ratatui::layout::Margin::new(0, 1)),
        &mut state,
    );
}

/// Where the current query matches card `id`, for highlighting.
pub fn matches(app: &App, id: crate::CardId) -> Vec<crate::query::Match> {
    app.ctx.matches(app.query.as_ref(), id)
}

/// The byte ranges of `field` among `matches`.
pub fn ranges_of(
    matches: &[crate::query::Match],
    field: crate::Field,
) -> Vec<std::ops::Range<usize>> {
    matches
        .iter()
        .filter(|m| m.field == field)
        .map(|m| m.range.clone())
        .collect()
}
