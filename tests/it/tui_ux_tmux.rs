//! Issue 12's browser items through the user's path: the real binary in a
//! tmux window, keys in, the screen out.

use crate::common;

use common::tmux::{self, Tmux};
use std::path::PathBuf;

/// A fixture folder under `tests/fixtures/ux/`.
fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ux")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `prosesser ARGS` in a `width`x`height` window (the exit status stays on
/// screen), or `None` when tmux is missing.
fn start(name: &str, width: u16, height: u16, args: &[&str]) -> Option<Tmux> {
    if !tmux::available(name) {
        return None;
    }
    let script = format!("{}; echo EXIT=$?; sleep 60", tmux::command(&[], args));
    Some(Tmux::session(name, width, height, &script, None))
}

/// The rows of the card list (the left pane at 120 columns), trimmed.
fn list_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.strip_prefix('┃'))
        .filter_map(|l| l.split(['┃', '║', '█']).next())
        .map(|l| l.trim_end().to_owned())
        .collect()
}

#[test]
fn home_pgdn_pgup_in_a_grouped_list_comes_back_to_the_first_heading() {
    // Every other document has an ingress, so the list is shorter there.
    let Some(t) = start("ux_paging", 120, 35, &[&fixture("grouped")]) else {
        return;
    };
    let top = t.wait_for_all(&["> Kort 00.0", "120 av 120"]);
    let first = list_rows(&top);
    assert_eq!(first[0], "Dokument 00", "{top}");
    t.key("NPage");
    t.wait_until("a page down", |s| !s.contains("> Kort 00.0"));
    t.key("PPage");
    let back = t.wait_for("> Kort 00.0");
    assert_eq!(list_rows(&back)[..3], first[..3], "{back}");
    t.keys(&["NPage", "NPage", "NPage"]);
    t.wait_until("three pages down", |s| !s.contains("Dokument 00"));
    t.keys(&["PPage", "PPage", "PPage"]);
    let back = t.wait_for("> Kort 00.0");
    assert_eq!(list_rows(&back)[..3], first[..3], "{back}");
    t.keys(&["End", "Home"]);
    let back = t.wait_for("> Kort 00.0");
    assert_eq!(list_rows(&back)[..3], first[..3], "{back}");
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn q_closes_help_and_the_warnings_view_and_quits_from_the_main_view() {
    let Some(t) = start("ux_q", 120, 35, &[]) else {
        return;
    };
    t.wait_for("> Release");
    t.key("?");
    t.wait_for("Hjelp");
    t.key("q");
    t.wait_until("the help closed", |s| !s.contains("Hjelp"));
    t.key("w");
    t.wait_for_all(&["Advarsler og feil", "q lukk"]);
    t.key("q");
    let screen = t.wait_for_all(&["> Release", "q avslutt"]);
    assert!(!screen.contains("Advarsler og feil"), "{screen}");
    assert!(!screen.contains("EXIT="), "{screen}");
    t.key("q");
    t.wait_for("EXIT=0");
    t.assert_screen_restored();
}

/// The display column `text` starts at on each line of `screen` holding it.
fn columns_of(screen: &str, text: &str) -> Vec<usize> {
    screen
        .lines()
        .filter_map(|l| l.find(text).map(|at| l[..at].chars().count()))
        .collect()
}

#[test]
fn the_list_shows_owners_and_leaders_in_columns_and_where_a_hit_is() {
    let Some(t) = start("ux_columns", 120, 35, &[]) else {
        return;
    };
    // At 120 columns: title, owner and leader, each in a column.
    let screen = t.wait_for_all(&["> Release", "Torkel Buarøy", "Tony Grimstad"]);
    let list: String = list_rows(&screen).join("\n");
    let leaders: Vec<usize> = ["Torkel Buarøy", "Tony Grimstad", "Snorre"]
        .iter()
        .flat_map(|n| columns_of(&list, n))
        .collect();
    assert_eq!(leaders.len(), 5, "{list}");
    assert!(leaders.iter().all(|c| *c == leaders[0]), "{list}");
    // A hit in a field the list does not show: the row says where.
    t.key("/");
    t.typed("utrulling");
    let screen = t.wait_for_all(&["/utrulling", "1 av 9"]);
    let row = screen.lines().find(|l| l.contains("> Release")).unwrap();
    assert!(
        row.contains("Formål: ") && row.contains("utrulling"),
        "{screen}"
    );
    t.key("Escape");
    t.wait_for("9 av 9");
    // Between 70 and 79 columns the owners still line up.
    for width in [79, 74, 70] {
        t.resize(width, 30);
        let screen = t.wait_until("the list at the new width", |s| {
            s.lines()
                .any(|l| l.starts_with('┗') && l.chars().count() == width as usize)
                && s.contains("Hege")
        });
        let list: String = list_rows(&screen).join("\n");
        let owners: Vec<usize> = ["Hanne", "Roberto", "Dan Re", "Hege"]
            .iter()
            .flat_map(|n| columns_of(&list, n))
            .collect();
        assert_eq!(owners.len(), 6, "{width}:\n{screen}");
        assert!(owners.iter().all(|c| *c == owners[0]), "{width}:\n{screen}");
    }
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn a_query_puts_the_best_match_first_and_o_switches_to_document_order() {
    let Some(t) = start("ux_order", 120, 35, &[]) else {
        return;
    };
    t.wait_for("> Release");
    t.key("/");
    t.typed("produksjonssetting");
    let screen = t.wait_for_all(&["2 av 9", "beste treff først (o)"]);
    let rows = list_rows(&screen);
    assert!(rows[0].starts_with("> Produksjonssetting"), "{screen}");
    assert!(rows[1].starts_with("  Utvikling"), "{screen}");
    t.key("Enter");
    t.key("o");
    let screen = t.wait_for("dokumentrekkefølge (o)");
    let rows = list_rows(&screen);
    assert!(rows[0].starts_with("  Utvikling"), "{screen}");
    assert!(rows[1].starts_with("> Produksjonssetting"), "{screen}");
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn brackets_go_to_the_next_and_previous_document() {
    let Some(t) = start("ux_documents", 120, 35, &[&fixture("grouped")]) else {
        return;
    };
    t.wait_for("> Kort 00.0");
    t.key("]");
    t.wait_for("> Kort 01.0");
    t.keys(&["J", "J"]);
    t.wait_for("> Kort 03.0");
    t.keys(&["j", "["]);
    t.wait_for("> Kort 03.0");
    t.key("K");
    t.wait_for("> Kort 02.0");
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn an_open_quote_does_not_flash_an_error_while_typing() {
    let Some(t) = start("ux_quote", 120, 35, &[]) else {
        return;
    };
    t.wait_for("> Release");
    t.key("/");
    // Typed a key at a time, faster than the pause: no error on any key.
    for c in ["\"", "h", "a", "n", "n", "e"] {
        t.typed(c);
        std::thread::sleep(std::time::Duration::from_millis(60));
        let screen = t.screen();
        assert!(!screen.contains("Feil i søket"), "after {c}:\n{screen}");
    }
    // After a pause it says why, without a key.
    t.wait_for("Feil i søket ved tegn 1: mangler avsluttende \"");
    t.key("Escape");
    t.wait_for("9 av 9");
    // A mistyped scope: Enter says which was meant, as the CLI does.
    t.key("/");
    t.typed("eeir:hanne");
    t.key("Enter");
    t.wait_for("ukjent felt `eeir:`; mente du `eier:`?");
    t.key("C-c");
    t.wait_for("EXIT=0");
}

#[test]
fn w_pressed_while_the_checks_run_is_kept_with_the_keys_after_it() {
    // More cards than the browser waits for before its first frame, so the
    // checks are still running when the first frame is up.
    let dir = tempfile::tempdir().unwrap();
    for d in 0..2500 {
        let mut text = format!("---\ntitle: Side {d}\nweight: {}\n---\n", d + 1);
        for c in 0..10 {
            text.push_str(&format!(
                "{{{{< prosesser/strategy-card title=\"Prosess {d}.{c}\" owner=\"Eier {c}\" >}}}}\n"
            ));
        }
        std::fs::write(dir.path().join(format!("side-{d:04}.md")), text).unwrap();
    }
    let path = dir.path().to_string_lossy().into_owned();
    let Some(mut t) = start("ux_early_w", 120, 35, &[&path]) else {
        return;
    };
    t.timeout = std::time::Duration::from_secs(60);
    t.wait_for("25000 av 25000");
    t.keys(&["w", "j"]);
    let screen = t.wait_for_all(&["Advarsler og feil", "advarsel: "]);
    let selected: Vec<&str> = screen.lines().filter(|l| l.contains("┃> ")).collect();
    assert_eq!(selected.len(), 1, "{screen}");
    assert!(
        selected[0].contains("side-0000.md:6:"),
        "j after w moved to the second finding:\n{screen}"
    );
    t.key("q");
    t.wait_for("> Prosess 0.0");
    t.key("q");
    t.wait_for("EXIT=0");
}

/// `prosesser ARGS` with `EDITOR` set (and `VISUAL` unset).
fn start_with_editor(name: &str, args: &[&str], editor: &str) -> Option<Tmux> {
    if !tmux::available(name) {
        return None;
    }
    let script = format!(
        "env -u VISUAL {}; echo EXIT=$?; sleep 60",
        tmux::command(&[("EDITOR", editor)], args)
    );
    Some(Tmux::session(name, 120, 35, &script, None))
}

#[test]
fn the_people_view_lines_up_its_counts_filters_with_slash_and_e_edits_a_first_card() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utvikling-drift.md");
    std::fs::write(
        &file,
        include_str!("../../data/prosesser/utvikling-drift.md"),
    )
    .unwrap();
    // A fake `vim`: records its arguments and exits.
    let args_file = dir.path().join("args.txt");
    let editor = dir.path().join("vim");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {}\n",
            tmux::quote(args_file.to_str().unwrap())
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let Some(t) = start_with_editor("ux_people", &[folder], editor.to_str().unwrap()) else {
        return;
    };
    t.wait_for("> Release");
    t.key("p");
    let screen = t.wait_for_all(&["Personer", "Torkel Buarøy", "8 av 8"]);
    let counts: Vec<usize> = list_rows(&screen)
        .iter()
        .filter_map(|l| l.find(" prosess").map(|at| l[..at].chars().count()))
        .collect();
    assert_eq!(counts.len(), 8, "{screen}");
    assert!(counts.iter().all(|c| *c == counts[0]), "{screen}");
    // `/` filters the people.
    t.key("/");
    t.typed("grimstad");
    let screen = t.wait_for_all(&["/grimstad", "1 av 8", "> Tony Grimstad"]);
    assert!(!screen.contains("Hanne Lauritsen  "), "{screen}");
    t.key("Enter");
    // e edits Tony Grimstad's first card: Endringsstyring, line 35.
    t.key("e");
    let recorded = t.wait_for_file(&args_file);
    assert_eq!(recorded, format!("+35\n{}\n", file.to_str().unwrap()));
    t.wait_for("> Tony Grimstad");
    // Esc clears the filter, Esc again (or q) closes the view.
    t.key("Escape");
    t.wait_for("8 av 8");
    t.key("q");
    t.wait_for_all(&["> Release", "q avslutt"]);
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn the_warnings_view_in_norwegian_at_40x12_filtered_and_grouped_by_rule() {
    let Some(t) = start("ux_warnings", 40, 12, &[]) else {
        return;
    };
    t.wait_for("> Release");
    t.key("w");
    let screen = t.wait_for_all(&["Advarsler og feil", "advarsel: kortet «Forespørsler» har"]);
    assert!(!screen.contains("has an empty"), "{screen}");
    t.key("j");
    // The selected finding in full under the list.
    t.wait_for_all(&["tom prosesseier, prosessleder og", "[missing-field]"]);
    t.resize(120, 35);
    t.wait_for("prosesser/utvikling-drift.md:71:1: advarsel: kortet «Forespørsler»");
    t.key("o");
    let screen = t.wait_for_all(&["etter regel (o)", "missing-field  3", "html  1"]);
    assert!(screen.contains("[missing-field]"), "{screen}");
    t.key("/");
    t.typed("hendelser");
    t.wait_for_all(&["/hendelser", "1 av 4"]);
    t.key("Enter");
    t.key("Enter");
    t.wait_for_all(&["> Hendelser", "utvikling-drift.md:80"]);
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn a_folder_without_markdown_says_0_markdown_files() {
    let folder = fixture("no-markdown");
    let Some(t) = start("ux_empty", 100, 24, &[&folder]) else {
        return;
    };
    let screen = t.wait_for("0 Markdown-filer i");
    let title = screen.lines().next().unwrap();
    assert!(title.contains("no-markdown"), "{screen}");
    assert_eq!(title.matches("prosesser").count(), 1, "{screen}");
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn repeated_titles_carry_their_line_and_people_sort_in_the_readers_order() {
    let Some(t) = start("ux_labels", 120, 35, &[&fixture("duplicates")]) else {
        return;
    };
    t.wait_for_all(&["Behov (linje 6)", "Behov (linje 8)"]);
    t.key("f");
    t.wait_for_all(&["Flyt: Alfa", "Behov (linje 6) → "]);
    t.key("q");
    t.key("q");
    t.wait_for("EXIT=0");
    for (lang, first, last) in [
        ("nb", "Bjørn Berg", "Åsmund Dahl"),
        ("en", "Ærlig Aas", "Zara Holm"),
    ] {
        let Some(t) = start(
            &format!("ux_collate_{lang}"),
            120,
            35,
            &["--lang", lang, &fixture("names")],
        ) else {
            return;
        };
        t.wait_for("> Mottak");
        t.key("p");
        let screen = t.wait_for(&format!("> {first}"));
        let rows = list_rows(&screen);
        let names: Vec<&String> = rows.iter().filter(|r| !r.trim().is_empty()).collect();
        assert_eq!(names.len(), 8, "{screen}");
        assert!(names[7].contains(last), "{lang}: {screen}");
        t.key("C-c");
        t.wait_for("EXIT=0");
    }
}
