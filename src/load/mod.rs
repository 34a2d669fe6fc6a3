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
use crate::parse::{limits, parse_document_in};
use crate::site::{CardShortcodes, ConfigError, Settings, site_root};
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

    /// How files under `path` are read: [`Options::card_shortcodes_for`],
    /// and the time zone of its site's dates (UTC outside a site), with the
    /// site config's error if it has one.
    pub fn settings_for(&self, path: Option<&Path>) -> (Settings, Option<ConfigError>) {
        let cards = self.card_shortcodes_for(path);
        let (time_zone, error) = path
            .and_then(site_root)
            .map(|root| crate::site::time_zone(&root))
            .unwrap_or_default();
        (Settings { cards, time_zone }, error)
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
    /// Each file, with the settings (an index into `settings`) it is read with.
    entries: Vec<(walk::Entry, usize)>,
    settings: Vec<Settings>,
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
    // A site's config is reported once, however many paths are in the site.
    let mut config_errors: Vec<PathBuf> = Vec::new();
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
        let (settings, error) = options.settings_for(Some(path));
        if let Some(error) = error
            && !config_errors.contains(&error.file)
        {
            found.diagnostics.push(
                Diagnostic::error(
                    &shown_config(path, &error.file, options.shown_paths),
                    error.line,
                    error.column,
                    Rule::Config,
                    error.message(),
                )
                .with(error.finding())
                .in_file(&error.file),
            );
            config_errors.push(error.file);
        }
        let at = match found.settings.iter().position(|s| *s == settings) {
            Some(at) => at,
            None => {
                found.settings.push(settings);
                found.settings.len() - 1
            }
        };
        found.entries.extend(entries.into_iter().map(|e| (e, at)));
    }
    Ok(found)
}

/// Read and parse the files found; each ends up as a document or a diagnostic.
pub fn load_found(found: Found) -> Handbook {
    let settings = &found.settings;
    let parsed = parallel::map_owned(found.entries, parallel::cores(), |(entry, at)| {
        read_and_parse(entry, &settings[at])
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
    let (settings, _) = options.settings_for(None);
    // Borrowed, not given away: bytes freed on a thread other than the one
    // that allocated them take that thread's allocator lock.
    let parsed = parallel::map(&sources, parallel::cores(), |s| {
        let (doc, diags) = parse_document_in(&s.path, &s.bytes, &settings);
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

/// Takes the entry so that its file's path moves into the document.
fn read_and_parse(entry: walk::Entry, settings: &Settings) -> Parsed {
    let walk::Entry { path, file } = entry;
    match read_limited(&file) {
        Ok((bytes, changed)) => {
            let (doc, mut diags) = parse_document_in(&path, &bytes, settings);
            if changed {
                diags.insert(
                    0,
                    Diagnostic::warning(
                        &path,
                        1,
                        1,
                        Rule::Io,
                        "the file changed while it was read; what was read is shown (reload to see it as it is now)",
                    ),
                );
            }
            (
                doc.map(|mut d| {
                    d.file = Some(file);
                    d
                }),
                diags,
            )
        }
        Err(message) => (
            None,
            vec![Diagnostic::error(&path, 1, 1, Rule::Io, message)],
        ),
    }
}

/// A site's config `file` as paths under the given `path` are shown:
/// relative to the folder given (`hugo.toml` for a site root,
/// `../../hugo.toml` from `site/content/prosesser`), or from here
/// (`site/hugo.toml`). A file given is shown as written, so its config is
/// too, from its folder.
fn shown_config(path: &Path, file: &Path, shown_paths: ShownPaths) -> String {
    let given_folder = path.is_dir();
    let folder = if given_folder {
        path
    } else {
        path.parent().unwrap_or(Path::new(""))
    };
    let start = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let relative = std::path::absolute(start)
        .ok()
        .and_then(|start| {
            let root = start.ancestors().find(|a| file.starts_with(a))?;
            let up = start.components().count() - root.components().count();
            let mut relative: PathBuf = std::iter::repeat_n("..", up).collect();
            relative.push(file.strip_prefix(root).ok()?);
            Some(relative)
        })
        .unwrap_or_else(|| file.to_owned());
    let shown = if given_folder && shown_paths == ShownPaths::RelativeToGiven {
        relative
    } else {
        without_ups(&folder.join(relative))
    };
    walk::shown_root_file(&shown)
}

/// `path` with each `name/..` taken out, written as given otherwise.
fn without_ups(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for component in path.components() {
        match (component, out.last()) {
            (Component::ParentDir, Some(Component::Normal(_))) => {
                out.pop();
            }
            _ => out.push(component),
        }
    }
    out.iter().collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sites_config_is_shown_as_the_paths_under_the_given_path_are() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/prosesser")).unwrap();
        std::fs::write(root.join("content/prosesser/a.md"), "").unwrap();
        let config = std::path::absolute(root.join("hugo.toml")).unwrap();
        let given = |path: PathBuf, shown| shown_config(&path, &config, shown);
        let (relative, here) = (ShownPaths::RelativeToGiven, ShownPaths::FromHere);
        assert_eq!(given(root.clone(), relative), "hugo.toml");
        assert_eq!(
            given(root.join("content/prosesser"), relative),
            "../../hugo.toml"
        );
        let site = root.to_str().unwrap();
        assert_eq!(
            given(root.join("content/prosesser"), here),
            format!("{site}/hugo.toml")
        );
        assert_eq!(given(root.clone(), here), format!("{site}/hugo.toml"));
        // A file given is shown as written, and its config from its folder.
        assert_eq!(
            given(root.join("content/prosesser/a.md"), relative),
            format!("{site}/hugo.toml")
        );
    }
}
