//! Rule `person-name`: names a reader or a script would trip over.
//!
//! - **Two spellings.** One person (see [`crate::people`]: case, spacing and
//!   accents fold together) written more than one way across the site: each
//!   place whose spelling is not the one shown is reported, naming a place
//!   that writes the shown spelling. `Ola Dahl `, `ola dahl`, `Lonning` for
//!   `Lønning`.
//! - **The start of a longer name.** An owner or leader the directory does
//!   not know, whose name is the start of a directory name, or the other way
//!   round (`Siri Lunde`, `Siri Lunde Berg`): reported with the directory's place.
//! - **Not in the directory.** When the site has a people directory (team
//!   pages), an owner or leader it does not list.
//!
//! All are warnings: Hugo builds the page and shows what is written, so
//! nothing is broken for a reader; but each is a real inconsistency a person
//! must judge (a typo, a name to complete, someone who left or is missing from
//! the directory), which is what `--strict` or `--deny person-name` in CI is for.

use crate::model::{Diagnostic, Field, Finding, Handbook, NameDifference, NamePlace, Rule};
use crate::people::read::normalise;
use crate::people::{People, Person};

/// One place a person's name is written.
struct Place<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    spelling: &'a str,
    what: NamePlace,
}

impl Place<'_> {
    fn at(&self) -> String {
        format!("{}:{}:{}", self.path, self.line, self.column)
    }

    fn on_card(&self) -> bool {
        matches!(self.what, NamePlace::Card { .. })
    }

    /// `owner "Ola Dahl " of card "Behov"`, `the directory entry "Ola Dahl"
    /// in team "Plattform"`: the place in the English message.
    fn english(&self) -> String {
        match &self.what {
            NamePlace::Card { field, value, card } => {
                let field = match field {
                    Field::Owner => "owner",
                    _ => "leader",
                };
                format!("{field} {value:?} of card {card:?}")
            }
            NamePlace::Entry { name, team } => {
                format!("the directory entry {name:?} in team {team:?}")
            }
            NamePlace::Subtitle { name, team } => {
                format!("navigation_link.subtitle {name:?} of team {team:?}")
            }
        }
    }

    fn finding(&self, message: String, finding: Finding) -> Diagnostic {
        Diagnostic::warning(self.path, self.line, self.column, Rule::PersonName, message)
            .with(finding)
    }
}

pub fn check(handbook: &Handbook, people: &People, found: &mut Vec<Diagnostic>) {
    let in_directory: Vec<&Person> = people
        .persons
        .iter()
        .filter(|p| !p.memberships.is_empty())
        .collect();
    let team_pages = people.directory.teams.len();
    for person in &people.persons {
        // Most people are written one way and are in the directory (or there
        // is none): nothing to look at, and no places to gather.
        let unknown = team_pages > 0 && person.memberships.is_empty();
        if person.spellings.len() < 2 && !unknown {
            continue;
        }
        let places = places(handbook, person);
        two_spellings(person, &places, found);
        if team_pages == 0 || !person.memberships.is_empty() {
            continue;
        }
        let similar = match longer_or_shorter(person, &in_directory) {
            Some(other) => {
                let Some(there) = places_of_memberships(other).next() else {
                    continue;
                };
                Some((other.name.clone(), there))
            }
            None => None,
        };
        for place in places.iter().filter(|p| p.on_card()) {
            let message = match &similar {
                Some((other, there)) => format!(
                    "{} names {:?}, who is not in the people directory; \
                     the directory has {other:?} at {there} (the same person?)",
                    place.english(),
                    person.name
                ),
                None => format!(
                    "{} names {:?}, who is not in the people directory \
                     (the name= entries of the {team_pages} team {})",
                    place.english(),
                    person.name,
                    if team_pages == 1 { "page" } else { "pages" }
                ),
            };
            found.push(place.finding(
                message,
                Finding::NotInDirectory {
                    place: place.what.clone(),
                    name: person.name.clone(),
                    similar: similar.clone(),
                    team_pages,
                },
            ));
        }
    }
}

/// Where the directory lists `person`, as `path:line:col`.
fn places_of_memberships(person: &Person) -> impl Iterator<Item = String> + '_ {
    person
        .memberships
        .iter()
        .map(|m| format!("{}:{}:{}", m.path, m.line, m.column))
}

/// Every place the person's name is written: the directory's, then the cards'.
fn places<'a>(handbook: &'a Handbook, person: &'a Person) -> Vec<Place<'a>> {
    let mut places: Vec<Place> = person
        .memberships
        .iter()
        .map(|m| Place {
            path: &m.path,
            line: m.line,
            column: m.column,
            spelling: &m.name,
            what: match m.source {
                crate::directory::Source::Navigation => NamePlace::Subtitle {
                    name: m.name.clone(),
                    team: m.team.clone(),
                },
                crate::directory::Source::Entry { .. } => NamePlace::Entry {
                    name: m.name.clone(),
                    team: m.team.clone(),
                },
            },
        })
        .collect();
    for r in &person.readings {
        for &id in &r.cards {
            let (Some(document), Some(card)) = (handbook.document_of(id), handbook.card(id)) else {
                continue;
            };
            places.push(Place {
                path: &document.path,
                line: card.line,
                column: card.column,
                spelling: &r.spelling,
                what: NamePlace::Card {
                    field: r.field,
                    value: r.value.to_string(),
                    card: card.title().trim().to_owned(),
                },
            });
        }
    }
    places
}

fn two_spellings(person: &Person, places: &[Place], found: &mut Vec<Diagnostic>) {
    if person.spellings.len() < 2 {
        return;
    }
    let shown = person.name.as_str();
    let Some(reference) = places
        .iter()
        .find(|p| p.spelling == shown)
        .or_else(|| places.iter().find(|p| normalise(p.spelling) == shown))
    else {
        return;
    };
    for place in places {
        if place.spelling == reference.spelling {
            continue;
        }
        let differ = differences(place.spelling, reference.spelling);
        let message = format!(
            "{} writes {shown} as {:?}, with other {} than {} ({:?})",
            place.english(),
            place.spelling,
            english(&differ),
            reference.at(),
            reference.spelling,
        );
        found.push(place.finding(
            message,
            Finding::PersonSpelling {
                place: place.what.clone(),
                name: shown.to_owned(),
                spelling: place.spelling.to_owned(),
                differ,
                usual_at: reference.at(),
                usual: reference.spelling.to_owned(),
            },
        ));
    }
}

/// How two spellings of one name differ.
fn differences(a: &str, b: &str) -> Vec<NameDifference> {
    let mut found = Vec::new();
    if a != normalise(a) || b != normalise(b) {
        found.push(NameDifference::Spacing);
    }
    let (a, b) = (normalise(a), normalise(b));
    if a.to_lowercase() != b.to_lowercase() {
        found.push(NameDifference::Letters);
    }
    // Case: the same letters in other case, or words that start in other case.
    let capitals = |s: &str| -> Vec<bool> {
        s.split(' ')
            .map(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    };
    if a != b && (a.to_lowercase() == b.to_lowercase() || capitals(&a) != capitals(&b)) {
        found.push(NameDifference::Case);
    }
    if found.is_empty() {
        found.push(NameDifference::Spelling);
    }
    found
}

/// `spacing`, `accents or letters`, `case`, joined with `and`.
fn english(differ: &[NameDifference]) -> String {
    let words: Vec<&str> = differ
        .iter()
        .map(|d| match d {
            NameDifference::Spacing => "spacing",
            NameDifference::Letters => "accents or letters",
            NameDifference::Case => "case",
            NameDifference::Spelling => "spelling",
        })
        .collect();
    match words.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => words.concat(),
    }
}

/// A directory person whose name starts with this person's name, word for
/// word, or whose name this person's starts with.
fn longer_or_shorter<'a>(person: &Person, directory: &[&'a Person]) -> Option<&'a Person> {
    let key = person.key();
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    directory.iter().copied().find(|other| {
        let other_key = other.key();
        let theirs: Vec<&str> = other_key.split(' ').collect();
        let (short, long) = if words.len() < theirs.len() {
            (&words, &theirs)
        } else {
            (&theirs, &words)
        };
        short.len() >= 2 && short.len() < long.len() && long.starts_with(short)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_named() {
        let said = |a: &str, b: &str| english(&differences(a, b));
        assert_eq!(said("Ola Dahl ", "Ola Dahl"), "spacing");
        assert_eq!(said("Ola  Dahl", "Ola Dahl"), "spacing");
        assert_eq!(said("ola dahl", "Ola Dahl"), "case");
        assert_eq!(said("Lonning", "Lønning"), "accents or letters");
        assert_eq!(said("Buaroey", "Buarøy"), "accents or letters");
        assert_eq!(said("OLA DAHL", "Ola Dahl"), "case");
        assert_eq!(
            said("ola lonning ", "Ola Lønning"),
            "spacing, accents or letters and case"
        );
    }
}
