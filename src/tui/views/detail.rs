//! The detail pane: one card's title, owner, leader, purpose, input, output,
//! any extra params and where it was written. A field that is absent and one
//! that is written empty both read "ikke satt", each saying which it is.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::query::Query;
use crate::{Card, CardId, Field, ValueRef};

use super::{ranges_of, scrolled};
use crate::tui::context::Context;
use crate::tui::keymap::Action;
use crate::tui::theme::{Ink, Role, Theme};
use crate::tui::widgets::{self, Pane};
use crate::tui::wrap::{self, Segment};

/// A wrapped line of the detail, in semantic inks (styled when drawn).
pub type DetailLine = Vec<Segment<Ink>>;

/// Whether a line holds text a search matched: known from the match ranges
/// the text was highlighted with, never from how it looks.
pub fn holds_match(line: &DetailLine) -> bool {
    line.iter().any(|(_, ink)| ink.matched)
}

/// Below this many columns for the value, labels go on their own line.
const MIN_VALUE_WIDTH: usize = 16;

/// The selected card's detail: where it is scrolled to, and its lines.
#[derive(Debug, Default)]
pub struct DetailView {
    /// First line shown.
    pub scroll: usize,
    /// The list's count of selection moves the scroll belongs to.
    seen: u64,
    /// The selected card laid out (kept current by `update`).
    pub layout: DetailModel,
    pub model: Pane,
}

impl DetailView {
    /// Scrolling, by keys over a page of the pane drawn in `area` or by the wheel.
    pub fn update(&mut self, action: Action, area: Rect) {
        let page = Pane::inner(true, area).height as usize;
        match action {
            _ if action.is_movement() => self.scroll = scrolled(self.scroll, action, page),
            Action::WheelDown(..) => self.scroll += super::WHEEL,
            Action::WheelUp(..) => self.scroll = self.scroll.saturating_sub(super::WHEEL),
            _ => {}
        }
    }

    /// Follow the list: a card the selection moved to starts at its top.
    pub fn follow(&mut self, moved: u64) {
        if moved != self.seen {
            self.seen = moved;
            self.scroll = 0;
        }
    }

    /// Lay `card` out again for the pane drawn in `area` when what it shows has changed.
    pub fn refresh(
        &mut self,
        ctx: &Context,
        card: Option<CardId>,
        query: Option<&Query>,
        area: Rect,
    ) {
        let width = Pane::inner(true, area).width as usize;
        let key = DetailKey::of(ctx, card, query, width);
        if !self.layout.is_for(&key) {
            self.layout = DetailModel::build(ctx, card, query, width);
        }
    }

    /// The line above the first that holds a match (`n` lands there).
    pub fn scroll_to_match(&mut self) {
        self.scroll = self.layout.first_match.unwrap_or(0).saturating_sub(1);
    }

    /// Hold the scroll within the lines of the pane drawn in `area`.
    pub fn clamp(&mut self, area: Rect) {
        let height = Pane::inner(true, area).height as usize;
        self.scroll = self
            .scroll
            .min(self.layout.lines.len().saturating_sub(height));
    }

    /// The pane for `area`: the lines from the scroll on, or `nothing` when
    /// no card is selected.
    pub fn layout(&mut self, ctx: &Context, area: Rect, focused: bool, nothing: Option<String>) {
        let pane = Pane::new(ctx.words().detail, focused, true);
        let inner = Pane::inner(true, area);
        self.model = match nothing {
            Some(text) => pane.notice(text, inner),
            None => pane.scrolled(&self.layout.lines, self.scroll, inner),
        };
    }
}

pub fn render(model: &Pane, theme: &Theme, frame: &mut Frame, area: Rect) {
    widgets::draw_pane(frame, area, model, theme);
}

/// What the detail's layout depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailKey {
    card: Option<crate::CardId>,
    width: usize,
    query: Option<String>,
    lang: crate::i18n::Lang,
    /// Counts the handbooks read (a reload lays everything out again).
    generation: u64,
}

impl DetailKey {
    pub fn of(
        ctx: &Context,
        card: Option<CardId>,
        query: Option<&Query>,
        width: usize,
    ) -> DetailKey {
        DetailKey {
            card,
            width,
            query: query.map(|q| q.source().to_owned()),
            lang: ctx.lang,
            generation: ctx.generation,
        }
    }
}

/// The selected card laid out for the detail pane: its lines in semantic
/// inks, and the first that holds a search match. Built by `update` when the
/// card, the query or the pane's width changes; drawing only styles it.
#[derive(Debug, Default)]
pub struct DetailModel {
    key: Option<DetailKey>,
    pub lines: Vec<DetailLine>,
    pub first_match: Option<usize>,
}

impl DetailModel {
    pub fn build(
        ctx: &Context,
        card: Option<CardId>,
        query: Option<&Query>,
        width: usize,
    ) -> DetailModel {
        let lines = card_lines(ctx, card, query, width);
        DetailModel {
            key: Some(DetailKey::of(ctx, card, query, width)),
            first_match: lines.iter().position(holds_match),
            lines,
        }
    }

    pub fn is_for(&self, key: &DetailKey) -> bool {
        self.key.as_ref() == Some(key)
    }
}

/// Card `card` as lines `width` columns wide, `query`'s matches highlighted.
pub fn card_lines(
    ctx: &Context,
    card: Option<CardId>,
    query: Option<&Query>,
    width: usize,
) -> Vec<DetailLine> {
    let Some(id) = card else {
        return Vec::new();
    };
    let Some(card) = ctx.handbook.card(id) else {
        return Vec::new();
    };
    if width == 0 {
        return Vec::new();
    }
    let t = ctx.words();
    let found = ctx.matches(query, id);
    let mut out = Lines::new(width);

    // The title, wrapped.
    match card.field(Field::Title).filter(|s| !s.trim().is_empty()) {
        Some(title) => {
            let title_ink = Ink::of(Role::DetailTitle);
            let segs = wrap::highlight(
                &title,
                &ranges_of(&found, Field::Title),
                title_ink,
                title_ink.hit(),
                wrap::clean_line,
            );
            out.lines.extend(wrap::wrap(&segs, width));
        }
        None => out.push(vec![(t.untitled.to_owned(), Role::Unset.into())]),
    }
    let unpublished = ctx
        .handbook
        .document_of(id)
        .and_then(|d| t.unpublished(&d.publication));
    if let Some(why) = unpublished {
        let note = format!("[{why}] {}", t.unpublished_note);
        out.lines
            .extend(wrap::wrap(&[(note, Role::Warning.into())], width));
    }
    out.push(Vec::new());

    // The known fields, then any others, then where it was written.
    let extra: Vec<(&str, ValueRef)> = card.extra_params().collect();
    let fields = shown_fields(card);
    let labels: Vec<String> = fields
        .iter()
        .map(|f| ctx.lang.field_label(*f).to_owned())
        .chain(extra.iter().map(|(k, _)| wrap::clean_line(k)))
        .chain([
            t.source.to_owned(),
            t.receives.to_owned(),
            t.delivers.to_owned(),
        ])
        .collect();
    out.set_labels(&labels);

    for field in &fields {
        let value = field_value(ctx, card, *field, &ranges_of(&found, *field));
        out.labelled(ctx.lang.field_label(*field), value);
    }
    flow_lines(ctx, id, &mut out);
    other_params(ctx, card, &mut out);
    if let Some(inner) = card.inner().filter(|s| !s.trim().is_empty()) {
        out.labelled(
            t.content,
            vec![(wrap::clean(inner.trim()), Role::Value.into())],
        );
    }
    out.push(Vec::new());
    if let Some(doc) = ctx.handbook.document_of(id) {
        let source = format!("{}:{}", wrap::clean_line(&doc.path), card.line);
        // Which card shortcode it is, quietly: it matters on sites with several.
        let shortcode = format!("  {}", wrap::clean_line(&card.shortcode));
        out.labelled(
            t.source,
            vec![(source, Role::Dim.into()), (shortcode, Role::Dim.into())],
        );
    }
    out.lines
}

/// A card not in the handbook now (a version from the history): its title,
/// fields, other params and `source`, as the detail pane shows a card, without
/// links (they are the handbook's of today).
pub fn card_as_written(
    ctx: &Context,
    card: &Card,
    source: String,
    width: usize,
) -> Vec<DetailLine> {
    if width == 0 {
        return Vec::new();
    }
    let t = ctx.words();
    let mut out = Lines::new(width);
    match card.field(Field::Title).filter(|s| !s.trim().is_empty()) {
        Some(title) => out.lines.extend(wrap::wrap(
            &[(wrap::clean_line(&title), Role::DetailTitle.into())],
            width,
        )),
        None => out.push(vec![(t.untitled.to_owned(), Role::Unset.into())]),
    }
    out.push(Vec::new());
    let fields = shown_fields(card);
    let labels: Vec<String> = fields
        .iter()
        .map(|f| ctx.lang.field_label(*f).to_owned())
        .chain(card.extra_params().map(|(k, _)| wrap::clean_line(k)))
        .chain([t.source.to_owned()])
        .collect();
    out.set_labels(&labels);
    for field in &fields {
        out.labelled(
            ctx.lang.field_label(*field),
            field_value(ctx, card, *field, &[]),
        );
    }
    other_params(ctx, card, &mut out);
    out.push(Vec::new());
    out.labelled(
        t.source,
        vec![(wrap::clean_line(&source), Role::Dim.into())],
    );
    out.lines
}

/// The params beyond the known fields, then a positional call's values.
/// The fields a card's detail lists after its title: every known one, but
/// `effect` only on the cards that have one.
fn shown_fields(card: &Card) -> Vec<Field> {
    Field::ALL[1..]
        .iter()
        .copied()
        .filter(|f| !f.shown_only_when_set() || card.field(*f).is_some())
        .collect()
}

fn other_params(ctx: &Context, card: &Card, out: &mut Lines) {
    let t = ctx.words();
    for (key, value) in card.extra_params() {
        let text = value.as_text();
        let segs = if text.trim().is_empty() {
            vec![(t.not_set_empty(), Role::Unset.into())]
        } else {
            vec![(wrap::clean(&text), Role::Value.into())]
        };
        out.labelled(&wrap::clean_line(key), segs);
    }
    if let Some(positional) = card.positional() {
        for (i, value) in positional.iter().enumerate() {
            let label = format!("{} {}", t.positional, i + 1);
            out.labelled(
                &label,
                vec![(wrap::clean(&value.as_text()), Role::Value.into())],
            );
        }
    }
}

/// "Mottar fra" and "Leverer til": each linked card with the digit that
/// follows it, external processes marked, and under each why it was drawn.
fn flow_lines(ctx: &Context, id: CardId, out: &mut Lines) {
    let t = ctx.words();
    if ctx.flow_of(id.document).is_none() {
        out.labelled(
            t.receives,
            vec![(t.flow_pending.to_owned(), Role::Dim.into())],
        );
        return;
    }
    let links = ctx.links(id);
    for (upstream, label) in [(true, t.receives), (false, t.delivers)] {
        let rows: Vec<_> = links.iter().filter(|l| l.upstream == upstream).collect();
        if rows.is_empty() {
            out.labelled(label, vec![(t.none.to_owned(), Role::Unset.into())]);
        }
        for (i, link) in rows.into_iter().enumerate() {
            let mut segs: Vec<Segment<Ink>> = match link.number {
                Some(n) => vec![(format!("{n} "), Role::Key.into())],
                None => vec![("  ".to_owned(), Role::Dim.into())],
            };
            match link.other {
                crate::flow::Endpoint::Card(to) => {
                    segs.push((ctx.card_title(*to), Role::Value.into()));
                }
                crate::flow::Endpoint::External(name) => {
                    segs.push((wrap::clean_line(name), Role::Value.into()));
                    segs.push((format!(" {}", t.external), Role::Dim.into()));
                }
            }
            out.entry((i == 0).then_some(label), segs, 0);
            let why = t.reasons(link.reasons);
            out.entry(None, vec![(wrap::clean_line(&why), Role::Dim.into())], 2);
        }
    }
}

/// A field's text with its matches highlighted, or "ikke satt (...)".
fn field_value(
    ctx: &Context,
    card: &Card,
    field: Field,
    ranges: &[std::ops::Range<usize>],
) -> Vec<Segment<Ink>> {
    let t = ctx.words();
    let value = Ink::of(Role::Value);
    match card.field(field) {
        None => vec![(t.not_set_missing(), Role::Unset.into())],
        Some(text) if text.trim().is_empty() => vec![(t.not_set_empty(), Role::Unset.into())],
        Some(text) => wrap::highlight(&text, ranges, value, value.hit(), wrap::clean),
    }
}

struct Lines {
    lines: Vec<DetailLine>,
    width: usize,
    label_width: usize,
    stacked: bool,
}

impl Lines {
    fn new(width: usize) -> Lines {
        Lines {
            lines: Vec::new(),
            width,
            label_width: 0,
            stacked: false,
        }
    }

    /// Labels in a column as wide as the widest (within reason); on their
    /// own lines when that would leave the values too little room.
    fn set_labels(&mut self, labels: &[String]) {
        self.label_width = labels
            .iter()
            .map(|l| wrap::width(l))
            .max()
            .unwrap_or(0)
            .min(22)
            + 2;
        self.stacked = self.width < self.label_width + MIN_VALUE_WIDTH;
    }

    fn push(&mut self, line: DetailLine) {
        self.lines.push(line);
    }

    /// `label  value`, the value wrapped with a hanging indent; or, when the
    /// pane is narrow, the label on its own line over the indented value.
    fn labelled(&mut self, label: &str, value: DetailLine) {
        self.entry(Some(label), value, 0);
    }

    /// [`Lines::labelled`], or without a label a value under the one before,
    /// `extra` columns further in.
    fn entry(&mut self, label: Option<&str>, value: DetailLine, extra: usize) {
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
                    vec![(label.to_owned(), Role::Label.into())],
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
                    vec![(label.to_owned(), Role::Label.into())],
                    indent.saturating_sub(1),
                    Ink::default(),
                ),
                _ => Vec::new(),
            };
            let used: usize = prefix.iter().map(|(t, _)| wrap::width(t)).sum();
            let mut segs = prefix;
            segs.push((" ".repeat(indent.saturating_sub(used)), Ink::default()));
            segs.extend(line);
            self.lines.push(wrap::truncate(segs, self.width));
        }
    }
}
