//! Whether Hugo 0.111 publishes a page, decided from its front matter as a
//! plain `hugo` build decides it (no `--buildDrafts`, `--buildFuture` or
//! `--buildExpired`). An unpublished page's processes are not the real ones,
//! so every view marks them.
//!
//! Each rule was checked against a real hugo 0.111 (see `docs/hugo-yaml.md`):
//! * `draft` is Go's `cast.ToBool` of the value: a boolean; text that Go's
//!   `strconv.ParseBool` reads (`"true"`, `"1"`, `"t"`, `"TRUE"`); a YAML
//!   integer other than 0. A TOML integer (Go `int64`), any float, a list or a
//!   map is not a draft, nor is text such as `"yes"`.
//! * `_build.render` `never`, `link` or `false` (keys in any case): not written.
//! * `headless: true` (any value `draft` would take) on a leaf bundle's
//!   `index.md`: not written; on any other page it means nothing.
//! * The publish date is the first of `publishDate`, `pubdate`, `published`,
//!   `date` that is set and reads as a date; after now: not yet published.
//! * The expiry date is the first of `expiryDate`, `unpublishdate`; at or
//!   before now: expired.
//! * A key written in several cases (`draft` and `Draft`): Hugo lower-cases
//!   the map in place, so a spelling with capitals wins over the lower-case one.
//!
//! * A date without a zone (`2026-12-01`, `2026-12-01T08:00:00`) is a time
//!   in the site's `timeZone` ([`TimeZone`]), UTC when the config sets none
//!   (the machine's zone does not matter; hugo 0.111 checked).

use super::{FrontMatter, FrontMatterFormat, TimeZone};
use serde_json::{Map, Value};

/// Why a page is published or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publication {
    Published,
    /// `draft: true` (in any spelling Hugo accepts).
    Draft,
    /// `_build: {render: never}`, or a headless leaf bundle: Hugo writes no
    /// page for it.
    NotRendered,
    /// The publish date, as written, is in the future.
    Future(String),
    /// The expiry date, as written, is in the past.
    Expired(String),
}

impl Publication {
    /// Reads the front matter of the file at `path` against the time `now`
    /// (seconds since 1970, UTC), its dates without a zone in `zone`.
    pub fn of(front: &FrontMatter, path: &str, now: i64, zone: &TimeZone) -> Publication {
        Publication::of_values(&front.params(), front.format, path, now, zone)
    }

    /// [`Publication::of`], from front matter already decoded (as the
    /// parser has it, once, while it reads the file).
    pub fn of_values(
        front: &Map<String, Value>,
        format: Option<FrontMatterFormat>,
        path: &str,
        now: i64,
        zone: &TimeZone,
    ) -> Publication {
        if hugo_get(front, "draft").is_some_and(|v| truthy(v, format)) {
            return Publication::Draft;
        }
        let leaf_bundle = std::path::Path::new(path)
            .file_stem()
            .is_some_and(|stem| stem == "index");
        let headless =
            leaf_bundle && hugo_get(front, "headless").is_some_and(|v| truthy(v, format));
        if headless || not_rendered(front) {
            return Publication::NotRendered;
        }
        if let Some((text, at)) = first_date(
            front,
            &["publishdate", "pubdate", "published", "date"],
            zone,
        ) && at > now
        {
            return Publication::Future(text);
        }
        if let Some((text, at)) = first_date(front, &["expirydate", "unpublishdate"], zone)
            && at <= now
        {
            return Publication::Expired(text);
        }
        Publication::Published
    }

    pub fn is_published(&self) -> bool {
        *self == Publication::Published
    }

    pub fn is_draft(&self) -> bool {
        *self == Publication::Draft
    }

    /// A short machine name: `published`, `draft`, `not-rendered`, `future`, `expired`.
    pub fn key(&self) -> &'static str {
        match self {
            Publication::Published => "published",
            Publication::Draft => "draft",
            Publication::NotRendered => "not-rendered",
            Publication::Future(_) => "future",
            Publication::Expired(_) => "expired",
        }
    }
}

/// Seconds since 1970 now, for [`Publication::of`].
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A top-level key looked up as Hugo's lower-casing leaves it: any spelling
/// with capitals wins over the lower-case one.
fn hugo_get<'a>(front: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    let mut found = None;
    for (k, v) in front {
        if k.eq_ignore_ascii_case(key) && (found.is_none() || k != key) {
            found = Some(v);
        }
    }
    found
}

/// Go's `cast.ToBool` on the value Hugo's decoder made of it.
fn truthy(v: &Value, format: Option<FrontMatterFormat>) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::String(s) => matches!(s.as_str(), "1" | "t" | "T" | "TRUE" | "true" | "True"),
        // Only yaml.v2 makes a Go `int`; TOML makes `int64` and JSON `float64`,
        // which cast does not turn into a boolean.
        Value::Number(n) => {
            format == Some(FrontMatterFormat::Yaml) && n.as_i64().is_some_and(|i| i != 0)
        }
        _ => false,
    }
}

fn not_rendered(front: &Map<String, Value>) -> bool {
    let Some(Value::Object(build)) = hugo_get(front, "_build") else {
        return false;
    };
    let render = build
        .iter()
        .rev()
        .find(|(k, _)| k.eq_ignore_ascii_case("render"))
        .map(|(_, v)| v);
    match render {
        Some(Value::Bool(b)) => !b,
        Some(Value::String(s)) => {
            s.eq_ignore_ascii_case("never") || s.eq_ignore_ascii_case("link") || s == "false"
        }
        _ => false,
    }
}

/// The first of `keys` that is set and reads as a date: its text and time.
fn first_date(front: &Map<String, Value>, keys: &[&str], zone: &TimeZone) -> Option<(String, i64)> {
    keys.iter().find_map(|key| {
        let text = hugo_get(front, key)?.as_str()?;
        parse_date_in(text, zone).map(|at| (text.to_owned(), at))
    })
}

/// Seconds since 1970 of the date forms Hugo reads in front matter:
/// `2006-01-02`, `2006-01-02T15:04:05` with optional fraction and zone
/// (`Z`, `+07:00`, `+0700`, also after a space), and `02 Jan 2006`; a date
/// without a zone is read as UTC.
pub fn parse_date(text: &str) -> Option<i64> {
    parse_date_in(text, &TimeZone::UTC)
}

/// [`parse_date`], a date without a zone read in `zone`.
pub fn parse_date_in(text: &str, zone: &TimeZone) -> Option<i64> {
    let (wall, offset) = read_date(text)?;
    Some(match offset {
        Some(offset) => wall - offset,
        None => zone.instant_of(wall),
    })
}

/// A date as written: its wall-clock time in seconds since 1970 as if it were
/// UTC, and the offset it says, if it says one.
fn read_date(text: &str) -> Option<(i64, Option<i64>)> {
    let t = text.trim();
    if let Some(at) = day_month_name_year(t) {
        return Some((at, None));
    }
    let num = |s: &str| -> Option<i64> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (date, time) = match t.find(['T', 't', ' ']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let days = days_from_civil(num(y)?, num(m)?, num(d)?)?;
    let Some(time) = time else {
        return Some((days * 86_400, None));
    };
    if time.len() < 8 || !time.is_char_boundary(8) {
        return None;
    }
    let (clock, mut rest) = time.split_at(8);
    let mut hms = clock.split(':');
    let (h, mi, s) = (hms.next()?, hms.next()?, hms.next()?);
    if [h, mi, s].iter().any(|p| p.len() != 2) {
        return None;
    }
    let (h, mi, s) = (num(h)?, num(mi)?, num(s)?);
    if h > 23 || mi > 59 || s > 60 {
        return None;
    }
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        rest = &frac[n..];
    }
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(0),
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits = zone[1..].replace(':', "");
            if digits.len() != 4 {
                return None;
            }
            Some(sign * (num(&digits[..2])? * 3600 + num(&digits[2..])? * 60))
        }
    };
    Some((days * 86_400 + h * 3600 + mi * 60 + s, offset))
}

/// `02 Jan 2006`.
fn day_month_name_year(t: &str) -> Option<i64> {
    let mut parts = t.split(' ');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() != 2 || y.len() != 4 {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = MONTHS.iter().position(|n| *n == m)? as i64 + 1;
    let days = days_from_civil(y.parse().ok()?, m, d.parse().ok()?)?;
    Some(days * 86_400)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> Option<i64> {
    let month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if !(1..=12).contains(&m) {
        return None;
    }
    let max = month_days[(m - 1) as usize] + i64::from(m == 2 && leap);
    if d < 1 || d > max {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: i64 = 1_700_000_000; // 2023-11-14

    fn front(format: FrontMatterFormat, v: Value) -> FrontMatter {
        let mut front = FrontMatter::from_params(v.as_object().unwrap().clone());
        front.format = Some(format);
        front
    }

    fn yaml(v: Value) -> Publication {
        Publication::of(
            &front(FrontMatterFormat::Yaml, v),
            "a.md",
            NOW,
            &TimeZone::UTC,
        )
    }

    #[test]
    fn drafts_in_every_spelling_hugo_accepts() {
        for v in [
            json!(true),
            json!(1),
            json!(-1),
            json!("true"),
            json!("1"),
            json!("t"),
            json!("T"),
            json!("TRUE"),
        ] {
            assert_eq!(yaml(json!({ "draft": v })), Publication::Draft, "{v}");
        }
        for v in [
            json!(false),
            json!(0),
            json!(0.5),
            json!(1.0),
            json!("yes"),
            json!("on"),
            json!(""),
            json!(null),
            json!([true]),
        ] {
            assert_eq!(yaml(json!({ "draft": v })), Publication::Published, "{v}");
        }
        assert_eq!(yaml(json!({"Draft": true})), Publication::Draft);
        // A spelling with capitals wins over the lower-case one.
        assert_eq!(
            yaml(json!({"draft": false, "Draft": true})),
            Publication::Draft
        );
        assert_eq!(
            yaml(json!({"Draft": true, "draft": false})),
            Publication::Draft
        );
        assert_eq!(
            yaml(json!({"draft": true, "Draft": false})),
            Publication::Published
        );
        // TOML and JSON integers are not booleans to Hugo.
        let toml = front(FrontMatterFormat::Toml, json!({"draft": 1}));
        assert_eq!(
            Publication::of(&toml, "a.md", NOW, &TimeZone::UTC),
            Publication::Published
        );
    }

    #[test]
    fn dates_and_build_options() {
        assert_eq!(
            yaml(json!({"publishDate": "2999-01-01"})),
            Publication::Future("2999-01-01".into())
        );
        assert_eq!(
            yaml(json!({"date": "2999-01-01"})),
            Publication::Future("2999-01-01".into())
        );
        assert_eq!(
            yaml(json!({"date": "2999-01-01", "publishDate": "2000-01-01"})),
            Publication::Published
        );
        assert_eq!(
            yaml(json!({"publishDate": "2999-01-01", "pubdate": "2000-01-01"})),
            Publication::Future("2999-01-01".into())
        );
        assert_eq!(
            yaml(json!({"expiryDate": "2000-01-01"})),
            Publication::Expired("2000-01-01".into())
        );
        assert_eq!(
            yaml(json!({"unpublishdate": "2000-01-01"})),
            Publication::Expired("2000-01-01".into())
        );
        assert_eq!(
            yaml(json!({"expiryDate": "2999-01-01"})),
            Publication::Published
        );
        assert_eq!(
            yaml(json!({"lastmod": "2999-01-01"})),
            Publication::Published
        );
        assert_eq!(
            yaml(json!({"date": "2999-01-01 10:00"})),
            Publication::Published
        );
        assert_eq!(
            yaml(json!({"date": "01 Jan 2999"})),
            Publication::Future("01 Jan 2999".into())
        );
        assert_eq!(
            yaml(json!({"_build": {"render": "never"}})),
            Publication::NotRendered
        );
        assert_eq!(
            yaml(json!({"_Build": {"Render": false}})),
            Publication::NotRendered
        );
        assert_eq!(
            yaml(json!({"_build": {"render": "link"}})),
            Publication::NotRendered
        );
        assert_eq!(
            yaml(json!({"_build": {"list": "never"}})),
            Publication::Published
        );
        assert_eq!(
            yaml(json!({"build": {"render": "never"}})),
            Publication::Published
        );
    }

    #[test]
    fn dates_without_a_zone_are_read_in_the_sites_zone() {
        // NOW is 2023-11-14T22:13:20Z: 23:13:20 in Oslo, 17:13:20 in New York.
        let read = |zone: &str, v: Value| {
            let zone = TimeZone::named(zone).unwrap();
            Publication::of(&front(FrontMatterFormat::Yaml, v), "a.md", NOW, &zone)
        };
        let at_23 = json!({"publishDate": "2023-11-14T23:00:00"});
        assert_eq!(
            read("UTC", at_23.clone()),
            Publication::Future("2023-11-14T23:00:00".into())
        );
        assert_eq!(read("Europe/Oslo", at_23), Publication::Published);
        let at_20 = json!({"date": "2023-11-14T20:00:00"});
        assert_eq!(read("UTC", at_20.clone()), Publication::Published);
        assert_eq!(
            read("America/New_York", at_20),
            Publication::Future("2023-11-14T20:00:00".into())
        );
        let expiry = json!({"expiryDate": "2023-11-14T23:00:00"});
        assert_eq!(read("UTC", expiry.clone()), Publication::Published);
        assert_eq!(
            read("Europe/Oslo", expiry),
            Publication::Expired("2023-11-14T23:00:00".into())
        );
        // A day alone starts at midnight in the zone; `02 Jan 2006` too.
        for day in ["2023-11-15", "15 Nov 2023"] {
            assert_eq!(
                read("Europe/Oslo", json!({ "publishDate": day })),
                Publication::Future(day.into())
            );
            assert_eq!(
                read("Pacific/Kiritimati", json!({ "publishDate": day })),
                Publication::Published,
                "{day}"
            );
        }
        // A date that says its zone is read in it, whatever the site's.
        let zoned = json!({"publishDate": "2023-11-14T23:00:00Z"});
        assert_eq!(
            read("Europe/Oslo", zoned),
            Publication::Future("2023-11-14T23:00:00Z".into())
        );
    }

    #[test]
    fn date_forms() {
        assert_eq!(parse_date("1970-01-02"), Some(86_400));
        assert_eq!(parse_date("1970-01-01T01:00:00Z"), Some(3600));
        assert_eq!(parse_date("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(parse_date("1970-01-01 01:00:00 +0100"), Some(0));
        assert_eq!(parse_date("1970-01-01T00:00:00.5"), Some(0));
        assert_eq!(parse_date("2000-02-29"), Some(951_782_400));
        assert_eq!(parse_date("2001-02-29"), None);
        assert_eq!(parse_date("2999"), None);
        assert_eq!(parse_date("tomorrow"), None);
        assert_eq!(parse_date("2999-01-01 10:00"), None);
    }
}
