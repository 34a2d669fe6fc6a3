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

use crate::model::{Diagnostic, Field, Handbook, Rule};
use crate::people::read::normalise;
use crate::people::{People, Person};

/// One place a person's name is written.
struct Place<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    spelling: &'a str,
    /// `owner "Ola Dahl " of card "Behov"`, `the directory entry "Ola Dahl"`.
    what: String,
    on_card: bool,
}

impl Place<'_> {
    fn at(&self) -> String {
        format!("{}:{}:{}", self.path, self.line, self.column)
    }

    fn finding(&self, message: String) -> Diagnostic {
        Diagnostic::warning(self.path, self.line, self.column, Rule::PersonName, message)
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
        let cards = places.iter().filter(|p| p.on_card);
        match longer_or_shorter(person, &in_directory) {
            Some(other) => {
                let Some(there) = places_of_memberships(other).next() else {
                    continue;
                };
                for place in cards {
                    found.push(place.finding(format!(
                        "{} names {:?}, who is not in the people directory; \
                         the directory has {:?} at {} (the same person?)",
                        place.what, person.name, other.name, there
                    )));
                }
            }
            None => {
                let pages = if team_pages == 1 { "page" } else { "pages" };
                for place in cards {
                    found.push(place.finding(format!(
                        "{} names {:?}, who is not in the people directory \
                         (the name= entries of the {team_pages} team {pages})",
                        place.what, person.name
                    )));
                }
            }
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
                crate::directory::Source::Navigation => {
                    format!("navigation_link.subtitle {:?} of team {:?}", m.name, m.team)
                }
                crate::directory::Source::Entry { .. } => {
                    format!("the directory entry {:?} in team {:?}", m.name, m.team)
                }
            },
            on_card: false,
        })
        .collect();
    for r in &person.readings {
        let field = match r.field {
            Field::Owner => "owner",
            _ => "leader",
        };
        for &id in &r.cards {
            let (Some(document), Some(card)) = (handbook.document_of(id), handbook.card(id)) else {
                continue;
            };
            places.push(Place {
                path: &document.path,
                line: card.line,
                column: card.column,
                spelling: &r.spelling,
                what: format!("{field} {:?} of card {:?}", r.value, card.title().trim()),
                on_card: true,
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
        found.push(place.finding(format!(
            "{} writes {shown} as {:?}, with other {} than {} ({:?})",
            place.what,
            place.spelling,
            differences(place.spelling, reference.spelling),
            reference.at(),
            reference.spelling,
        )));
    }
}

/// How two spellings of one name differ: `spacing`, `accents or letters`,
/// `case`, joined with `and`.
fn differences(a: &str, b: &str) -> String {
    let mut found = Vec::new();
    if a != normalise(a) || b != normalise(b) {
        found.push("spacing");
    }
    let (a, b) = (normalise(a), normalise(b));
    if a.to_lowercase() != b.to_lowercase() {
        found.push("accents or letters");
    }
    // Case: the same letters in other case, or words that start in other case.
    let capitals = |s: &str| -> Vec<bool> {
        s.split(' ')
            .map(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    };
    if a != b && (a.to_lowercase() == b.to_lowercase() || capitals(&a) != capitals(&b)) {
        found.push("case");
    }
    match found.as_slice() {
        [] => "spelling".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
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
        assert_eq!(differences("Ola Dahl ", "Ola Dahl"), "spacing");
        assert_eq!(differences("Ola  Dahl", "Ola Dahl"), "spacing");
        assert_eq!(differences("ola dahl", "Ola Dahl"), "case");
        assert_eq!(differences("Lonning", "Lønning"), "accents or letters");
        assert_eq!(differences("Buaroey", "Buarøy"), "accents or letters");
        assert_eq!(differences("OLA DAHL", "Ola Dahl"), "case");
        assert_eq!(
            differences("ola lonning ", "Ola Lønning"),
            "spacing, accents or letters and case"
        );
    }
}
