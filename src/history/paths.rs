//! The paths a user named, as git sees them: the work tree they are in, the
//! pathspecs to ask its log about, and which files there are card documents
//! (the files `load` would read there).

use super::HistoryError;
use super::git::{AtHead, Git};
use crate::load::{is_content_name, is_hidden, is_site_root};
use std::path::{Component, Path, PathBuf};

/// How many moves of a file gone from HEAD are followed to its name now.
const MAX_MOVES: usize = 32;

/// What to ask git for.
#[derive(Debug)]
pub struct Target {
    pub git: Git,
    /// Relative to the work tree's top, `/`-separated; `.` for the top.
    pub pathspecs: Vec<String>,
    /// One file, followed across renames.
    pub follow: bool,
    /// Whether each path named is on disk (a path gone from disk may still
    /// have a history).
    pub on_disk: Vec<bool>,
    pub named: Vec<PathBuf>,
}

impl Target {
    pub fn resolve(paths: &[&Path]) -> Result<Target, HistoryError> {
        let mut git: Option<Git> = None;
        let mut pathspecs = Vec::new();
        let mut on_disk = Vec::new();
        let mut folder = false;
        for &path in paths {
            let (existing, rest) = existing_ancestor(path)?;
            let here = rest.is_empty();
            let is_dir = here && existing.is_dir();
            // A file's folder; for a path gone from disk, the nearest folder still there.
            let dir = match existing.parent() {
                Some(parent) if here && !is_dir => parent.to_owned(),
                _ => existing.clone(),
            };
            let found = Git::discover(&dir, path)?;
            let top = std::fs::canonicalize(&found.top).unwrap_or(found.top.clone());
            match &git {
                Some(first) if first.top != found.top => {
                    return Err(HistoryError::SeveralWorkTrees {
                        first: paths[0].to_owned(),
                        second: path.to_owned(),
                    });
                }
                Some(_) => {}
                None => git = Some(found),
            }
            let mut relative: Vec<String> = match existing.strip_prefix(&top) {
                Ok(inside) => inside
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect(),
                Err(_) => {
                    return Err(HistoryError::NotInWorkTree {
                        path: path.to_owned(),
                        reason: format!("it is outside the work tree {}", top.display()),
                    });
                }
            };
            relative.extend(rest);
            if is_dir && is_site_root(&existing) {
                relative.push("content".into());
            }
            folder |= is_dir;
            on_disk.push(here);
            pathspecs.push(match relative.join("/") {
                top if top.is_empty() => ".".to_owned(),
                spec => spec,
            });
        }
        let Some(git) = git else {
            return Err(HistoryError::NotFound(PathBuf::from(".")));
        };
        if !git.has_commits {
            return Err(HistoryError::NoCommits {
                work_tree: git.top.clone(),
            });
        }
        // `git log --follow` takes one file; anything else is walked as a whole.
        let mut follow = pathspecs.len() == 1 && !folder;
        if follow {
            // A file moved away is read under the name it has now, so its
            // history goes on past the move instead of ending in removals.
            for _ in 0..MAX_MOVES {
                match git.at_head(&pathspecs[0])? {
                    Some(AtHead::File) => break,
                    Some(AtHead::Folder) => {
                        follow = false;
                        break;
                    }
                    None => {}
                }
                match git.moved_to(&pathspecs[0])? {
                    Some(to) => pathspecs[0] = to,
                    None => break,
                }
            }
        }
        Ok(Target {
            git,
            pathspecs,
            follow,
            on_disk,
            named: paths.iter().map(|p| p.to_path_buf()).collect(),
        })
    }

    /// True for a path (from the top) that is a card document under the
    /// paths named: a Markdown page not inside a hidden folder, as `load`
    /// finds them. A followed file is kept under every name it had.
    pub fn keeps(&self, path: &str) -> bool {
        if self.follow {
            return true;
        }
        self.pathspecs.iter().any(|spec| {
            let below = if spec == "." {
                Some(path)
            } else if path == spec {
                // A file named on its own is read whatever its name.
                return true;
            } else {
                path.strip_prefix(spec.as_str())
                    .and_then(|p| p.strip_prefix('/'))
            };
            below.is_some_and(|below| is_content_name(below) && !below.split('/').any(is_hidden))
        })
    }
}

/// The longest part of `path` that exists, canonical, and the names after it.
fn existing_ancestor(path: &Path) -> Result<(PathBuf, Vec<String>), HistoryError> {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()
            .map_err(|error| HistoryError::Io {
                asked: "the current folder".into(),
                error,
            })?
            .join(path)
    };
    let mut rest: Vec<String> = Vec::new();
    let mut here = absolute.as_path();
    loop {
        if let Ok(canonical) = std::fs::canonicalize(here) {
            rest.reverse();
            return Ok((canonical, rest));
        }
        match (here.file_name(), here.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_string_lossy().into_owned());
                here = parent;
            }
            _ => return Err(HistoryError::NotFound(path.to_owned())),
        }
        // `..` after a missing name cannot be resolved without it.
        if matches!(here.components().next_back(), Some(Component::ParentDir)) {
            return Err(HistoryError::NotFound(path.to_owned()));
        }
    }
}
