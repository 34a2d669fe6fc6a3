//! Point 5 of issue 9: a `check` that CI can trust.

use super::{fixtures, json, run_in, site, site_copy, stderr, stdout, write};
use serde_json::Value;
use std::path::Path;

/// What `prosesser check handboka --lang en` prints from beside the site.
const FIXTURE_CHECK: &str = "\
handboka/content/prosesser/stotte/index.md:16:1: warning: card \"Intern service\" has no owner and leader [missing-field]
handboka/content/prosesser/styring/index.md:11:5: warning: front matter navigation_link.text lists \"Markedsarbeid\", but no card has that title [navigation]
handboka/content/prosesser/styring/index.md:32:1: warning: card \"Marked\" is not listed in front matter navigation_link.text [navigation]
handboka/content/prosesser/styring/index.md:32:1: warning: leader \"Markedssjef Siri Lunde\" of card \"Marked\" names \"Siri Lunde\", who is not in the people directory; the directory has \"Siri Lunde Berg\" at handboka/content/team/marked/index.md:5:13 (the same person?) [person-name]
handboka/content/prosesser/styring/index.md:40:1: warning: card \"Kundeservice\" is not listed in front matter navigation_link.text [navigation]
handboka/content/prosesser/utvikling/index.md:11:1: warning: owner \"Ola Dahl \" of card \"Behov\" writes Ola Dahl as \"Ola Dahl \", with other spacing than handboka/content/team/plattform/index.md:5:13 (\"Ola Dahl\") [person-name]
handboka/content/prosesser/utvikling/index.md:13:1: warning: owner \"ola dahl\" of card \"Utvikling\" writes Ola Dahl as \"ola dahl\", with other case than handboka/content/team/plattform/index.md:5:13 (\"Ola Dahl\") [person-name]
handboka/content/prosesser/utvikling/index.md:13:1: warning: leader \"Plattform/Ola  Dahl\" of card \"Utvikling\" writes Ola Dahl as \"Ola  Dahl\", with other spacing than handboka/content/team/plattform/index.md:5:13 (\"Ola Dahl\") [person-name]
handboka/content/team/ledelse/index.md:9:3: warning: the directory entry \"Ingrid Solbakken \" in team \"Lederlaget\" writes Ingrid Solbakken as \"Ingrid Solbakken \", with other spacing than handboka/content/team/ledelse/index.md:5:13 (\"Ingrid Solbakken\") [person-name]
";

fn check(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["check"];
    all.extend(args);
    let output = run_in(dir, &all);
    (output.status.code(), stdout(&output), stderr(&output))
}

fn rules(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.rsplit_once(" [").unwrap().1.trim_end_matches(']'))
        .collect()
}

#[test]
fn check_on_the_fixture_prints_these_findings() {
    let (code, out, err) = check(&fixtures(), &["handboka", "--lang", "en"]);
    assert_eq!(out, FIXTURE_CHECK);
    assert_eq!(err, "0 errors, 9 warnings\n");
    assert_eq!(code, Some(0));
}

#[test]
fn teasers_on_section_pages_are_not_lists_and_real_mismatches_stay() {
    let (_, out, _) = check(&fixtures(), &["handboka", "--lang", "en"]);
    assert!(
        !out.lines().any(|l| l.contains("_index.md")),
        "no finding on a section page: {out}"
    );
    let navigation: Vec<&str> = out
        .lines()
        .filter(|l| l.ends_with("[navigation]"))
        .collect();
    assert_eq!(navigation.len(), 3, "{out}");
    assert!(navigation[0].contains("lists \"Markedsarbeid\", but no card has that title"));
    assert!(navigation[1].contains("card \"Marked\" is not listed"));
    assert!(navigation[2].contains("card \"Kundeservice\" is not listed"));
}

#[test]
fn person_name_reports_siri_lunde_against_siri_lunde_berg_naming_both_places() {
    let value = json(&["check", "handboka", "-f", "json"]);
    let siri: Vec<&Value> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["rule"] == "person-name" && d["message"].as_str().unwrap().contains("\"Siri Lunde\"")
        })
        .collect();
    assert_eq!(siri.len(), 1, "{value:#}");
    let finding = siri[0];
    assert_eq!(finding["severity"], "warning");
    assert_eq!(
        finding["path"],
        "handboka/content/prosesser/styring/index.md"
    );
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(32), Some(1))
    );
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.contains("\"Siri Lunde Berg\" at handboka/content/team/marked/index.md:5:13"),
        "{message}"
    );
}

#[test]
fn person_name_reports_accents_and_people_the_directory_does_not_know() {
    let copy = site_copy();
    let root = copy.path();
    write(
        root,
        "content/team/drift/index.md",
        "---\ntitle: Drift\n---\n{{< team/github-profile name=\"Kari Lønning\" role=\"Driftsleder\" >}}\n",
    );
    write(
        root,
        "content/prosesser/drift/index.md",
        "---\ntitle: Drift\nweight: 7\n---\n\
         {{< prosesser/card title=\"Overvåking\" owner=\"Kari Lonning\" leader=\"Hege Nilsen\" purpose=\"Se alt.\" >}}\n",
    );
    let (_, out, _) = check(
        root,
        &[
            ".",
            "--allow",
            "navigation",
            "--allow",
            "missing-field",
            "--lang",
            "en",
        ],
    );
    let mine: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("./content/prosesser/drift/"))
        .collect();
    assert_eq!(
        mine,
        [
            "./content/prosesser/drift/index.md:5:1: warning: leader \"Hege Nilsen\" of card \"Overvåking\" names \"Hege Nilsen\", who is not in the people directory (the name= entries of the 5 team pages) [person-name]",
            "./content/prosesser/drift/index.md:5:1: warning: owner \"Kari Lonning\" of card \"Overvåking\" writes Kari Lønning as \"Kari Lonning\", with other accents or letters than ./content/team/drift/index.md:4:1 (\"Kari Lønning\") [person-name]",
        ],
        "{out}"
    );
}

#[test]
fn without_a_directory_nobody_is_unknown() {
    // The compiled-in seed has no team pages.
    let (code, out, _) = check(&fixtures(), &[]);
    assert_eq!(code, Some(0));
    assert!(!out.contains("[person-name]"), "{out}");
}

#[test]
fn allow_warn_and_deny_switch_rules_in_the_order_given() {
    let here = fixtures();
    let (code, out, _) = check(&here, &["handboka", "--allow", "person-name"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        rules(&out),
        ["missing-field", "navigation", "navigation", "navigation"]
    );

    let (code, out, err) = check(&here, &["handboka", "--deny", "person-name"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(out.matches(": error: ").count(), 5, "{out}");
    assert!(
        out.lines()
            .filter(|l| l.contains(": error: "))
            .all(|l| l.ends_with("[person-name]"))
    );
    assert_eq!(err, "5 feil, 4 advarsler\n");

    // clippy's `-D warnings`, with exceptions after it.
    let (code, out, _) = check(
        &here,
        &[
            "handboka",
            "-D",
            "warnings",
            "-A",
            "person-name",
            "-A",
            "missing-field",
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(rules(&out), ["navigation", "navigation", "navigation"]);
    assert_eq!(out.matches(": error: ").count(), 3);

    // The last setting for a rule wins.
    let (code, out, _) = check(
        &here,
        &[
            "handboka",
            "-A",
            "person-name",
            "-D",
            "person-name",
            "-W",
            "person-name",
        ],
    );
    assert_eq!(code, Some(0));
    assert_eq!(out.matches("[person-name]").count(), 5);

    // With the noise switched off, --strict passes: what CI runs.
    let (code, out, err) = check(
        &here,
        &[
            "handboka",
            "--strict",
            "--allow",
            "navigation",
            "--allow",
            "person-name",
            "--allow",
            "missing-field",
            "--lang",
            "en",
        ],
    );
    assert_eq!((code, out.as_str()), (Some(0), ""), "{err}");
    assert_eq!(err, "No problems found.\n");
}

#[test]
fn an_unknown_rule_is_a_usage_error_listing_the_rules() {
    let (code, _, err) = check(&fixtures(), &["handboka", "--allow", "person"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("person-name") && err.contains("warnings"),
        "{err}"
    );
}

/// Every `path:line:col` in the output (the finding's own place and any
/// place named in its message) opens from `dir`.
fn assert_paths_open_from(dir: &Path, out: &str) {
    assert!(!out.is_empty());
    for line in out.lines() {
        for word in line.split([' ', '(']) {
            let mut parts = word.trim_end_matches(':').rsplitn(3, ':');
            let (Some(col), Some(row), Some(path)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            if col.parse::<u32>().is_err() || row.parse::<u32>().is_err() {
                continue;
            }
            assert!(
                dir.join(path).is_file(),
                "{path} from {}: {line}",
                dir.display()
            );
        }
    }
}

#[test]
fn paths_open_from_the_current_directory_whatever_path_was_given() {
    let fixtures = fixtures();
    let site_path = site();
    let elsewhere = tempfile::tempdir().unwrap();
    let content = fixtures.join("handboka/content");
    for (dir, path) in [
        (fixtures.as_path(), "handboka"),
        (fixtures.as_path(), "./handboka/"),
        (content.as_path(), ".."),
        (content.join("prosesser").as_path(), "../.."),
        (elsewhere.path(), site_path.as_str()),
        (fixtures.join("handboka").as_path(), "content"),
    ] {
        let (_, out, _) = check(dir, &[path]);
        assert_paths_open_from(dir, &out);
        let (_, json_out, _) = check(dir, &[path, "-f", "json"]);
        let value: Value = serde_json::from_str(&json_out).unwrap();
        for d in value["diagnostics"].as_array().unwrap() {
            let shown = d["path"].as_str().unwrap();
            assert!(dir.join(shown).is_file(), "{shown} from {}", dir.display());
        }
    }
    // A file given by itself is printed as given.
    let (_, out, _) = check(&fixtures, &["handboka/content/prosesser/stotte/index.md"]);
    assert!(
        out.starts_with("handboka/content/prosesser/stotte/index.md:16:1: "),
        "{out}"
    );
}
