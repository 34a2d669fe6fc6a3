use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What a diagnostic is about; its name is the `[rule]` printed after the message
/// so CI logs can be grepped and rules discussed by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The file could not be read (vanished, permissions, too large).
    Io,
    /// The file is not text (NUL bytes).
    Binary,
    /// Bytes that are not UTF-8; the text is shown lossily.
    Utf8,
    /// Front matter Hugo would reject (delimiters, decode errors).
    FrontMatter,
    /// A shortcode call Hugo would reject.
    Shortcode,
    /// A limit of ours was hit (size, nesting, card count).
    Limit,
    /// A site config setting Hugo refuses to build with (an unknown `timeZone`).
    Config,
    /// A card with empty or missing owner, leader or purpose.
    MissingField,
    /// A navigation entry without a card, or a card not in the navigation.
    Navigation,
    /// Malformed HTML in front matter.
    Html,
    /// Two cards with the same title in one document.
    DuplicateTitle,
    /// One person written two ways across the site, or an owner or leader
    /// the site's people directory does not know.
    PersonName,
    /// Titles or names that look the same but differ in invisible or
    /// look-alike characters.
    Confusable,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Io => "io",
            Rule::Binary => "binary",
            Rule::Utf8 => "utf8",
            Rule::FrontMatter => "front-matter",
            Rule::Shortcode => "shortcode",
            Rule::Limit => "limit",
            Rule::Config => "config",
            Rule::MissingField => "missing-field",
            Rule::Navigation => "navigation",
            Rule::Html => "html",
            Rule::DuplicateTitle => "duplicate-title",
            Rule::PersonName => "person-name",
            Rule::Confusable => "confusable",
        }
    }

    /// Every rule, in the order they are documented.
    pub const ALL: [Rule; 13] = [
        Rule::Io,
        Rule::Binary,
        Rule::Utf8,
        Rule::FrontMatter,
        Rule::Shortcode,
        Rule::Limit,
        Rule::Config,
        Rule::MissingField,
        Rule::Navigation,
        Rule::Html,
        Rule::DuplicateTitle,
        Rule::PersonName,
        Rule::Confusable,
    ];

    /// The rule named `name` (`person-name`), as printed after a finding.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A finding about a file, with the position a person can jump to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based byte column.
    pub column: u32,
    pub severity: Severity,
    pub rule: Rule,
    /// What it says, in English: for logs, CI and machines.
    pub message: String,
    /// What it says as data, for a reader's language (`None`: only the
    /// English message, as for the parser's findings).
    /// Boxed: most diagnostics have none, and a finding is several texts.
    #[serde(skip)]
    pub finding: Option<Box<Finding>>,
    /// Where the file is on disk, for a finding in a file that is no
    /// document (a site's config), so an editor can open it; a document's
    /// findings are found through the document. Boxed, as `finding` is.
    #[serde(skip)]
    pub file: Option<Box<std::path::Path>>,
}

/// A finding of the checks as data, so the browser can say it in its
/// reader's language; [`Diagnostic::message`] says the same in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A card without some of the fields every card needs, or with them
    /// written empty; `card` is its title (`None`: untitled).
    MissingFields {
        card: Option<String>,
        missing: Vec<crate::model::Field>,
        empty: Vec<crate::model::Field>,
    },
    /// A `navigation_link.text` entry no card has as its title.
    NavigationWithoutCard { entry: String },
    /// A card the navigation does not list.
    NotInNavigation { card: String },
    /// A card with the title of an earlier card of its page.
    DuplicateTitle {
        card: String,
        line: u32,
        column: u32,
    },
    /// A front matter value whose HTML tags do not balance.
    Html {
        key: String,
        problems: Vec<TagProblem>,
    },
    /// One person's name written another way here than elsewhere
    /// (`person-name`).
    PersonSpelling {
        place: NamePlace,
        /// The name as the people list shows it.
        name: String,
        /// How this place writes it.
        spelling: String,
        differ: Vec<NameDifference>,
        /// A place that writes it the shown way (`path:line:col`), and how.
        usual_at: String,
        usual: String,
    },
    /// An owner or leader the site's people directory does not list
    /// (`person-name`).
    NotInDirectory {
        place: NamePlace,
        name: String,
        /// A directory name this one starts, or that starts this one, and
        /// where the directory lists it (`path:line:col`).
        similar: Option<(String, String)>,
        /// How many team pages the directory is read from.
        team_pages: usize,
    },
    /// A title or a name that looks the same as another but is not.
    Confusable {
        /// A person's name, rather than a title.
        name: bool,
        text: String,
        earlier: String,
        /// Where the earlier one is: `path:line:col`.
        at: String,
        /// The characters they differ in (`U+00A0`).
        differ: Vec<String>,
    },
    /// A site's `timeZone` that names no zone (Hugo's build error); dates
    /// without a zone are read as UTC.
    UnknownTimeZone {
        name: String,
        /// The known name nearest to it, when one is near.
        nearest: Option<String>,
    },
}

/// Where a person's name is written, for a [`Finding`] about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamePlace {
    /// A card's owner or leader, as written, and the card's title.
    Card {
        field: crate::model::Field,
        value: String,
        card: String,
    },
    /// A team page's `name=` entry.
    Entry { name: String, team: String },
    /// A team page's `navigation_link.subtitle`.
    Subtitle { name: String, team: String },
}

/// How two spellings of one name differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameDifference {
    Spacing,
    /// Accents or other letters: `Lonning`, `Lønning`.
    Letters,
    Case,
    /// None of the above can be told apart (a fallback).
    Spelling,
}

/// One unbalanced tag in a front matter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagProblem {
    /// `</p>` that closes nothing (rather than a `<p>` never closed).
    pub stray: bool,
    pub tag: String,
    /// The line of the value it is on, and that line.
    pub line: usize,
    pub excerpt: String,
}

impl Diagnostic {
    pub fn error(
        path: &str,
        line: u32,
        column: u32,
        rule: Rule,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line,
            column,
            severity: Severity::Error,
            rule,
            message: message.into(),
            finding: None,
            file: None,
        }
    }

    /// The same, in `file` on disk.
    pub fn in_file(self, file: &std::path::Path) -> Self {
        Diagnostic {
            file: Some(file.into()),
            ..self
        }
    }

    /// The same, with what it says as data.
    pub fn with(self, finding: Finding) -> Self {
        Diagnostic {
            finding: Some(Box::new(finding)),
            ..self
        }
    }

    pub fn warning(
        path: &str,
        line: u32,
        column: u32,
        rule: Rule,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, column, rule, message)
        }
    }
}

impl Diagnostic {
    /// This diagnostic as compilers print it, saying `message` (its own in
    /// English, or the reader's wording of it). Everything around the message
    /// keeps the shape tools parse (vim's errorformat, CI problem matchers):
    /// the severity and the rule stay English whatever the message's language.
    pub fn line_saying<'a>(&'a self, message: &'a str) -> impl fmt::Display + 'a {
        Line(self, message)
    }
}

/// `path:line:col: severity: message [rule]`, the way compilers print them.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.line_saying(&self.message).fmt(f)
    }
}

/// See [`Diagnostic::line_saying`].
struct Line<'a>(&'a Diagnostic, &'a str);

impl fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Line(d, message) = self;
        write!(
            f,
            "{}:{}:{}: {}: {message} [{}]",
            d.path, d.line, d.column, d.severity, d.rule
        )
    }
}
