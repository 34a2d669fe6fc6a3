//! The help in the reader's language: `--lang` read from the raw arguments
//! (clap writes the help and the usage errors while it parses, before the
//! parsed `--lang` exists), and the clap definition with that language's
//! words ([`prosesser::i18n::CommandLine`]) laid over it.
//!
//! English is the definition itself: for it the command is returned as
//! derived, untouched, so `--lang en` shows exactly what clap makes of it.
//! Other languages set what clap lets one set (each about and help, the
//! value names, the headings, the usage line, the words of each value), and
//! [`help_text`] replaces the few words clap writes with no setting for them
//! (`Possible values:`, `[default: …]`, `[possible values: …]`).

use super::args::{CheckFormat, Cli, FlowFormat, Format, LangArg};
use clap::builder::{PossibleValuesParser, TypedValueParser as _};
use clap::{Arg, ArgAction, Command, CommandFactory as _, ValueEnum};
use prosesser::i18n::{ArgHelp, CommandHelp, CommandLine, Lang, words};
use std::any::TypeId;
use std::ffi::OsString;

/// What clap writes in English where it has no setting: replaced in the
/// rendered help ([`help_text`]) and manual page.
pub const CLAP_POSSIBLE_VALUES: &str = "Possible values:";
const CLAP_POSSIBLE_VALUES_INLINE: &str = "[possible values: ";
pub const CLAP_DEFAULT: &str = "[default: ";

/// The language `--lang` asks for anywhere on the command line (`--lang en`,
/// `--lang=en`, before or after the command), the last one winning as in
/// clap; the default when it is not given, or given a value clap will refuse
/// (clap then says so, in the default language). Nothing after `--` is an
/// option.
pub fn lang_in(args: &[OsString]) -> Lang {
    let mut lang = Lang::default();
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--lang") => args.next().flatten(),
            Some(arg) => match arg.strip_prefix("--lang=") {
                Some(value) => Some(value),
                None => continue,
            },
            None => continue,
        };
        lang = match value.and_then(|v| LangArg::from_str(v, false).ok()) {
            Some(asked) => asked.into(),
            None => Lang::default(),
        };
    }
    lang
}

/// The parser, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    in_lang(Cli::command(), lang)
}

/// `cmd`, built from our definition, with the help of `lang` laid over it.
pub fn in_lang(mut cmd: Command, lang: Lang) -> Command {
    let Some(table) = words(lang).command_line else {
        return cmd;
    };
    // clap adds `--help`, `--version` and the `help` command as it builds,
    // and copies the global options into each command: built first, they
    // are all there to be said in `lang` too.
    cmd.build();
    let root = table.command(cmd.get_name());
    let name = cmd.get_name().to_owned();
    translated(cmd, &name, table, root)
}

/// `help` as clap rendered it, with the words it has no setting for said in
/// the reader's language. They are matched where clap writes them: a line
/// of its own, or the start of a bracket.
pub fn help_text(text: &str, lang: Lang) -> String {
    let Some(table) = words(lang).command_line else {
        return text.to_owned();
    };
    let h = &table.headings;
    let mut said = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_start();
        if body.trim_end() == CLAP_POSSIBLE_VALUES {
            said.push_str(&line[..line.len() - body.len()]);
            said.push_str(h.possible_values);
            said.push(':');
            said.push_str(&body[CLAP_POSSIBLE_VALUES.len()..]);
            continue;
        }
        said.push_str(
            &line
                .replace(CLAP_DEFAULT, &format!("[{}: ", h.default))
                .replace(
                    CLAP_POSSIBLE_VALUES_INLINE,
                    &format!("[{}: ", h.possible_values_inline),
                ),
        );
    }
    said
}

/// `cmd` (looked up as `name`) and its subcommands, said in `table`'s words.
fn translated(
    mut cmd: Command,
    name: &str,
    table: &'static CommandLine,
    root: Option<&'static CommandHelp>,
) -> Command {
    let own = table.command(name);
    if let Some(own) = own {
        cmd = cmd.about(own.about);
        if let Some(long) = own.long_about {
            cmd = cmd.long_about(long);
        }
    }
    cmd = cmd.mut_args(|arg| translated_arg(arg, own, root, table));
    cmd = cmd.mut_subcommands(|sub| {
        // The `help` command holds a copy of every command, named alike.
        let name = sub.get_name().to_owned();
        translated(sub, &name, table, root)
    });
    let h = &table.headings;
    cmd = cmd
        .subcommand_help_heading(h.commands)
        .subcommand_value_name(h.command_value);
    let has_args = cmd.get_arguments().any(|a| !a.is_hide_set()) || cmd.has_subcommands();
    // clap's own templates, with its `Usage:` (which has no setting) said.
    let template = if has_args {
        format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            h.usage
        )
    } else {
        format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}{{after-help}}",
            h.usage
        )
    };
    cmd = cmd.help_template(template);
    // The usage clap works out (the value names are said by now), with its
    // `[OPTIONS]` said too.
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let usage = usage.replace("[OPTIONS]", h.any_options);
    cmd.override_usage(usage)
}

/// `arg` of the command `own`, said in `table`'s words: its own help, or,
/// for a global option copied into the command, the program's.
fn translated_arg(
    mut arg: Arg,
    own: Option<&'static CommandHelp>,
    root: Option<&'static CommandHelp>,
    table: &'static CommandLine,
) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let flags = &table.flags;
    match (id.as_str(), arg.get_action()) {
        // clap's `-h` says there is more behind `--help` when there is.
        ("help", ArgAction::Help) if arg.get_long_help().is_some() => {
            arg = arg.help(flags.help_short).long_help(flags.help_long);
        }
        ("help", ArgAction::Help) => arg = arg.help(flags.help),
        ("version", ArgAction::Version) => arg = arg.help(flags.version),
        _ => {
            if let Some(help) = arg_help(own, root, &id, arg.is_global_set()) {
                arg = said_arg(arg, help);
            }
        }
    }
    let h = &table.headings;
    if arg.is_positional() {
        // Under a heading of their own, positionals would be ordered as
        // options are (by name): keep the order they are given in.
        let at = arg.get_index().unwrap_or(0);
        arg.help_heading(h.arguments).display_order(at)
    } else {
        arg.help_heading(h.options)
    }
}

/// The words for the argument `id` of the command `own`.
fn arg_help(
    own: Option<&'static CommandHelp>,
    root: Option<&'static CommandHelp>,
    id: &str,
    global: bool,
) -> Option<&'static ArgHelp> {
    own.and_then(|c| c.arg(id))
        .or_else(|| root.filter(|_| global).and_then(|r| r.arg(id)))
}

fn said_arg(mut arg: Arg, help: &'static ArgHelp) -> Arg {
    if let Some(text) = help.help {
        arg = arg.help(text);
    }
    if let Some(name) = help.value_name {
        arg = arg.value_name(name);
    }
    if help.values.is_empty() {
        return arg;
    }
    // Each value's words live in the parser's possible values (the help,
    // the manual page and the completion scripts read them there): a parser
    // of the same values, said in this language, still giving the enum.
    let of = arg.get_value_parser().type_id();
    if of == TypeId::of::<Format>() {
        said_values::<Format>(arg, help.values)
    } else if of == TypeId::of::<FlowFormat>() {
        said_values::<FlowFormat>(arg, help.values)
    } else if of == TypeId::of::<CheckFormat>() {
        said_values::<CheckFormat>(arg, help.values)
    } else if of == TypeId::of::<LangArg>() {
        said_values::<LangArg>(arg, help.values)
    } else {
        arg
    }
}

fn said_values<E: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    values: &'static [(&'static str, &'static str)],
) -> Arg {
    let possible = E::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(
            |value| match values.iter().find(|(n, _)| *n == value.get_name()) {
                Some((_, help)) => value.help(*help),
                None => value,
            },
        );
    let ignore_case = arg.is_ignore_case_set();
    arg.value_parser(
        PossibleValuesParser::new(possible).try_map(move |v| E::from_str(&v, ignore_case)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<OsString> {
        std::iter::once("prosesser")
            .chain(line.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn lang_is_read_before_parsing_wherever_it_is_written() {
        assert_eq!(lang_in(&args(&[])), Lang::Nb);
        assert_eq!(lang_in(&args(&["--lang", "en", "--help"])), Lang::En);
        assert_eq!(lang_in(&args(&["search", "--help", "--lang=en"])), Lang::En);
        assert_eq!(
            lang_in(&args(&["--lang", "en", "list", "--lang", "nb"])),
            Lang::Nb
        );
        // A value clap refuses: the default says so.
        assert_eq!(lang_in(&args(&["--lang", "de"])), Lang::Nb);
        assert_eq!(lang_in(&args(&["--lang", "en", "--lang", "EN"])), Lang::Nb);
        assert_eq!(lang_in(&args(&["--lang"])), Lang::Nb);
        // After `--` it is a query, not an option.
        assert_eq!(lang_in(&args(&["search", "--", "--lang", "en"])), Lang::Nb);
    }

    /// Every help text of the definition, where it is: `(place, English)`.
    fn every_text(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((format!("{path}: about"), about.to_string()));
        }
        if let Some(long) = cmd.get_long_about() {
            out.push((format!("{path}: long about"), long.to_string()));
        }
        for arg in cmd.get_arguments() {
            let at = format!("{path} {}", arg.get_id());
            if let Some(help) = arg.get_help() {
                out.push((format!("{at}: help"), help.to_string()));
            }
            if let Some(help) = arg.get_long_help() {
                out.push((format!("{at}: long help"), help.to_string()));
            }
            for value in arg.get_possible_values() {
                if let Some(help) = value.get_help() {
                    let place = format!("{at} {}: help", value.get_name());
                    out.push((place, help.to_string()));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            every_text(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    /// The definition as each command line sees it: parsed (with `help`),
    /// and as the manual page and completions see it.
    fn definitions() -> [Command; 2] {
        let mut parser = Cli::command();
        parser.build();
        let mut man = Cli::command().disable_help_subcommand(true);
        man.build();
        [parser, man]
    }

    /// Every text of the Norwegian table.
    fn norwegian_texts() -> std::collections::HashSet<&'static str> {
        let table = words(Lang::Nb).command_line.unwrap();
        let flags = &table.flags;
        let mut texts = std::collections::HashSet::from([
            flags.help,
            flags.help_short,
            flags.help_long,
            flags.version,
        ]);
        for command in table.commands {
            texts.insert(command.about);
            texts.extend(command.long_about);
            for arg in command.args {
                texts.extend(arg.help);
                texts.extend(arg.values.iter().map(|(_, help)| *help));
            }
        }
        texts
    }

    /// The check the brief asks for: each text the English definition has
    /// (about, long about, help of every argument and value, clap's own
    /// flags and `help` command included) has a Norwegian one, and the
    /// Norwegian command carries it. A new argument, value or command
    /// without Norwegian help fails here.
    #[test]
    fn every_english_help_text_has_a_norwegian_one() {
        let norwegian_texts = norwegian_texts();
        for english in definitions() {
            let name = english.get_name().to_owned();
            let mut before = Vec::new();
            every_text(&english, &name, &mut before);
            assert!(before.len() > 40, "{before:#?}");
            let norwegian = in_lang(english, Lang::Nb);
            let mut after = Vec::new();
            every_text(&norwegian, &name, &mut after);
            let after: std::collections::HashMap<_, _> = after.into_iter().collect();
            let untranslated: Vec<String> = before
                .iter()
                .filter(|(place, _)| {
                    after
                        .get(place)
                        .is_some_and(|said| !norwegian_texts.contains(said.as_str()))
                })
                .map(|(place, text)| format!("{place}: {text}"))
                .collect();
            let lost: Vec<&String> = before
                .iter()
                .filter(|(place, _)| !after.contains_key(place))
                .map(|(place, _)| place)
                .collect();
            assert!(
                untranslated.is_empty(),
                "no Norwegian for {untranslated:#?}"
            );
            assert!(lost.is_empty(), "help lost in Norwegian: {lost:#?}");
        }
    }

    /// Texts that are the same in both languages would pass the check above
    /// unseen; none is, but the table must also hold nothing the definition
    /// does not have (a renamed argument leaves its words behind).
    #[test]
    fn the_norwegian_table_names_only_what_the_definition_has() {
        let table = words(Lang::Nb).command_line.unwrap();
        let [parser, _] = definitions();
        for help in table.commands {
            let cmd = if help.name == parser.get_name() {
                &parser
            } else {
                parser
                    .find_subcommand(help.name)
                    .unwrap_or_else(|| panic!("no command {}", help.name))
            };
            for arg in help.args {
                let found = cmd.get_arguments().find(|a| a.get_id() == arg.id);
                let found = found.unwrap_or_else(|| panic!("no {} in {}", arg.id, help.name));
                let values = found.get_possible_values();
                for (value, _) in arg.values {
                    assert!(
                        values.iter().any(|v| v.get_name() == *value),
                        "no value {value} of {} in {}",
                        arg.id,
                        help.name
                    );
                }
            }
        }
    }

    #[test]
    fn search_help_names_every_scope_the_parser_knows_in_each_language() {
        for lang in [Lang::En, Lang::Nb] {
            let cli = command(lang);
            let search = cli.find_subcommand("search").unwrap();
            let help = search.get_long_about().unwrap().to_string();
            for (name, _) in prosesser::query::Scope::NAMES {
                // Spellings that fold alike (formal, formaal) are one name.
                if !["formal", "formaal"].contains(&name) {
                    assert!(help.contains(&format!("`{name}:`")), "{name}: {help}");
                }
            }
        }
    }

    #[test]
    fn the_norwegian_parser_parses_as_the_english_one() {
        use clap::FromArgMatches as _;
        let line = args(&["check", "-f", "json", "--lang", "en", "-D", "warnings", "x"]);
        let english = Cli::from_arg_matches(&command(Lang::En).get_matches_from(&line)).unwrap();
        let norwegian = Cli::from_arg_matches(&command(Lang::Nb).get_matches_from(&line)).unwrap();
        assert_eq!(format!("{english:?}"), format!("{norwegian:?}"));
        let flow = args(&["flow", "--format", "dot"]);
        let flow = Cli::from_arg_matches(&command(Lang::Nb).get_matches_from(&flow)).unwrap();
        assert!(
            matches!(
                flow.command,
                Some(super::super::args::Command::Flow {
                    format: FlowFormat::Dot,
                    ..
                })
            ),
            "{flow:?}"
        );
    }

    #[test]
    fn clap_words_without_a_setting_are_said_where_clap_writes_them() {
        let text = "  -f <FORMAT>  [default: text] [possible values: a, b]\n\n          Possible values:\n          - a: x\n";
        assert_eq!(
            help_text(text, Lang::Nb),
            "  -f <FORMAT>  [standard: text] [mulige verdier: a, b]\n\n          Mulige verdier:\n          - a: x\n"
        );
        assert_eq!(help_text(text, Lang::En), text);
    }
}
