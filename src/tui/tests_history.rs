//! The history view and the people's former roles, drawn into `TestBackend`
//! from histories made here (git itself is driven by the end-to-end test in
//! `tests/it/history_tmux.rs`).

use std::sync::Arc;

use crossterm::event::KeyCode;

use crate::history::{CardAt, Change, Commit, FormerRole, Kind};
use crate::{CardId, Field, Value};

use super::app::{App, View};
use super::former::Former;
use super::tests::{app, down_to_person, draw, press, screen, title_of};
use super::views::history::{Entries, HistoryView};

fn commit(id: char, date: &str, author: &str, subject: &str) -> Arc<Commit> {
    Arc::new(Commit {
        id: id.to_string().repeat(40),
        date: date.to_owned(),
        author: author.to_owned(),
        subject: subject.to_owned(),
    })
}

/// Release's history, newest first: its leader removed, its owner changed,
/// a broken version, and the card added. Each entry's card is the seed's
/// Release as it is now, with the owner and leader it had then.
fn release_history(app: &App) -> Vec<Change> {
    let document = &app.ctx.handbook.documents[0];
    let version = |owner: Option<&str>, leader: Option<&str>| {
        let mut document = document.clone();
        let card = &mut document.cards[0];
        card.params = card.params.without(|k| k == "owner" || k == "leader");
        let mut params: Vec<(String, Value)> = card
            .params
            .iter()
            .map(|(k, v)| (k.to_owned(), v.to_value()))
            .collect();
        for (key, value) in [("owner", owner), ("leader", leader)] {
            if let Some(v) = value {
                params.insert(1, (key.to_owned(), Value::String(v.to_owned())));
            }
        }
        card.params = crate::Params::new(params);
        Some(CardAt {
            document: Arc::new(document),
            index: 0,
        })
    };
    let entry = |commit: Arc<Commit>,
                 kind,
                 field: Option<&str>,
                 old: Option<&str>,
                 new: Option<&str>,
                 at| {
        Change {
            commit,
            path: "content/prosesser/utvikling-drift.md".to_owned(),
            card: Some("Release".to_owned()),
            kind,
            field: field.map(str::to_owned),
            old: old.map(|v| Value::String(v.to_owned())),
            new: new.map(|v| Value::String(v.to_owned())),
            diagnostic: None,
            card_at: at,
            lineage: Some(1),
        }
    };
    vec![
        entry(
            commit(
                'c',
                "2024-03-06T12:30:00+01:00",
                "Ola Nordmann",
                "Fjern eiere og ledere",
            ),
            Kind::Changed,
            Some("owner"),
            Some("Hanne Lauritsen"),
            None,
            version(None, None),
        ),
        entry(
            commit(
                'c',
                "2024-03-06T12:30:00+01:00",
                "Ola Nordmann",
                "Fjern eiere og ledere",
            ),
            Kind::Changed,
            Some("leader"),
            Some("Torkel Buarøy"),
            None,
            version(None, None),
        ),
        entry(
            commit('b', "2024-03-05T11:00:00+01:00", "Kari Nordmann", "Ny eier"),
            Kind::Changed,
            Some("owner"),
            Some("Tony Grimstad"),
            Some("Hanne Lauritsen"),
            version(Some("Hanne Lauritsen"), Some("Torkel Buarøy")),
        ),
        entry(
            commit(
                'a',
                "2024-03-01T09:00:00+01:00",
                "Kari Nordmann",
                "Første versjon",
            ),
            Kind::Added,
            None,
            None,
            None,
            version(Some("Tony Grimstad"), Some("Torkel Buarøy")),
        ),
    ]
}

/// The app showing Release's history, as if git had answered.
pub(super) fn with_history(app: &mut App) {
    let card = CardId {
        document: 0,
        card: 0,
    };
    let changes = release_history(app);
    app.history = Some(HistoryView::open(&app.ctx, card, Entries::Ready(changes)));
    app.history_from = View::Cards;
    app.view = View::History;
    let (w, h) = (app.width, app.height);
    app.update(super::keymap::Action::Resize(w, h));
}

#[test]
fn the_history_lists_each_change_newest_first_with_when_who_and_what() {
    let mut app = app(120, 35);
    with_history(&mut app);
    let text = screen(&draw(&app));
    for line in [
        "┏ Historikk: Release ━",
        "┃ > 2024-03-06 12:30  ccccccc  Ola Nordmann   Prosesseier: Hanne Lauritsen → (fjernet) ",
        "┃   2024-03-06 12:30  ccccccc  Ola Nordmann   Prosessleder: Torkel Buarøy → (fjernet) ",
        "┃   2024-03-05 11:00  bbbbbbb  Kari Nordmann  Prosesseier: Tony Grimstad → Hanne Lauritsen ",
        "┃   2024-03-01 09:00  aaaaaaa  Kari Nordmann  lagt til (Prosesseier: Tony Grimstad, Prosessleder: Torkel Buarøy) ",
        "┃ Fjern eiere og ledere · content/prosesser/utvikling-drift.md ",
        "┃ j/k velger · Enter viser prosessen slik den var · Esc tilbake ",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn enter_shows_the_card_as_it_was_and_esc_goes_back_twice() {
    let mut app = app(120, 35);
    with_history(&mut app);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    let text = screen(&draw(&app));
    for line in [
        "┃ slik den var etter bbbbbbb (2024-03-05 11:00, Kari Nordmann): Ny eier ",
        "┃ Prosesseier: Tony Grimstad → Hanne Lauritsen ",
        "┃ Release ",
        "┃ Prosesseier   Hanne Lauritsen ",
        "┃ Prosessleder  Torkel Buarøy ",
        "┃ Kilde         prosesser/utvikling-drift.md:26 ",
        "┃ j/k blar · Esc tilbake til historikken ",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    // The newest version: both gone.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Enter);
    let text = screen(&draw(&app));
    assert!(
        text.contains("┃ Prosesseier   ikke satt (mangler) "),
        "{text}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::History);
    assert!(!app.history.as_ref().unwrap().showing);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Cards);
    assert_eq!(title_of(&app), "Release");
}

#[test]
fn h_on_the_compiled_in_handbook_says_there_is_no_history() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(app.view, View::Cards);
    let text = screen(&draw(&app));
    assert!(text.contains("Innebygd håndbok: ingen historikk"), "{text}");
}

#[test]
fn h_is_in_the_help_from_the_keymap() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('?'));
    let text = screen(&draw(&app));
    assert!(
        text.contains("H              historikken til prosessen (fra git)"),
        "{text}"
    );
}

#[test]
fn while_git_is_read_the_view_says_so_and_a_failure_says_why() {
    let mut app = app(100, 20);
    with_history(&mut app);
    let history = app.history.as_mut().unwrap();
    history.entries = Entries::Failed("/tmp/x is not inside a git work tree".into());
    app.update(super::keymap::Action::Resize(100, 20));
    let text = screen(&draw(&app));
    assert!(
        text.contains("/tmp/x is not inside a git work tree"),
        "{text}"
    );
    app.history.as_mut().unwrap().entries = Entries::NotCommitted;
    app.update(super::keymap::Action::Resize(100, 20));
    let text = screen(&draw(&app));
    assert!(
        text.contains("«Release» finnes ikke i siste commit av fila"),
        "{text}"
    );
}

#[test]
fn the_people_view_shows_the_cards_a_person_used_to_lead() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('p'));
    app.people.former = Former::Ready(vec![FormerRole {
        person: "torkel buaroy".into(),
        field: Field::Leader,
        card: "Hendelser".into(),
        path: "prosesser/utvikling-drift.md".into(),
        until: commit('d', "2024-04-02T14:00:00+02:00", "Ola", "Fjern leder"),
    }]);
    app.update(super::keymap::Action::Resize(120, 35));
    down_to_person(&mut app, "Torkel Buarøy");
    let text = screen(&draw(&app));
    assert!(text.contains("│ Tidligere prosessleder for "), "{text}");
    assert!(
        text.contains("│   • Hendelser  (til 2024-04-02, ddddddd) "),
        "{text}"
    );
    // Someone else's former roles are not theirs.
    press(&mut app, KeyCode::Char('g'));
    let text = screen(&draw(&app));
    assert!(!text.contains("Tidligere"), "{text}");
}
