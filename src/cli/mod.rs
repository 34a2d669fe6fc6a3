//! The command line: `list`, `search`, `people`, `flow`, `check`, `history`,
//! and the browser by default.
//!
//! Exit codes: 0 ok; 1 when `search` (or `history --query`) finds nothing
//! (as grep and rg) or `check` finds an error (or a warning with
//! `--strict`); 2 for usage and I/O
//! errors (clap exits 2 on usage itself), a query that cannot be read, and a
//! mistyped command.

mod args;
mod embedded;
mod generate;
mod help;
mod output;
mod say;
mod usage_error;

use anyhow::Context as _;
use args::{CheckFormat, Cli, Command, FlowFormat, Format};
use clap::FromArgMatches as _;
use output::{Listing, Row};
use prosesser::check::{Level, Levels};
use prosesser::i18n::Lang;
use prosesser::i18n::{self, words};
use prosesser::load::{Options, ShownPaths, WalkOptions};
use prosesser::query::Query;
use prosesser::tui;
use prosesser::{Handbook, Severity};
use std::io::{self, BufWriter, IsTerminal as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn main() -> ExitCode {
    tui::safe_panic_messages();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parse = |cmd: clap::Command| {
        cmd.try_get_matches_from(&args)
            .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, check_levels(&matches))))
    };
    let (cli, levels) = match parse(help::command(Lang::En)) {
        Ok(parsed) => parsed,
        // Help, version or a usage error: clap writes it while parsing, so
        // its language is read from the raw arguments, and the command line
        // parsed again with the help of that language laid over it (only
        // then: building that costs every other run nothing).
        Err(english) => {
            let lang = help::lang_in(&args);
            let error = match lang {
                Lang::En => english,
                _ => parse(help::command(lang)).err().unwrap_or(english),
            };
            return say::clap_exit(&error, lang);
        }
    };
    match run(cli, levels) {
        Ok(code) => code,
        // `prosesser | head` closing the pipe early is not a failure.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let message = output::one_line(&format!("{error:#}"));
            say::say(&format!("prosesser: {message}"));
            ExitCode::from(2)
        }
    }
}

/// `check`'s `--allow`, `--warn` and `--deny`, in the order they were
/// written: the last setting for a finding wins, as in clippy.
fn check_levels(matches: &clap::ArgMatches) -> Levels {
    let mut levels = Levels::default();
    let Some(("check", check)) = matches.subcommand() else {
        return levels;
    };
    let mut given: Vec<(usize, &String, Level)> = Vec::new();
    for (id, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
    ] {
        if let (Some(at), Some(names)) = (check.indices_of(id), check.get_many::<String>(id)) {
            given.extend(at.zip(names).map(|(i, name)| (i, name, level)));
        }
    }
    given.sort_by_key(|(i, _, _)| *i);
    for (_, name, level) in given {
        // clap has checked the names against the same list.
        let _ = levels.set(name, level);
    }
    levels
}

fn run(cli: Cli, levels: Levels) -> anyhow::Result<ExitCode> {
    let lang = Lang::from(cli.lang);
    let options = Options {
        card_shortcodes: cli.card_shortcodes.clone(),
        shown_paths: ShownPaths::RelativeToGiven,
        walk: WalkOptions { follow: cli.follow },
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if cli.command.is_none()
        && let Some(message) = mistyped_command(&cli.paths, lang)
    {
        say::say(&format!("prosesser: {message}"));
        return Ok(ExitCode::from(2));
    }
    let code = match cli.command {
        None if stdout.is_terminal() => {
            let handbook = load(&cli.paths, lang, &options)?;
            drop(out);
            let browser = tui::Options {
                lang,
                mouse: cli.mouse,
                paths: cli.paths.clone(),
                load: options,
            };
            tui::run(handbook, browser)?;
            return Ok(ExitCode::SUCCESS);
        }
        None => list(&mut out, &cli.paths, &options, Format::Text, lang)?,
        Some(Command::List { paths, format }) => list(&mut out, &paths, &options, format, lang)?,
        Some(Command::Search {
            query,
            paths,
            format,
        }) => search(&mut out, &query, &paths, &options, format, lang)?,
        Some(Command::People { paths, format }) => {
            let handbook = load_until_exit(&paths, lang, &options)?;
            if !(nothing_read(handbook, &paths) && for_people(format)) {
                let mut people = prosesser::people::People::new(handbook);
                people.sort_by_name(lang);
                output::people(&mut out, handbook, &people, format, lang)?;
            }
            ExitCode::SUCCESS
        }
        Some(Command::Flow { paths, format }) => {
            let handbook = load_until_exit(&paths, lang, &options)?;
            match format {
                _ if nothing_read(handbook, &paths) && format == FlowFormat::Text => {}
                FlowFormat::Text => output::flow::text(&mut out, handbook, lang)?,
                FlowFormat::Dot => output::flow::dot(&mut out, handbook, lang)?,
                FlowFormat::Json => output::flow::json(&mut out, handbook)?,
            }
            let format = match format {
                FlowFormat::Json => Format::Json,
                _ => Format::Text,
            };
            tell_load_problems(handbook, format, lang);
            ExitCode::SUCCESS
        }
        Some(Command::Completions { shell }) => {
            generate::completions(&mut out, shell, lang)?;
            ExitCode::SUCCESS
        }
        Some(Command::Man { command }) => {
            generate::man(&mut out, command.as_deref(), lang)?;
            ExitCode::SUCCESS
        }
        Some(Command::History {
            paths,
            query,
            format,
        }) => history(&mut out, &paths, query.as_deref(), format, lang)?,
        Some(Command::Check {
            paths,
            strict,
            format,
            ..
        }) => {
            // Findings name files a person or a CI problem matcher opens from here.
            let options = Options {
                shown_paths: ShownPaths::FromHere,
                ..options
            };
            check(&mut out, &paths, &options, &levels, strict, format, lang)?
        }
    };
    match out.flush() {
        // The code already says what happened; a reader gone early changes nothing.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(code),
    }
}

fn list(
    out: &mut dyn Write,
    paths: &[PathBuf],
    options: &Options,
    format: Format,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let handbook = load_until_exit(paths, lang, options)?;
    if !(nothing_read(handbook, paths) && for_people(format)) {
        output::cards(out, &Listing::all(handbook), format, lang)?;
    }
    tell_load_problems(handbook, format, lang);
    Ok(ExitCode::SUCCESS)
}

fn search(
    out: &mut dyn Write,
    query: &str,
    paths: &[PathBuf],
    options: &Options,
    format: Format,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let parsed = parse_query(query, lang)?;
    let handbook = load_until_exit(paths, lang, options)?;
    // One query over every card once: folding on the fly beats building the
    // browser's index, which pays off only over many keystrokes.
    let rows = prosesser::query::search_handbook(handbook, &parsed)
        .into_iter()
        .filter_map(|hit| {
            let card = handbook.card(hit.card)?;
            let matches = parsed.matches_counted(card);
            Some(Row {
                id: hit.card,
                matches: matches.listed,
                unlisted: matches.unlisted,
            })
        })
        .collect::<Vec<Row>>();
    let found = !rows.is_empty();
    if !(nothing_read(handbook, paths) && for_people(format)) {
        let mut listing = Listing::ranked(handbook, rows);
        listing.team_matched = parsed
            .terms()
            .iter()
            .any(|t| !t.negated && t.scope == prosesser::query::Scope::Team);
        output::cards(out, &listing, format, lang)?;
    }
    tell_load_problems(handbook, format, lang);
    // As grep and rg: 1 when nothing matched, so scripts can test for hits.
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn parse_query(query: &str, lang: Lang) -> anyhow::Result<Query> {
    let words = words(lang);
    Query::parse(query).map_err(|e| anyhow::anyhow!(words.query_error_in(query, &e)))
}

/// `history`: needs git, and only for itself (exit 2 without it).
fn history(
    out: &mut dyn Write,
    paths: &[PathBuf],
    query: Option<&str>,
    format: Format,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let query = query.map(|q| parse_query(q, lang)).transpose()?;
    let here = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &here[..] } else { paths };
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let history = prosesser::history::read(&paths, query.as_ref())?;
    output::history(out, &history, format, lang)?;
    // As `search`: a query that matched nothing exits 1.
    Ok(if query.is_some() && history.changes.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn check(
    out: &mut dyn Write,
    paths: &[PathBuf],
    options: &Options,
    levels: &Levels,
    strict: bool,
    format: CheckFormat,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let handbook = load_until_exit(paths, lang, options)?;
    let found = levels.apply(prosesser::check::all(handbook));
    let errors = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    // The diagnostics are out before the line that counts them, also when
    // both streams go to one place (`2>&1`). A reader that stops early
    // (`check | head -1`) changes nothing about what was found: the exit
    // code still says it, so a CI with `pipefail` fails.
    let written = output::diagnostics(out, &found, format == CheckFormat::Json, lang)
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    if found.is_empty() {
        say::say(words(lang).no_problems);
    } else {
        say::say(&i18n::summary(lang, errors, warnings));
    }
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The handbook for a command that prints and exits. It is never freed:
/// handing 100,000 cards back to the allocator one by one at exit would only
/// delay the exit (the browser forgets its handbook for the same reason).
fn load_until_exit(
    paths: &[PathBuf],
    lang: Lang,
    options: &Options,
) -> anyhow::Result<&'static Handbook> {
    Ok(Box::leak(Box::new(load(paths, lang, options)?)))
}

/// The handbook at `paths`, or the one compiled in from `data/` when none is
/// given. A path with no Markdown file in it is said on stderr: a user who
/// named the wrong folder learns it there, not from an empty list.
fn load(paths: &[PathBuf], lang: Lang, options: &Options) -> anyhow::Result<Handbook> {
    if paths.is_empty() {
        return Ok(prosesser::load::load_sources_with(
            embedded::sources(),
            options,
        ));
    }
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let found =
        prosesser::load::find_files_with(&paths, options).context("cannot read the handbook")?;
    for path in found.without_files() {
        let shown = output::one_line(&path.to_string_lossy());
        say::say(&format!(
            "prosesser: {}",
            words(lang).no_markdown_files(&shown)
        ));
    }
    Ok(prosesser::load::load_found(found))
}

/// True when paths were given and not one file was read from them: a
/// listing for people then says nothing more than the stderr line of
/// [`load`] (not "no processes", which would be true but misleading).
fn nothing_read(handbook: &Handbook, paths: &[PathBuf]) -> bool {
    !paths.is_empty() && handbook.documents.is_empty() && handbook.diagnostics.is_empty()
}

fn for_people(format: Format) -> bool {
    matches!(format, Format::Text | Format::Markdown)
}

/// `prosesser lst`: a first path that is neither on disk nor a path in form
/// (no `/` or `.`) and is one slip away from a command's name was meant as
/// that command. The names come from the clap definition, so a command added
/// there is suggested too.
fn mistyped_command(paths: &[PathBuf], lang: Lang) -> Option<String> {
    let first = paths.first()?;
    let written = first.to_str()?;
    if written.contains(['/', '\\', '.']) || std::fs::symlink_metadata(first).is_ok() {
        return None;
    }
    let cli = <Cli as clap::CommandFactory>::command();
    let names = cli
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()));
    let meant = prosesser::suggest::nearest(written, names)?;
    Some(words(lang).not_a_command(written, meant))
}

/// People reading text learn on stderr that something did not load cleanly;
/// machine formats carry the diagnostics themselves (JSON) or stay pure (CSV).
fn tell_load_problems(handbook: &Handbook, format: Format, lang: Lang) {
    let errors = handbook
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 && matches!(format, Format::Text | Format::Markdown) {
        say::say(&format!(
            "prosesser: {errors} {}",
            words(lang).load_problems
        ));
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
