//! The command line: `list`, `search`, `people`, `flow`, `check`, and the browser by default.
//!
//! Exit codes: 0 ok; 1 when `check` finds an error (or a warning with
//! `--strict`); 2 for usage and I/O errors (clap exits 2 on usage itself).

mod args;
mod embedded;
mod output;

use crate::tui;
use crate::words;
use anyhow::Context as _;
use args::{CheckFormat, Cli, Command, FlowFormat, Format};
use clap::{CommandFactory as _, FromArgMatches as _};
use output::{Listing, Row};
use prosesser::check::{Level, Levels};
use prosesser::i18n::Lang;
use prosesser::load::{Options, ShownPaths};
use prosesser::query::Query;
use prosesser::{Handbook, Severity};
use std::io::{self, BufWriter, IsTerminal as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn main() -> ExitCode {
    tui::safe_panic_messages();
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let levels = check_levels(&matches);
    match run(cli, levels) {
        Ok(code) => code,
        // `prosesser | head` closing the pipe early is not a failure.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let message = output::one_line(&format!("{error:#}"));
            eprintln!("prosesser: {message}");
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
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let options = Options {
        card_shortcodes: cli.card_shortcodes.clone(),
        shown_paths: ShownPaths::RelativeToGiven,
    };
    let code = match cli.command {
        None if stdout.is_terminal() => {
            let handbook = load(&cli.paths, &options)?;
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
            let handbook = load_until_exit(&paths, &options)?;
            let people = prosesser::people::People::new(handbook);
            output::people(&mut out, handbook, &people, format, lang)?;
            ExitCode::SUCCESS
        }
        Some(Command::Flow { paths, format }) => {
            let handbook = load_until_exit(&paths, &options)?;
            match format {
                FlowFormat::Text => output::flow::text(&mut out, handbook, lang)?,
                FlowFormat::Dot => output::flow::dot(&mut out, handbook, lang)?,
            }
            tell_load_problems(handbook, Format::Text, lang);
            ExitCode::SUCCESS
        }
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
    out.flush()?;
    Ok(code)
}

fn list(
    out: &mut dyn Write,
    paths: &[PathBuf],
    options: &Options,
    format: Format,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let handbook = load_until_exit(paths, options)?;
    output::cards(out, &Listing::all(handbook), format, lang)?;
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
    let parsed = Query::parse(query).map_err(|e| {
        anyhow::anyhow!(
            "invalid query at byte {}: {} (in {:?})",
            e.offset,
            e.message,
            query
        )
    })?;
    let handbook = load_until_exit(paths, options)?;
    // One query over every card once: folding on the fly beats building the
    // browser's index, which pays off only over many keystrokes.
    let rows = prosesser::query::search_handbook(handbook, &parsed)
        .into_iter()
        .filter_map(|hit| {
            let card = handbook.card(hit.card)?;
            Some(Row {
                id: hit.card,
                matches: parsed.matches(card),
            })
        })
        .collect();
    let mut listing = Listing::ranked(handbook, rows);
    listing.team_matched = parsed
        .terms()
        .iter()
        .any(|t| !t.negated && t.scope == prosesser::query::Scope::Team);
    output::cards(out, &listing, format, lang)?;
    tell_load_problems(handbook, format, lang);
    Ok(ExitCode::SUCCESS)
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
    let handbook = load_until_exit(paths, options)?;
    let found = levels.apply(prosesser::check::all(handbook));
    output::diagnostics(out, &found, format == CheckFormat::Json)?;
    let errors = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    if found.is_empty() {
        eprintln!("{}", words::words(lang).no_problems);
    } else {
        eprintln!("{}", words::summary(lang, errors, warnings));
    }
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The handbook at `paths`, or the one compiled in from `data/` when none is given.
/// The handbook for a command that prints and exits. It is never freed:
/// handing 100,000 cards back to the allocator one by one at exit would only
/// delay the exit (the browser forgets its handbook for the same reason).
fn load_until_exit(paths: &[PathBuf], options: &Options) -> anyhow::Result<&'static Handbook> {
    Ok(Box::leak(Box::new(load(paths, options)?)))
}

fn load(paths: &[PathBuf], options: &Options) -> anyhow::Result<Handbook> {
    if paths.is_empty() {
        return Ok(prosesser::load::load_sources_with(
            embedded::sources(),
            options,
        ));
    }
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    prosesser::load::load_paths_with(&paths, options).context("cannot read the handbook")
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
        eprintln!("prosesser: {errors} {}", words::words(lang).load_problems);
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
