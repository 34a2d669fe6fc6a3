//! The language people read, Norwegian Bokmål by default and English on
//! request, and every word the command line and the browser say to them.

mod words;

pub use words::{Words, summary, words};

use crate::model::Field;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn field_label(self, field: Field) -> &'static str {
        match self {
            Lang::Nb => field.label_nb(),
            Lang::En => field.label_en(),
        }
    }
}
