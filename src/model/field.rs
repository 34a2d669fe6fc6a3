use serde::Serialize;

/// The params a process card is made of. Labels are data so the detail pane,
/// the CLI and the help read the same words.
///
/// `effect` is the outcome some sites write where others write `output`; it is
/// shown after Output and only when a card has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Owner,
    Leader,
    Purpose,
    Input,
    Output,
    Effect,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Title,
        Field::Owner,
        Field::Leader,
        Field::Purpose,
        Field::Input,
        Field::Output,
        Field::Effect,
    ];

    /// The param name in the shortcode, and the key in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Owner => "owner",
            Field::Leader => "leader",
            Field::Purpose => "purpose",
            Field::Input => "input",
            Field::Output => "output",
            Field::Effect => "effect",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// What a Norwegian reader calls the field.
    pub fn label_nb(self) -> &'static str {
        match self {
            Field::Title => "Tittel",
            Field::Owner => "Prosesseier",
            Field::Leader => "Prosessleder",
            Field::Purpose => "Formål",
            Field::Input => "Input",
            Field::Output => "Output",
            Field::Effect => "Effekt",
        }
    }

    /// What an English reader calls the field.
    pub fn label_en(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Owner => "Process owner",
            Field::Leader => "Process leader",
            Field::Purpose => "Purpose",
            Field::Input => "Input",
            Field::Output => "Output",
            Field::Effect => "Effect",
        }
    }

    /// A field shown only when a card has it: its absence is not a gap
    /// (most cards name their outcome in `output`).
    pub fn shown_only_when_set(self) -> bool {
        self == Field::Effect
    }
}
