//! The title bar: the document's title, how many pages hold cards, and its
//! ingress when asked for or when there is room.

use ratatui::Frame;
use ratatui::widgets::Paragraph;

use super::app::App;
use super::layout::Regions;
use super::render;
use super::theme::Role;
use super::wrap;
use crate::words::words;

pub fn render(app: &App, frame: &mut Frame, regions: &Regions) {
    let theme = &app.theme;
    let width = regions.title.width as usize;
    let title = match app.document() {
        Some(doc) => doc.title().unwrap_or(&doc.path).to_owned(),
        None => "prosesser".to_owned(),
    };
    let mut left = vec![(format!(" {}", wrap::clean_line(&title)), theme.title)];
    // Section and team pages hold no cards: the pages that do are what is counted.
    let pages = app.handbook.documents_with_cards();
    if pages > 1 {
        left.push((format!("  ({pages} {})", pages_word(app, pages)), theme.dim));
    }
    let right = format!("{} ", words(app.lang).app_name);
    let right_width = wrap::width(&right);
    let left_width = width.saturating_sub(right_width + 1);
    let mut line = wrap::fill(left, left_width, theme.title);
    if width > right_width {
        line.push((" ".repeat(width - left_width - right_width), theme.dim));
        line.push((right, theme.dim));
    }
    frame.render_widget(Paragraph::new(wrap::to_line(line)), regions.title);

    if regions.ingress.height > 0 {
        let lines: Vec<_> = app
            .ingress_lines
            .lines
            .iter()
            .take(regions.ingress.height as usize)
            .map(|l| {
                let mut l = l.clone();
                l.insert(0, (" ".to_owned(), Role::Ingress.into()));
                render::inked(theme, l)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), regions.ingress);
    }
}

fn pages_word(app: &App, n: usize) -> &'static str {
    let t = words(app.lang);
    if n == 1 {
        t.page_with_cards
    } else {
        t.pages_with_cards
    }
}
