//! Points 3 and 4 of issue 9: people as real sites write them, and the
//! site's people directory.

use super::{found, json, ok, run_in, site_copy, stdout, titles, write};
use serde_json::{Value, json};

fn people() -> Value {
    json(&["people", "handboka", "--format", "json"])
}

fn person<'a>(people: &'a Value, name: &str) -> &'a Value {
    people["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no person {name:?} in {people:#}"))
}

fn card_titles(refs: &Value) -> Vec<&str> {
    refs.as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect()
}

// ---- what the fixture must give ----

#[test]
fn owners_and_leaders_are_the_people_the_site_means() {
    let people = people();
    let owns = |name: &str| card_titles(&person(&people, name)["owner_of"]);
    let leads = |name: &str| card_titles(&person(&people, name)["leader_of"]);
    assert_eq!(
        owns("Ingrid Solbakken"),
        ["Portefølje", "Strategi/design", "Marked"]
    );
    assert_eq!(
        owns("Kari Nordvik"),
        ["Strategi/design", "Kundeservice", "Kvalitetsstyring"]
    );
    assert_eq!(owns("Mona Bakke"), ["Marked"]);
    assert_eq!(leads("Liv Aasen"), ["Strategi/design"]);
    assert_eq!(owns("Ola Dahl"), ["Behov", "Utvikling"]);
    assert_eq!(leads("Ola Dahl"), ["Utvikling", "Kvalitetsstyring"]);
}

#[test]
fn one_ola_dahl_is_teamleder_in_plattform() {
    let people = people();
    let olas: Vec<&Value> = people["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"].as_str().unwrap().to_lowercase().contains("dahl"))
        .collect();
    assert_eq!(olas.len(), 1, "{olas:#?}");
    let ola = olas[0];
    assert_eq!(ola["name"], "Ola Dahl");
    assert!(
        ola["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["team"] == "Plattform" && m["role"] == "Teamleder"),
        "{ola:#}"
    );
    assert_eq!(ola["teams"], json!(["Plattform"]));
    // Every spelling kept as written; the one used most is the name.
    let mut spellings: Vec<&str> = ola["spellings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    spellings.sort();
    assert_eq!(
        spellings,
        ["Ola  Dahl", "Ola Dahl", "Ola Dahl ", "ola dahl"]
    );
}

#[test]
fn no_name_holds_a_slash_or_starts_with_a_role() {
    let people = people();
    let names: Vec<&str> = people["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Ingrid Solbakken",
            "Kari Nordvik",
            "Liv Aasen",
            "Mona Bakke",
            "Ola Dahl",
            "Petter Halvorsen",
            "Siri Lunde",
            "Siri Lunde Berg",
            "Tove Hagen",
        ]
    );
    for name in names {
        assert!(!name.contains('/'), "{name}");
        for role in [
            "Markedssjef",
            "Fagansvarlig",
            "Kundekoordinator",
            "Porteføljekontoret",
        ] {
            assert!(!name.starts_with(role), "{name}");
        }
    }
}

// ---- 3. how values are read ----

#[test]
fn co_owners_units_and_roles_are_read_and_the_raw_value_kept() {
    let people = people();
    let reading = |name: &str, title: &str| -> Value {
        person(&people, name)["readings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| card_titles(&r["cards"]).contains(&title))
            .cloned()
            .unwrap_or_else(|| panic!("{name} on {title}"))
    };
    // One value on several cards is one reading, with its cards.
    let alone = reading("Kari Nordvik", "Kundeservice");
    assert_eq!(alone["how"], "alone");
    assert_eq!(
        card_titles(&alone["cards"]),
        ["Kundeservice", "Kvalitetsstyring"]
    );
    let kari = reading("Kari Nordvik", "Strategi/design");
    assert_eq!(kari["how"], "shared");
    assert_eq!(kari["value"], "Ingrid Solbakken/Kari Nordvik");
    assert_eq!(kari["with"], json!(["Ingrid Solbakken"]));

    let petter = reading("Petter Halvorsen", "Portefølje");
    assert_eq!(petter["how"], "unit");
    assert_eq!(petter["field"], "leader");
    assert_eq!(
        petter["units"],
        json!([{"text": "Porteføljekontoret", "team": null}])
    );
    assert_eq!(
        person(&people, "Petter Halvorsen")["qualifiers"],
        json!(["Porteføljekontoret"])
    );
    let tove = reading("Tove Hagen", "Kundeservice");
    assert_eq!(
        tove["value"],
        "Kundekoordinator for brukerstøtte/Tove Hagen"
    );
    // A unit that is a team page's title is that team.
    let ola = reading("Ola Dahl", "Kvalitetsstyring");
    assert_eq!(ola["how"], "alone");
    let ola_unit = person(&people, "Ola Dahl")["readings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["how"] == "unit")
        .cloned()
        .unwrap();
    assert_eq!(ola_unit["value"], "Plattform/Ola  Dahl");
    assert_eq!(ola_unit["spelling"], "Ola  Dahl");
    assert_eq!(
        ola_unit["units"],
        json!([{"text": "Plattform", "team": "Plattform"}])
    );

    let liv = reading("Liv Aasen", "Strategi/design");
    assert_eq!(liv["how"], "role");
    assert_eq!(liv["role"], "Fagansvarlig for design (design lead)");
    assert_eq!(liv["because"], "name-in-directory");
    assert_eq!(
        liv["value"],
        "Fagansvarlig for design (design lead) Liv Aasen"
    );
    let siri = reading("Siri Lunde", "Marked");
    assert_eq!(siri["role"], "Markedssjef");
    assert_eq!(siri["because"], "role-in-directory");
    // The card itself keeps what was written.
    let list = json(&["list", "handboka", "-f", "json"]);
    assert!(ok(&["list", "handboka"]).contains("Fagansvarlig for design (design lead) Liv Aasen"));
    assert_eq!(titles(&list).len(), 9);
}

#[test]
fn a_name_written_alone_on_another_card_makes_a_role_before_it_a_role() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "{{< prosesser/card title=\"A\" owner=\"Markedssjef Siri Lunde\" >}}\n\
         {{< prosesser/card title=\"B\" owner=\"Siri Lunde\" >}}\n\
         {{< prosesser/card title=\"C\" owner=\"Avdelingsleder Per Olsen\" >}}\n",
    );
    let value: Value = serde_json::from_str(&stdout(&run_in(
        dir.path(),
        &["people", dir.path().to_str().unwrap(), "-f", "json"],
    )))
    .unwrap();
    let names: Vec<&str> = value["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    // Nothing is known about Per Olsen: the value stays one name.
    assert_eq!(names, ["Avdelingsleder Per Olsen", "Siri Lunde"]);
    let siri = person(&value, "Siri Lunde");
    assert_eq!(card_titles(&siri["owner_of"]), ["A", "B"]);
    assert_eq!(siri["readings"][0]["because"], "name-on-card");
    assert_eq!(card_titles(&siri["readings"][0]["cards"]), ["A"]);
    assert_eq!(siri["readings"][1]["how"], "alone");
    assert_eq!(card_titles(&siri["readings"][1]["cards"]), ["B"]);
}

// ---- 4. the directory ----

#[test]
fn memberships_name_team_role_path_and_line() {
    let people = people();
    let ola = person(&people, "Ola Dahl");
    let memberships: Vec<Value> = ola["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(
            |m| json!({"team": m["team"], "role": m["role"], "path": m["path"], "line": m["line"]}),
        )
        .collect();
    assert_eq!(
        memberships,
        [
            json!({"team": "Plattform", "role": "Teamleder", "path": "content/team/plattform/index.md", "line": 5}),
            json!({"team": "Plattform", "role": "Teamleder, Oslo", "path": "content/team/plattform/index.md", "line": 9}),
        ]
    );
    let ingrid = person(&people, "Ingrid Solbakken");
    assert_eq!(ingrid["teams"], json!(["Lederlaget"]));
    assert_eq!(ingrid["memberships"].as_array().unwrap().len(), 2);
    assert_eq!(
        person(&people, "Siri Lunde Berg")["memberships"][0]["role"],
        "Markedssjef"
    );
    assert_eq!(person(&people, "Siri Lunde")["memberships"], json!([]));
}

#[test]
fn people_text_and_markdown_show_teams_and_roles_beside_the_cards() {
    let text = ok(&["people", "handboka"]);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{name}  ")))
            .unwrap_or_else(|| panic!("{name} in {text}"))
            .to_owned()
    };
    let ola = line("Ola Dahl");
    assert!(ola.contains("Plattform (Teamleder, Oslo)"), "{ola}");
    assert!(ola.contains("Behov, Utvikling"), "{ola}");
    assert!(
        line("Ingrid Solbakken")
            .contains("Lederlaget (Avdelingsdirektør; Seksjonsleder for strategi og forretning)")
    );
    assert!(line("Petter Halvorsen").contains("Porteføljekontoret"));
    let header = text.lines().next().unwrap();
    assert!(
        header.starts_with("Navn") && header.contains("Team") && header.contains("Enhet/rolle")
    );
    let english = ok(&["people", "handboka", "--lang", "en"]);
    assert!(english.lines().next().unwrap().contains("Unit/role"));
    let md = ok(&["people", "handboka", "-f", "md"]);
    assert!(
        md.contains("| Ola Dahl | Plattform (Teamleder, Oslo) |"),
        "{md}"
    );
}

#[test]
fn a_directory_person_without_cards_is_a_person_too() {
    let copy = site_copy();
    let root = copy.path();
    write(
        root,
        "content/team/design/index.md",
        "---\ntitle: Design\n---\n\n{{< team/members title=\"Medlemmer\" >}}\n  \
         {{< team/github-profile name=\"Liv Aasen\" role=\"Produktgruppeeier, Oslo\" url=\"\" >}}\n  \
         {{< team/github-profile name=\"Nils Nyansatt\" role=\"Designer\" url=\"\" >}}\n{{< /team/members >}}\n",
    );
    let path = root.to_str().unwrap();
    let value: Value =
        serde_json::from_str(&stdout(&run_in(root, &["people", path, "-f", "json"]))).unwrap();
    let nils = person(&value, "Nils Nyansatt");
    assert_eq!(nils["owner_of"], json!([]));
    assert_eq!(nils["memberships"][0]["team"], "Design");
    let csv = stdout(&run_in(root, &["people", path, "-f", "csv"]));
    assert!(
        csv.lines().any(|l| l == "Nils Nyansatt,Design,,,,,"),
        "{csv}"
    );
}

#[test]
fn team_finds_the_cards_owned_or_led_by_the_teams_members() {
    // Ola Dahl, Tove Hagen and Petter Halvorsen are in Plattform.
    assert_eq!(
        found("team:plattform"),
        [
            "Portefølje",
            "Kundeservice",
            "Behov",
            "Utvikling",
            "Release",
            "Kvalitetsstyring"
        ]
    );
    // Ingrid Solbakken and Kari Nordvik are Lederlaget.
    assert_eq!(
        found("team:lederlaget"),
        [
            "Portefølje",
            "Strategi/design",
            "Marked",
            "Kundeservice",
            "Kvalitetsstyring"
        ]
    );
    assert_eq!(
        found("team:lederlaget -eier:kari"),
        ["Portefølje", "Marked"]
    );
    assert_eq!(found("team:design"), ["Strategi/design"]);
    let text = ok(&["search", "team:design", "handboka"]);
    assert!(text.lines().nth(1).unwrap().ends_with("  team"), "{text}");
    assert_eq!(found("team:ingen"), Vec::<String>::new());
}
