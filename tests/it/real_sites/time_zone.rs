//! A date without a zone is read in the site's `timeZone` (UTC when unset),
//! as hugo 0.111 reads it: through the binary's JSON (`publication`,
//! `publication_date`) and `check`, on sites made with dates around now.

use super::{stdout, write};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// Now and `minutes` from it, as a wall-clock time without a zone, read in UTC.
pub fn wall(minutes: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    jiff::Timestamp::from_second(now + minutes * 60)
        .unwrap()
        .strftime("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

/// A site whose pages each have one date, half an hour from now either way.
/// In UTC `soon` is to come and `ended` has expired; in Oslo (ahead of UTC)
/// both times have passed; in New York (behind) neither has.
fn site(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (ahead, behind) = (wall(30), wall(-30));
    for (name, key, date) in [
        ("soon", "publishDate", &ahead),
        ("lately", "publishDate", &behind),
        ("ends-soon", "expiryDate", &ahead),
        ("ended", "expiryDate", &behind),
    ] {
        write(
            dir.path(),
            &format!("content/{name}.md"),
            &format!(
                "---\ntitle: {name}\n{key}: {date}\n---\n\n{{{{< prosesser/card title=\"{name}\" owner=\"Kari Nordvik\" >}}}}\n"
            ),
        );
    }
    write(dir.path(), "hugo.toml", config);
    dir
}

fn run(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    crate::common::bin::command()
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// Each page's `publication` as `list --format json` gives it, by title.
fn publications(dir: &Path, env: &[(&str, &str)]) -> Vec<(String, String)> {
    let args = ["list", ".", "--format", "json"];
    let output = run(dir, env, &args);
    crate::common::bin::assert_exit(0, &args, &output);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut found: Vec<(String, String)> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let key = d["publication"].as_str().unwrap().to_owned();
            // The date that decided is the date as written.
            if key != "published" {
                assert!(d["publication_date"].as_str().unwrap().contains('T'), "{d}");
            }
            (d["title"].as_str().unwrap().to_owned(), key)
        })
        .collect();
    found.sort();
    found
}

fn expect(pairs: [(&str, &str); 4]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(t, p)| (t.to_string(), p.to_string()))
        .collect();
    pairs.sort();
    pairs
}

const UTC: [(&str, &str); 4] = [
    ("soon", "future"),
    ("lately", "published"),
    ("ends-soon", "published"),
    ("ended", "expired"),
];
const OSLO: [(&str, &str); 4] = [
    ("soon", "published"),
    ("lately", "published"),
    ("ends-soon", "expired"),
    ("ended", "expired"),
];
const NEW_YORK: [(&str, &str); 4] = [
    ("soon", "future"),
    ("lately", "future"),
    ("ends-soon", "published"),
    ("ended", "published"),
];

#[test]
fn dates_without_a_zone_are_read_in_the_sites_time_zone() {
    let dir = site("title = 'x'\n");
    assert_eq!(publications(dir.path(), &[]), expect(UTC));
    // The machine's zone does not matter: Hugo reads UTC when timeZone is unset.
    assert_eq!(
        publications(dir.path(), &[("TZ", "America/New_York")]),
        expect(UTC)
    );
    write(
        dir.path(),
        "hugo.toml",
        "title = 'x'\ntimeZone = 'Europe/Oslo'\n",
    );
    assert_eq!(publications(dir.path(), &[]), expect(OSLO));
    // In YAML, in any case of the key, and in config/_default/, which wins.
    std::fs::remove_file(dir.path().join("hugo.toml")).unwrap();
    write(
        dir.path(),
        "hugo.yaml",
        "title: x\ntimezone: America/New_York\n",
    );
    assert_eq!(publications(dir.path(), &[]), expect(NEW_YORK));
    write(
        dir.path(),
        "config/_default/hugo.toml",
        "TimeZone = 'Europe/Oslo'\n",
    );
    assert_eq!(publications(dir.path(), &[]), expect(OSLO));
    // `Local` is the machine's zone.
    write(
        dir.path(),
        "config/_default/hugo.toml",
        "timeZone = 'Local'\n",
    );
    assert_eq!(
        publications(dir.path(), &[("TZ", "America/New_York")]),
        expect(NEW_YORK)
    );
    // A date that says its zone is read in it.
    write(
        dir.path(),
        "content/soon.md",
        &format!("---\ntitle: soon\npublishDate: {}Z\n---\n", wall(30)),
    );
    let found = publications(dir.path(), &[("TZ", "America/New_York")]);
    assert!(
        found.contains(&("soon".into(), "future".into())),
        "{found:?}"
    );
}

#[test]
fn an_unknown_time_zone_is_an_error_at_its_line_and_dates_are_read_in_utc() {
    let dir = site("title = 'x'\ntimeZone = \"Europe/Olso\"\n");
    let args = ["check", ".", "--lang", "en"];
    let output = run(dir.path(), &[], &args);
    crate::common::bin::assert_exit(1, &args, &output);
    let out = stdout(&output);
    assert!(
        out.contains(
            "./hugo.toml:2:12: error: timeZone: unknown time zone \"Europe/Olso\" (Hugo refuses to build the site); dates without a zone are read as UTC; did you mean \"Europe/Oslo\"? [config]"
        ),
        "{out}"
    );
    // In the reader's language, the rest as tools parse it.
    let out = stdout(&run(dir.path(), &[], &["check", "."]));
    assert!(
        out.contains(
            "./hugo.toml:2:12: error: timeZone: ukjent tidssone «Europe/Olso» (Hugo nekter å bygge nettstedet); datoer uten sone leses som UTC; mente du «Europe/Oslo»? [config]"
        ),
        "{out}"
    );
    // Once, however many paths are in the site; shown from where it runs.
    let output = run(dir.path(), &[], &["check", "content", "content/soon.md"]);
    let out = stdout(&output);
    assert_eq!(out.matches("[config]").count(), 1, "{out}");
    assert!(out.contains("\nhugo.toml:2:12: error: timeZone"), "{out}");
    // Everything else is read, in UTC.
    assert_eq!(publications(dir.path(), &[]), expect(UTC));
    // As in Hugo, the zone's name is spelled as the database spells it.
    write(dir.path(), "hugo.toml", "timeZone = 'europe/oslo'\n");
    let out = stdout(&run(dir.path(), &[], &["check", ".", "--lang", "en"]));
    assert!(
        out.contains("unknown time zone \"europe/oslo\" (Hugo refuses")
            && out.contains("; did you mean \"Europe/Oslo\"? [config]"),
        "{out}"
    );
    // `-A config` drops it, as any rule.
    let output = run(dir.path(), &[], &["check", ".", "-A", "config"]);
    assert!(!stdout(&output).contains("[config]"), "{}", stdout(&output));
}
