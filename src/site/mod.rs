//! What a Hugo site says about itself beyond its content: which shortcodes are
//! process cards, and the time zone its dates are read in ([`time_zone`]).
//!
//! By default `prosesser/strategy-card` and `prosesser/card` are cards
//! ([`CardShortcodes::default`]). A site root's own shortcode templates
//! (`layouts/shortcodes/**`, and those of the themes its config names) decide
//! for the names they define: a template that reads `title` and at least one
//! of owner, leader, purpose, input, output or effect through `.Get` is a card
//! ([`template::is_card_template`]); any other template is not, even under a
//! default name. A name given by hand ([`CardShortcodes::add`], the
//! command line's `--card-shortcode`) is always a card.
//!
//! [`SiteFiles`] says which files beyond the content (config, templates)
//! decide this, for whoever watches a site for changes.

mod config;
mod files;
mod template;

pub use files::{SiteChange, SiteFiles, WatchPoint};
pub use template::is_card_template;

use crate::model::{Finding, Shortcode, TimeZone, UnknownTimeZone};
use std::path::{Path, PathBuf};

/// The shortcode names whose calls are process cards, and, inside a Hugo
/// site, the shortcode templates the site has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardShortcodes {
    /// Few names (two by default, a handful on a real site): a scan beats hashing.
    names: Vec<Shortcode>,
    /// The site's templates; `None` outside a site, where nothing is known
    /// about templates.
    templates: Option<Templates>,
}

impl Default for CardShortcodes {
    fn default() -> Self {
        CardShortcodes {
            names: vec![Shortcode::STRATEGY_CARD, Shortcode::CARD],
            templates: None,
        }
    }
}

/// Hugo 0.111's own shortcodes, there on every site without a template file,
/// and whether each takes inner text (only `highlight` does).
const EMBEDDED: [(&str, bool); 13] = [
    ("figure", false),
    ("gist", false),
    ("highlight", true),
    ("instagram", false),
    ("param", false),
    ("ref", false),
    ("relref", false),
    ("tweet", false),
    ("twitter", false),
    ("twitter_simple", false),
    ("vimeo", false),
    ("vimeo_simple", false),
    ("youtube", false),
];

/// The shortcode templates a site has (its own, its themes', Hugo's embedded
/// ones) and whether each takes inner text, which decides how Hugo pairs calls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Templates {
    takes_inner: std::collections::BTreeMap<String, bool>,
}

impl Templates {
    /// The templates of the site at `root` (the site's own win over a theme's),
    /// or `None` when they cannot all be seen: the site has no shortcode
    /// folder at all, names a theme that is not on disk, or takes templates
    /// from Hugo modules. Saying "not found" then would be guessing.
    pub fn for_site(root: &Path) -> Option<Templates> {
        let config = config::read(root);
        let dirs = shortcode_dirs(root);
        // dirs[1..] are `themes/NAME/layouts/shortcodes`: is `themes/NAME` there?
        let themes_there = dirs[1..]
            .iter()
            .all(|d| d.ancestors().nth(2).is_some_and(Path::is_dir));
        if config.uses_modules || !themes_there || !dirs.iter().any(|d| d.is_dir()) {
            return None;
        }
        let mut takes_inner: std::collections::BTreeMap<String, bool> = EMBEDDED
            .iter()
            .map(|(name, inner)| ((*name).to_owned(), *inner))
            .collect();
        let mut decided: Vec<String> = Vec::new();
        for dir in dirs {
            for (name, inner) in template::inner_use(&dir) {
                if !decided.contains(&name) {
                    takes_inner.insert(name.clone(), inner);
                    decided.push(name);
                }
            }
        }
        Some(Templates { takes_inner })
    }

    /// Whether the site has a template for `name`, and if so whether it takes
    /// inner text (`None`: no template, Hugo's build error).
    pub fn takes_inner(&self, name: &str) -> Option<bool> {
        self.takes_inner.get(name).copied()
    }
}

impl CardShortcodes {
    /// The site's templates, when the files are in a site.
    pub fn templates(&self) -> Option<&Templates> {
        self.templates.as_ref()
    }

    /// These card shortcodes, with a site's templates known.
    pub fn with_templates(mut self, templates: Templates) -> CardShortcodes {
        self.templates = Some(templates);
        self
    }

    /// No name at all (then [`CardShortcodes::add`] the ones wanted).
    pub fn none() -> Self {
        CardShortcodes {
            names: Vec::new(),
            templates: None,
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Makes `name` a card shortcode (a leading `/` or spaces are not part of
    /// a name and are dropped).
    pub fn add(&mut self, name: &str) {
        let name = name.trim().trim_matches('/');
        if !name.is_empty() && !self.contains(name) {
            self.names.push(Shortcode::new(name));
        }
    }

    pub fn remove(&mut self, name: &str) {
        self.names.retain(|n| n != name);
    }

    /// The names, in the order they were added.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|n| n.as_ref())
    }

    /// The name to store on a card: found among the family's, so no card
    /// makes a name of its own.
    pub fn shared(&self, name: &str) -> Shortcode {
        match self.names.iter().find(|n| **n == name) {
            Some(known) => *known,
            None => Shortcode::new(name),
        }
    }

    /// The family for the site at `root`: the defaults, then every template
    /// of the site and its themes deciding for its own name (the site's own
    /// template wins over a theme's, as in Hugo).
    pub fn for_site(root: &Path) -> CardShortcodes {
        let mut family = CardShortcodes::default();
        let mut decided: Vec<String> = Vec::new();
        for dir in shortcode_dirs(root) {
            for (name, is_card) in template::decide(&dir) {
                if decided.contains(&name) {
                    continue;
                }
                if is_card {
                    family.add(&name);
                } else {
                    family.remove(&name);
                }
                decided.push(name);
            }
        }
        match Templates::for_site(root) {
            Some(templates) => family.with_templates(templates),
            None => family,
        }
    }
}

/// How the pages in one place are read: which shortcodes are cards, and the
/// time zone of a date written without one. Outside a Hugo site: the
/// default cards, UTC.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub cards: CardShortcodes,
    pub time_zone: TimeZone,
}

/// A config setting Hugo refuses to build with, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based line and column of the value.
    pub line: u32,
    pub column: u32,
    /// The `timeZone` no zone has.
    pub time_zone: UnknownTimeZone,
}

impl ConfigError {
    /// What it says, in English.
    pub fn message(&self) -> String {
        // The question last, where a reader's eye ends.
        let zone = &self.time_zone;
        let meant = zone
            .nearest
            .as_ref()
            .map(|n| format!("; did you mean {n:?}?"));
        format!(
            "timeZone: unknown time zone {:?} (Hugo refuses to build the site); \
             dates without a zone are read as UTC{}",
            zone.name,
            meant.unwrap_or_default()
        )
    }

    /// What it says as data, for a reader's language.
    pub fn finding(&self) -> Finding {
        Finding::UnknownTimeZone {
            name: self.time_zone.name.clone(),
            nearest: self.time_zone.nearest.clone(),
        }
    }
}

/// The time zone the site at `root` reads dates without one in: its
/// config's `timeZone`, UTC when unset. A name Hugo does not know fails
/// Hugo's build; here it is UTC, and the error says where the name is.
pub fn time_zone(root: &Path) -> (TimeZone, Option<ConfigError>) {
    let Some(setting) = config::read(root).time_zone else {
        return (TimeZone::UTC, None);
    };
    match TimeZone::named(&setting.value) {
        Ok(zone) => (zone, None),
        Err(unknown) => (
            TimeZone::UTC,
            Some(ConfigError {
                file: setting.file,
                line: setting.line,
                column: setting.column,
                time_zone: unknown,
            }),
        ),
    }
}

/// Where a site's shortcode templates are, the site's own first, then each
/// theme's in the order the config names them.
fn shortcode_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![root.join("layouts").join("shortcodes")];
    let config = config::read(root);
    let themes_dir = root.join(config.themes_dir.as_deref().unwrap_or("themes"));
    for theme in config.themes {
        dirs.push(themes_dir.join(theme).join("layouts").join("shortcodes"));
    }
    dirs
}

/// The Hugo site root that `path` is, or is inside: a folder with `content/`
/// beside a Hugo config. Looks at `path` and then each folder above it.
pub fn site_root(path: &Path) -> Option<PathBuf> {
    let start = if path.is_dir() {
        path.to_owned()
    } else {
        path.parent()?.to_owned()
    };
    let start = if start.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start
    };
    let absolute = std::path::absolute(&start).ok()?;
    absolute
        .ancestors()
        .find(|d| is_site_root(d))
        .map(Path::to_owned)
}

/// The files Hugo takes its config from, in the order it looks.
pub const HUGO_CONFIGS: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// A Hugo site root has `content/` beside a Hugo config (a file or `config/`).
pub fn is_site_root(dir: &Path) -> bool {
    dir.join("content").is_dir()
        && (HUGO_CONFIGS.iter().any(|c| dir.join(c).is_file()) || dir.join("config").is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_two_prosesser_cards() {
        let family = CardShortcodes::default();
        assert_eq!(
            family.names().collect::<Vec<_>>(),
            ["prosesser/strategy-card", "prosesser/card"]
        );
        assert_eq!(family.shared(crate::model::CARD), Shortcode::CARD);
        assert!(!family.contains("onboarding/ext-nav-card"));
    }

    #[test]
    fn names_added_by_hand_are_trimmed_and_kept_once() {
        let mut family = CardShortcodes::none();
        family.add(" /x/card ");
        family.add("x/card");
        family.add("");
        assert_eq!(family.names().collect::<Vec<_>>(), ["x/card"]);
    }
}
