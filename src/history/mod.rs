//! Each card's history from git: what changed in which commit, card by card.
//!
//! For the card documents under some paths in a git work tree, the history
//! of HEAD is read with `git log` (one file followed across renames, or a
//! whole folder at once), each version of each file is read once
//! (`git cat-file --batch`) and parsed once with [`crate::parse`], and each
//! commit's versions are compared with the ones before them ([`diff`]):
//!
//! - a card [`Kind::Added`] or [`Kind::Removed`];
//! - a param [`Kind::Changed`], with its old and new value (`None` where the
//!   card did not have it, before or after);
//! - a card [`Kind::Renamed`] when its title changed but it is clearly the
//!   same card (see [`diff`] for "clearly");
//! - a version Hugo would reject: [`Kind::Broken`] with its diagnostic. Its
//!   cards are not reported removed; the next good version is compared with
//!   the last good one, and says [`Kind::Mended`].
//!
//! Entries come newest first; a commit that changes no card gives none.

mod diff;
mod error;
mod former;
mod git;
mod log;
mod paths;
mod walk;

pub use diff::{FieldChange, Pair, field_changes, pair_cards, params_of};
pub use error::HistoryError;
pub use former::{FormerRole, former_roles};
pub use log::Commit;

use crate::model::{Card, Diagnostic, Document, Value};
use crate::query::Query;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What happened to a card (or to its file) in a commit. The order is the
/// order of the words for it in [`crate::i18n::HistoryWords::kinds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
    Renamed,
    /// The file stopped parsing: its cards are as they were before.
    Broken,
    /// The file parses again after being broken.
    Mended,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
            Kind::Renamed => "renamed",
            Kind::Broken => "broken",
            Kind::Mended => "mended",
        }
    }
}

/// One entry of a history.
#[derive(Debug, Clone)]
pub struct Change {
    pub commit: Arc<Commit>,
    /// The file's path at this commit, from the work tree's top, with `/`.
    pub path: String,
    /// The card's title (the new one for a rename); `None` for an entry
    /// about the file ([`Kind::Broken`], [`Kind::Mended`]).
    pub card: Option<String>,
    pub kind: Kind,
    /// The param that changed (`title` for a rename); `None` otherwise.
    pub field: Option<String>,
    /// The param's value before; `None` where the card did not have it.
    pub old: Option<Value>,
    /// The param's value after; `None` where the card no longer has it.
    pub new: Option<Value>,
    /// Why the version is broken.
    pub diagnostic: Option<Diagnostic>,
    /// The card as it was after this commit (before it, for a removal).
    pub card_at: Option<CardAt>,
    /// The same number for every entry about one card, across renames of
    /// the card and of its file.
    pub lineage: Option<u32>,
}

/// A card as one version of its document held it.
#[derive(Debug, Clone)]
pub struct CardAt {
    pub document: Arc<Document>,
    pub index: usize,
}

impl CardAt {
    pub fn card(&self) -> &Card {
        &self.document.cards[self.index]
    }
}

/// The history of one card: its entries and its file's (`broken`,
/// `mended`), newest first.
#[derive(Debug, Clone)]
pub struct CardHistory {
    pub changes: Vec<Change>,
    /// False when the newest committed version of the file has no such card
    /// (it was added or renamed since, and not committed): `changes` is empty.
    pub found: bool,
}

/// The history of some paths.
#[derive(Debug, Clone)]
pub struct History {
    /// The top of the work tree the paths are in.
    pub work_tree: PathBuf,
    /// Newest first.
    pub changes: Vec<Change>,
    /// The cards of each file's newest version, for finding a card of today
    /// in its history: (path, title, lineage), in document order.
    pub latest: Vec<(String, String, u32)>,
}

impl History {
    /// Every entry about one card.
    pub fn of_lineage(&self, lineage: u32) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(move |c| c.lineage == Some(lineage))
    }
}

/// The history of the `nth` card titled `title` (0 for the first) of the
/// file `file`, found by that title in the newest committed version of the
/// file and followed back from there across renames of the card and moves
/// of the file. For a card the browser shows (`H`).
pub fn of_card(file: &Path, title: &str, nth: usize) -> Result<CardHistory, HistoryError> {
    let history = read(&[file], None)?;
    let lineage = history
        .latest
        .iter()
        .filter(|(_, t, _)| t == title)
        .nth(nth)
        .map(|(_, _, lineage)| *lineage);
    let Some(lineage) = lineage else {
        return Ok(CardHistory {
            changes: Vec::new(),
            found: false,
        });
    };
    let changes = history
        .changes
        .into_iter()
        .filter(|c| c.lineage.is_none_or(|l| l == lineage))
        .collect();
    Ok(CardHistory {
        changes,
        found: true,
    })
}

/// The history of the card documents under `paths` (files, folders, Hugo
/// site roots) in the git work tree they are in. With a `query`, only the
/// cards that matched it in some version, and the file entries of their
/// documents.
pub fn read(paths: &[&Path], query: Option<&Query>) -> Result<History, HistoryError> {
    let target = paths::Target::resolve(paths)?;
    let output = target.git.log(&target.pathspecs, target.follow)?;
    let commits = log::parse(&output, |p| target.keeps(p)).map_err(|message| HistoryError::Io {
        asked: "git log".into(),
        error: std::io::Error::new(std::io::ErrorKind::InvalidData, message),
    })?;
    if commits.iter().all(|c| c.files.is_empty())
        && let Some(gone) = target
            .on_disk
            .iter()
            .position(|here| !here)
            .map(|i| &target.named[i])
    {
        return Err(HistoryError::NotFound(gone.clone()));
    }
    let versions = walk::read_versions(&target.git, &commits)?;
    let (changes, latest) = walk::compare(&commits, &versions, query);
    Ok(History {
        work_tree: target.git.top,
        changes,
        latest,
    })
}
