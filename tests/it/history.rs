//! `prosesser history` end to end: a git repository built here, commit by
//! commit (a card added, an owner changed, a leader removed, a card renamed,
//! the file broken and mended, the file moved, a card removed), read back
//! through the binary in every format.

use crate::common::bin::{command, json_in, ok_in, run_in};
use crate::common::git_repo::{Repo, Site};
use serde_json::{Value, json};
use std::path::Path;

const FIRST: &str = r#"---
title: Drift
weight: 1
---

Innledning.

{{< prosesser/strategy-card
  title="Release"
  owner="Hanne Lauritsen"
  leader="Torkel Buarøy"
  purpose="Rulle ut trygt."
>}}

{{< prosesser/strategy-card
  title="Utvikling"
  owner="Roberto Andres Carrera"
  leader="Snorre Aakerø"
  purpose="Skape og endre tjenester."
>}}
"#;

const BEHOV: &str = r#"
{{< prosesser/strategy-card
  title="Behov"
  owner="Hanne Lauritsen"
  leader="Tony Grimstad"
  purpose="Prioritere behovene."
>}}
"#;

/// The history every test here reads. Each commit does one thing.
fn build() -> Site {
    let mut site = Site::new();
    let mut text = FIRST.to_owned();
    let old = "content/drift.md";
    let new = "content/prosesser/drift-og-utvikling.md";
    site.repo.write("content/notater.txt", "ikke en side\n");
    site.commit_file(
        old,
        &text,
        "2024-03-01T09:00:00+01:00",
        "Kari Nordmann",
        "Første versjon",
    );
    text.push_str(BEHOV);
    site.commit_file(
        old,
        &text,
        "2024-03-04T10:15:00+01:00",
        "Kari Nordmann",
        "Legg til Behov",
    );
    text = text.replace(
        r#"owner="Roberto Andres Carrera""#,
        r#"owner="Hanne Lauritsen""#,
    );
    site.commit_file(
        old,
        &text,
        "2024-03-05T11:00:00+01:00",
        "Ola Nordmann",
        "Ny eier for Utvikling",
    );
    text = text.replace("  leader=\"Torkel Buarøy\"\n", "");
    site.commit_file(
        old,
        &text,
        "2024-03-06T12:30:00+01:00",
        "Ola Nordmann",
        "Release har ingen leder",
    );
    text = text.replace("Innledning.", "Innledning, skrevet om.");
    site.commit_file(
        old,
        &text,
        "2024-03-07T08:00:00+01:00",
        "Ola Nordmann",
        "Bare tekst",
    );
    text = text.replace(r#"title="Behov""#, r#"title="Behovsstyring""#);
    site.commit_file(
        old,
        &text,
        "2024-04-02T14:00:00+02:00",
        "Kari Nordmann",
        "Behov heter nå Behovsstyring",
    );
    let good = text.clone();
    text = text
        .replace(
            r#"purpose="Rulle ut trygt.""#,
            "purpose=\"Rulle ut trygt.\n",
        )
        .replace(
            r#"owner="Hanne Lauritsen"
  leader="Snorre"#,
            r#"owner="Kari Nordmann"
  leader="Snorre"#,
        );
    site.commit_file(
        old,
        &text,
        "2024-04-03T09:00:00+02:00",
        "Per Hansen",
        "Ødelagt sitattegn",
    );
    text = good.replace(
        r#"owner="Hanne Lauritsen"
  leader="Snorre"#,
        r#"owner="Kari Nordmann"
  leader="Snorre"#,
    );
    site.commit_file(
        old,
        &text,
        "2024-04-03T09:30:00+02:00",
        "Per Hansen",
        "Rett sitattegnet",
    );
    site.repo.mv(old, new);
    site.commit("2024-04-10T16:00:00+02:00", "Kari Nordmann", "Flytt siden");
    text = text.replace("Rulle ut trygt.", "Rulle ut trygt og ofte.");
    let start = text
        .find("{{< prosesser/strategy-card\n  title=\"Utvikling\"")
        .unwrap();
    let end = start + text[start..].find(">}}\n").unwrap() + 4;
    text.replace_range(start..end, "");
    site.commit_file(
        new,
        &text,
        "2024-05-02T10:00:00+02:00",
        "Kari Nordmann",
        "Utvikling er slått sammen med Release",
    );
    site
}

/// What the tests here expect of the site [`build`] makes.
impl Site {
    /// `prosesser ARGS` in the repository, asserted to exit 0; its JSON.
    fn json(&self, args: &[&str]) -> Value {
        json_in(self.repo.path(), args)
    }

    /// An entry of commit `n` (1-based, oldest first) as the JSON says it.
    fn entry(&self, n: usize, path: &str, rest: Value) -> Value {
        let (id, date, author, subject) = &self.commits[n - 1];
        let mut entry = json!({
            "commit": id,
            "date": date,
            "author": author,
            "subject": subject,
            "path": path,
            "card": null,
            "kind": null,
            "field": null,
            "old": null,
            "new": null,
            "diagnostic": null,
        });
        for (key, value) in rest.as_object().unwrap() {
            entry[key] = value.clone();
        }
        entry
    }

    fn expected(&self) -> Value {
        let old = "content/drift.md";
        let new = "content/prosesser/drift-og-utvikling.md";
        json!({"changes": [
            self.entry(10, new, json!({"card": "Release", "kind": "changed", "field": "purpose",
                "old": "Rulle ut trygt.", "new": "Rulle ut trygt og ofte."})),
            self.entry(10, new, json!({"card": "Utvikling", "kind": "removed",
                "old": {"title": "Utvikling", "owner": "Kari Nordmann", "leader": "Snorre Aakerø",
                        "purpose": "Skape og endre tjenester."}})),
            self.entry(8, old, json!({"kind": "mended"})),
            self.entry(8, old, json!({"card": "Utvikling", "kind": "changed", "field": "owner",
                "old": "Hanne Lauritsen", "new": "Kari Nordmann"})),
            self.entry(7, old, json!({"kind": "broken", "diagnostic": {
                "path": old, "line": 11, "column": 11, "severity": "error", "rule": "shortcode",
                "message": "unterminated quoted string in shortcode parameter-argument: 'Rulle ut trygt.' (a \"...\" value cannot span lines; use a `raw string`)"}})),
            self.entry(6, old, json!({"card": "Behovsstyring", "kind": "renamed", "field": "title",
                "old": "Behov", "new": "Behovsstyring"})),
            self.entry(4, old, json!({"card": "Release", "kind": "changed", "field": "leader",
                "old": "Torkel Buarøy", "new": null})),
            self.entry(3, old, json!({"card": "Utvikling", "kind": "changed", "field": "owner",
                "old": "Roberto Andres Carrera", "new": "Hanne Lauritsen"})),
            self.entry(2, old, json!({"card": "Behov", "kind": "added",
                "new": {"title": "Behov", "owner": "Hanne Lauritsen", "leader": "Tony Grimstad",
                        "purpose": "Prioritere behovene."}})),
            self.entry(1, old, json!({"card": "Release", "kind": "added",
                "new": {"title": "Release", "owner": "Hanne Lauritsen", "leader": "Torkel Buarøy",
                        "purpose": "Rulle ut trygt."}})),
            self.entry(1, old, json!({"card": "Utvikling", "kind": "added",
                "new": {"title": "Utvikling", "owner": "Roberto Andres Carrera",
                        "leader": "Snorre Aakerø", "purpose": "Skape og endre tjenester."}})),
        ]})
    }
}

#[test]
fn history_of_a_folder_is_every_card_change_newest_first() {
    let built = build();
    let got = built.json(&["history", "content", "--format", "json"]);
    assert_eq!(got, built.expected(), "{got:#}");
}

#[test]
fn history_of_the_site_root_or_of_the_work_tree_by_default_is_the_same() {
    let built = build();
    let expected = built.expected();
    let root = built.repo.path().to_str().unwrap().to_owned();
    assert_eq!(
        json_in(Path::new("/"), &["history", &root, "-f", "json"]),
        expected
    );
    assert_eq!(built.json(&["history", "-f", "json"]), expected);
    // From a folder inside, with a path relative to it.
    assert_eq!(
        json_in(&built.repo.join("content"), &["history", ".", "-f", "json"]),
        expected
    );
}

#[test]
fn history_of_one_file_follows_it_back_across_its_move() {
    let built = build();
    let got = built.json(&[
        "history",
        "content/prosesser/drift-og-utvikling.md",
        "-f",
        "json",
    ]);
    assert_eq!(got, built.expected(), "{got:#}");
}

#[test]
fn history_of_a_file_by_its_old_name_goes_on_under_its_new_one() {
    let built = build();
    let got = built.json(&["history", "content/drift.md", "-f", "json"]);
    assert_eq!(got, built.expected(), "{got:#}");
}

#[test]
fn history_of_a_deleted_file_ends_with_its_cards_removed() {
    let built = build();
    built
        .repo
        .git(&["rm", "-q", "content/prosesser/drift-og-utvikling.md"]);
    let gone = built
        .repo
        .commit("2024-06-01T12:00:00+02:00", "Per Hansen", "Slett siden");
    let got = built.json(&[
        "history",
        "content/prosesser/drift-og-utvikling.md",
        "-f",
        "json",
    ]);
    let changes = got["changes"].as_array().unwrap();
    let removed: Vec<(&str, &str)> = changes
        .iter()
        .take_while(|c| c["commit"] == gone.as_str())
        .map(|c| (c["kind"].as_str().unwrap(), c["card"].as_str().unwrap()))
        .collect();
    assert_eq!(
        removed,
        [("removed", "Release"), ("removed", "Behovsstyring")]
    );
    assert_eq!(
        changes[2..],
        built.expected()["changes"].as_array().unwrap()[..]
    );
}

#[test]
fn a_query_keeps_the_cards_that_matched_in_some_version_and_their_files_breaks() {
    let built = build();
    let got = built.json(&["history", "content", "--query", "eier:kari", "-f", "json"]);
    let shown: Vec<(String, String)> = got["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_owned(),
                c["card"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    let expected = [
        ("removed", "Utvikling"),
        ("mended", "-"),
        ("changed", "Utvikling"),
        ("broken", "-"),
        ("changed", "Utvikling"),
        ("added", "Utvikling"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, c)| (k.to_string(), c.to_string()))
        .collect();
    assert_eq!(shown, expected);
    // Matched under its old title too: the renamed card is one card.
    let renamed = built.json(&[
        "history",
        "content",
        "-q",
        "tittel:behovsstyring",
        "-f",
        "json",
    ]);
    let kinds: Vec<&str> = renamed["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["card"].is_string())
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["renamed", "added"]);
}

#[test]
fn history_as_text_reads_like_the_changes_people_ask_about() {
    let built = build();
    let text = ok_in(built.repo.path(), &["history", "content"]);
    let short = |n: usize| built.commits[n - 1].0[..7].to_owned();
    let expected = format!(
        "\
2024-05-02 10:00  {c10}  Kari Nordmann  Utvikling er slått sammen med Release
  content/prosesser/drift-og-utvikling.md
    Release: Formål: Rulle ut trygt. → Rulle ut trygt og ofte.
    Utvikling: fjernet

2024-04-03 09:30  {c8}  Per Hansen  Rett sitattegnet
  content/drift.md
    reparert
    Utvikling: Prosesseier: Hanne Lauritsen → Kari Nordmann

2024-04-03 09:00  {c7}  Per Hansen  Ødelagt sitattegn
  content/drift.md
    ødelagt: 11:11: Shortcode som Hugo avviser: unterminated quoted string in shortcode parameter-argument: 'Rulle ut trygt.' (a \"...\" value cannot span lines; use a `raw string`) [shortcode]

2024-04-02 14:00  {c6}  Kari Nordmann  Behov heter nå Behovsstyring
  content/drift.md
    Behov → Behovsstyring (nytt navn)

2024-03-06 12:30  {c4}  Ola Nordmann  Release har ingen leder
  content/drift.md
    Release: Prosessleder: Torkel Buarøy → (fjernet)

2024-03-05 11:00  {c3}  Ola Nordmann  Ny eier for Utvikling
  content/drift.md
    Utvikling: Prosesseier: Roberto Andres Carrera → Hanne Lauritsen

2024-03-04 10:15  {c2}  Kari Nordmann  Legg til Behov
  content/drift.md
    Behov: lagt til (Prosesseier: Hanne Lauritsen, Prosessleder: Tony Grimstad)

2024-03-01 09:00  {c1}  Kari Nordmann  Første versjon
  content/drift.md
    Release: lagt til (Prosesseier: Hanne Lauritsen, Prosessleder: Torkel Buarøy)
    Utvikling: lagt til (Prosesseier: Roberto Andres Carrera, Prosessleder: Snorre Aakerø)
",
        c10 = short(10),
        c8 = short(8),
        c7 = short(7),
        c6 = short(6),
        c4 = short(4),
        c3 = short(3),
        c2 = short(2),
        c1 = short(1),
    );
    assert_eq!(text, expected);
    let english = ok_in(built.repo.path(), &["history", "content", "--lang", "en"]);
    assert!(
        english.contains("    Release: Process leader: Torkel Buarøy → (removed)\n"),
        "{english}"
    );
    assert!(
        english.contains("    broken: 11:11: unterminated quoted string in shortcode"),
        "{english}"
    );
}

#[test]
fn history_as_csv_and_markdown_hold_the_same_entries() {
    let built = build();
    let csv = ok_in(built.repo.path(), &["history", "content", "-f", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "commit,date,author,subject,path,card,kind,field,old,new,diagnostic"
    );
    let (c4, date4, ..) = &built.commits[3];
    assert!(
        lines.contains(&format!(
            "{c4},{date4},Ola Nordmann,Release har ingen leder,content/drift.md,Release,changed,leader,Torkel Buarøy,,"
        ).as_str()),
        "{csv}"
    );
    assert!(
        csv.contains(r#",Behov,added,,,"{""title"":""Behov"",""owner"":""Hanne Lauritsen"","#),
        "{csv}"
    );
    // Header plus one record per entry (none of these values spans lines).
    assert_eq!(lines.len(), 1 + 11, "{csv}");

    let markdown = ok_in(built.repo.path(), &["history", "content", "-f", "md"]);
    let c6 = &built.commits[5].0[..7];
    assert!(
        markdown.contains(&format!(
            "## 2024-04-02 14:00 · {c6} · Kari Nordmann: Behov heter nå Behovsstyring\n\n| Fil | Prosess | Endring | Felt | Før | Etter |\n| --- | --- | --- | --- | --- | --- |\n| content/drift.md | Behovsstyring | nytt navn | Tittel | Behov | Behovsstyring |\n"
        )),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "| content/drift.md | Release | endret | Prosessleder | Torkel Buarøy | (fjernet) |"
        ),
        "{markdown}"
    );
    assert_eq!(markdown.matches("\n## ").count() + 1, 8, "{markdown}");
    // The broken version's finding is said to the reader, as in text; CSV
    // (above) keeps the checks' English, as machine formats do.
    assert!(
        markdown.contains("| content/drift.md |  | ødelagt |  |  | 11:11: Shortcode som Hugo avviser: unterminated quoted string"),
        "{markdown}"
    );
    assert!(
        csv.contains(",broken,,,,\"11:11: unterminated quoted string"),
        "{csv}"
    );
}

#[test]
fn a_commit_that_changes_no_card_gives_no_entry() {
    let built = build();
    let got = built.json(&["history", "content", "-f", "json"]);
    let commits: Vec<&str> = got["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["commit"].as_str().unwrap())
        .collect();
    // "Bare tekst" (body only) and "Flytt siden" (a move) are not there.
    assert!(!commits.contains(&built.commits[4].0.as_str()));
    assert!(!commits.contains(&built.commits[8].0.as_str()));
}

#[test]
fn outside_a_git_work_tree_history_exits_2_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("side.md"), "---\ntitle: x\n---\n").unwrap();
    let output = run_in(dir.path(), &["history", "side.md"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("prosesser: side.md is not inside a git work tree"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    // Everything else works there without git.
    let output = run_in(dir.path(), &["list", "side.md"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_repository_without_commits_or_a_path_it_never_held_exits_2() {
    let repo = Repo::new();
    repo.write("content/a.md", "---\ntitle: a\n---\n");
    let output = run_in(repo.path(), &["history", "content"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("has no commits yet"), "{stderr}");

    repo.commit("2024-01-01T00:00:00+00:00", "A", "a");
    let output = run_in(repo.path(), &["history", "content/never.md"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/never.md: no such file or directory"),
        "{stderr}"
    );
}

#[test]
fn without_git_history_exits_2_and_the_other_commands_do_not_notice() {
    let built = build();
    let no_git = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        command()
            .args(args)
            .current_dir(built.repo.path())
            .env("PATH", no_git.path())
            .output()
            .unwrap()
    };
    let output = run(&["history", "content"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot run git"), "{stderr}");
    for command in ["list", "people", "check", "flow"] {
        let output = run(&[command, "content"]);
        assert_eq!(output.status.code(), Some(0), "{command}: {output:?}");
    }
}

#[test]
fn a_bad_query_exits_2_and_a_query_that_matches_nothing_exits_1() {
    let built = build();
    let output = run_in(built.repo.path(), &["history", "-q", "\"open"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Feil i søket ved tegn 1"), "{stderr}");
    // As `search`: nothing matched is 1, with the empty answer printed.
    let output = run_in(
        built.repo.path(),
        &["history", "-q", "eier:zzz", "-f", "json"],
    );
    assert_eq!(output.status.code(), Some(1));
    let got: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(got, json!({"changes": []}));
}

#[test]
fn changes_on_a_merged_branch_are_their_authors_and_the_merge_adds_none() {
    let repo = Repo::new();
    let page = |a: &str, b: &str| {
        format!(
            "---\ntitle: x\n---\n\n{{{{< prosesser/strategy-card title=\"A\" owner=\"{a}\" purpose=\"a\" >}}}}\n\n{{{{< prosesser/strategy-card title=\"B\" owner=\"{b}\" purpose=\"b\" >}}}}\n"
        )
    };
    repo.write("side.md", &page("Hanne", "Tony"));
    repo.commit("2024-01-01T10:00:00+01:00", "Kari", "Første");
    repo.git(&["checkout", "-q", "-b", "gren"]);
    repo.write("side.md", &page("Per", "Tony"));
    let on_branch = repo.commit("2024-01-02T10:00:00+01:00", "Per", "A får ny eier");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("side.md", &page("Hanne", "Ola"));
    let on_main = repo.commit("2024-01-03T10:00:00+01:00", "Ola", "B får ny eier");
    repo.git(&["merge", "-q", "--no-ff", "--no-commit", "gren"]);
    let merge = repo.commit("2024-01-04T10:00:00+01:00", "Kari", "Slå sammen");
    assert!(
        std::fs::read_to_string(repo.join("side.md"))
            .unwrap()
            .contains("Per")
    );
    let got = json_in(repo.path(), &["history", "side.md", "-f", "json"]);
    let shown: Vec<(&str, &str, &str, &str, &str)> = got["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["commit"].as_str().unwrap(),
                c["author"].as_str().unwrap(),
                c["card"].as_str().unwrap(),
                c["old"].as_str().unwrap_or("-"),
                c["new"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        shown[..2],
        [
            (on_main.as_str(), "Ola", "B", "Tony", "Ola"),
            (on_branch.as_str(), "Per", "A", "Hanne", "Per"),
        ]
    );
    assert_eq!(shown.len(), 4, "{shown:?}");
    assert!(shown.iter().all(|s| s.0 != merge), "{shown:?}");
}
