//! What clap has to say, in the reader's language: the help (rendered by
//! clap from the translated definition, see [`super::help`]) and the usage
//! errors, written here from what clap found (the error's kind and context)
//! in the shape clap gives them: `error: …`, the suggestions, the usage, and
//! where to learn more.

use super::help::help_text;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use prosesser::i18n::{Headings, Lang, UsageErrors, fill, words};

/// clap's indent of a list under a message.
const TAB: &str = "  ";

/// The text of `error` (help, version or usage error) for a reader of `lang`.
pub fn render(error: &clap::Error, lang: Lang) -> String {
    // The text as clap has it, escape sequences of the argument included
    // (its plain rendering would drop them unseen); clap's own styling is
    // off (`Styles::plain`), so every escape left is the user's, to be shown.
    let english = error.render().ansi().to_string();
    let Some(table) = words(lang).command_line else {
        return english;
    };
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            help_text(&english, lang)
        }
        ErrorKind::DisplayVersion => english,
        // An error with nothing but its message (clap's `Error::raw`): the
        // message is all there is, and only clap's English has it.
        _ if error.context().next().is_none() && error.kind() != ErrorKind::InvalidUtf8 => english,
        _ => said(
            error,
            &table.errors,
            &table.headings,
            try_help_flag(&english),
        ),
    }
}

/// The flag clap names in "For more information, try '--help'", when it
/// names one (it depends on the command, which the error does not expose).
fn try_help_flag(english: &str) -> Option<&str> {
    let (_, after) = english.rsplit_once("For more information, try '")?;
    Some(after.split_once('\'')?.0)
}

fn said(error: &clap::Error, e: &UsageErrors, h: &Headings, try_help: Option<&str>) -> String {
    let mut out = format!("{}: ", e.error);
    out.push_str(&message(error, e));
    let mut suggested = false;
    for (kind, one, many) in [
        (
            ContextKind::SuggestedSubcommand,
            e.similar_command,
            e.similar_commands,
        ),
        (
            ContextKind::SuggestedArg,
            e.similar_argument,
            e.similar_arguments,
        ),
        (
            ContextKind::SuggestedValue,
            e.similar_value,
            e.similar_values,
        ),
    ] {
        let Some(value) = error.get(kind) else {
            continue;
        };
        out.push('\n');
        if !suggested {
            out.push('\n');
            suggested = true;
        }
        let (template, list) = match value {
            ContextValue::Strings(many_of) if many_of.len() > 1 => (many, quoted_list(many_of)),
            ContextValue::Strings(one_of) => (one, quoted_list(one_of)),
            ContextValue::String(that) => (one, quoted(that)),
            _ => continue,
        };
        out.push_str(&format!(
            "{TAB}{}: {}",
            e.tip,
            fill(template, &[("list", &list)])
        ));
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        if !suggested {
            out.push('\n');
        }
        for tip in tips {
            let tip = suggestion(&tip.ansi().to_string(), e);
            out.push_str(&format!("\n{TAB}{}: {tip}", e.tip));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.ansi().to_string();
        out.push_str("\n\n");
        match usage.strip_prefix("Usage:") {
            Some(rest) => {
                out.push_str(h.usage);
                out.push(':');
                out.push_str(rest);
            }
            None => out.push_str(&usage),
        }
    }
    match try_help {
        Some(flag) => {
            out.push_str("\n\n");
            out.push_str(&fill(e.try_help, &[("arg", flag)]));
            out.push('\n');
        }
        None => out.push('\n'),
    }
    out
}

/// The message, from the kind and what clap found.
fn message(error: &clap::Error, e: &UsageErrors) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let said = match error.kind() {
        ErrorKind::ArgumentConflict => Some(conflict(error, e)),
        ErrorKind::NoEquals => arg.map(|arg| fill(e.needs_equals, &[("arg", arg)])),
        ErrorKind::InvalidValue => arg.zip(value).map(|(arg, value)| {
            let mut said = if value.is_empty() {
                fill(e.no_value, &[("arg", arg)])
            } else {
                fill(e.invalid_value, &[("arg", arg), ("value", value)])
            };
            said.push_str(&listed(
                error.get(ContextKind::ValidValue),
                e.possible_values,
            ));
            said
        }),
        ErrorKind::InvalidSubcommand => text(ContextKind::InvalidSubcommand)
            .map(|command| fill(e.unknown_command, &[("command", command)])),
        ErrorKind::MissingRequiredArgument => match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::Strings(missing)) => {
                let mut said = e.missing_arguments.to_owned();
                for arg in missing {
                    said.push_str(&format!("\n{TAB}{arg}"));
                }
                Some(said)
            }
            _ => None,
        },
        ErrorKind::MissingSubcommand => text(ContextKind::InvalidSubcommand).map(|command| {
            let mut said = fill(e.missing_command, &[("command", command)]);
            said.push_str(&listed(error.get(ContextKind::ValidSubcommand), e.commands));
            said
        }),
        ErrorKind::TooManyValues => arg
            .zip(value)
            .map(|(arg, value)| fill(e.too_many_values, &[("arg", arg), ("value", value)])),
        ErrorKind::TooFewValues => arg
            .zip(number(ContextKind::ActualNumValues))
            .zip(number(ContextKind::MinValues))
            .map(|((arg, actual), min)| {
                fill(
                    e.too_few_values,
                    &[("arg", arg), ("actual", &actual), ("min", &min)],
                )
            }),
        ErrorKind::ValueValidation => arg.zip(value).map(|(arg, value)| {
            let mut said = fill(e.invalid_value, &[("arg", arg), ("value", value)]);
            // Why the value was refused, as its parser said it.
            if let Some(why) = std::error::Error::source(error) {
                said.push_str(&format!(": {why}"));
            }
            said
        }),
        ErrorKind::WrongNumberOfValues => arg
            .zip(number(ContextKind::ActualNumValues))
            .zip(number(ContextKind::ExpectedNumValues))
            .map(|((arg, actual), expected)| {
                fill(
                    e.wrong_number_of_values,
                    &[("arg", arg), ("actual", &actual), ("expected", &expected)],
                )
            }),
        ErrorKind::UnknownArgument => arg.map(|arg| fill(e.unknown_argument, &[("arg", arg)])),
        ErrorKind::InvalidUtf8 => Some(e.not_utf8.to_owned()),
        _ => None,
    };
    said.unwrap_or_else(|| e.other.to_owned())
}

/// `--x` cannot be used twice, or with the arguments clap names.
fn conflict(error: &clap::Error, e: &UsageErrors) -> String {
    let mut prior = error.get(ContextKind::PriorArg);
    let mut said = match (
        error.get(ContextKind::InvalidArg),
        error.get(ContextKind::InvalidSubcommand),
    ) {
        (Some(ContextValue::String(arg)), _) => {
            if prior == Some(&ContextValue::String(arg.clone())) {
                prior = None;
                fill(e.used_twice, &[("arg", arg)])
            } else {
                fill(e.cannot_be_used_with, &[("arg", arg)])
            }
        }
        (_, Some(ContextValue::String(command))) => {
            fill(e.command_cannot_be_used_with, &[("command", command)])
        }
        _ => return e.other.to_owned(),
    };
    match prior {
        Some(ContextValue::Strings(others)) => {
            said.push(':');
            for other in others {
                said.push_str(&format!("\n{TAB}{other}"));
            }
        }
        Some(ContextValue::String(other)) => said.push_str(&format!(" {}", quoted(other))),
        Some(_) => said.push_str(&format!(" {}", e.other_arguments)),
        None => {}
    }
    said
}

/// `\n  [mulige verdier: a, b]` under a message, when clap lists any.
fn listed(values: Option<&ContextValue>, template: &str) -> String {
    match values {
        Some(ContextValue::Strings(values)) if !values.is_empty() => {
            let list: Vec<String> = values
                .iter()
                .map(|v| {
                    if v.contains(char::is_whitespace) {
                        format!("{v:?}")
                    } else {
                        v.clone()
                    }
                })
                .collect();
            format!("\n{TAB}{}", fill(template, &[("list", &list.join(", "))]))
        }
        _ => String::new(),
    }
}

fn quoted(s: &str) -> String {
    format!("«{s}»")
}

fn quoted_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| quoted(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A suggestion clap words itself (it keeps only the words, not what is in
/// them), said again when it has one of clap's known shapes; otherwise as
/// clap wrote it.
fn suggestion(tip: &str, e: &UsageErrors) -> String {
    let between = |s: &str, start: &str, middle: &str| -> Option<(String, String)> {
        let rest = s.strip_prefix(start)?.strip_suffix('\'')?;
        let (a, b) = rest.split_once(middle)?;
        Some((a.to_owned(), b.to_owned()))
    };
    if let Some((arg, value)) = between(tip, "to pass '", "' as a value, use '") {
        return fill(e.pass_as_value, &[("arg", &arg), ("value", &value)]);
    }
    if let Some(command) = tip
        .strip_prefix("subcommand '")
        .and_then(|r| r.strip_suffix("' exists; to use it, remove the '--' before it"))
    {
        return fill(e.remove_dashes, &[("command", command)]);
    }
    if let Some(arg) = tip
        .strip_prefix('\'')
        .and_then(|r| r.strip_suffix("' exists"))
    {
        return fill(e.exists, &[("arg", arg)]);
    }
    tip.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn error_of(cmd: Command, line: &[&str]) -> clap::Error {
        cmd.try_get_matches_from(line).unwrap_err()
    }

    fn nb(error: &clap::Error) -> String {
        render(error, Lang::Nb)
    }

    #[test]
    fn usage_errors_are_said_in_norwegian_in_claps_shape() {
        let cmd = || {
            // Plain, as ours: clap's styling would be escapes in the text.
            Command::new("p")
                .styles(clap::builder::Styles::plain())
                .arg(
                    Arg::new("format")
                        .long("format")
                        .value_parser(["text", "json"]),
                )
                .arg(Arg::new("n").long("n").num_args(2))
                .subcommand(Command::new("list"))
        };
        let invalid = error_of(cmd(), &["p", "--format", "xml"]);
        assert_eq!(
            nb(&invalid),
            "feil: ugyldig verdi «xml» for «--format <format>»\n  [mulige verdier: text, json]\n\n\
             Mer hjelp får du med «--help».\n"
        );
        let unknown = error_of(cmd(), &["p", "--formt", "x"]);
        let said = nb(&unknown);
        assert!(said.starts_with("feil: uventet argument «--formt»\n\n  tips: det finnes et lignende argument: «--format»"), "{said}");
        let wrong = error_of(cmd(), &["p", "--n", "1"]);
        assert!(
            nb(&wrong).starts_with("feil: «--n <n> <n>» trenger 2 verdier, men fikk 1"),
            "{}",
            nb(&wrong)
        );
        let command = error_of(cmd(), &["p", "lsit"]);
        let said = nb(&command);
        assert!(
            said.contains("tips: det finnes en lignende kommando: «list»"),
            "{said}"
        );
        // The usage clap shows under an error, under our heading.
        assert!(said.contains("\n\nBruk: p [OPTIONS] [COMMAND]\n"), "{said}");
        // English stays clap's.
        assert_eq!(render(&invalid, Lang::En), invalid.render().to_string());
    }

    #[test]
    fn suggestions_clap_words_are_said_again() {
        let e = &words(Lang::Nb).command_line.unwrap().errors;
        assert_eq!(
            suggestion("to pass '-x' as a value, use '-- -x'", e),
            "skriv «-- -x» for å gi «-x» som verdi"
        );
        assert_eq!(suggestion("'list --x' exists", e), "«list --x» finnes");
        assert_eq!(suggestion("something new", e), "something new");
    }
}
