//! The pieces every view draws with: a bordered pane of laid-out lines with
//! its scrollbar, a list row with its selection marker, a notice in place
//! of content. Laying out (in `update`) works in semantic [`Ink`]s; drawing
//! styles them with the theme.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::theme::{Ink, Role, Theme};
use super::wrap::{self, Segment};

/// A line laid out for the screen, in semantic inks.
pub type InkLine = Vec<Segment<Ink>>;

/// A bordered pane as `update` laid it out: what [`draw_pane`] draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pane {
    pub title: String,
    /// It has the keys: a thick, coloured border.
    pub focused: bool,
    /// One column of padding inside the border, left and right.
    pub padded: bool,
    /// The lines on screen, from the top of the pane's inside.
    pub lines: Vec<InkLine>,
    /// For the scrollbar: of `total` lines (or rows), `shown` fit and the
    /// first shown is `offset`. No scrollbar when they all fit.
    pub total: usize,
    pub shown: usize,
    pub offset: usize,
}

impl Pane {
    pub fn new(title: &str, focused: bool, padded: bool) -> Pane {
        Pane {
            title: title.to_owned(),
            focused,
            padded,
            ..Pane::default()
        }
    }

    /// The inside of a pane drawn in `area`.
    pub fn inner(padded: bool, area: Rect) -> Rect {
        area.inner(if padded {
            Margin::new(2, 1)
        } else {
            Margin::new(1, 1)
        })
    }

    /// A message in place of content ("Ingen prosesser å vise."), wrapped
    /// to the inside, as much as fits.
    pub fn notice(mut self, text: String, inner: Rect) -> Pane {
        self.lines = notice(text, inner);
        self
    }

    /// Of `all` lines, those that fit in `inner` from `scroll` on (held
    /// within what there is), and a scrollbar when they overflow.
    pub fn scrolled(mut self, all: &[InkLine], scroll: usize, inner: Rect) -> Pane {
        let height = inner.height as usize;
        let scroll = scroll.min(all.len().saturating_sub(height));
        self.lines = all[scroll..(scroll + height).min(all.len())].to_vec();
        self.total = all.len();
        self.shown = height;
        self.offset = scroll;
        self
    }
}

/// `text` wrapped to `area` as a notice, as many lines as fit.
pub fn notice(text: String, area: Rect) -> Vec<InkLine> {
    wrap::wrap(&[(text, Role::Notice.into())], area.width as usize)
        .into_iter()
        .take(area.height as usize)
        .collect()
}

/// Draw `pane` in `area`.
pub fn draw_pane(frame: &mut Frame, area: Rect, pane: &Pane, theme: &Theme) {
    let inner = frame_pane(frame, area, theme, &pane.title, pane.focused, pane.padded);
    if inner.is_empty() {
        return;
    }
    draw_lines(frame, inner, &pane.lines, theme);
    scrollbar(frame, area, pane.total, pane.shown, pane.offset);
}

/// A pane's border and title in `area`; returns the inside.
pub fn frame_pane(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &str,
    focused: bool,
    padded: bool,
) -> Rect {
    let mut block = border(theme, title, focused);
    if padded {
        block = block.padding(Padding::horizontal(1));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Laid-out lines, styled by the theme, from the top of `area`.
pub fn draw_lines(frame: &mut Frame, area: Rect, lines: &[InkLine], theme: &Theme) {
    let lines: Vec<Line> = lines.iter().map(|l| inked(theme, l)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Lines at the bottom of a pane's inside (the keys under a view).
pub fn draw_footer(frame: &mut Frame, inner: Rect, footer: &[InkLine], theme: &Theme) {
    if footer.is_empty() {
        return;
    }
    let height = (footer.len() as u16).min(inner.height);
    let rect = Rect::new(inner.x, inner.bottom() - height, inner.width, height);
    draw_lines(frame, rect, footer, theme);
}

/// A laid-out line in semantic inks, styled by the theme (the text borrowed
/// from the model, not copied).
pub fn inked<'a>(theme: &Theme, segments: &'a [Segment<Ink>]) -> Line<'a> {
    Line::from(
        segments
            .iter()
            .map(|(t, ink)| Span::styled(t.as_str(), theme.ink(*ink)))
            .collect::<Vec<_>>(),
    )
}

/// A pane's border: thick and coloured when it has the focus, so focus shows
/// with or without colour.
pub fn border(theme: &Theme, title: &str, focused: bool) -> Block<'static> {
    let (style, kind) = if focused {
        (theme.border_focus, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    let title_style = if focused {
        theme.view_name
    } else {
        theme.title
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), title_style))
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
        area.inner(Margin::new(0, 1)),
        &mut state,
    );
}

/// One row of a list, `width` columns wide, after a two-column marker. The
/// selected row is marked `> ` and drawn reversed across the whole width, so
/// the selection shows without colour too (the `NO_COLOR` contract).
pub fn row(segments: InkLine, selected: bool, width: usize) -> InkLine {
    let marker = if selected { "> " } else { "  " };
    let mut line = vec![(marker.to_owned(), Role::CardTitle.into())];
    line.extend(segments);
    if selected {
        let line = line.into_iter().map(|(t, i)| (t, i.chosen())).collect();
        wrap::fill(line, width, Ink::of(Role::Plain).chosen())
    } else {
        wrap::truncate(line, width)
    }
}
