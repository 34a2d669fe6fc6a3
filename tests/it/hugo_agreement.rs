//! Hugo is the reference for what a document means: every fixture under
//! `tests/fixtures/hugo/` is built by a real `hugo` (0.111, Debian's) and what
//! it makes of the front matter and the cards is compared with our parse.
//!
//! Without `hugo` on the machine the comparison is skipped with a message,
//! except under CI (`CI` set), where `.ci/run` installs it and its absence fails.

use prosesser::model::Severity;
use prosesser::parse::{decode_entities, parse_document_with};
use prosesser::site::{CardShortcodes, Templates};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn hugo_available() -> bool {
    let found = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "hugo is not installed; .ci/run installs it (apt-get install hugo)"
        );
        eprintln!(
            "SKIPPED: hugo is not installed (apt-get install hugo) — Hugo agreement not checked"
        );
    }
    found
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hugo");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (d as u32) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// What Hugo made of one fixture (the build failing is an `Err`).
struct HugoPage {
    /// Whether a plain `hugo` build writes the page.
    published: bool,
    /// `.Params`, `None` when no build writes the page.
    front_matter: Option<Value>,
    /// `.Title` and `.Weight`.
    title: String,
    weight: i64,
    /// `navigation_link.text` with its character references decoded by Go's
    /// `html.UnescapeString` (Hugo's `htmlUnescape`).
    navigation: Option<String>,
    cards: Vec<(u32, u32, Value)>,
}

/// Where a fixture goes in the site: `content/f.md`, or for a `bundle-*`
/// fixture `content/f/index.md` (a leaf bundle). Either way the page is `/f/`.
fn content_path(fixture: &Path) -> &'static str {
    let name = fixture.file_name().unwrap().to_string_lossy();
    if name.starts_with("bundle-") {
        "content/f/index.md"
    } else {
        "content/f.md"
    }
}

/// Builds the fixture as a plain `hugo` does, then, when Hugo does not
/// publish the page (a draft, a date to come, ...), again with everything
/// built, to see what Hugo makes of its front matter and cards.
fn hugo_build(fixture: &Path) -> Result<HugoPage, String> {
    let site = tempfile::tempdir().unwrap();
    crate::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hugo-site"),
        site.path(),
    );
    std::fs::create_dir_all(site.path().join("content/f")).unwrap();
    std::fs::copy(fixture, site.path().join(content_path(fixture))).unwrap();
    let build = |extra: &[&str]| {
        Command::new("hugo")
            .args(["--quiet", "--source"])
            .arg(site.path())
            .args(extra)
            .output()
            .unwrap()
    };
    let out = build(&[]);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let page = site.path().join("public/f/index.html");
    let published = page.exists();
    if !published {
        let out = build(&["--buildDrafts", "--buildFuture", "--buildExpired"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // `_build.render: never` writes no page even then: nothing more to compare.
    let Ok(html) = std::fs::read_to_string(&page) else {
        return Ok(HugoPage {
            published,
            front_matter: None,
            title: String::new(),
            weight: 0,
            navigation: None,
            cards: Vec::new(),
        });
    };
    let mut front_matter = Value::Null;
    let mut navigation = None;
    let (mut title, mut weight) = (String::new(), 0);
    let mut cards = Vec::new();
    for word in html.split_whitespace().collect::<Vec<_>>().windows(3) {
        if word[0] == "FM" {
            front_matter = serde_json::from_slice(&base64_decode(word[1])).unwrap();
        }
        if word[0] == "TITLE" {
            title = serde_json::from_slice(&base64_decode(word[1])).unwrap();
        }
        if word[0] == "WEIGHT" {
            weight = word[1].parse().unwrap();
        }
        if word[0] == "NAV" {
            navigation = Some(serde_json::from_slice(&base64_decode(word[1])).unwrap());
        }
        if word[0].ends_with("CARD") {
            let (line, col) = word[1].split_once(':').unwrap();
            let params =
                serde_json::from_slice(&base64_decode(word[2].trim_end_matches("</p>"))).unwrap();
            cards.push((line.parse().unwrap(), col.parse().unwrap(), params));
        }
    }
    Ok(HugoPage {
        published,
        front_matter: Some(front_matter),
        title,
        weight,
        navigation,
        cards,
    })
}

fn lowercase_keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.to_lowercase(), lowercase_keys(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(lowercase_keys).collect()),
        other => other.clone(),
    }
}

/// Numbers compare by value: Go prints the float 1.0 as 1.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::Null, Value::Object(m)) | (Value::Object(m), Value::Null) => m.is_empty(),
        // A call with no params: Hugo's `.Params` is nil, ours an empty list.
        (Value::Null, Value::Array(a)) | (Value::Array(a), Value::Null) => a.is_empty(),
        _ => a == b,
    }
}

fn our_params(card: &prosesser::Card) -> Value {
    match card.positional() {
        Some(p) => serde_json::to_value(p).unwrap(),
        None => serde_json::to_value(&card.params).unwrap(),
    }
}

#[test]
fn hugo_and_prosesser_agree_on_every_fixture() {
    if !hugo_available() {
        return;
    }
    let files = fixtures();
    assert!(files.len() >= 60, "the fixtures are missing");
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(files.len().div_ceil(4))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|f| compare(f).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "Hugo disagrees:\n{}",
        failures.join("\n")
    );
}

/// Keys whose value Hugo converts in `.Params`.
const CONVERTED: &[&str] = &[
    "weight",
    "title",
    "draft",
    "date",
    "publishdate",
    "pubdate",
    "published",
    "expirydate",
    "unpublishdate",
    "lastmod",
    "modified",
];

fn compare(fixture: &Path) -> Result<(), String> {
    let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(fixture).unwrap();
    let path = content_path(fixture).trim_start_matches("content/");
    // The site's templates are known, as when prosesser reads a site root:
    // pairing is Hugo's, and a call without a template is its build error.
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hugo-site");
    let family = CardShortcodes::default().with_templates(Templates::for_site(&site).unwrap());
    let (doc, diagnostics) = parse_document_with(path, &bytes, &family);
    let doc = doc.unwrap();
    let our_error = diagnostics.iter().find(|d| d.severity == Severity::Error);
    match (hugo_build(fixture), our_error) {
        (Err(hugo), None) => Err(format!(
            "{name}: Hugo rejects it ({}) but we report no error",
            hugo.trim()
        )),
        (Ok(_), Some(ours)) => Err(format!("{name}: Hugo accepts it but we report {ours}")),
        (Err(_), Some(_)) => {
            if !name.starts_with("err-") {
                return Err(format!("{name}: rejected by both, but not named err-*"));
            }
            Ok(())
        }
        (Ok(page), None) => {
            if name.starts_with("err-") {
                return Err(format!("{name}: named err-* but both accept it"));
            }
            if page.published != doc.publication.is_published() {
                return Err(format!(
                    "{name}: Hugo {} it, we read {:?}",
                    if page.published {
                        "publishes"
                    } else {
                        "does not publish"
                    },
                    doc.publication
                ));
            }
            let Some(front_matter) = page.front_matter else {
                return Ok(());
            };
            let ours: Vec<_> = doc
                .cards
                .iter()
                .map(|c| (c.line, c.column, our_params(c)))
                .collect();
            if ours.len() != page.cards.len() {
                return Err(format!(
                    "{name}: Hugo sees {} cards, we see {}",
                    page.cards.len(),
                    ours.len()
                ));
            }
            for ((ol, oc, op), (hl, hc, hp)) in ours.iter().zip(&page.cards) {
                if !same(op, hp) {
                    return Err(format!("{name}: card params differ: ours {op} Hugo {hp}"));
                }
                // Hugo reports nested calls at 1:1; we report where they are.
                if (hl, hc) != (&1, &1) && (ol, oc) != (hl, hc) {
                    return Err(format!("{name}: card at {ol}:{oc}, Hugo says {hl}:{hc}"));
                }
            }
            let our_title = doc.title().unwrap_or_default();
            if (our_title.as_ref(), doc.weight()) != (page.title.as_str(), page.weight) {
                return Err(format!(
                    "{name}: title and weight: ours {our_title:?} {}, Hugo {:?} {}",
                    doc.weight(),
                    page.title,
                    page.weight
                ));
            }
            // Entities in the navigation HTML: ours against the HTML spec's
            // decoder that Hugo ships (Go's html.UnescapeString).
            let navigation_link = doc.front_matter.get("navigation_link");
            let text = navigation_link
                .as_ref()
                .and_then(|n| n.get("text"))
                .and_then(Value::as_str);
            if let (Some(text), Some(hugo)) = (text, &page.navigation) {
                let ours = decode_entities(text);
                if ours != hugo.as_str() {
                    return Err(format!(
                        "{name}: entities decode differently: ours {ours:?}, Hugo {hugo:?}"
                    ));
                }
            }
            let ours = lowercase_keys(&Value::Object(doc.front_matter.params().into_owned()));
            for (key, value) in ours.as_object().unwrap() {
                match front_matter.get(key) {
                    Some(h) if same(value, h) => {}
                    // Hugo converts .Weight, `draft` and the dates; the raw values
                    // differ, or Hugo drops them (the publication check covers them).
                    _ if CONVERTED.contains(&key.as_str()) => {}
                    h => {
                        return Err(format!(
                            "{name}: front matter {key}: ours {value}, Hugo {h:?}"
                        ));
                    }
                }
            }
            Ok(())
        }
    }
}

/// Whether `hugo list KIND` (`future`, `expired`) names each page of the site.
fn hugo_list(site: &Path, kind: &str) -> Result<Vec<String>, String> {
    let out = Command::new("hugo")
        .args(["list", kind, "--source"])
        .arg(site)
        .output()
        .unwrap();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split(',').next())
        .filter(|p| p.starts_with("content/"))
        .map(str::to_owned)
        .collect())
}

/// Dates without a zone are read in the site's `timeZone`: pages dated around
/// now in every form Hugo reads, built by hugo with several zones and none.
/// The dates are made from the clock, so a comparison never depends on the day
/// it runs.
#[test]
fn hugo_and_prosesser_agree_on_dates_in_the_sites_time_zone() {
    if !hugo_available() {
        return;
    }
    use crate::real_sites::write;
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    let mut pages = 0;
    let mut page = |name: String, text: String| {
        write(root, &format!("content/{name}.md"), &text);
        pages += 1;
    };
    for minutes in [-600, -180, -30, 30, 180, 600] {
        let wall = crate::real_sites::time_zone::wall(minutes);
        let yaml = |key: &str| format!("---\ntitle: x\n{key}: {wall}\n---\n");
        page(format!("publish{minutes}"), yaml("publishDate"));
        page(format!("expiry{minutes}"), yaml("expiryDate"));
        page(format!("date{minutes}"), yaml("date"));
        page(
            format!("toml{minutes}"),
            format!("+++\ntitle = 'x'\npublishDate = {wall}\n+++\n"),
        );
        page(
            format!("json{minutes}"),
            format!("{{\"title\": \"x\", \"expiryDate\": \"{wall}\"}}\n"),
        );
        page(
            format!("space{minutes}"),
            yaml("publishDate").replacen('T', " ", 1),
        );
    }
    for days in [-1, 0, 1] {
        let wall = crate::real_sites::time_zone::wall(days * 24 * 60);
        let day = &wall[..10];
        page(
            format!("day{days}"),
            format!("---\ntitle: x\npublishDate: {day}\n---\n"),
        );
        page(
            format!("tomlday{days}"),
            format!("+++\ntitle = 'x'\nexpiryDate = {day}\n+++\n"),
        );
        let named = jiff::civil::Date::strptime("%Y-%m-%d", day)
            .unwrap()
            .strftime("%d %b %Y")
            .to_string();
        page(
            format!("named{days}"),
            format!("---\ntitle: x\npublishDate: {named}\n---\n"),
        );
    }
    let zones = [
        "",
        "timeZone = 'Europe/Oslo'",
        "timeZone = 'America/New_York'",
        "timeZone = 'Pacific/Kiritimati'",
        "timeZone = 'Pacific/Pago_Pago'",
        "timeZone = 'Asia/Kolkata'",
        "timeZone = 'UTC'",
    ];
    let mut in_utc: Option<Vec<Value>> = None;
    for zone in zones {
        write(root, "hugo.toml", &format!("title = 'x'\n{zone}\n"));
        let future = hugo_list(root, "future").unwrap();
        let expired = hugo_list(root, "expired").unwrap();
        let ours = crate::common::bin::json_in(root, &["list", ".", "--format", "json"]);
        let documents = ours["documents"].as_array().unwrap();
        assert_eq!(documents.len(), pages, "{zone}");
        for document in documents {
            let path = document["path"].as_str().unwrap();
            let hugo = if future.iter().any(|p| p == path) {
                "future"
            } else if expired.iter().any(|p| p == path) {
                "expired"
            } else {
                "published"
            };
            assert_eq!(
                document["publication"].as_str().unwrap(),
                hugo,
                "{zone}: {path} {}",
                document["publication_date"]
            );
        }
        // In every other zone some page is judged otherwise than in UTC.
        let judged: Vec<Value> = documents.iter().map(|d| d["publication"].clone()).collect();
        match &in_utc {
            None => in_utc = Some(judged),
            Some(utc) if zone.contains("UTC") => assert_eq!(&judged, utc),
            Some(utc) => assert_ne!(&judged, utc, "{zone}"),
        }
    }
    // A name Hugo does not know fails its build; we say so where it is written.
    write(root, "hugo.toml", "title = 'x'\ntimeZone = 'Europe/Olso'\n");
    let hugo = hugo_list(root, "future").unwrap_err();
    assert!(hugo.contains("unknown time zone Europe/Olso"), "{hugo}");
    let args = ["check", ".", "--lang", "en"];
    let check = crate::common::bin::run_in(root, &args);
    crate::common::bin::assert_exit(1, &args, &check);
    let out = crate::common::bin::stdout(&check);
    assert!(
        out.contains("./hugo.toml:2:12: error: timeZone: unknown time zone"),
        "{out}"
    );
}
