//! The browser drawn into ratatui's `TestBackend` on the real seed, and
//! keys driven through the keymap table into `update`.

use crate::i18n::Lang;
use crate::load::{Source, load_sources};
use crate::{CardId, Field, Handbook};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::app::{App, View};
use super::keymap::{self, Action};
use super::render::render;
use super::theme::Theme;
use super::views::{Focus, detail, help};

const SEED: &[u8] = include_bytes!("../../data/prosesser/utvikling-drift.md");

pub(super) fn seed() -> Handbook {
    static SEED_HANDBOOK: std::sync::OnceLock<Handbook> = std::sync::OnceLock::new();
    SEED_HANDBOOK
        .get_or_init(|| pages(&[("prosesser/utvikling-drift.md", SEED)]))
        .clone()
}

/// A handbook of pages held in memory (path, text), none of them on disk.
pub(super) fn pages(pages: &[(&str, &[u8])]) -> Handbook {
    load_sources(
        pages
            .iter()
            .map(|(path, text)| Source {
                path: (*path).to_owned(),
                file: None,
                bytes: text.to_vec(),
            })
            .collect(),
    )
}

pub(super) fn app_with(
    handbook: Handbook,
    width: u16,
    height: u16,
    lang: Lang,
    theme: Theme,
) -> App {
    let mut app = App::new(handbook, lang, theme, true);
    app.wait_jobs(None);
    app.update(Action::Resize(width, height));
    app
}

pub(super) fn app(width: u16, height: u16) -> App {
    app_with(seed(), width, height, Lang::Nb, Theme::colour())
}

/// Press keys as the terminal reports them, through the keymap table.
pub(super) fn press(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    if let Some(action) = keymap::lookup(app.editing(), KeyEvent::new(code, mods)) {
        app.update(action);
    }
}

fn ctrl(app: &mut App, c: char) {
    if let Some(action) = keymap::lookup(
        app.editing(),
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
    ) {
        app.update(action);
    }
}

pub(super) fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub(super) fn search(app: &mut App, query: &str) {
    press(app, KeyCode::Char('/'));
    typed(app, query);
}

pub(super) fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, with cells for which `mark` holds wrapped in `[...]`.
pub(super) fn screen_marked(
    buffer: &Buffer,
    mark: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut inside = false;
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let m = mark(cell);
            if m != inside {
                out.push(if m { '[' } else { ']' });
                inside = m;
            }
            if skip == 0 {
                out.push_str(cell.symbol());
            }
            skip =
                (skip.max(unicode_width::UnicodeWidthStr::width(cell.symbol()))).saturating_sub(1);
        }
        if inside {
            out.push(']');
        }
        out.push('\n');
    }
    out
}

pub(super) fn screen(buffer: &Buffer) -> String {
    screen_marked(buffer, |_| false)
}

fn is_match(cell: &ratatui::buffer::Cell) -> bool {
    cell.bg == Color::Yellow
}

/// In the people view, `j` down to the person called `name`.
pub(super) fn down_to_person(app: &mut App, name: &str) {
    let people = app.ctx.people().expect("the people have arrived");
    let at = people.iter().position(|p| p.name == name).unwrap();
    for _ in 0..at {
        press(app, KeyCode::Char('j'));
    }
}

pub(super) fn title_of(app: &App) -> String {
    let id = app.cards.current().expect("a card is selected");
    app.ctx.handbook.card(id).unwrap().title().into_owned()
}

fn titles(app: &App) -> Vec<String> {
    app.cards
        .visible
        .iter()
        .map(|id| app.ctx.handbook.card(*id).unwrap().title().into_owned())
        .collect()
}

// ----- snapshots -----

#[test]
fn main_screen_shows_list_detail_title_and_status() {
    let app = app(120, 35);
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn searching_grimstad_filters_as_you_type_and_highlights_matches() {
    let mut app = app(120, 35);
    search(&mut app, "grimstad");
    assert!(app.editing());
    assert_eq!(titles(&app), ["Endringsstyring", "Behov"]);
    insta::assert_snapshot!(screen_marked(&draw(&app), is_match));
}

#[test]
fn searching_leder_torkel_keeps_the_filter_after_enter() {
    let mut app = app(120, 35);
    search(&mut app, "leder:torkel");
    press(&mut app, KeyCode::Enter);
    assert!(!app.editing());
    assert_eq!(titles(&app), ["Release", "Produksjonssetting"]);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(title_of(&app), "Produksjonssetting");
    insta::assert_snapshot!(screen_marked(&draw(&app), is_match));
}

#[test]
fn people_view_lists_everyone_with_their_cards() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.view, View::People);
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.open);
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn narrow_terminal_stacks_list_over_detail() {
    let app = app(60, 30);
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn too_small_terminal_says_so() {
    let app = app(12, 4);
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn english_labels_with_lang_en() {
    let mut app = app_with(seed(), 100, 30, Lang::En, Theme::colour());
    typed(&mut app, "G"); // Tilgangsstyring: input and output absent
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn empty_and_absent_fields_read_as_not_set() {
    let mut app = app(120, 35);
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(title_of(&app), "Forespørsler");
    let text = screen(&draw(&app));
    assert!(text.contains("Prosesseier   ikke satt (tom)"), "{text}");
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&draw(&app));
    assert!(text.contains("Input         ikke satt (mangler)"), "{text}");
    assert!(text.contains("prosesser/utvikling-drift.md:98"), "{text}");
}

#[test]
fn no_color_keeps_the_selection_visible_with_reverse_and_a_marker() {
    let mut app = app_with(seed(), 120, 35, Lang::Nb, Theme::plain());
    search(&mut app, "hanne");
    press(&mut app, KeyCode::Down);
    let buffer = draw(&app);
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "no colour under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset, "no colour under NO_COLOR");
    }
    let marked = screen_marked(&buffer, |c| c.modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(marked);
    assert!(marked.contains("[> Endringsstyring"), "{marked}");
}

#[test]
fn empty_result_says_so_and_shows_the_query() {
    let mut app = app(80, 24);
    search(&mut app, "zzz");
    press(&mut app, KeyCode::Enter);
    assert!(app.cards.visible.is_empty());
    let text = screen(&draw(&app));
    assert!(text.contains("Ingen treff for «zzz»."), "{text}");
    assert!(text.contains("0 av 9"), "{text}");
}

#[test]
fn several_documents_are_grouped_under_their_titles() {
    let other = b"---\ntitle: Andre prosesser\nweight: 1\n---\n\n{{< prosesser/strategy-card title=\"Budsjett\" owner=\"Kari Nordmann\" >}}\n";
    let handbook = pages(&[
        ("prosesser/utvikling-drift.md", SEED),
        ("prosesser/andre.md", other),
    ]);
    let mut app = app_with(handbook, 100, 20, Lang::Nb, Theme::colour());
    assert!(app.ctx.grouped);
    press(&mut app, KeyCode::Char('G'));
    insta::assert_snapshot!(screen(&draw(&app)));
}

#[test]
fn owners_line_up_after_titles_with_emoji() {
    let text = "---\ntitle: Hjerte\n---\n\n\
{{< prosesser/strategy-card title=\"Kjærlighet \u{2764}\u{FE0F}\" owner=\"Ola\" >}}\n\
{{< prosesser/strategy-card title=\"Glede og latter\" owner=\"Kari\" >}}\n";
    let handbook = pages(&[("hjerte.md", text.as_bytes())]);
    let app = app_with(handbook, 120, 35, Lang::Nb, Theme::colour());
    let buffer = draw(&app);
    // The cell a name starts in, as drawn (a heart with its emoji selector
    // takes two).
    let column = |name: &str| {
        let area = buffer.area;
        (0..area.height)
            .flat_map(|y| (0..area.width).map(move |x| (x, y)))
            .find(|&(x, y)| {
                name.char_indices().all(|(i, c)| {
                    x + (i as u16) < area.width
                        && buffer[(x + i as u16, y)].symbol() == c.to_string()
                })
            })
            .map(|(x, _)| x)
    };
    let shown = screen(&buffer);
    assert_eq!(column("Ola"), column("Kari"), "{shown}");
}

// ----- nothing panics at any size -----

#[test]
fn every_size_from_1x1_to_40x15_draws_in_every_state() {
    type Setup = fn(&mut App);
    let states: &[(&str, Setup)] = &[
        ("main", |_| {}),
        ("search", |a| search(a, "grimstad")),
        ("query error", |a| search(a, "\"unclosed")),
        ("empty result", |a| search(a, "zzz")),
        ("detail scrolled", |a| {
            press(a, KeyCode::Tab);
            press(a, KeyCode::Char('G'));
        }),
        ("help", |a| press(a, KeyCode::Char('?'))),
        ("people", |a| press(a, KeyCode::Char('p'))),
        ("person picked", |a| {
            press(a, KeyCode::Char('p'));
            press(a, KeyCode::Enter);
        }),
        ("diagnostics", |a| press(a, KeyCode::Char('w'))),
        ("ingress", |a| press(a, KeyCode::Char('i'))),
        ("flow", |a| press(a, KeyCode::Char('f'))),
        ("history", super::tests_history::with_history),
        ("history card", |a| {
            super::tests_history::with_history(a);
            press(a, KeyCode::Enter);
        }),
    ];
    for (name, setup) in states {
        let mut app = app(80, 24);
        setup(&mut app);
        for w in 1..=40 {
            for h in 1..=15 {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    app.update(Action::Resize(w, h));
                    draw(&app);
                    // Keys at this size must not panic either.
                    let code = [
                        KeyCode::Char('j'),
                        KeyCode::PageDown,
                        KeyCode::Char('G'),
                        KeyCode::Tab,
                    ][(w + h) as usize % 4];
                    press(&mut app, code);
                    draw(&app);
                }));
                assert!(result.is_ok(), "panicked at {w}x{h} in state {name}");
            }
        }
    }
}

// ----- update: key -> action -> state -----

#[test]
fn j_k_g_and_big_g_move_the_selection() {
    let mut app = app(120, 35);
    assert_eq!(title_of(&app), "Release");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(title_of(&app), "Endringsstyring");
    press(&mut app, KeyCode::Down);
    assert_eq!(title_of(&app), "Behov");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(title_of(&app), "Endringsstyring");
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(title_of(&app), "Tilgangsstyring");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(title_of(&app), "Tilgangsstyring", "stays at the bottom");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(title_of(&app), "Release");
    press(&mut app, KeyCode::End);
    assert_eq!(title_of(&app), "Tilgangsstyring");
    press(&mut app, KeyCode::Home);
    assert_eq!(title_of(&app), "Release");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(title_of(&app), "Tilgangsstyring");
    ctrl(&mut app, 'u');
    assert_ne!(title_of(&app), "Tilgangsstyring");
}

#[test]
fn tab_moves_focus_and_the_detail_scrolls_with_the_same_keys() {
    let mut app = app(40, 12);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.detail.scroll, 1);
    assert_eq!(title_of(&app), "Release", "the selection does not move");
    press(&mut app, KeyCode::Char('G'));
    let bottom = app.detail.scroll;
    assert!(bottom > 1);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.detail.scroll, bottom, "does not scroll past the end");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.detail.scroll, 0);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn selection_stays_on_the_same_card_while_it_still_matches() {
    let mut app = app(120, 35);
    // In document order (o); best first, the best match is selected.
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(title_of(&app), "Behov");
    search(&mut app, "hanne");
    assert_eq!(title_of(&app), "Behov");
    typed(&mut app, " grimstad");
    assert_eq!(title_of(&app), "Behov");
    // No longer matching: the first hit is selected.
    press(&mut app, KeyCode::Esc);
    search(&mut app, "torkel");
    assert_eq!(title_of(&app), "Release");
}

#[test]
fn esc_in_the_search_line_clears_the_filter() {
    let mut app = app(120, 35);
    search(&mut app, "grimstad");
    assert_eq!(app.cards.visible.len(), 2);
    press(&mut app, KeyCode::Esc);
    assert!(!app.editing());
    assert_eq!(app.cards.visible.len(), 9);
    assert!(app.cards.search.applied().is_empty());
}

#[test]
fn esc_after_enter_clears_the_kept_filter() {
    let mut app = app(120, 35);
    search(&mut app, "grimstad");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.cards.visible.len(), 2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.cards.visible.len(), 9);
}

#[test]
fn backspace_and_ctrl_w_widen_the_search_again() {
    let mut app = app(120, 35);
    search(&mut app, "hanne zzz");
    assert!(app.cards.visible.is_empty());
    ctrl(&mut app, 'w');
    assert_eq!(app.cards.search.input, "hanne ");
    assert_eq!(app.cards.visible.len(), 3);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.cards.search.input, "hann");
    assert_eq!(app.cards.visible.len(), 3);
    ctrl(&mut app, 'u');
    assert_eq!(app.cards.visible.len(), 9);
}

#[test]
fn a_query_that_does_not_parse_keeps_the_last_filter_and_says_why() {
    let mut app = app(120, 35);
    search(&mut app, "grimstad \"");
    assert!(app.cards.search.error.is_some());
    assert_eq!(app.cards.visible.len(), 2, "the last good filter stays");
    // Said on Enter (or after a pause in typing).
    press(&mut app, KeyCode::Enter);
    let text = screen(&draw(&app));
    assert!(text.contains("Feil i søket"), "{text}");
}

#[test]
fn typing_q_in_the_search_line_does_not_quit_but_ctrl_c_does() {
    let mut app = app(120, 35);
    search(&mut app, "q");
    assert!(!app.quit);
    ctrl(&mut app, 'c');
    assert!(app.quit);
    let mut app = self::app(120, 35);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn n_and_big_n_step_through_the_matches_and_wrap() {
    let mut app = app(120, 35);
    search(&mut app, "leder:torkel");
    press(&mut app, KeyCode::Enter);
    assert_eq!(title_of(&app), "Release");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(title_of(&app), "Produksjonssetting");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(title_of(&app), "Release");
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(title_of(&app), "Produksjonssetting");
}

#[test]
fn enter_on_a_person_filters_the_cards_to_theirs() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('p'));
    down_to_person(&mut app, "Hanne Lauritsen");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Cards);
    assert_eq!(titles(&app), ["Release", "Endringsstyring", "Behov"]);
    assert_eq!(app.cards.person_name(&app.ctx), Some("Hanne Lauritsen"));
    // A search narrows within the person's cards.
    search(&mut app, "grimstad");
    press(&mut app, KeyCode::Enter);
    assert_eq!(titles(&app), ["Endringsstyring", "Behov"]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.cards.visible.len(), 9);
    assert_eq!(app.cards.person_name(&app.ctx), None);
}

#[test]
fn espen_herskedal_is_found_behind_his_team() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('p'));
    down_to_person(&mut app, "Espen Herskedal");
    press(&mut app, KeyCode::Enter);
    assert_eq!(titles(&app), ["Tilgangsstyring"]);
}

#[test]
fn help_opens_with_question_mark_or_f1_and_closes_with_esc() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::F(1));
    assert!(app.help.open);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        title_of(&app),
        "Release",
        "keys scroll the help, not the list"
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.help.open);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.open);
    press(&mut app, KeyCode::Char('?'));
    assert!(!app.help.open);
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut app = app(120, 35);
    let list = app.regions().list_inner();
    app.update(Action::Click(list.x + 3, list.y + 4));
    assert_eq!(title_of(&app), "Produksjonssetting");
    let detail = app.regions().detail_inner();
    app.update(Action::Click(detail.x + 3, detail.y + 1));
    assert_eq!(app.focus, Focus::Detail);
    app.update(Action::WheelDown(list.x + 1, list.y + 1));
    assert_eq!(title_of(&app), "Forespørsler");
    app.update(Action::WheelUp(list.x + 1, list.y + 1));
    assert_eq!(title_of(&app), "Produksjonssetting");
}

#[test]
fn resizing_keeps_the_selection_on_screen() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('G'));
    app.update(Action::Resize(40, 10));
    let buffer = draw(&app);
    assert!(
        screen(&buffer).contains("> Tilgangsstyring"),
        "{}",
        screen(&buffer)
    );
    app.update(Action::Resize(12, 4));
    draw(&app);
    app.update(Action::Resize(120, 35));
    assert!(screen(&draw(&app)).contains("> Tilgangsstyring"));
}

#[test]
fn narrowing_as_you_type_finds_what_a_fresh_search_finds() {
    for query in [
        "hanne",
        "eier:hanne",
        "leder:torkel",
        "person:grimstad",
        "mork",
        "/re.*se/",
        "buaroey",
    ] {
        let mut typing = app(120, 35);
        press(&mut typing, KeyCode::Char('/'));
        for c in query.chars() {
            press(&mut typing, KeyCode::Char(c));
            let mut fresh = app(120, 35);
            search(&mut fresh, &typing.cards.search.input.clone());
            assert_eq!(
                typing.cards.visible, fresh.cards.visible,
                "after typing {:?}",
                typing.cards.search.input
            );
        }
    }
}

#[test]
fn the_list_draws_only_visible_rows_at_scale() {
    // 20,000 cards over 2,000 documents: building is linear, a frame only
    // touches the rows on screen, and a search keystroke rebuilds the rows once.
    let mut sources = Vec::new();
    for d in 0..2000 {
        let mut text = format!("---\ntitle: Dokument {d:04}\nweight: {}\n---\n", d + 1);
        for c in 0..10 {
            text.push_str(&format!(
                "{{{{< prosesser/strategy-card title=\"Prosess {d}-{c}\" owner=\"Eier {c}\" leader=\"Leder {}\" >}}}}\n",
                d % 7
            ));
        }
        sources.push(Source {
            path: format!("d/{d:04}.md"),
            file: None,
            bytes: text.into_bytes(),
        });
    }
    let mut app = app_with(load_sources(sources), 120, 35, Lang::Nb, Theme::colour());
    assert_eq!(app.cards.total(), 20_000);
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&draw(&app));
    assert!(text.contains("> Prosess 1999-9"), "{text}");
    search(&mut app, "leder:3");
    assert!(!app.cards.visible.is_empty());
    assert!(
        app.cards
            .visible
            .iter()
            .all(|id| { app.ctx.handbook.card(*id).unwrap().text(Field::Leader) == "Leder 3" })
    );
    assert_eq!(
        app.cards.visible.first(),
        Some(&CardId {
            document: 3,
            card: 0
        })
    );
}

#[test]
fn control_characters_and_bidi_overrides_never_reach_the_screen() {
    let doc = "---\ntitle: \"Ond\\e[2J side\"\ningress: \"Ingress\\a med bjelle\"\n---\n\n\
{{< prosesser/strategy-card title=\"Ond\u{1b}[31m\u{202e}kort\" owner=\"Eve\u{7}\" \
purpose=`linje1\nlinje2\u{1b}]52;c;aGk=\u{7}` uvanlig=\"\u{9b}2J\" >}}\n";
    let handbook = pages(&[("ond\u{1b}.md", doc.as_bytes())]);
    assert_eq!(handbook.card_count(), 1, "{:?}", handbook.diagnostics);
    for setup in [
        (|_: &mut App| {}) as fn(&mut App),
        |a| search(a, "kort"),
        |a| press(a, KeyCode::Char('p')),
        |a| press(a, KeyCode::Char('w')),
    ] {
        let mut app = app_with(handbook.clone(), 100, 30, Lang::Nb, Theme::colour());
        app.update(Action::Ingress);
        setup(&mut app);
        let buffer = draw(&app);
        for cell in buffer.content() {
            for c in cell.symbol().chars() {
                assert!(
                    !crate::text::is_unsafe(c),
                    "{c:?} reached the screen:\n{}",
                    screen(&buffer)
                );
            }
        }
    }
    let app = app_with(handbook, 100, 30, Lang::Nb, Theme::colour());
    let text = screen(&draw(&app));
    assert!(text.contains("Ond␛[31m<U+202E>kort"), "{text}");
}

#[test]
fn n_scrolls_the_detail_to_the_match_with_and_without_colour() {
    for theme in [Theme::colour(), Theme::plain()] {
        // Short enough that the output field is below the detail's fold.
        let mut app = app_with(seed(), 60, 16, Lang::Nb, theme);
        search(&mut app, "output:produksjonssatt");
        press(&mut app, KeyCode::Enter);
        assert_eq!(title_of(&app), "Produksjonssetting");
        assert_eq!(app.detail.scroll, 0);
        press(&mut app, KeyCode::Char('n'));
        let width = app.regions().detail_inner().width as usize;
        let lines = detail::card_lines(&app.ctx, app.cards.current(), app.cards.query(), width);
        let at = lines
            .iter()
            .position(detail::holds_match)
            .expect("a line holds the match");
        assert!(at > 2, "the match is below the title");
        // One line of context above the match.
        assert_eq!(app.detail.scroll, at - 1, "{theme:?}");
        let shown = screen(&draw(&app));
        assert!(shown.contains("produksjonssatt"), "{shown}");
    }
}

#[test]
fn a_title_match_is_highlighted_in_the_detail_without_colour() {
    let mut app = app_with(seed(), 120, 35, Lang::Nb, Theme::plain());
    search(&mut app, "tittel:produksjon");
    press(&mut app, KeyCode::Enter);
    let buffer = draw(&app);
    let detail = app.regions().detail_inner();
    let marked = screen_marked(&buffer, |c| {
        c.modifier
            .contains(Modifier::REVERSED | Modifier::UNDERLINED)
    });
    let title_row = marked.lines().nth(detail.y as usize).unwrap();
    assert!(title_row.contains("[Produksjon]ssetting"), "{title_row}");
}

#[test]
fn the_detail_is_laid_out_by_update_for_what_is_selected_now() {
    let mut app = app(120, 35);
    let current = |app: &App| {
        let width = app.regions().detail_inner().width as usize;
        let fresh =
            detail::DetailModel::build(&app.ctx, app.cards.current(), app.cards.query(), width);
        assert_eq!(app.detail.layout.lines, fresh.lines);
        assert_eq!(app.detail.layout.first_match, fresh.first_match);
    };
    current(&app);
    press(&mut app, KeyCode::Char('j'));
    current(&app);
    search(&mut app, "grimstad");
    current(&app);
    assert!(app.detail.layout.first_match.is_some());
    press(&mut app, KeyCode::Enter);
    app.update(Action::Resize(60, 20));
    current(&app);
    press(&mut app, KeyCode::Esc);
    current(&app);
}

/// A page with two cards on one line (the second repeats the first's title)
/// and a navigation entry no card has.
fn two_on_a_line() -> Handbook {
    let text = "---\ntitle: To\nnavigation_link:\n  text: |\n    <p> - A</p>\n    <p> - Finnes ikke</p>\n---\n\n\
        {{< prosesser/strategy-card title=\"A\" owner=\"Ola\" >}}{{< prosesser/strategy-card title=\"A\" owner=\"Kari\" >}}\n";
    pages(&[("to.md", text.as_bytes())])
}

#[test]
fn enter_on_a_finding_opens_the_card_at_its_line_and_column() {
    let mut app = app_with(two_on_a_line(), 120, 35, Lang::Nb, Theme::colour());
    press(&mut app, KeyCode::Char('w'));
    let duplicate = app
        .ctx
        .diagnostics()
        .iter()
        .position(|d| d.rule == crate::Rule::DuplicateTitle)
        .expect("the second A is a duplicate");
    for _ in 0..duplicate {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Cards);
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(
        app.cards.current(),
        Some(CardId {
            document: 0,
            card: 1
        })
    );
    assert_eq!(
        app.ctx
            .handbook
            .card(app.cards.current().unwrap())
            .unwrap()
            .text(Field::Owner),
        "Kari"
    );
}

#[test]
fn enter_on_a_finding_without_a_card_says_so() {
    let mut app = app_with(two_on_a_line(), 120, 35, Lang::Nb, Theme::colour());
    press(&mut app, KeyCode::Char('w'));
    let front_matter = app
        .ctx
        .diagnostics()
        .iter()
        .position(|d| d.message.contains("Finnes ikke"))
        .expect("a finding in the front matter");
    for _ in 0..front_matter {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Diagnostics, "stays on the findings");
    let message = app.message.as_ref().expect("a notice");
    assert!(message.text.contains("ingen prosess"), "{}", message.text);
    assert!(screen(&draw(&app)).contains("Funnet gjelder ingen prosess"));
}

#[test]
fn query_errors_and_severities_read_in_norwegian() {
    let mut app = app(120, 35);
    search(&mut app, "\"hanne");
    // Shown on Enter (or after a pause in typing).
    press(&mut app, KeyCode::Enter);
    let text = screen(&draw(&app));
    assert!(
        text.contains("Feil i søket ved tegn 1: mangler avsluttende \""),
        "{text}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('w'));
    let text = screen(&draw(&app));
    assert!(text.contains(": advarsel: "), "{text}");
    assert!(!text.contains(": warning: "), "{text}");
}

#[test]
fn help_shows_how_to_write_a_query_with_every_scope() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&draw(&app));
    assert!(text.contains("Søk"), "{text}");
    for written in ["\"hanne lau\"", "/m[oø]rk$/", "-hanne", "person:"] {
        assert!(text.contains(written), "{written} in {text}");
    }
    for (name, _) in crate::query::Scope::NAMES {
        // Spellings that fold alike are shown once.
        if !["formal", "formaal"].contains(&name) {
            assert!(text.contains(&format!("{name}:")), "{name} in {text}");
        }
    }
    assert!(
        text.contains("bare i Prosesseier eller Prosessleder"),
        "{text}"
    );
    assert!(text.contains("bare i sidens tittel og sti"), "{text}");
}

#[test]
fn every_help_row_about_keys_comes_from_a_binding() {
    let app = app(120, 35);
    let t = crate::i18n::words(app.ctx.lang);
    let lines = help::lines(app.ctx.lang, 62);
    let rows: Vec<(String, String)> = lines
        .iter()
        .take_while(|l| l.first().is_none_or(|(text, _)| text != t.help_search))
        .filter(|l| l.len() == 3)
        .map(|l| (l[0].0.trim().to_owned(), l[2].0.clone()))
        .collect();
    assert!(rows.len() > 20, "{rows:?}");
    for (keys, description) in rows {
        let from = keymap::KEYMAP.iter().find(|b| {
            b.description(app.ctx.lang) == description && keys.starts_with(&b.keys_label())
        });
        assert!(from.is_some(), "{keys} {description}");
    }
}

#[test]
fn i_hides_and_shows_the_ingress() {
    let mut app = app(120, 35);
    let ingress = "En synergisk reise";
    assert!(
        screen(&draw(&app)).contains(ingress),
        "shown when there is room"
    );
    press(&mut app, KeyCode::Char('i'));
    assert!(!screen(&draw(&app)).contains(ingress));
    press(&mut app, KeyCode::Char('i'));
    assert!(screen(&draw(&app)).contains(ingress));
}

#[test]
fn w_then_enter_on_a_card_finding_opens_that_card_on_the_seed() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.view, View::Diagnostics);
    // The first finding is in the front matter; the second is about Forespørsler.
    press(&mut app, KeyCode::Char('j'));
    let d = app.ctx.diagnostics()[1].clone();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Cards);
    assert_eq!(app.focus, Focus::Detail);
    let card = app.ctx.handbook.card(app.cards.current().unwrap()).unwrap();
    assert_eq!((card.line, card.column), (d.line, d.column));
    assert_eq!(title_of(&app), "Forespørsler");
}

/// A page Hugo does not publish (`draft: yes`, a YAML 1.1 boolean) is marked
/// in its list rows, its group heading and the detail, in the warning colour.
#[test]
fn an_unpublished_page_is_marked_in_the_list_and_the_detail() {
    let draft = b"---\ntitle: Kladd\nweight: 1\ndraft: yes\n---\n\n{{< prosesser/strategy-card title=\"Budsjett\" owner=\"Kari Nordmann\" >}}\n";
    let handbook = pages(&[
        ("prosesser/utvikling-drift.md", SEED),
        ("prosesser/kladd.md", draft),
    ]);
    let app = app_with(handbook, 120, 30, Lang::Nb, Theme::colour());
    assert_eq!(title_of(&app), "Budsjett");
    let buffer = draw(&app);
    let text = screen(&buffer);
    assert!(text.contains("Kladd [utkast]"), "{text}");
    assert!(text.contains("Budsjett [utkast]"), "{text}");
    assert!(
        text.contains("[utkast] Hugo publiserer ikke denne siden"),
        "{text}"
    );
    // The seed's own rows carry no marker.
    assert!(!text.contains("Release ["), "{text}");
    let warning = Theme::colour().ink(super::theme::Role::Warning.into());
    let marked = screen_marked(&buffer, |c| {
        warning.fg.is_some() && c.fg == warning.fg.unwrap()
    });
    assert!(marked.contains("Budsjett[ [utkast]]"), "{marked}");

    let english = app_with(
        (*app.ctx.handbook).clone(),
        120,
        30,
        Lang::En,
        Theme::colour(),
    );
    let text = screen(&draw(&english));
    assert!(text.contains("Budsjett [draft]"), "{text}");
    assert!(
        text.contains("[draft] Hugo does not publish this page"),
        "{text}"
    );
}

#[test]
fn text_typed_or_pasted_in_one_burst_filters_once() {
    let mut app = app(120, 35);
    press(&mut app, KeyCode::Char('/'));
    let before = app.cards.filters;
    app.type_text("Produksjon\nsetting");
    assert_eq!(app.cards.filters, before + 1);
    assert_eq!(app.cards.search.input, "Produksjon setting");
    // One key is one filter, as before.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.cards.filters, before + 2);
    // Browsing, typed text is not keys: nothing happens.
    press(&mut app, KeyCode::Esc);
    app.type_text("q");
    assert!(!app.quit);
    assert_eq!(app.cards.filters, before + 2);
}

// ----- keys never wait for background work -----

/// The browser as the first frame of a large handbook finds it: background
/// work started, the index held back until `go` says so.
fn app_without_index(handbook: Handbook) -> (App, std::sync::mpsc::Sender<()>) {
    let (go, held) = std::sync::mpsc::channel();
    super::background::hold_index(held);
    let mut app = App::new(handbook, Lang::Nb, Theme::colour(), false);
    app.update(Action::Resize(120, 35));
    (app, go)
}

/// The cards `query` finds, best first, as the index ranks them (the
/// list's order while a query ranks it).
fn answer(handbook: &Handbook, query: &str) -> Vec<CardId> {
    let query = crate::query::Query::parse(query).unwrap();
    crate::query::search_handbook(handbook, &query)
        .into_iter()
        .map(|h| h.card)
        .collect()
}

#[test]
fn keys_typed_before_the_index_is_in_are_answered_without_it() {
    let (mut app, go) = app_without_index(seed());
    search(&mut app, "mork");
    // Had a key waited for the index, it would be in by now (after the
    // held job gave up waiting for `go`).
    assert!(!app.ctx.index_is_in(), "a key waited for the index");
    assert_eq!(app.cards.search.input, "mork");
    while app.working() {
        app.work();
    }
    assert_eq!(app.cards.visible, answer(&seed(), "mork"));
    let screen = screen(&draw(&app));
    assert!(screen.contains("Produksjonssetting"), "{screen}");
    go.send(()).unwrap();
    app.wait_jobs(None);
    assert!(app.ctx.index_is_in());
    assert_eq!(app.cards.visible, answer(&seed(), "mork"));
}

#[test]
fn a_large_handbook_is_read_a_slice_at_a_time_and_the_list_grows_to_the_answer() {
    let handbook = crate::query::testdata::synthetic(400, 25);
    let (mut app, go) = app_without_index(handbook.clone());
    search(&mut app, "a");
    let whole = answer(&handbook, "a");
    let mut seen = Vec::new();
    loop {
        // What shows is always part of the answer, in the answer's order.
        let shown: std::collections::HashSet<CardId> = app.cards.visible.iter().copied().collect();
        let expected: Vec<CardId> = whole
            .iter()
            .copied()
            .filter(|c| shown.contains(c))
            .collect();
        assert_eq!(app.cards.visible, expected, "not the answer's order");
        assert_eq!(shown.len(), app.cards.visible.len(), "a card twice");
        seen.push(app.cards.visible.len());
        if !app.working() {
            break;
        }
        let status = screen(&draw(&app));
        assert!(status.contains("… av 10000"), "{status}");
        app.work();
    }
    assert!(seen.len() > 2, "read in one go: {seen:?}");
    assert_eq!(app.cards.visible, whole);
    // Typing on narrows what was found; the index comes in and agrees.
    typed(&mut app, "n");
    while app.working() {
        app.work();
    }
    assert_eq!(app.cards.visible, answer(&handbook, "an"));
    go.send(()).unwrap();
    app.wait_jobs(None);
    assert!(!app.working());
    assert_eq!(app.cards.visible, answer(&handbook, "an"));
}
