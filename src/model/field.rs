use serde::Serialize;

/// The params a process card is made of. What people call them, in each
/// language, is in [`crate::i18n`], where the detail pane, the CLI and the
/// help read the same words.
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

    /// A field shown only when a card has it: its absence is not a gap
    /// (most cards name their outcome in `output`).
    pub fn shown_only_when_set(self) -> bool {
        self == Field::Effect
    }
}
