//! Finding content files under the paths a user gave.

use super::content::{is_content_name, is_hidden};
use super::{LoadError, ShownPaths};
use crate::model::{Diagnostic, Rule};
use crate::site::is_site_root;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file to read: its shown path and where it is.
pub struct Entry {
    pub path: String,
    pub file: PathBuf,
}

pub fn collect(
    path: &Path,
    shown: ShownPaths,
    entries: &mut Vec<Entry>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(), LoadError> {
    let meta = std::fs::metadata(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_owned()),
        _ => LoadError::Io {
            path: path.to_owned(),
            error,
        },
    })?;
    if meta.is_file() {
        entries.push(Entry {
            path: path.to_string_lossy().replace('\\', "/"),
            file: path.to_owned(),
        });
        return Ok(());
    }
    if !meta.is_dir() {
        return Err(LoadError::Io {
            path: path.to_owned(),
            error: std::io::Error::other("not a file or folder (a FIFO or device is never read)"),
        });
    }
    let given = match shown {
        ShownPaths::RelativeToGiven => String::new(),
        ShownPaths::FromHere => {
            let mut given = path.to_string_lossy().replace('\\', "/");
            if !given.ends_with('/') {
                given.push('/');
            }
            given
        }
    };
    let (root, prefix) = if is_site_root(path) {
        (path.join("content"), format!("{given}content/"))
    } else {
        (path.to_owned(), given)
    };
    walk_dir(&root, &prefix, entries, diagnostics);
    Ok(())
}

/// Depth-first, sorted by name; each folder is visited once, so a symlink loop
/// ends where it starts.
fn walk_dir(
    root: &Path,
    prefix: &str,
    entries: &mut Vec<Entry>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut visited: HashSet<(u64, u64)> = HashSet::new();
    let mut stack: Vec<(PathBuf, String)> = vec![(root.to_owned(), prefix.to_owned())];
    while let Some((dir, shown)) = stack.pop() {
        if let Some(id) = dir_id(&dir)
            && !visited.insert(id)
        {
            continue;
        }
        let mut children: Vec<(String, PathBuf, Option<std::fs::FileType>)> =
            match std::fs::read_dir(&dir) {
                Ok(rd) => rd
                    .filter_map(Result::ok)
                    .map(|e| {
                        (
                            e.file_name().to_string_lossy().into_owned(),
                            e.path(),
                            e.file_type().ok(),
                        )
                    })
                    .filter(|(name, _, _)| !is_hidden(name))
                    .collect(),
                Err(e) => {
                    diagnostics.push(Diagnostic::warning(
                        &shown_dir(&shown),
                        1,
                        1,
                        Rule::Io,
                        format!("cannot read the folder: {e}"),
                    ));
                    continue;
                }
            };
        children.sort_by(|a, b| a.0.cmp(&b.0));
        let mut subdirs = Vec::new();
        for (name, file, kind) in children {
            let shown_path = format!("{shown}{name}");
            // The entry's own type needs no system call; only a symlink is
            // followed with `metadata`. A FIFO or device is only looked at.
            let kind = match kind {
                Some(k) if !k.is_symlink() => Ok(k),
                _ => std::fs::metadata(&file).map(|m| m.file_type()),
            };
            match kind {
                Ok(m) if m.is_dir() => subdirs.push((file, format!("{shown_path}/"))),
                Ok(m) if m.is_file() && is_content_name(&name) => entries.push(Entry {
                    path: shown_path,
                    file,
                }),
                Ok(_) if is_content_name(&name) => diagnostics.push(Diagnostic::warning(
                    &shown_path,
                    1,
                    1,
                    Rule::Io,
                    "not a regular file (a FIFO, socket or device); not opened",
                )),
                Ok(_) => {}
                Err(e) if is_content_name(&name) => diagnostics.push(Diagnostic::warning(
                    &shown_path,
                    1,
                    1,
                    Rule::Io,
                    format!("cannot read the file: {e}"),
                )),
                Err(_) => {}
            }
        }
        // Reverse so the stack pops them in name order.
        stack.extend(subdirs.into_iter().rev());
    }
}

fn shown_dir(shown: &str) -> String {
    if shown.is_empty() {
        ".".into()
    } else {
        shown.trim_end_matches('/').into()
    }
}

#[cfg(unix)]
fn dir_id(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_id(dir: &Path) -> Option<(u64, u64)> {
    // Without inode numbers, the canonical path stands in for the folder's identity.
    use std::hash::{Hash, Hasher};
    let canonical = std::fs::canonicalize(dir).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut h);
    Some((0, h.finish()))
}
