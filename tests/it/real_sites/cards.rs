//! Points 1, 2 and 6 of issue 9: the card shortcode family, `effect`, and
//! pages without cards.

use super::{NINE, cards, found, json, ok, run_in, site_copy, stdout, titles, write};
use serde_json::Value;

fn card<'a>(value: &'a Value, title: &str) -> &'a Value {
    cards(value)
        .into_iter()
        .find(|c| c["title"] == title)
        .unwrap_or_else(|| panic!("no card {title:?}"))
}

// ---- 1. card shortcodes as a family ----

#[test]
fn the_fixture_has_nine_cards_and_not_the_ext_nav_card() {
    let value = json(&["list", "handboka", "--format", "json"]);
    assert_eq!(titles(&value), NINE);
    assert!(!ok(&["list", "handboka"]).contains("Ny i avdelingen?"));
}

#[test]
fn each_card_says_which_shortcode_it_came_from() {
    let value = json(&["list", "handboka", "-f", "json"]);
    let shortcodes: Vec<(&str, &str)> = cards(&value)
        .iter()
        .map(|c| {
            (
                c["title"].as_str().unwrap(),
                c["shortcode"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(shortcodes[0], ("Portefølje", "prosesser/strategy-card"));
    assert_eq!(shortcodes[7], ("Kvalitetsstyring", "prosesser/card"));
    assert_eq!(shortcodes[8], ("Intern service", "prosesser/card"));
    assert_eq!(
        shortcodes
            .iter()
            .filter(|(_, s)| *s == "prosesser/strategy-card")
            .count(),
        7
    );
}

#[test]
fn a_sites_own_templates_decide_which_shortcodes_are_cards() {
    let copy = site_copy();
    let root = copy.path();
    // A card template of the site's own, under another name.
    write(
        root,
        "layouts/shortcodes/org/prosess.html",
        "<h3>{{ .Get \"title\" }}</h3><p>{{ .Get \"leader\" }}</p>",
    );
    // A template reading only title and text is not a card.
    write(
        root,
        "layouts/shortcodes/org/teaser.html",
        "<h3>{{ .Get \"title\" }}</h3><p>{{ .Get \"text\" }}</p>",
    );
    // The site's own `prosesser/card` is no card here: its template wins over the default.
    write(
        root,
        "layouts/shortcodes/prosesser/card.html",
        "<a href=\"{{ .Get \"url\" }}\">{{ .Get \"title\" }}</a>",
    );
    write(
        root,
        "content/prosesser/annet/index.md",
        "---\ntitle: Annet\nweight: 9\n---\n\
         {{< org/prosess title=\"Innkjøp\" leader=\"Kari Nordvik\" >}}\n\
         {{< org/teaser title=\"Les mer\" text=\"om innkjøp\" >}}\n",
    );
    let value = json(&["list", root.to_str().unwrap(), "-f", "json"]);
    let found = titles(&value);
    assert!(found.contains(&"Innkjøp"), "{found:?}");
    assert!(!found.contains(&"Les mer"), "{found:?}");
    assert!(!found.contains(&"Kvalitetsstyring"), "{found:?}");
    assert_eq!(card(&value, "Innkjøp")["shortcode"], "org/prosess");
    // A folder inside the site is read with the site's templates too.
    let inside = root.join("content/prosesser");
    let value = json(&["list", inside.to_str().unwrap(), "-f", "json"]);
    assert!(titles(&value).contains(&"Innkjøp"));
    assert!(!titles(&value).contains(&"Kvalitetsstyring"));
}

#[test]
fn a_themes_templates_count_when_the_config_names_the_theme() {
    let copy = site_copy();
    let root = copy.path();
    write(
        root,
        "themes/avdeling/layouts/shortcodes/avdeling/kort.html",
        "{{ with .Get `title` }}<h3>{{ . }}</h3>{{ end }}{{ .Get `effect` }}",
    );
    write(
        root,
        "content/prosesser/annet/index.md",
        "---\ntitle: Annet\n---\n{{< avdeling/kort title=\"Innkjøp\" effect=\"Bedre avtaler\" >}}\n",
    );
    let list = |root: &std::path::Path| {
        let value = json(&["list", root.to_str().unwrap(), "-f", "json"]);
        titles(&value)
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        !list(root).contains(&"Innkjøp".to_owned()),
        "no theme named yet"
    );
    let config = std::fs::read_to_string(root.join("hugo.toml")).unwrap();
    write(root, "hugo.toml", &format!("theme = 'avdeling'\n{config}"));
    assert!(list(root).contains(&"Innkjøp".to_owned()));
}

#[test]
fn card_shortcode_adds_a_card_by_hand() {
    let value = json(&[
        "list",
        "handboka",
        "--card-shortcode",
        "onboarding/ext-nav-card",
        "-f",
        "json",
    ]);
    assert_eq!(titles(&value).len(), 10);
    let nav = card(&value, "Ny i avdelingen?");
    assert_eq!(nav["shortcode"], "onboarding/ext-nav-card");
    assert_eq!(nav["params"]["url"], "https://handboka.example.org/ny/");
    // Repeatable, for every command, outside a Hugo site too.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "{{< x/a title=\"A\" owner=\"Ola Dahl\" >}}\n{{< x/b title=\"B\" owner=\"Ola Dahl\" >}}\n",
    );
    let path = dir.path().to_str().unwrap();
    let people = |args: &[&str]| stdout(&run_in(dir.path(), args));
    let text = people(&[
        "people",
        path,
        "--card-shortcode",
        "x/a",
        "--card-shortcode",
        "x/b",
    ]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Ola Dahl") && l.contains("A, B")),
        "{text}"
    );
    // Before the subcommand too.
    let text = people(&["--card-shortcode", "x/a", "people", path]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Ola Dahl") && l.ends_with(" A")),
        "{text}"
    );
}

// ---- 2. effect ----

#[test]
fn effect_is_in_json_csv_and_markdown() {
    let value = json(&["list", "handboka", "-f", "json"]);
    assert_eq!(
        card(&value, "Marked")["effect"],
        "Flere virksomheter tar i bruk tjenestene"
    );
    assert_eq!(card(&value, "Marked")["output"], Value::Null);
    assert_eq!(card(&value, "Behov")["effect"], Value::Null);

    let csv = ok(&["list", "handboka", "-f", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "path,line,column,title,owner,leader,purpose,input,output,effect,publication"
    );
    assert!(
        csv.lines().any(
            |l| l.starts_with("content/prosesser/styring/index.md,40,1,Kundeservice,")
                && l.ends_with(",Henvendelser fra kunder,,Fornøyde kunder,published")
        ),
        "{csv}"
    );

    for (lang, label) in [("nb", "Effekt"), ("en", "Effect")] {
        let md = ok(&["list", "handboka", "-f", "md", "--lang", lang]);
        assert!(
            md.contains(&format!("| Output | {label} |")),
            "{lang}: {md}"
        );
        assert!(md.contains("| Fornøyde kunder |"), "{md}");
    }
}

#[test]
fn effect_is_a_search_scope_in_both_languages_and_in_plain_search() {
    assert_eq!(found("effekt:kunder"), ["Kundeservice"]);
    assert_eq!(found("effect:virksomheter"), ["Marked"]);
    assert_eq!(found("fornøyde"), ["Kundeservice"]);
    assert_eq!(found("output:fornøyde"), Vec::<String>::new());
    let value = json(&["search", "virksomheter", "handboka", "-f", "json"]);
    assert_eq!(cards(&value)[0]["matches"][0]["field"], "effect");
    let text = ok(&["search", "fornøyde", "handboka"]);
    assert!(text.lines().nth(1).unwrap().ends_with("effekt"), "{text}");
}

#[test]
fn the_flow_takes_an_effect_as_the_outcome_of_a_card_without_output() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "marked.md",
        "---\ntitle: Marked\n---\n\
         {{< prosesser/strategy-card title=\"Marked\" effect=\"Nye kunder\" >}}\n\
         {{< prosesser/strategy-card title=\"Salg\" input=\"Nye kunder fra markedet\" >}}\n\
         {{< prosesser/strategy-card title=\"Drift\" output=\"Stabil drift\" effect=\"Nye kunder\" >}}\n",
    );
    let path = dir.path().to_str().unwrap();
    let text = stdout(&run_in(dir.path(), &["flow", path]));
    assert!(text.contains("Marked → Salg"), "{text}");
    assert!(
        !text.contains("Drift →"),
        "an output wins over an effect: {text}"
    );
    let value = json(&["list", path, "-f", "json"]);
    let marked = card(&value, "Marked");
    assert_eq!(marked["downstream"][0]["title"], "Salg");
}

// ---- 6. pages without cards ----

#[test]
fn list_markdown_skips_pages_without_cards_as_text_does() {
    let md = ok(&["list", "handboka", "--format", "markdown"]);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Styrings- og forretningsprosesser",
            "## Utviklingsprosesser",
            "## Støtteprosesser"
        ],
        "{md}"
    );
    assert!(!md.contains("Ingen prosesser å vise"), "{md}");
    // JSON, for scripts, still has every page.
    let value = json(&["list", "handboka", "-f", "json"]);
    assert_eq!(value["documents"].as_array().unwrap().len(), 10);
}
