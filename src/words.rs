//! Every word the program says to people, in Norwegian Bokmål and English:
//! the command line's and the browser's, in one table so they cannot drift
//! apart. Field labels (Prosesseier, Formål, ...) come from the model's
//! [`Field`] via [`Lang`]; words built on them ("Prosesseier for") are built
//! here from the label, not written again.

use prosesser::i18n::Lang;
use prosesser::people::{Because, How};
use prosesser::query::{QueryError, QueryErrorKind};
use prosesser::{Field, Severity};

pub struct Words {
    pub lang: Lang,

    // ----- said by both -----
    /// "ikke satt": a field with no value, in the browser.
    pub not_set: &'static str,
    /// A field the card does not have at all.
    pub missing: &'static str,
    /// A field written as `""` (or only spaces).
    pub empty: &'static str,
    pub untitled: &'static str,
    /// Where a card or a document was read from (`path:line`).
    pub source: &'static str,
    pub teams: &'static str,
    /// What cards write with a name that is not a team: units and roles.
    pub qualifiers: &'static str,
    /// Between a field label and its cards: "Prosesseier *for*".
    pub role_for: &'static str,
    pub no_cards: &'static str,
    pub no_people: &'static str,
    /// After an external process's name.
    pub external: &'static str,
    pub chains: &'static str,
    pub feeds: &'static str,
    pub unlinked: &'static str,
    pub no_links: &'static str,

    // ----- the command line -----
    /// Search results: the fields the query matched in.
    pub matched_in: &'static str,
    pub name: &'static str,
    pub no_hits: &'static str,
    pub no_problems: &'static str,
    pub load_problems: &'static str,
    pub why: &'static str,

    // ----- the browser -----
    pub card: &'static str,
    pub cards_word: &'static str,
    pub app_name: &'static str,
    pub cards: &'static str,
    pub detail: &'static str,
    pub people: &'static str,
    pub diagnostics: &'static str,
    pub help: &'static str,
    pub content: &'static str,
    pub positional: &'static str,
    pub of: &'static str,
    pub no_selection: &'static str,
    pub no_matches: &'static str,
    pub too_small: &'static str,
    pub no_diagnostics: &'static str,
    pub person: &'static str,
    pub none: &'static str,
    pub query_error: &'static str,
    pub help_keys: &'static str,
    pub help_input: &'static str,
    pub help_input_text: &'static str,
    pub help_mouse: &'static str,
    /// The help's section on writing a query.
    pub help_search: &'static str,
    /// What can be written in a query (scopes aside), and what it finds.
    pub search_syntax: &'static [(&'static str, &'static str)],
    /// "bare i Prosesseier": what a scope limits the search to.
    pub only_in: &'static str,
    pub or: &'static str,
    pub help_close: &'static str,
    pub pick_person: &'static str,
    pub flow: &'static str,
    pub receives: &'static str,
    pub delivers: &'static str,
    pub flow_keys: &'static str,
    pub no_history: &'static str,
    pub no_link: &'static str,
    pub no_editor: &'static str,
    pub editor_missing: &'static str,
    pub compiled_in: &'static str,
    pub no_file: &'static str,
    pub editor_status: &'static str,
    pub editor_failed: &'static str,
    pub back_from_editor: &'static str,
    pub nothing_to_reload: &'static str,
    pub reloading: &'static str,
    pub reloaded: &'static str,
    pub reload_failed: &'static str,
    pub watch_off: &'static str,
    /// Enter on a finding that is not about one card.
    pub finding_without_card: &'static str,
    /// The people view: the person's teams with their roles.
    pub teams_and_roles: &'static str,
    /// The people view: every way the name is written.
    pub written_as: &'static str,
    /// The people view: how each owner or leader value was read.
    pub read_as: &'static str,
    /// The title bar: "3 sider med prosesser".
    pub page_with_cards: &'static str,
    pub pages_with_cards: &'static str,
    /// The help: what `team:` looks at.
    pub team_scope: &'static str,
}

const NB: Words = Words {
    lang: Lang::Nb,

    not_set: "ikke satt",
    missing: "(mangler)",
    empty: "(tom)",
    untitled: "(uten tittel)",
    source: "Kilde",
    teams: "Team",
    qualifiers: "Enhet/rolle",
    role_for: "for",
    no_cards: "Ingen prosesser å vise.",
    no_people: "Ingen personer er nevnt som eier eller leder.",
    external: "(ekstern)",
    chains: "Kjeder",
    feeds: "Mottar fra flere",
    unlinked: "Uten lenker",
    no_links: "Ingen lenker mellom prosessene.",

    matched_in: "Treff i",
    name: "Navn",
    no_hits: "Ingen treff.",
    no_problems: "Ingen funn.",
    load_problems: "feil ved lesing; se `prosesser check`",
    why: "Hvorfor",

    card: "prosess",
    cards_word: "prosesser",
    app_name: "prosesser",
    cards: "Prosesser",
    detail: "Detaljer",
    people: "Personer",
    diagnostics: "Advarsler og feil",
    help: "Hjelp",
    content: "Innhold",
    positional: "Parameter",
    of: "av",
    no_selection: "Ingen prosess valgt.",
    no_matches: "Ingen treff for",
    too_small: "Vinduet er for lite",
    no_diagnostics: "Ingen advarsler eller feil.",
    person: "person",
    none: "ingen",
    query_error: "Feil i søket ved tegn",
    help_keys: "Taster",
    help_input: "I søkelinjen",
    help_input_text: "skriv for å søke; listen filtreres mens du skriver",
    help_mouse: "Mus (med --mouse): klikk velger, musehjulet blar",
    help_search: "Søk",
    search_syntax: &[
        ("hanne", "ordet i alle felt; mork finner Mørk"),
        ("hanne buarøy", "prosesser der begge ordene finnes"),
        ("\"hanne lau\"", "ordene i rekkefølge, mellomrom med"),
        ("/m[oø]rk$/", "regulært uttrykk, felt for felt"),
        ("-hanne", "prosesser uten ordet; også -eier:hanne"),
    ],
    only_in: "bare i",
    or: " eller ",
    help_close: "Esc, ? eller F1 lukker",
    pick_person: "Enter viser prosessene til personen",
    flow: "Flyt",
    receives: "Mottar fra",
    delivers: "Leverer til",
    flow_keys: "j/k velger prosess · Enter viser den i listen · e redigerer · Esc tilbake",
    no_history: "Ingen tidligere prosess å gå tilbake til.",
    no_link: "Prosessen har ingen lenke med nummer",
    no_editor: "Ingen editor: sett $VISUAL eller $EDITOR (for eksempel EDITOR=vim).",
    editor_missing: "Fant ikke editoren",
    compiled_in: "Innebygd håndbok: ingen fil å redigere (åpne håndboken fra disk: prosesser STI).",
    no_file: "Ingen fil å redigere her.",
    editor_status: "Editoren avsluttet med status",
    editor_failed: "Kunne ikke starte editoren",
    back_from_editor: "Tilbake fra editoren.",
    nothing_to_reload: "Håndboken er bygd inn i programmet; ingen filer å lese på nytt.",
    reloading: "Leser filene på nytt …",
    reloaded: "Filene er lest på nytt.",
    reload_failed: "Kunne ikke lese på nytt",
    watch_off: "Følger ikke med på endringer",
    finding_without_card: "Funnet gjelder ingen prosess; e åpner fila på linjen.",
    teams_and_roles: "Team og roller",
    written_as: "Skrevet som",
    read_as: "Slik er navnet lest",
    page_with_cards: "side med prosesser",
    pages_with_cards: "sider med prosesser",
    team_scope: "prosessene til teamets medlemmer",
};

const EN: Words = Words {
    lang: Lang::En,

    not_set: "not set",
    missing: "(missing)",
    empty: "(empty)",
    untitled: "(untitled)",
    source: "Source",
    teams: "Teams",
    qualifiers: "Unit/role",
    role_for: "of",
    no_cards: "No processes to show.",
    no_people: "Nobody is named as owner or leader.",
    external: "(external)",
    chains: "Chains",
    feeds: "Fed by several",
    unlinked: "Without links",
    no_links: "No links between the processes.",

    matched_in: "Matched in",
    name: "Name",
    no_hits: "No matches.",
    no_problems: "No problems found.",
    load_problems: "error(s) while reading; see `prosesser check`",
    why: "Why",

    card: "process",
    cards_word: "processes",
    app_name: "prosesser",
    cards: "Processes",
    detail: "Details",
    people: "People",
    diagnostics: "Warnings and errors",
    help: "Help",
    content: "Content",
    positional: "Parameter",
    of: "of",
    no_selection: "No process selected.",
    no_matches: "No matches for",
    too_small: "The window is too small",
    no_diagnostics: "No warnings or errors.",
    person: "person",
    none: "none",
    query_error: "Query error at character",
    help_keys: "Keys",
    help_input: "In the search line",
    help_input_text: "type to search; the list filters as you type",
    help_mouse: "Mouse (with --mouse): click selects, the wheel scrolls",
    help_search: "Search",
    search_syntax: &[
        ("hanne", "the word in any field; mork finds Mørk"),
        ("hanne buarøy", "processes with both words"),
        ("\"hanne lau\"", "the words in order, space included"),
        ("/m[oø]rk$/", "a regular expression, field by field"),
        ("-hanne", "processes without the word; also -owner:hanne"),
    ],
    only_in: "only in",
    or: " or ",
    help_close: "Esc, ? or F1 closes",
    pick_person: "Enter shows this person's processes",
    flow: "Flow",
    receives: "Receives from",
    delivers: "Delivers to",
    flow_keys: "j/k choose a process · Enter shows it in the list · e edits · Esc back",
    no_history: "No previous process to go back to.",
    no_link: "The process has no link numbered",
    no_editor: "No editor: set $VISUAL or $EDITOR (for example EDITOR=vim).",
    editor_missing: "Editor not found",
    compiled_in: "Compiled-in handbook: no file to edit (open the handbook from disk: prosesser PATH).",
    no_file: "No file to edit here.",
    editor_status: "The editor exited with status",
    editor_failed: "Could not start the editor",
    back_from_editor: "Back from the editor.",
    nothing_to_reload: "The handbook is compiled into the program; there are no files to read again.",
    reloading: "Reading the files again …",
    reloaded: "The files were read again.",
    reload_failed: "Could not read again",
    watch_off: "Not watching for changes",
    finding_without_card: "This finding is about no process; e opens the file at its line.",
    teams_and_roles: "Teams and roles",
    written_as: "Written as",
    read_as: "How the name was read",
    page_with_cards: "page with processes",
    pages_with_cards: "pages with processes",
    team_scope: "the processes of the team's members",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

impl Words {
    /// "Prosesseier for" / "Process owner of", from the field's label.
    pub fn owner_of(&self) -> String {
        self.role_of(Field::Owner)
    }

    /// "Prosessleder for" / "Process leader of", from the field's label.
    pub fn leader_of(&self) -> String {
        self.role_of(Field::Leader)
    }

    /// "ikke satt (mangler)": the browser's word for a field the card lacks.
    pub fn not_set_missing(&self) -> String {
        format!("{} {}", self.not_set, self.missing)
    }

    /// "ikke satt (tom)": a field written empty.
    pub fn not_set_empty(&self) -> String {
        format!("{} {}", self.not_set, self.empty)
    }

    fn role_of(&self, field: Field) -> String {
        format!("{} {}", self.lang.field_label(field), self.role_for)
    }

    /// How a name was read from an owner or leader value: "i team Plattform",
    /// "med rollen «Markedssjef» (rollen står i personkatalogen)".
    pub fn how_read(&self, how: &How) -> String {
        let nb = self.lang == Lang::Nb;
        let quoted = |s: &str| {
            if nb {
                format!("«{s}»")
            } else {
                format!("“{s}”")
            }
        };
        match how {
            How::Alone if nb => "navnet alene".to_owned(),
            How::Alone => "the name alone".to_owned(),
            How::Listed if nb => "ett av flere navn".to_owned(),
            How::Listed => "one of several names".to_owned(),
            How::Shared { with } => {
                let with = with.join(", ");
                if nb {
                    format!("delt med {with}")
                } else {
                    format!("shared with {with}")
                }
            }
            How::Unit { units } => units
                .iter()
                .map(|u| match (&u.team, nb) {
                    (Some(team), true) => format!("i team {team}"),
                    (Some(team), false) => format!("in team {team}"),
                    (None, true) => format!("med enheten {}", quoted(&u.text)),
                    (None, false) => format!("with the unit {}", quoted(&u.text)),
                })
                .collect::<Vec<_>>()
                .join(", "),
            How::Role { role, because } => {
                let why = match (because, nb) {
                    (Because::NameInDirectory, true) => "navnet står i personkatalogen",
                    (Because::NameInDirectory, false) => "the name is in the people directory",
                    (Because::NameOnCard, true) => "navnet står alene på et annet kort",
                    (Because::NameOnCard, false) => "the name is written alone on another card",
                    (Because::RoleInDirectory, true) => "rollen står i personkatalogen",
                    (Because::RoleInDirectory, false) => "the role is in the people directory",
                };
                if nb {
                    format!("med rollen {} ({why})", quoted(role))
                } else {
                    format!("with the role {} ({why})", quoted(role))
                }
            }
        }
    }

    /// "advarsel" / "feil": one finding's severity.
    pub fn severity(&self, severity: Severity) -> &'static str {
        match (self.lang, severity) {
            (Lang::Nb, Severity::Warning) => "advarsel",
            (Lang::Nb, Severity::Error) => "feil",
            (Lang::En, Severity::Warning) => "warning",
            (Lang::En, Severity::Error) => "error",
        }
    }

    /// What is wrong with a query, after "Feil i søket ved tegn 3:".
    pub fn query_problem(&self, kind: &QueryErrorKind) -> String {
        match (self.lang, kind) {
            (Lang::Nb, QueryErrorKind::UnterminatedQuote) => "mangler avsluttende \"".to_owned(),
            (Lang::Nb, QueryErrorKind::UnterminatedRegex) => "mangler avsluttende /".to_owned(),
            // The regex crate says why in English; it is still the best clue.
            (Lang::Nb, QueryErrorKind::InvalidRegex(why)) => {
                format!("ugyldig regulært uttrykk ({why})")
            }
            (Lang::En, QueryErrorKind::UnterminatedQuote) => {
                "unterminated quote: add a closing \"".to_owned()
            }
            (Lang::En, QueryErrorKind::UnterminatedRegex) => {
                "unterminated regex: add a closing /".to_owned()
            }
            (Lang::En, QueryErrorKind::InvalidRegex(why)) => format!("invalid regex: {why}"),
            (Lang::Nb, QueryErrorKind::UnknownScope { written, nearest }) => {
                format!("ukjent felt `{written}:`; mente du `{nearest}:`?")
            }
            (Lang::En, QueryErrorKind::UnknownScope { written, nearest }) => {
                format!("unknown scope `{written}:`; did you mean `{nearest}:`?")
            }
        }
    }

    /// `2 feil`, `1 advarsel`, `7 warnings`.
    pub fn count(&self, n: usize, severity: Severity) -> String {
        let word = match (self.lang, severity, n) {
            (_, _, 1) => self.severity(severity),
            (Lang::Nb, Severity::Warning, _) => "advarsler",
            (Lang::Nb, Severity::Error, _) => "feil",
            (Lang::En, Severity::Warning, _) => "warnings",
            (Lang::En, Severity::Error, _) => "errors",
        };
        format!("{n} {word}")
    }
}

/// Words of the command line and browser as their users expect them (issue 12).
impl Words {
    /// What `side:`/`page:` looks in, for the help.
    pub fn page_scope(&self) -> &'static str {
        match self.lang {
            Lang::Nb => "bare i sidens tittel og sti",
            Lang::En => "only in the page's title and path",
        }
    }

    /// A path the user gave holds no file the handbook is read from.
    pub fn no_markdown_files(&self, path: &str) -> String {
        match self.lang {
            Lang::Nb => format!("0 Markdown-filer i {path}"),
            Lang::En => format!("0 Markdown files in {path}"),
        }
    }

    /// `prosesser lst`: neither a path nor a command, but close to one.
    pub fn not_a_command(&self, written: &str, meant: &str) -> String {
        match self.lang {
            Lang::Nb => format!(
                "`{written}` er verken en fil, en mappe eller en kommando; mente du `{meant}`?"
            ),
            Lang::En => {
                format!("`{written}` is not a file, a folder or a command; did you mean `{meant}`?")
            }
        }
    }

    /// "Feil i søket ved tegn 1 («eeir:hanne»): ukjent felt …", for the command line.
    pub fn query_error_in(&self, query: &str, error: &QueryError) -> String {
        let before = query.get(..error.offset).unwrap_or(query);
        let at = before.chars().count() + 1;
        let (open, close) = match self.lang {
            Lang::Nb => ("«", "»"),
            Lang::En => ("“", "”"),
        };
        format!(
            "{} {at} ({open}{query}{close}): {}",
            self.query_error,
            self.query_problem(&error.kind)
        )
    }

    /// A card's title with where it is, to tell apart cards with one title:
    /// `Behov (linje 44)` within a document, `Behov (a.md:44)` across documents.
    pub fn title_at_line(&self, title: &str, line: u32) -> String {
        match self.lang {
            Lang::Nb => format!("{title} (linje {line})"),
            Lang::En => format!("{title} (line {line})"),
        }
    }
}

/// `2 feil, 7 advarsler` / `2 errors, 7 warnings`.
pub fn summary(lang: Lang, errors: usize, warnings: usize) -> String {
    let w = words(lang);
    format!(
        "{}, {}",
        w.count(errors, Severity::Error),
        w.count(warnings, Severity::Warning)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_in_each_language() {
        assert_eq!(summary(Lang::Nb, 2, 7), "2 feil, 7 advarsler");
        assert_eq!(summary(Lang::Nb, 1, 1), "1 feil, 1 advarsel");
        assert_eq!(summary(Lang::En, 2, 7), "2 errors, 7 warnings");
        assert_eq!(summary(Lang::En, 1, 1), "1 error, 1 warning");
    }

    #[test]
    fn roles_are_built_on_the_field_labels() {
        assert_eq!(words(Lang::Nb).owner_of(), "Prosesseier for");
        assert_eq!(words(Lang::Nb).leader_of(), "Prosessleder for");
        assert_eq!(words(Lang::En).owner_of(), "Process owner of");
    }
}
