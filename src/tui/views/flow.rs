//! The flow view: one document's processes as chains (`A → B → C`), then the
//! cards fed by several (`X ← a, b, c`), then the cards with no link, from
//! [`crate::flow::layout`]. A cursor moves over the cards; Enter shows
//! the card in the list. Under it, the card's links in a line.
//!
//! The document's layout is worked out once, when the view opens; the
//! diagram is wrapped once per width; a key only moves the cursor.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::CardId;
use crate::flow::{Endpoint, Layout};

use super::{Effect, follow, scrolled};
use crate::tui::context::Context;
use crate::tui::keymap::Action;
use crate::tui::theme::{Ink, Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

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

/// The flow of one document and a cursor over its cards.
pub struct FlowView {
    pub document: u32,
    /// The flow is still being worked out (a big page): drawn empty, and
    /// opened again when it is in.
    pub pending: bool,
    layout: Layout,
    /// Each card of the layout once, in reading order.
    pub items: Vec<CardId>,
    pub cursor: usize,
    /// First line of the diagram drawn.
    pub offset: usize,
    /// The diagram wrapped for a width: (width, rows).
    diagram: Option<(usize, Vec<FlowRow>)>,
    pub model: FlowModel,
}

/// What the view draws: the diagram's lines on screen, and the footer.
#[derive(Debug, Default)]
pub struct FlowModel {
    pub pane: Pane,
    /// Rows of the inside the diagram takes.
    pub diagram_height: u16,
    /// The separator and the cursor's card's links, as many lines as fit.
    pub footer: Vec<InkLine>,
}

impl FlowView {
    /// Document `document`'s flow, the cursor on `card` if it is there.
    pub fn open(ctx: &Context, document: u32, card: Option<CardId>) -> FlowView {
        let flowed = ctx.flowed(document);
        let pending = flowed.is_none();
        let layout = flowed.map_or_else(
            || Layout {
                chains: Vec::new(),
                feeds: Vec::new(),
                unlinked: Vec::new(),
            },
            |f| f.layout.clone(),
        );
        let mut items: Vec<CardId> = Vec::new();
        let mut add = |e: &Endpoint| {
            if let Endpoint::Card(id) = e
                && !items.contains(id)
            {
                items.push(*id);
            }
        };
        for chain in &layout.chains {
            chain.iter().for_each(&mut add);
        }
        for (target, sources) in &layout.feeds {
            add(target);
            sources.iter().for_each(&mut add);
        }
        for id in &layout.unlinked {
            add(&Endpoint::Card(*id));
        }
        let cursor = card
            .and_then(|id| items.iter().position(|i| *i == id))
            .unwrap_or(0);
        FlowView {
            document,
            pending,
            layout,
            items,
            cursor,
            offset: 0,
            diagram: None,
            model: FlowModel::default(),
        }
    }

    /// The card the cursor is on.
    pub fn card(&self) -> Option<CardId> {
        self.items.get(self.cursor).copied()
    }

    /// Put the cursor on `card`, if it is in the flow.
    pub fn point_at(&mut self, card: CardId) {
        if let Some(i) = self.items.iter().position(|c| *c == card) {
            self.cursor = i;
        }
    }

    /// Keys over the view drawn in `body`.
    pub fn update(&mut self, action: Action, ctx: &Context, body: Rect) -> Effect {
        let last = self.items.len().saturating_sub(1);
        let effect = match action {
            _ if action.is_movement() => {
                self.cursor = scrolled(self.cursor, action, 5).min(last);
                Effect::None
            }
            Action::WheelDown(..) => {
                self.cursor = (self.cursor + 1).min(last);
                Effect::None
            }
            Action::WheelUp(..) => {
                self.cursor = self.cursor.saturating_sub(1);
                Effect::None
            }
            Action::Open => self.card().map_or(Effect::None, Effect::Jump),
            Action::Back => Effect::Close,
            _ => Effect::None,
        };
        self.follow_cursor(ctx, body);
        effect
    }

    /// Scroll the diagram, drawn in `body`, so the cursor's line is on screen.
    pub fn follow_cursor(&mut self, ctx: &Context, body: Rect) {
        let inner = Pane::inner(true, body);
        let width = inner.width as usize;
        let footer = self.footer_lines(ctx, width).len();
        let (height, _) = split(inner, footer);
        let cursor = self.cursor;
        let line = self
            .rows(ctx, width)
            .iter()
            .position(|(_, items)| items.contains(&cursor))
            .unwrap_or(0);
        self.offset = follow(self.offset, line, height.max(1));
    }

    /// The diagram wrapped to `width`, wrapped again only for another width.
    fn rows(&mut self, ctx: &Context, width: usize) -> &[FlowRow] {
        if self.diagram.as_ref().is_none_or(|(w, _)| *w != width) {
            let rows = diagram_rows(ctx, &self.layout, &self.items, width);
            self.diagram = Some((width, rows));
        }
        self.diagram
            .as_ref()
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// The lines on screen in the view drawn in `body`.
    pub fn layout(&mut self, ctx: &Context, body: Rect, grouped: bool) {
        let t = ctx.words();
        // With several documents, say whose flow this is.
        let title = match ctx.handbook.documents.get(self.document as usize) {
            Some(doc) if grouped => format!("{}: {}", t.flow, wrap::clean_line(&doc.heading())),
            _ => t.flow.to_owned(),
        };
        let mut pane = Pane::new(&title, true, true);
        let inner = Pane::inner(true, body);
        let width = inner.width as usize;
        let footer = self.footer_lines(ctx, width);
        let (diagram_height, footer_height) = split(inner, footer.len());
        let (cursor, offset) = (self.cursor, self.offset);
        let rows = self.rows(ctx, width);
        let offset = offset.min(rows.len().saturating_sub(diagram_height));
        pane.lines = rows
            .iter()
            .skip(offset)
            .take(diagram_height)
            .map(|(pieces, _)| {
                let segments: InkLine = pieces
                    .iter()
                    .map(|(text, kind)| (text.clone(), ink(*kind, cursor)))
                    .collect();
                wrap::truncate(segments, width)
            })
            .collect();
        pane.total = rows.len();
        pane.shown = diagram_height;
        pane.offset = offset;
        let mut lines = Vec::new();
        if footer_height > 0 {
            lines.push(vec![("─".repeat(width), Role::Dim.into())]);
            lines.extend(footer.into_iter().take(footer_height - 1));
        }
        self.model = FlowModel {
            pane,
            diagram_height: diagram_height as u16,
            footer: lines,
        };
    }

    fn footer_lines(&self, ctx: &Context, width: usize) -> Vec<InkLine> {
        let t = ctx.words();
        let mut out = Vec::new();
        if width == 0 {
            return out;
        }
        if let Some(id) = self.card() {
            out.extend(wrap::wrap(&links_summary(ctx, id), width));
        }
        out.extend(wrap::wrap(
            &[(t.flow_keys.to_owned(), Role::Dim.into())],
            width,
        ));
        out
    }
}

pub fn render(model: &FlowModel, theme: &Theme, frame: &mut Frame, area: Rect) {
    let pane = &model.pane;
    let inner = widgets::frame_pane(frame, area, theme, &pane.title, pane.focused, pane.padded);
    if inner.is_empty() {
        return;
    }
    let diagram = Rect::new(inner.x, inner.y, inner.width, model.diagram_height);
    widgets::draw_lines(frame, diagram, &pane.lines, theme);
    widgets::scrollbar(frame, area, pane.total, pane.shown, pane.offset);
    widgets::draw_footer(frame, inner, &model.footer, theme);
}

/// How a piece of the diagram is drawn, the cursor's card selected.
fn ink(kind: Kind, cursor: usize) -> Ink {
    match kind {
        Kind::Name { item: Some(i), .. } if i == cursor => Ink::of(Role::CardTitle).chosen(),
        Kind::Name { external: true, .. } | Kind::Separator => Role::Dim.into(),
        Kind::Name { .. } => Role::CardTitle.into(),
        Kind::Heading => Role::Label.into(),
        Kind::Notice => Role::Notice.into(),
        Kind::Indent => Role::Plain.into(),
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

/// The diagram, wrapped to `width`: layout only, no styles.
fn diagram_rows(ctx: &Context, layout: &Layout, items: &[CardId], width: usize) -> Vec<FlowRow> {
    let t = ctx.words();
    let mut out: Vec<FlowRow> = Vec::new();
    if width == 0 {
        return out;
    }
    let name = |e: &Endpoint| -> Token {
        let item = match e {
            Endpoint::Card(id) => items.iter().position(|i| i == id),
            Endpoint::External(_) => None,
        };
        Token {
            text: ctx.endpoint_name(e),
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
    if layout.chains.is_empty() && layout.feeds.is_empty() {
        // Wrapping looks at the text alone; the style is chosen when drawn.
        for line in wrap::wrap(&[(t.no_links.to_owned(), Ink::default())], width) {
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

/// `Behov: Mottar fra Portefølje (ekstern) · Leverer til Release, Utvikling`.
fn links_summary(ctx: &Context, id: CardId) -> InkLine {
    let t = ctx.words();
    let links = ctx.links(id);
    let mut segs: InkLine = vec![(format!("{}: ", ctx.card_title(id)), Role::Title.into())];
    for (upstream, label) in [(true, t.receives), (false, t.delivers)] {
        if !upstream {
            segs.push((" · ".to_owned(), Role::Dim.into()));
        }
        let names: Vec<String> = links
            .iter()
            .filter(|l| l.upstream == upstream)
            .map(|l| ctx.endpoint_name(l.other))
            .collect();
        segs.push((format!("{label} "), Role::Label.into()));
        if names.is_empty() {
            segs.push((t.none.to_owned(), Role::Unset.into()));
        } else {
            segs.push((names.join(", "), Role::Value.into()));
        }
    }
    segs
}
