//! The little of a Hugo config we need: which themes the site uses, and the
//! time zone of its dates.

use std::path::{Path, PathBuf};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// `theme`: one name or a list, in the order given.
    pub themes: Vec<String>,
    /// `themesDir`, when set.
    pub themes_dir: Option<String>,
    /// The site takes templates from Hugo modules (`module.imports`, or a
    /// theme named by a module path), which are not on disk beside it.
    pub uses_modules: bool,
    /// `timeZone`, when set.
    pub time_zone: Option<Setting>,
}

/// A setting's value, as Go's `cast.ToString` makes text of it, and where
/// it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub value: String,
    pub file: PathBuf,
    /// 1-based line and column of the value (1:1 when not known: JSON).
    pub line: u32,
    pub column: u32,
}

/// The config of the site at `root`: the first of Hugo's config files that
/// exists in `config/_default/`, over the first at the root (hugo 0.111:
/// `config/_default/hugo.toml` wins over `hugo.toml`, for `theme` and
/// `timeZone` alike). A config that cannot be read or decoded names no
/// theme (the site's own templates still count).
pub fn read(root: &Path) -> Config {
    let mut config = Config::default();
    let dirs = [root.join("config").join("_default"), root.to_owned()];
    for dir in dirs {
        for name in super::HUGO_CONFIGS {
            let file = dir.join(name);
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            if let Some(map) = decode(name, &text) {
                merge(&mut config, &map, &file, &text);
            }
            break;
        }
    }
    config
}

/// The config decoded as front matter is: Hugo reads both with the same decoders.
fn decode(name: &str, text: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    use crate::model::FrontMatterFormat;
    let format = if name.ends_with(".toml") {
        FrontMatterFormat::Toml
    } else if name.ends_with(".json") {
        FrontMatterFormat::Json
    } else {
        FrontMatterFormat::Yaml
    };
    crate::parse::decode_map(format, text)
}

/// Hugo's config keys ignore case (`themesDir`, `themesdir`). What `config`
/// has already (from a file that wins) stays.
fn merge(
    config: &mut Config,
    map: &serde_json::Map<String, serde_json::Value>,
    file: &Path,
    text: &str,
) {
    for (key, value) in map {
        match key.to_ascii_lowercase().as_str() {
            "theme" if config.themes.is_empty() => {
                config.themes = match value {
                    serde_json::Value::String(s) => vec![s.clone()],
                    serde_json::Value::Array(items) => items
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect(),
                    _ => Vec::new(),
                };
                config.uses_modules |= config.themes.iter().any(|t| t.contains('/'));
                config.themes.retain(|t| is_plain_name(t));
            }
            "module" => {
                config.uses_modules |= value
                    .as_object()
                    .and_then(|m| m.iter().find(|(k, _)| k.eq_ignore_ascii_case("imports")))
                    .is_some_and(|(_, imports)| !imports.is_null());
            }
            "themesdir" if config.themes_dir.is_none() => {
                config.themes_dir = value.as_str().map(str::to_owned);
            }
            "timezone" if config.time_zone.is_none() => {
                let value = match value {
                    serde_json::Value::String(s) => s.clone(),
                    // `timeZone = 5` is the zone "5" to Hugo (its error);
                    // a list or a map casts to no text: UTC.
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                let (line, column) = value_position(file, text, key);
                config.time_zone = Some(Setting {
                    value,
                    file: file.to_owned(),
                    line,
                    column,
                });
            }
            _ => {}
        }
    }
}

/// Where the value of the top-level `key` is written in a config file.
fn value_position(file: &Path, text: &str, key: &str) -> (u32, u32) {
    use crate::model::FrontMatterFormat;
    let format = match file.extension().and_then(|e| e.to_str()) {
        Some("toml") => FrontMatterFormat::Toml,
        Some("json") => return (1, 1),
        _ => FrontMatterFormat::Yaml,
    };
    crate::parse::front_matter_key_lines(format, text, 1)
        .into_iter()
        .rev()
        .find(|k| k.path == key)
        .map_or((1, 1), |k| k.value_position(1))
}

/// A theme is a folder name: never a path that leaves the themes folder.
fn is_plain_name(theme: &str) -> bool {
    !theme.is_empty() && !theme.contains(['/', '\\']) && theme != "." && theme != ".."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_as_a_name_or_a_list_in_toml_yaml_and_json() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hugo.toml"), "theme = 'ananke'\n").unwrap();
        assert_eq!(read(dir.path()).themes, ["ananke"]);
        std::fs::remove_file(dir.path().join("hugo.toml")).unwrap();
        std::fs::write(
            dir.path().join("config.yaml"),
            "theme: [a, b]\nthemesDir: lib/themes\n",
        )
        .unwrap();
        let config = read(dir.path());
        assert_eq!(config.themes, ["a", "b"]);
        assert_eq!(config.themes_dir.as_deref(), Some("lib/themes"));
        std::fs::remove_file(dir.path().join("config.yaml")).unwrap();
        std::fs::write(dir.path().join("hugo.json"), r#"{"Theme": "x"}"#).unwrap();
        assert_eq!(read(dir.path()).themes, ["x"]);
    }

    #[test]
    fn config_default_wins_over_the_root_as_in_hugo() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("hugo.toml"),
            "theme = 'rot'\ntimeZone = 'Europe/Oslo'\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("config/_default")).unwrap();
        std::fs::write(
            dir.path().join("config/_default/hugo.yaml"),
            "title: x\ntheme: standard\n",
        )
        .unwrap();
        let config = read(dir.path());
        assert_eq!(config.themes, ["standard"]);
        // Set only at the root, the root's counts.
        let zone = config.time_zone.unwrap();
        assert_eq!(zone.value, "Europe/Oslo");
        assert_eq!(zone.file, dir.path().join("hugo.toml"));
        assert_eq!((zone.line, zone.column), (2, 12));
    }

    #[test]
    fn the_time_zone_and_where_it_is_written_in_toml_yaml_and_json() {
        let dir = tempfile::tempdir().unwrap();
        let zone = |name: &str, text: &str| {
            std::fs::write(dir.path().join(name), text).unwrap();
            let zone = read(dir.path()).time_zone;
            std::fs::remove_file(dir.path().join(name)).unwrap();
            zone.map(|z| (z.value, z.line, z.column))
        };
        assert_eq!(
            zone("hugo.toml", "title = 'x'\nTimeZone = \"Europe/Oslo\"\n"),
            Some(("Europe/Oslo".into(), 2, 12))
        );
        assert_eq!(
            zone("config.yaml", "title: x\n\ntimezone:   Europe/Olso\n"),
            Some(("Europe/Olso".into(), 3, 13))
        );
        assert_eq!(
            zone("hugo.json", r#"{"timeZone": "UTC"}"#),
            Some(("UTC".into(), 1, 1))
        );
        assert_eq!(
            zone("hugo.toml", "timeZone = 5\n"),
            Some(("5".into(), 1, 12))
        );
        assert_eq!(zone("hugo.toml", "timeZone = []\n"), None);
        // A key in a table is not the site's.
        assert_eq!(
            zone("hugo.toml", "[params]\ntimeZone = 'Europe/Oslo'\n"),
            None
        );
    }

    #[test]
    fn a_broken_config_or_a_theme_outside_the_themes_folder_names_none() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hugo.toml"), "theme = [").unwrap();
        assert_eq!(read(dir.path()), Config::default());
        std::fs::write(dir.path().join("hugo.toml"), "theme = '../../etc'").unwrap();
        assert!(read(dir.path()).themes.is_empty());
    }
}
