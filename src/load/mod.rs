//! Paths (files, folders, Hugo site roots) to a [`Handbook`].
//!
//! [`walk`] finds the files without ever opening a FIFO or device or looping on
//! symlinks; files are then read and parsed on every core; [`order`] puts the
//! documents in Hugo's page order. Which shortcodes are cards comes from the
//! Hugo site each path is in ([`crate::site`]) and from [`Options`].

mod content;
mod order;
mod walk;

pub(crate) use crate::site::is_site_root;
pub use content::{is_content_name, is_hidden};
pub use walk::WalkOptions;

use crate::model::{Diagnostic, Document, Handbook, Rule};
use crate::parallel;
use crate::parse::{limits, parse_document_with};
use crate::site::{CardShortcodes, site_root};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One file's bytes and the names it goes by.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown to people: relative to the folder given, with `/`.
    pub path: String,
    /// On disk, when it came from disk.
    pub file: Option<PathBuf>,
    pub bytes: Vec<u8>,
}

/// How to load: what a user can ask for beyond the paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Shortcodes that are cards whatever the site's templates say
    /// (`--card-shortcode`), on top of the site's family.
    pub card_shortcodes: Vec<String>,
    pub shown_paths: ShownPaths,
    pub walk: WalkOptions,
}

impl Options {
    /// The card shortcodes for files under `path`: its site's family (the
    /// defaults outside a Hugo site) and the names given by hand.
    pub fn card_shortcodes_for(&self, path: Option<&Path>) -> CardShortcodes {
        let mut family = path
            .and_then(site_root)
            .map(|root| CardShortcodes::for_site(&root))
            .unwrap_or_default();
        for name in &self.card_shortcodes {
            family.add(name);
        }
        family
    }
}

/// How the paths of documents and diagnostics are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ShownPaths {
    /// Relative to the folder given (`content/x.md` for a site root): short,
    /// and the same wherever the handbook is (the documented JSON `path`).
    #[default]
    RelativeToGiven,
    /// The folder given as written, joined with the path in it
    /// (`../site/content/x.md`): opens from the current directory, for
    /// editors and CI problem matchers.
    FromHere,
}

/// Why nothing could be loaded from a path the user named (exit 2).
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file or directory", p.display()),
            LoadError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Load every path; documents in Hugo's page order (weight, title, path).
///
/// A path the user named that does not exist is an error; a file that cannot be
/// read inside a folder is a diagnostic, so one bad file never hides the others.
pub fn load_paths(paths: &[&Path]) -> Result<Handbook, LoadError> {
    load_paths_with(paths, &Options::default())
}

/// [`load_paths`] with [`Options`] (`--follow`, `--card-shortcode`, paths
/// shown from here).
pub fn load_paths_with(paths: &[&Path], options: &Options) -> Result<Handbook, LoadError> {
    Ok(load_found(find_files_with(paths, options)?))
}

/// The content files under some paths, found but not yet read: the first half
/// of [`load_paths`]. Files can change between finding and reading; whatever
/// has become of a file by then is what [`load_found`] reports.
#[derive(Default)]
pub struct Found {
    /// Each file, with the card family (an index into `families`) it is read with.
    entries: Vec<(walk::Entry, usize)>,
    families: Vec<CardShortcodes>,
    diagnostics: Vec<Diagnostic>,
    /// The paths given under which no content file was found.
    without_files: Vec<PathBuf>,
}

impl Found {
    /// Each file found: its shown path and where it is on disk.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.entries
            .iter()
            .map(|(e, _)| (e.path.as_str(), e.file.as_path()))
    }

    /// The paths given that hold no content (Markdown) file at all, in the
    /// order given: worth telling the user, who may have named the wrong folder.
    pub fn without_files(&self) -> &[PathBuf] {
        &self.without_files
    }
}

/// Walk the paths: which files there are, and what could not be looked into.
pub fn find_files(paths: &[&Path]) -> Result<Found, LoadError> {
    find_files_with(paths, &Options::default())
}

/// [`find_files`], walking as `options` say. A file reached by several paths
/// (`seed seed/`, a folder and a file in it) is found once, by the first.
pub fn find_files_with(paths: &[&Path], options: &Options) -> Result<Found, LoadError> {
    let mut found = Found::default();
    let mut walk = walk::Walk::new(paths, options.walk);
    for path in paths {
        let mut entries = Vec::new();
        let count = walk.collect(
            path,
            options.shown_paths,
            &mut entries,
            &mut found.diagnostics,
        )?;
        if count == 0 {
            found.without_files.push(path.to_path_buf());
        }
        let family = options.card_shortcodes_for(Some(path));
        let at = match found.families.iter().position(|f| *f == family) {
            Some(at) => at,
            None => {
                found.families.push(family);
                found.families.len() - 1
            }
        };
        found.entries.extend(entries.into_iter().map(|e| (e, at)));
    }
    Ok(found)
}

/// Read and parse the files found; each ends up as a document or a diagnostic.
pub fn load_found(found: Found) -> Handbook {
    let parsed = parallel::map(&found.entries, parallel::cores(), |(entry, family)| {
        read_and_parse(&entry.path, &entry.file, &found.families[*family])
    });
    assemble(parsed, found.diagnostics)
}

/// Load files already in memory (the compiled-in `data/`, tests).
pub fn load_sources(sources: Vec<Source>) -> Handbook {
    load_sources_with(sources, &Options::default())
}

/// [`load_sources`] with [`Options`] (the files are in no site: the default
/// card shortcodes and the ones given by hand).
pub fn load_sources_with(sources: Vec<Source>, options: &Options) -> Handbook {
    let family = options.card_shortcodes_for(None);
    let parsed = parallel::map(&sources, parallel::cores(), |s| {
        let (doc, diags) = parse_document_with(&s.path, &s.bytes, &family);
        (
            doc.map(|mut d| {
                d.file = s.file.clone();
                d
            }),
            diags,
        )
    });
    assemble(parsed, Vec::new())
}

type Parsed = (Option<Document>, Vec<Diagnostic>);

fn assemble(parsed: Vec<Parsed>, mut diagnostics: Vec<Diagnostic>) -> Handbook {
    // Collected in place, into the allocation of what was parsed: at this
    // moment the whole handbook is in memory, and a second array of its
    // documents would add to the peak.
    let mut documents: Vec<Document> = parsed
        .into_iter()
        .filter_map(|(doc, diags)| {
            diagnostics.extend(diags);
            doc
        })
        .collect();
    order::sort_documents(&mut documents);
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    Handbook {
        documents,
        diagnostics,
    }
}

fn read_and_parse(path: &str, file: &Path, family: &CardShortcodes) -> Parsed {
    match read_limited(file) {
        Ok((bytes, changed)) => {
            let (doc, mut diags) = parse_document_with(path, &bytes, family);
            if changed {
                diags.insert(
                    0,
                    Diagnostic::warning(
                        path,
                        1,
                        1,
                        Rule::Io,
                        "the file changed while it was read; what was read is shown (reload to see it as it is now)",
                    ),
                );
            }
            (
                doc.map(|mut d| {
                    d.file = Some(file.to_owned());
                    d
                }),
                diags,
            )
        }
        Err(message) => (None, vec![Diagnostic::error(path, 1, 1, Rule::Io, message)]),
    }
}

/// Open a file for reading without ever waiting: a file that has become a FIFO
/// since the walk would otherwise block `open` until a writer comes.
pub(crate) fn open_no_wait(file: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(file)
}

/// Read a file, refusing one over the size limit even if it grows while read,
/// and anything that is no longer a regular file. Also says whether the file
/// changed while it was read (its size or modification time moved).
fn read_limited(file: &Path) -> Result<(Vec<u8>, bool), String> {
    let f = open_no_wait(file).map_err(|e| format!("cannot read the file: {e}"))?;
    // The type and size of what was opened, not of what the name pointed at
    // when the folder was walked.
    let before = f
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if before.is_dir() {
        return Err("cannot read the file: it has become a folder".into());
    }
    if !before.is_file() {
        return Err("not a regular file any more (a FIFO, socket or device); not read".into());
    }
    let too_large = || {
        format!(
            "the file is larger than the limit of {} MiB; skipped",
            limits::MAX_FILE_BYTES / (1024 * 1024)
        )
    };
    if before.len() > limits::MAX_FILE_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(before.len() as usize + 1);
    let reader = &f;
    reader
        .take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_large());
    }
    let changed = f.metadata().is_ok_and(|after| {
        after.len() != before.len() || after.modified().ok() != before.modified().ok()
    });
    Ok((bytes, changed))
}
