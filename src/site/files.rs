//! The files of a site, beyond its content, that decide how it is read: its
//! config (which themes it uses) and its shortcode templates (which calls are
//! cards, and how calls pair). A change to one of them can turn text into
//! cards or back, so whoever watches a site for changes (the browser's live
//! reload) watches these too, and reads every page again when one changes.

use super::HUGO_CONFIGS;
use std::path::{Path, PathBuf};

/// The config and template files of the site at a root, as they are now
/// (the themes come from the config, so a config change can move them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFiles {
    root: PathBuf,
    /// The site's own `layouts/shortcodes`, then each theme's.
    shortcodes: Vec<PathBuf>,
}

/// What a changed path is to a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteChange {
    /// A config file (`hugo.toml`, `config/_default/hugo.yaml`, ...), or a
    /// folder that holds them, made, written, removed or renamed.
    Config,
    /// A shortcode template, or a folder on the way to one.
    Template,
}

/// A folder to watch: everything under it, or only its own entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchPoint {
    pub path: PathBuf,
    pub recursive: bool,
}

impl SiteFiles {
    /// The files of the site at `root`. Paths are resolved (symlinks, `..`)
    /// as far as they exist, so they compare with what a watcher reports for
    /// a resolved root.
    pub fn of(root: &Path) -> SiteFiles {
        let root = resolve(root);
        let shortcodes = super::shortcode_dirs(&root)
            .iter()
            .map(|d| resolve(d))
            .collect();
        SiteFiles { root, shortcodes }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the site's shortcode templates are: its own, then each theme's.
    pub fn shortcode_dirs(&self) -> &[PathBuf] {
        &self.shortcodes
    }

    /// The config files Hugo would look for, at the root and in `config/_default/`.
    pub fn config_files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        [self.root.clone(), self.config_default()]
            .into_iter()
            .flat_map(|dir| HUGO_CONFIGS.iter().map(move |name| dir.join(name)))
    }

    fn config_default(&self) -> PathBuf {
        self.root.join("config").join("_default")
    }

    /// What a change at `path` (a file or folder made, written, removed or
    /// renamed) means for reading the site: `None` when it changes nothing
    /// the site's config or templates say. Hidden entries (editor swap
    /// files, `.git`) never count.
    pub fn change(&self, path: &Path) -> Option<SiteChange> {
        let config_default = self.config_default();
        let config_folders = [self.root.join("config"), config_default.clone()];
        if path.parent() == Some(self.root.as_path()) || path.parent() == Some(&config_default) {
            let name = path.file_name()?.to_str()?;
            if HUGO_CONFIGS.contains(&name) {
                return Some(SiteChange::Config);
            }
        }
        if config_folders.iter().any(|f| f == path) {
            return Some(SiteChange::Config);
        }
        for dir in &self.shortcodes {
            if let Ok(inside) = path.strip_prefix(dir) {
                let hidden = inside
                    .components()
                    .any(|c| crate::load::is_hidden(&c.as_os_str().to_string_lossy()));
                if !hidden {
                    return Some(SiteChange::Template);
                }
            } else if dir.starts_with(path) && !self.root.starts_with(path) {
                // `layouts`, `themes/x`: a folder on the way, made or moved.
                return Some(SiteChange::Template);
            }
        }
        None
    }

    /// The folders to watch so that every change [`SiteFiles::change`]
    /// counts is seen: the root's own entries (its config files, and the
    /// `config/` and `layouts/` folders coming), `config/_default/`, and every
    /// shortcode folder with all under it. A folder that is not there yet is
    /// watched through the nearest folder above it that is, so that its
    /// coming is seen (watch again then, with [`SiteFiles::of`] read anew).
    pub fn watch_points(&self) -> Vec<WatchPoint> {
        let mut points: Vec<WatchPoint> = Vec::new();
        let mut add = |path: &Path, recursive: bool| {
            let (path, recursive) = match nearest_existing(path) {
                Some(there) if there == path => (there, recursive),
                Some(above) => (above, false),
                None => return,
            };
            match points.iter_mut().find(|p| p.path == path) {
                Some(point) => point.recursive |= recursive,
                None => points.push(WatchPoint { path, recursive }),
            }
        };
        add(&self.root, false);
        add(&self.config_default(), false);
        for dir in &self.shortcodes {
            add(dir, true);
        }
        points
    }
}

/// `path` with its longest existing start resolved (symlinks, `..`) and
/// the rest as written.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    for above in absolute.ancestors() {
        if let Ok(resolved) = std::fs::canonicalize(above) {
            let rest = absolute.strip_prefix(above).unwrap_or(Path::new(""));
            return if rest.as_os_str().is_empty() {
                resolved
            } else {
                resolved.join(rest)
            };
        }
    }
    absolute
}

/// `path` if it is a folder, else the nearest folder above it.
fn nearest_existing(path: &Path) -> Option<PathBuf> {
    path.ancestors().find(|p| p.is_dir()).map(Path::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(config: &str) -> (tempfile::TempDir, SiteFiles) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::create_dir_all(dir.path().join("layouts/shortcodes/prosesser")).unwrap();
        std::fs::create_dir_all(dir.path().join("themes/tema/layouts")).unwrap();
        std::fs::write(dir.path().join("hugo.toml"), config).unwrap();
        let files = SiteFiles::of(dir.path());
        (dir, files)
    }

    #[test]
    fn config_files_at_the_root_and_in_config_default_are_config() {
        let (_dir, files) = site("");
        let root = files.root().to_owned();
        for path in [
            "hugo.toml",
            "hugo.yaml",
            "config.json",
            "config",
            "config/_default",
            "config/_default/hugo.toml",
            "config/_default/config.yml",
        ] {
            assert_eq!(
                files.change(&root.join(path)),
                Some(SiteChange::Config),
                "{path}"
            );
        }
        for path in [
            "hugo.toml~",
            ".hugo.toml.swp",
            "README.md",
            "config/production/hugo.toml",
            "config/_default/params.toml",
            "content/hugo.toml",
            "i18n/no.yml",
        ] {
            assert_eq!(files.change(&root.join(path)), None, "{path}");
        }
    }

    #[test]
    fn shortcode_templates_of_the_site_and_its_themes_are_templates() {
        let (_dir, files) = site("theme = 'tema'\n");
        let root = files.root().to_owned();
        for path in [
            "layouts/shortcodes/prosesser/ny-kort.html",
            "layouts/shortcodes/prosesser",
            "layouts/shortcodes/kort.en.html",
            "layouts",
            "layouts/shortcodes",
            "themes/tema/layouts/shortcodes/x/kort.html",
            "themes/tema",
            "themes",
        ] {
            assert_eq!(
                files.change(&root.join(path)),
                Some(SiteChange::Template),
                "{path}"
            );
        }
        for path in [
            "layouts/partials/head.html",
            "layouts/_default/single.html",
            "layouts/shortcodes/prosesser/.ny-kort.html.swp",
            "layouts/shortcodes/.git/HEAD",
            "themes/annet/layouts/shortcodes/kort.html",
            "themes/tema/layouts/partials/kort.html",
            "content/prosesser/side.md",
        ] {
            assert_eq!(files.change(&root.join(path)), None, "{path}");
        }
        // Nothing above the root is the site's.
        assert_eq!(files.change(root.parent().unwrap()), None);
    }

    #[test]
    fn a_theme_in_themes_dir_outside_the_root_is_followed() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(outer.path().join("delt/tema/layouts/shortcodes")).unwrap();
        std::fs::write(
            root.join("hugo.toml"),
            "theme = 'tema'\nthemesDir = '../delt'\n",
        )
        .unwrap();
        let files = SiteFiles::of(&root);
        let theme =
            std::fs::canonicalize(outer.path().join("delt/tema/layouts/shortcodes")).unwrap();
        assert_eq!(files.shortcode_dirs()[1], theme);
        assert_eq!(
            files.change(&theme.join("kort.html")),
            Some(SiteChange::Template)
        );
        assert!(files.watch_points().contains(&WatchPoint {
            path: theme,
            recursive: true
        }));
    }

    #[test]
    fn a_folder_not_there_yet_is_watched_through_the_folder_above_it() {
        let (_dir, files) = site("theme = 'tema'\n");
        let root = files.root().to_owned();
        let points = files.watch_points();
        assert_eq!(
            points,
            [
                WatchPoint {
                    path: root.clone(),
                    recursive: false
                },
                WatchPoint {
                    path: root.join("layouts/shortcodes"),
                    recursive: true
                },
                WatchPoint {
                    path: root.join("themes/tema/layouts"),
                    recursive: false
                },
            ]
        );
        // Once the theme's shortcodes come, they are watched with all under them.
        std::fs::create_dir_all(root.join("themes/tema/layouts/shortcodes")).unwrap();
        std::fs::create_dir_all(root.join("config/_default")).unwrap();
        let points = SiteFiles::of(&root).watch_points();
        assert!(points.contains(&WatchPoint {
            path: root.join("themes/tema/layouts/shortcodes"),
            recursive: true
        }));
        assert!(points.contains(&WatchPoint {
            path: root.join("config/_default"),
            recursive: false
        }));
    }

    #[test]
    fn a_theme_named_in_the_config_moves_the_templates() {
        let (dir, files) = site("");
        assert_eq!(files.shortcode_dirs().len(), 1);
        std::fs::write(dir.path().join("hugo.toml"), "theme = 'tema'\n").unwrap();
        let files = SiteFiles::of(dir.path());
        assert_eq!(files.shortcode_dirs().len(), 2);
        assert!(files.shortcode_dirs()[1].ends_with("themes/tema/layouts/shortcodes"));
    }
}
