//! The command line as its users expect it (issue 12), end to end through the
//! binary: queries that start with `-`, names in dictionary order, mistyped
//! commands and scopes, `side:`, folders without Markdown, exit codes, flow as
//! JSON, repeated titles, completions and the manual page.

use crate::common::bin::{assert_exit, ok, run, run_in, stderr, stdout};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// Asserts the exit code and returns (stdout, stderr).
fn exits(code: i32, args: &[&str]) -> (String, String) {
    let output = run(args);
    assert_exit(code, args, &output);
    (stdout(&output), stderr(&output))
}

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures", name]
        .iter()
        .collect();
    path.to_str().unwrap().to_owned()
}

/// The first column of an aligned text table, header left out.
fn first_column(table: &str) -> Vec<String> {
    table
        .lines()
        .skip(1)
        .map(|l| l.split("  ").next().unwrap().trim().to_owned())
        .collect()
}

// ---- Bug 1: a query may start with `-` ----

#[test]
fn a_query_may_start_with_a_hyphen_before_or_after_the_flags() {
    let negated = ok(&["search", "-tony"]);
    assert_eq!(negated, ok(&["search", "--", "-tony"]));
    assert!(!negated.contains("Tony"), "{negated}");
    // Every card but the two Tony Grimstad leads: seven rows and a header.
    assert_eq!(negated.lines().count(), 8, "{negated}");
    let csv = ok(&["search", "-f", "csv", "-tony"]);
    assert_eq!(csv, ok(&["search", "-tony", "-f", "csv"]));
    assert_eq!(csv, ok(&["search", "--format=csv", "-tony"]));
    assert_eq!(csv.lines().count(), 8);
    // A scoped negation, and the flags still work as flags.
    let scoped = ok(&["search", "-eier:hanne", "--lang", "en"]);
    assert!(scoped.starts_with("Title"), "{scoped}");
    assert!(!scoped.contains("Hanne Lauritsen"), "{scoped}");
    assert!(ok(&["search", "-h"]).contains("Bruk: prosesser search"));
    let (_, missing) = exits(2, &["search", "-f"]);
    assert!(missing.contains("--format"), "{missing}");
}

// ---- Bug 2: names in the reader's order ----

#[test]
fn people_are_sorted_as_a_norwegian_dictionary_or_in_the_root_order() {
    let names = fixture("ux/names");
    assert_eq!(
        first_column(&ok(&["people", &names])),
        [
            "Bjørn Berg",
            "Hanne Ruud",
            "Håkon Li",
            "Zara Holm",
            "Ærlig Aas",
            "Øystein Moe",
            "Åse Vik",
            "Åsmund Dahl"
        ]
    );
    assert_eq!(
        first_column(&ok(&["people", &names, "--lang", "en"])),
        [
            "Ærlig Aas",
            "Åse Vik",
            "Åsmund Dahl",
            "Bjørn Berg",
            "Håkon Li",
            "Hanne Ruud",
            "Øystein Moe",
            "Zara Holm"
        ]
    );
    // Every format is in the same order.
    let json: Value = serde_json::from_str(&ok(&["people", &names, "-f", "json"])).unwrap();
    let in_json: Vec<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(in_json[..3], ["Bjørn Berg", "Hanne Ruud", "Håkon Li"]);
    let markdown = ok(&["people", &names, "-f", "markdown"]);
    let rows: Vec<&str> = markdown.lines().skip(2).collect();
    assert!(rows[7].starts_with("| Åsmund Dahl |"), "{markdown}");
}

// ---- Bug 6: a mistyped command ----

#[test]
fn a_mistyped_command_that_is_no_path_suggests_the_command() {
    let (stdout, stderr) = exits(2, &["lst"]);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "prosesser: `lst` er verken en fil, en mappe eller en kommando; mente du `list`?\n"
    );
    let (_, stderr) = exits(2, &["--lang", "en", "serch", "hanne"]);
    assert!(stderr.contains("did you mean `search`?"), "{stderr}");
    let (_, stderr) = exits(2, &["chek"]);
    assert!(stderr.contains("`check`"), "{stderr}");
    // Far from every command, or written as a path: the path is missing.
    for missing in ["nosuch", "./lst", "lst.md"] {
        let (_, stderr) = exits(2, &[missing]);
        assert_eq!(
            stderr,
            format!("prosesser: kan ikke lese håndboken: {missing} finnes ikke\n")
        );
        let (_, stderr) = exits(2, &["--lang", "en", missing]);
        assert_eq!(
            stderr,
            format!("prosesser: cannot read the handbook: {missing}: no such file or directory\n")
        );
    }
}

#[test]
fn a_folder_named_like_a_mistyped_command_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lst")).unwrap();
    std::fs::write(
        dir.path().join("lst/a.md"),
        "{{< prosesser/strategy-card title=\"Fra mappen\" >}}\n",
    )
    .unwrap();
    let output = run_in(dir.path(), &["lst"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Fra mappen"),
        "{}",
        stdout(&output)
    );
}

// ---- Missing 3: `side:` / `page:` ----

#[test]
fn side_and_page_find_cards_by_their_documents_title_or_path() {
    let two = fixture("cli/two-docs");
    let titles = |query: &str| -> Vec<String> {
        let json: Value =
            serde_json::from_str(&ok(&["search", query, &two, "-f", "json"])).unwrap();
        json["documents"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["cards"].as_array().unwrap())
            .map(|c| c["title"].as_str().unwrap().to_owned())
            .collect()
    };
    // Beta is b.md's title; a.md is Alfa's path.
    assert_eq!(titles("side:beta"), ["Dobbel", "dobbel"]);
    assert_eq!(titles("page:b.md"), ["Dobbel", "dobbel"]);
    assert_eq!(titles("side:a.md").len(), 1);
    assert_eq!(titles("-side:beta").len(), 1);
    assert_eq!(titles("side:/^b/ eier:kari"), ["Dobbel", "dobbel"]);
    // The card fields do not say "Beta": only the page does.
    exits(1, &["search", "beta", &two]);
}

// ---- Missing 4: an unknown scope ----

#[test]
fn a_mistyped_scope_is_an_error_that_names_the_scope_meant() {
    let (stdout, stderr) = exits(2, &["search", "eeir:hanne"]);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "prosesser: Feil i søket ved tegn 1 («eeir:hanne»): ukjent felt `eeir:`; mente du `eier:`?\n"
    );
    let (_, stderr) = exits(2, &["search", "--lang", "en", "mork -leedr:tony"]);
    assert!(
        stderr.contains("at character 7") && stderr.contains("did you mean `leder:`?"),
        "{stderr}"
    );
    // Quoted, it is the text it says; far from every scope, a word.
    exits(1, &["search", "\"eeir:hanne\""]);
    exits(1, &["search", "kl:12"]);
}

// ---- Missing 5: say when there is nothing ----

#[test]
fn a_folder_without_markdown_says_so_instead_of_no_processes() {
    let empty = fixture("ux/no-markdown");
    let said = format!("prosesser: 0 Markdown-filer i {empty}\n");
    for args in [
        vec!["list", &empty],
        vec!["people", &empty],
        vec!["flow", &empty],
        vec![&empty],
    ] {
        let (stdout, stderr) = exits(0, &args);
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(stderr, said, "{args:?}");
    }
    let (_, stderr) = exits(0, &["list", &empty, "--lang", "en"]);
    assert_eq!(stderr, format!("prosesser: 0 Markdown files in {empty}\n"));
    // Machine formats stay whole; the line goes to stderr.
    let (json, stderr) = exits(0, &["list", &empty, "-f", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&json).unwrap()["documents"],
        serde_json::json!([])
    );
    assert_eq!(stderr, said);
    let (_, stderr) = exits(1, &["search", "hanne", &empty]);
    assert_eq!(stderr, said);
    let (_, stderr) = exits(0, &["check", &empty]);
    assert!(stderr.starts_with(&said), "{stderr}");
    // Beside a folder with cards, the empty one is still named.
    let names = fixture("ux/names");
    let (listed, stderr) = exits(0, &["list", &names, &empty]);
    assert!(listed.contains("Mottak"), "{listed}");
    assert_eq!(stderr, said);
}

#[test]
fn search_exits_1_when_nothing_matches_as_grep_does() {
    let (stdout, _) = exits(1, &["search", "zzzz-ingen"]);
    assert_eq!(stdout, "Ingen treff.\n");
    let (json, _) = exits(1, &["search", "zzzz-ingen", "-f", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["documents"], serde_json::json!([]));
    let (csv, _) = exits(1, &["search", "zzzz-ingen", "-f", "csv"]);
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
    exits(0, &["search", "mork"]);
}

// ---- Missing 7: flow as JSON, repeated titles told apart ----

#[test]
fn flow_json_has_the_links_chains_feeds_and_unlinked_cards_of_the_text() {
    let json: Value = serde_json::from_str(&ok(&["flow", "--format", "json"])).unwrap();
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1);
    let seed = &documents[0];
    assert_eq!(seed["path"], "prosesser/utvikling-drift.md");
    let name = |e: &Value| e["title"].as_str().unwrap().to_owned();
    let chains: Vec<Vec<String>> = seed["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_array().unwrap().iter().map(name).collect())
        .collect();
    assert!(
        chains.contains(&vec![
            "Portefølje".to_owned(),
            "Behov".into(),
            "Utvikling".into(),
            "Produksjonssetting".into()
        ]),
        "{chains:?}"
    );
    let links = seed["links"].as_array().unwrap();
    let behov_to_release = links
        .iter()
        .find(|l| l["from"]["title"] == "Behov" && l["to"]["title"] == "Release")
        .expect("Behov → Release");
    assert_eq!(behov_to_release["from"]["line"], 44);
    assert_eq!(behov_to_release["from"]["external"], false);
    assert_eq!(behov_to_release["to"]["line"], 26);
    assert!(
        behov_to_release["reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("input names")
    );
    let external = links
        .iter()
        .find(|l| l["from"]["external"] == true)
        .expect("a link from an external process");
    assert_eq!(external["from"]["title"], "Portefølje");
    assert_eq!(external["from"]["line"], Value::Null);
    let unlinked: Vec<String> = seed["unlinked"]
        .as_array()
        .unwrap()
        .iter()
        .map(name)
        .collect();
    assert!(unlinked.contains(&"Hendelser".to_owned()), "{unlinked:?}");
    // As many links as the text explains.
    let text = ok(&["flow"]);
    let why = text.split("Hvorfor:\n").nth(1).unwrap();
    assert_eq!(why.lines().count(), links.len(), "{text}");
}

#[test]
fn repeated_titles_are_told_apart_by_their_line_wherever_cards_are_named() {
    let dir = fixture("ux/duplicates");
    let flow = ok(&["flow", &dir]);
    assert!(
        flow.contains("    Behov (linje 6) → Behov (linje 8) → Utvikling\n"),
        "{flow}"
    );
    assert!(
        flow.contains("    Behov (linje 8) → Utvikling: input nevner «behov»\n"),
        "{flow}"
    );
    // Once in its document: no line, though another page has one too.
    assert!(flow.contains("  Uten lenker:\n    Release\n"), "{flow}");
    let english = ok(&["flow", &dir, "--lang", "en"]);
    assert!(
        english.contains("Behov (line 6) → Behov (line 8)"),
        "{english}"
    );
    let dot = ok(&["flow", &dir, "-f", "dot"]);
    assert!(dot.contains("[label=\"Behov (linje 8)\"]"), "{dot}");
    // Across documents: path and line.
    let people = ok(&["people", &dir]);
    assert!(
        people.contains("Behov (a.md:6), Behov (a.md:8), Release (a.md:9), Release (b.md:6)"),
        "{people}"
    );
    assert!(people.contains("Utvikling, Unik"), "{people}");
    let markdown = ok(&["people", &dir, "-f", "md"]);
    assert!(markdown.contains("Behov (a.md:6)"), "{markdown}");
}

// ---- Missing 8: completions and the manual page ----

const COMMANDS: [&str; 7] = [
    "list",
    "search",
    "people",
    "flow",
    "check",
    "completions",
    "man",
];

#[test]
fn bash_completion_completes_commands_and_formats() {
    let script = ok(&["completions", "bash"]);
    for command in COMMANDS {
        assert!(script.contains(command), "{command}");
    }
    let has_bash = Command::new("bash").arg("--version").output().is_ok();
    if !has_bash {
        eprintln!("bash is missing: the completion script was only read, not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("prosesser.bash");
    std::fs::write(&file, &script).unwrap();
    // What bash does on Tab: load the script, set COMP_WORDS, call the function.
    let complete = |words: &str| -> String {
        let cword = words.split(' ').count() - 1;
        let program = format!(
            "source {file}; COMP_WORDS=({words}); COMP_CWORD={cword}; \
             _prosesser prosesser \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file = file.display()
        );
        let output = Command::new("bash")
            .args(["--norc", "-c", &program])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let after_se = complete("prosesser se");
    assert_eq!(after_se.trim(), "search", "{after_se}");
    let formats = complete("prosesser flow --format ''");
    for format in ["text", "dot", "json"] {
        assert!(
            formats.lines().any(|l| l == format),
            "{format} in {formats}"
        );
    }
    let shells = complete("prosesser completions ''");
    for shell in ["bash", "zsh", "fish"] {
        assert!(shells.lines().any(|l| l == shell), "{shell} in {shells}");
    }
}

#[test]
fn zsh_and_fish_completions_name_every_command() {
    let zsh = ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef prosesser"), "{zsh}");
    let fish = ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c prosesser"), "{fish}");
    for command in COMMANDS {
        assert!(zsh.contains(&format!("'{command}:")), "{command} in zsh");
        assert!(
            fish.contains(&format!("-a \"{command}\"")),
            "{command} in fish"
        );
    }
    let (_, stderr) = exits(2, &["completions", "tcsh"]);
    assert!(stderr.contains("mulige verdier"), "{stderr}");
    // What zsh and fish show beside each command is in the reader's language.
    assert!(zsh.contains("'search:Kortene som treffer et søk"), "{zsh}");
    let english = ok(&["completions", "zsh", "--lang", "en"]);
    assert!(
        english.contains("'search:The cards matching a query"),
        "{english}"
    );
}

#[test]
fn the_manual_page_is_roff_for_the_program_and_each_command() {
    let page = ok(&["man"]);
    assert!(page.contains(".TH prosesser 1"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("prosesser\\-{command}(1)")),
            "{command}"
        );
    }
    assert!(page.contains(".SH AVSLUTNINGSSTATUS"), "{page}");
    assert!(page.contains("VISUAL, EDITOR"), "{page}");
    let search = ok(&["man", "search"]);
    assert!(
        search.starts_with(".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.TH prosesser-search 1"),
        "{search}"
    );
    assert_eq!(
        search.matches(".ds Aq").count(),
        2,
        "one preamble: {search}"
    );
    assert!(search.contains("Ingen kort passet."), "{search}");
    let (_, stderr) = exits(2, &["man", "serch"]);
    assert!(stderr.contains("mente du `search`?"), "{stderr}");
    let (_, stderr) = exits(2, &["man", "serch", "--lang", "en"]);
    assert!(stderr.contains("did you mean `search`?"), "{stderr}");
    // groff reads every page without a warning.
    if Command::new("groff").arg("--version").output().is_err() {
        eprintln!("groff is missing: the manual pages were only read, not typeset");
        return;
    }
    for (command, lang) in [None, Some("search"), Some("flow"), Some("check")]
        .into_iter()
        .flat_map(|c| [(c, "nb"), (c, "en")])
    {
        let mut args = vec!["man", "--lang", lang];
        args.extend(command);
        let roff = ok(&args);
        let mut groff = Command::new("groff")
            .args(["-man", "-k", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write as _;
        groff
            .stdin
            .take()
            .unwrap()
            .write_all(roff.as_bytes())
            .unwrap();
        let output = groff.wait_with_output().unwrap();
        assert!(output.status.success(), "{command:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{command:?}");
    }
}
