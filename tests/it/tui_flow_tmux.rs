//! The flow view, the editor round trip and live reload, on the real binary
//! in tmux: keys in with `send-keys`, the screen out with `capture-pane`,
//! polled until the expected text shows (no fixed sleeps). Each test has its
//! own tmux server (`-L`). When tmux is missing the tests say so loudly and
//! pass; CI (`.ci/run`) installs it.

use crate::common;

use common::tmux::{self, Tmux};
use std::path::{Path, PathBuf};

const SEED: &str = include_str!("../../data/prosesser/utvikling-drift.md");

impl Tmux {
    /// `prosesser ARGS` in a detached 120x35 tmux window, with `EDITOR` and
    /// `VISUAL` unset unless `env` sets them; `None` (loudly) without tmux.
    fn start_without_editor(name: &str, args: &[&str], env: &[(&str, &str)]) -> Option<Tmux> {
        if !tmux::available(name) {
            return None;
        }
        let script = format!(
            "env -u EDITOR -u VISUAL {}; echo EXIT=$?; sleep 60",
            tmux::command(env, args)
        );
        Some(Tmux::session(
            &format!("flow-{name}"),
            120,
            35,
            &script,
            None,
        ))
    }

    fn quit_with_q(&self) {
        self.key("q");
        let screen = self.wait_for_all(&["EXIT="]);
        assert!(screen.contains("EXIT=0"), "{screen}");
        self.assert_screen_restored();
    }
}

/// A folder holding a copy of the seed; the file's path.
fn seed_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utvikling-drift.md");
    std::fs::write(&file, SEED).unwrap();
    (dir, file)
}

fn write(file: &Path, text: &str) {
    std::fs::write(file, text).unwrap();
}

#[test]
fn flow_view_shows_the_chain_and_digits_jump_along_links() {
    let Some(t) = Tmux::start_without_editor("view", &[], &[]) else {
        return;
    };
    t.wait_for_all(&["> Release", "Mottar fra    1 Behov", "Portefølje (ekstern)"]);
    t.key("f");
    t.wait_for_all(&[
        "Portefølje (ekstern) → Behov → Utvikling → Produksjonssetting",
        "Release ← Behov, Utvikling, Portefølje (ekstern)",
        "Uten lenker",
    ]);
    t.key("Escape");
    t.wait_for_all(&["> Release"]);
    t.key("1");
    t.wait_for_all(&["> Behov", "prosesser/utvikling-drift.md:44"]);
    t.key("BSpace");
    t.wait_for_all(&["> Release", "prosesser/utvikling-drift.md:26"]);
    // The compiled-in handbook has nothing to read again.
    t.key("r");
    t.wait_for_all(&["ingen filer å lese på nytt"]);
    t.quit_with_q();
}

#[test]
fn the_editor_round_trip_opens_the_card_line_and_shows_the_change() {
    let (dir, file) = seed_copy();
    let args_file = dir.path().join("args.txt");
    // Named `vim`, so it is given `+LINE FILE`; it records its arguments,
    // changes an owner in the file it was given, and exits.
    std::fs::create_dir(dir.path().join("bin")).unwrap();
    let editor = dir.path().join("bin/vim");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {}\nsed -i 's/Dan Remi Mørk/Kari Nordmann/' \"$2\"\nexit 0\n",
            tmux::quote(args_file.to_str().unwrap())
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let Some(t) =
        Tmux::start_without_editor("editor", &[folder], &[("EDITOR", editor.to_str().unwrap())])
    else {
        return;
    };
    t.wait_for_all(&["> Release", "9 av 9"]);
    for _ in 0..4 {
        t.key("j");
    }
    t.wait_for_all(&[
        "> Produksjonssetting",
        "Dan Remi Mørk",
        "utvikling-drift.md:62",
    ]);
    t.key("e");
    let screen = t.wait_for_all(&["> Produksjonssetting", "Kari Nordmann", "9 av 9"]);
    assert!(!screen.contains("Dan Remi Mørk"), "{screen}");
    assert_eq!(t.format("#{alternate_on}"), "1", "the browser is back");
    let recorded = std::fs::read_to_string(&args_file).unwrap();
    assert_eq!(recorded, format!("+62\n{}\n", file.to_str().unwrap()));
    t.quit_with_q();
}

/// An executable `sh` script at `path` that records its arguments in
/// `record`, one a line, after running `then`; it writes the record last (a
/// rename), so once it is there the editor is done.
fn fake_editor(path: &Path, record: &Path, then: &str) {
    let record = tmux::quote(record.to_str().unwrap());
    std::fs::write(
        path,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > {record}.part\n{then}mv {record}.part {record}\nexit 0\n"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_file_name_never_reaches_the_editor_as_a_command() {
    // vim reads `+!cmd` as the Ex command `:!cmd`; the fake `vim` does the
    // same, so on a build that passes the name as typed, PWNED appears. It
    // records its arguments last (a rename), so once they are there it is done.
    let dir = tempfile::tempdir().unwrap();
    let name = "+!touch PWNED; true .md";
    std::fs::write(dir.path().join(name), SEED).unwrap();
    let args_file = dir.path().join("args.txt");
    let editor = dir.path().join("vim");
    fake_editor(
        &editor,
        &args_file,
        "for a in \"$@\"; do case \"$a\" in +!*) sh -c \"${a#+!}\";; esac; done\n",
    );
    if !tmux::available("hostile-name") {
        return;
    }
    let script = format!(
        "cd {} && env -u VISUAL {}; echo EXIT=$?; sleep 60",
        tmux::quote(dir.path().to_str().unwrap()),
        tmux::command(&[("EDITOR", editor.to_str().unwrap())], &[name])
    );
    let t = Tmux::session("flow-hostile-name", 120, 35, &script, None);
    t.wait_for_all(&["> Release", "9 av 9"]);
    t.key("e");
    // The screen is the same before and after the editor: wait for its record.
    let recorded = t.wait_for_file(&args_file);
    t.wait_for_all(&["> Release", "9 av 9"]);
    assert_eq!(recorded, format!("+26\n./{name}\n"));
    assert!(
        !dir.path().join("PWNED").exists(),
        "the file name ran a command"
    );
    t.quit_with_q();
}

#[test]
fn an_editor_whose_path_holds_a_space_runs_when_quoted_as_in_a_shell() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), SEED).unwrap();
    let bin = dir.path().join("My Editor").join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let args_file = dir.path().join("args.txt");
    let editor = bin.join("ed");
    fake_editor(&editor, &args_file, "");
    if !tmux::available("editor-with-a-space") {
        return;
    }
    // EDITOR='"/tmp/…/My Editor/bin/ed" -w', as a user would write it.
    let value = format!("\"{}\" -w", editor.to_str().unwrap());
    let script = format!(
        "cd {} && env -u VISUAL {}; echo EXIT=$?; sleep 60",
        tmux::quote(dir.path().to_str().unwrap()),
        tmux::command(&[("EDITOR", &value)], &["a.md"])
    );
    let t = Tmux::session("flow-editor-space", 120, 35, &script, None);
    t.wait_for_all(&["> Release", "9 av 9"]);
    t.key("e");
    let recorded = t.wait_for_file(&args_file);
    assert_eq!(recorded, "-w\n./a.md\n");
    t.wait_for("Filene er lest på nytt.");
    t.quit_with_q();
}

#[test]
fn files_changed_on_disk_are_read_again_without_a_key() {
    let (dir, file) = seed_copy();
    let folder = dir.path().to_str().unwrap();
    let Some(t) = Tmux::start_without_editor("live", &[folder], &[]) else {
        return;
    };
    t.wait_for_all(&["> Release", "4 advarsler"]);
    t.key("j");
    t.key("j");
    t.wait_for_all(&["> Behov", "Tony Grimstad"]);

    write(&file, &SEED.replace("Tony Grimstad", "Ola Nordmann"));
    let screen = t.wait_for_all(&["> Behov", "Ola Nordmann"]);
    assert!(!screen.contains("Tony Grimstad"), "{screen}");

    // Half written: the last card's call is cut off.
    let cut = SEED.rfind(">}}").unwrap();
    write(&file, &SEED[..cut]);
    t.wait_for_all(&["1 feil", "> Behov"]);

    write(&file, SEED);
    t.wait_until("recovered", |s| {
        s.contains("4 advarsler") && !s.contains("1 feil") && s.contains("Tony Grimstad")
    });
    t.quit_with_q();
}

#[test]
fn a_person_chosen_stays_chosen_when_the_file_changes_and_someone_comes_before_them() {
    let (dir, file) = seed_copy();
    let folder = dir.path().to_str().unwrap();
    let Some(t) = Tmux::start_without_editor("live-people", &[folder], &[]) else {
        return;
    };
    t.wait_for("> Release");
    t.key("p");
    t.key("/");
    t.typed("torkel");
    t.key("Enter");
    t.key("Escape");
    t.wait_for_all(&["> Torkel Buarøy", "8 av 8"]);
    // Someone new, listed before him.
    write(
        &file,
        &SEED.replacen(
            "{{< prosesser/strategy-card",
            "{{< prosesser/strategy-card title=\"Ny\" owner=\"Anne Berg\" >}}\n\n{{< prosesser/strategy-card",
            1,
        ),
    );
    let screen = t.wait_for_all(&["Anne Berg", "9 av 9"]);
    assert!(screen.contains("> Torkel Buarøy"), "{screen}");
    t.key("q");
    t.wait_for("> Release");
    t.quit_with_q();
}

#[test]
fn e_says_why_when_there_is_no_editor_or_it_is_missing() {
    let (dir, _) = seed_copy();
    let folder = dir.path().to_str().unwrap();
    let Some(t) = Tmux::start_without_editor("noeditor", &[folder], &[]) else {
        return;
    };
    t.wait_for_all(&["> Release"]);
    t.key("e");
    t.wait_for_all(&["Ingen editor: sett $VISUAL eller $EDITOR", "> Release"]);
    t.quit_with_q();

    let Some(t) = Tmux::start_without_editor(
        "missingeditor",
        &[folder],
        &[("VISUAL", "no-such-editor-here --wait")],
    ) else {
        return;
    };
    t.wait_for_all(&["> Release"]);
    t.key("e");
    t.wait_for_all(&["Fant ikke editoren «no-such-editor-here» ($VISUAL)."]);
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.quit_with_q();

    let Some(t) = Tmux::start_without_editor("compiledin", &[], &[("EDITOR", "vi")]) else {
        return;
    };
    t.wait_for_all(&["> Release"]);
    t.key("e");
    t.wait_for_all(&["Innebygd håndbok: ingen fil å redigere"]);
    t.quit_with_q();
}
