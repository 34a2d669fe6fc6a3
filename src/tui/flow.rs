//! The flow view: one document's processes as chains (`A → B → C`), then the
//! cards fed by several (`X ← a, b, c`), then the cards with no link, from
//! [`crate::flow::layout`]. A cursor moves over the cards; Enter shows
//! the card in the list. Under it, the card's links in a line.

use crate::CardId;
use crate::flow::Endpoint;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::app::{App, FlowView};
use super::render;
use super::wrap::{self, Segment};
use crate::i18n::words;

/// What a piece of the diagram is; its style is chosen only when drawn, so
/// the layout can be worked out in `update` (to keep the cursor in view).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A card (its index in `items`, if it is one the cursor can visit) or an
    /// external process.
    Name {
        item: Option<usize>,
        external: bool,
    },
    Separator,
    Heading,
    Notice,
    Indent,
}

/// A line of the diagram, as text pieces and their kinds, and the cards
/// (indexes into `items`) on it.
type FlowRow = (Vec<(String, Kind)>, Vec<usize>);

/// Rows under the diagram when the pane is tall enough.
const FOOTER_MIN_HEIGHT: u16 = 10;

struct Token {
    text: String,
    kind: Kind,
    /// A line may break before it.
    breakable: bool,
}

fn style(app: &App, view: &FlowView, kind: Kind) -> Style {
    let theme = &app.theme;
    match kind {
        Kind::Name { item: Some(i), .. } if i == view.cursor => {
            theme.card_title.patch(theme.selected)
        }
        Kind::Name { external: true, .. } | Kind::Separator => theme.dim,
        Kind::Name { .. } => theme.card_title,
        Kind::Heading => theme.label,
        Kind::Notice => theme.notice,
        Kind::Indent => Style::default(),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let Some(view) = app.flow_view.as_ref() else {
        return;
    };
    // With several documents, say whose flow this is.
    let title = match app.ctx.handbook.documents.get(view.document as usize) {
        Some(doc) if app.ctx.grouped => format!(
            "{}: {}",
            t.flow,
            wrap::clean_line(doc.title().unwrap_or(&doc.path))
        ),
        _ => t.flow.to_owned(),
    };
    let block = render::pane(app, &title, true).padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let width = inner.width as usize;
    let footer = footer_lines(app, view, width);
    let (diagram_height, footer_height) = split(inner, footer.len());
    let lines = diagram_rows(app, view, width);
    let offset = view.offset.min(lines.len().saturating_sub(diagram_height));
    let shown: Vec<_> = lines
        .iter()
        .skip(offset)
        .take(diagram_height)
        .map(|(pieces, _)| {
            let segments: Vec<Segment> = pieces
                .iter()
                .map(|(text, kind)| (text.clone(), style(app, view, *kind)))
                .collect();
            wrap::to_line(wrap::truncate(segments, width))
        })
        .collect();
    let diagram = Rect::new(inner.x, inner.y, inner.width, diagram_height as u16);
    frame.render_widget(Paragraph::new(shown), diagram);
    render::scrollbar(frame, area, lines.len(), diagram_height, offset);
    if footer_height > 0 {
        let mut out = vec![wrap::to_line(vec![("─".repeat(width), theme.dim)])];
        out.extend(
            footer
                .into_iter()
                .take(footer_height - 1)
                .map(wrap::to_line),
        );
        let rect = Rect::new(
            inner.x,
            inner.bottom() - footer_height as u16,
            inner.width,
            footer_height as u16,
        );
        frame.render_widget(Paragraph::new(out), rect);
    }
}

/// Rows for the diagram and for the footer (separator included).
fn split(inner: Rect, footer_lines: usize) -> (usize, usize) {
    let h = inner.height as usize;
    if inner.height < FOOTER_MIN_HEIGHT {
        return (h, 0);
    }
    let footer = (footer_lines + 1).min(h / 3);
    (h - footer, footer)
}

/// The line the cursor is on and the diagram's height, for scrolling.
pub fn cursor_line(app: &App, inner: Rect) -> (usize, usize) {
    let Some(view) = app.flow_view.as_ref() else {
        return (0, 1);
    };
    let width = inner.width.saturating_sub(2) as usize;
    let footer = footer_lines(app, view, width).len();
    let (height, _) = split(inner, footer);
    let line = diagram_rows(app, view, width)
        .iter()
        .position(|(_, items)| items.contains(&view.cursor))
        .unwrap_or(0);
    (line, height.max(1))
}

/// The diagram, wrapped to `width`: layout only, no styles.
fn diagram_rows(app: &App, view: &FlowView, width: usize) -> Vec<FlowRow> {
    let t = words(app.ctx.lang);
    let mut out: Vec<FlowRow> = Vec::new();
    if width == 0 {
        return out;
    }
    let name = |e: &Endpoint| -> Token {
        let item = match e {
            Endpoint::Card(id) => view.items.iter().position(|i| i == id),
            Endpoint::External(_) => None,
        };
        Token {
            text: app.ctx.endpoint_name(e),
            kind: Kind::Name {
                item,
                external: matches!(e, Endpoint::External(_)),
            },
            breakable: true,
        }
    };
    let sep = |text: &str| Token {
        text: text.to_owned(),
        kind: Kind::Separator,
        breakable: false,
    };
    let heading = |out: &mut Vec<FlowRow>, text: &str| {
        if !out.is_empty() {
            out.push((Vec::new(), Vec::new()));
        }
        out.push((vec![(text.to_owned(), Kind::Heading)], Vec::new()));
    };
    let layout = &view.layout;
    if layout.chains.is_empty() && layout.feeds.is_empty() {
        // Wrapping looks at the text alone; the style is chosen when drawn.
        for line in wrap::wrap(&[(t.no_links.to_owned(), Style::default())], width) {
            let pieces = line
                .into_iter()
                .map(|(text, _)| (text, Kind::Notice))
                .collect();
            out.push((pieces, Vec::new()));
        }
    }
    if !layout.chains.is_empty() {
        heading(&mut out, t.chains);
        for chain in &layout.chains {
            let mut tokens = Vec::new();
            for (i, e) in chain.iter().enumerate() {
                if i > 0 {
                    tokens.push(sep(" →"));
                    tokens.push(sep(" "));
                }
                tokens.push(name(e));
            }
            out.extend(wrap_tokens(tokens, width));
        }
    }
    if !layout.feeds.is_empty() {
        heading(&mut out, t.feeds);
        for (target, sources) in &layout.feeds {
            let mut tokens = vec![name(target), sep(" ←"), sep(" ")];
            for (i, e) in sources.iter().enumerate() {
                if i > 0 {
                    tokens.push(sep(","));
                    tokens.push(sep(" "));
                }
                tokens.push(name(e));
            }
            out.extend(wrap_tokens(tokens, width));
        }
    }
    if !layout.unlinked.is_empty() {
        heading(&mut out, t.unlinked);
        let mut tokens = Vec::new();
        for (i, id) in layout.unlinked.iter().enumerate() {
            if i > 0 {
                tokens.push(sep(","));
                tokens.push(sep(" "));
            }
            tokens.push(name(&Endpoint::Card(*id)));
        }
        out.extend(wrap_tokens(tokens, width));
    }
    out
}

/// Tokens in lines indented by two, continued lines by four; a line breaks
/// only before a name, so an arrow stays with the name before it. A line
/// longer than `width` (one very long name) is cut when drawn.
fn wrap_tokens(tokens: Vec<Token>, width: usize) -> Vec<FlowRow> {
    let mut out: Vec<FlowRow> = Vec::new();
    let indent = |n: usize| (" ".repeat(n.min(width.saturating_sub(1))), Kind::Indent);
    let mut line: Vec<(String, Kind)> = vec![indent(2)];
    let mut items: Vec<usize> = Vec::new();
    let mut used = wrap::width(&line[0].0);
    let mut fresh = true;
    // Trailing spaces are dropped when a line breaks.
    let mut pending_space: Option<(String, Kind)> = None;
    for token in tokens {
        let w = wrap::width(&token.text);
        if token.text.trim().is_empty() {
            pending_space = Some((token.text, token.kind));
            continue;
        }
        let space = pending_space.take();
        let space_w = space.as_ref().map_or(0, |(s, _)| wrap::width(s));
        if token.breakable && !fresh && used + space_w + w > width {
            out.push((std::mem::take(&mut line), std::mem::take(&mut items)));
            line.push(indent(4));
            used = wrap::width(&line[0].0);
        } else if let Some(space) = space {
            used += space_w;
            line.push(space);
        }
        used += w;
        if let Kind::Name { item: Some(i), .. } = token.kind {
            items.push(i);
        }
        line.push((token.text, token.kind));
        fresh = false;
    }
    if !fresh {
        out.push((line, items));
    }
    out
}

fn footer_lines(app: &App, view: &FlowView, width: usize) -> Vec<Vec<Segment>> {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    if let Some(&id) = view.items.get(view.cursor) {
        out.extend(wrap::wrap(&links_summary(app, id), width));
    }
    out.extend(wrap::wrap(&[(t.flow_keys.to_owned(), theme.dim)], width));
    out
}

/// `Behov: Mottar fra Portefølje (ekstern) · Leverer til Release, Utvikling`.
fn links_summary(app: &App, id: CardId) -> Vec<Segment> {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let links = app.ctx.links(id);
    let mut segs = vec![(format!("{}: ", app.ctx.card_title(id)), theme.title)];
    for (upstream, label) in [(true, t.receives), (false, t.delivers)] {
        if !upstream {
            segs.push((" · ".to_owned(), theme.dim));
        }
        let names: Vec<String> = links
            .iter()
            .filter(|l| l.upstream == upstream)
            .map(|l| app.ctx.endpoint_name(l.other))
            .collect();
        segs.push((format!("{label} "), theme.label));
        if names.is_empty() {
            segs.push((t.none.to_owned(), theme.unset));
        } else {
            segs.push((names.join(", "), theme.value));
        }
    }
    segs
}
