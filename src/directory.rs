//! The site's own people directory: who is in which team, with which role.
//!
//! A **team page** is a page that holds directory entries: shortcode calls
//! with `name` and `role` params that are not cards
//! (`{{< team/github-profile name="Ola Dahl" role="Teamleder, Oslo" >}}`,
//! usually inside `team/members`). Each entry makes the person a member of
//! the team named by the page's title, with that role. On a team page, front
//! matter `navigation_link: {title: ROLE, subtitle: NAME}` is one more
//! membership (the page's own headline person). Other pages' navigation
//! links are not read as memberships: a section page's `title`/`subtitle`
//! are headings.

use crate::model::{Document, Handbook};
use crate::query::fold;

/// Every team page of a handbook, in page order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    pub teams: Vec<Team>,
}

/// One team page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// The page's title (its path when it has none).
    pub title: String,
    pub path: String,
    /// Index of the page in [`Handbook::documents`].
    pub document: u32,
    pub members: Vec<Membership>,
}

/// One person in one team, as one place on a team page says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    /// The team page's title.
    pub team: String,
    /// The name exactly as written.
    pub name: String,
    /// The role exactly as written (`Teamleder, Oslo`).
    pub role: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub source: Source,
}

/// Where on a team page a membership is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A directory entry: the shortcode that carried it.
    Entry { shortcode: String },
    /// Front matter `navigation_link.title` / `subtitle`.
    Navigation,
}

impl Directory {
    pub fn new(handbook: &Handbook) -> Directory {
        let teams = handbook
            .documents
            .iter()
            .enumerate()
            .filter_map(|(i, doc)| team(i as u32, doc))
            .collect();
        Directory { teams }
    }

    /// True when the site has no team page: then nobody can be missing from it.
    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
    }

    /// Every membership, team by team.
    pub fn memberships(&self) -> impl Iterator<Item = &Membership> {
        self.teams.iter().flat_map(|t| &t.members)
    }

    /// The team whose title is `text`, ignoring case, spacing and accents.
    pub fn team_titled(&self, text: &str) -> Option<&Team> {
        let key = fold(text.trim());
        self.teams.iter().find(|t| fold(t.title.trim()) == key)
    }

    /// The roles people have in the directory: each entry's role up to its
    /// first comma (`Teamleder, Oslo` is `Teamleder`), and each navigation
    /// title.
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.memberships()
            .map(|m| m.role.split(',').next().unwrap_or("").trim())
            .filter(|r| !r.is_empty())
    }
}

fn team(index: u32, doc: &Document) -> Option<Team> {
    if doc.members.is_empty() {
        return None;
    }
    let title = doc
        .title()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| doc.path.clone());
    let membership = |name: &str, role: &str, line, column, source| Membership {
        team: title.clone(),
        name: name.to_owned(),
        role: role.to_owned(),
        path: doc.path.clone(),
        line,
        column,
        source,
    };
    let mut members: Vec<Membership> = Vec::new();
    if let Some((role, name)) = navigation_person(doc) {
        let (line, column) = front_matter_position(doc, "subtitle");
        members.push(membership(&name, &role, line, column, Source::Navigation));
    }
    for m in &doc.members {
        if m.name.trim().is_empty() {
            continue;
        }
        members.push(membership(
            &m.name,
            &m.role,
            m.line,
            m.column,
            Source::Entry {
                shortcode: m.shortcode.clone(),
            },
        ));
    }
    members.sort_by_key(|m| (m.line, m.column));
    Some(Team {
        title,
        path: doc.path.clone(),
        document: index,
        members,
    })
}

/// `navigation_link: {title: ROLE, subtitle: NAME}`, keys in any case, both
/// strings, the name not empty.
fn navigation_person(doc: &Document) -> Option<(String, String)> {
    let link = doc.front_matter.get("navigation_link")?;
    let link = link.as_object()?;
    let get = |key: &str| {
        link.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .and_then(|(_, v)| v.as_str())
    };
    let name = get("subtitle").filter(|n| !n.trim().is_empty())?;
    Some((get("title").unwrap_or("").to_owned(), name.to_owned()))
}

/// Where `navigation_link.<key>` is written; the start of the file when the
/// parser could not tell (JSON front matter).
fn front_matter_position(doc: &Document, key: &str) -> (u32, u32) {
    doc.front_matter
        .key_lines()
        .iter()
        .rev()
        .find(|k| {
            k.path.split_once('.').is_some_and(|(a, b)| {
                a.eq_ignore_ascii_case("navigation_link") && b.eq_ignore_ascii_case(key)
            })
        })
        .map_or((1, 1), |k| (k.value_line, k.value_column))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source as FileSource, load_sources};

    fn load(files: &[(&str, &str)]) -> Handbook {
        load_sources(
            files
                .iter()
                .map(|(path, text)| FileSource {
                    path: (*path).to_owned(),
                    file: None,
                    bytes: text.as_bytes().to_vec(),
                })
                .collect(),
        )
    }

    #[test]
    fn entries_and_the_navigation_person_are_memberships_of_the_page_title() {
        let handbook = load(&[(
            "team/plattform.md",
            "---\ntitle: Plattform\nnavigation_link:\n  title: Teamleder\n  subtitle: Ola Dahl\n---\n\
             {{< team/members >}}\n  {{< team/github-profile name=\"Ola Dahl\" role=\"Teamleder, Oslo\" >}}\n\
             {{< team/github-profile url=\"\" name=\"Tove Hagen \" role=\"Brukerstøtte\" >}}\n{{< /team/members >}}\n",
        )]);
        let directory = Directory::new(&handbook);
        let found: Vec<(&str, &str, &str, u32, u32, &Source)> = directory
            .memberships()
            .map(|m| {
                (
                    m.team.as_str(),
                    m.name.as_str(),
                    m.role.as_str(),
                    m.line,
                    m.column,
                    &m.source,
                )
            })
            .collect();
        let entry = Source::Entry {
            shortcode: "team/github-profile".into(),
        };
        assert_eq!(
            found,
            [
                (
                    "Plattform",
                    "Ola Dahl",
                    "Teamleder",
                    5,
                    13,
                    &Source::Navigation
                ),
                ("Plattform", "Ola Dahl", "Teamleder, Oslo", 8, 3, &entry),
                ("Plattform", "Tove Hagen ", "Brukerstøtte", 9, 1, &entry),
            ]
        );
        assert_eq!(
            directory.roles().collect::<Vec<_>>(),
            ["Teamleder", "Teamleder", "Brukerstøtte"]
        );
        assert_eq!(
            directory.team_titled(" plattform").unwrap().path,
            "team/plattform.md"
        );
    }

    #[test]
    fn a_page_without_entries_is_no_team_even_with_a_navigation_subtitle() {
        let handbook = load(&[(
            "om.md",
            "---\ntitle: Om oss\nnavigation_link:\n  title: Velkommen\n  subtitle: Les mer\n---\n",
        )]);
        assert!(Directory::new(&handbook).is_empty());
    }
}
