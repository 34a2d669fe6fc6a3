//! The help, the manual page and clap's usage errors in the reader's
//! language, through the binary: Norwegian by default, English with `--lang
//! en` given anywhere, and that English exactly what it was before the help
//! had a second language (the snapshots in `tests/fixtures/cli/help-en/` were
//! taken from the binary before the change).

use crate::common::bin::{ok, run, stderr as err, stdout as out};
use std::path::PathBuf;
use std::process::Output;

const COMMANDS: [&str; 8] = [
    "list",
    "search",
    "people",
    "flow",
    "history",
    "check",
    "completions",
    "man",
];

/// English command lines whose whole output (code, stdout, stderr) is
/// snapshotted: the help of every command both ways, `help`, the manual
/// pages, the completion scripts, and clap's usage errors.
const ENGLISH: &[&str] = &[
    "--lang en --help",
    "--lang en -h",
    "--help --lang en",
    "--lang en help",
    "--lang=en --version",
    "list --help --lang en",
    "--lang en list -h",
    "--lang en help list",
    "search --help --lang en",
    "--lang en search -h",
    "--lang en help search",
    "people --help --lang en",
    "--lang en people -h",
    "flow --help --lang en",
    "--lang en flow -h",
    "history --help --lang en",
    "--lang en history -h",
    "check --help --lang en",
    "--lang en check -h",
    "completions --help --lang en",
    "--lang en completions -h",
    "man --help --lang en",
    "--lang en man -h",
    "--lang en man",
    "--lang en man list",
    "--lang en man search",
    "--lang en man people",
    "--lang en man flow",
    "--lang en man history",
    "--lang en man check",
    "--lang en man completions",
    "--lang en man man",
    "--lang en completions bash",
    "--lang en completions zsh",
    "--lang en completions fish",
    "--lang en completions elvish",
    "--lang en completions powershell",
    "--lang en list --format xml",
    "--lang en check --allow nosuch",
    "--lang en search",
    "--lang en --nosuch",
    "--lang en help nosuch",
    "--lang en man nosuch",
    "--lang en man serch",
    "--lang en completions tcsh",
    "--lang en check -f",
    "--lang en list --x",
];

/// What a run printed, as the snapshots hold it.
fn shown(output: &Output) -> String {
    let version = env!("CARGO_PKG_VERSION");
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        output.status.code().unwrap_or(-1),
        out(output),
        err(output)
    )
    .replace(version, "{VERSION}")
}

/// `--lang en --help` → `prosesser_--lang_en_--help`.
fn snapshot_name(line: &str) -> String {
    format!("prosesser {line}").replace([' ', '='], "_")
}

fn snapshot(line: &str) -> PathBuf {
    [
        env!("CARGO_MANIFEST_DIR"),
        "tests/fixtures/cli/help-en",
        &format!("{}.txt", snapshot_name(line)),
    ]
    .iter()
    .collect()
}

#[test]
fn english_help_manual_completions_and_errors_are_what_they_were() {
    let mut names: Vec<String> = ENGLISH.iter().map(|l| snapshot_name(l)).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), ENGLISH.len(), "one snapshot per line");
    for line in ENGLISH {
        let args: Vec<&str> = line.split(' ').collect();
        let got = shown(&run(&args));
        let want = std::fs::read_to_string(snapshot(line))
            .unwrap_or_else(|e| panic!("{line}: {}: {e}", snapshot(line).display()));
        assert_eq!(got, want, "prosesser {line}");
    }
}

/// What clap writes in English, which a Norwegian reader must not meet.
const CLAP_ENGLISH: [&str; 14] = [
    "Usage:",
    "Commands:",
    "Arguments:",
    "Options:",
    "Possible values",
    "possible values",
    "[default:",
    "[OPTIONS]",
    "[COMMAND]",
    "Print help",
    "Print version",
    "Print this message",
    "For more information",
    "error:",
];

fn assert_norwegian(what: &str, text: &str) {
    for english in CLAP_ENGLISH {
        assert!(!text.contains(english), "{english:?} in {what}:\n{text}");
    }
}

/// The description beside `command` in the list of commands of `help`.
fn description<'a>(help: &'a str, command: &str) -> &'a str {
    let line = help
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{command} ")))
        .unwrap_or_else(|| panic!("{command} in {help}"));
    line.trim_start()[command.len()..].trim()
}

#[test]
fn help_is_norwegian_by_default_with_every_command_described_in_norwegian() {
    let help = ok(&["--help"]);
    assert!(
        help.starts_with("Bla i og søk i en prosesshåndbok for Hugo"),
        "{help}"
    );
    for heading in [
        "\nBruk: prosesser [VALG] [STI]... [KOMMANDO]\n",
        "\nKommandoer:\n",
        "\nArgumenter:\n",
        "\nValg:\n",
        "Mulige verdier:",
        "[standard: nb]",
        "  -h, --help\n          Vis hjelpen (et sammendrag med «-h»)",
        "  -V, --version\n          Vis versjonen",
    ] {
        assert!(help.contains(heading), "{heading:?} in {help}");
    }
    assert_norwegian("--help", &help);
    let english = ok(&["--help", "--lang", "en"]);
    let norwegian_descriptions = [
        ("list", "Alle kortene"),
        ("search", "Kortene som treffer et søk"),
        ("people", "Hver person én gang"),
        ("flow", "Hvordan prosessene gir arbeid videre"),
        ("history", "Hva som er endret i hvert kort"),
        ("check", "Meld fra om problemer"),
        ("completions", "Skriv ut et skript"),
        ("man", "Skriv ut manualsiden"),
        ("help", "Skriv ut denne hjelpen"),
    ];
    for (command, start) in norwegian_descriptions {
        let said = description(&help, command);
        assert!(said.starts_with(start), "{command}: {said}");
        assert_ne!(said, description(&english, command), "{command}");
    }
    assert_eq!(norwegian_descriptions.len(), COMMANDS.len() + 1);
    // `-h` and `help` say the same in Norwegian.
    let short = ok(&["-h"]);
    assert!(
        short.contains("  -h, --help                   Vis hjelpen (mer med «--help»)"),
        "{short}"
    );
    assert_norwegian("-h", &short);
    assert_eq!(ok(&["help"]), help);
}

#[test]
fn every_command_has_its_help_in_norwegian() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let help = ok(&[command, flag]);
            assert_norwegian(&format!("{command} {flag}"), &help);
            assert!(
                help.contains(&format!("\nBruk: prosesser {command} ")),
                "{command} {flag}: {help}"
            );
        }
        assert_eq!(
            ok(&["help", command]),
            ok(&[command, "--help"]),
            "{command}"
        );
    }
    let search = ok(&["search", "--help"]);
    for said in [
        "Bruk: prosesser search [VALG] <SØK> [STI]...",
        "  <SØK>\n          Søket, for eksempel `mork`",
        "- text:     Kolonner på linje for mennesker",
        "`eier:`/`owner:`",
        "[standard: text]",
    ] {
        assert!(search.contains(said), "{said:?} in {search}");
    }
    let check = ok(&["check", "-h"]);
    assert!(check.contains("-A, --allow <REGEL>"), "{check}");
    assert!(check.contains("[mulige verdier: io, binary,"), "{check}");
}

#[test]
fn lang_en_anywhere_gives_the_english_help() {
    let english = ok(&["--lang", "en", "--help"]);
    assert!(
        english.contains("\nUsage: prosesser [OPTIONS] [PATHS]... [COMMAND]\n"),
        "{english}"
    );
    assert_eq!(ok(&["--help", "--lang", "en"]), english);
    assert_eq!(ok(&["--help", "--lang=en"]), english);
    let search = ok(&["search", "--help", "--lang", "en"]);
    assert!(
        search.starts_with("The cards matching a query, best first"),
        "{search}"
    );
    assert!(
        search.contains("Usage: prosesser search [OPTIONS] <QUERY> [PATHS]..."),
        "{search}"
    );
    assert_eq!(ok(&["--lang", "en", "search", "--help"]), search);
    // The last --lang wins, as it does for the rest of the output.
    assert_eq!(
        ok(&["--lang", "en", "search", "--help", "--lang", "nb"]),
        ok(&["search", "--help"])
    );
}

#[test]
fn the_manual_page_is_norwegian_by_default() {
    let page = ok(&["man"]);
    for said in [
        ".TH prosesser 1  \"prosesser",
        "Brukerkommandoer",
        ".SH NAVN\nprosesser \\- Bla i og søk i en prosesshåndbok for Hugo",
        ".SH OVERSIKT\n",
        ".SH BESKRIVELSE\n",
        ".SH ARGUMENTER\n",
        ".SH VALG\n",
        ".SH KOMMANDOER\n",
        ".SH AVSLUTNINGSSTATUS\n",
        ".SH MILJØ\n",
        ".SH VERSJON\n",
        "\\fIMulige verdier:\\fR",
        "[standard: nb]",
        "[\\fIkommando\\fR]",
        "nb: norsk bokmål",
    ] {
        assert!(page.contains(said), "{said:?} in {page}");
    }
    for english in [
        ".SH NAME",
        ".SH SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "Possible values",
        "[default:",
        "Print help",
        "Success.",
    ] {
        assert!(!page.contains(english), "{english:?} in {page}");
    }
    let check = ok(&["man", "check"]);
    assert!(check.contains("Meld fra om REGEL som feil"), "{check}");
    assert!(
        check.contains("Ingen feil (og, med \\-\\-strict, ingen advarsler)."),
        "{check}"
    );
    assert!(ok(&["man", "--lang", "en"]).contains(".SH NAME\n"));
}

#[test]
fn usage_errors_are_said_in_the_readers_language() {
    let output = run(&["list", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        err(&output),
        "feil: ugyldig verdi «xml» for «--format <FORMAT>»\n  [mulige verdier: text, json, csv, markdown]\n\n\
         Mer hjelp får du med «--help».\n"
    );
    let output = run(&["search"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        err(&output),
        "feil: disse argumentene mangler:\n  <SØK>\n\nBruk: prosesser search [VALG] <SØK> [STI]...\n\n\
         Mer hjelp får du med «--help».\n"
    );
    let output = run(&["--nosuch"]);
    assert!(
        err(&output).starts_with(
            "feil: uventet argument «--nosuch»\n\n  tips: skriv «-- --nosuch» for å gi «--nosuch» som verdi\n"
        ),
        "{}",
        err(&output)
    );
    // A --lang clap refuses: the default language says so.
    let output = run(&["--lang", "de", "--help"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        err(&output).starts_with(
            "feil: ugyldig verdi «de» for «--lang <SPRÅK>»\n  [mulige verdier: nb, en]"
        ),
        "{}",
        err(&output)
    );
    for args in [
        &["list", "--format", "xml"][..],
        &["search"],
        &["--nosuch"],
        &["check", "-f"],
        &["completions", "tcsh"],
        &["help", "nosuch"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_norwegian(&format!("{args:?}"), &err(&output));
        assert!(
            err(&output).starts_with("feil: "),
            "{args:?}: {}",
            err(&output)
        );
    }
}
