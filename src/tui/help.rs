//! The help overlay: every binding of the keymap table, in the user's language.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use prosesser::query::{Scope, fold};

use super::app::App;
use super::keymap::{self, Binding};
use super::render;
use super::wrap::{self, Segment};
use crate::words::words;

/// The overlay's lines, before wrapping.
pub fn lines(app: &App, width: usize) -> Vec<Vec<Segment>> {
    let t = words(app.lang);
    let theme = &app.theme;
    let mut out = Vec::new();
    let keys_width = keymap::KEYMAP
        .iter()
        .map(|b| wrap::width(&b.keys_label()))
        .max()
        .unwrap_or(0)
        + 2;
    let section = |out: &mut Vec<Vec<Segment>>, title: &str, input: bool| {
        out.push(vec![(title.to_owned(), theme.title)]);
        // The search line lists only its own keys; the rest work as listed above.
        let bindings: Vec<&Binding> = keymap::bindings(input)
            .filter(|b| !input || b.scope == keymap::Scope::Input)
            .collect();
        let mut i = 0;
        while i < bindings.len() {
            // Bindings side by side for the same action share a row.
            let mut keys = bindings[i].keys_label();
            let mut j = i + 1;
            while j < bindings.len() && bindings[j].action == bindings[i].action {
                keys.push(' ');
                keys.push_str(&bindings[j].keys_label());
                j += 1;
            }
            let desc = bindings[i].description(app.lang);
            let pad = keys_width.saturating_sub(wrap::width(&keys));
            out.push(wrap::truncate(
                vec![
                    (format!("  {keys}"), theme.key),
                    (" ".repeat(pad), theme.status),
                    (desc.to_owned(), theme.status),
                ],
                width,
            ));
            i = j;
        }
    };
    section(&mut out, t.help_keys, false);
    out.push(Vec::new());
    section(&mut out, t.help_input, true);
    for line in wrap::wrap(
        &[(t.help_input_text.to_owned(), theme.dim)],
        width.saturating_sub(2),
    ) {
        let mut l = vec![("  ".to_owned(), theme.dim)];
        l.extend(line);
        out.push(l);
    }
    out.push(Vec::new());
    search_section(app, width, &mut out);
    out.push(Vec::new());
    for text in [t.help_mouse, t.help_close] {
        out.extend(wrap::wrap(&[(text.to_owned(), theme.dim)], width));
    }
    out
}

/// The overlay's inner width on this screen: as wide as the screen allows,
/// up to 64 columns with the border.
fn inner_width(screen: Rect) -> usize {
    screen.width.saturating_sub(4).min(64).saturating_sub(2) as usize
}

/// The overlay's rectangle for `n` lines: centred, as large as they allow.
fn area_of(screen: Rect, n: usize) -> Rect {
    let width = screen.width.saturating_sub(4).min(64);
    let height = (n.min(u16::MAX as usize) as u16)
        .saturating_add(2)
        .min(screen.height.saturating_sub(2));
    let x = screen.x + (screen.width - width) / 2;
    let y = screen.y + (screen.height - height) / 2;
    Rect::new(x, y, width, height)
}

pub fn max_scroll(app: &App, screen: Rect) -> usize {
    let n = lines(app, inner_width(screen)).len();
    n.saturating_sub(area_of(screen, n).height.saturating_sub(2) as usize)
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    // Built once a frame: the rectangle is sized by them.
    let lines = lines(app, inner_width(screen));
    let n = lines.len();
    let area = area_of(screen, n);
    if area.width < 3 || area.height < 3 {
        return;
    }
    let block = render::pane(app, words(app.lang).help, true);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    render::scrolled_lines(frame, area, inner, n, app.help_scroll, |range| {
        lines[range].iter().cloned().map(wrap::to_line).collect()
    });
}

/// "Søk": how a query is written. The scopes are the query module's own
/// names ([`Scope::NAMES`]), each with the fields it looks in, so the help
/// cannot promise a scope the parser does not know.
fn search_section(app: &App, width: usize, out: &mut Vec<Vec<Segment>>) {
    let t = words(app.lang);
    let theme = &app.theme;
    out.push(vec![(t.help_search.to_owned(), theme.title)]);
    let mut rows: Vec<(String, String)> = t
        .search_syntax
        .iter()
        .map(|(written, what)| ((*written).to_owned(), (*what).to_owned()))
        .collect();
    let mut scopes: Vec<(Scope, Vec<&str>)> = Vec::new();
    for (name, scope) in Scope::NAMES {
        match scopes.iter_mut().find(|(s, _)| *s == scope) {
            // Names that fold alike (formål, formal, formaal) are one name to the parser.
            Some((_, names)) if names.iter().any(|n| fold(n) == fold(name)) => {}
            Some((_, names)) => names.push(name),
            None => scopes.push((scope, vec![name])),
        }
    }
    for (scope, names) in scopes {
        let fields: Vec<&str> = scope
            .fields()
            .iter()
            .map(|f| app.lang.field_label(*f))
            .collect();
        let written = names
            .iter()
            .map(|n| format!("{n}:"))
            .collect::<Vec<_>>()
            .join(" ");
        let what = match scope {
            Scope::Page => t.page_scope().to_owned(),
            Scope::Team => t.team_scope.to_owned(),
            _ => format!("{} {}", t.only_in, fields.join(t.or)),
        };
        rows.push((written, what));
    }
    let column = rows
        .iter()
        .map(|(w, _)| wrap::width(w))
        .max()
        .unwrap_or(0)
        .min(width / 2)
        + 2;
    for (written, what) in rows {
        let pad = column.saturating_sub(wrap::width(&written)).max(2);
        out.push(wrap::truncate(
            vec![
                (format!("  {written}"), theme.key),
                (" ".repeat(pad), theme.status),
                (what, theme.status),
            ],
            width,
        ));
    }
}
