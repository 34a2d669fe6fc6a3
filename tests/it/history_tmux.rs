//! `H` in the real browser, in tmux, on a git repository built here: the
//! selected card's history from git, the card as it was at a commit, back
//! with Esc; and the people view's former roles.

use crate::common;

use common::git_repo::Site;
use common::tmux::{self, Tmux};

const SEED: &str = include_str!("../../data/prosesser/utvikling-drift.md");
const PAGE: &str = "content/prosesser/utvikling-drift.md";

/// The seed committed, then Release's owner changed and its leader removed.
fn handbook_with_history() -> Site {
    let mut site = Site::new();
    site.commit_file(
        PAGE,
        SEED,
        "2024-03-01T09:00:00+01:00",
        "Kari Nordmann",
        "Første versjon",
    );
    let text = SEED.replacen(
        r#"owner="Hanne Lauritsen" "#,
        r#"owner="Kari Nordmann" "#,
        1,
    );
    site.commit_file(
        PAGE,
        &text,
        "2024-03-05T11:00:00+01:00",
        "Ola Nordmann",
        "Kari eier Release",
    );
    let text = text.replacen("  leader=\"Torkel Buarøy\" \n", "", 1);
    assert_ne!(text.len(), SEED.len());
    site.commit_file(
        PAGE,
        &text,
        "2024-03-06T12:30:00+01:00",
        "Ola Nordmann",
        "Release har ingen leder",
    );
    site
}

#[test]
fn h_shows_the_cards_history_enter_the_card_then_and_esc_goes_back() {
    if !tmux::available("history_tmux") {
        return;
    }
    let site = handbook_with_history();
    let root = site.repo.path().to_str().unwrap();
    let script = format!("{}; echo EXIT=$?; sleep 60", tmux::command(&[], &[root]));
    let t = Tmux::session("history", 120, 35, &script, None);
    t.wait_for_all(&["> Release", "Kari Nordmann"]);
    t.key("H");
    let short = |i: usize| site.commits[i].0[..7].to_owned();
    let screen = t.wait_for_all(&[
        "Historikk: Release",
        &format!(
            "> 2024-03-06 12:30  {}  Ola Nordmann   Prosessleder: Torkel Buarøy → (fjernet)",
            short(2)
        ),
        &format!(
            "  2024-03-05 11:00  {}  Ola Nordmann   Prosesseier: Hanne Lauritsen → Kari Nordmann",
            short(1)
        ),
        &format!(
            "  2024-03-01 09:00  {}  Kari Nordmann  lagt til (Prosesseier: Hanne Lauritsen, Prosessleder: Torkel Buarøy)",
            short(0)
        ),
        "Release har ingen leder · content/prosesser/utvikling-drift.md",
    ]);
    // Only Release's entries: the other cards were added in the first commit too.
    assert!(!screen.contains("Endringsstyring"), "{screen}");

    // The card as it was after the owner changed: Kari owns, Torkel leads.
    t.key("j");
    t.key("Enter");
    t.wait_for_all(&[
        &format!("slik den var etter {}", short(1)),
        "Prosesseier   Kari Nordmann",
        "Prosessleder  Torkel Buarøy",
        "Kilde         content/prosesser/utvikling-drift.md:26",
        "Esc tilbake til historikken",
    ]);
    t.key("Escape");
    t.wait_for("j/k velger · Enter viser prosessen slik den var");
    t.key("Escape");
    let screen = t.wait_for("┏ Prosesser");
    assert!(screen.contains("> Release"), "{screen}");

    // Torkel Buarøy still leads Produksjonssetting, and used to lead Release.
    t.key("p");
    t.wait_for("Torkel Buarøy");
    for _ in 0..8 {
        t.key("j");
    }
    t.wait_for_all(&[
        "│ Torkel Buarøy ",
        "│ Tidligere prosessleder for ",
        &format!("│   • Release  (til 2024-03-06, {}) ", short(2)),
    ]);
    // q closes the people view, then quits from the main view.
    t.keys(&["q", "q"]);
    let screen = t.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    t.assert_screen_restored();
}

#[test]
fn h_outside_a_git_work_tree_says_why_and_the_browser_goes_on() {
    if !tmux::available("history_tmux_no_git") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("side.md"), SEED).unwrap();
    let path = dir.path().to_str().unwrap();
    let script = format!("{}; echo EXIT=$?; sleep 60", tmux::command(&[], &[path]));
    let t = Tmux::session("history-no-git", 120, 35, &script, None);
    t.wait_for("> Release");
    t.key("H");
    t.wait_for("is not inside a git work tree");
    t.key("Escape");
    t.wait_for("┏ Prosesser");
    t.key("q");
    let screen = t.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
}
