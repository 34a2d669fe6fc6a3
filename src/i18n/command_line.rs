//! The command line's help, manual page and usage errors in the reader's
//! language.
//!
//! English is the clap definition itself (the doc comments in
//! `src/cli/args.rs`, and what clap writes), so only the other languages have
//! a [`CommandLine`] table; `src/cli/help.rs` lays it over the definition.
//! A table is looked up by what the definition names: a command by its name,
//! an argument by its id, a value by its name. The words of the manual page
//! that clap does not write ([`ManWords`]) are ours in both languages.

/// The help of every command and argument, and the words clap would write
/// in English around them.
pub struct CommandLine {
    /// Every command: the program itself first (named `prosesser`), then
    /// its subcommands, and `help`, the one clap adds.
    pub commands: &'static [CommandHelp],
    /// clap's own `-h`/`--help` and `-V`/`--version`.
    pub flags: Flags,
    pub headings: Headings,
    pub errors: UsageErrors,
}

/// One command's help.
pub struct CommandHelp {
    pub name: &'static str,
    /// One line: the list of commands shows it, and `-h`.
    pub about: &'static str,
    /// `--help` and the manual page, when the command says more than its
    /// `about` (the line itself first, as clap shows it).
    pub long_about: Option<&'static str>,
    pub args: &'static [ArgHelp],
}

/// One argument's help.
pub struct ArgHelp {
    /// The argument's id in the definition (`card_shortcodes`, `paths`).
    pub id: &'static str,
    pub help: Option<&'static str>,
    /// What stands for the value in the help and the usage (`STI`).
    pub value_name: Option<&'static str>,
    /// Each value the argument takes, by name, with what it means.
    pub values: &'static [(&'static str, &'static str)],
}

/// What clap's own flags say.
pub struct Flags {
    /// `-h` when `--help` shows no more.
    pub help: &'static str,
    /// `-h` when `--help` shows more ...
    pub help_short: &'static str,
    /// ... and `--help` then.
    pub help_long: &'static str,
    pub version: &'static str,
}

/// The headings and bracketed words clap writes in its help.
pub struct Headings {
    /// Before the usage line: "Bruk".
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// In a usage line, for "any options" (`[VALG]`).
    pub any_options: &'static str,
    /// In a usage line and the synopsis, for "a command" (`KOMMANDO`).
    pub command_value: &'static str,
    /// Over a list of values with what each means.
    pub possible_values: &'static str,
    /// In brackets before the values: `[mulige verdier: text, json]`.
    pub possible_values_inline: &'static str,
    /// In brackets before a default: `[standard: text]`.
    pub default: &'static str,
    /// The manual page's sections clap names: NAME, SYNOPSIS, DESCRIPTION,
    /// VERSION, in that order.
    pub man_sections: [&'static str; 4],
}

/// What a usage error says. `{arg}`, `{value}`, `{command}`, `{min}`,
/// `{actual}`, `{expected}` and `{list}` are filled in (see [`fill`]).
pub struct UsageErrors {
    /// Before the message: "feil".
    pub error: &'static str,
    /// Before a suggestion: "tips".
    pub tip: &'static str,
    pub used_twice: &'static str,
    pub cannot_be_used_with: &'static str,
    pub command_cannot_be_used_with: &'static str,
    /// After `cannot_be_used_with`, when clap does not say which.
    pub other_arguments: &'static str,
    pub needs_equals: &'static str,
    pub no_value: &'static str,
    pub invalid_value: &'static str,
    pub possible_values: &'static str,
    pub unknown_command: &'static str,
    /// Followed by the arguments, one a line.
    pub missing_arguments: &'static str,
    pub missing_command: &'static str,
    pub commands: &'static str,
    pub not_utf8: &'static str,
    pub too_many_values: &'static str,
    pub too_few_values: &'static str,
    pub wrong_number_of_values: &'static str,
    pub unknown_argument: &'static str,
    /// "a similar command exists: «list»", by what is suggested.
    pub similar_command: &'static str,
    pub similar_commands: &'static str,
    pub similar_argument: &'static str,
    pub similar_arguments: &'static str,
    pub similar_value: &'static str,
    pub similar_values: &'static str,
    /// `{arg}` as a value: `{value}` is how to write it.
    pub pass_as_value: &'static str,
    /// `{arg}` exists (under another command).
    pub exists: &'static str,
    /// `{command}` is a command: remove the `--` before it.
    pub remove_dashes: &'static str,
    /// Where to learn more: `{arg}` is the help flag.
    pub try_help: &'static str,
    /// A usage error clap says only by its kind.
    pub other: &'static str,
}

/// The manual page's sections that are ours, not clap's.
pub struct ManWords {
    /// The manual a page belongs to, over each page (`None`: man's own
    /// "General Commands Manual").
    pub manual: Option<&'static str>,
    pub exit_status: &'static str,
    pub environment: &'static str,
    /// What each exit code means, per page: `""` for `prosesser(1)`, a
    /// command's name for its page, `"*"` for every other command's.
    pub exit_codes: &'static [(&'static str, &'static [(&'static str, &'static str)])],
    /// The environment variables the program reads, and what for.
    pub variables: &'static [(&'static str, &'static str)],
}

impl CommandLine {
    /// The help of the command `name` (`prosesser` for the program itself).
    pub fn command(&self, name: &str) -> Option<&'static CommandHelp> {
        self.commands.iter().find(|c| c.name == name)
    }
}

impl CommandHelp {
    pub fn arg(&self, id: &str) -> Option<&'static ArgHelp> {
        self.args.iter().find(|a| a.id == id)
    }
}

impl ManWords {
    /// The exit codes of the page for `command` (`None`: `prosesser(1)`).
    pub fn exit_codes_of(&self, command: Option<&str>) -> &'static [(&'static str, &'static str)] {
        let name = command.unwrap_or("");
        let find = |n: &str| self.exit_codes.iter().find(|(c, _)| *c == n);
        find(name)
            .or_else(|| find("*"))
            .map_or(&[], |(_, codes)| codes)
    }
}

/// `template` with each `{name}` replaced by its value, in one pass: a value
/// that itself holds `{arg}` (a user's argument) is left as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (close, *value))
        });
        match known {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_name_once_and_leaves_values_as_written() {
        assert_eq!(
            fill(
                "ugyldig verdi «{value}» for «{arg}»",
                &[("value", "{arg}"), ("arg", "--lang")]
            ),
            "ugyldig verdi «{arg}» for «--lang»"
        );
        assert_eq!(fill("{ukjent} {", &[]), "{ukjent} {");
    }
}
