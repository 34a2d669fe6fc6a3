//! The help overlay: every binding of the keymap table, in the user's language.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use crate::i18n::Lang;
use crate::query::{Scope, fold};

use super::WHEEL;
use crate::tui::keymap::{self, Action, Binding};
use crate::tui::theme::{Ink, Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

/// The help overlay: open or not, where it is scrolled to, its lines.
#[derive(Debug, Default)]
pub struct HelpView {
    pub open: bool,
    /// First line shown.
    pub scroll: usize,
    /// What the lines were laid out for: language and width.
    key: Option<(Lang, usize)>,
    lines: Vec<InkLine>,
    pub model: HelpModel,
}

/// What the overlay draws.
#[derive(Debug, Default)]
pub struct HelpModel {
    pub pane: Pane,
    /// All the overlay's lines (its size follows them).
    pub total: usize,
}

impl HelpView {
    pub fn open(&mut self) {
        self.open = true;
        self.scroll = 0;
    }

    /// Keys while the overlay is open, on a screen `height` lines tall.
    pub fn update(&mut self, action: Action, height: u16) {
        let page = height.saturating_sub(4) as usize;
        match action {
            Action::Back | Action::Help => self.open = false,
            Action::Down => self.scroll += 1,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = usize::MAX,
            Action::PageDown | Action::HalfPageDown => self.scroll += page,
            Action::WheelDown(..) => self.scroll += WHEEL,
            Action::PageUp | Action::HalfPageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::WheelUp(..) => self.scroll = self.scroll.saturating_sub(WHEEL),
            _ => {}
        }
    }

    /// The lines for a `screen`, the scroll held within them.
    pub fn layout(&mut self, lang: Lang, screen: Rect) {
        let width = inner_width(screen);
        if self.key != Some((lang, width)) {
            self.lines = lines(lang, width);
            self.key = Some((lang, width));
        }
        let n = self.lines.len();
        let area = area_of(screen, n);
        let max = n.saturating_sub(area.height.saturating_sub(2) as usize);
        self.scroll = self.scroll.min(max);
        let inner = Pane::inner(false, area);
        let title = crate::i18n::words(lang).help;
        self.model = HelpModel {
            pane: Pane::new(title, true, false).scrolled(&self.lines, self.scroll, inner),
            total: n,
        };
    }
}

pub fn render(model: &HelpModel, theme: &Theme, frame: &mut Frame, screen: Rect) {
    let area = area_of(screen, model.total);
    if area.width < 3 || area.height < 3 {
        return;
    }
    frame.render_widget(Clear, area);
    widgets::draw_pane(frame, area, &model.pane, theme);
}

/// The overlay's lines, before wrapping.
pub fn lines(lang: Lang, width: usize) -> Vec<InkLine> {
    let t = crate::i18n::words(lang);
    let mut out = Vec::new();
    let keys_width = keymap::KEYMAP
        .iter()
        .map(|b| wrap::width(&b.keys_label()))
        .max()
        .unwrap_or(0)
        + 2;
    let section = |out: &mut Vec<InkLine>, title: &str, input: bool| {
        out.push(vec![(title.to_owned(), Role::Title.into())]);
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
            let desc = bindings[i].description(lang);
            let pad = keys_width.saturating_sub(wrap::width(&keys));
            out.push(wrap::truncate(
                vec![
                    (format!("  {keys}"), Role::Key.into()),
                    (" ".repeat(pad), Role::Status.into()),
                    (desc.to_owned(), Role::Status.into()),
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
        &[(t.help_input_text.to_owned(), Ink::of(Role::Dim))],
        width.saturating_sub(2),
    ) {
        let mut l = vec![("  ".to_owned(), Ink::of(Role::Dim))];
        l.extend(line);
        out.push(l);
    }
    out.push(Vec::new());
    search_section(lang, width, &mut out);
    out.push(Vec::new());
    for text in [t.help_mouse, t.help_close] {
        out.extend(wrap::wrap(&[(text.to_owned(), Ink::of(Role::Dim))], width));
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

/// "Søk": how a query is written. The scopes are the query module's own
/// names ([`Scope::NAMES`]), each with the fields it looks in, so the help
/// cannot promise a scope the parser does not know.
fn search_section(lang: Lang, width: usize, out: &mut Vec<InkLine>) {
    let t = crate::i18n::words(lang);
    out.push(vec![(t.help_search.to_owned(), Role::Title.into())]);
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
            .map(|f| lang.field_label(*f))
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
                (format!("  {written}"), Role::Key.into()),
                (" ".repeat(pad), Role::Status.into()),
                (what, Role::Status.into()),
            ],
            width,
        ));
    }
}
