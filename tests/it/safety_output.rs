//! No byte of document text reaches the terminal as a control sequence from
//! the command line: a document whose text, front matter and file name carry
//! every kind of escape sequence, run through `list`, `search`, `people` and
//! `check` in every format. Text, CSV and Markdown show the sequences as
//! visible characters (`␛`, `<U+202E>`); JSON escapes them (`\u001b`) and
//! parses back to the exact original text.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Every terminal trick at once. Each piece is one attack:
const SEQUENCES: &[(&str, &str)] = &[
    ("CSI clear screen", "\u{1b}[2J"),
    ("CSI report cursor position", "\u{1b}[6n"),
    ("OSC 0 window title (BEL)", "\u{1b}]0;pwned\u{7}"),
    ("OSC 2 window title (ST)", "\u{1b}]2;pwned\u{1b}\\"),
    (
        "OSC 8 hyperlink",
        "\u{1b}]8;;https://evil.example/\u{1b}\\klikk\u{1b}]8;;\u{1b}\\",
    ),
    ("OSC 52 clipboard", "\u{1b}]52;c;cHduZWQ=\u{7}"),
    ("DCS", "\u{1b}Pq#0;1\u{1b}\\"),
    ("reset", "\u{1b}c"),
    ("8-bit CSI", "\u{9b}31m"),
    ("C1 NEL and OSC", "\u{85}\u{9d}0;c1\u{9c}"),
    ("BEL, BS, CR, DEL", "\u{7}\u{8}\r\u{7f}"),
    ("bidi override", "\u{202e}gnp.exe"),
    (
        "bidi isolates and marks",
        "\u{2066}\u{2067}\u{2068}\u{2069}\u{202a}\u{202b}\u{202c}\u{202d}\u{200e}\u{200f}\u{61c}",
    ),
    ("zero width", "\u{200b}\u{2060}\u{feff}"),
    ("line separators", "\u{2028}\u{2029}"),
];

/// All of [`SEQUENCES`] in one string, between ordinary words.
fn hostile(word: &str) -> String {
    let mut s = format!("{word} ");
    for (_, seq) in SEQUENCES {
        s.push_str(seq);
        s.push('|');
    }
    s.push_str(" slutt");
    s
}

/// `s` as a YAML double-quoted scalar: every character outside printable
/// ASCII and Latin-1 escaped, so the YAML itself holds no raw control byte.
fn yaml_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// The hostile file name: an OSC 0 title, a CSI clear, a bidi override and
/// an 8-bit CSI. (A name cannot hold `/` or NUL; everything else is allowed.)
const FILE_NAME: &str = "ond\u{1b}]0;fil\u{7}\u{1b}[2J\u{9b}6n\u{202e}dm.md";

struct Fixture {
    dir: tempfile::TempDir,
    fm_title: String,
    ingress: String,
    card_title: String,
    owner: String,
    leader: String,
    purpose: String,
    extra: String,
    nav_entry: String,
}

/// A folder with the hostile document and a quiet one beside it.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let f = Fixture {
        fm_title: hostile("Sidetittel"),
        ingress: hostile("Ingress"),
        card_title: hostile("Kort"),
        owner: hostile("Eier"),
        leader: hostile("Leder"),
        purpose: format!("{}\nandre linje {}", hostile("Formål"), hostile("mer")),
        extra: hostile("Ekstra"),
        nav_entry: hostile("Meny"),
        dir,
    };
    // Front matter through YAML escapes (`\e` would do too); the card's params
    // as raw strings, so the shortcode carries the raw bytes.
    let nav = format!("<p> - {}</p>\n<p> - Finnes ikke</p>\n", f.nav_entry);
    let doc = format!(
        "---\ntitle: {}\ningress: {}\nbeskrivelse: {}\nnavigation_link:\n  text: {}\n---\n\n\
{{{{< prosesser/strategy-card title=`{}` owner=`{}` leader=`{}` purpose=`{}` input=`{}` output=`` uvanlig=`{}` >}}}}\n\n\
{{{{< prosesser/strategy-card title=`{}` owner=\"Åse Ørnes\" >}}}}\n",
        yaml_quoted(&f.fm_title),
        yaml_quoted(&f.ingress),
        yaml_quoted(&f.extra),
        yaml_quoted(&nav),
        f.card_title,
        f.owner,
        f.leader,
        f.purpose,
        hostile("Input"),
        f.extra,
        // Same title again: a duplicate-title warning quoting it.
        f.card_title,
    );
    std::fs::write(f.dir.path().join(FILE_NAME), doc).unwrap();
    std::fs::write(
        f.dir.path().join("rolig.md"),
        "---\ntitle: Rolig\n---\n\n{{< prosesser/strategy-card title=\"Stille\" owner=\"Per\" leader=\"Kari\" purpose=\"p\" input=\"i\" output=\"o\" >}}\n",
    )
    .unwrap();
    f
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_prosesser"))
        .args(args)
        .arg(dir)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Whether a terminal could act on `c`. Written out here rather than taken
/// from `prosesser::text`, so the test does not trust what it tests.
fn acted_on(c: char) -> bool {
    matches!(c,
        '\0'..='\u{8}' | '\u{b}'..='\u{1f}' // C0 but tab and newline
        | '\u{7f}'..='\u{9f}'               // DEL and C1
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200e}' | '\u{200f}' | '\u{61c}'
        | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{2028}' | '\u{2029}')
}

/// Output for people: valid UTF-8 with no byte a terminal acts on.
fn assert_inert(what: &str, bytes: &[u8]) {
    for (i, b) in bytes.iter().enumerate() {
        assert!(
            !(*b < 0x20 && *b != b'\n' && *b != b'\t') && *b != 0x7f,
            "{what}: byte {b:#04x} at {i}"
        );
        // C1 controls in UTF-8 are C2 80..C2 9F.
        if *b == 0xc2 {
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            assert!(!(0x80..=0x9f).contains(&next), "{what}: C1 at {i}");
        }
    }
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some(c) = text.chars().find(|c| acted_on(*c)) {
        panic!("{what}: U+{:04X} reached the output:\n{text}", c as u32);
    }
}

fn text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

const FORMATS: [&str; 4] = ["text", "csv", "markdown", "json"];

/// Every command in every format, with its name for messages.
fn every_run(dir: &Path) -> Vec<(String, &'static str, Output)> {
    let mut runs = Vec::new();
    for format in FORMATS {
        for cmd in [
            vec!["list"],
            vec!["search", "pwned"],
            vec!["search", "eier:eier"],
            vec!["people"],
        ] {
            let mut args = cmd.clone();
            args.extend(["--format", format]);
            runs.push((format!("{args:?}"), format, run(dir, &args)));
        }
    }
    for format in ["text", "json"] {
        let args = ["check", "--format", format];
        runs.push((format!("{args:?}"), format, run(dir, &args)));
    }
    // No subcommand and stdout not a terminal: the text list.
    runs.push(("[]".to_owned(), "text", run(dir, &[])));
    runs
}

#[test]
fn no_format_lets_an_escape_sequence_through_to_the_terminal() {
    let f = fixture();
    for (what, format, output) in every_run(f.dir.path()) {
        // stderr is for people in every format.
        assert_inert(&format!("{what} stderr"), &output.stderr);
        if format == "json" {
            let text = text(&output);
            assert!(!text.contains('\u{1b}'), "{what}: raw ESC in JSON");
            assert!(
                !text.chars().any(|c| acted_on(c) && c != '\n'),
                "{what}: raw control in JSON"
            );
            let _: Value = serde_json::from_str(&text).expect("valid JSON");
        } else {
            assert_inert(&what, &output.stdout);
        }
    }
}

#[test]
fn the_sequences_are_shown_not_hidden() {
    let f = fixture();
    let list = text(&run(f.dir.path(), &["list"]));
    for shown in [
        "␛[2J",
        "␛[6n",
        "␛]0;pwned␇",
        "␛]2;pwned␛\\",
        "␛]8;;https://evil.example/␛\\klikk",
        "␛]52;c;cHduZWQ=␇",
        "␛Pq#0;1␛\\",
        "␛c",
        "<U+009B>31m",
        "<U+0085><U+009D>0;c1<U+009C>",
        "␇␈␍␡",
        "<U+202E>gnp.exe",
        "<U+2066><U+2067><U+2068><U+2069><U+202A><U+202B><U+202C><U+202D><U+200E><U+200F><U+061C>",
        "<U+200B><U+2060><U+FEFF>",
    ] {
        assert!(list.contains(shown), "{shown:?} is not shown:\n{list}");
    }
    // The file name too.
    assert!(
        list.contains("ond␛]0;fil␇␛[2J<U+009B>6n<U+202E>dm.md"),
        "{list}"
    );
    let csv = text(&run(f.dir.path(), &["list", "--format", "csv"]));
    assert!(csv.contains("Kort ␛[2J|␛[6n|"), "{csv}");
    let md = text(&run(f.dir.path(), &["list", "--format", "markdown"]));
    assert!(md.contains("Sidetittel ␛\\[2J"), "{md}");
    let people = text(&run(f.dir.path(), &["people"]));
    assert!(people.contains("Eier ␛[2J|"), "{people}");
    let check = text(&run(f.dir.path(), &["check"]));
    assert!(check.contains("ond␛]0;fil␇"), "{check}");
}

#[test]
fn json_escapes_the_sequences_and_keeps_the_exact_text() {
    let f = fixture();
    let out = text(&run(f.dir.path(), &["list", "--format", "json"]));
    for escaped in [
        r"\u001b[2J",
        r"\u001b]0;pwned\u0007",
        r"\u009b31m",
        r"\u202egnp.exe",
        r"\u2028\u2029",
        r"\u200b\u2060\ufeff",
    ] {
        assert!(out.contains(escaped), "{escaped} missing:\n{out}");
    }
    let json: Value = serde_json::from_str(&out).unwrap();
    let doc = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == FILE_NAME)
        .unwrap_or_else(|| panic!("the hostile file name comes back exact:\n{out}"));
    assert_eq!(doc["title"], f.fm_title.as_str());
    assert_eq!(doc["front_matter"]["ingress"], f.ingress.as_str());
    assert_eq!(doc["front_matter"]["beskrivelse"], f.extra.as_str());
    assert_eq!(doc["navigation"][0], f.nav_entry.as_str());
    let card = &doc["cards"][0];
    assert_eq!(card["title"], f.card_title.as_str());
    assert_eq!(card["owner"], f.owner.as_str());
    assert_eq!(card["leader"], f.leader.as_str());
    assert_eq!(card["purpose"], f.purpose.as_str());
    assert_eq!(card["params"]["uvanlig"], f.extra.as_str());

    let people = text(&run(f.dir.path(), &["people", "--format", "json"]));
    let people: Value = serde_json::from_str(&people).unwrap();
    let names: Vec<&str> = people["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    // People split names at `;` (several people in one field), so the OSC's
    // `;` cuts the name; each piece still comes back exact.
    assert!(
        names.contains(&"Eier \u{1b}[2J|\u{1b}[6n|\u{1b}]0"),
        "{names:?}"
    );

    let check = text(&run(f.dir.path(), &["check", "--format", "json"]));
    let check: Value = serde_json::from_str(&check).unwrap();
    assert!(
        check["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            // `check` writes paths that open from here: the folder, then the name.
            .any(|d| d["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(&format!("/{FILE_NAME}")))),
        "{check}"
    );
}

#[test]
fn an_invalid_query_with_escapes_is_echoed_safely() {
    let f = fixture();
    let output = Command::new(env!("CARGO_BIN_EXE_prosesser"))
        .args(["search", "eier:\u{1b}]0;pwned\u{7}(\u{202e}"])
        .arg(f.dir.path())
        .output()
        .unwrap();
    assert_inert("stdout", &output.stdout);
    assert_inert("stderr", &output.stderr);
}
