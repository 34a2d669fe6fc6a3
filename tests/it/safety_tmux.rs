//! The real binary in tmux, proving what only a real terminal can show:
//! document text with escape sequences neither retitles the window nor
//! writes the clipboard (tmux keeps OSC 52 in its paste buffers); thousands
//! of random keys across resizes end with `q` and status 0; and after
//! ctrl-c, a panic on any thread or an error, the terminal is back in its
//! normal mode (`stty -a` shows `icanon` and `echo`, not `-icanon`).
//!
//! Each test has its own tmux server (`-L`). The pane's shell sets a known
//! title, waits for Enter, runs the browser, then writes the exit status and
//! `stty -a` to files, so a result never depends on what fits on screen.
//! When tmux is missing the tests say so loudly and pass.

use crate::common;

use common::rng::Rng;
use common::tmux::{self, Tmux, quote};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const TITLE: &str = "kjent-tittel";

/// A tmux window set up to catch what a document could do to a terminal.
struct Pane {
    tmux: Tmux,
    dir: tempfile::TempDir,
}

impl std::ops::Deref for Pane {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl Pane {
    /// A `width`x`height` tmux window whose shell sets [`TITLE`], shows
    /// `READY` and waits for [`Pane::go`] to run `prosesser ARGS`.
    fn start(
        name: &str,
        width: u16,
        height: u16,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Option<Pane> {
        if !tmux::available(name) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        // OSC 52 from programs goes into tmux's paste buffers only with
        // set-clipboard on; set at server start, before anything runs.
        let config = dir.path().join("tmux.conf");
        std::fs::write(&config, "set -s set-clipboard on\nset -g set-titles on\n").unwrap();
        let file = |name: &str| quote(dir.path().join(name).to_str().unwrap());
        let script = format!(
            "printf '\\033]2;{TITLE}\\033\\\\'; echo READY; read go; {run}; s=$?; \
             stty -a > {modes}; echo \"EXIT=$s\" > {exit}; echo \"EXIT=$s\"; sleep 120",
            run = tmux::command(env, args),
            modes = file("modes"),
            exit = file("exit"),
        );
        let mut tmux = Tmux::session(
            &format!("safety-{name}"),
            width,
            height,
            &script,
            Some(config),
        );
        tmux.timeout = Duration::from_secs(20);
        let pane = Pane { tmux, dir };
        pane.wait_for("READY");
        Some(pane)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Start the browser.
    fn go(&self) {
        self.keys(&["Enter"]);
    }

    fn title(&self) -> String {
        self.format("#{pane_title}")
    }

    /// tmux's paste buffers: where an OSC 52 clipboard write would land.
    fn buffers(&self) -> String {
        String::from_utf8_lossy(&self.run(&["list-buffers"]).stdout).into_owned()
    }

    /// Wait until the screen has not changed for a while: the browser has
    /// taken in every key sent so far.
    fn settle(&self) {
        let start = Instant::now();
        let mut last = self.screen();
        let mut same = 0;
        while same < 3 {
            assert!(
                start.elapsed() < self.timeout,
                "the screen never settled:\n{last}"
            );
            std::thread::sleep(Duration::from_millis(60));
            let now = self.screen();
            same = if now == last { same + 1 } else { 0 };
            last = now;
        }
    }

    /// The browser's exit status once it has gone, if it has.
    fn exited(&self) -> Option<i32> {
        let text = std::fs::read_to_string(self.file("exit")).ok()?;
        text.trim().strip_prefix("EXIT=")?.parse().ok()
    }

    /// Wait for the browser to exit; its status.
    fn exit_status(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.exited() {
                return status;
            }
            assert!(
                start.elapsed() < self.timeout,
                "the browser did not exit; the screen was:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    /// After exit: raw mode off (the line discipline's modes as `stty -a`
    /// prints them), the normal screen back, mouse reporting off.
    fn assert_terminal_restored(&self) {
        let modes = std::fs::read_to_string(self.file("modes")).unwrap();
        assert_cooked(&modes);
        self.assert_screen_restored();
    }
}

/// `stty -a` output says the terminal is in its normal (cooked) mode.
fn assert_cooked(modes: &str) {
    let words: Vec<&str> = modes
        .split([' ', ';', '\n'])
        .filter(|w| !w.is_empty())
        .collect();
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&mode) && !words.contains(&format!("-{mode}").as_str()),
            "{mode} is not on after exit:\n{modes}"
        );
    }
}

/// Each trick a document could try, raw in its text.
const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}]2;pwned2\u{1b}\\\u{1b}]52;c;cHduZWQ=\u{7}\
\u{1b}]52;p;cHduZWQ=\u{1b}\\\u{1b}]8;;https://evil.example/\u{1b}\\klikk\u{1b}]8;;\u{1b}\\\
\u{1b}Pq#0;1\u{1b}\\\u{1b}[2J\u{1b}[6n\u{9b}31m\u{9d}0;c1\u{9c}\u{202e}\u{7}";

/// A handbook with a document full of escape sequences (in its name too)
/// and, when asked, the seed beside it.
fn handbook(dir: &Path, with_seed: bool) -> PathBuf {
    let root = dir.join("handbok");
    std::fs::create_dir(&root).unwrap();
    let mut front = String::new();
    for c in EVIL.chars() {
        match c {
            '\\' => front.push_str("\\\\"),
            ' '..='~' => front.push(c),
            c => front.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    let doc = format!(
        "---\ntitle: \"Ond side {front}\"\nweight: 1\ningress: \"Ingress {front}\"\n---\n\n\
{{{{< prosesser/strategy-card title=`Ond {EVIL} tittel` owner=`Eve {EVIL}` leader=`Mallory {EVIL}` \
purpose=`linje1\nlinje2 {EVIL}` input=`{EVIL}` output=`ut` uvanlig=`{EVIL}` >}}}}\n\n\
{{{{< prosesser/strategy-card title=`Rolig` owner=`Per` leader=`Kari` purpose=`p` input=`i` output=`o` >}}}}\n"
    );
    std::fs::write(
        root.join("ond\u{1b}]0;fil\u{7}\u{1b}]52;c;ZmlsCg==\u{7}.md"),
        doc,
    )
    .unwrap();
    if with_seed {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/prosesser/utvikling-drift.md");
        std::fs::copy(seed, root.join("utvikling-drift.md")).unwrap();
    }
    root
}

#[test]
fn tmux_would_notice_a_leaked_title_clipboard_write_or_raw_mode() {
    // The detectors themselves: printed raw, the same sequences do retitle
    // the pane and fill a paste buffer, and raw mode shows as -icanon.
    let Some(pane) = Pane::start("control", 80, 24, &[], &["--version"]) else {
        return;
    };
    assert_eq!(pane.title(), TITLE);
    assert_eq!(pane.buffers(), "");
    let script = format!(
        "printf '\\033]0;pwned\\007\\033]52;c;cHduZWQ=\\007'; stty raw -echo; stty -a > {}; stty sane; echo DONE; sleep 60",
        quote(pane.file("raw").to_str().unwrap())
    );
    let out = pane.run(&["respawn-pane", "-k", "-t", "main", "sh", "-c", &script]);
    assert!(out.status.success());
    pane.wait_for("DONE");
    assert_eq!(pane.title(), "pwned");
    assert!(pane.buffers().contains("pwned"), "{}", pane.buffers());
    let raw = std::fs::read_to_string(pane.file("raw")).unwrap();
    assert!(raw.contains("-icanon") && raw.contains("-echo "), "{raw}");
}

#[test]
fn hostile_text_neither_retitles_the_window_nor_writes_the_clipboard() {
    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path(), false);
    let Some(pane) = Pane::start("hostile", 120, 40, &[], &[root.to_str().unwrap()]) else {
        return;
    };
    assert_eq!(pane.title(), TITLE, "the title before");
    assert_eq!(pane.buffers(), "", "no paste buffer before");
    pane.go();
    // The sequences are on screen as visible characters.
    let screen = pane.wait_for("Ond ␛]0;pwned␇");
    assert!(screen.contains("␛]52;c;cHduZWQ=␇"), "{screen}");
    assert!(
        screen.contains("Ond side ␛]0;pwned␇"),
        "the document title:\n{screen}"
    );
    assert_eq!(pane.format("#{alternate_on}"), "1");

    // Browse over the hostile card and everything that shows its text.
    let steps: &[&[&str]] = &[
        &["Tab"],
        &["j", "j", "j", "j", "NPage", "G", "g"],
        &["Escape"],
        &["i"],
        &["/"],
        &["Escape"],
        &["p"],
        &["j", "k"],
        &["Enter"],
        &["Escape"],
        &["w"],
        &["j", "j"],
        &["Escape"],
        &["?"],
        &["Escape"],
    ];
    for step in steps {
        for key in *step {
            pane.key(key);
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    pane.key("/");
    pane.typed("pwned");
    pane.wait_for("/pwned");
    pane.key("Enter");
    pane.key("n");
    pane.key("Enter");
    let screen = pane.wait_for("Kilde");
    assert!(
        screen.contains("␛]0;fil␇␛]52;c;ZmlsCg==␇.md"),
        "the file name:\n{screen}"
    );
    assert!(
        screen.contains("␛]0;pwned␇␛]2;pwned2␛\\␛]52;c;cHduZWQ=␇"),
        "{screen}"
    );

    assert_eq!(pane.title(), TITLE, "the title while browsing");
    assert_eq!(pane.buffers(), "", "no paste buffer while browsing");
    pane.key("Escape");
    pane.key("q");
    assert_eq!(pane.exit_status(), 0);
    pane.assert_terminal_restored();
    assert_eq!(pane.title(), TITLE, "the title after");
    assert_eq!(pane.buffers(), "", "no paste buffer after");
}

#[test]
fn a_storm_of_random_keys_across_resizes_ends_with_q_and_status_0() {
    // Every key the browser knows and more, but never q (quit), ctrl-c or
    // e (the editor); ; is left out because tmux reads it as a separator.
    let mut keys: Vec<String> = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .filter(|c| !matches!(c, 'q' | 'Q' | 'e' | 'E'))
        .map(String::from)
        .collect();
    for named in [
        "/", "/", "?", "Enter", "Enter", "Escape", "Escape", "Tab", "BTab", "Up", "Down", "Left",
        "Right", "PPage", "NPage", "Home", "End", "C-u", "C-d", "C-w", "F1", "BSpace", "Space",
        "p", "w", "n", "N", "j", "k", "G", "g",
    ] {
        keys.push(named.to_owned());
    }
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let sizes = [
        (120, 35),
        (80, 24),
        (40, 12),
        (24, 8),
        (12, 4),
        (3, 2),
        (1, 1),
        (200, 60),
        (69, 20),
    ];

    let dir = tempfile::tempdir().unwrap();
    let root = handbook(dir.path(), true);
    let Some(pane) = Pane::start("storm", 120, 35, &[], &[root.to_str().unwrap()]) else {
        return;
    };
    pane.go();
    pane.wait_for("Ond ␛]0;pwned␇");
    let mut rng = Rng(0x5eed_0f5a_fe7e);
    let mut sent = 0;
    for batch in 0..50 {
        let batch_keys: Vec<&str> = (0..80).map(|_| rng.pick(&keys)).collect();
        pane.keys(&batch_keys);
        sent += batch_keys.len();
        if batch % 5 == 4 {
            let (w, h) = sizes[(batch / 5) % sizes.len()];
            pane.resize(w, h);
            // Let it take in the keys so far at this size.
            pane.settle();
        }
        assert_eq!(
            pane.exited(),
            None,
            "the browser exited during the storm, after {sent} keys:\n{}",
            pane.screen()
        );
    }
    assert!(sent >= 4000);
    // The storm may end inside an escape sequence: after Esc then `O`
    // crossterm waits for the final byte of an SS3 key. One plain key ends
    // it; then each Esc must arrive alone (Esc with a key behind it reads as
    // Alt+key), so wait for the browser to take in everything first.
    pane.keys(&["j"]);
    pane.resize(100, 30);
    pane.settle();
    // Out of whatever mode the storm left: help, search line, people, diagnostics.
    for _ in 0..4 {
        pane.key("Escape");
        pane.settle();
    }
    pane.wait_until("the browser", |s| {
        s.contains("prosesser") && !s.contains("EXIT=")
    });
    assert_eq!(pane.exited(), None, "still running before q");
    pane.key("q");
    assert_eq!(pane.exit_status(), 0);
    pane.assert_terminal_restored();
    assert_eq!(
        pane.title(),
        TITLE,
        "the storm over hostile text kept the title"
    );
}

#[test]
fn ctrl_c_quits_from_help_with_the_terminal_restored() {
    let Some(pane) = Pane::start("ctrlc", 100, 30, &[], &["--mouse"]) else {
        return;
    };
    pane.go();
    pane.wait_for("> Release");
    assert_eq!(pane.format("#{mouse_any_flag}"), "1");
    pane.key("p");
    pane.key("?");
    pane.wait_for("Hjelp");
    pane.key("C-c");
    assert_eq!(pane.exit_status(), 0);
    pane.assert_terminal_restored();
}

/// `PROSESSER_FAULT` is honoured by debug builds only.
fn faults_available(name: &str) -> bool {
    if !cfg!(debug_assertions) {
        eprintln!("\n!!! SKIPPED {name}: PROSESSER_FAULT works in debug builds only !!!\n");
    }
    cfg!(debug_assertions)
}

/// Fail on purpose on the first key (with mouse capture on, which must be
/// released too); the status and what the screen says.
fn fault(name: &str, kind: &str) -> (i32, String) {
    let Some(pane) = Pane::start(
        name,
        100,
        30,
        &[("PROSESSER_FAULT", kind), ("RUST_BACKTRACE", "0")],
        &["--mouse"],
    ) else {
        return (-1, String::new());
    };
    pane.go();
    pane.wait_for("> Release");
    assert_eq!(pane.format("#{alternate_on}"), "1");
    pane.key("j");
    let status = pane.exit_status();
    pane.assert_terminal_restored();
    let screen = pane.wait_for("EXIT=");
    // Each fault's message carries an OSC 0 title sequence: shown, not run.
    assert!(screen.contains("on purpose ␛]0;pwned␇"), "{screen}");
    assert_eq!(pane.title(), TITLE, "the message did not retitle the pane");
    (status, screen)
}

#[test]
fn a_panic_on_the_main_thread_restores_the_terminal() {
    if !faults_available("panic") {
        return;
    }
    let (status, screen) = fault("panic", "panic");
    if status == -1 {
        return;
    }
    assert_eq!(status, 101, "{screen}");
    assert!(
        screen.contains("a panic on the main thread, on purpose"),
        "the message is readable:\n{screen}"
    );
}

#[test]
fn a_panic_on_a_background_thread_restores_the_terminal_and_ends_the_browser() {
    if !faults_available("thread") {
        return;
    }
    let (status, screen) = fault("thread", "thread");
    if status == -1 {
        return;
    }
    assert_eq!(status, 101, "{screen}");
    assert!(
        screen.contains("a panic on a background thread, on purpose"),
        "the message is readable, not drawn over:\n{screen}"
    );
    assert!(
        !screen.contains("Prosesseier"),
        "no frame after the panic:\n{screen}"
    );
}

#[test]
fn an_error_restores_the_terminal() {
    if !faults_available("error") {
        return;
    }
    let (status, screen) = fault("error", "error");
    if status == -1 {
        return;
    }
    assert_eq!(status, 2, "{screen}");
    assert!(
        screen.contains("prosesser: PROSESSER_FAULT=error: an error, on purpose ␛]0;pwned␇"),
        "{screen}"
    );
}

#[test]
fn a_file_name_in_a_usage_error_does_not_retitle_the_window() {
    // `prosesser list *.md` in a folder holding this name: clap reads it as
    // `-f` and a value, and quotes the value in its error.
    let name = "-f\u{1b}]2;pwned\u{7}.md";
    let Some(pane) = Pane::start("clap-error", 100, 20, &[], &["list", name]) else {
        return;
    };
    pane.go();
    assert_eq!(pane.exit_status(), 2);
    let screen = pane.wait_for("EXIT=2");
    assert!(screen.contains("␛]2;pwned␇"), "{screen}");
    assert_eq!(pane.title(), TITLE);
}
