//! Switching rules off and on, in the style of clippy: `allow` drops a
//! rule's findings, `warn` makes them warnings, `deny` makes them errors.
//! `warnings` names every finding that is a warning by default. Settings
//! apply in the order given, the last one for a finding winning
//! (`--deny warnings --allow person-name` fails on every warning but those).

use crate::model::{Diagnostic, Rule, Severity};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// What a setting is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Rule(Rule),
    /// Every finding that is a warning by default.
    Warnings,
}

/// Rule levels, in the order they were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    settings: Vec<(Target, Level)>,
}

/// A name that is neither a rule nor `warnings`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelError {
    pub name: String,
}

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown rule {:?}; the rules are: {}",
            self.name,
            Levels::names().collect::<Vec<_>>().join(", ")
        )
    }
}

impl std::error::Error for LevelError {}

impl Levels {
    /// Every name a level can be set for: each rule, then `warnings`.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Rule::ALL.into_iter().map(Rule::name).chain(["warnings"])
    }

    /// Sets `name` (a rule, or `warnings`) to `level`, after the settings so far.
    pub fn set(&mut self, name: &str, level: Level) -> Result<(), LevelError> {
        let target = match name {
            "warnings" => Target::Warnings,
            _ => Target::Rule(Rule::from_name(name).ok_or_else(|| LevelError {
                name: name.to_owned(),
            })?),
        };
        self.settings.push((target, level));
        Ok(())
    }

    /// The level `finding` ends up at, `None` when no setting is about it.
    fn level(&self, finding: &Diagnostic) -> Option<Level> {
        self.settings
            .iter()
            .rev()
            .find(|(target, _)| match target {
                Target::Rule(rule) => *rule == finding.rule,
                Target::Warnings => finding.severity == Severity::Warning,
            })
            .map(|&(_, level)| level)
    }

    /// The findings with the levels applied: allowed ones dropped, the others
    /// at their level's severity.
    pub fn apply(&self, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        found
            .into_iter()
            .filter_map(|mut d| {
                match self.level(&d) {
                    Some(Level::Allow) => return None,
                    Some(Level::Warn) => d.severity = Severity::Warning,
                    Some(Level::Deny) => d.severity = Severity::Error,
                    None => {}
                }
                Some(d)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found() -> Vec<Diagnostic> {
        vec![
            Diagnostic::warning("a.md", 1, 1, Rule::PersonName, "p"),
            Diagnostic::warning("a.md", 2, 1, Rule::Navigation, "n"),
            Diagnostic::error("a.md", 3, 1, Rule::Shortcode, "s"),
        ]
    }

    fn shown(levels: &Levels) -> Vec<String> {
        levels
            .apply(found())
            .iter()
            .map(|d| format!("{} {}", d.rule, d.severity))
            .collect()
    }

    #[test]
    fn allow_drops_deny_raises_warn_lowers() {
        let mut levels = Levels::default();
        levels.set("person-name", Level::Allow).unwrap();
        levels.set("navigation", Level::Deny).unwrap();
        levels.set("shortcode", Level::Warn).unwrap();
        assert_eq!(shown(&levels), ["navigation error", "shortcode warning"]);
    }

    #[test]
    fn the_last_setting_for_a_finding_wins_and_warnings_names_the_warnings() {
        let mut levels = Levels::default();
        levels.set("warnings", Level::Deny).unwrap();
        levels.set("person-name", Level::Allow).unwrap();
        assert_eq!(shown(&levels), ["navigation error", "shortcode error"]);
        levels.set("warnings", Level::Warn).unwrap();
        assert_eq!(
            shown(&levels),
            [
                "person-name warning",
                "navigation warning",
                "shortcode error"
            ]
        );
    }

    #[test]
    fn an_unknown_name_is_an_error_listing_the_rules() {
        let error = Levels::default().set("persons", Level::Allow).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("unknown rule \"persons\""), "{message}");
        assert!(message.contains("person-name") && message.ends_with("warnings"));
    }
}
