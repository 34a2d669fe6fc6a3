//! The title bar: the document's title, how many pages hold cards, and its
//! ingress when asked for or when there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::CardId;

use super::context::Context;
use super::theme::{Ink, Role, Theme};
use super::widgets::{self, InkLine};
use super::wrap;

#[derive(Debug, Default)]
pub struct TitleBar {
    /// `None`: show the ingress when there is room; otherwise as chosen.
    pub ingress: Option<bool>,
    /// What the ingress was laid out for: the document, the width, the
    /// handbook's generation.
    key: Option<(Option<u32>, u16, u64)>,
    /// The document's ingress, wrapped for the screen's width.
    lines: Vec<InkLine>,
    pub model: TitleModel,
}

/// What the title bar draws.
#[derive(Debug, Default)]
pub struct TitleModel {
    pub line: InkLine,
    pub ingress: Vec<InkLine>,
}

impl TitleBar {
    /// Lay the ingress out again if the document (that of `card`), the
    /// width or the handbook has changed. Done on every update, so that
    /// working out the regions never wraps it again.
    pub fn refresh(&mut self, ctx: &Context, card: Option<CardId>, width: u16) {
        let document = match card {
            Some(id) => Some(id.document),
            None => (!ctx.handbook.documents.is_empty()).then_some(0),
        };
        let key = (document, width, ctx.generation);
        if self.key == Some(key) {
            return;
        }
        self.lines = match ctx.document(card).and_then(|d| d.ingress()) {
            Some(ingress) if !ingress.trim().is_empty() => wrap::wrap(
                &[(wrap::clean(ingress.trim()), Role::Ingress.into())],
                width.saturating_sub(2) as usize,
            ),
            _ => Vec::new(),
        };
        self.key = Some(key);
    }

    /// Whether the ingress is shown: as chosen with its key, or when it takes
    /// at most a fifth of a screen `height` lines tall.
    pub fn ingress_shown(&self, height: u16) -> bool {
        let lines = self.lines.len();
        lines > 0 && self.ingress.unwrap_or(lines <= (height / 5) as usize)
    }

    /// The most lines of ingress a document could show on a screen `height`
    /// lines tall, as the ingress is set now (the regions hold it to a
    /// third of the screen).
    pub fn ingress_most(&self, height: u16) -> u16 {
        match self.ingress {
            Some(false) => 0,
            Some(true) => u16::MAX,
            None => height / 5,
        }
    }

    /// The lines of ingress the screen gives room to ask for (0 when hidden).
    pub fn ingress_lines(&self, height: u16) -> u16 {
        if self.ingress_shown(height) {
            self.lines.len().min(u16::MAX as usize) as u16
        } else {
            0
        }
    }

    /// The bar for `width` columns and `shown` lines of ingress.
    pub fn layout(&mut self, ctx: &Context, card: Option<CardId>, width: u16, shown: u16) {
        let width = width as usize;
        let t = ctx.words();
        // No document: what was opened, not the app's name twice.
        let title = match ctx.document(card) {
            Some(doc) => doc.heading().into_owned(),
            None => ctx.read_from.join(", "),
        };
        let mut left: InkLine =
            vec![(format!(" {}", wrap::clean_line(&title)), Role::Title.into())];
        // Section and team pages hold no cards: the pages that do are counted.
        let pages = ctx.handbook.documents_with_cards();
        if pages > 1 {
            let word = if pages == 1 {
                t.page_with_cards
            } else {
                t.pages_with_cards
            };
            left.push((format!("  ({pages} {word})"), Role::Dim.into()));
        }
        let right = format!("{} ", t.app_name);
        let right_width = wrap::width(&right);
        let left_width = width.saturating_sub(right_width + 1);
        let mut line = wrap::fill(left, left_width, Ink::of(Role::Title));
        if width > right_width {
            line.push((
                " ".repeat(width - left_width - right_width),
                Role::Dim.into(),
            ));
            line.push((right, Role::Dim.into()));
        }
        let ingress = self
            .lines
            .iter()
            .take(shown as usize)
            .map(|l| {
                let mut l = l.clone();
                l.insert(0, (" ".to_owned(), Role::Ingress.into()));
                l
            })
            .collect();
        self.model = TitleModel { line, ingress };
    }
}

pub fn render(model: &TitleModel, theme: &Theme, frame: &mut Frame, title: Rect, ingress: Rect) {
    frame.render_widget(Paragraph::new(widgets::inked(theme, &model.line)), title);
    if ingress.height > 0 {
        let lines: Vec<_> = model
            .ingress
            .iter()
            .take(ingress.height as usize)
            .map(|l| widgets::inked(theme, l))
            .collect();
        frame.render_widget(Paragraph::new(lines), ingress);
    }
}
