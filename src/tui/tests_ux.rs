//! Issue 12's browser items, each through keys and the drawn screen.

use crate::Handbook;
use crate::i18n::Lang;
use crate::load::{Source, load_sources};
use crossterm::event::KeyCode;

use super::app::View;
use super::keymap;
use super::tests::{app, app_with, draw, press, screen};
use super::theme::Theme;
use crossterm::event::{KeyEvent, KeyModifiers};

fn ctrl(app: &mut super::app::App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    if let Some(action) = keymap::lookup(app.editing(), key) {
        app.update(action);
    }
}

/// `docs` documents of `cards` cards each; every other one with an ingress
/// of `ingress` words (the title bar's height changes with the document).
fn documents(docs: usize, cards: usize, ingress: usize) -> Handbook {
    let sources = (0..docs)
        .map(|d| {
            let words = if d % 2 == 0 { ingress } else { 0 };
            let ingress = vec!["ord"; words].join(" ");
            let mut text = format!("---\ntitle: Dokument {d}\nweight: {}\ningress: \"{ingress}\"\n---\n", d + 1);
            for c in 0..cards {
                text.push_str(&format!(
                    "{{{{< prosesser/strategy-card title=\"Kort {d}.{c}\" owner=\"Eier {c}\" >}}}}\n"
                ));
            }
            Source {
                path: format!("d{d}.md"),
                file: None,
                bytes: text.into_bytes(),
            }
        })
        .collect();
    load_sources(sources)
}

/// The list's rows as drawn, one string each.
fn list_rows(app: &super::app::App) -> Vec<String> {
    app.cards
        .model
        .lines
        .iter()
        .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
        .collect()
}

// ----- bug 3: paging in a list grouped by document comes back to the top -----

#[test]
fn home_pgdn_pgup_comes_back_to_the_first_heading_at_every_size() {
    for (w, h) in [(200, 60), (120, 35), (80, 24), (40, 12), (24, 8)] {
        for ingress in [0, 10, 40, 200] {
            for (docs, cards) in [(3, 4), (10, 10), (40, 3)] {
                for pages in 1..4 {
                    let handbook = documents(docs, cards, ingress);
                    let mut app = app_with(handbook, w, h, Lang::Nb, Theme::colour());
                    let case = format!("{w}x{h}, ingress {ingress}, {docs}x{cards}, {pages} pages");
                    press(&mut app, KeyCode::Home);
                    for _ in 0..pages {
                        press(&mut app, KeyCode::PageDown);
                    }
                    assert_ne!(app.cards.selected, 0, "{case}: PgDn moves");
                    for _ in 0..pages {
                        press(&mut app, KeyCode::PageUp);
                    }
                    assert_eq!(app.cards.selected, 0, "{case}");
                    let rows = list_rows(&app);
                    // A list one row tall has room for the selection only.
                    if app.regions().list_inner().height >= 2 {
                        assert_eq!(app.cards.offset, 0, "{case}");
                        assert!(rows[0].starts_with("Dokument 0"), "{case}: {rows:?}");
                        assert!(rows[1].starts_with("> Kort 0.0"), "{case}: {rows:?}");
                    } else {
                        assert!(rows[0].starts_with("> Kort 0.0"), "{case}: {rows:?}");
                    }
                    for _ in 0..pages {
                        press(&mut app, KeyCode::PageDown);
                    }
                    press(&mut app, KeyCode::Home);
                    assert_eq!(
                        (app.cards.selected, list_rows(&app)),
                        (0, rows),
                        "{case}: Home"
                    );
                }
            }
        }
    }
}

#[test]
fn a_page_down_never_skips_a_row_that_was_not_on_screen() {
    let mut app = app_with(documents(40, 3, 0), 120, 35, Lang::Nb, Theme::colour());
    let mut seen: Vec<String> = list_rows(&app);
    for _ in 0..10 {
        let last = seen.last().cloned().unwrap();
        press(&mut app, KeyCode::PageDown);
        let rows = list_rows(&app);
        let trimmed = |r: &String| r.trim_start_matches("> ").trim().to_owned();
        assert!(
            rows.iter().any(|r| trimmed(r) == trimmed(&last)),
            "the last row before the page ({last:?}) is still on screen: {rows:?}"
        );
        seen = rows;
    }
}

// ----- bug 7: q closes a view, and quits only from the main view -----

#[test]
fn q_closes_help_and_every_view_and_quits_only_from_the_main_view() {
    let mut app = app(120, 35);
    for open in ['?', 'w', 'p', 'f'] {
        press(&mut app, KeyCode::Char(open));
        assert!(
            app.help.open || app.view != View::Cards,
            "{open} opens something"
        );
        let hint = screen(&draw(&app));
        if open != '?' {
            assert!(hint.contains("q lukk"), "the hint says q closes:\n{hint}");
        }
        press(&mut app, KeyCode::Char('q'));
        assert!(!app.quit, "q after {open} closes, it does not quit");
        assert!(!app.help.open && app.view == View::Cards, "after {open} q");
    }
    // The help over another view closes first, then the view.
    press(&mut app, KeyCode::Char('w'));
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!((app.help.open, app.view), (false, View::Diagnostics));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.view, View::Cards);
    assert!(screen(&draw(&app)).contains("q avslutt"));
    // From the detail pane of the main view q quits.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_from_any_view() {
    for open in ['?', 'w', 'p', 'f', '/'] {
        let mut app = app(80, 24);
        press(&mut app, KeyCode::Char(open));
        ctrl(&mut app, 'c');
        assert!(app.quit, "ctrl-c after {open}");
    }
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('w'));
    let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
    app.update(keymap::lookup(false, alt_q).unwrap());
    assert!(app.quit, "Esc then q, read as alt-q, quits");
}
