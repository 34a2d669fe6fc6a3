//! Shell completions and manual pages, generated from the clap definition at
//! run time (as `rg --generate` does): what they offer is always what this
//! binary accepts, and no build step or install script has to keep them.

use super::args::Cli;
use clap::CommandFactory as _;
use roff::{Roff, bold, roman};
use std::io::{self, Write};

/// The completion script for `shell`.
pub fn completions(out: &mut dyn Write, shell: clap_complete::Shell) -> io::Result<()> {
    let mut cli = Cli::command();
    // clap_complete panics when its writer fails; a closed pipe
    // (`prosesser completions bash | head`) is an error we report instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli, "prosesser", &mut script);
    out.write_all(&script)
}

/// `prosesser(1)`, or `prosesser-COMMAND(1)` for one of its commands: clap's
/// sections, then the exit status (and, for the whole program, the
/// environment) that clap does not know.
pub fn man(out: &mut dyn Write, command: Option<&str>) -> anyhow::Result<()> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names = cli.get_subcommands().map(|c| c.get_name());
                let hint = match prosesser::suggest::nearest(name, names) {
                    Some(meant) => format!("; did you mean `{meant}`?"),
                    None => String::new(),
                };
                anyhow::bail!("no manual page for `{name}`: it is not a command{hint}");
            }
        },
    };
    let source = format!("prosesser {}", env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(page.clone()).source(source);
    let mut roff = Vec::new();
    man.render_title(&mut roff)?;
    man.render_name_section(&mut roff)?;
    man.render_synopsis_section(&mut roff)?;
    man.render_description_section(&mut roff)?;
    if page.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut roff)?;
    }
    if page.has_subcommands() {
        man.render_subcommands_section(&mut roff)?;
    }
    let mut ours = Roff::new();
    section(&mut ours, "EXIT STATUS", exit_status(command));
    if command.is_none() {
        section(&mut ours, "ENVIRONMENT", ENVIRONMENT);
    }
    ours.to_writer(&mut roff)?;
    // clap_mangen panics on a page without a version (a command's).
    if page.get_version().is_some() {
        man.render_version_section(&mut roff)?;
    }
    out.write_all(&once_preamble(&String::from_utf8_lossy(&roff)).into_bytes())?;
    Ok(())
}

/// Each section rendered on its own starts with roff's two-line preamble
/// (how to print an apostrophe); a page needs it once, at the top.
fn once_preamble(page: &str) -> String {
    let mut kept = String::with_capacity(page.len());
    let mut preamble_lines = 0;
    for line in page.split_inclusive('\n') {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            preamble_lines += 1;
            if preamble_lines > 2 {
                continue;
            }
        }
        kept.push_str(line);
    }
    kept
}

/// What each exit code means for `command` (`None`: the program as a whole).
fn exit_status(command: Option<&str>) -> &'static [(&'static str, &'static str)] {
    match command {
        None => &[
            ("0", "Success."),
            (
                "1",
                "search: nothing matched (as grep and rg); check: an error was found, or a warning with --strict.",
            ),
            (
                "2",
                "The command line, a query or a path could not be used, or a file could not be written.",
            ),
        ],
        Some("search") => &[
            ("0", "At least one card matched."),
            ("1", "No card matched."),
            (
                "2",
                "The query could not be read, or a path could not be used.",
            ),
        ],
        Some("check") => &[
            ("0", "No error (and, with --strict, no warning)."),
            ("1", "An error was found, or a warning with --strict."),
            ("2", "A path could not be used."),
        ],
        Some(_) => &[
            ("0", "Success."),
            ("2", "The command line or a path could not be used."),
        ],
    }
}

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "VISUAL, EDITOR",
        "The editor the browser opens a card in (e), VISUAL first.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, the browser uses no colour.",
    ),
];

fn section(roff: &mut Roff, heading: &str, items: &[(&str, &str)]) {
    roff.control("SH", [heading]);
    for (term, text) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*text)]);
    }
}
