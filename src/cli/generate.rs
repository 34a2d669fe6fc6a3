//! Shell completions and manual pages, generated from the clap definition at
//! run time (as `rg --generate` does): what they offer is always what this
//! binary accepts, and no build step or install script has to keep them.

use super::args::Cli;
use super::help::{CLAP_DEFAULT, CLAP_POSSIBLE_VALUES, in_lang};
use clap::CommandFactory as _;
use prosesser::i18n::{Lang, words};
use roff::{Roff, bold, roman};
use std::io::{self, Write};

/// The completion script for `shell`; what it shows of each command and
/// option (zsh, fish, PowerShell show it) in `lang`.
pub fn completions(out: &mut dyn Write, shell: clap_complete::Shell, lang: Lang) -> io::Result<()> {
    let mut cli = in_lang(Cli::command(), lang);
    // clap_complete panics when its writer fails; a closed pipe
    // (`prosesser completions bash | head`) is an error we report instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli, "prosesser", &mut script);
    out.write_all(&script)
}

/// `prosesser(1)`, or `prosesser-COMMAND(1)` for one of its commands, in
/// `lang`: clap's sections, then the exit status (and, for the whole
/// program, the environment) that clap does not know.
pub fn man(out: &mut dyn Write, command: Option<&str>, lang: Lang) -> anyhow::Result<()> {
    let words = words(lang);
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let cli = in_lang(cli, lang);
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names = cli.get_subcommands().map(|c| c.get_name());
                let meant = prosesser::suggest::nearest(name, names);
                anyhow::bail!("{}", words.no_manual_page(name, meant));
            }
        },
    };
    let source = format!("prosesser {}", env!("CARGO_PKG_VERSION"));
    let mut man = clap_mangen::Man::new(page.clone()).source(source);
    if let Some(manual) = words.man.manual {
        man = man.manual(manual);
    }
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
    section(
        &mut ours,
        words.man.exit_status,
        words.man.exit_codes_of(command),
    );
    if command.is_none() {
        section(&mut ours, words.man.environment, words.man.variables);
    }
    ours.to_writer(&mut roff)?;
    // clap_mangen panics on a page without a version (a command's).
    if page.get_version().is_some() {
        man.render_version_section(&mut roff)?;
    }
    let page = once_preamble(&String::from_utf8_lossy(&roff));
    out.write_all(&said_in(page, lang).into_bytes())?;
    Ok(())
}

/// The words clap_mangen writes in English with no setting for them, said
/// in `lang` where it writes them: the section headings it names (the
/// headings of the options and commands are the definition's, upper-cased
/// as a manual page has them), `[default: …]` and `Possible values:`.
fn said_in(page: String, lang: Lang) -> String {
    let Some(table) = words(lang).command_line else {
        return page;
    };
    let h = &table.headings;
    let clap_sections = ["NAME", "SYNOPSIS", "DESCRIPTION", "VERSION"];
    let mut said = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        if let Some(heading) = line.strip_prefix(".SH ") {
            let heading = heading.trim_end();
            let unquoted = heading.trim_matches('"');
            let named = clap_sections.iter().position(|s| *s == unquoted);
            let heading = match named {
                Some(i) => h.man_sections[i].to_owned(),
                None => heading.to_uppercase(),
            };
            said.push_str(&format!(".SH {heading}\n"));
            continue;
        }
        said.push_str(
            &line
                .replace(CLAP_DEFAULT, &format!("[{}: ", h.default))
                .replace(
                    &format!("\\fI{CLAP_POSSIBLE_VALUES}\\fR"),
                    &format!("\\fI{}:\\fR", h.possible_values),
                ),
        );
    }
    said
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

fn section(roff: &mut Roff, heading: &str, items: &[(&str, &str)]) {
    roff.control("SH", [heading]);
    for (term, text) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*text)]);
    }
}
