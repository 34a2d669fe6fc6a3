//! Every style the browser draws with, in one place.
//!
//! Colours are the terminal's own named palette colours (never RGB), chosen to
//! read on light and dark backgrounds; most meaning is carried by modifiers
//! (bold, dim, reversed, underlined) so it survives `NO_COLOR`, where the
//! plain theme drops every colour but keeps the modifiers.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Whether colours are used at all (false under `NO_COLOR`).
    pub colour: bool,
    pub title: Style,
    pub ingress: Style,
    pub view_name: Style,
    /// A document title heading a group of cards in the list.
    pub group: Style,
    pub card_title: Style,
    /// The owner shown beside a card's title, and other secondary text.
    pub dim: Style,
    /// The selected row (patched over the row's own styles).
    pub selected: Style,
    /// Matched characters of a search.
    pub matched: Style,
    pub detail_title: Style,
    pub label: Style,
    pub value: Style,
    /// "ikke satt": an absent or empty field.
    pub unset: Style,
    pub border: Style,
    pub border_focus: Style,
    pub status: Style,
    pub key: Style,
    pub warning: Style,
    pub error: Style,
    pub prompt: Style,
    pub notice: Style,
}

impl Theme {
    /// The theme for this process: plain when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colour(),
        }
    }

    pub fn colour() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            colour: true,
            title: bold,
            ingress: Style::new().add_modifier(Modifier::ITALIC),
            view_name: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            group: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            card_title: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            detail_title: bold.add_modifier(Modifier::UNDERLINED),
            label: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            value: Style::new(),
            unset: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focus: Style::new().fg(Color::Blue),
            status: Style::new(),
            key: bold,
            warning: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            prompt: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            notice: Style::new().add_modifier(Modifier::ITALIC),
        }
    }

    pub fn plain() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            colour: false,
            title: bold,
            ingress: Style::new().add_modifier(Modifier::ITALIC),
            view_name: bold,
            group: bold.add_modifier(Modifier::UNDERLINED),
            card_title: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            detail_title: bold.add_modifier(Modifier::UNDERLINED),
            label: bold,
            value: Style::new(),
            unset: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            border: Style::new(),
            border_focus: bold,
            status: Style::new(),
            key: bold,
            warning: bold,
            error: bold,
            prompt: bold,
            notice: Style::new().add_modifier(Modifier::ITALIC),
        }
    }
}
