//! What the command line accepts (clap definitions only).

use clap::{Parser, Subcommand, ValueEnum, ValueHint};
use std::path::PathBuf;

/// Browse and query a Hugo process handbook (prosesser/strategy-card pages).
///
/// Without a subcommand, opens the browser when stdout is a terminal and prints
/// what `list` prints otherwise. Without PATHS, uses the handbook compiled in
/// from `data/`.
#[derive(Debug, Parser)]
// Plain styles: clap's colours are escape sequences, and its messages are
// cleaned like all output (see `say`), which would show them as `␛[1m`.
#[command(
    name = "prosesser",
    version,
    subcommand_precedence_over_arg = true,
    styles = clap::builder::Styles::plain()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files, folders or Hugo site roots to read [default: the compiled-in handbook]
    #[arg(value_hint = ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    /// Language of text for people (machine formats always use English keys)
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Nb)]
    pub lang: LangArg,

    /// Let the browser capture the mouse (this stops the terminal's own text selection)
    #[arg(long)]
    pub mouse: bool,

    /// A shortcode whose calls are process cards, on top of `prosesser/strategy-card`,
    /// `prosesser/card` and the site's own card templates (repeatable)
    #[arg(long = "card-shortcode", value_name = "NAME", global = true)]
    pub card_shortcodes: Vec<String>,
    /// Follow symlinks that lead outside the folders given (inside them they are always followed)
    #[arg(long, global = true)]
    pub follow: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every card, in Hugo's page order
    List {
        /// Files, folders or Hugo site roots [default: the compiled-in handbook]
        #[arg(value_hint = ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The cards matching a query, best first
    ///
    /// Words must all match; `eier:`/`owner:`, `leder:`/`leader:`, `person:`,
    /// `tittel:`/`title:`, `formål:`/`purpose:`, `input:`, `output:`,
    /// `effekt:`/`effect:` scope a word, `side:`/`page:` looks in the page's
    /// title and path, `team:` finds the cards of a team's members; `-word`
    /// excludes; "quoted phrases" and /regex/ work too. Case and accents are
    /// ignored. Exits 1 when nothing matches.
    Search {
        /// The query, e.g. `mork`, `eier:hanne` or `-tony` (may start with `-`)
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Files, folders or Hugo site roots [default: the compiled-in handbook]
        #[arg(value_hint = ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Each person once: their teams and roles, and the cards they own and lead
    People {
        /// Files, folders or Hugo site roots [default: the compiled-in handbook]
        #[arg(value_hint = ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// How the processes hand work to each other, read from their input and output
    ///
    /// Per document: chains (`Behov → Utvikling → Produksjonssetting`), cards fed
    /// by several (`Release ← Behov, Utvikling`), cards without links, and why
    /// each link was drawn. `--format dot` writes Graphviz DOT instead
    /// (`prosesser flow -f dot | dot -Tsvg > flow.svg`), `--format json` the
    /// same flow for scripts.
    Flow {
        /// Files, folders or Hugo site roots [default: the compiled-in handbook]
        #[arg(value_hint = ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = FlowFormat::Text)]
        format: FlowFormat,
    },
    /// What changed in each card, commit by commit, newest first (from git)
    ///
    /// Reads the history of HEAD of the card documents under PATHS in a git
    /// work tree: cards added, removed and renamed, each param changed (old →
    /// new), versions that do not parse. One file is followed across renames.
    History {
        /// Files, folders or Hugo site roots in a git work tree [default: .]
        paths: Vec<PathBuf>,
        /// Only the cards that match this query in some version (the language of `search`)
        #[arg(long, short)]
        query: Option<String>,
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Report problems as `path:line:col: severity: message [rule]`
    ///
    /// Exits 1 when there is an error (or, with --strict, a warning). Paths are
    /// written so that they open from the current directory. Rules are switched
    /// as in clippy: `--allow RULE` drops a rule's findings, `--warn RULE` makes
    /// them warnings, `--deny RULE` errors; `warnings` names every warning; the
    /// last setting for a finding wins.
    Check {
        /// Files, folders or Hugo site roots [default: the compiled-in handbook]
        #[arg(value_hint = ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        strict: bool,
        /// Do not report RULE (repeatable)
        #[arg(long, short = 'A', value_name = "RULE", value_parser = rule_names())]
        allow: Vec<String>,
        /// Report RULE as a warning (repeatable)
        #[arg(long, short = 'W', value_name = "RULE", value_parser = rule_names())]
        warn: Vec<String>,
        /// Report RULE as an error, so that it fails the check (repeatable)
        #[arg(long, short = 'D', value_name = "RULE", value_parser = rule_names())]
        deny: Vec<String>,
        #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// Print a shell completion script
    ///
    /// bash: `source <(prosesser completions bash)` in ~/.bashrc;
    /// zsh: `prosesser completions zsh > ~/.zfunc/_prosesser` with ~/.zfunc in
    /// $fpath; fish: `prosesser completions fish >
    /// ~/.config/fish/completions/prosesser.fish`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `prosesser man | man -l -`
    ///
    /// With a command, that command's page (`prosesser man search`).
    Man {
        /// The command whose page to print [default: prosesser itself]
        command: Option<String>,
    },
}

/// The names `--allow`, `--warn` and `--deny` accept: every rule, and `warnings`.
fn rule_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(prosesser::check::Levels::names())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Norwegian Bokmål
    Nb,
    /// English
    En,
}

impl From<LangArg> for prosesser::i18n::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Nb => prosesser::i18n::Lang::Nb,
            LangArg::En => prosesser::i18n::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people, in the UI language
    Text,
    /// The documented JSON shape, for scripts
    Json,
    /// RFC 4180 CSV with English headers
    Csv,
    /// A Markdown table per document, for wikis
    #[value(alias = "md")]
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FlowFormat {
    /// Chains, feeds and reasons for people, in the UI language
    Text,
    /// Graphviz DOT
    Dot,
    /// Links, chains, feeds and unlinked cards as JSON, for scripts
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: severity: message [rule]`, one a line
    Text,
    /// `{"diagnostics": [...]}`
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn lang_is_accepted_after_a_subcommand() {
        let cli = Cli::try_parse_from(["prosesser", "list", "--lang", "en"]).unwrap();
        assert_eq!(cli.lang, LangArg::En);
    }

    #[test]
    fn paths_without_a_subcommand_are_the_browsers() {
        let cli = Cli::try_parse_from(["prosesser", "a", "b", "--mouse"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths, [PathBuf::from("a"), PathBuf::from("b")]);
        assert!(cli.mouse);
    }
}
