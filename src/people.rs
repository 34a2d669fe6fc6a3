//! Who owns and leads what.
//!
//! An owner or leader field may name several people and a team:
//!
//! - People are separated by `,`, `;`, `&`, or the word `og` or `and`
//!   (any case, standing alone between spaces): `Hanne og Tony` is two people.
//! - `Team/Name` names the person `Name` of team `Team` (split at the last
//!   `/`): `Tilgangsstyring/Espen Herskedal` is Espen Herskedal of
//!   Tilgangsstyring.
//! - Whitespace is trimmed and runs of it become one space; an empty or
//!   absent field names nobody.
//!
//! The same person written twice (different case, spacing, or accents, such
//! as `Buarøy` and `Buaroey`) is one person: people are keyed by their folded
//! name ([`crate::query::fold()`]) and keep the spelling seen first.
//!
//! [`people`] sorts by name as a Norwegian dictionary does (Æ, Ø, Å after Z;
//! `Hanne` before `Håkon`); [`by_name`] sorts for readers of another
//! language ([`crate::collate`]).

use crate::collate::Collator;
use crate::i18n::Lang;
use crate::model::{CardId, Field, Handbook};
use crate::query::fold;
use std::collections::HashMap;

/// One person named as owner or leader somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name alone: `Tilgangsstyring/Espen Herskedal` names `Espen Herskedal`.
    pub name: String,
    /// Teams or units written with the name (`Tilgangsstyring`), first seen first.
    pub teams: Vec<String>,
    pub owner_of: Vec<CardId>,
    pub leader_of: Vec<CardId>,
}

impl Person {
    /// The key people are told apart by: the folded name.
    pub fn key(&self) -> String {
        person_key(&self.name)
    }

    /// Every card the person owns or leads, in document order, each once.
    pub fn cards(&self) -> Vec<CardId> {
        let mut cards: Vec<CardId> = self
            .owner_of
            .iter()
            .chain(&self.leader_of)
            .copied()
            .collect();
        cards.sort();
        cards.dedup();
        cards
    }
}

/// One name as written in an owner or leader field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// The person's name, whitespace normalised.
    pub name: String,
    /// The team written before a `/`, if any.
    pub team: Option<String>,
}

/// The people one owner or leader value names (see the module docs).
pub fn split_people(value: &str) -> Vec<PersonName> {
    let mut out = Vec::new();
    for part in value.split([',', ';', '&']) {
        let mut words: Vec<&str> = Vec::new();
        for word in part.split_whitespace().chain([""]) {
            let separator = word.is_empty()
                || word.eq_ignore_ascii_case("og")
                || word.eq_ignore_ascii_case("and");
            if !separator {
                words.push(word);
                continue;
            }
            if let Some(name) = person_name(&words.join(" ")) {
                out.push(name);
            }
            words.clear();
        }
    }
    out
}

/// `Team/Name` or `Name` (whitespace already normalised); `None` if no name.
fn person_name(text: &str) -> Option<PersonName> {
    let (team, name) = match text.rsplit_once('/') {
        Some((team, name)) => (team.trim(), name.trim()),
        None => ("", text),
    };
    (!name.is_empty()).then(|| PersonName {
        name: name.to_owned(),
        team: (!team.is_empty()).then(|| team.to_owned()),
    })
}

/// The key a name is told apart by: its folded form.
pub fn person_key(name: &str) -> String {
    fold(name)
}

/// Each person once, sorted by name for Norwegian readers.
pub fn people(handbook: &Handbook) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (id, card) in handbook.cards() {
        for field in [Field::Owner, Field::Leader] {
            for named in split_people(&card.text(field)) {
                let at = *by_key.entry(person_key(&named.name)).or_insert_with(|| {
                    people.push(Person {
                        name: named.name.clone(),
                        teams: Vec::new(),
                        owner_of: Vec::new(),
                        leader_of: Vec::new(),
                    });
                    people.len() - 1
                });
                let person = &mut people[at];
                if let Some(team) = named.team
                    && !person.teams.iter().any(|t| fold(t) == fold(&team))
                {
                    person.teams.push(team);
                }
                let cards = match field {
                    Field::Owner => &mut person.owner_of,
                    _ => &mut person.leader_of,
                };
                // Cards come in document order; a name twice in one field counts once.
                if cards.last() != Some(&id) {
                    cards.push(id);
                }
            }
        }
    }
    by_name(&mut people, Lang::Nb);
    people
}

/// Sorts people by name for readers of `lang`.
pub fn by_name(people: &mut [Person], lang: Lang) {
    Collator::new(lang).sort_by_name(people, |p| &p.name);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testdata::{card6, document, handbook, seed};

    fn named(name: &str, team: Option<&str>) -> PersonName {
        PersonName {
            name: name.into(),
            team: team.map(Into::into),
        }
    }

    fn id(card: u32) -> CardId {
        CardId { document: 0, card }
    }

    #[test]
    fn seed_has_eight_people_sorted_by_name() {
        let names: Vec<String> = people(&seed()).into_iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "Dan Remi Mørk",
                "Espen Herskedal",
                "Hanne Lauritsen",
                "Hege Nilsen",
                "Roberto Andres Carrera",
                "Snorre Aakerø",
                "Tony Grimstad",
                "Torkel Buarøy",
            ]
        );
    }

    #[test]
    fn hanne_lauritsen_owns_three_cards() {
        let everyone = people(&seed());
        let hanne = everyone
            .iter()
            .find(|p| p.name == "Hanne Lauritsen")
            .unwrap();
        assert_eq!(hanne.owner_of, [id(0), id(1), id(2)]);
        assert!(hanne.leader_of.is_empty());
        assert!(hanne.teams.is_empty());
    }

    #[test]
    fn torkel_buaroy_leads_release_and_produksjonssetting() {
        let everyone = people(&seed());
        let torkel = everyone.iter().find(|p| p.name == "Torkel Buarøy").unwrap();
        assert_eq!(torkel.leader_of, [id(0), id(4)]);
        assert!(torkel.owner_of.is_empty());
    }

    #[test]
    fn espen_herskedal_is_one_person_with_team() {
        let everyone = people(&seed());
        let espen: Vec<&Person> = everyone
            .iter()
            .filter(|p| p.name.contains("Espen"))
            .collect();
        assert_eq!(espen.len(), 1);
        assert_eq!(espen[0].name, "Espen Herskedal");
        assert_eq!(espen[0].teams, ["Tilgangsstyring"]);
        assert_eq!(espen[0].leader_of, [id(8)]);
    }

    #[test]
    fn empty_owner_and_leader_name_nobody() {
        let everyone = people(&seed());
        assert!(everyone.iter().all(|p| !p.name.is_empty()));
        // Cards 5, 6 and 7 are empty: nobody owns or leads them.
        for card in [5, 6, 7] {
            assert!(everyone.iter().all(|p| !p.cards().contains(&id(card))));
        }
        assert!(split_people("").is_empty());
        assert!(split_people("  ,; & og ").is_empty());
    }

    #[test]
    fn several_people_in_one_field_are_split() {
        assert_eq!(
            split_people(
                "Hanne Lauritsen, Tony Grimstad; Hege Nilsen & Dan Remi Mørk og Snorre Aakerø and Eva OG Per"
            ),
            [
                named("Hanne Lauritsen", None),
                named("Tony Grimstad", None),
                named("Hege Nilsen", None),
                named("Dan Remi Mørk", None),
                named("Snorre Aakerø", None),
                named("Eva", None),
                named("Per", None),
            ]
        );
        // A name that merely contains "og" or "and" is not split.
        assert_eq!(
            split_people("Ogla Andersen"),
            [named("Ogla Andersen", None)]
        );
    }

    #[test]
    fn team_is_before_the_last_slash() {
        assert_eq!(
            split_people("Tilgangsstyring/Espen Herskedal"),
            [named("Espen Herskedal", Some("Tilgangsstyring"))]
        );
        assert_eq!(
            split_people(" IT / Drift /  Åse  Øvre , /Per, Team/"),
            [named("Åse Øvre", Some("IT / Drift")), named("Per", None)]
        );
    }

    #[test]
    fn same_person_with_other_spacing_case_or_accents_is_one_person() {
        let handbook = handbook(vec![
            document(
                "a.md",
                vec![
                    card6("A", "Torkel  Buarøy", "", "", "", ""),
                    card6("B", "", "torkel buaroey", "", "", ""),
                ],
            ),
            document(
                "b.md",
                vec![card6(
                    "C",
                    "TORKEL BUARØY, Torkel Buarøy",
                    "Drift/Torkel Buarøy",
                    "",
                    "",
                    "",
                )],
            ),
        ]);
        let everyone = people(&handbook);
        assert_eq!(everyone.len(), 1);
        let torkel = &everyone[0];
        assert_eq!(torkel.name, "Torkel Buarøy");
        assert_eq!(torkel.teams, ["Drift"]);
        let c = |document, card| CardId { document, card };
        assert_eq!(torkel.owner_of, [c(0, 0), c(1, 0)]);
        assert_eq!(torkel.leader_of, [c(0, 1), c(1, 0)]);
        assert_eq!(torkel.cards(), [c(0, 0), c(0, 1), c(1, 0)]);
    }

    #[test]
    fn names_sort_as_in_a_norwegian_dictionary_or_in_the_root_order() {
        let handbook = handbook(vec![document(
            "a.md",
            vec![card6(
                "A",
                "Øystein Berg, Zara Li, Ola Nordmann, Åse Vik",
                "",
                "",
                "",
                "",
            )],
        )]);
        let mut everyone = people(&handbook);
        let names =
            |people: &[Person]| -> Vec<String> { people.iter().map(|p| p.name.clone()).collect() };
        assert_eq!(
            names(&everyone),
            ["Ola Nordmann", "Zara Li", "Øystein Berg", "Åse Vik"]
        );
        by_name(&mut everyone, Lang::En);
        assert_eq!(
            names(&everyone),
            ["Åse Vik", "Ola Nordmann", "Øystein Berg", "Zara Li"]
        );
    }
}
