//! Every style the browser draws with, in one place.
//!
//! Colours are the terminal's own named palette colours (never RGB), chosen to
//! read on light and dark backgrounds; most meaning is carried by modifiers
//! (bold, dim, reversed, underlined) so it survives `NO_COLOR`, where the
//! plain theme drops every colour but keeps the modifiers.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
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

/// What a piece of laid-out text is, before it has a style: every view
/// lays its text out in `update` in these (where only sizes and matches
/// matter) and [`Theme::ink`] styles them when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Spaces and padding.
    #[default]
    Plain,
    Title,
    Ingress,
    /// A document title heading a group of cards in the list.
    Group,
    CardTitle,
    Dim,
    DetailTitle,
    Label,
    Value,
    /// "ikke satt", "ingen".
    Unset,
    Key,
    Status,
    Warning,
    Error,
    Prompt,
    Notice,
}

/// A [`Role`], whether a search matched this text, and whether it is on the
/// selected row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ink {
    pub role: Role,
    pub matched: bool,
    pub selected: bool,
}

impl Ink {
    pub const fn of(role: Role) -> Ink {
        Ink {
            role,
            matched: false,
            selected: false,
        }
    }

    /// The same text where a search matched it.
    pub const fn hit(self) -> Ink {
        Ink {
            matched: true,
            ..self
        }
    }

    /// The same text on the selected row.
    pub const fn chosen(self) -> Ink {
        Ink {
            selected: true,
            ..self
        }
    }
}

impl From<Role> for Ink {
    fn from(role: Role) -> Ink {
        Ink::of(role)
    }
}

impl Theme {
    /// The style a piece of laid-out text is drawn in: its role's, the
    /// match's over it, the selection's over both.
    pub fn ink(&self, ink: Ink) -> Style {
        let mut style = match ink.role {
            Role::Plain => Style::default(),
            Role::Title => self.title,
            Role::Ingress => self.ingress,
            Role::Group => self.group,
            Role::CardTitle => self.card_title,
            Role::Dim => self.dim,
            Role::DetailTitle => self.detail_title,
            Role::Label => self.label,
            Role::Value => self.value,
            Role::Unset => self.unset,
            Role::Key => self.key,
            Role::Status => self.status,
            Role::Warning => self.warning,
            Role::Error => self.error,
            Role::Prompt => self.prompt,
            Role::Notice => self.notice,
        };
        if ink.matched {
            style = style.patch(self.matched);
        }
        if ink.selected {
            style = style.patch(self.selected);
        }
        style
    }

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
            title: bold,
            ingress: Style::new().add_modifier(Modifier::ITALIC),
            view_name: bold,
            group: bold.add_modifier(Modifier::UNDERLINED),
            card_title: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            // Reversed and underlined: no other style of this theme looks so
            // (the selection is reversed and bold, and has its `>` marker).
            matched: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every style of a theme, but `matched`.
    fn others(t: &Theme) -> Vec<Style> {
        vec![
            t.title,
            t.ingress,
            t.view_name,
            t.group,
            t.card_title,
            t.dim,
            t.selected,
            t.detail_title,
            t.label,
            t.value,
            t.unset,
            t.border,
            t.border_focus,
            t.status,
            t.key,
            t.warning,
            t.error,
            t.prompt,
            t.notice,
        ]
    }

    #[test]
    fn without_colour_a_match_looks_like_nothing_else() {
        let t = Theme::plain();
        for style in others(&t) {
            assert_ne!(style.add_modifier, t.matched.add_modifier, "{style:?}");
            // Nor does a matched title or value look like any plain style.
            assert_ne!(style, t.detail_title.patch(t.matched));
            assert_ne!(style, t.value.patch(t.matched));
        }
    }
}
