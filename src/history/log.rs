//! Reading what `git log -z --raw` wrote (see [`super::git::LOG_FORMAT`]):
//! commits, and for each the files it changed with their blob ids.

use serde::Serialize;
use std::sync::Arc;

/// A commit, as a history entry shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commit {
    /// The full id.
    #[serde(rename = "commit")]
    pub id: String,
    /// The author date, ISO 8601 with its offset (`2024-03-05T14:00:00+01:00`).
    pub date: String,
    pub author: String,
    /// The first line of the message.
    pub subject: String,
}

impl Commit {
    /// The id as people quote it: its first seven characters.
    pub fn short_id(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }

    /// `2024-03-05 14:00` from `2024-03-05T14:00:00+01:00`: the author's own
    /// clock, as people remember the day.
    pub fn short_date(&self) -> String {
        let date = &self.date;
        date.get(..16).unwrap_or(date).replacen('T', " ", 1)
    }
}

/// A commit and the card files it changed.
#[derive(Debug)]
pub struct Logged {
    pub commit: Arc<Commit>,
    pub files: Vec<FileChange>,
}

/// One file's change in a commit: its version before and after. `None` on a
/// side where the file is not a card document (not there, not a page, a
/// symlink or submodule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub old: Option<Side>,
    pub new: Option<Side>,
}

/// A file at one version: its path then (from the work tree's top) and its blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub path: String,
    pub blob: String,
}

/// The commits in the order git wrote them (newest first). `keep` says which
/// paths are card documents; a change where neither side is one is dropped.
pub fn parse(bytes: &[u8], keep: impl Fn(&str) -> bool) -> Result<Vec<Logged>, String> {
    let mut commits: Vec<Logged> = Vec::new();
    let mut tokens = bytes.split(|&b| b == 0);
    let text = |t: &[u8]| String::from_utf8_lossy(t).into_owned();
    while let Some(token) = tokens.next() {
        let token = trim_newlines(token);
        match token.first() {
            None => continue,
            Some(0x1e) => {
                let mut field = || tokens.next().map(text).ok_or("a commit cut short");
                let id = text(&token[1..]);
                let (date, author, subject) = (field()?, field()?, field()?);
                commits.push(Logged {
                    commit: Arc::new(Commit {
                        id,
                        date,
                        author,
                        subject,
                    }),
                    files: Vec::new(),
                });
            }
            Some(b':') => {
                let meta = text(token);
                let Some(logged) = commits.last_mut() else {
                    return Err(format!("a file change before any commit: {meta:?}"));
                };
                let words: Vec<&str> = meta[1..].split(' ').collect();
                let [old_mode, new_mode, old_blob, new_blob, status] = words[..] else {
                    return Err(format!("not a raw file change: {meta:?}"));
                };
                let status = status.chars().next().unwrap_or('?');
                let mut path = || tokens.next().map(text).ok_or("a file change cut short");
                let first = path()?;
                let (old_path, new_path) = match status {
                    'R' | 'C' => (first, path()?),
                    _ => (first.clone(), first),
                };
                let side = |mode: &str, blob: &str, path: String| {
                    (is_file_mode(mode) && !is_zero(blob) && keep(&path)).then(|| Side {
                        path,
                        blob: blob.to_owned(),
                    })
                };
                // A copy leaves its source in place: the copy is a new file.
                let old = match status {
                    'C' => None,
                    _ => side(old_mode, old_blob, old_path),
                };
                let new = side(new_mode, new_blob, new_path);
                if old.is_some() || new.is_some() {
                    logged.files.push(FileChange { old, new });
                }
            }
            Some(_) => return Err(format!("unexpected output from git: {:?}", text(token))),
        }
    }
    Ok(commits)
}

fn trim_newlines(token: &[u8]) -> &[u8] {
    let start = token
        .iter()
        .position(|&b| b != b'\n')
        .unwrap_or(token.len());
    &token[start..]
}

/// A regular file (not a symlink, a submodule, or nothing).
fn is_file_mode(mode: &str) -> bool {
    mode.starts_with("100")
}

fn is_zero(blob: &str) -> bool {
    blob.bytes().all(|b| b == b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "78981922613b2afb6025042ff6bd878ac1994e85";
    const B: &str = "422c2b7ab3b3c668038da977e4e93a5fc623169c";
    const Z: &str = "0000000000000000000000000000000000000000";

    fn header(id: &str, subject: &str) -> String {
        format!("\x1e{id}\x002024-03-05T14:00:00+01:00\x00Kari Nordmann\x00{subject}\x00")
    }

    fn side(path: &str, blob: &str) -> Option<Side> {
        Some(Side {
            path: path.into(),
            blob: blob.into(),
        })
    }

    #[test]
    fn commits_files_renames_and_merges_without_changes() {
        let out = format!(
            "{}{}\n:100644 100644 {A} {B} R087\x00c/a.md\x00c/b.md\x00:100644 000000 {B} {Z} D\x00c/x.md\x00{}\n:000000 100644 {Z} {A} A\x00c/a.md\x00",
            header("m1", "Merge"),
            header("c2", "Flytt"),
            header("c1", "Første"),
        );
        let commits = parse(out.as_bytes(), |_| true).unwrap();
        assert_eq!(commits.len(), 3);
        assert!(commits[0].files.is_empty());
        assert_eq!(commits[1].commit.subject, "Flytt");
        assert_eq!(commits[1].commit.author, "Kari Nordmann");
        assert_eq!(commits[1].commit.date, "2024-03-05T14:00:00+01:00");
        assert_eq!(
            commits[1].files,
            [
                FileChange {
                    old: side("c/a.md", A),
                    new: side("c/b.md", B)
                },
                FileChange {
                    old: side("c/x.md", B),
                    new: None
                },
            ]
        );
        assert_eq!(
            commits[2].files,
            [FileChange {
                old: None,
                new: side("c/a.md", A)
            }]
        );
    }

    #[test]
    fn paths_that_are_not_card_documents_and_symlinks_are_not_sides() {
        let out = format!(
            "{}\n:100644 100644 {A} {B} R100\x00c/a.txt\x00c/a.md\x00:120000 120000 {A} {B} M\x00c/link.md\x00:100644 100644 {A} {B} M\x00c/pic.png\x00",
            header("c1", "x")
        );
        let commits = parse(out.as_bytes(), |p| p.ends_with(".md")).unwrap();
        assert_eq!(
            commits[0].files,
            [FileChange {
                old: None,
                new: side("c/a.md", B)
            }]
        );
    }

    #[test]
    fn odd_subjects_and_paths_survive() {
        let out = format!(
            "{}\n:000000 100644 {Z} {A} A\x00c/:odd\n name.md\x00",
            header("c1", ":colon first")
        );
        let commits = parse(out.as_bytes(), |_| true).unwrap();
        assert_eq!(commits[0].commit.subject, ":colon first");
        assert_eq!(commits[0].files[0].new, side("c/:odd\n name.md", A));
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(parse(b"hello", |_| true).is_err());
        assert!(
            parse(
                format!(":100644 100644 {A} {B} M\x00a.md\x00").as_bytes(),
                |_| true
            )
            .is_err()
        );
    }
}
