//! The browser on a real site's shapes (`tests/fixtures/handboka`, issue 9),
//! drawn into ratatui's `TestBackend`: the people view's teams, roles and
//! readings, the card's shortcode in the detail, effect, the title bar's
//! count of pages that hold cards.

use crate::Handbook;
use crate::i18n::Lang;
use crossterm::event::KeyCode;
use ratatui::style::Modifier;

use super::app::{App, View};
use super::tests::{app_with, draw, press, screen, search, title_of};
use super::theme::Theme;

fn handboka() -> Handbook {
    let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/handboka");
    crate::load::load_paths(&[site.as_path()]).unwrap()
}

/// At 144 columns, where the detail pane is 72 wide (as it was at 120
/// before the list took half of a wide screen), so the wrapped lines below
/// break where they always did.
fn app(lang: Lang) -> App {
    app_with(handboka(), 144, 35, lang, Theme::colour())
}

/// The people view with `name` selected.
fn person(lang: Lang, name: &str) -> App {
    let mut app = app(lang);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.view, View::People);
    for _ in 0..20 {
        let selected = app
            .ctx
            .people()
            .and_then(|p| p.get(app.people.list.selected()));
        if selected.is_some_and(|p| p.name == name) {
            return app;
        }
        press(&mut app, KeyCode::Char('j'));
    }
    panic!("{name} is not in the people view");
}

#[test]
fn the_people_view_shows_teams_roles_spellings_and_how_each_value_was_read() {
    let app = person(Lang::Nb, "Ola Dahl");
    let text = screen(&draw(&app));
    for expected in [
        "Team og roller",
        "• Plattform (Teamleder, Oslo)",
        "Skrevet som: «Ola Dahl·», «ola dahl», «Ola··Dahl», «Ola Dahl»",
        "Prosesseier for",
        "Slik er navnet lest",
        "• Behov (prosesseier): «Ola Dahl·» – navnet alene",
        // Wrapped: the reading goes on under its bullet.
        "• Utvikling (prosessleder): «Plattform/Ola··Dahl» – i team",
        "     Plattform ",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
}

#[test]
fn a_role_or_a_unit_read_from_a_value_says_why_in_either_language() {
    let text = screen(&draw(&person(Lang::Nb, "Liv Aasen")));
    assert!(
        text.contains("Enhet/rolle: Fagansvarlig for design (design lead)"),
        "{text}"
    );
    assert!(
        text.contains("– med rollen «Fagansvarlig for design (design"),
        "{text}"
    );
    assert!(text.contains("(navnet står i personkatalogen)"), "{text}");
    let text = screen(&draw(&person(Lang::En, "Petter Halvorsen")));
    assert!(text.contains("Teams and roles"), "{text}");
    assert!(
        text.contains("• Plattform (Utvikler, 50%, Bergen)"),
        "{text}"
    );
    assert!(text.contains("Unit/role: Porteføljekontoret"), "{text}");
    assert!(
        text.contains("• Portefølje (process leader): “Porteføljekontoret/Petter"),
        "{text}"
    );
    assert!(
        text.contains("Halvorsen” – with the unit “Porteføljekontoret”"),
        "{text}"
    );
}

#[test]
fn the_detail_shows_the_cards_shortcode_quietly_and_an_effect_after_output() {
    let mut app = app(Lang::Nb);
    search(&mut app, "kvalitetsstyring");
    press(&mut app, KeyCode::Enter);
    assert_eq!(title_of(&app), "Kvalitetsstyring");
    let buffer = draw(&app);
    let text = screen(&buffer);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("prosesser/card") && !l.contains("strategy"))
        .unwrap_or_else(|| panic!("the shortcode in\n{text}"));
    let at = line[..line.find("prosesser/card").unwrap()].chars().count();
    let cell = &buffer[(at as u16, row as u16)];
    assert!(
        cell.modifier.contains(Modifier::DIM),
        "the shortcode is dim: {cell:?}"
    );
    assert!(!text.contains("Effekt"), "no effect, no row: {text}");

    let mut app = self::app(Lang::Nb);
    search(&mut app, "kundeservice");
    press(&mut app, KeyCode::Enter);
    let text = screen(&draw(&app));
    let output = text.find("Output").unwrap();
    let effect = text.find("Effekt").unwrap_or_else(|| panic!("{text}"));
    assert!(output < effect, "Effekt after Output: {text}");
    assert!(text.contains("Fornøyde kunder"), "{text}");
}

#[test]
fn the_title_bar_counts_the_pages_that_hold_cards() {
    let text = screen(&draw(&app(Lang::Nb)));
    let title = text.lines().next().unwrap();
    assert!(title.contains("(3 sider med prosesser)"), "{title}");
    let text = screen(&draw(&app(Lang::En)));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("(3 pages with processes)")
    );
}

#[test]
fn the_help_says_what_team_looks_at() {
    let mut app = app(Lang::Nb);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&draw(&app));
    assert!(text.contains("team:"), "{text}");
    assert!(
        text.contains("team:             prosessene til teamets medlemmer"),
        "{text}"
    );
    assert!(text.contains("effect: effekt:   bare i Effekt"), "{text}");
}

#[test]
fn a_sites_unknown_time_zone_is_a_finding_that_e_opens_in_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(
        dir.path().join("content/a.md"),
        "---\ntitle: A\n---\n{{< prosesser/card title=\"X\" owner=\"Y\" leader=\"Z\" purpose=\"P\" >}}\n",
    )
    .unwrap();
    let config = dir.path().join("hugo.toml");
    std::fs::write(&config, "title = 'x'\ntimeZone = 'Europe/Olso'\n").unwrap();
    let handbook = crate::load::load_paths(&[dir.path()]).unwrap();
    let mut app = app_with(handbook, 120, 35, Lang::Nb, Theme::colour());
    app.editor = super::editor::Editor::from_vars(None, Some("vim"));
    press(&mut app, KeyCode::Char('w'));
    let text = screen(&draw(&app));
    assert!(
        text.contains(
            "> hugo.toml:2:12: feil: timeZone: ukjent tidssone «Europe/Olso» (Hugo nekter"
        ),
        "{text}"
    );
    press(&mut app, KeyCode::Char('e'));
    let Some(super::app::Request::Edit(command)) = app.request.take() else {
        panic!("no edit request: {:?}", app.message);
    };
    assert_eq!(command.args, ["+2".into(), config.into_os_string()]);
}
