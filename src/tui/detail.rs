//! The detail pane: one card's title, owner, leader, purpose, input, output,
//! any extra params and where it was written. A field that is absent and one
//! that is written empty both read "ikke satt", each saying which it is.

use prosesser::{Card, Field, ValueRef};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::app::{App, Focus};
use super::list::empty_message;
use super::render::{self, matches, ranges_of};
use super::texts::texts;
use super::wrap::{self, Segment};

/// A wrapped line, and whether it holds a search match.
pub type DetailLine = (Vec<Segment>, bool);

/// Below this many columns for the value, labels go on their own line.
const MIN_VALUE_WIDTH: usize = 16;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let t = texts(app.lang);
    let block = render::pane(app, t.detail, app.focus == Focus::Detail && !app.editing)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if app.current().is_none() {
        let message = if app.visible.is_empty() {
            empty_message(app)
        } else {
            t.no_selection.to_owned()
        };
        let lines: Vec<_> = wrap::wrap(&[(message, app.theme.notice)], inner.width as usize)
            .into_iter()
            .map(wrap::to_line)
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let lines = card_lines(app, inner.width as usize);
    let height = inner.height as usize;
    let total = lines.len();
    let scroll = app.detail_scroll.min(total.saturating_sub(height));
    let shown: Vec<_> = lines
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|(l, _)| wrap::to_line(l))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    render::scrollbar(frame, area, total, height, scroll);
}

/// The selected card as lines `width` columns wide.
pub fn card_lines(app: &App, width: usize) -> Vec<DetailLine> {
    let Some(id) = app.current() else {
        return Vec::new();
    };
    let Some(card) = app.handbook.card(id) else {
        return Vec::new();
    };
    if width == 0 {
        return Vec::new();
    }
    let t = texts(app.lang);
    let theme = &app.theme;
    let found = matches(app, id);
    let mut out = Lines::new(app, width);

    // The title, wrapped.
    let title_hl = theme.detail_title.patch(theme.matched);
    match card.field(Field::Title).filter(|s| !s.trim().is_empty()) {
        Some(title) => {
            let segs = wrap::highlight(
                &title,
                &ranges_of(&found, Field::Title),
                theme.detail_title,
                title_hl,
                wrap::clean_line,
            );
            for line in wrap::wrap(&segs, width) {
                let matched = line.iter().any(|(_, s)| *s == title_hl);
                out.lines.push((line, matched));
            }
        }
        None => out.push(vec![(t.untitled.to_owned(), theme.unset)]),
    }
    out.push(Vec::new());

    // The known fields, then any others, then where it was written.
    let extra: Vec<(&str, ValueRef)> = card.extra_params().collect();
    let labels: Vec<String> = Field::ALL[1..]
        .iter()
        .map(|f| app.lang.field_label(*f).to_owned())
        .chain(extra.iter().map(|(k, _)| wrap::clean_line(k)))
        .chain([
            t.source.to_owned(),
            t.receives.to_owned(),
            t.delivers.to_owned(),
        ])
        .collect();
    // Labels in a column as wide as the widest (within reason); on their own
    // lines when that would leave the values too little room.
    out.label_width = labels
        .iter()
        .map(|l| wrap::width(l))
        .max()
        .unwrap_or(0)
        .min(22)
        + 2;
    out.stacked = width < out.label_width + MIN_VALUE_WIDTH;

    for field in &Field::ALL[1..] {
        let value = field_value(app, card, *field, &ranges_of(&found, *field));
        out.labelled(app.lang.field_label(*field), value);
    }
    flow_lines(app, id, &mut out);
    for (key, value) in extra {
        let text = value.as_text();
        let segs = if text.trim().is_empty() {
            vec![(t.empty.to_owned(), theme.unset)]
        } else {
            vec![(wrap::clean(&text), theme.value)]
        };
        out.labelled(&wrap::clean_line(key), segs);
    }
    if let Some(positional) = &card.positional {
        for (i, value) in positional.iter().enumerate() {
            let label = format!("{} {}", t.positional, i + 1);
            out.labelled(&label, vec![(wrap::clean(&value.as_text()), theme.value)]);
        }
    }
    if let Some(inner) = card.inner.as_deref().filter(|s| !s.trim().is_empty()) {
        out.labelled(t.content, vec![(wrap::clean(inner.trim()), theme.value)]);
    }
    out.push(Vec::new());
    if let Some(doc) = app.handbook.document_of(id) {
        let source = format!("{}:{}", wrap::clean_line(&doc.path), card.line);
        out.labelled(t.source, vec![(source, theme.dim)]);
    }
    out.lines
}

/// "Mottar fra" and "Leverer til": each linked card with the digit that
/// follows it, external processes marked, and under each why it was drawn.
fn flow_lines(app: &App, id: prosesser::CardId, out: &mut Lines) {
    let t = texts(app.lang);
    let theme = &app.theme;
    let links = app.links(id);
    for (upstream, label) in [(true, t.receives), (false, t.delivers)] {
        let rows: Vec<_> = links.iter().filter(|l| l.upstream == upstream).collect();
        if rows.is_empty() {
            out.labelled(label, vec![(t.none.to_owned(), theme.unset)]);
        }
        for (i, link) in rows.into_iter().enumerate() {
            let mut segs = match link.number {
                Some(n) => vec![(format!("{n} "), theme.key)],
                None => vec![("  ".to_owned(), theme.dim)],
            };
            match link.other {
                prosesser::flow::Endpoint::Card(to) => {
                    segs.push((app.card_title(*to), theme.value));
                }
                prosesser::flow::Endpoint::External(name) => {
                    segs.push((wrap::clean_line(name), theme.value));
                    segs.push((format!(" {}", t.external), theme.dim));
                }
            }
            out.entry((i == 0).then_some(label), segs, 0);
            let why = prosesser::flow::explain_all(link.reasons, app.lang);
            out.entry(None, vec![(wrap::clean_line(&why), theme.dim)], 2);
        }
    }
}

/// A field's text with its matches highlighted, or "ikke satt (...)".
fn field_value(
    app: &App,
    card: &Card,
    field: Field,
    ranges: &[std::ops::Range<usize>],
) -> Vec<Segment> {
    let t = texts(app.lang);
    let theme = &app.theme;
    match card.field(field) {
        None => vec![(t.absent.to_owned(), theme.unset)],
        Some(text) if text.trim().is_empty() => vec![(t.empty.to_owned(), theme.unset)],
        Some(text) => wrap::highlight(
            &text,
            ranges,
            theme.value,
            theme.value.patch(theme.matched),
            wrap::clean,
        ),
    }
}

struct Lines {
    lines: Vec<DetailLine>,
    width: usize,
    label_width: usize,
    stacked: bool,
    label_style: Style,
    matched_style: Style,
}

impl Lines {
    fn new(app: &App, width: usize) -> Lines {
        Lines {
            lines: Vec::new(),
            width,
            label_width: 0,
            stacked: false,
            label_style: app.theme.label,
            matched_style: app.theme.value.patch(app.theme.matched),
        }
    }

    fn push(&mut self, line: Vec<Segment>) {
        self.lines.push((line, false));
    }

    /// `label  value`, the value wrapped with a hanging indent; or, when the
    /// pane is narrow, the label on its own line over the indented value.
    fn labelled(&mut self, label: &str, value: Vec<Segment>) {
        self.entry(Some(label), value, 0);
    }

    /// [`Lines::labelled`], or without a label a value under the one before,
    /// `extra` columns further in.
    fn entry(&mut self, label: Option<&str>, value: Vec<Segment>, extra: usize) {
        // A word too long for the value column (a path) gets the full width.
        let longest = value
            .iter()
            .flat_map(|(t, _)| t.split_whitespace())
            .map(wrap::width)
            .max()
            .unwrap_or(0);
        let stacked = self.stacked
            || (longest > self.width.saturating_sub(self.label_width)
                && longest <= self.width.saturating_sub(2));
        let (indent, first_prefix) = if stacked {
            if let Some(label) = label {
                self.push(wrap::truncate(
                    vec![(label.to_owned(), self.label_style)],
                    self.width,
                ));
            }
            ((2 + extra).min(self.width.saturating_sub(1)), None)
        } else {
            (
                (self.label_width + extra).min(self.width.saturating_sub(1)),
                label,
            )
        };
        let value_width = self.width.saturating_sub(indent).max(1);
        for (i, line) in wrap::wrap(&value, value_width).into_iter().enumerate() {
            let prefix = match (i, first_prefix) {
                (0, Some(label)) => wrap::fill(
                    vec![(label.to_owned(), self.label_style)],
                    indent.saturating_sub(1),
                    Style::default(),
                ),
                _ => Vec::new(),
            };
            let used: usize = prefix.iter().map(|(t, _)| wrap::width(t)).sum();
            let mut segs = prefix;
            segs.push((" ".repeat(indent.saturating_sub(used)), Style::default()));
            let matched = line.iter().any(|(_, s)| *s == self.matched_style);
            segs.extend(line);
            self.lines.push((wrap::truncate(segs, self.width), matched));
        }
    }
}
