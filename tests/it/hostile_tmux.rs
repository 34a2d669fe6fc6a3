//! Hostile input, round two, in a real terminal (tmux): a watched folder
//! removed and made again, pastes, signals, an editor that breaks the tty or
//! keeps Ctrl-C, and Ctrl-Z. Each test has its own tmux server; when tmux is
//! missing they say so loudly and pass.

use crate::common;

use common::tmux::{self, Tmux, quote};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const SEED: &str = include_str!("../../data/prosesser/utvikling-drift.md");

/// A folder holding the seed page, readable by the browser.
fn handbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bok")).unwrap();
    std::fs::write(dir.path().join("bok/utvikling-drift.md"), SEED).unwrap();
    dir
}

/// `script` in a 120x35 window; `None` when tmux is missing.
fn pane(name: &str, script: &str) -> Option<Tmux> {
    if !tmux::available(name) {
        return None;
    }
    let mut t = Tmux::session(&format!("hostile-{name}"), 120, 35, script, None);
    t.timeout = Duration::from_secs(20);
    Some(t)
}

/// The modes `stty -a` prints for the tty at `path`, as words.
fn modes(stty: &str) -> Vec<String> {
    stty.split([' ', ';', '\n'])
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn assert_cooked(stty: &str) {
    let modes = modes(stty);
    for mode in ["icanon", "echo", "isig"] {
        assert!(modes.iter().any(|m| m == mode), "{mode} is on:\n{stty}");
    }
}

fn stty_of(t: &Tmux) -> String {
    let tty = t.format("#{pane_tty}");
    let out = Command::new("stty")
        .args(["-F", &tty, "-a"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_script(dir: &Path, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_str().unwrap().to_owned()
}

// 5 and 12: live reload after the folder is removed and made again, and the
// failed reading's message gone once a later one succeeds.

#[test]
fn a_watched_folder_removed_and_made_again_is_still_reloaded() {
    let dir = handbook();
    let bok = dir.path().join("bok");
    let script = format!(
        "{}; echo EXIT=$?; sleep 60",
        tmux::command(&[], &[bok.to_str().unwrap()])
    );
    let Some(t) = pane("refolder", &script) else {
        return;
    };
    t.wait_for("> Release");
    std::fs::remove_dir_all(&bok).unwrap();
    t.wait_for("Kunne ikke lese på nytt");
    std::fs::create_dir(&bok).unwrap();
    std::fs::write(
        bok.join("utvikling-drift.md"),
        SEED.replace("title=\"Release\"", "title=\"Utgivelse\""),
    )
    .unwrap();
    let screen = t.wait_for_all(&["> Utgivelse", "Filene er lest på nytt."]);
    assert!(!screen.contains("Kunne ikke lese på nytt"), "{screen}");
    // And it goes on watching the new folder.
    std::fs::write(
        bok.join("utvikling-drift.md"),
        SEED.replace("title=\"Release\"", "title=\"Lansering\""),
    )
    .unwrap();
    t.wait_for("> Lansering");
    t.key("q");
    t.wait_for("EXIT=0");
}

// 8: bracketed paste.

#[test]
fn a_paste_is_text_for_the_search_line_and_never_keys() {
    let script = format!("{}; echo EXIT=$?; sleep 60", tmux::command(&[], &[]));
    let Some(t) = pane("paste", &script) else {
        return;
    };
    t.wait_for("> Release");
    let paste = |text: &str| {
        assert!(t.run(&["set-buffer", "--", text]).status.success());
        // -p: as a bracketed paste, since the browser asked for one.
        assert!(
            t.run(&["paste-buffer", "-p", "-t", "main"])
                .status
                .success()
        );
    };
    // Browsing, a paste is not keys: its `q` does not quit.
    paste("jjq");
    std::thread::sleep(Duration::from_millis(300));
    let screen = t.screen();
    assert!(
        screen.contains("> Release") && !screen.contains("EXIT="),
        "{screen}"
    );
    // In the search line, the whole paste is the query, its line break a space.
    t.key("/");
    paste("Produksjon\nq");
    let screen = t.wait_for("Produksjon q");
    assert!(!screen.contains("EXIT="), "{screen}");
    t.key("BSpace");
    t.key("BSpace");
    t.wait_until("the query without the pasted line", |s| {
        s.contains("Produksjon") && !s.contains("Produksjon q")
    });
    t.key("Escape");
    t.key("q");
    t.wait_for("EXIT=0");
}

// 9: signals, the tty mode saved at start, Ctrl-C in the editor, Ctrl-Z.

#[test]
fn every_signal_that_ends_the_browser_restores_the_terminal() {
    for (name, number) in [
        ("INT", 2),
        ("QUIT", 3),
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
        ("TERM", 15),
        ("HUP", 1),
        ("VTALRM", 26),
        ("PROF", 27),
    ] {
        let script = format!(
            "{}; echo EXIT=$?; stty -a; sleep 60",
            tmux::command(&[], &[])
        );
        let Some(t) = pane(&format!("signal-{name}"), &script) else {
            return;
        };
        t.wait_for("> Release");
        let pid = t.browser_pid();
        let killed = Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let screen = t.wait_until("stty's report", |s| {
            s.contains("EXIT=") && s.contains("icanon")
        });
        assert!(
            screen.contains(&format!("EXIT={}", 128 + number)),
            "SIG{name}:\n{screen}"
        );
        assert_cooked(&screen);
        assert_eq!(t.format("#{alternate_on}"), "0", "SIG{name}");
        assert_eq!(t.format("#{cursor_flag}"), "1", "SIG{name}: cursor shown");
    }
}

#[test]
fn an_editor_that_leaves_the_tty_broken_does_not_break_the_way_out() {
    let dir = handbook();
    let editor = write_script(dir.path(), "ødelegg", "stty -echo -icanon; exit 3");
    let script = format!(
        "{}; echo EXIT=$?; stty -a; sleep 60",
        tmux::command(
            &[("EDITOR", &editor)],
            &[dir.path().join("bok").to_str().unwrap()]
        )
    );
    let Some(t) = pane("editor-tty", &script) else {
        return;
    };
    t.wait_for("> Release");
    t.key("e");
    t.wait_for("3.");
    t.key("q");
    let screen = t.wait_until("stty's report", |s| {
        s.contains("EXIT=") && s.contains("icanon")
    });
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert_cooked(&screen);
}

#[test]
fn ctrl_c_in_an_editor_that_keeps_signals_on_is_the_editors() {
    let dir = handbook();
    let editor = write_script(
        dir.path(),
        "redigerer",
        "trap 'echo FIKK-INT' INT; echo REDIGERER; until read x && [ \"$x\" = ferdig ]; do :; done",
    );
    // Job control, as the user's shell has it: the browser and its editor
    // are the terminal's foreground group, and a Ctrl-C goes to them only.
    let script = format!(
        "exec bash -c {}",
        quote(&format!(
            "set -m; {}; echo EXIT=$?; sleep 60",
            tmux::command(
                &[("EDITOR", &editor)],
                &[dir.path().join("bok").to_str().unwrap()]
            )
        ))
    );
    let Some(t) = pane("editor-int", &script) else {
        return;
    };
    t.wait_for("> Release");
    t.key("e");
    t.wait_for("REDIGERER");
    t.key("C-c");
    std::thread::sleep(Duration::from_millis(300));
    t.wait_for("FIKK-INT");
    t.keys(&["ferdig", "Enter"]);
    let screen = t.wait_for("> Release");
    assert!(!screen.contains("EXIT="), "{screen}");
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_draws_again_in_raw_mode() {
    let dir = tempfile::tempdir().unwrap();
    let stopped = dir.path().join("stoppet");
    let stopped_again = dir.path().join("stoppet-igjen");
    // A shell with job control, as the user's: it takes the terminal back
    // when the browser stops, and `fg` gives it back. The modes are written
    // before STOPPET shows, so the test never reads a file being written.
    let script = format!(
        "exec bash -c {}",
        quote(&format!(
            "set -m; {run}; s=$?; stty -a > {a}; echo STOPPET=$s; read x; fg; s=$?; \
             stty -a > {b}; echo STOPPET2=$s; read y; fg; echo EXIT=$?; sleep 60",
            run = tmux::command(&[], &[]),
            a = quote(stopped.to_str().unwrap()),
            b = quote(stopped_again.to_str().unwrap()),
        ))
    );
    let Some(t) = pane("ctrl-z", &script) else {
        return;
    };
    t.wait_for("> Release");
    let pid = t.browser_pid();
    t.key("C-z");
    t.wait_for("STOPPET=");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_cooked(&std::fs::read_to_string(&stopped).unwrap());
    t.key("Enter");
    t.wait_for("> Release");
    // Raw again: keys are the browser's, not echoed by the tty.
    let raw = modes(&stty_of(&t));
    assert!(raw.iter().any(|m| m == "-icanon") && raw.iter().any(|m| m == "-echo"));
    t.key("j");
    t.wait_for("> Endringsstyring");
    // Stopped from outside, the same.
    let sent = Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    t.wait_for("STOPPET2=");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_cooked(&std::fs::read_to_string(&stopped_again).unwrap());
    t.key("Enter");
    t.wait_for("> Endringsstyring");
    let raw = modes(&stty_of(&t));
    assert!(raw.iter().any(|m| m == "-echo"), "{raw:?}");
    t.key("q");
    t.wait_for("EXIT=0");
}

// 7: a big page's flow is worked out off the key path.

#[test]
fn a_dense_pages_flow_is_worked_out_while_keys_go_on() {
    // 300 cards whose input and output each name every title: 90,000 links.
    let title = |i: usize| {
        let letters: String = [i / 676, i / 26 % 26, i % 26]
            .iter()
            .map(|&k| char::from(b'a' + k as u8))
            .collect();
        format!("Ledd{letters}")
    };
    let all: Vec<String> = (0..300).map(title).collect();
    let all = all.join(" ");
    let mut text = String::from("---\ntitle: Tett\n---\n");
    for i in 0..300 {
        text.push_str(&format!(
            "{{{{< prosesser/strategy-card title=\"{}\" owner=\"O\" leader=\"L\" purpose=\"P\" input=\"{all}\" output=\"{all}\" >}}}}\n",
            title(i)
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tett.md"), text).unwrap();
    let script = format!(
        "{}; echo EXIT=$?; sleep 60",
        tmux::command(&[], &[dir.path().join("tett.md").to_str().unwrap()])
    );
    let Some(t) = pane("dense-flow", &script) else {
        return;
    };
    t.wait_for("> Leddaaa");
    t.key("f");
    // The flow is not in yet, and the browser says so instead of freezing.
    t.wait_for("Regner ut flyten");
    // Then it comes, and is drawn.
    t.wait_for("Leddaaa →");
    // q closes the flow view, then quits from the main view.
    t.keys(&["q", "q"]);
    t.wait_for("EXIT=0");
}
