//! The language people read: Norwegian Bokmål by default, English on request.

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
