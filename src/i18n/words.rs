//! What the words are: one [`Words`] per language (the tables are in
//! `nb.rs` and `en.rs`), and the words built from them. A word built on
//! another ("Prosesseier for" on the label "Prosesseier") is built here, not
//! written again.

use super::command_line::{CommandLine, ManWords};
use super::{Lang, words};
use crate::flow::Reason;
use crate::history::{Change, Kind};
use crate::model::{Finding, NameDifference, NamePlace};
use crate::people::{Because, How};
use crate::query::{QueryError, QueryErrorKind};
use crate::{Diagnostic, Field, Rule, Severity, Value};

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
    /// A page Hugo does not publish, by why: a draft, `_build.render: never`
    /// (or a headless bundle), a publish date to come (before the date), an
    /// expiry date gone by.
    pub draft: &'static str,
    pub not_rendered: &'static str,
    pub publish_from: &'static str,
    pub expired: &'static str,
    /// After the reason, in the browser's detail: what it means.
    pub unpublished_note: &'static str,

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
    /// After `$EDITOR`: its value has a quote that does not close.
    pub editor_unsplittable: &'static str,
    pub compiled_in: &'static str,
    pub no_file: &'static str,
    pub editor_status: &'static str,
    pub editor_failed: &'static str,
    pub back_from_editor: &'static str,
    pub nothing_to_reload: &'static str,
    pub reloading: &'static str,
    pub reloaded: &'static str,
    /// A big page's flow is being worked out on another thread.
    pub flow_pending: &'static str,
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

    // ----- the domain's words -----
    /// The fields' labels, in [`Field::ALL`]'s order.
    pub fields: [&'static str; 7],
    /// Around a word quoted from a card: «behov», “behov”.
    pub quotes: (&'static str, &'static str),
    /// Why two cards are linked: the input names the other card ...
    pub input_names: &'static str,
    /// ... the output names it ...
    pub output_names: &'static str,
    /// ... or the output and the input say the same.
    pub same_thing: &'static str,

    /// What each key does, for the help and the status bar's hints.
    pub keys: Keys,
    pub history: HistoryWords,

    // ----- the command line's help and manual page -----
    /// The help, headings and usage errors laid over the clap definition;
    /// `None` where the definition's own words are this language's (English).
    pub command_line: Option<&'static CommandLine>,
    pub man: ManWords,
}

/// What each binding of the keymap does, one word each.
pub struct Keys {
    pub down: &'static str,
    pub up: &'static str,
    pub top: &'static str,
    pub bottom: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub half_page_down: &'static str,
    pub half_page_up: &'static str,
    pub next_pane: &'static str,
    pub previous_pane: &'static str,
    pub open: &'static str,
    pub search: &'static str,
    pub next_match: &'static str,
    pub previous_match: &'static str,
    pub back: &'static str,
    pub people: &'static str,
    pub diagnostics: &'static str,
    pub ingress: &'static str,
    pub follow: &'static str,
    pub jump_back: &'static str,
    pub flow: &'static str,
    pub history: &'static str,
    pub edit: &'static str,
    pub reload: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    pub suspend: &'static str,
    pub keep_filter: &'static str,
    pub clear_search: &'static str,
    pub down_the_list: &'static str,
    pub up_the_list: &'static str,
    pub delete_char: &'static str,
    pub delete_word: &'static str,
    pub clear_line: &'static str,
    /// ctrl-c.
    pub quit_now: &'static str,
    pub next_document: &'static str,
    pub previous_document: &'static str,
    pub order: &'static str,
}

impl Words {
    /// Why Hugo does not publish a page ("utkast", "publiseres 2030-01-01"),
    /// `None` for a published one.
    pub fn unpublished(&self, publication: &crate::Publication) -> Option<String> {
        use crate::Publication as P;
        let date = |d: &str| crate::text::sanitize_line(d).into_owned();
        match publication {
            P::Published => None,
            P::Draft => Some(self.draft.to_owned()),
            P::NotRendered => Some(self.not_rendered.to_owned()),
            P::Future(d) => Some(format!("{} {}", self.publish_from, date(d))),
            P::Expired(d) => Some(format!("{} {}", self.expired, date(d))),
        }
    }

    /// What people call `field`: "Prosesseier", "Process owner".
    pub fn field(&self, field: Field) -> &'static str {
        self.fields[field as usize]
    }

    /// One reason two cards are linked, on one line: which words made it.
    pub fn reason(&self, reason: &Reason) -> String {
        self.reason_text(reason).to_string()
    }

    /// [`Self::reason`] as something to write, without a `String` (the
    /// JSON of a catalogue explains every link).
    pub fn reason_text<'a>(&'a self, reason: &'a Reason) -> impl std::fmt::Display + 'a {
        ReasonText(self, reason)
    }

    /// All of a link's reasons on one line, the words of reasons of one kind
    /// gathered: `input nevner «behov», «behovsprosessen»; output og input
    /// sier det samme: prioriterte, behov`.
    pub fn reasons(&self, reasons: &[Reason]) -> String {
        let gather = |pick: fn(&Reason) -> Option<&String>| -> Vec<String> {
            reasons
                .iter()
                .filter_map(pick)
                .map(|w| self.quoted(w))
                .collect()
        };
        let input = gather(|r| match r {
            Reason::InputNames(w) => Some(w),
            _ => None,
        });
        let output = gather(|r| match r {
            Reason::OutputNames(w) => Some(w),
            _ => None,
        });
        let mut parts = Vec::new();
        if !input.is_empty() {
            parts.push(format!("{} {}", self.input_names, input.join(", ")));
        }
        if !output.is_empty() {
            parts.push(format!("{} {}", self.output_names, output.join(", ")));
        }
        parts.extend(
            reasons
                .iter()
                .filter(|r| matches!(r, Reason::SameThing(_)))
                .map(|r| self.reason(r)),
        );
        parts.join("; ")
    }

    fn quoted(&self, w: &str) -> String {
        format!("{}{w}{}", self.quotes.0, self.quotes.1)
    }

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
        format!("{} {}", self.field(field), self.role_for)
    }

    /// How a name was read from an owner or leader value: "i team Plattform",
    /// "med rollen «Markedssjef» (rollen står i personkatalogen)".
    pub fn how_read(&self, how: &How) -> String {
        let nb = self.lang == Lang::Nb;
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
                    (None, true) => format!("med enheten {}", self.quoted(&u.text)),
                    (None, false) => format!("with the unit {}", self.quoted(&u.text)),
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
                    format!("med rollen {} ({why})", self.quoted(role))
                } else {
                    format!("with the role {} ({why})", self.quoted(role))
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

/// The words of `history`, for people: the command's and the browser's.
pub struct HistoryWords {
    /// What happened, in [`Kind`]'s order: "lagt til", "nytt navn".
    pub kinds: [&'static str; 6],
    /// A value the card no longer has: "Hanne Lauritsen → (fjernet)".
    pub gone: &'static str,
    pub no_changes: &'static str,
    pub file: &'static str,
    pub card: &'static str,
    pub change: &'static str,
    pub field: &'static str,
    pub before: &'static str,
    pub after: &'static str,

    // ----- the browser -----
    /// The view's name: "Historikk".
    pub title: &'static str,
    pub loading: &'static str,
    /// The keys under the entries.
    pub keys: &'static str,
    /// The keys under a card as it was.
    pub card_keys: &'static str,
    /// "Release" *slik den var etter* "a1b2c3d".
    pub as_after: &'static str,
    /// ... or, for a removal, *slik den var før*.
    pub as_before: &'static str,
    /// The card is not in the newest commit of its file (after its title).
    pub not_committed: &'static str,
    /// `H` on the compiled-in handbook.
    pub compiled_in: &'static str,
    /// Before a role's label in the people view: "Tidligere".
    pub former: &'static str,
    /// In the people view while the history is read.
    pub reading_former: &'static str,
    /// In the people view when there is no git history to read.
    pub no_former: &'static str,
    /// After a former role's card: "til" 2024-03-06.
    pub until: &'static str,
}

impl Words {
    /// What happened, in a word or two: "endret", "nytt navn".
    pub fn change_kind(&self, kind: Kind) -> &'static str {
        self.history.kinds[kind as usize]
    }

    /// A value before or after a change: the words for a param the card did
    /// not have before (`(mangler)`), no longer has (`(fjernet)`), or has
    /// empty (`(tom)`); otherwise the value as written (not yet made safe).
    pub fn change_value(&self, value: Option<&Value>, before: bool) -> String {
        match value {
            None if before => self.missing.to_owned(),
            None => self.history.gone.to_owned(),
            Some(v) if v.as_text().trim().is_empty() => self.empty.to_owned(),
            Some(v) => v.as_text().into_owned(),
        }
    }

    /// Who owned and led a card when it was added: `Prosesseier: Hanne
    /// Lauritsen, Prosessleder: Torkel Buarøy` (what a history is asked).
    pub fn added_people(&self, change: &Change) -> String {
        let Some(at) = &change.card_at else {
            return String::new();
        };
        [Field::Owner, Field::Leader]
            .into_iter()
            .filter_map(|field| {
                let text = at.card().field(field)?;
                let text = text.trim();
                (!text.is_empty()).then(|| format!("{}: {text}", self.field(field)))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What changed, without the card's name: `Prosesseier: Hanne Lauritsen
    /// → (fjernet)`, `lagt til (Prosesseier: …)`, `nytt navn: Behov →
    /// Behovsstyring`, `ødelagt: 11:11: … [shortcode]`. Document text is in
    /// it as written: the caller makes the line safe to show.
    pub fn change_text(&self, change: &Change) -> String {
        let kind = self.change_kind(change.kind);
        let values = || {
            format!(
                "{} → {}",
                self.change_value(change.old.as_ref(), true),
                self.change_value(change.new.as_ref(), false)
            )
        };
        match change.kind {
            Kind::Added => match self.added_people(change) {
                people if people.is_empty() => kind.to_owned(),
                people => format!("{kind} ({people})"),
            },
            Kind::Changed => format!(
                "{}: {}",
                self.param_label(change.field.as_deref().unwrap_or("")),
                values()
            ),
            Kind::Renamed => format!("{kind}: {}", values()),
            Kind::Broken => match &change.diagnostic {
                Some(d) => format!("{kind}: {}", self.finding_in_file(d)),
                None => kind.to_owned(),
            },
            Kind::Removed | Kind::Mended => kind.to_owned(),
        }
    }

    /// "Tidligere prosesseier for": a role someone held, from its label.
    pub fn former_role(&self, field: Field) -> String {
        let role = self.role_of(field);
        let mut chars = role.chars();
        let first = chars.next().map(|c| c.to_lowercase().to_string());
        format!(
            "{} {}{}",
            self.history.former,
            first.unwrap_or_default(),
            chars.as_str()
        )
    }

    /// A param's name for people: the field's label, or the key as written.
    pub fn param_label<'a>(&self, key: &'a str) -> &'a str {
        match Field::from_key(key) {
            Some(field) => self.lang.field_label(field),
            None => key,
        }
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

    /// `prosesser man lst`: no command of that name has a page.
    pub fn no_manual_page(&self, name: &str, meant: Option<&str>) -> String {
        match (self.lang, meant) {
            (Lang::Nb, Some(meant)) => {
                format!("ingen manualside for `{name}`: det er ingen kommando; mente du `{meant}`?")
            }
            (Lang::Nb, None) => format!("ingen manualside for `{name}`: det er ingen kommando"),
            (Lang::En, Some(meant)) => {
                format!("no manual page for `{name}`: it is not a command; did you mean `{meant}`?")
            }
            (Lang::En, None) => format!("no manual page for `{name}`: it is not a command"),
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
        let (open, close) = self.quotes;
        format!(
            "{} {at} ({open}{query}{close}): {}",
            self.query_error,
            self.query_problem(&error.kind)
        )
    }

    /// How the card list is ordered while a query is active.
    pub fn list_order(&self, relevance: bool) -> &'static str {
        match (self.lang, relevance) {
            (Lang::Nb, true) => "beste treff først",
            (Lang::Nb, false) => "dokumentrekkefølge",
            (Lang::En, true) => "best match first",
            (Lang::En, false) => "document order",
        }
    }

    /// `o` without a query: the order it will have.
    pub fn order_without_query(&self, relevance: bool) -> String {
        match self.lang {
            Lang::Nb => format!("Søk viser treffene: {}.", self.list_order(relevance)),
            Lang::En => format!("Searches show their hits: {}.", self.list_order(relevance)),
        }
    }

    /// `]`/`[` with no document that way.
    pub fn no_more_documents(&self, forward: bool) -> &'static str {
        match (self.lang, forward) {
            (Lang::Nb, true) => "Ingen flere dokumenter i listen.",
            (Lang::Nb, false) => "Ingen dokumenter før dette i listen.",
            (Lang::En, true) => "No more documents in the list.",
            (Lang::En, false) => "No document before this one in the list.",
        }
    }

    /// A finding as its reader reads it. In English the message is the
    /// checks' own; in Norwegian a finding of the checks is said in full,
    /// and one of the parser (its detail often a YAML library's English)
    /// after a Norwegian word for what kind of problem it is. The rule id
    /// stays as it is, for machines.
    pub fn finding(&self, d: &Diagnostic) -> String {
        if self.lang == Lang::En {
            return d.message.clone();
        }
        match &d.finding {
            Some(finding) => self.finding_nb(finding),
            None => format!("{}: {}", rule_nb(d.rule), d.message),
        }
    }

    /// `path:line:col: severity: message [rule]`, the message as its reader
    /// reads it ([`Self::finding`]) and the rest as tools parse it
    /// ([`Diagnostic::line_saying`]).
    pub fn finding_line(&self, d: &Diagnostic) -> String {
        d.line_saying(&self.finding(d)).to_string()
    }

    /// `line:col: message [rule]`: a finding in a file already named (a
    /// broken version in a history), the message as its reader reads it.
    pub fn finding_in_file(&self, d: &Diagnostic) -> String {
        format!("{}:{}: {} [{}]", d.line, d.column, self.finding(d), d.rule)
    }

    /// Where a name is written, said in Norwegian: `prosesseier på kortet
    /// «Behov»`; the value as written too when it holds more than the name
    /// (`prosessleder «Plattform/Ola Dahl» på kortet «Utvikling»`).
    fn name_place_nb(&self, place: &NamePlace, name: &str) -> String {
        let (open, close) = self.quotes;
        match place {
            NamePlace::Card { field, value, card } => {
                let field = self.field(*field).to_lowercase();
                if value.trim() == name.trim() {
                    format!("{field} på kortet {open}{card}{close}")
                } else {
                    format!("{field} {open}{value}{close} på kortet {open}{card}{close}")
                }
            }
            NamePlace::Entry { team, .. } => {
                format!("oppføringen i personkatalogen for teamet {open}{team}{close}")
            }
            NamePlace::Subtitle { team, .. } => {
                format!("navigation_link.subtitle for teamet {open}{team}{close}")
            }
        }
    }

    fn finding_nb(&self, finding: &Finding) -> String {
        let (open, close) = self.quotes;
        let q = |s: &str| format!("{open}{s}{close}");
        let card = |title: &Option<String>| match title {
            Some(t) => format!("kortet {}", q(t)),
            None => "kortet uten tittel".to_owned(),
        };
        let fields = |fields: &[Field]| {
            let names: Vec<String> = fields
                .iter()
                .map(|f| self.field(*f).to_lowercase())
                .collect();
            and_nb(names.iter().map(String::as_str))
        };
        match finding {
            Finding::MissingFields {
                card: title,
                missing,
                empty,
            } => {
                let mut parts = Vec::new();
                if !missing.is_empty() {
                    parts.push(format!("mangler {}", fields(missing)));
                }
                if !empty.is_empty() {
                    parts.push(format!("har tom {}", fields(empty)));
                }
                format!("{} {}", card(title), parts.join(" og "))
            }
            Finding::NavigationWithoutCard { entry } => format!(
                "navigation_link.text i front matter viser {}, men ingen prosess har den tittelen",
                q(entry)
            ),
            Finding::NotInNavigation { card: title } => format!(
                "{} står ikke i navigation_link.text i front matter",
                card(&Some(title.clone()))
            ),
            Finding::DuplicateTitle {
                card: title,
                line,
                column,
            } => format!(
                "{} har samme tittel som kortet på linje {line}, kolonne {column}",
                card(&Some(title.clone()))
            ),
            Finding::Html { key, problems } => {
                let said: Vec<String> = problems
                    .iter()
                    .map(|p| {
                        let what = if p.stray {
                            format!("</{}> lukker ingenting", p.tag)
                        } else {
                            format!("<{}> lukkes ikke", p.tag)
                        };
                        format!("{what} på linje {} i verdien: {}", p.line, q(&p.excerpt))
                    })
                    .collect();
                format!("front matter {key}: HTML i ubalanse: {}", said.join("; "))
            }
            Finding::PersonSpelling {
                place,
                name,
                spelling,
                differ,
                usual_at,
                usual,
            } => format!(
                "{}: {name} er skrevet {}, men {usual_at} skriver {} (ulikt: {})",
                self.name_place_nb(place, spelling),
                q(spelling),
                q(usual),
                and_nb(differ.iter().map(|d| match d {
                    NameDifference::Spacing => "mellomrom",
                    NameDifference::Letters => "aksenter/bokstaver",
                    NameDifference::Case => "store/små bokstaver",
                    NameDifference::Spelling => "stavemåte",
                })),
            ),
            Finding::NotInDirectory {
                place,
                name,
                similar,
                team_pages,
            } => {
                let place = self.name_place_nb(place, name);
                match similar {
                    Some((other, at)) => format!(
                        "{place}: {} står ikke i personkatalogen; \
                         katalogen har {} på {at} (samme person?)",
                        q(name),
                        q(other)
                    ),
                    None => format!(
                        "{place}: {} står ikke i personkatalogen \
                         (name=-oppføringene på {})",
                        q(name),
                        match team_pages {
                            1 => "den ene teamsiden".to_owned(),
                            n => format!("de {n} teamsidene"),
                        }
                    ),
                }
            }
            Finding::Confusable {
                name,
                text,
                earlier,
                at,
                differ,
            } => format!(
                "{} {} ser ut som {} (kortet på {at}), men er ikke det samme: de skiller seg i {}",
                if *name { "navnet" } else { "tittelen" },
                q(text),
                q(earlier),
                differ.join(", ")
            ),
            Finding::UnknownTimeZone { name, nearest } => format!(
                "timeZone: ukjent tidssone {} (Hugo nekter å bygge nettstedet); datoer uten sone leses som UTC{}",
                q(name),
                nearest
                    .as_ref()
                    .map(|n| format!("; mente du {}?", q(n)))
                    .unwrap_or_default()
            ),
        }
    }

    /// `e` in the people view with no one to edit.
    pub fn no_person_to_edit(&self) -> &'static str {
        match self.lang {
            Lang::Nb => "Velg en person (j/k) for å redigere prosessen deres med e.",
            Lang::En => "Choose a person (j/k) to edit their process with e.",
        }
    }

    /// The warnings view grouped under the rules.
    pub fn by_rule(&self) -> &'static str {
        match self.lang {
            Lang::Nb => "etter regel",
            Lang::En => "by rule",
        }
    }

    /// Said while the checks (the findings, the people) are worked out.
    pub fn checking(&self) -> &'static str {
        match self.lang {
            Lang::Nb => "sjekker …",
            Lang::En => "checking …",
        }
    }

    /// In the warnings and people views while the checks run.
    pub fn checking_long(&self) -> &'static str {
        match self.lang {
            Lang::Nb => "Sjekker håndboken og finner personene …",
            Lang::En => "Checking the handbook and finding the people …",
        }
    }

    /// The status bar's word for `q`: quit from the main view, else close.
    pub fn quit_hint(&self, main_view: bool) -> &'static str {
        match (self.lang, main_view) {
            (Lang::Nb, true) => "avslutt",
            (Lang::Nb, false) => "lukk",
            (Lang::En, true) => "quit",
            (Lang::En, false) => "close",
        }
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

/// `a`, `a og b`, `a, b og c`.
fn and_nb<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} og {last}", init.join(", ")),
    }
}

/// What kind of problem a rule finds, in Norwegian: the lead of a finding
/// that has only its English message.
fn rule_nb(rule: Rule) -> &'static str {
    match rule {
        Rule::Io => "Kunne ikke lese",
        Rule::Binary => "Ikke en tekstfil",
        Rule::Utf8 => "Ikke gyldig UTF-8",
        Rule::FrontMatter => "Front matter som Hugo avviser",
        Rule::Shortcode => "Shortcode som Hugo avviser",
        Rule::Limit => "Over en grense",
        Rule::Config => "Oppsett som Hugo avviser",
        Rule::MissingField => "Felt mangler",
        Rule::Navigation => "Navigasjonen",
        Rule::Html => "HTML i ubalanse",
        Rule::DuplicateTitle => "Samme tittel to ganger",
        Rule::Confusable => "Tekst som kan forveksles",
        Rule::PersonName => "Personnavn",
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

/// A reason worded: see [`Words::reason_text`].
struct ReasonText<'a>(&'a Words, &'a Reason);

impl std::fmt::Display for ReasonText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Pieces, not `write!`: a catalogue's JSON words every link.
        let (words, (open, close)) = (self.0, self.0.quotes);
        let names = |f: &mut std::fmt::Formatter<'_>, what: &str, w: &str| {
            for piece in [what, " ", open, w, close] {
                f.write_str(piece)?;
            }
            Ok(())
        };
        match self.1 {
            Reason::InputNames(w) => names(f, words.input_names, w),
            Reason::OutputNames(w) => names(f, words.output_names, w),
            Reason::SameThing(ws) => {
                f.write_str(words.same_thing)?;
                f.write_str(": ")?;
                for (i, w) in ws.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(w)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_entry_spelled_several_ways_and_a_name_it_lacks_read_as_norwegian() {
        let said = |finding: Finding| {
            let d = Diagnostic::warning("a.md", 9, 3, Rule::PersonName, "x").with(finding);
            words(Lang::Nb).finding(&d)
        };
        let spelling = Finding::PersonSpelling {
            place: NamePlace::Entry {
                name: "ingrid  solbakken".into(),
                team: "Lederlaget".into(),
            },
            name: "Ingrid Solbakken".into(),
            spelling: "ingrid  solbakken".into(),
            differ: vec![NameDifference::Spacing, NameDifference::Case],
            usual_at: "a.md:5:13".into(),
            usual: "Ingrid Solbakken".into(),
        };
        assert_eq!(
            said(spelling),
            "oppføringen i personkatalogen for teamet «Lederlaget»: Ingrid Solbakken er skrevet \
             «ingrid  solbakken», men a.md:5:13 skriver «Ingrid Solbakken» \
             (ulikt: mellomrom og store/små bokstaver)"
        );
        let missing = Finding::NotInDirectory {
            place: NamePlace::Card {
                field: Field::Owner,
                value: "Kari Nordmann".into(),
                card: "Behov".into(),
            },
            name: "Kari Nordmann".into(),
            similar: None,
            team_pages: 1,
        };
        assert_eq!(
            said(missing),
            "prosesseier på kortet «Behov»: «Kari Nordmann» står ikke i personkatalogen \
             (name=-oppføringene på den ene teamsiden)"
        );
    }

    #[test]
    fn summaries_count_in_each_language() {
        assert_eq!(summary(Lang::Nb, 2, 7), "2 feil, 7 advarsler");
        assert_eq!(summary(Lang::Nb, 1, 1), "1 feil, 1 advarsel");
        assert_eq!(summary(Lang::En, 2, 7), "2 errors, 7 warnings");
        assert_eq!(summary(Lang::En, 1, 1), "1 error, 1 warning");
    }

    #[test]
    fn explaining_a_link_gathers_words_of_one_kind() {
        let reasons = [
            Reason::InputNames("behov".into()),
            Reason::InputNames("behovsprosessen".into()),
            Reason::SameThing(vec!["prioriterte".into(), "behov".into()]),
        ];
        assert_eq!(
            words(Lang::Nb).reasons(&reasons),
            "input nevner «behov», «behovsprosessen»; output og input sier det samme: prioriterte, behov"
        );
        assert_eq!(
            words(Lang::En).reasons(&reasons[..1]),
            "input names “behov”"
        );
        assert_eq!(
            words(Lang::En).reason(&reasons[2]),
            "output and input say the same: prioriterte, behov"
        );
    }

    #[test]
    fn field_labels_follow_the_fields() {
        assert_eq!(words(Lang::Nb).field(Field::Owner), "Prosesseier");
        assert_eq!(words(Lang::Nb).field(Field::Purpose), "Formål");
        assert_eq!(words(Lang::En).field(Field::Leader), "Process leader");
        assert_eq!(words(Lang::En).field(Field::Output), "Output");
    }

    #[test]
    fn a_finding_line_changes_only_its_message_with_the_language() {
        let d = Diagnostic::warning("a.md", 3, 1, Rule::MissingField, "card \"X\" has no owner")
            .with(Finding::MissingFields {
                card: Some("X".into()),
                missing: vec![Field::Owner],
                empty: vec![],
            });
        assert_eq!(words(Lang::En).finding_line(&d), d.to_string());
        assert_eq!(
            words(Lang::Nb).finding_line(&d),
            "a.md:3:1: warning: kortet «X» mangler prosesseier [missing-field]"
        );
        assert_eq!(
            words(Lang::Nb).finding_in_file(&d),
            "3:1: kortet «X» mangler prosesseier [missing-field]"
        );
    }

    #[test]
    fn roles_are_built_on_the_field_labels() {
        assert_eq!(words(Lang::Nb).owner_of(), "Prosesseier for");
        assert_eq!(words(Lang::Nb).leader_of(), "Prosessleder for");
        assert_eq!(words(Lang::En).owner_of(), "Process owner of");
    }
}
