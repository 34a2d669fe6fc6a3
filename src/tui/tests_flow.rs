//! The flow in the detail pane and the flow view, jumping along links, the
//! editor request and reading the files again, on the real seed.

use crate::Handbook;
use crate::i18n::Lang;
use crate::load::{Source, load_sources};
use crossterm::event::KeyCode;
use ratatui::style::Modifier;
use std::path::PathBuf;

use super::app::{App, Request, View};
use super::background::Loaded;
use super::editor::Editor;
use super::tests::{app, app_with, draw, press, screen, screen_marked, search, title_of};
use super::theme::Theme;

const SEED: &str = include_str!("../../data/prosesser/utvikling-drift.md");

/// The seed as if read from disk at `file`, with `edit` applied to its text.
fn seed_on_disk(file: &str, edit: impl Fn(&str) -> String) -> Handbook {
    load_sources(vec![Source {
        path: "utvikling-drift.md".to_owned(),
        file: Some(PathBuf::from(file)),
        bytes: edit(SEED).into_bytes(),
    }])
}

/// The browser at 120x35 on the seed as if read from `/h/utvikling-drift.md`.
fn on_disk() -> App {
    app_with(
        seed_on_disk("/h/utvikling-drift.md", str::to_owned),
        120,
        35,
        Lang::Nb,
        Theme::colour(),
    )
}

fn select(app: &mut App, title: &str) {
    press(app, KeyCode::Char('g'));
    for _ in 0..app.cards.visible.len() {
        if title_of(app) == title {
            return;
        }
        press(app, KeyCode::Char('j'));
    }
    panic!("no card {title}");
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

// ----- the detail pane -----

#[test]
fn release_receives_from_behov_utvikling_and_the_external_portefolje() {
    let app = app(120, 35);
    assert_eq!(title_of(&app), "Release");
    let text = screen(&draw(&app));
    for line in [
        "│ Mottar fra    1 Behov ",
        "│                 input nevner «behov», «behovs-» ",
        "│               2 Utvikling ",
        "│               Portefølje (ekstern) ",
        "│                 input nevner «portefølje-» ",
        "│ Leverer til   ingen ",
    ] {
        assert!(text.contains(line), "{line:?} missing:\n{text}");
    }
}

#[test]
fn tilgangsstyring_has_no_links_either_way() {
    let mut app = app(120, 35);
    select(&mut app, "Tilgangsstyring");
    let text = screen(&draw(&app));
    assert!(text.contains("│ Mottar fra    ingen "), "{text}");
    assert!(text.contains("│ Leverer til   ingen "), "{text}");
}

#[test]
fn english_says_receives_from_and_external() {
    let app = app_with(super::tests::seed(), 120, 35, Lang::En, Theme::colour());
    let text = screen(&draw(&app));
    assert!(text.contains("Receives from   1 Behov"), "{text}");
    assert!(text.contains("Portefølje (external)"), "{text}");
    assert!(text.contains("Delivers to     none"), "{text}");
}

// ----- jumping along links -----

#[test]
fn digits_jump_along_links_and_backspace_walks_back() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(title_of(&app), "Behov");
    // Behov: from Portefølje (external, no digit); to Release (1), Utvikling (2).
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(title_of(&app), "Utvikling");
    // Utvikling: from Behov (1); to Release (2), Produksjonssetting (3).
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(title_of(&app), "Produksjonssetting");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(title_of(&app), "Utvikling");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(title_of(&app), "Behov");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(title_of(&app), "Release");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(title_of(&app), "Release");
    assert_eq!(message(&app), "Ingen tidligere prosess å gå tilbake til.");
}

#[test]
fn a_digit_without_a_link_says_so_and_stays() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(title_of(&app), "Release");
    assert_eq!(message(&app), "Prosessen har ingen lenke med nummer 3.");
    let text = screen(&draw(&app));
    assert!(
        text.contains("Prosessen har ingen lenke med nummer 3."),
        "{text}"
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.message, None, "a message lasts until the next key");
}

#[test]
fn following_a_link_to_a_filtered_out_card_drops_the_filter() {
    let mut app = app(120, 35);
    search(&mut app, "grimstad");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(title_of(&app), "Behov");
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(title_of(&app), "Utvikling");
    assert_eq!(app.cards.visible.len(), 9);
}

// ----- the flow view -----

#[test]
fn flow_view_draws_the_chain_the_feeds_and_the_unlinked_cards() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.view, View::Flow);
    let buffer = draw(&app);
    let text = screen(&buffer);
    assert!(
        text.contains("  Portefølje (ekstern) → Behov → Utvikling → Produksjonssetting "),
        "{text}"
    );
    assert!(
        text.contains("  Release ← Behov, Utvikling, Portefølje (ekstern) "),
        "{text}"
    );
    assert!(
        text.contains("  Endringsstyring, Forespørsler, Hendelser, Problemer, Tilgangsstyring"),
        "{text}"
    );
    // The selected card is the highlighted one.
    let marked = screen_marked(&buffer, |c| c.modifier.contains(Modifier::REVERSED));
    assert!(marked.contains("[Release]"), "{marked}");
    insta::assert_snapshot!(marked);
}

#[test]
fn flow_view_fits_80x24() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn a_narrow_flow_view_breaks_chains_after_an_arrow() {
    let mut app = app(40, 20);
    press(&mut app, KeyCode::Char('f'));
    let text = screen(&draw(&app));
    assert!(
        text.contains("┃   Portefølje (ekstern) → Behov →     "),
        "{text}"
    );
    assert!(
        text.contains("┃     Utvikling → Produksjonssetting   "),
        "{text}"
    );
}

#[test]
fn enter_in_the_flow_view_selects_the_card_in_the_list() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('f'));
    // Cursor order: Behov, Utvikling, Produksjonssetting, Release, then the unlinked.
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.flow
            .as_ref()
            .and_then(|f| f.card())
            .map(|id| app.ctx.card_title(id))
            .as_deref(),
        Some("Produksjonssetting")
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Cards);
    assert_eq!(title_of(&app), "Produksjonssetting");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(title_of(&app), "Release", "the jump can be undone");
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Cards);
}

// ----- the editor -----

#[test]
fn e_asks_for_the_editor_at_the_cards_line() {
    let mut app = on_disk();
    app.editor = Editor::from_vars(None, Some("vim"));
    select(&mut app, "Behov");
    press(&mut app, KeyCode::Char('e'));
    let Some(Request::Edit(command)) = app.request.take() else {
        panic!("no edit request");
    };
    assert_eq!(command.program, "vim");
    assert_eq!(command.args, ["+44", "/h/utvikling-drift.md"]);
}

#[test]
fn e_without_an_editor_or_a_file_says_why() {
    let mut on_disk = on_disk();
    on_disk.editor = Ok(None);
    press(&mut on_disk, KeyCode::Char('e'));
    assert_eq!(on_disk.request, None);
    assert!(
        message(&on_disk).contains("$VISUAL eller $EDITOR"),
        "{:?}",
        on_disk.message
    );

    let mut compiled = app(120, 35);
    compiled.editor = Editor::from_vars(None, Some("vim"));
    press(&mut compiled, KeyCode::Char('e'));
    assert_eq!(compiled.request, None);
    assert!(
        message(&compiled).starts_with("Innebygd håndbok"),
        "{:?}",
        compiled.message
    );
    let text = screen(&draw(&compiled));
    assert!(
        text.contains("Innebygd håndbok: ingen fil å redigere"),
        "{text}"
    );
}

#[test]
fn e_with_an_editor_that_cannot_be_split_says_which_variable() {
    let mut app = on_disk();
    app.editor = Editor::from_vars(None, Some("\"/opt/My Editor/ed -w"));
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.request, None);
    assert_eq!(
        message(&app),
        "$EDITOR kan ikke deles i ord: et anførselstegn (eller en \\ til slutt) lukkes ikke."
    );
    assert!(app.message.as_ref().unwrap().error);
}

// ----- reading again -----

#[test]
fn r_on_the_compiled_in_handbook_says_there_is_nothing_to_read() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.request, None);
    assert!(message(&app).contains("ingen filer å lese på nytt"));
    app.can_reload = true;
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.request, Some(Request::Reload));
}

#[test]
fn reloading_keeps_the_selection_on_the_same_card_and_shows_the_change() {
    let mut app = on_disk();
    select(&mut app, "Behov");
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(title_of(&app), "Utvikling");
    // A new card before it, and its owner changed.
    let changed = seed_on_disk("/h/utvikling-drift.md", |s| {
        s.replace("Roberto Andres Carrera", "Kari Nordmann")
            .replacen(
                "{{< prosesser/strategy-card",
                "{{< prosesser/strategy-card title=\"Ny\" >}}\n\n{{< prosesser/strategy-card",
                1,
            )
    });
    app.reloaded(Ok(Loaded::build(changed)));
    assert_eq!(title_of(&app), "Utvikling");
    assert_eq!(app.cards.visible.len(), 10);
    let text = screen(&draw(&app));
    assert!(text.contains("Kari Nordmann"), "{text}");
    assert!(text.contains("Filene er lest på nytt."), "{text}");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(title_of(&app), "Behov", "the history survives too");
}

#[test]
fn a_broken_file_shows_its_diagnostic_and_recovers_when_whole_again() {
    let mut app = on_disk();
    select(&mut app, "Produksjonssetting");
    let before = app.ctx.diagnostics().len();
    // Half written: the last card's call is not closed.
    let cut = SEED.rfind(">}}").unwrap();
    let broken = seed_on_disk("/h/utvikling-drift.md", |s| s[..cut].to_owned());
    app.reloaded(Ok(Loaded::build(broken)));
    assert!(
        app.ctx.count(crate::Severity::Error) > 0,
        "{:?}",
        app.ctx.diagnostics()
    );
    assert_eq!(title_of(&app), "Produksjonssetting");
    let text = screen(&draw(&app));
    assert!(text.contains("1 feil"), "{text}");
    app.reloaded(Ok(Loaded::build(seed_on_disk(
        "/h/utvikling-drift.md",
        str::to_owned,
    ))));
    assert_eq!(app.ctx.diagnostics().len(), before);
    assert_eq!(title_of(&app), "Produksjonssetting");
}

#[test]
fn a_card_that_is_gone_leaves_the_selection_at_its_place() {
    let mut app = on_disk();
    select(&mut app, "Behov");
    let renamed = seed_on_disk("/h/utvikling-drift.md", |s| {
        s.replace("title=\"Behov\"", "title=\"Etterspørsel\"")
    });
    app.reloaded(Ok(Loaded::build(renamed)));
    assert_eq!(title_of(&app), "Etterspørsel");
}

#[test]
fn a_failed_reload_keeps_the_handbook_and_says_why() {
    let mut app = app(120, 35);
    app.reloaded(Err(crate::load::LoadError::NotFound("x.md".into())));
    assert_eq!(app.cards.visible.len(), 9);
    // Said in the reader's language, once.
    assert_eq!(message(&app), "Kunne ikke lese på nytt: x.md finnes ikke");
    assert!(app.message.as_ref().unwrap().error);
}

#[test]
fn reloading_keeps_the_person_and_the_finding_chosen_though_others_come_before_them() {
    let mut app = on_disk();
    press(&mut app, KeyCode::Char('p'));
    super::tests::down_to_person(&mut app, "Torkel Buarøy");
    let chosen = |app: &App| {
        let people = app.ctx.people().unwrap();
        people[app.people.list.selected()].name.clone()
    };
    assert_eq!(chosen(&app), "Torkel Buarøy");
    // Someone new, listed before him.
    let added = seed_on_disk("/h/utvikling-drift.md", |s| {
        s.replacen(
            "{{< prosesser/strategy-card",
            "{{< prosesser/strategy-card title=\"Ny\" owner=\"Anne Berg\" >}}\n\n{{< prosesser/strategy-card",
            1,
        )
    });
    app.reloaded(Ok(Loaded::build(added)));
    let text = screen(&draw(&app));
    assert!(text.contains("Anne Berg"), "{text}");
    assert_eq!(chosen(&app), "Torkel Buarøy", "{text}");

    // The same for a finding: the last one, with a new one before it.
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('w'));
    press(&mut app, KeyCode::End);
    let finding = |app: &App| app.ctx.diagnostics()[app.diagnostics.list.selected()].clone();
    let last = finding(&app);
    let more = seed_on_disk("/h/utvikling-drift.md", |s| {
        s.replacen(
            "{{< prosesser/strategy-card",
            "{{< prosesser/strategy-card title=\"Ny\" owner=\"Anne Berg\" >}}\n\n\
             {{< prosesser/strategy-card title=\"Uten leder\" >}}\n\n{{< prosesser/strategy-card",
            1,
        )
    });
    app.reloaded(Ok(Loaded::build(more)));
    let now = finding(&app);
    assert_eq!((now.rule, &now.message), (last.rule, &last.message));
}
