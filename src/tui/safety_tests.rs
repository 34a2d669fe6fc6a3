//! No character of document text reaches a cell of the screen as a control:
//! a document whose every string (and file name) carries escape sequences,
//! bidi controls and zero-width characters, drawn in every view and at
//! several sizes into ratatui's `TestBackend`.

use crate::Handbook;
use crate::i18n::Lang;
use crate::load::{Source, load_sources};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::app::{App, View};
use super::keymap::{self, Action};
use super::render::render;
use super::theme::Theme;

/// CSI clear and cursor report, OSC 0/2 titles, an OSC 8 link, OSC 52
/// clipboard, DCS, reset, 8-bit CSI and C1, BEL/BS/CR/DEL, bidi overrides,
/// isolates and marks, zero-width characters and line separators.
const EVIL: &str = "\u{1b}[2J\u{1b}[6n\u{1b}]0;pwned\u{7}\u{1b}]2;pwned\u{1b}\\\
\u{1b}]8;;https://evil.example/\u{1b}\\klikk\u{1b}]8;;\u{1b}\\\u{1b}]52;c;cHduZWQ=\u{7}\
\u{1b}Pq#0;1\u{1b}\\\u{1b}c\u{9b}31m\u{85}\u{9d}\u{7}\u{8}\r\u{7f}\u{202e}\u{2066}\u{2069}\
\u{200e}\u{200f}\u{61c}\u{200b}\u{feff}\u{2028}\u{2029}";

fn handbook() -> Handbook {
    // YAML double quotes take `\e`-style escapes; the card's params are raw
    // strings holding the raw characters.
    let yaml = |word: &str| {
        let mut s = format!("\"{word} ");
        for c in EVIL.chars() {
            match c {
                '\\' => s.push_str("\\\\"),
                ' '..='~' => s.push(c),
                c => s.push_str(&format!("\\U{:08X}", c as u32)),
            }
        }
        s.push('"');
        s
    };
    let doc = format!(
        "---\ntitle: {}\nweight: 1\ningress: {}\nnavigation_link:\n  text: {}\n---\n\n\
{{{{< prosesser/strategy-card title=`Ond {EVIL} tittel` owner=`Eve {EVIL}` leader=`Mallory {EVIL}` \
purpose=`linje1\nlinje2 {EVIL}` input=`{EVIL}` uvanlig=`{EVIL}` >}}}}\n\n\
{{{{< prosesser/strategy-card title=`Ond {EVIL} tittel` >}}}}\n",
        yaml("Side"),
        yaml("Ingress"),
        yaml("<p> - Meny</p>"),
    );
    let handbook = load_sources(vec![
        Source {
            path: format!("ond{EVIL}.md"),
            file: None,
            bytes: doc.into_bytes(),
        },
        Source {
            path: "rolig.md".to_owned(),
            file: None,
            bytes: b"---\ntitle: Rolig\nweight: 2\n---\n{{< prosesser/strategy-card title=\"Stille\" >}}\n"
                .to_vec(),
        },
    ]);
    assert_eq!(handbook.card_count(), 3, "{:?}", handbook.diagnostics);
    handbook
}

fn key(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    if let Some(action) = keymap::lookup(app.editing(), KeyEvent::new(code, mods)) {
        app.update(action);
    }
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn text_of(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// What a terminal would act on, written out here rather than taken from
/// `crate::text`, so the test does not trust what it tests.
fn acted_on(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
            | '\u{200e}' | '\u{200f}' | '\u{61c}'
            | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{2028}' | '\u{2029}')
}

fn assert_clean(what: &str, buffer: &Buffer) {
    for cell in buffer.content() {
        if let Some(c) = cell.symbol().chars().find(|c| acted_on(*c)) {
            panic!(
                "{what}: U+{:04X} reached a cell:\n{}",
                c as u32,
                text_of(buffer)
            );
        }
    }
}

#[test]
fn no_view_draws_a_control_bidi_or_zero_width_character_from_a_document() {
    let handbook = handbook();
    type Setup = fn(&mut App);
    let setups: &[(&str, Setup)] = &[
        ("main", |_| {}),
        ("ingress", |a| {
            a.title.ingress = Some(true);
            a.sync();
        }),
        ("detail focused, scrolled", |a| {
            key(a, KeyCode::Tab);
            key(a, KeyCode::Char('j'));
        }),
        ("second card", |a| key(a, KeyCode::Char('j'))),
        ("typing a search with highlights", |a| {
            key(a, KeyCode::Char('/'));
            keys(a, "pwned");
        }),
        ("a search kept, next match", |a| {
            key(a, KeyCode::Char('/'));
            keys(a, "eier:eve");
            key(a, KeyCode::Enter);
            key(a, KeyCode::Char('n'));
        }),
        ("escapes typed into the search line", |a| {
            key(a, KeyCode::Char('/'));
            keys(a, "\u{1b}]0;x\u{7}\u{9b}\u{202e}(");
        }),
        ("people", |a| key(a, KeyCode::Char('p'))),
        ("people, second person", |a| {
            key(a, KeyCode::Char('p'));
            key(a, KeyCode::Char('j'));
        }),
        ("filtered by a person", |a| {
            key(a, KeyCode::Char('p'));
            key(a, KeyCode::Enter);
        }),
        ("diagnostics", |a| {
            key(a, KeyCode::Char('w'));
        }),
        ("diagnostics, each selected", |a| {
            key(a, KeyCode::Char('w'));
            key(a, KeyCode::Char('G'));
        }),
        ("help", |a| key(a, KeyCode::Char('?'))),
    ];
    for (width, height) in [(120, 40), (100, 30), (60, 20), (30, 10), (24, 8)] {
        for (name, setup) in setups {
            let mut app = App::new(handbook.clone(), Lang::Nb, Theme::colour(), false);
            app.wait_jobs(None);
            app.update(Action::Resize(width, height));
            setup(&mut app);
            assert_clean(&format!("{name} at {width}x{height}"), &draw(&app));
            // And the same screen without colour.
            app.theme = Theme::plain();
            assert_clean(&format!("{name} at {width}x{height}, plain"), &draw(&app));
        }
    }
}

#[test]
fn escape_sequences_are_shown_where_the_reader_can_see_them() {
    let mut app = App::new(handbook(), Lang::Nb, Theme::colour(), false);
    app.wait_jobs(None);
    app.update(Action::Resize(200, 50));
    app.title.ingress = Some(true);
    app.sync();
    let screen = text_of(&draw(&app));
    assert!(screen.contains("Ond ␛[2J␛[6n␛]0;pwned␇"), "{screen}");
    assert!(screen.contains("<U+202E>"), "{screen}");
    assert!(screen.contains("Side ␛[2J"), "the title bar:\n{screen}");
    // The ingress wraps before the long run of escapes.
    assert!(
        screen.contains("\n Ingress ") && screen.contains("\n ␛[2J␛[6n"),
        "{screen}"
    );
    assert!(screen.contains("ond␛[2J"), "the file name:\n{screen}");
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.view, View::Diagnostics);
    let screen = text_of(&draw(&app));
    assert!(screen.contains("ond␛[2J"), "{screen}");
}
