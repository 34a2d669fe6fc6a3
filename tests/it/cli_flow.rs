//! `prosesser flow` and the flow in JSON, end to end on the compiled-in seed
//! and on files written by the tests.

use crate::common::bin::ok;
use serde_json::Value;
use std::process::Command;

fn card<'a>(json: &'a Value, title: &str) -> &'a Value {
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["cards"].as_array().unwrap())
        .find(|c| c["title"] == title)
        .unwrap_or_else(|| panic!("no card {title}"))
}

fn ends(links: &Value) -> Vec<(String, bool)> {
    links
        .as_array()
        .expect("an array")
        .iter()
        .map(|l| {
            (
                l["title"].as_str().unwrap().to_owned(),
                l["external"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn flow_text_shows_the_seed_chain_the_feeds_and_the_unlinked_cards() {
    let text = ok(&["flow"]);
    assert!(
        text.contains("    Portefølje (ekstern) → Behov → Utvikling → Produksjonssetting\n"),
        "{text}"
    );
    assert!(
        text.contains("    Release ← Behov, Utvikling, Portefølje (ekstern)\n"),
        "{text}"
    );
    assert!(
        text.contains("Endringsstyring, Forespørsler, Hendelser, Problemer, Tilgangsstyring"),
        "{text}"
    );
    assert!(
        text.contains("Behov → Utvikling: input nevner «behov», «behovsprosessen»"),
        "every link says why:\n{text}"
    );
    let en = ok(&["flow", "--lang", "en"]);
    assert!(
        en.contains("Chains:") && en.contains("Portefølje (external) → Behov"),
        "{en}"
    );
}

#[test]
fn flow_dot_is_one_digraph_with_dashed_externals_and_labelled_edges() {
    let dot = ok(&["flow", "--format", "dot"]);
    assert!(
        dot.starts_with("digraph prosesser {\n") && dot.ends_with("}\n"),
        "{dot}"
    );
    assert!(dot.contains("d0c2 [label=\"Behov\"];"), "{dot}");
    assert!(
        dot.contains("[label=\"Portefølje\", style=dashed];"),
        "{dot}"
    );
    assert!(
        dot.contains("d0c2 -> d0c3 [label=\"behov, behovsprosessen, prioriterte behov\"];"),
        "{dot}"
    );
    assert!(
        !dot.contains("d0c8 ->") && !dot.contains("-> d0c8"),
        "Tilgangsstyring has no edge"
    );
}

#[test]
fn flow_dot_escapes_quotes_and_backslashes_in_titles() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.md");
    std::fs::write(
        &file,
        "---\ntitle: 'Sitat \"og\" skråstrek \\'\n---\n\
         {{< prosesser/strategy-card title=`Kvalitet \"A\" \\ B` output=\"Til leveranseprosessen\" >}}\n\
         {{< prosesser/strategy-card title=\"Leveranse\" input=\"Fra kvalitet\" >}}\n",
    )
    .unwrap();
    let dot = ok(&["flow", "-f", "dot", file.to_str().unwrap()]);
    assert!(dot.contains(r#"label="Kvalitet \"A\" \\ B""#), "{dot}");
    assert!(
        dot.contains(r#"label="Sitat \"og\" skråstrek \\";"#),
        "{dot}"
    );
    // Every quote in the output is either a delimiter or escaped: an even
    // number of unescaped quotes on each line.
    for line in dot.lines() {
        let unescaped = line
            .replace("\\\\", "")
            .replace("\\\"", "")
            .matches('"')
            .count();
        assert_eq!(unescaped % 2, 0, "{line}");
    }
    if Command::new("dot").arg("-V").output().is_ok() {
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write as _;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success(), "Graphviz reads it:\n{dot}");
    }
}

#[test]
fn list_json_cards_carry_upstream_and_downstream_with_reasons() {
    let json: Value = serde_json::from_str(&ok(&["list", "--format", "json"])).unwrap();
    let release = card(&json, "Release");
    assert_eq!(
        ends(&release["upstream"]),
        [
            ("Behov".to_owned(), false),
            ("Utvikling".to_owned(), false),
            ("Portefølje".to_owned(), true)
        ]
    );
    assert_eq!(ends(&release["downstream"]), []);
    let reasons = release["upstream"][2]["reasons"].as_array().unwrap();
    assert_eq!(reasons[0], "input names “portefølje-”");
    let behov = card(&json, "Behov");
    assert_eq!(
        ends(&behov["downstream"]),
        [
            ("Release".to_owned(), false),
            ("Utvikling".to_owned(), false)
        ]
    );
    let tilgang = card(&json, "Tilgangsstyring");
    assert_eq!(ends(&tilgang["upstream"]), []);
    assert_eq!(ends(&tilgang["downstream"]), []);
}

#[test]
fn search_json_cards_carry_the_flow_too() {
    let json: Value = serde_json::from_str(&ok(&["search", "utvikling", "-f", "json"])).unwrap();
    let utvikling = card(&json, "Utvikling");
    assert_eq!(ends(&utvikling["upstream"]), [("Behov".to_owned(), false)]);
    assert_eq!(
        ends(&utvikling["downstream"]),
        [
            ("Release".to_owned(), false),
            ("Produksjonssetting".to_owned(), false)
        ]
    );
}
