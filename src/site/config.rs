//! The little of a Hugo config we need: which themes the site uses.

use std::path::Path;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// `theme`: one name or a list, in the order given.
    pub themes: Vec<String>,
    /// `themesDir`, when set.
    pub themes_dir: Option<String>,
    /// The site takes templates from Hugo modules (`module.imports`, or a
    /// theme named by a module path), which are not on disk beside it.
    pub uses_modules: bool,
}

/// The config of the site at `root`: the first of Hugo's config files that
/// exists at the root, then `config/_default/`'s. A config that cannot be
/// read or decoded names no theme (the site's own templates still count).
pub fn read(root: &Path) -> Config {
    let mut config = Config::default();
    let dirs = [root.to_owned(), root.join("config").join("_default")];
    for dir in dirs {
        for name in super::HUGO_CONFIGS {
            let file = dir.join(name);
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            if let Some(map) = decode(name, &text) {
                merge(&mut config, &map);
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

/// Hugo's config keys ignore case (`themesDir`, `themesdir`).
fn merge(config: &mut Config, map: &serde_json::Map<String, serde_json::Value>) {
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
            _ => {}
        }
    }
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
    fn a_broken_config_or_a_theme_outside_the_themes_folder_names_none() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hugo.toml"), "theme = [").unwrap();
        assert_eq!(read(dir.path()), Config::default());
        std::fs::write(dir.path().join("hugo.toml"), "theme = '../../etc'").unwrap();
        assert!(read(dir.path()).themes.is_empty());
    }
}
