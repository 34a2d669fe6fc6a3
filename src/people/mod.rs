//! Who owns and leads what, read as real sites write names, and who is in
//! which team.
//!
//! Each owner and leader value is read into names by [`read`] (co-owners
//! `A/B`, `Unit/Name`, `Role Name`, lists); the site's people directory
//! ([`crate::directory`]) adds everyone on its team pages. The same person
//! written with other case, spacing or accents (`Ola Dahl `, `ola dahl`,
//! `Ola  Dahl`; `Buarøy`, `Buaroey`) is one person: people are keyed by the
//! folded name ([`crate::query::fold()`]). The spelling used most is the one
//! shown (the directory's on a tie, then the first seen); every raw spelling
//! is kept. A name that is only the start of a longer one (`Siri Lunde`,
//! `Siri Lunde Berg`) stays another person: nothing is invented, and `check`
//! reports it (rule `person-name`).
//!
//! [`people`] sorts by name as a Norwegian dictionary does (Æ, Ø, Å after Z;
//! `Hanne` before `Håkon`); [`by_name`] and [`People::sort_by_name`] sort for
//! readers of another language ([`crate::collate`]).

pub mod read;

pub use read::{Because, How, Unit};

use crate::collate::Collator;
use crate::directory::{Directory, Membership};
use crate::i18n::Lang;
use crate::model::{CardId, Field, Handbook};
use crate::query::fold;
use read::{NameRead, normalise};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

/// One person: named as owner or leader on a card, or in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The spelling used most, whitespace made single.
    pub name: String,
    /// The teams the person is in: the directory's, then the team pages
    /// named as units on cards (`Plattform/Ola Dahl`), each once.
    pub teams: Vec<String>,
    /// What cards write with the name that is not a team: units
    /// (`Porteføljekontoret`) and roles (`Markedssjef`), each once.
    pub qualifiers: Vec<String>,
    /// Where the directory lists the person.
    pub memberships: Vec<Membership>,
    /// Every spelling seen, exactly as written, each once, first seen first.
    pub spellings: Vec<String>,
    pub owner_of: Vec<CardId>,
    pub leader_of: Vec<CardId>,
    /// Every owner or leader value the person was read from, how, and on
    /// which cards: one entry per field and value, in the order first seen.
    pub readings: Vec<Reading>,
}

/// One owner or leader value a person was read from, and the cards that
/// write it in that field. A catalogue repeats a few hundred values on a
/// hundred thousand cards: each is one reading, its text shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// [`Field::Owner`] or [`Field::Leader`].
    pub field: Field,
    /// The whole value, exactly as written.
    pub value: Arc<str>,
    /// The person's name in it, as written.
    pub spelling: Arc<str>,
    pub how: Arc<How>,
    /// The cards, in document order.
    pub cards: Vec<CardId>,
}

impl Person {
    /// The key people are told apart by: the folded name.
    pub fn key(&self) -> String {
        person_key(&self.name)
    }

    /// Each team with the person's roles in it, as the directory writes
    /// them; a role that only starts another (`Teamleder` beside `Teamleder,
    /// Oslo`) is left out. A team known only from a card has no role.
    pub fn team_roles(&self) -> Vec<(&str, Vec<&str>)> {
        self.teams
            .iter()
            .map(|team| {
                let roles: Vec<&str> = self
                    .memberships
                    .iter()
                    .filter(|m| fold(&m.team) == fold(team))
                    .map(|m| m.role.trim())
                    .filter(|r| !r.is_empty())
                    .collect();
                let mut kept: Vec<&str> = Vec::new();
                for role in &roles {
                    let longer = roles.iter().any(|other| {
                        other.len() > role.len()
                            && other.starts_with(role)
                            && other[role.len()..].starts_with(',')
                    });
                    if !longer && !kept.contains(role) {
                        kept.push(role);
                    }
                }
                (team.as_str(), kept)
            })
            .collect()
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

/// The key a name is told apart by: each word folded, joined by one space
/// (so the key of a run of words is a run of the keys' words).
pub fn person_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        crate::query::fold_into(word, &mut key);
    }
    key
}

/// The names one owner or leader value holds, whitespace made single, read
/// without knowing the site (no role is split off a name): for checks that
/// look at each value alone.
pub fn names_in(value: &str) -> Vec<String> {
    read::read_value(value, &Known::default())
        .into_iter()
        .map(|r| normalise(&r.spelling))
        .collect()
}

/// Each person once, sorted by name for Norwegian readers.
pub fn people(handbook: &Handbook) -> Vec<Person> {
    People::new(handbook).persons
}

/// Sorts people by name for readers of `lang`.
pub fn by_name(people: &mut [Person], lang: Lang) {
    Collator::new(lang).sort_by_name(people, |p| &p.name);
}

/// Everyone, the directory they were read with, and who owns or leads each card.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Sorted by name for Norwegian readers ([`People::sort_by_name`]).
    pub persons: Vec<Person>,
    pub directory: Directory,
    /// The people owning or leading each card (indexes into `persons`).
    by_card: HashMap<CardId, Vec<usize>>,
    /// The language `persons` is sorted for.
    sorted_for: Option<Lang>,
}

impl People {
    pub fn new(handbook: &Handbook) -> People {
        People::with_directory(handbook, Directory::new(handbook))
    }

    pub fn with_directory(handbook: &Handbook, directory: Directory) -> People {
        let known = Known::new(handbook, &directory);
        let mut groups = Groups::default();
        // Places in page order: a team page's memberships come where the page is.
        let memberships: Vec<(u32, &Membership)> = directory
            .teams
            .iter()
            .flat_map(|t| t.members.iter().map(move |m| (t.document, m)))
            .collect();
        let mut next = 0;
        // Each distinct value is read once: the people it names (as the
        // group each belongs to) and how.
        let mut read: HashMap<String, Rc<ValueRead>> = HashMap::new();
        for (id, card) in handbook.cards() {
            while let Some(&(document, m)) = memberships.get(next)
                && document <= id.document
            {
                if let Some(g) = groups.of(&m.name) {
                    g.add_membership(m);
                }
                next += 1;
            }
            for field in [Field::Owner, Field::Leader] {
                let value = card.text(field);
                if value.trim().is_empty() {
                    continue;
                }
                let value_read = match read.get(value.as_ref()) {
                    Some(done) => Rc::clone(done),
                    None => {
                        let names = read::read_value(&value, &known)
                            .into_iter()
                            .filter_map(|NameRead { spelling, how }| {
                                let group = groups.index_of(&spelling)?;
                                Some((group, Arc::from(spelling), Arc::new(how)))
                            })
                            .collect();
                        let done = Rc::new(ValueRead {
                            value: Arc::from(value.as_ref()),
                            names,
                        });
                        read.insert(value.clone().into_owned(), Rc::clone(&done));
                        done
                    }
                };
                for (i, (group, spelling, how)) in value_read.names.iter().enumerate() {
                    // The reading is known by its field, value and place in it.
                    let key = (field, Rc::as_ptr(&value_read) as usize, i);
                    groups.list[*group].add_reading(key, id, || Reading {
                        field,
                        value: Arc::clone(&value_read.value),
                        spelling: Arc::clone(spelling),
                        how: Arc::clone(how),
                        cards: Vec::new(),
                    });
                }
            }
        }
        for &(_, m) in &memberships[next..] {
            if let Some(g) = groups.of(&m.name) {
                g.add_membership(m);
            }
        }
        let persons: Vec<Person> = groups.list.into_iter().map(Group::into_person).collect();
        let mut people = People {
            persons,
            directory,
            by_card: HashMap::new(),
            sorted_for: None,
        };
        people.sort_by_name(Lang::Nb);
        people
    }

    /// Sorts the people by name for readers of `lang`.
    pub fn sort_by_name(&mut self, lang: Lang) {
        if self.sorted_for == Some(lang) {
            return;
        }
        self.sorted_for = Some(lang);
        by_name(&mut self.persons, lang);
        self.by_card.clear();
        for (i, person) in self.persons.iter().enumerate() {
            for card in person.cards() {
                self.by_card.entry(card).or_default().push(i);
            }
        }
    }

    /// The person called `name` (compared folded), if any.
    pub fn find(&self, name: &str) -> Option<&Person> {
        let key = person_key(name);
        self.persons.iter().find(|p| p.key() == key)
    }

    /// The people who own or lead `card`, in name order.
    pub fn of_card(&self, card: CardId) -> impl Iterator<Item = &Person> {
        self.by_card
            .get(&card)
            .into_iter()
            .flatten()
            .map(|&i| &self.persons[i])
    }

    /// The teams of the people who own or lead `card`, each once.
    pub fn teams_of_card(&self, card: CardId) -> Vec<&str> {
        let mut teams: Vec<&str> = Vec::new();
        for person in self.of_card(card) {
            for team in &person.teams {
                if !teams.contains(&team.as_str()) {
                    teams.push(team);
                }
            }
        }
        teams
    }
}

/// One distinct owner or leader value, read: the people it names (their
/// group) with their spelling and how each was read.
struct ValueRead {
    value: Arc<str>,
    names: Vec<(usize, Arc<str>, Arc<How>)>,
}

/// People being gathered, by key.
#[derive(Default)]
struct Groups {
    list: Vec<Group>,
    by_key: HashMap<String, usize>,
}

impl Groups {
    /// The group of the person `spelling` names; `None` for no name.
    fn of(&mut self, spelling: &str) -> Option<&mut Group> {
        let at = self.index_of(spelling)?;
        Some(&mut self.list[at])
    }

    /// [`Groups::of`], as an index into `list`.
    fn index_of(&mut self, spelling: &str) -> Option<usize> {
        let key = person_key(spelling);
        if key.is_empty() {
            return None;
        }
        let list = &mut self.list;
        Some(*self.by_key.entry(key).or_insert_with(|| {
            list.push(Group::default());
            list.len() - 1
        }))
    }
}

/// One person's places while they are gathered.
#[derive(Default)]
struct Group {
    readings: Vec<Reading>,
    /// Where each reading is in `readings`, by field, value and place in it.
    reading_at: HashMap<(Field, usize, usize), usize>,
    memberships: Vec<Membership>,
    /// Each distinct spelling in the order first seen (page order): how
    /// often it is written, and whether the directory writes it.
    seen: Vec<(Arc<str>, usize, bool)>,
}

impl Group {
    fn saw(&mut self, spelling: &Arc<str>, in_directory: bool) {
        // A person has few spellings: a scan is cheapest.
        match self.seen.iter_mut().find(|(s, _, _)| s == spelling) {
            Some((_, n, d)) => {
                *n += 1;
                *d |= in_directory;
            }
            None => self.seen.push((Arc::clone(spelling), 1, in_directory)),
        }
    }

    /// One more card for a reading, made by `reading` when it is new.
    fn add_reading(
        &mut self,
        key: (Field, usize, usize),
        card: CardId,
        reading: impl FnOnce() -> Reading,
    ) {
        let at = match self.reading_at.get(&key) {
            Some(&at) => at,
            None => {
                self.readings.push(reading());
                self.reading_at.insert(key, self.readings.len() - 1);
                self.readings.len() - 1
            }
        };
        let spelling = Arc::clone(&self.readings[at].spelling);
        self.saw(&spelling, false);
        let cards = &mut self.readings[at].cards;
        // Cards come in document order; a name twice in one field counts once.
        if cards.last() != Some(&card) {
            cards.push(card);
        }
    }

    fn add_membership(&mut self, membership: &Membership) {
        self.saw(&Arc::from(membership.name.as_str()), true);
        self.memberships.push(membership.clone());
    }

    fn into_person(self) -> Person {
        let name = most_used(&self.seen);
        let spellings: Vec<String> = self.seen.iter().map(|(s, _, _)| s.to_string()).collect();
        let mut teams: Vec<String> = Vec::new();
        let mut qualifiers: Vec<String> = Vec::new();
        let push = |list: &mut Vec<String>, text: &str| {
            if !list.iter().any(|t| fold(t) == fold(text)) {
                list.push(text.to_owned());
            }
        };
        for m in &self.memberships {
            push(&mut teams, &m.team);
        }
        for r in &self.readings {
            match r.how.as_ref() {
                How::Unit { units } => {
                    for unit in units {
                        match &unit.team {
                            Some(team) => push(&mut teams, team),
                            None => push(&mut qualifiers, &unit.text),
                        }
                    }
                }
                How::Role { role, .. } => push(&mut qualifiers, role),
                _ => {}
            }
        }
        let cards_of = |field: Field| {
            let mut cards: Vec<CardId> = self
                .readings
                .iter()
                .filter(|r| r.field == field)
                .flat_map(|r| r.cards.iter().copied())
                .collect();
            cards.sort_unstable();
            cards.dedup();
            cards
        };
        let owner_of = cards_of(Field::Owner);
        let leader_of = cards_of(Field::Leader);
        Person {
            name,
            teams,
            qualifiers,
            memberships: self.memberships,
            spellings,
            owner_of,
            leader_of,
            readings: self.readings,
        }
    }
}

/// The spelling (whitespace made single) written most often; on a tie the
/// directory's, then the one seen first. `seen`: each raw spelling in the
/// order first seen, how often, and whether the directory writes it.
fn most_used(seen: &[(Arc<str>, usize, bool)]) -> String {
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    for (spelling, times, in_directory) in seen {
        let spelling = normalise(spelling);
        match counts.iter_mut().find(|(s, _, _)| *s == spelling) {
            Some((_, n, d)) => {
                *n += times;
                *d |= in_directory;
            }
            None => counts.push((spelling, *times, *in_directory)),
        }
    }
    // `max_by_key` keeps the last of equals: go through them backwards.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, n, d)| (*n, *d))
        .map(|(s, _, _)| s)
        .unwrap_or_default()
}

/// What the site knows, for reading names: the directory's names and roles,
/// the names written alone on cards, and the team pages' titles.
#[derive(Debug, Default)]
pub struct Known {
    directory: HashSet<String>,
    cards: HashSet<String>,
    roles: HashSet<String>,
    teams: HashMap<String, String>,
}

impl Known {
    pub fn new(handbook: &Handbook, directory: &Directory) -> Known {
        let mut known = Known::default();
        for m in directory.memberships() {
            known.directory.insert(person_key(&m.name));
        }
        for role in directory.roles() {
            known.roles.insert(person_key(role));
        }
        for team in &directory.teams {
            known
                .teams
                .insert(person_key(&team.title), team.title.clone());
        }
        let mut seen: HashSet<String> = HashSet::new();
        for (_, card) in handbook.cards() {
            for field in [Field::Owner, Field::Leader] {
                let value = card.text(field);
                // A catalogue repeats its values: each is looked at once.
                if value.trim().is_empty() || seen.contains(value.as_ref()) {
                    continue;
                }
                seen.insert(value.clone().into_owned());
                for part in value.split([',', ';', '&']) {
                    let part = normalise(part);
                    // One word is more often a unit than a person.
                    if !part.contains('/') && part.contains(' ') {
                        known.cards.insert(person_key(&part));
                    }
                }
            }
        }
        known
    }

    #[cfg(test)]
    pub(crate) fn for_tests(
        directory: &[&str],
        cards: &[&str],
        roles: &[&str],
        teams: &[&str],
    ) -> Known {
        let keys = |names: &[&str]| names.iter().map(|n| person_key(n)).collect();
        Known {
            directory: keys(directory),
            cards: keys(cards),
            roles: keys(roles),
            teams: teams
                .iter()
                .map(|t| (person_key(t), (*t).to_owned()))
                .collect(),
        }
    }

    pub fn in_directory(&self, name: &str) -> bool {
        self.directory.contains(&person_key(name))
    }

    /// [`Known::in_directory`], for a key already made ([`person_key`]).
    pub fn directory_has(&self, key: &str) -> bool {
        self.directory.contains(key)
    }

    /// Whether a name with this key is written alone on a card.
    pub fn cards_have(&self, key: &str) -> bool {
        self.cards.contains(key)
    }

    /// Whether a role with this key is in the directory.
    pub fn role_has(&self, key: &str) -> bool {
        self.roles.contains(key)
    }

    pub fn on_card(&self, name: &str) -> bool {
        self.cards.contains(&person_key(name))
    }

    pub fn is_name(&self, name: &str) -> bool {
        self.in_directory(name) || self.on_card(name)
    }

    pub fn is_role(&self, role: &str) -> bool {
        self.roles.contains(&person_key(role))
    }

    /// The title of the team page `text` names, if any.
    pub fn team_titled(&self, text: &str) -> Option<&str> {
        self.teams.get(&person_key(text)).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testdata::{card6, document, handbook, seed};

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
    fn espen_herskedal_is_one_person_with_his_unit_as_a_qualifier() {
        let everyone = people(&seed());
        let espen: Vec<&Person> = everyone
            .iter()
            .filter(|p| p.name.contains("Espen"))
            .collect();
        assert_eq!(espen.len(), 1);
        assert_eq!(espen[0].name, "Espen Herskedal");
        // The seed has no team pages: the unit is not a team.
        assert!(espen[0].teams.is_empty());
        assert_eq!(espen[0].qualifiers, ["Tilgangsstyring"]);
        assert_eq!(espen[0].leader_of, [id(8)]);
        assert_eq!(
            &*espen[0].readings[0].value,
            "Tilgangsstyring/Espen Herskedal"
        );
    }

    #[test]
    fn empty_owner_and_leader_name_nobody() {
        let everyone = people(&seed());
        assert!(everyone.iter().all(|p| !p.name.is_empty()));
        // Cards 5, 6 and 7 are empty: nobody owns or leads them.
        for card in [5, 6, 7] {
            assert!(everyone.iter().all(|p| !p.cards().contains(&id(card))));
        }
    }

    #[test]
    fn same_person_with_other_spacing_case_or_accents_is_one_person_shown_as_written_most() {
        let handbook = handbook(vec![
            document(
                "a.md",
                vec![
                    card6("A", "torkel  buarøy", "", "", "", ""),
                    card6("B", "", "Torkel Buaroey", "", "", ""),
                ],
            ),
            document(
                "b.md",
                vec![card6(
                    "C",
                    "TORKEL BUARØY, Torkel Buarøy ",
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
        assert_eq!(
            torkel.spellings,
            [
                "torkel  buarøy",
                "Torkel Buaroey",
                "TORKEL BUARØY",
                "Torkel Buarøy ",
                "Torkel Buarøy"
            ]
        );
        assert_eq!(torkel.qualifiers, ["Drift"]);
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

    #[test]
    fn the_most_used_spelling_wins_and_a_tie_goes_to_the_directory() {
        let seen = |list: &[(&str, usize, bool)]| -> Vec<(Arc<str>, usize, bool)> {
            list.iter().map(|&(s, n, d)| (Arc::from(s), n, d)).collect()
        };
        assert_eq!(
            most_used(&seen(&[
                ("ola dahl", 1, false),
                ("Ola Dahl ", 1, false),
                ("Ola  Dahl", 1, false)
            ])),
            "Ola Dahl"
        );
        assert_eq!(
            most_used(&seen(&[("a b", 1, false), ("A B", 1, true)])),
            "A B"
        );
        assert_eq!(
            most_used(&seen(&[("a b", 1, false), ("A B", 1, false)])),
            "a b"
        );
    }
}
