//! The `prosesser` binary end to end: the compiled-in seed handbook and fixture
//! folders, every output format parsed back. What reaches the terminal is
//! `safety_output.rs`.

use crate::common;
use serde_json::Value;

use common::SEED_TITLES;
use common::bin::{cards, json, ok, run, stderr, stdout, titles};
use std::path::{Path, PathBuf};

const SEED: &str = "prosesser/utvikling-drift.md";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

/// Every record, the header too, read back by the `csv` crate (RFC 4180:
/// quoted fields may hold commas, newlines and doubled quotes). Every record
/// has as many fields as the header, and the last one ends in a newline.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    assert!(text.ends_with('\n'), "the last record ends in a newline");
    assert!(
        text.matches('"').count().is_multiple_of(2),
        "unterminated quote"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The body rows of every Markdown table (not the header or `---` rows).
fn markdown_rows(text: &str) -> Vec<&str> {
    let mut rows = Vec::new();
    let mut in_table = 0;
    for line in text.lines() {
        if line.starts_with('|') {
            in_table += 1;
            if in_table > 2 {
                rows.push(line);
            }
        } else {
            in_table = 0;
        }
    }
    rows
}

// ---- list ----

#[test]
fn list_without_paths_prints_the_compiled_in_seed_as_an_aligned_table() {
    let text = ok(&["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 10, "{text}");
    assert!(lines[0].starts_with("Tittel"), "{text}");
    for (line, title) in lines[1..].iter().zip(SEED_TITLES) {
        assert!(line.starts_with(title), "{line}");
    }
    // The owner column starts at the same display column on every line.
    let owner_at = lines[0].find("Prosesseier").unwrap();
    let release = lines[1];
    assert_eq!(&release[owner_at..owner_at + "Hanne".len()], "Hanne");
    assert!(text.contains(&format!("{SEED}:26")), "{text}");
    assert!(lines[6].contains("(tom)"), "{}", lines[6]);
}

#[test]
fn list_in_english_uses_english_labels() {
    let text = ok(&["list", "--lang", "en"]);
    assert!(text.starts_with("Title"), "{text}");
    assert!(text.contains("Process owner") && text.contains("(empty)"));
}

#[test]
fn list_json_has_the_documented_shape_with_null_for_absent_and_empty_for_blank() {
    let value = json(&["list", "--format", "json"]);
    let document = &value["documents"][0];
    assert_eq!(document["path"], SEED);
    assert_eq!(document["title"], "Utviklings- og driftsprosesser (DevOps)");
    assert_eq!(document["weight"], 2);
    assert_eq!(
        document["front_matter"]["layout"],
        "prosesser/utvikling-drift/single"
    );
    assert_eq!(document["navigation"].as_array().unwrap().len(), 9);
    assert_eq!(titles(&value), SEED_TITLES);

    let release = &document["cards"][0];
    assert_eq!(release["shortcode"], "prosesser/strategy-card");
    assert_eq!(
        (release["line"].as_u64(), release["column"].as_u64()),
        (Some(26), Some(1))
    );
    assert_eq!(release["params"]["owner"], "Hanne Lauritsen");
    assert_eq!(release["owner"], "Hanne Lauritsen");
    assert!(
        release.get("positional").is_none(),
        "named calls have no positional"
    );

    let requests = &document["cards"][5];
    assert_eq!(requests["owner"], "");
    let access = &document["cards"][8];
    assert_eq!(access["leader"], "Tilgangsstyring/Espen Herskedal");
    assert_eq!(access["input"], Value::Null);
    assert_eq!(access["output"], Value::Null);
    assert_eq!(value["diagnostics"], serde_json::json!([]));
}

#[test]
fn list_csv_parses_back_with_english_headers_and_a_record_per_card() {
    let records = parse_csv(&ok(&["list", "--format", "csv"]));
    assert_eq!(
        records[0],
        [
            "path",
            "line",
            "column",
            "title",
            "owner",
            "leader",
            "purpose",
            "input",
            "output",
            "effect",
            "publication"
        ]
    );
    assert_eq!(records.len(), 10);
    assert_eq!(
        records[1][..6],
        [
            SEED,
            "26",
            "1",
            "Release",
            "Hanne Lauritsen",
            "Torkel Buarøy"
        ]
    );
    assert_eq!(records[9][3], "Tilgangsstyring");
    assert_eq!(records[9][7], "");
}

#[test]
fn list_markdown_has_a_table_row_per_card_under_the_document_heading() {
    let text = ok(&["list", "--format", "markdown"]);
    assert!(
        text.starts_with("## Utviklings- og driftsprosesser (DevOps)\n"),
        "{text}"
    );
    let rows = markdown_rows(&text);
    assert_eq!(rows.len(), 9, "{text}");
    assert!(rows[0].starts_with("| Release | Hanne Lauritsen | Torkel Buarøy |"));
    // No input, no output; no effect either, which is no gap and left blank.
    assert!(
        rows[8].ends_with("| (mangler) | (mangler) |  |"),
        "{}",
        rows[8]
    );
    assert!(
        rows[5].starts_with("| Forespørsler | (tom) |"),
        "{}",
        rows[5]
    );
}

#[test]
fn piping_without_a_subcommand_prints_the_list() {
    let piped = ok(&[]);
    assert_eq!(piped, ok(&["list"]));
    assert!(piped.lines().any(|l| l.contains("Hanne Lauritsen")));
}

#[test]
fn a_folder_lists_documents_by_weight_with_paths_relative_to_it() {
    let value = json(&["list", &fixture("two-docs"), "--format", "json"]);
    let paths: Vec<&str> = value["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["a.md", "b.md"]);
    assert_eq!(titles(&value), ["Første, \"sitat\"", "Dobbel", "dobbel"]);
}

#[test]
fn csv_quotes_commas_quotes_and_newlines_and_reads_back_exactly() {
    let records = parse_csv(&ok(&["list", &fixture("two-docs"), "--format", "csv"]));
    assert_eq!(records.len(), 4);
    let first = &records[1];
    assert_eq!(first[3], "Første, \"sitat\"");
    assert_eq!(first[4], "Ola | Nordmann");
    assert_eq!(first[6], "to\nlinjer");
}

#[test]
fn markdown_escapes_pipes_and_turns_newlines_into_br() {
    let text = ok(&["list", &fixture("two-docs"), "--format", "md"]);
    let rows = markdown_rows(&text);
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].contains(r"Ola \| Nordmann"), "{}", rows[0]);
    assert!(rows[0].contains("to<br>linjer"), "{}", rows[0]);
    // Unescaped pipes separate exactly seven cells.
    let separators = rows[0].replace(r"\|", "").matches('|').count();
    assert_eq!(separators, 8, "{}", rows[0]);
}

#[test]
fn wide_characters_are_padded_by_display_width() {
    let text = ok(&["list", &fixture("two-docs")]);
    let lines: Vec<&str> = text.lines().collect();
    let column = |line: &str, needle: &str| {
        let at = line.find(needle).unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    // 李小龍 is six columns wide; the location column still lines up.
    assert_eq!(
        column(lines[0], "Kilde"),
        column(lines[1], "a.md:8"),
        "{text}"
    );
    assert_eq!(
        column(lines[0], "Kilde"),
        column(lines[2], "b.md:6"),
        "{text}"
    );
}

// ---- search ----

#[test]
fn searching_mork_finds_produksjonssetting_and_says_where() {
    let text = ok(&["search", "mork"]);
    assert!(text.contains("Produksjonssetting"), "{text}");
    assert!(text.contains("Dan Remi Mørk"));
    let value = json(&["search", "mork", "--format", "json"]);
    assert_eq!(titles(&value), ["Produksjonssetting"]);
    let card = cards(&value)[0];
    assert_eq!(card["rank"], 1);
    let owner = "Dan Remi Mørk";
    let hit = card["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["field"] == "owner")
        .expect("a match in owner");
    let (start, end) = (hit["start"].as_u64().unwrap(), hit["end"].as_u64().unwrap());
    assert_eq!(&owner[start as usize..end as usize], "Mørk");
}

#[test]
fn searching_eier_hanne_finds_her_three_cards_in_every_format() {
    let value = json(&["search", "eier:hanne", "--format", "json"]);
    assert_eq!(titles(&value).len(), 3);
    for title in ["Release", "Endringsstyring", "Behov"] {
        assert!(titles(&value).contains(&title), "{title}");
    }
    assert_eq!(ok(&["search", "eier:hanne"]).lines().count(), 4);
    assert_eq!(
        parse_csv(&ok(&["search", "eier:hanne", "-f", "csv"])).len(),
        4
    );
    assert_eq!(
        markdown_rows(&ok(&["search", "eier:hanne", "-f", "markdown"])).len(),
        3
    );
}

// ---- people ----

#[test]
fn people_names_espen_herskedal_with_his_unit_as_leader_of_tilgangsstyring() {
    let value = json(&["people", "--format", "json"]);
    let people = value["people"].as_array().unwrap();
    let espen = people
        .iter()
        .find(|p| p["name"] == "Espen Herskedal")
        .expect("Espen Herskedal is a person");
    // The seed has no team pages: the unit before the `/` qualifies him.
    assert_eq!(espen["teams"], serde_json::json!([]));
    assert_eq!(espen["qualifiers"], serde_json::json!(["Tilgangsstyring"]));
    assert_eq!(espen["spellings"], serde_json::json!(["Espen Herskedal"]));
    assert_eq!(espen["memberships"], serde_json::json!([]));
    assert_eq!(espen["readings"][0]["how"], "unit");
    assert_eq!(
        espen["leader_of"],
        serde_json::json!([{"title": "Tilgangsstyring", "path": SEED, "line": 98}])
    );
    assert_eq!(espen["owner_of"], serde_json::json!([]));
    let hanne = people
        .iter()
        .find(|p| p["name"] == "Hanne Lauritsen")
        .unwrap();
    assert_eq!(hanne["owner_of"].as_array().unwrap().len(), 3);
    assert!(
        people.iter().all(|p| p["name"] != ""),
        "empty owners are nobody"
    );
}

#[test]
fn people_text_csv_and_markdown_list_each_person_once() {
    let text = ok(&["people"]);
    assert_eq!(text.matches("Hanne Lauritsen").count(), 1, "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("Espen Herskedal") && l.contains("Tilgangsstyring"))
    );

    let records = parse_csv(&ok(&["people", "--format", "csv"]));
    assert_eq!(
        records[0],
        [
            "name",
            "teams",
            "role",
            "title",
            "path",
            "line",
            "qualifiers"
        ]
    );
    assert!(records.contains(&vec![
        "Espen Herskedal".to_owned(),
        "".to_owned(),
        "leader".to_owned(),
        "Tilgangsstyring".to_owned(),
        SEED.to_owned(),
        "98".to_owned(),
        "Tilgangsstyring".to_owned(),
    ]));
    let md = ok(&["people", "--format", "markdown"]);
    let rows = markdown_rows(&md);
    assert_eq!(rows.len(), text.lines().count() - 1, "{md}");
}

// ---- check ----

/// The seed's findings as its (Norwegian) reader gets them by default.
const SEED_WARNINGS: &str = "\
prosesser/utvikling-drift.md:17:5: warning: front matter navigation_link.text: HTML i ubalanse: <p> lukkes ikke på linje 3 i verdien: «<p> - Behov<p>» [html]
prosesser/utvikling-drift.md:71:1: warning: kortet «Forespørsler» har tom prosesseier, prosessleder og formål [missing-field]
prosesser/utvikling-drift.md:80:1: warning: kortet «Hendelser» har tom prosesseier, prosessleder og formål [missing-field]
prosesser/utvikling-drift.md:89:1: warning: kortet «Problemer» har tom prosesseier, prosessleder og formål [missing-field]
";

/// The same with `--lang en`: the checks' own messages.
const SEED_WARNINGS_EN: &str = "\
prosesser/utvikling-drift.md:17:5: warning: front matter navigation_link.text: malformed HTML: unclosed <p> on line 3 of the value: \"<p> - Behov<p>\" [html]
prosesser/utvikling-drift.md:71:1: warning: card \"Forespørsler\" has an empty owner, leader and purpose [missing-field]
prosesser/utvikling-drift.md:80:1: warning: card \"Hendelser\" has an empty owner, leader and purpose [missing-field]
prosesser/utvikling-drift.md:89:1: warning: card \"Problemer\" has an empty owner, leader and purpose [missing-field]
";

#[test]
fn check_on_the_seed_warns_about_the_empty_cards_and_the_unclosed_p() {
    let output = run(&["check"]);
    assert_eq!(stdout(&output), SEED_WARNINGS);
    assert_eq!(stderr(&output), "0 feil, 4 advarsler\n");
    assert_eq!(output.status.code(), Some(0));
    let english = run(&["check", "--lang", "en"]);
    assert_eq!(stdout(&english), SEED_WARNINGS_EN);
    assert_eq!(stderr(&english), "0 errors, 4 warnings\n");
}

/// `path:line:col: severity: message [rule]` as vim's errorformat
/// (`%f:%l:%c: %t%*[^:]: %m`) and CI problem matchers read it: the message
/// is the only part that changes with the language.
fn parse_finding(line: &str) -> Option<(&str, u32, u32, &str, &str, &str)> {
    let (path, rest) = line.split_once(':')?;
    let (line_no, rest) = rest.split_once(':')?;
    let (column, rest) = rest.split_once(": ")?;
    let (severity, rest) = rest.split_once(": ")?;
    let (message, rule) = rest.strip_suffix(']')?.rsplit_once(" [")?;
    let rule_like = !rule.is_empty()
        && rule
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    (["error", "warning"].contains(&severity) && rule_like && !message.is_empty()).then_some((
        path,
        line_no.parse().ok()?,
        column.parse().ok()?,
        severity,
        message,
        rule,
    ))
}

#[test]
fn check_speaks_norwegian_by_default_and_english_with_lang_en_in_one_shape() {
    let handbook = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/handboka")
        .to_str()
        .unwrap()
        .to_owned();
    let intern = format!("{handbook}/content/prosesser/stotte/index.md:16:1: warning: ");
    let norwegian = stdout(&run(&["check", &handbook]));
    assert!(
        norwegian.contains(&format!(
            "{intern}kortet «Intern service» mangler prosesseier og prosessleder [missing-field]\n"
        )),
        "{norwegian}"
    );
    // A person's name written two ways, and one the directory does not
    // have, said in full too.
    assert!(
        norwegian.contains(
            "warning: prosessleder «Markedssjef Siri Lunde» på kortet «Marked»: «Siri Lunde» \
             står ikke i personkatalogen; katalogen har «Siri Lunde Berg» på "
        ),
        "{norwegian}"
    );
    assert!(
        norwegian.contains(&format!(
            "{handbook}/content/prosesser/utvikling/index.md:13:1: warning: prosesseier på kortet \
             «Utvikling»: Ola Dahl er skrevet «ola dahl», men \
             {handbook}/content/team/plattform/index.md:5:13 skriver «Ola Dahl» \
             (ulikt: store/små bokstaver) [person-name]\n"
        )),
        "{norwegian}"
    );
    let english = stdout(&run(&["check", &handbook, "--lang", "en"]));
    assert!(
        english.contains(&format!(
            "{intern}card \"Intern service\" has no owner and leader [missing-field]\n"
        )),
        "{english}"
    );
    assert_eq!(
        stdout(&run(&["check", "--lang", "nb", &handbook])),
        norwegian
    );
    // Line for line the same finding: only the message differs.
    let (nb, en): (Vec<&str>, Vec<&str>) = (norwegian.lines().collect(), english.lines().collect());
    assert_eq!(nb.len(), en.len());
    assert!(nb.len() >= 9, "{norwegian}");
    for (nb, en) in nb.iter().zip(&en) {
        let nb = parse_finding(nb).unwrap_or_else(|| panic!("not a finding: {nb}"));
        let en = parse_finding(en).unwrap_or_else(|| panic!("not a finding: {en}"));
        let (path, line, column, severity, _, rule) = en;
        assert_eq!(
            (nb.0, nb.1, nb.2, nb.3, nb.5),
            (path, line, column, severity, rule)
        );
        assert!(path.starts_with(&handbook), "{path}");
        assert_ne!(nb.4, en.4, "the message is said in each language");
    }
    // JSON is for machines: the message stays English whatever --lang says.
    let value = json(&["check", &handbook, "-f", "json"]);
    let messages: Vec<&str> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"card \"Intern service\" has no owner and leader"),
        "{messages:?}"
    );
}

#[test]
fn check_strict_fails_on_the_seeds_warnings() {
    let output = run(&["check", "--strict", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "0 errors, 4 warnings\n");
}

#[test]
fn check_json_lists_diagnostics_with_positions_and_counts() {
    let value = json(&["check", "--format", "json"]);
    assert_eq!(value["errors"], 0);
    assert_eq!(value["warnings"], 4);
    let first = &value["diagnostics"][1];
    assert_eq!(first["path"], SEED);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(71), Some(1))
    );
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["rule"], "missing-field");
}

#[test]
fn check_finds_navigation_drift_and_duplicate_titles_in_a_folder() {
    let dir = fixture("two-docs");
    let output = run(&["check", &dir, "--lang", "en"]);
    // Paths open from the current directory: the folder given, then the file.
    assert_eq!(
        stdout(&output),
        format!(
            "{dir}/a.md:5:9: warning: front matter navigation_link.text lists \"Mangler\", but no card has that title [navigation]\n\
             {dir}/b.md:7:1: warning: card \"dobbel\" has the same title as the card at line 6, column 1 [duplicate-title]\n"
        )
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn check_exits_1_on_what_hugo_would_reject() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.md"),
        "---\ntitle: Broken\n---\n\n{{< prosesser/strategy-card title=\"x\" \n",
    )
    .unwrap();
    let output = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("broken.md:5:1: error:"),
        "{}",
        stdout(&output)
    );
    assert!(stderr(&output).starts_with("1 feil"), "{}", stderr(&output));
}

// ---- errors and safety ----

#[test]
fn a_missing_path_exits_2_and_names_it() {
    for command in [
        &["list"][..],
        &["check"],
        &["people"],
        &["search", "x"],
        &[],
    ] {
        let mut args = command.to_vec();
        args.push("/no/such/handbook");
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains("/no/such/handbook"),
            "{}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["list", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--format", "csv"]).status.code(), Some(2));
    let unknown_language = run(&["--lang", "de", "list"]);
    assert_eq!(unknown_language.status.code(), Some(2));
    assert!(
        stderr(&unknown_language).contains("«de»"),
        "{}",
        stderr(&unknown_language)
    );
}

#[test]
fn lang_may_come_before_or_after_the_subcommand() {
    for args in [["--lang", "en", "check"], ["check", "--lang", "en"]] {
        let output = run(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "0 errors, 4 warnings\n", "{args:?}");
    }
    let listed = stdout(&run(&["--lang", "en", "list"]));
    assert!(listed.starts_with("Title"), "{listed}");
}

#[test]
fn the_compiled_in_handbook_is_used_from_any_directory() {
    // `prosesser` runs in an empty temp dir here; data/ is not beside it.
    let value = json(&["list", "-f", "json"]);
    assert_eq!(value["documents"][0]["path"], SEED);
    assert!(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .is_dir()
    );
}

/// Pages Hugo would not publish (`draft: yes` is a YAML 1.1 boolean; a
/// publish date to come) are marked in every format; a card with no params
/// is positional with an empty list, as Hugo's `.IsNamedParams` says.
#[test]
fn unpublished_pages_are_marked_in_every_format() {
    let dir = fixture("unpublished");
    let text = ok(&["list", &dir]);
    let line = |title: &str| {
        text.lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} in {text}"))
            .to_owned()
    };
    assert!(line("Uferdig").contains("Uferdig [utkast]"), "{text}");
    assert!(
        line("Kommer").contains("Kommer [publiseres 2999-01-01]"),
        "{text}"
    );
    assert!(!line("Levende").contains('['), "{text}");
    let english = ok(&["list", &dir, "--lang", "en"]);
    assert!(english.contains("Uferdig [draft]"), "{english}");
    assert!(
        english.contains("Kommer [published from 2999-01-01]"),
        "{english}"
    );

    let value = json(&["list", &dir, "-f", "json"]);
    let docs = value["documents"].as_array().unwrap();
    let by_title = |t: &str| docs.iter().find(|d| d["title"] == t).unwrap();
    let live = by_title("Live");
    assert_eq!(
        (&live["draft"], &live["published"], &live["publication"]),
        (
            &Value::Bool(false),
            &Value::Bool(true),
            &Value::from("published")
        )
    );
    assert_eq!(live["cards"][1]["positional"], serde_json::json!([]));
    assert_eq!(live["cards"][1]["params"], serde_json::json!({}));
    let draft = by_title("Kladd");
    assert_eq!(
        (&draft["draft"], &draft["published"], &draft["publication"]),
        (
            &Value::Bool(true),
            &Value::Bool(false),
            &Value::from("draft")
        )
    );
    let future = by_title("Snart");
    assert_eq!(future["draft"], Value::Bool(false));
    assert_eq!(future["publication"], "future");
    assert_eq!(future["publication_date"], "2999-01-01");

    let csv = parse_csv(&ok(&["list", &dir, "-f", "csv"]));
    let column = csv[0].iter().position(|h| h == "publication").unwrap();
    let of = |title: &str| {
        let row = csv.iter().find(|r| r[3] == title).unwrap();
        row[column].clone()
    };
    assert_eq!(
        (of("Levende"), of("Uferdig"), of("Kommer")),
        ("published".into(), "draft".into(), "future".into())
    );

    let markdown = ok(&["list", &dir, "-f", "markdown"]);
    assert!(markdown.contains("## Kladd *[utkast]*"), "{markdown}");
    assert!(markdown.contains("## Live\n"), "{markdown}");
}

/// In a Hugo site the shortcode templates are known: a call without one is
/// Hugo's build error, and pairing follows the templates (a card template
/// without `.Inner` cannot be closed). The same file outside any site says
/// nothing about templates.
#[test]
fn a_shortcode_without_a_template_is_an_error_in_a_site_and_unknown_outside() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::write(root.join("hugo.toml"), "baseURL = \"http://x/\"\n").unwrap();
    let shortcodes = root.join("layouts/shortcodes/prosesser");
    std::fs::create_dir_all(&shortcodes).unwrap();
    std::fs::write(
        shortcodes.join("strategy-card.html"),
        "<h3>{{ .Get \"title\" }}</h3>{{ .Get \"owner\" }}\n",
    )
    .unwrap();
    std::fs::write(
        root.join("layouts/shortcodes/box.html"),
        "<div>{{ .Inner }}</div>\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content")).unwrap();
    let page = "---\ntitle: Side\n---\n{{< prosesser/strategy-card title=\"A\" owner=\"O\" >}}\n\
                {{< box >}}x{{< /box >}} {{< youtube id=\"v\" >}}\n\
                {{< nosuch >}}\n";
    std::fs::write(root.join("content/side.md"), page).unwrap();

    let output = run(&["check", root.to_str().unwrap(), "--lang", "en"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("side.md:6:1: error: template for shortcode \"nosuch\" not found"),
        "{out}"
    );
    // The card, the box (which has .Inner) and Hugo's own youtube are fine.
    assert_eq!(out.matches("error:").count(), 1, "{out}");
    assert_eq!(
        titles(&json(&["list", root.to_str().unwrap(), "-f", "json"])),
        ["A"]
    );

    // A site that takes templates from Hugo modules, or names a theme that
    // is not there: its templates cannot all be seen, so nothing is said.
    for config in [
        "baseURL = \"http://x/\"\n[module]\n[[module.imports]]\npath = \"github.com/x/cards\"\n",
        "baseURL = \"http://x/\"\ntheme = \"gone\"\n",
    ] {
        std::fs::write(root.join("hugo.toml"), config).unwrap();
        let output = run(&["check", root.to_str().unwrap(), "--lang", "en"]);
        assert!(
            !stdout(&output).contains("template for shortcode"),
            "{config}: {}",
            stdout(&output)
        );
    }

    // Outside a site: nothing is known about templates, nothing is said.
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(plain.path().join("side.md"), page).unwrap();
    let output = run(&["check", plain.path().to_str().unwrap(), "--lang", "en"]);
    assert!(
        !stdout(&output).contains("template for shortcode"),
        "{}",
        stdout(&output)
    );
}
