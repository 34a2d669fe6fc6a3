//! The real `prosesser` binary driven in tmux: keys in with `send-keys`, the
//! screen out with `capture-pane`, polled until the expected text shows (no
//! fixed sleeps). Each test has its own tmux server (`-L`), so they run in
//! parallel. When tmux is missing the tests say so loudly and pass; CI
//! (`.ci/run`) installs it.

use crate::common;

use common::tmux::{self, Tmux};
use std::process::Command;

impl Tmux {
    /// `prosesser ARGS` in a detached `width`x`height` tmux window, or `None`
    /// (with a loud message) when tmux is not installed.
    fn start(
        name: &str,
        width: u16,
        height: u16,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Option<Tmux> {
        Tmux::start_then(name, width, height, args, env, "")
    }

    /// [`Tmux::start`], running the shell command `then` after the browser
    /// has exited (and its status is printed).
    fn start_then(
        name: &str,
        width: u16,
        height: u16,
        args: &[&str],
        env: &[(&str, &str)],
        then: &str,
    ) -> Option<Tmux> {
        if !tmux::available(name) {
            return None;
        }
        // The exit status stays on screen after the browser has gone.
        let script = format!(
            "{}; echo EXIT=$?; {then} sleep 60",
            tmux::command(env, args)
        );
        Some(Tmux::session(name, width, height, &script, None))
    }

    /// Quit with `key` and check the browser left cleanly: exit status 0, the
    /// normal screen back, mouse reporting off.
    fn quit_cleanly(&self, key: &str) {
        self.key(key);
        let screen = self.wait_for("EXIT=");
        assert!(screen.contains("EXIT=0"), "exit status not 0:\n{screen}");
        self.assert_screen_restored();
        assert!(
            !screen.contains("Prosesseier"),
            "the browser is gone from the normal screen:\n{screen}"
        );
    }
}

/// Which card the detail pane shows: its source line in the seed.
fn source(line: u32) -> String {
    format!("prosesser/utvikling-drift.md:{line}")
}

#[test]
fn browses_the_compiled_in_seed_with_keys_search_help_and_resizing() {
    let Some(t) = Tmux::start("seed", 120, 35, &[], &[]) else {
        return;
    };
    let screen = t.wait_for_all(&[
        "Utviklings- og driftsprosesser (DevOps)",
        "9 av 9",
        &source(26),
    ]);
    assert!(screen.contains("> Release"), "{screen}");
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "the browser uses the alternate screen"
    );

    // j moves down, G to the bottom, g back to the top.
    t.key("j");
    t.wait_for_all(&["> Endringsstyring", &source(35), "Tony Grimstad"]);
    t.key("G");
    t.wait_for_all(&["> Tilgangsstyring", &source(98), "ikke satt (mangler)"]);
    t.key("g");
    t.wait_for_all(&["> Release", &source(26)]);

    // Search as you type.
    t.key("/");
    t.typed("grimstad");
    let screen = t.wait_for_all(&["/grimstad", "2 av 9", "> Endringsstyring"]);
    assert!(
        !screen.contains("Release "),
        "Release is filtered out:\n{screen}"
    );
    t.key("Enter");
    t.key("j");
    t.wait_for_all(&["> Behov", &source(44)]);
    t.key("Escape");
    t.wait_for("9 av 9");

    t.key("/");
    t.typed("leder:torkel");
    t.wait_for_all(&["/leder:torkel", "2 av 9"]);
    t.key("Enter");
    t.key("j");
    let screen = t.wait_for_all(&["> Produksjonssetting", &source(62), "Torkel Buarøy"]);
    assert!(!screen.contains("Endringsstyring"), "{screen}");
    t.key("Escape");
    t.wait_for("9 av 9");

    // Help opens and closes.
    t.key("?");
    t.wait_for_all(&["Hjelp", "til bunnen", "avslutt"]);
    t.key("Escape");
    t.wait_until("help closed", |s| !s.contains("til bunnen"));

    // Down to 12x4 and back.
    t.resize(12, 4);
    t.wait_for("for lite");
    t.resize(120, 35);
    t.wait_for_all(&["Prosesseier", "9 av 9"]);

    t.quit_cleanly("q");
}

#[test]
fn a_path_argument_opens_that_handbook() {
    let Some(dir) = tempfile::tempdir().ok() else {
        return;
    };
    let file = dir.path().join("kvalitet.md");
    std::fs::write(
        &file,
        "---\ntitle: Kvalitetsprosesser\n---\n\n{{< prosesser/strategy-card title=\"Revisjon\" owner=\"Åse Ørnes\" leader=\"\" >}}\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let Some(t) = Tmux::start("path", 100, 30, &[path], &[]) else {
        return;
    };
    let screen = t.wait_for_all(&["Kvalitetsprosesser", "> Revisjon", "Åse Ørnes", "1 av 1"]);
    assert!(
        screen.contains("ikke satt (tom)"),
        "the empty leader reads as empty:\n{screen}"
    );
    assert!(!screen.contains("Release"), "{screen}");
    t.quit_cleanly("q");
}

#[test]
fn english_without_colour_at_80x24_and_ctrl_c_from_the_search_line() {
    let Some(t) = Tmux::start("en", 80, 24, &["--lang", "en"], &[("NO_COLOR", "1")]) else {
        return;
    };
    t.wait_for_all(&["Process owner", "9 of 9", "> Release"]);
    t.key("p");
    t.wait_for_all(&["People", "Espen Herskedal"]);
    t.key("Escape");
    t.key("/");
    t.typed("mork");
    t.wait_for_all(&["/mork", "1 of 9", "> Produksjonssetting"]);
    t.quit_cleanly("C-c");
}

#[test]
fn mouse_capture_is_opt_in_and_released_on_quit() {
    let Some(t) = Tmux::start("mouse", 100, 30, &["--mouse"], &[]) else {
        return;
    };
    t.wait_for("> Release");
    assert_eq!(
        t.format("#{mouse_any_flag}"),
        "1",
        "--mouse turns reporting on"
    );
    t.quit_cleanly("q");

    let Some(t) = Tmux::start("nomouse", 100, 30, &[], &[]) else {
        return;
    };
    t.wait_for("> Release");
    assert_eq!(
        t.format("#{mouse_any_flag}"),
        "0",
        "no mouse capture by default"
    );
    t.quit_cleanly("q");
}

#[test]
fn a_missing_path_fails_before_the_screen_is_touched() {
    let Some(t) = Tmux::start("missing", 100, 30, &["/no/such/handbook"], &[]) else {
        return;
    };
    let screen = t.wait_for("EXIT=");
    assert!(screen.contains("EXIT=2"), "{screen}");
    assert!(
        screen.contains("/no/such/handbook"),
        "names the path:\n{screen}"
    );
    assert_eq!(t.format("#{alternate_on}"), "0");
}

#[test]
fn killed_with_sigterm_the_terminal_is_restored() {
    let Some(t) = Tmux::start_then("sigterm", 100, 40, &[], &[], "stty -a;") else {
        return;
    };
    t.wait_for("> Release");
    let pid = t.browser_pid();
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let screen = t.wait_until("stty's report", |s| {
        s.contains("EXIT=") && s.contains("icanon")
    });
    assert!(
        screen.contains("EXIT=143"),
        "exits as SIGTERM would:\n{screen}"
    );
    let modes: Vec<&str> = screen.split_whitespace().collect();
    for mode in ["icanon", "echo"] {
        assert!(modes.contains(&mode), "{mode} is back on:\n{screen}");
        assert!(!modes.contains(&format!("-{mode}").as_str()), "{screen}");
    }
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "the normal screen is back"
    );
}

#[test]
fn a_finding_opens_its_card_i_hides_the_ingress_and_n_finds_the_match() {
    let Some(t) = Tmux::start("path_keys", 120, 35, &[], &[]) else {
        return;
    };
    t.wait_for_all(&["> Release", "En synergisk reise"]);

    // w lists the findings; Enter on one about a card opens that card.
    t.key("w");
    t.wait_for_all(&["Advarsler og feil", ": advarsel: "]);
    t.key("j");
    t.key("Enter");
    t.wait_for_all(&["> Forespørsler", &source(71)]);

    // i hides the ingress and shows it again.
    t.key("i");
    t.wait_until("the ingress hidden", |s| !s.contains("En synergisk reise"));
    t.key("i");
    t.wait_for("En synergisk reise");

    // n goes to the next card that matches.
    t.key("Tab");
    t.key("/");
    t.typed("eier:hanne");
    t.key("Enter");
    t.wait_for_all(&["/eier:hanne", "3 av 9"]);
    t.key("n");
    t.wait_for("> Endringsstyring");
    t.quit_cleanly("q");
}

/// A page Hugo would not publish is marked in the list (its heading and its
/// cards) and in the detail, through the real binary.
#[test]
fn unpublished_pages_are_marked_in_the_list_and_the_detail() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cli/unpublished"
    );
    let Some(t) = Tmux::start("unpublished", 120, 35, &[dir], &[]) else {
        return;
    };
    let screen = t.wait_for_all(&[
        "Kladd [utkast]",
        "Uferdig [utkast]",
        "Kommer [publiseres 2999-01-01]",
    ]);
    // Each card's owner on its row, in the owners' column.
    let owner_after = |title: &str, owner: &str| {
        screen.lines().any(|l| {
            l.split_once(title).is_some_and(|(_, rest)| {
                rest.starts_with("  ") && rest.trim_start().starts_with(owner)
            })
        })
    };
    for (title, owner) in [
        ("Levende", "Ola"),
        ("Uferdig [utkast]", "Kari"),
        ("Kommer [publiseres 2999-01-01]", "Per"),
    ] {
        assert!(owner_after(title, owner), "{title}: {owner}\n{screen}");
    }
    // Down to the draft's card: the detail says what the marker means.
    t.keys(&["j", "j"]);
    let screen = t.wait_for("[utkast] Hugo publiserer ikke denne siden");
    assert!(screen.contains("draft.md:6"), "{screen}");
    t.quit_cleanly("q");
}
