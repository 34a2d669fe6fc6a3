use serde::Serialize;

/// The six params a strategy card is made of. Labels are data so the detail pane,
/// the CLI and the help read the same words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Owner,
    Leader,
    Purpose,
    Input,
    Output,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Owner,
        Field::Leader,
        Field::Purpose,
        Field::Input,
        Field::Output,
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
        }
    }
}
