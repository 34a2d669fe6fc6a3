//! From the log to the entries: every version read and parsed once, then the
//! commits compared oldest first, each file's new version with the last good
//! version before it.

use super::diff::{field_changes, pair_cards};
use super::git::{Blob, Git};
use super::log::{Logged, Side};
use super::{CardAt, Change, HistoryError, Kind};
use crate::model::{Diagnostic, Document, Rule, Severity, Value};
use crate::parse::{limits, parse_document};
use crate::query::Query;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// One version of a file, parsed.
pub enum Version {
    Good(Arc<Document>),
    /// Hugo would reject it (or we could not read all of it): the first error.
    Broken(Diagnostic),
}

/// Reads every blob the commits name, once, and parses each on all cores.
pub fn read_versions(
    git: &Git,
    commits: &[Logged],
) -> Result<HashMap<String, Version>, HistoryError> {
    let mut wanted: Vec<(&str, &str)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let sides = commits
        .iter()
        .rev()
        .flat_map(|c| &c.files)
        .flat_map(|f| [&f.old, &f.new])
        .flatten();
    for side in sides {
        if seen.insert(&side.blob) {
            wanted.push((&side.blob, &side.path));
        }
    }
    let ids: Vec<&str> = wanted.iter().map(|(id, _)| *id).collect();
    let blobs = git.blobs(&ids, limits::MAX_FILE_BYTES)?;
    let items: Vec<(&str, Blob)> = wanted.iter().map(|(_, path)| *path).zip(blobs).collect();
    let versions = crate::parallel::map(&items, crate::parallel::cores(), |(path, blob)| {
        parse_version(path, blob)
    });
    Ok(ids.into_iter().map(str::to_owned).zip(versions).collect())
}

fn parse_version(path: &str, blob: &Blob) -> Version {
    match blob {
        Blob::Bytes(bytes) => {
            let (document, diagnostics) = parse_document(path, bytes);
            let first_error = diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .min_by_key(|d| (d.line, d.column));
            match (document, first_error) {
                (Some(document), None) => Version::Good(Arc::new(document)),
                (_, Some(error)) => Version::Broken(error),
                (None, None) => Version::Broken(Diagnostic::error(
                    path,
                    1,
                    1,
                    Rule::Binary,
                    "not a text file",
                )),
            }
        }
        Blob::TooLarge(size) => Version::Broken(Diagnostic::error(
            path,
            1,
            1,
            Rule::Limit,
            format!(
                "this version is {size} bytes, larger than the limit of {} MiB; not read",
                limits::MAX_FILE_BYTES / (1024 * 1024)
            ),
        )),
        Blob::Missing => Version::Broken(Diagnostic::error(
            path,
            1,
            1,
            Rule::Io,
            "git does not have this version of the file (a shallow or partial clone?)",
        )),
    }
}

/// A file's cards as the last good version held them, and which card each is.
#[derive(Clone, Default)]
struct State {
    document: Option<Arc<Document>>,
    lineages: Arc<[u32]>,
}

/// What an entry is kept for when a query limits the history.
enum About {
    Card(u32),
    /// A file entry: the cards of the document it is about.
    File(Arc<[u32]>),
}

struct Walk<'a> {
    versions: &'a HashMap<String, Version>,
    query: Option<&'a Query>,
    /// The state after each version, by (path, blob).
    states: HashMap<(&'a str, &'a str), State>,
    next_lineage: u32,
    matched: HashSet<u32>,
}

/// The entries, newest first, and the cards of each file's newest version.
pub fn compare(
    commits: &[Logged],
    versions: &HashMap<String, Version>,
    query: Option<&Query>,
) -> (Vec<Change>, Vec<(String, String, u32)>) {
    let mut walk = Walk {
        versions,
        query,
        states: HashMap::new(),
        next_lineage: 0,
        matched: HashSet::new(),
    };
    let mut per_commit: Vec<Vec<(About, Change)>> = Vec::with_capacity(commits.len());
    // Each file's state after its newest version, under its newest name.
    let mut latest: HashMap<&str, State> = HashMap::new();
    for logged in commits.iter().rev() {
        let mut entries = Vec::new();
        for file in &logged.files {
            let state = walk.file(logged, file.old.as_ref(), file.new.as_ref(), &mut entries);
            if let Some(old) = &file.old {
                latest.remove(old.path.as_str());
            }
            if let Some(new) = &file.new {
                latest.insert(&new.path, state);
            }
        }
        per_commit.push(entries);
    }
    per_commit.reverse();
    let keep = |about: &About| match (query, about) {
        (None, _) => true,
        (Some(_), About::Card(lineage)) => walk.matched.contains(lineage),
        (Some(_), About::File(cards)) => cards.iter().any(|l| walk.matched.contains(l)),
    };
    let changes = per_commit
        .into_iter()
        .flatten()
        .filter(|(about, _)| keep(about))
        .map(|(_, change)| change)
        .collect();
    let mut files: Vec<(&str, State)> = latest.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut cards = Vec::new();
    for (path, state) in files {
        let Some(document) = &state.document else {
            continue;
        };
        for (card, lineage) in document.cards.iter().zip(state.lineages.iter()) {
            cards.push((path.to_owned(), card.title().into_owned(), *lineage));
        }
    }
    (changes, cards)
}

impl<'a> Walk<'a> {
    /// One file's change in one commit: its entries, and its state after.
    fn file(
        &mut self,
        logged: &Logged,
        old: Option<&'a Side>,
        new: Option<&'a Side>,
        entries: &mut Vec<(About, Change)>,
    ) -> State {
        let base = old.map(|side| self.state_of(side)).unwrap_or_default();
        let was_broken = old
            .is_some_and(|side| matches!(self.versions.get(&side.blob), Some(Version::Broken(_))));
        let Some(path) = new.or(old).map(|side| side.path.clone()) else {
            return base;
        };
        let entry = |kind: Kind| Change {
            commit: logged.commit.clone(),
            path: path.clone(),
            card: None,
            kind,
            field: None,
            old: None,
            new: None,
            diagnostic: None,
            card_at: None,
            lineage: None,
        };
        let after = match new.map(|side| self.versions.get(&side.blob)) {
            None => None,
            Some(Some(Version::Good(document))) => Some(document.clone()),
            Some(Some(Version::Broken(diagnostic))) => {
                let mut diagnostic = diagnostic.clone();
                diagnostic.path = path.clone();
                entries.push((
                    About::File(base.lineages.clone()),
                    Change {
                        diagnostic: Some(diagnostic),
                        ..entry(Kind::Broken)
                    },
                ));
                if let Some(side) = new {
                    self.states.insert((&side.path, &side.blob), base.clone());
                }
                return base;
            }
            // Every blob named was read; none missing from the map.
            Some(None) => return base,
        };
        if was_broken && after.is_some() {
            entries.push((About::File(base.lineages.clone()), entry(Kind::Mended)));
        }
        let no_cards = Vec::new();
        let before_cards = base.document.as_ref().map_or(&no_cards, |d| &d.cards);
        let after_cards = after.as_ref().map_or(&no_cards, |d| &d.cards);
        let mut lineages = vec![0; after_cards.len()];
        for pair in pair_cards(before_cards, after_cards) {
            let lineage = match pair.old {
                Some(i) => base.lineages[i],
                None => self.fresh_lineage(),
            };
            if let Some(j) = pair.new {
                lineages[j] = lineage;
            }
            let at = |document: &Option<Arc<Document>>, index: usize| CardAt {
                document: document.clone().expect("a paired card has its document"),
                index,
            };
            let card_entry = |kind: Kind, card_at: CardAt| Change {
                card: Some(card_at.card().title().into_owned()),
                card_at: Some(card_at),
                lineage: Some(lineage),
                ..entry(kind)
            };
            let mut found: Vec<Change> = Vec::new();
            match (pair.old, pair.new) {
                (None, Some(j)) => found.push(card_entry(Kind::Added, at(&after, j))),
                (Some(i), None) => found.push(card_entry(Kind::Removed, at(&base.document, i))),
                (Some(i), Some(j)) => {
                    let (was, is) = (&before_cards[i], &after_cards[j]);
                    if pair.renamed {
                        found.push(Change {
                            field: Some("title".into()),
                            old: Some(Value::String(was.title().into_owned())),
                            new: Some(Value::String(is.title().into_owned())),
                            ..card_entry(Kind::Renamed, at(&after, j))
                        });
                    }
                    for change in field_changes(was, is, pair.renamed) {
                        found.push(Change {
                            field: Some(change.field),
                            old: change.old,
                            new: change.new,
                            ..card_entry(Kind::Changed, at(&after, j))
                        });
                    }
                }
                (None, None) => {}
            }
            if found.is_empty() {
                continue;
            }
            if let Some(query) = self.query {
                // A page term (`side:`) looks at that version's document.
                let matches = |index: Option<usize>, document: &Option<Arc<Document>>| match (
                    index, document,
                ) {
                    (Some(k), Some(d)) => query.score(d, &d.cards[k]).is_some(),
                    _ => false,
                };
                if matches(pair.old, &base.document) || matches(pair.new, &after) {
                    self.matched.insert(lineage);
                }
            }
            entries.extend(found.into_iter().map(|c| (About::Card(lineage), c)));
        }
        let state = State {
            document: after,
            lineages: lineages.into(),
        };
        if let Some(side) = new {
            self.states.insert((&side.path, &side.blob), state.clone());
        }
        state
    }

    /// The state a version left its file in; for a version this walk has
    /// not seen made (history cut short), read from the version itself.
    fn state_of(&mut self, side: &'a Side) -> State {
        if let Some(state) = self.states.get(&(side.path.as_str(), side.blob.as_str())) {
            return state.clone();
        }
        let document = match self.versions.get(&side.blob) {
            Some(Version::Good(document)) => Some(document.clone()),
            _ => None,
        };
        let count = document.as_ref().map_or(0, |d| d.cards.len());
        let lineages: Arc<[u32]> = (0..count).map(|_| self.fresh_lineage()).collect();
        State { document, lineages }
    }

    fn fresh_lineage(&mut self) -> u32 {
        self.next_lineage += 1;
        self.next_lineage
    }
}
