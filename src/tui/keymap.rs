//! The keymap is data: one table of (keys, action, where it applies, hint,
//! what it does). The key handler, the status-bar hints and the help overlay
//! all read [`KEYMAP`], so they cannot disagree; what a key does is said in
//! each language in [`crate::i18n::Keys`].

use crate::i18n::{Keys, Lang, words};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the user asked for. Keys and mouse events become actions; only
/// [`super::app::App::update`] changes state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Action {
    /// Close the view on screen (help, warnings, people, flow); from the
    /// main view, quit.
    Quit,
    /// Quit from wherever (ctrl-c).
    QuitNow,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    FocusNext,
    FocusPrev,
    Open,
    Search,
    NextMatch,
    PrevMatch,
    Back,
    Help,
    People,
    Diagnostics,
    Ingress,
    /// Follow link number n (1–9) of the selected card.
    Follow(u8),
    /// Back to the card before the last jump along a link.
    JumpBack,
    /// The whole flow of the document.
    Flow,
    /// The card's history, from git.
    History,
    /// Open the card's file in `$VISUAL`/`$EDITOR`.
    Edit,
    /// Read the files again.
    Reload,
    /// Change the order: best match first or document order (cards), by
    /// file or by rule (warnings).
    Order,
    /// The first card of the next document in the list.
    NextDocument,
    /// The first card of this document, or of the one before.
    PrevDocument,
    /// Ctrl-Z: stop until `fg`, as every full-screen program does.
    Suspend,
    // The search line.
    Insert(char),
    DeleteChar,
    DeleteWord,
    ClearLine,
    Accept,
    // Not keys.
    Resize(u16, u16),
    Click(u16, u16),
    WheelDown(u16, u16),
    WheelUp(u16, u16),
}

impl Action {
    /// Moving through a list or scrolling a pane: the same keys do both.
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::Top
                | Action::Bottom
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
        )
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Browsing: list, detail, people, diagnostics, help.
    Browse,
    /// Typing in the search line.
    Input,
    /// Both.
    Always,
}

/// One key: a code and the modifiers that matter (ctrl, alt; shift is part
/// of the character or of `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub scope: Scope,
    /// Shown in the status bar when non-zero; when space is short the
    /// lowest go first. The search line shows the query instead of hints,
    /// so its bindings have none.
    pub hint: u8,
    /// What it does, in the words of a language.
    pub says: fn(&Keys) -> &'static str,
}

impl Binding {
    pub fn description(&self, lang: Lang) -> &'static str {
        (self.says)(&words(lang).keys)
    }

    /// The keys as people write them: `j ↓`, `ctrl-d`; a run of digits as `1–9`.
    pub fn keys_label(&self) -> String {
        let digits: Vec<u32> = self
            .keys
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) if k.mods.is_empty() => c.to_digit(10),
                _ => None,
            })
            .collect();
        if digits.len() > 2
            && digits.len() == self.keys.len()
            && digits.windows(2).all(|w| w[1] == w[0] + 1)
        {
            return format!("{}–{}", digits[0], digits[digits.len() - 1]);
        }
        self.keys
            .iter()
            .map(|k| key_label(*k))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const fn b(
    keys: &'static [Key],
    action: Action,
    scope: Scope,
    hint: u8,
    says: fn(&Keys) -> &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        scope,
        hint,
        says,
    }
}

use Action as A;
use KeyCode as K;
use Scope::{Always, Browse, Input};

/// Every key the browser knows, in the order the help lists them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    b(&[c('j'), k(K::Down)], A::Down, Browse, 0, |w| w.down),
    b(&[c('k'), k(K::Up)], A::Up, Browse, 0, |w| w.up),
    b(&[c('g'), k(K::Home)], A::Top, Browse, 0, |w| w.top),
    b(&[c('G'), k(K::End)], A::Bottom, Browse, 0, |w| w.bottom),
    b(&[k(K::PageDown)], A::PageDown, Always, 0, |w| w.page_down),
    b(&[k(K::PageUp)], A::PageUp, Always, 0, |w| w.page_up),
    b(&[ctrl('d')], A::HalfPageDown, Browse, 0, |w| w.half_page_down),
    b(&[ctrl('u')], A::HalfPageUp, Browse, 0, |w| w.half_page_up),
    b(&[k(K::Tab), c('l'), k(K::Right)], A::FocusNext, Browse, 0, |w| w.next_pane),
    b(&[k(K::BackTab), c('h'), k(K::Left)], A::FocusPrev, Browse, 0, |w| w.previous_pane),
    b(&[k(K::Enter)], A::Open, Browse, 0, |w| w.open),
    b(&[c('/')], A::Search, Browse, 3, |w| w.search),
    b(&[c('n')], A::NextMatch, Browse, 0, |w| w.next_match),
    b(&[c('N')], A::PrevMatch, Browse, 0, |w| w.previous_match),
    b(&[k(K::Esc)], A::Back, Browse, 0, |w| w.back),
    b(&[c('p')], A::People, Browse, 2, |w| w.people),
    b(&[c('w')], A::Diagnostics, Browse, 1, |w| w.diagnostics),
    b(&[c('i')], A::Ingress, Browse, 0, |w| w.ingress),
    b(&[c('1'), c('2'), c('3'), c('4'), c('5'), c('6'), c('7'), c('8'), c('9')], A::Follow(0), Browse, 0, |w| w.follow),
    b(&[k(K::Backspace)], A::JumpBack, Browse, 0, |w| w.jump_back),
    b(&[c('f')], A::Flow, Browse, 2, |w| w.flow),
    b(&[c(']'), c('J')], A::NextDocument, Browse, 0, |w| w.next_document),
    b(&[c('['), c('K')], A::PrevDocument, Browse, 0, |w| w.previous_document),
    b(&[c('o')], A::Order, Browse, 0, |w| w.order),
    b(&[c('H')], A::History, Browse, 0, |w| w.history),
    b(&[c('e')], A::Edit, Browse, 0, |w| w.edit),
    b(&[c('r')], A::Reload, Browse, 0, |w| w.reload),
    b(&[c('?'), k(K::F(1))], A::Help, Browse, 5, |w| w.help),
    b(&[c('q')], A::Quit, Browse, 4, |w| w.quit),
    b(&[ctrl('c')], A::QuitNow, Always, 0, |w| w.quit_now),
    b(&[ctrl('z')], A::Suspend, Always, 0, |w| w.suspend),
    // The search line.
    b(&[k(K::Enter)], A::Accept, Input, 0, |w| w.keep_filter),
    b(&[k(K::Esc)], A::Back, Input, 0, |w| w.clear_search),
    b(&[k(K::Down)], A::Down, Input, 0, |w| w.down_the_list),
    b(&[k(K::Up)], A::Up, Input, 0, |w| w.up_the_list),
    b(&[k(K::Backspace)], A::DeleteChar, Input, 0, |w| w.delete_char),
    b(&[ctrl('w')], A::DeleteWord, Input, 0, |w| w.delete_word),
    b(&[ctrl('u')], A::ClearLine, Input, 0, |w| w.clear_line),
];

/// The action for a key event in the search line (`input`) or while browsing.
pub fn lookup(input: bool, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is already in the character ('G') or the code (BackTab).
    let key = Key {
        code: event.code,
        mods: event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
    };
    let found =
        bindings(input)
            .find(|b| b.keys.contains(&key))
            .map(|b| match (b.action, key.code) {
                // One row of the table stands for the digits: the digit is the number.
                (Action::Follow(_), KeyCode::Char(d)) => {
                    Action::Follow(d.to_digit(10).unwrap_or(0) as u8)
                }
                (action, _) => action,
            });
    if found.is_some() {
        return found;
    }
    // Esc then q typed quickly reaches us as one Alt+q: terminals send Alt+key
    // as ESC followed by the key, and crossterm reads an ESC with a byte right
    // behind it as that Alt chord. Esc would have gone back (or left the search
    // line) and q quit, so Alt+q quits.
    if key.code == KeyCode::Char('q') && key.mods == KeyModifiers::ALT {
        return Some(Action::QuitNow);
    }
    match key {
        Key {
            code: KeyCode::Char(ch),
            mods: KeyModifiers::NONE,
        } if input => Some(Action::Insert(ch)),
        _ => None,
    }
}

/// Bindings that apply in this mode, in table order.
pub fn bindings(input: bool) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| match b.scope {
        Always => true,
        Browse => !input,
        Input => input,
    })
}

pub fn key_label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "shift-Tab".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let mut label = String::new();
    if key.mods.contains(KeyModifiers::CONTROL) {
        label.push_str("ctrl-");
    }
    if key.mods.contains(KeyModifiers::ALT) {
        label.push_str("alt-");
    }
    label.push_str(&name);
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator as _;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn standard_keys_map_to_actions() {
        let n = KeyModifiers::NONE;
        assert_eq!(lookup(false, press(KeyCode::Char('j'), n)), Some(A::Down));
        assert_eq!(lookup(false, press(KeyCode::Down, n)), Some(A::Down));
        // Terminals report G with shift; shift-Tab as BackTab with shift.
        assert_eq!(
            lookup(false, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(A::Bottom)
        );
        assert_eq!(
            lookup(false, press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(A::FocusPrev)
        );
        assert_eq!(
            lookup(false, press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(A::HalfPageDown)
        );
        assert_eq!(lookup(false, press(KeyCode::F(1), n)), Some(A::Help));
        assert_eq!(lookup(false, press(KeyCode::Char('x'), n)), None);
    }

    #[test]
    fn esc_then_q_read_as_alt_q_quits() {
        for input in [false, true] {
            assert_eq!(
                lookup(input, press(KeyCode::Char('q'), KeyModifiers::ALT)),
                Some(A::QuitNow)
            );
        }
    }

    #[test]
    fn digits_follow_their_link_and_read_as_a_range_in_the_help() {
        let n = KeyModifiers::NONE;
        assert_eq!(
            lookup(false, press(KeyCode::Char('3'), n)),
            Some(A::Follow(3))
        );
        assert_eq!(
            lookup(false, press(KeyCode::Backspace, n)),
            Some(A::JumpBack)
        );
        assert_eq!(
            lookup(true, press(KeyCode::Char('3'), n)),
            Some(A::Insert('3'))
        );
        let follow = KEYMAP
            .iter()
            .find(|b| matches!(b.action, A::Follow(_)))
            .unwrap();
        assert_eq!(follow.keys_label(), "1–9");
    }

    #[test]
    fn search_line_takes_letters_but_ctrl_c_still_quits() {
        let n = KeyModifiers::NONE;
        assert_eq!(
            lookup(true, press(KeyCode::Char('q'), n)),
            Some(A::Insert('q'))
        );
        assert_eq!(
            lookup(true, press(KeyCode::Char('j'), n)),
            Some(A::Insert('j'))
        );
        assert_eq!(
            lookup(true, press(KeyCode::Char('Ø'), KeyModifiers::SHIFT)),
            Some(A::Insert('Ø'))
        );
        assert_eq!(
            lookup(true, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(A::QuitNow)
        );
        assert_eq!(lookup(true, press(KeyCode::Enter, n)), Some(A::Accept));
        assert_eq!(lookup(true, press(KeyCode::Esc, n)), Some(A::Back));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for input in [false, true] {
            let mut seen: Vec<Key> = Vec::new();
            for b in bindings(input) {
                for key in b.keys {
                    assert!(!seen.contains(key), "{} bound twice", key_label(*key));
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn only_browsing_keys_are_hinted() {
        for b in KEYMAP.iter().filter(|b| b.hint > 0) {
            assert_ne!(b.scope, Input, "{}", b.description(Lang::Nb));
        }
    }

    /// Fails to compile when an action is added, until it is sorted here.
    fn comes_from_a_key(action: Action) -> bool {
        match action {
            A::Quit
            | A::QuitNow
            | A::Down
            | A::Up
            | A::Top
            | A::Bottom
            | A::PageDown
            | A::PageUp
            | A::HalfPageDown
            | A::HalfPageUp
            | A::FocusNext
            | A::FocusPrev
            | A::Open
            | A::Search
            | A::NextMatch
            | A::PrevMatch
            | A::Back
            | A::Help
            | A::People
            | A::Diagnostics
            | A::Ingress
            | A::Follow(_)
            | A::JumpBack
            | A::Flow
            | A::History
            | A::Edit
            | A::Reload
            | A::Order
            | A::NextDocument
            | A::PrevDocument
            | A::Suspend
            | A::DeleteChar
            | A::DeleteWord
            | A::ClearLine
            | A::Accept => true,
            // Typed text, and events that are not keys.
            A::Insert(_) | A::Resize(..) | A::Click(..) | A::WheelDown(..) | A::WheelUp(..) => {
                false
            }
        }
    }

    #[test]
    fn every_action_a_key_asks_for_is_in_the_keymap_and_reachable() {
        // Every variant (with default fields: `Follow(0)` stands for the digits).
        let actions: Vec<Action> = Action::iter().collect();
        assert!(actions.len() > 30, "{actions:?}");
        for action in actions.into_iter().filter(|a| comes_from_a_key(*a)) {
            let same =
                |b: &&Binding| std::mem::discriminant(&b.action) == std::mem::discriminant(&action);
            let binding = KEYMAP
                .iter()
                .find(same)
                .unwrap_or_else(|| panic!("{action:?} has no key"));
            assert!(
                !binding.keys.is_empty()
                    && !binding.description(Lang::Nb).is_empty()
                    && !binding.description(Lang::En).is_empty()
            );
        }
        // And each binding's keys reach its action through the key handler.
        for b in KEYMAP {
            assert!(comes_from_a_key(b.action), "{:?}", b.action);
            let input = b.scope == Input;
            for key in b.keys {
                let found = lookup(input, KeyEvent::new(key.code, key.mods)).unwrap();
                assert_eq!(
                    std::mem::discriminant(&found),
                    std::mem::discriminant(&b.action),
                    "{}",
                    key_label(*key)
                );
            }
        }
    }
}
