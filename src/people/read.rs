//! Reading one owner or leader value into the people it names, the way real
//! sites write them, without inventing anyone:
//!
//! 1. The value is split into parts at `,`, `;`, `&` and the words `og` and
//!    `and` standing alone: `Hanne og Tony` is two parts.
//! 2. A part with `/` is split into segments. A segment is a person when it
//!    is a known name, or two to five words that each start with a capital
//!    (`Tor Arild S.`), and it is not a team page's title. When every
//!    segment is a person, they share the field (`Ingrid Solbakken/Kari
//!    Nordvik`: co-owners). Otherwise the person segments are the people and
//!    the others are their units (`Porteføljekontoret/Petter Halvorsen`); with
//!    no person segment, the last segment is the name (`Drift/Support`).
//! 3. A part or segment without `/` is one name, unless it is a known name
//!    that follows a role: `Fagansvarlig for design (design lead) Liv Aasen`
//!    is Liv Aasen, with that role, when `Liv Aasen` is known (from the
//!    directory, or written alone on a card); `Markedssjef Siri Lunde` is
//!    Siri Lunde when `Markedssjef` is a role in the directory.
//!
//! Every name keeps its spelling exactly as written ([`NameRead::spelling`]):
//! trimmed where it meets a separator, kept as is at the edges of the value,
//! so `"Ola Dahl "` keeps its trailing space.

use super::Known;
use crate::query::fold;

/// One name read from a value, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRead {
    /// The name as written (see the module docs for its edges).
    pub spelling: String,
    pub how: How,
}

/// How a name was read from the value it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum How {
    /// The value is the name and nothing else.
    Alone,
    /// One of several names separated by `,`, `;`, `&`, `og` or `and`.
    Listed,
    /// `A/B`: one of the people sharing the field, with the others' names.
    Shared { with: Vec<String> },
    /// `Unit/Name`: written with units (`Porteføljekontoret`), each a team
    /// when it is a team page's title.
    Unit { units: Vec<Unit> },
    /// `Role Name`: the words before a name that is known.
    Role { role: String, because: Because },
}

impl How {
    /// The kind, as scripts see it: `alone`, `listed`, `shared`, `unit`, `role`.
    pub fn kind(&self) -> &'static str {
        match self {
            How::Alone => "alone",
            How::Listed => "listed",
            How::Shared { .. } => "shared",
            How::Unit { .. } => "unit",
            How::Role { .. } => "role",
        }
    }
}

impl Because {
    /// As scripts see it: `name-in-directory`, `name-on-card`, `role-in-directory`.
    pub fn kind(self) -> &'static str {
        match self {
            Because::NameInDirectory => "name-in-directory",
            Because::NameOnCard => "name-on-card",
            Because::RoleInDirectory => "role-in-directory",
        }
    }
}

/// A unit written with a name, before or after a `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// As written, whitespace made single.
    pub text: String,
    /// The title of the team page it names, when it names one.
    pub team: Option<String>,
}

/// Why the words before a name were read as a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Because {
    /// The name is in the site's people directory.
    NameInDirectory,
    /// The name is written alone on a card.
    NameOnCard,
    /// The role is a role in the site's people directory.
    RoleInDirectory,
}

/// The names `value` holds (see the module docs).
pub fn read_value(value: &str, known: &Known) -> Vec<NameRead> {
    let parts = parts(value);
    let listed = parts.len() > 1;
    let mut out = Vec::new();
    for (start, end) in parts {
        let part = &value[start..end];
        if part.contains('/') {
            read_slashed(value, start, end, known, &mut out);
            continue;
        }
        if let Some(mut read) = read_one(value, start, end, known) {
            if listed && read.how == How::Alone {
                read.how = How::Listed;
            }
            out.push(read);
        }
    }
    out
}

/// The byte ranges of the parts of `value`, split at `,` `;` `&` and the
/// standalone words `og` and `and` (any case).
fn parts(value: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = value
        .match_indices([',', ';', '&'])
        .map(|(i, s)| (i, i + s.len()))
        .collect();
    for (start, end) in words(value) {
        let word = &value[start..end];
        if word.eq_ignore_ascii_case("og") || word.eq_ignore_ascii_case("and") {
            cuts.push((start, end));
        }
    }
    cuts.sort_unstable();
    let mut parts = Vec::new();
    let mut from = 0;
    for (start, end) in cuts {
        parts.push((from, start));
        from = end;
    }
    parts.push((from, value.len()));
    parts.retain(|&(s, e)| !value[s..e].trim().is_empty());
    parts
}

/// Byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The text of `value[start..end]` as a spelling: whitespace trimmed where
/// it meets a separator, kept at the value's own edges.
fn spelling(value: &str, start: usize, end: usize) -> &str {
    let mut text = &value[start..end];
    if start > 0 {
        text = text.trim_start();
    }
    if end < value.len() {
        text = text.trim_end();
    }
    text
}

/// Whitespace runs made one space, ends trimmed.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A part with `/` (see the module docs, rule 2).
fn read_slashed(value: &str, start: usize, end: usize, known: &Known, out: &mut Vec<NameRead>) {
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut from = start;
    for (i, _) in value[start..end].match_indices('/') {
        segments.push((from, start + i));
        from = start + i + 1;
    }
    segments.push((from, end));
    segments.retain(|&(s, e)| !value[s..e].trim().is_empty());
    if segments.len() == 1 {
        let (s, e) = segments[0];
        out.extend(read_one(value, s, e, known));
        return;
    }
    let text = |&(s, e): &(usize, usize)| normalise(&value[s..e]);
    let is_person: Vec<bool> = segments
        .iter()
        .map(|seg| {
            let t = text(seg);
            known.team_titled(&t).is_none() && (known.is_name(&t) || looks_like_a_name(&t))
        })
        .collect();
    let people = is_person.iter().filter(|p| **p).count();
    if people == segments.len() {
        let names: Vec<String> = segments.iter().map(text).collect();
        for (i, &(s, e)) in segments.iter().enumerate() {
            let Some(mut read) = read_one(value, s, e, known) else {
                continue;
            };
            let with = names
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, n)| n.clone())
                .collect();
            // A role read inside a shared segment says more than "shared".
            if read.how == How::Alone {
                read.how = How::Shared { with };
            }
            out.push(read);
        }
        return;
    }
    // No segment looks like a person: the name is the last one, as a unit's
    // person is written (`Tilgangsstyring/Espen Herskedal`).
    let named: Vec<usize> = if people == 0 {
        vec![segments.len() - 1]
    } else {
        (0..segments.len()).filter(|&i| is_person[i]).collect()
    };
    let units: Vec<Unit> = (0..segments.len())
        .filter(|i| !named.contains(i))
        .map(|i| {
            let unit = text(&segments[i]);
            Unit {
                team: known.team_titled(&unit).map(str::to_owned),
                text: unit,
            }
        })
        .collect();
    for i in named {
        let (s, e) = segments[i];
        let Some(mut read) = read_one(value, s, e, known) else {
            continue;
        };
        if read.how == How::Alone {
            read.how = How::Unit {
                units: units.clone(),
            };
        }
        out.push(read);
    }
}

/// One name with perhaps a role before it (module docs, rule 3); `None`
/// when there is no text.
fn read_one(value: &str, start: usize, end: usize, known: &Known) -> Option<NameRead> {
    let raw = &value[start..end];
    let word_at = words(raw);
    let n = word_at.len();
    if n == 0 {
        return None;
    }
    let alone = || NameRead {
        spelling: spelling(value, start, end).to_owned(),
        how: How::Alone,
    };
    // A role is at least one word and a name at least two: fewer words are a
    // name, and need no look-up (most values are so).
    if n < 3 {
        return Some(alone());
    }
    // Each word folded once; the key of any run of words is theirs joined.
    let folded: Vec<String> = word_at.iter().map(|&(s, e)| fold(&raw[s..e])).collect();
    let key = |words: &[String]| words.join(" ");
    if known.directory_has(&key(&folded)) {
        return Some(alone());
    }
    let split = |k: usize, because: Because| {
        let role = normalise(&raw[..word_at[k - 1].1]);
        NameRead {
            spelling: spelling(value, start + word_at[k].0, end).to_owned(),
            how: How::Role { role, because },
        }
    };
    // The longest known name that ends the text.
    for k in 1..n - 1 {
        let name = key(&folded[k..]);
        if known.directory_has(&name) {
            return Some(split(k, Because::NameInDirectory));
        }
        if known.cards_have(&name) {
            return Some(split(k, Because::NameOnCard));
        }
    }
    // The longest known role that starts the text, before a name-like rest.
    for k in (1..n - 1).rev() {
        if known.role_has(&key(&folded[..k])) && looks_like_a_name(&raw[word_at[k].0..]) {
            return Some(split(k, Because::RoleInDirectory));
        }
    }
    Some(alone())
}

/// Two to five words, each starting with a capital letter (`Tor Arild S.`),
/// or a lower-case particle between them (`Jan van Dijk`); no digits or
/// brackets. Units and roles (`Porteføljekontoret`, `Kundekoordinator for
/// brukerstøtte`) do not look so.
pub fn looks_like_a_name(text: &str) -> bool {
    const PARTICLES: [&str; 10] = [
        "af", "da", "de", "del", "den", "der", "di", "la", "van", "von",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    if text.contains(|c: char| c.is_ascii_digit() || "()[]{}<>@:".contains(c)) {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    capitalised(words[0])
        && capitalised(words[words.len() - 1])
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known::for_tests(
            &["Liv Aasen", "Siri Lunde Berg", "Ola Dahl", "Mona Bakke"],
            &["Hanne Lauritsen"],
            &["Markedssjef", "Teamleder"],
            &["Plattform", "Team Drift"],
        )
    }

    fn read(value: &str) -> Vec<(String, How)> {
        read_value(value, &known())
            .into_iter()
            .map(|r| (r.spelling, r.how))
            .collect()
    }

    fn one(spelling: &str, how: How) -> Vec<(String, How)> {
        vec![(spelling.to_owned(), how)]
    }

    #[test]
    fn two_names_with_a_slash_are_co_owners() {
        assert_eq!(
            read("Tor Arild S./Reidun M."),
            [
                (
                    "Tor Arild S.".to_owned(),
                    How::Shared {
                        with: vec!["Reidun M.".into()]
                    }
                ),
                (
                    "Reidun M.".to_owned(),
                    How::Shared {
                        with: vec!["Tor Arild S.".into()]
                    }
                ),
            ]
        );
    }

    #[test]
    fn a_unit_before_a_name_is_a_unit_and_a_team_title_is_that_team() {
        let unit = |text: &str, team: Option<&str>| Unit {
            text: text.into(),
            team: team.map(Into::into),
        };
        assert_eq!(
            read("Porteføljekontoret/Petter Halvorsen"),
            one(
                "Petter Halvorsen",
                How::Unit {
                    units: vec![unit("Porteføljekontoret", None)]
                }
            )
        );
        assert_eq!(
            read("Kundekoordinator for brukerstøtte/Tove Hagen"),
            one(
                "Tove Hagen",
                How::Unit {
                    units: vec![unit("Kundekoordinator for brukerstøtte", None)]
                }
            )
        );
        assert_eq!(
            read("plattform/Ola  Dahl"),
            one(
                "Ola  Dahl",
                How::Unit {
                    units: vec![unit("plattform", Some("Plattform"))]
                }
            )
        );
        // A team title of two capitalised words is still a team, not a person.
        assert_eq!(
            read("Team Drift/Ola Dahl"),
            one(
                "Ola Dahl",
                How::Unit {
                    units: vec![unit("Team Drift", Some("Team Drift"))]
                }
            )
        );
    }

    #[test]
    fn a_role_before_a_known_name_is_that_persons_role() {
        assert_eq!(
            read("Fagansvarlig for design (design lead) Liv Aasen"),
            one(
                "Liv Aasen",
                How::Role {
                    role: "Fagansvarlig for design (design lead)".into(),
                    because: Because::NameInDirectory
                }
            )
        );
        assert_eq!(
            read("Prosjektleder Hanne Lauritsen"),
            one(
                "Hanne Lauritsen",
                How::Role {
                    role: "Prosjektleder".into(),
                    because: Because::NameOnCard
                }
            )
        );
        assert_eq!(
            read("Markedssjef Siri Lunde"),
            one(
                "Siri Lunde",
                How::Role {
                    role: "Markedssjef".into(),
                    because: Because::RoleInDirectory
                }
            )
        );
    }

    #[test]
    fn nothing_is_invented_for_an_unknown_name() {
        assert_eq!(read("Kari Nordvik"), one("Kari Nordvik", How::Alone));
        assert_eq!(
            read("Avdelingsleder Per Olsen"),
            one("Avdelingsleder Per Olsen", How::Alone),
            "neither the name nor the role is known"
        );
        assert_eq!(read("Siri Lunde Berg"), one("Siri Lunde Berg", How::Alone));
    }

    #[test]
    fn spellings_keep_the_values_own_edges() {
        assert_eq!(read("Ola Dahl "), one("Ola Dahl ", How::Alone));
        assert_eq!(
            read("Hanne, Tony "),
            [
                ("Hanne".to_owned(), How::Listed),
                ("Tony ".to_owned(), How::Listed)
            ]
        );
    }

    #[test]
    fn lists_split_at_commas_ampersands_and_the_words_og_and_and() {
        let names: Vec<String> = read("A B, C D; E F & G H og I J and K L OG M N")
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(names, ["A B", "C D", "E F", "G H", "I J", "K L", "M N"]);
        assert_eq!(read("Ogla Andersen"), one("Ogla Andersen", How::Alone));
        assert!(read("").is_empty());
        assert!(read("  ,; & og ").is_empty());
    }

    #[test]
    fn names_look_like_names_and_units_do_not() {
        for name in ["Tor Arild S.", "Reidun M.", "Jan van Dijk", "Åse Øvre"] {
            assert!(looks_like_a_name(name), "{name}");
        }
        for not in [
            "Porteføljekontoret",
            "Kundekoordinator for brukerstøtte",
            "IT",
            "Team 2",
            "Fagansvarlig (lead)",
        ] {
            assert!(!looks_like_a_name(not), "{not}");
        }
    }
}
