//! Live reload: watch the paths the user gave and read them again, off the
//! UI thread, when a content file changes.
//!
//! The watcher (`notify`) reports every write, and an editor saving one file
//! makes several (write a temporary file, rename it over, change its mode).
//! A worker thread waits until the files have been quiet for [`QUIET`] (but
//! never longer than [`MOST`] after the first change, so a file written
//! continuously is still shown), then loads the paths and builds the search
//! index, checks and people ([`Loaded::build`]). The browser takes the
//! result in between keys, so loading never blocks typing.
//!
//! Only events that can change what is loaded count: content files
//! (`.md`, `.markdown`) and folders under a watched folder, not hidden files
//! (editor swap files), and the named file itself when a file was given.
//! Reading a file changes nothing, so loading cannot wake the watcher.
//!
//! Inside a Hugo site, the site's config and shortcode templates count too
//! ([`SiteFiles`]): a new card template, or a config naming another theme,
//! changes which calls are cards, so every page is read again with the card
//! family read anew, as for a content change. Those files are often outside
//! the paths given (`site/content/prosesser`), so their folders are watched
//! beside them, and watched anew after such a change (the theme may have
//! moved, a `layouts/shortcodes` folder may have come).
//!
//! A watched folder may itself be removed and made again (`git checkout`,
//! `rsync --delete`, `rm -rf dir; mkdir dir`): a watch ends with the folder
//! it was on. So each folder's parent is watched too (not its other
//! entries), and when the folder itself comes or goes, the worker watches it
//! anew before reading it, and goes on reloading as before.

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::background::Loaded;
use crate::site::{SiteFiles, WatchPoint};

/// Quiet time before a reload.
pub const QUIET: Duration = Duration::from_millis(200);
/// The longest a change waits for quiet.
pub const MOST: Duration = Duration::from_millis(1000);

enum Wake {
    /// Something on disk changed.
    Changed,
    /// The user asked (`r`, or back from the editor).
    Now,
}

/// What was watched: a folder (everything under it) or one file.
#[derive(Debug, Clone)]
struct Target {
    path: PathBuf,
    folder: bool,
}

pub struct Reloader {
    wake: Sender<Wake>,
    results: Receiver<Result<Loaded, crate::load::LoadError>>,
    /// `Err(why)` when changes are not watched (reading by hand still works).
    pub watching: Result<(), String>,
}

/// The watcher and what it watches, shared with the worker, which watches
/// a folder anew once it has been removed and made again, and a site's
/// folders anew once its config or templates changed.
struct Watching {
    watcher: Mutex<RecommendedWatcher>,
    targets: Vec<Target>,
    /// What the targets' own watches cover: each path, and whether all under it.
    covered: Vec<WatchPoint>,
    /// A watched folder itself came or went since it was last watched (set
    /// by the watcher's callback).
    rearm: Arc<AtomicBool>,
    /// The sites the targets are in, as the callback judges events by them.
    sites: Arc<Mutex<Vec<SiteFiles>>>,
    /// A site's config or templates changed since its folders were last watched.
    site_changed: Arc<AtomicBool>,
    /// The folders watched for the sites, beyond what the targets cover.
    site_points: Mutex<Vec<PathBuf>>,
}

impl Reloader {
    pub fn start(paths: Vec<PathBuf>, options: crate::load::Options) -> Reloader {
        let (wake, wake_rx) = mpsc::channel();
        let (results_tx, results) = mpsc::channel();
        let (watched, watching) = match watch(&paths, wake.clone()) {
            Ok(w) => (Some(w), Ok(())),
            Err(why) => (None, Err(why)),
        };
        std::thread::spawn(move || worker(&paths, &options, watched, wake_rx, results_tx));
        Reloader {
            wake,
            results,
            watching,
        }
    }

    /// Read the paths again now, without waiting for quiet.
    pub fn reload_now(&self) {
        let _ = self.wake.send(Wake::Now);
    }

    /// A finished reload, if there is one.
    pub fn try_take(&self) -> Option<Result<Loaded, crate::load::LoadError>> {
        self.results.try_recv().ok()
    }
}

fn worker(
    paths: &[PathBuf],
    options: &crate::load::Options,
    watched: Option<Arc<Watching>>,
    wake: Receiver<Wake>,
    results: Sender<Result<Loaded, crate::load::LoadError>>,
) {
    while let Ok(first) = wake.recv() {
        if let Wake::Changed = first {
            let start = Instant::now();
            loop {
                match wake.recv_timeout(QUIET) {
                    Ok(Wake::Now) | Err(RecvTimeoutError::Timeout) => break,
                    Ok(Wake::Changed) if start.elapsed() >= MOST => break,
                    Ok(Wake::Changed) => {}
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        }
        // Whatever else arrived is covered by this reading.
        while wake.try_recv().is_ok() {}
        if let Some(watched) = &watched {
            watched.rearm_if_needed();
        }
        let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let loaded = crate::load::load_paths_with(&refs, options).map(Loaded::build);
        if results.send(loaded).is_err() {
            return;
        }
    }
}

impl Watching {
    /// Watch again each folder that was removed and has come back, and the
    /// sites' folders as their config and templates now say.
    fn rearm_if_needed(&self) {
        let targets = self.rearm.swap(false, Ordering::SeqCst);
        let sites = self.site_changed.swap(false, Ordering::SeqCst);
        if targets {
            let mut watcher = lock(&self.watcher);
            for target in self.targets.iter().filter(|t| t.folder) {
                // Gone for now: its parent's watch says when it comes back.
                let _ = watcher.unwatch(&target.path);
                if target.path.is_dir() {
                    let _ = watcher.watch(&target.path, RecursiveMode::Recursive);
                }
            }
        }
        if targets || sites {
            self.watch_sites();
        }
    }

    /// Read the sites' config anew and watch their folders: each one the
    /// targets' own watches do not cover (watching a folder twice would
    /// end both watches when one is ended).
    fn watch_sites(&self) {
        let mut sites = sites_of(&self.targets);
        // A site whose config is gone for a moment (removed, then written
        // again) is watched on, so that its coming back is seen. Its root is
        // copied out first: the watcher's callback takes this lock, and
        // reading a site's files must not keep it waiting.
        let before: Vec<PathBuf> = lock(&self.sites)
            .iter()
            .map(|s| s.root().to_owned())
            .collect();
        for root in before {
            if root.is_dir() && !sites.iter().any(|s| s.root() == root) {
                sites.push(SiteFiles::of(&root));
            }
        }
        let mut wanted: Vec<WatchPoint> = Vec::new();
        for point in sites.iter().flat_map(SiteFiles::watch_points) {
            if !covers(&self.covered, &point) && !wanted.contains(&point) {
                wanted.push(point);
            }
        }
        // Never held while watching: the callback takes this lock, and the
        // watcher may wait for its callback.
        *lock(&self.sites) = sites;
        let mut watcher = lock(&self.watcher);
        let mut armed = lock(&self.site_points);
        for path in armed.drain(..) {
            let _ = watcher.unwatch(&path);
        }
        for point in wanted {
            let mode = if point.recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            // Not needed to run: the targets' own changes are still seen.
            if watcher.watch(&point.path, mode).is_ok() {
                armed.push(point.path);
            }
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The Hugo sites the targets are in, each once.
fn sites_of(targets: &[Target]) -> Vec<SiteFiles> {
    let mut sites: Vec<SiteFiles> = Vec::new();
    for target in targets {
        if let Some(root) = crate::site::site_root(&target.path)
            && !sites.iter().any(|s| s.root() == root)
        {
            sites.push(SiteFiles::of(&root));
        }
    }
    sites
}

/// Whether the targets' watches see the changes at `point` already (a
/// folder the targets watch without what is under it is left to them too:
/// two watches on one folder end together).
fn covers(covered: &[WatchPoint], point: &WatchPoint) -> bool {
    covered
        .iter()
        .any(|c| c.path == point.path || (c.recursive && point.path.starts_with(&c.path)))
}

fn watch(paths: &[PathBuf], wake: Sender<Wake>) -> Result<Arc<Watching>, String> {
    let mut targets = Vec::new();
    for path in paths {
        let canonical =
            std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
        targets.push(Target {
            folder: canonical.is_dir(),
            path: canonical,
        });
    }
    let watched = targets.clone();
    let rearm = Arc::new(AtomicBool::new(false));
    let root_changed = Arc::clone(&rearm);
    let sites: Arc<Mutex<Vec<SiteFiles>>> = Arc::default();
    let site_changed = Arc::new(AtomicBool::new(false));
    let (sites_now, site_changes) = (Arc::clone(&sites), Arc::clone(&site_changed));
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        let site = changes_a_site(&event, &lock(&sites_now));
        if site {
            site_changes.store(true, Ordering::SeqCst);
        }
        if site || relevant(&event, &watched) {
            if touches_a_watched_folder(&event, &watched) {
                root_changed.store(true, Ordering::SeqCst);
            }
            let _ = wake.send(Wake::Changed);
        }
    })
    .map_err(|e| e.to_string())?;
    let mut covered = Vec::new();
    for target in &targets {
        // A file is watched through its folder: editors often save by
        // renaming a new file over the old one, which ends a watch on the file.
        let (path, mode) = if target.folder {
            (target.path.as_path(), RecursiveMode::Recursive)
        } else {
            (
                target.path.parent().unwrap_or(Path::new("/")),
                RecursiveMode::NonRecursive,
            )
        };
        watcher
            .watch(path, mode)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        covered.push(WatchPoint {
            path: path.to_owned(),
            recursive: target.folder,
        });
        // The folder's parent, for the folder itself coming back. Not
        // needed to run: without it a removed folder is simply not seen again.
        if target.folder
            && let Some(parent) = target.path.parent()
            && watcher.watch(parent, RecursiveMode::NonRecursive).is_ok()
        {
            covered.push(WatchPoint {
                path: parent.to_owned(),
                recursive: false,
            });
        }
    }
    let watching = Arc::new(Watching {
        watcher: Mutex::new(watcher),
        targets,
        covered,
        rearm,
        sites,
        site_changed,
        site_points: Mutex::default(),
    });
    watching.watch_sites();
    Ok(watching)
}

/// Whether an event can change anything read: reading a file, or changing
/// its mode or times, cannot.
fn counts(event: &notify::Event) -> bool {
    !matches!(
        event.kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    )
}

/// Whether an event is about a site's config or shortcode templates.
fn changes_a_site(event: &notify::Event, sites: &[SiteFiles]) -> bool {
    counts(event)
        && event
            .paths
            .iter()
            .any(|path| sites.iter().any(|site| site.change(path).is_some()))
}

/// Whether an event is about a watched folder itself: made, removed or moved.
fn touches_a_watched_folder(event: &notify::Event, targets: &[Target]) -> bool {
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
    ) && event
        .paths
        .iter()
        .any(|path| targets.iter().any(|t| t.folder && *path == t.path))
}

/// Whether an event can change the content loading the targets reads.
fn relevant(event: &notify::Event, targets: &[Target]) -> bool {
    if !counts(event) {
        return false;
    }
    event.paths.iter().any(|path| {
        targets.iter().any(|target| {
            if !target.folder {
                return *path == target.path;
            }
            let Ok(inside) = path.strip_prefix(&target.path) else {
                return false;
            };
            let hidden = inside
                .components()
                .any(|c| crate::load::is_hidden(&c.as_os_str().to_string_lossy()));
            if hidden {
                return false;
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            crate::load::is_content_name(&name)
                || path.is_dir()
                // A folder moved or removed is no folder any more.
                || (matches!(event.kind, EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_)))
                    && path.extension().is_none())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode};

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    fn folder(path: &str) -> Target {
        Target {
            path: PathBuf::from(path),
            folder: true,
        }
    }

    #[test]
    fn content_files_under_a_watched_folder_count_and_swap_files_do_not() {
        let targets = [folder("/h")];
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(relevant(&event(write, "/h/a.md"), &targets));
        assert!(relevant(&event(write, "/h/sub/b.MARKDOWN"), &targets));
        assert!(!relevant(&event(write, "/h/.a.md.swp"), &targets));
        assert!(!relevant(&event(write, "/h/.git/x.md"), &targets));
        assert!(!relevant(&event(write, "/h/a.md~"), &targets));
        assert!(!relevant(&event(write, "/elsewhere/a.md"), &targets));
        assert!(relevant(
            &event(EventKind::Remove(RemoveKind::Any), "/h/gone"),
            &targets
        ));
        assert!(relevant(
            &event(EventKind::Create(CreateKind::File), "/h/new.md"),
            &targets
        ));
    }

    #[test]
    fn reading_and_metadata_never_wake_a_reload() {
        let targets = [folder("/h")];
        assert!(!relevant(
            &event(EventKind::Access(AccessKind::Any), "/h/a.md"),
            &targets
        ));
        assert!(!relevant(
            &event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                "/h/a.md"
            ),
            &targets
        ));
    }

    #[test]
    fn a_sites_templates_and_config_count_wherever_the_paths_given_are() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir_all(root.join("content/prosesser")).unwrap();
        std::fs::create_dir_all(root.join("layouts/shortcodes")).unwrap();
        std::fs::write(root.join("hugo.toml"), "title = 'x'\n").unwrap();
        // Only a folder of the content is given: its site is found above it.
        let targets = [Target {
            path: root.join("content/prosesser"),
            folder: true,
        }];
        let sites = sites_of(&targets);
        assert_eq!(sites.len(), 1);
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let at = |kind, path: &str| event(kind, root.join(path).to_str().unwrap());
        let template = at(
            EventKind::Create(CreateKind::File),
            "layouts/shortcodes/prosesser/ny-kort.html",
        );
        assert!(changes_a_site(&template, &sites));
        assert!(!relevant(&template, &targets));
        assert!(changes_a_site(&at(write, "hugo.toml"), &sites));
        assert!(changes_a_site(
            &at(
                EventKind::Modify(ModifyKind::Name(RenameMode::Any)),
                "hugo.toml"
            ),
            &sites
        ));
        assert!(!changes_a_site(
            &at(write, "layouts/partials/x.html"),
            &sites
        ));
        assert!(!changes_a_site(&at(write, "README.md"), &sites));
        assert!(!changes_a_site(
            &at(EventKind::Access(AccessKind::Any), "hugo.toml"),
            &sites
        ));
        // The content is the targets' own business.
        assert!(!changes_a_site(
            &at(write, "content/prosesser/a.md"),
            &sites
        ));
        assert!(relevant(&at(write, "content/prosesser/a.md"), &targets));
        // A plain folder of Markdown is in no site: nothing more counts.
        let plain = tempfile::tempdir().unwrap();
        assert!(sites_of(&[folder(plain.path().to_str().unwrap())]).is_empty());
    }

    #[test]
    fn the_sites_folders_are_watched_where_the_targets_do_not_watch_already() {
        let given_root = [
            WatchPoint {
                path: PathBuf::from("/s"),
                recursive: true,
            },
            WatchPoint {
                path: PathBuf::from("/"),
                recursive: false,
            },
        ];
        let given_content = [
            WatchPoint {
                path: PathBuf::from("/s/content"),
                recursive: true,
            },
            WatchPoint {
                path: PathBuf::from("/s"),
                recursive: false,
            },
        ];
        let point = |path: &str, recursive| WatchPoint {
            path: PathBuf::from(path),
            recursive,
        };
        assert!(covers(&given_root, &point("/s", false)));
        assert!(covers(&given_root, &point("/s/layouts/shortcodes", true)));
        assert!(!covers(&given_root, &point("/t/themes/x", true)));
        assert!(covers(&given_content, &point("/s", false)));
        assert!(!covers(
            &given_content,
            &point("/s/layouts/shortcodes", true)
        ));
    }

    #[test]
    fn a_named_file_counts_only_for_itself() {
        let targets = [Target {
            path: PathBuf::from("/h/a.txt"),
            folder: false,
        }];
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(relevant(&event(write, "/h/a.txt"), &targets));
        assert!(!relevant(&event(write, "/h/b.md"), &targets));
    }
}
