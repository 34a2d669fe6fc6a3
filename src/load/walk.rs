//! Finding content files under the paths a user gave.
//!
//! Every file is found once, however many of the given paths reach it
//! (`list seed seed/`, a folder and a file in it, a symlink to a folder read
//! already). Symlinks are followed only to places inside the given folders,
//! unless [`WalkOptions::follow`] says otherwise: a `vendor -> /usr` or a
//! link to `/` in a handbook would otherwise walk the whole machine. A link
//! left alone is said so in a warning.

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

/// How to walk the given paths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Follow symlinks wherever they lead, as `rg --follow` does. Off: a
    /// symlink is followed only when it leads inside one of the given folders.
    pub follow: bool,
}

/// A file or folder's identity, so that two ways to one place are seen as one.
type Identity = (u64, u64);

/// The walk over all the given paths: what it has seen, and where it may go.
pub struct Walk {
    options: WalkOptions,
    /// The given folders, resolved: symlinks into them are followed.
    roots: Vec<PathBuf>,
    folders: HashSet<Identity>,
    files: HashSet<Identity>,
}

impl Walk {
    pub fn new(paths: &[&Path], options: WalkOptions) -> Walk {
        let roots = paths
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        Walk {
            options,
            roots,
            folders: HashSet::new(),
            files: HashSet::new(),
        }
    }

    /// The content files at one given path. A path that cannot be read at all
    /// is an error naming it; what cannot be read inside it is a diagnostic.
    /// Returns how many content files the path holds, those another path
    /// reached first included.
    pub fn collect(
        &mut self,
        path: &Path,
        shown_paths: ShownPaths,
        entries: &mut Vec<Entry>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<usize, LoadError> {
        let io_error = |error: std::io::Error| match error.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_owned()),
            _ => LoadError::Io {
                path: path.to_owned(),
                error,
            },
        };
        let meta = std::fs::metadata(path).map_err(io_error)?;
        if meta.is_file() {
            // A file the user named that cannot be opened is an error of the
            // command, not a document that quietly has no cards.
            super::open_no_wait(path).map_err(io_error)?;
            if self.files.insert(identity(path, &meta)) {
                entries.push(Entry {
                    path: shown_root_file(path),
                    file: path.to_owned(),
                });
            }
            return Ok(1);
        }
        if !meta.is_dir() {
            return Err(LoadError::Io {
                path: path.to_owned(),
                error: std::io::Error::other(
                    "not a file or folder (a FIFO or device is never read)",
                ),
            });
        }
        // Shown relative to the folder given, or from here: the folder as
        // given, then the path in it.
        let given = match shown_paths {
            ShownPaths::RelativeToGiven => String::new(),
            ShownPaths::FromHere => {
                let mut given = shown_root_file(path);
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
        // The folder itself must be readable: a handbook that cannot be
        // listed is an error of the command, not an empty handbook.
        std::fs::read_dir(&root).map_err(|error| LoadError::Io {
            path: root.clone(),
            error,
        })?;
        Ok(self.walk_dir(&root, &prefix, entries, diagnostics))
    }

    /// Depth-first, sorted by name; each folder is visited once, so a symlink
    /// loop ends where it starts. Returns how many content files are there.
    fn walk_dir(
        &mut self,
        root: &Path,
        prefix: &str,
        entries: &mut Vec<Entry>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> usize {
        let mut files = 0;
        let mut stack: Vec<(PathBuf, String)> = vec![(root.to_owned(), prefix.to_owned())];
        while let Some((dir, shown)) = stack.pop() {
            let folder = std::fs::metadata(&dir).ok();
            if let Some(meta) = &folder
                && !self.folders.insert(identity(&dir, meta))
            {
                // Read already, through another path or link: its files count.
                files += 1;
                continue;
            }
            let mut children: Vec<Child> = match std::fs::read_dir(&dir) {
                Ok(rd) => rd
                    .filter_map(Result::ok)
                    .map(|e| Child {
                        name: shown_name(&e.file_name()),
                        inode: inode(&e),
                        file: e.path(),
                        kind: e.file_type().ok(),
                    })
                    .filter(|c| !is_hidden(&c.name))
                    .collect(),
                Err(e) => {
                    diagnostics.push(Diagnostic::error(
                        &shown_dir(&shown),
                        1,
                        1,
                        Rule::Io,
                        format!("cannot read the folder: {e}"),
                    ));
                    continue;
                }
            };
            children.sort_by(|a, b| a.name.cmp(&b.name));
            let device = folder.as_ref().map(device);
            let mut subdirs = Vec::new();
            for child in children {
                let shown_path = format!("{shown}{}", child.name);
                let content = is_content_name(&child.name);
                // The entry's own type needs no system call; only a symlink is
                // followed with `metadata`. A FIFO or device is only looked at.
                let (kind, id) = match child.kind {
                    Some(k) if !k.is_symlink() => (Ok(k), device.zip(child.inode)),
                    _ => match std::fs::metadata(&child.file) {
                        Ok(m) => {
                            if (m.is_dir() || (m.is_file() && content))
                                && !self.may_follow(&child.file)
                            {
                                diagnostics.push(Diagnostic::warning(
                                    &shown_path,
                                    1,
                                    1,
                                    Rule::Io,
                                    "a symbolic link to a place outside the folders given; not followed (--follow follows it)",
                                ));
                                continue;
                            }
                            (Ok(m.file_type()), Some(identity(&child.file, &m)))
                        }
                        Err(e) => (Err(e), None),
                    },
                };
                match kind {
                    Ok(m) if m.is_dir() => subdirs.push((child.file, format!("{shown_path}/"))),
                    Ok(m) if m.is_file() && content => {
                        let id = id.or_else(|| {
                            let meta = std::fs::metadata(&child.file).ok()?;
                            Some(identity(&child.file, &meta))
                        });
                        files += 1;
                        if id.is_none_or(|id| self.files.insert(id)) {
                            // A joined path keeps room to grow; this one is
                            // kept for good, by the document read from it.
                            let mut file = child.file;
                            file.shrink_to_fit();
                            entries.push(Entry {
                                path: shown_path,
                                file,
                            });
                        }
                    }
                    Ok(_) if content => diagnostics.push(Diagnostic::warning(
                        &shown_path,
                        1,
                        1,
                        Rule::Io,
                        "not a regular file (a FIFO, socket or device); not opened",
                    )),
                    Ok(_) => {}
                    Err(e) if content => diagnostics.push(Diagnostic::warning(
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
        files
    }

    /// Whether a symlink may be followed: always with `--follow`, else only
    /// when it leads inside a given folder.
    fn may_follow(&self, link: &Path) -> bool {
        self.options.follow
            || std::fs::canonicalize(link)
                .is_ok_and(|target| self.roots.iter().any(|root| target.starts_with(root)))
    }
}

struct Child {
    name: String,
    inode: Option<u64>,
    file: PathBuf,
    kind: Option<std::fs::FileType>,
}

fn shown_dir(shown: &str) -> String {
    if shown.is_empty() {
        ".".into()
    } else {
        shown.trim_end_matches('/').into()
    }
}

/// A name as shown, every byte kept ([`crate::text::lossless_name`]).
fn shown_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        crate::text::lossless_name(name.as_bytes())
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

/// A file named on the command line, shown as it was given (with `/` on Windows).
pub(super) fn shown_root_file(path: &Path) -> String {
    let shown = shown_name(path.as_os_str());
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown
    }
}

#[cfg(unix)]
fn identity(_: &Path, meta: &std::fs::Metadata) -> Identity {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(unix)]
fn device(meta: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.dev()
}

/// The entry's inode, read with the folder's listing (no system call).
#[cfg(unix)]
fn inode(entry: &std::fs::DirEntry) -> Option<u64> {
    use std::os::unix::fs::DirEntryExt;
    Some(entry.ino())
}

#[cfg(not(unix))]
fn identity(path: &Path, _: &std::fs::Metadata) -> Identity {
    // Without inode numbers, the canonical path stands in for the identity.
    use std::hash::{Hash, Hasher};
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut h);
    (0, h.finish())
}

#[cfg(not(unix))]
fn device(_: &std::fs::Metadata) -> u64 {
    0
}

#[cfg(not(unix))]
fn inode(_: &std::fs::DirEntry) -> Option<u64> {
    None
}
