//! Who used to own or lead which card: read from a history, for the people
//! view ("Tidligere prosesseier for").

use super::{Change, Commit, History, Kind};
use crate::model::Field;
use crate::people::{names_in, person_key};
use std::collections::HashMap;
use std::sync::Arc;

/// A card a person owned or led in some version and no longer does.
#[derive(Debug, Clone, PartialEq)]
pub struct FormerRole {
    /// The person's folded name: [`crate::people::Person::key`].
    pub person: String,
    /// [`Field::Owner`] or [`Field::Leader`].
    pub field: Field,
    /// The card's title when they last held the role.
    pub card: String,
    /// Its file's path then.
    pub path: String,
    /// The commit that took the role away (changed the field, or removed
    /// the card).
    pub until: Arc<Commit>,
}

/// A card as the walk has seen it so far: its title, path and who holds each role.
#[derive(Default)]
struct Holders {
    title: String,
    path: String,
    owner: Vec<String>,
    leader: Vec<String>,
}

impl Holders {
    fn holds(&self, field: Field, person: &str) -> bool {
        let holders = match field {
            Field::Owner => &self.owner,
            _ => &self.leader,
        };
        holders.iter().any(|p| p == person)
    }

    fn of(&mut self, field: Field) -> &mut Vec<String> {
        match field {
            Field::Owner => &mut self.owner,
            _ => &mut self.leader,
        }
    }
}

/// Every role someone held and lost, newest loss first; a role held again
/// since (or still) is not a former one. Each (person, role, card) once, at
/// its latest loss.
pub fn former_roles(history: &History) -> Vec<FormerRole> {
    let mut cards: HashMap<u32, Holders> = HashMap::new();
    let mut lost: HashMap<(String, Field, u32), FormerRole> = HashMap::new();
    // Oldest first: each change applied to the card as it was.
    for change in history.changes.iter().rev() {
        let Some(lineage) = change.lineage else {
            continue;
        };
        let card = cards.entry(lineage).or_default();
        if let Some(title) = &change.card {
            card.title.clone_from(title);
        }
        card.path.clone_from(&change.path);
        match change.kind {
            Kind::Added => {
                if let Some(at) = &change.card_at {
                    for field in [Field::Owner, Field::Leader] {
                        *card.of(field) = keys(&at.card().text(field));
                    }
                }
            }
            Kind::Changed => {
                let Some(field) = change.field.as_deref().and_then(Field::from_key) else {
                    continue;
                };
                if !matches!(field, Field::Owner | Field::Leader) {
                    continue;
                }
                let now = keys(&change.new.as_ref().map_or(String::new(), |v| v.to_string()));
                let before = std::mem::replace(card.of(field), now.clone());
                for person in before.into_iter().filter(|p| !now.contains(p)) {
                    lose(&mut lost, card, change, person, field, lineage);
                }
            }
            Kind::Removed => {
                for field in [Field::Owner, Field::Leader] {
                    for person in std::mem::take(card.of(field)) {
                        lose(&mut lost, card, change, person, field, lineage);
                    }
                }
            }
            Kind::Renamed | Kind::Broken | Kind::Mended => {}
        }
    }
    let mut former: Vec<FormerRole> = lost
        .into_iter()
        .filter(|((person, field, lineage), _)| {
            !cards.get(lineage).is_some_and(|h| h.holds(*field, person))
        })
        .map(|(_, role)| role)
        .collect();
    // Newest loss first, as the history reads; then by card, for a stable order.
    former.sort_by(|a, b| {
        b.until
            .date
            .cmp(&a.until.date)
            .then_with(|| a.card.cmp(&b.card))
            .then_with(|| (a.field as u8).cmp(&(b.field as u8)))
    });
    former
}

fn lose(
    lost: &mut HashMap<(String, Field, u32), FormerRole>,
    card: &Holders,
    change: &Change,
    person: String,
    field: Field,
    lineage: u32,
) {
    let role = FormerRole {
        person: person.clone(),
        field,
        card: card.title.clone(),
        path: card.path.clone(),
        until: change.commit.clone(),
    };
    // Oldest first: a later loss of the same role replaces an earlier one.
    lost.insert((person, field, lineage), role);
}

/// The people a field names, by their folded names (read without the
/// site's directory: an old version's value is read as written).
fn keys(value: &str) -> Vec<String> {
    names_in(value)
        .iter()
        .map(|name| person_key(name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{CardAt, Change};
    use crate::model::{Card, Document, Value};

    fn commit(n: u32) -> Arc<Commit> {
        Arc::new(Commit {
            id: format!("{n:040}"),
            date: format!("2024-01-{n:02}T00:00:00+01:00"),
            author: "Kari".into(),
            subject: format!("c{n}"),
        })
    }

    fn change(
        n: u32,
        kind: Kind,
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Change {
        let s = |v: Option<&str>| v.map(|v| Value::String(v.into()));
        Change {
            commit: commit(n),
            path: "a.md".into(),
            card: Some("Release".into()),
            kind,
            field: field.map(str::to_owned),
            old: s(old),
            new: s(new),
            diagnostic: None,
            card_at: None,
            lineage: Some(1),
        }
    }

    fn added(n: u32, owner: &str, leader: &str) -> Change {
        let card = Card::named(
            1,
            1,
            [
                ("title", Value::String("Release".into())),
                ("owner", Value::String(owner.into())),
                ("leader", Value::String(leader.into())),
            ],
        );
        let document = Document {
            path: "a.md".into(),
            file: None,
            front_matter: Default::default(),
            cards: vec![card],
            members: Vec::new(),
            publication: crate::model::Publication::Published,
        };
        Change {
            card_at: Some(CardAt {
                document: Arc::new(document),
                index: 0,
            }),
            ..change(n, Kind::Added, None, None, None)
        }
    }

    fn history(mut changes: Vec<Change>) -> History {
        changes.reverse();
        History {
            work_tree: "/".into(),
            changes,
            latest: Vec::new(),
        }
    }

    /// Who lost which role, in which commit (by its subject).
    fn shown(former: &[FormerRole]) -> Vec<(&str, Field, &str)> {
        former
            .iter()
            .map(|r| (r.person.as_str(), r.field, r.until.subject.as_str()))
            .collect()
    }

    #[test]
    fn an_owner_replaced_and_a_leader_removed_are_former_roles() {
        let h = history(vec![
            added(1, "Hanne Lauritsen", "Torkel Buarøy og Tony Grimstad"),
            change(
                2,
                Kind::Changed,
                Some("owner"),
                Some("Hanne Lauritsen"),
                Some("Kari Nordmann"),
            ),
            change(
                3,
                Kind::Changed,
                Some("leader"),
                Some("Torkel Buarøy og Tony Grimstad"),
                Some("Tony Grimstad"),
            ),
        ]);
        let former = former_roles(&h);
        let shown = shown(&former);
        assert_eq!(
            shown,
            [
                ("torkel buaroy", Field::Leader, "c3"),
                ("hanne lauritsen", Field::Owner, "c2")
            ]
        );
    }

    #[test]
    fn a_role_held_again_is_not_former_and_a_removed_card_takes_its_roles_away() {
        let h = history(vec![
            added(1, "Hanne", "Tony"),
            change(2, Kind::Changed, Some("owner"), Some("Hanne"), None),
            change(3, Kind::Changed, Some("owner"), None, Some("Hanne")),
            change(4, Kind::Removed, None, None, None),
        ]);
        let former = former_roles(&h);
        let shown = shown(&former);
        // Hanne lost the owner role twice; the latest loss counts.
        assert_eq!(
            shown,
            [("hanne", Field::Owner, "c4"), ("tony", Field::Leader, "c4")]
        );
    }

    #[test]
    fn an_owner_who_still_owns_the_card_has_no_former_role() {
        let h = history(vec![
            added(1, "Hanne", ""),
            change(
                2,
                Kind::Changed,
                Some("owner"),
                Some("Hanne"),
                Some("Hanne og Kari"),
            ),
        ]);
        assert!(former_roles(&h).is_empty());
    }
}
