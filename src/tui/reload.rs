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
    results: Receiver<Result<Loaded, String>>,
    /// `Err(why)` when changes are not watched (reading by hand still works).
    pub watching: Result<(), String>,
}

/// The watcher and what it watches, shared with the worker, which watches
/// a folder anew once it has been removed and made again.
struct Watching {
    watcher: Mutex<RecommendedWatcher>,
    targets: Vec<Target>,
    /// A watched folder itself came or went since it was last watched (set
    /// by the watcher's callback).
    rearm: Arc<AtomicBool>,
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
    pub fn try_take(&self) -> Option<Result<Loaded, String>> {
        self.results.try_recv().ok()
    }
}

fn worker(
    paths: &[PathBuf],
    options: &crate::load::Options,
    watched: Option<Arc<Watching>>,
    wake: Receiver<Wake>,
    results: Sender<Result<Loaded, String>>,
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
        let loaded = crate::load::load_paths_with(&refs, options)
            .map(Loaded::build)
            .map_err(|e| e.to_string());
        if results.send(loaded).is_err() {
            return;
        }
    }
}

impl Watching {
    /// Watch again each folder that was removed and has come back.
    fn rearm_if_needed(&self) {
        if !self.rearm.swap(false, Ordering::SeqCst) {
            return;
        }
        let mut watcher = self
            .watcher
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for target in self.targets.iter().filter(|t| t.folder) {
            // Gone for now: its parent's watch says when it comes back.
            let _ = watcher.unwatch(&target.path);
            if target.path.is_dir() {
                let _ = watcher.watch(&target.path, RecursiveMode::Recursive);
            }
        }
    }
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
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && relevant(&event, &watched)
        {
            if touches_a_watched_folder(&event, &watched) {
                root_changed.store(true, Ordering::SeqCst);
            }
            let _ = wake.send(Wake::Changed);
        }
    })
    .map_err(|e| e.to_string())?;
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
        // The folder's parent, for the folder itself coming back. Not
        // needed to run: without it a removed folder is simply not seen again.
        if target.folder
            && let Some(parent) = target.path.parent()
        {
            let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
        }
    }
    Ok(Arc::new(Watching {
        watcher: Mutex::new(watcher),
        targets,
        rearm,
    }))
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

/// Whether an event can change what loading the targets gives.
fn relevant(event: &notify::Event, targets: &[Target]) -> bool {
    match event.kind {
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => return false,
        _ => {}
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
    use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, RemoveKind};

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
