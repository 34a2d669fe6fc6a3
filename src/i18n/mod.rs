//! The language people read, Norwegian Bokmål by default and English on
//! request, and every word the command line and the browser say to them:
//! labels, messages, the help, what each key does, why two cards are linked.
//! One home, so the two languages (`nb.rs`, `en.rs`) cannot drift apart and
//! the domain below speaks only data.

mod command_line;
mod en;
mod nb;
mod nb_command_line;
mod words;

pub use command_line::{
    ArgHelp, CommandHelp, CommandLine, Flags, Headings, ManWords, UsageErrors, fill,
};
pub use words::{HistoryWords, Keys, Words, summary};

use crate::model::Field;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    /// What people reading this language call `field`.
    pub fn field_label(self, field: Field) -> &'static str {
        words(self).field(field)
    }
}

/// Every word, in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nb => &nb::NB,
        Lang::En => &en::EN,
    }
}
