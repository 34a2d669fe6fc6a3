use serde::Serialize;

/// The six params a strategy card is made of. What people call them, in each
/// language, is in [`crate::i18n`], where the detail pane, the CLI and the
/// help read the same words.
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
}
