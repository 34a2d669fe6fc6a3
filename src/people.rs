//! Who owns and leads what.

use crate::model::{CardId, Handbook};

/// One person named as owner or leader somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name alone: `Tilgangsstyring/Espen Herskedal` names `Espen Herskedal`.
    pub name: String,
    /// Teams or units written with the name (`Tilgangsstyring`).
    pub teams: Vec<String>,
    pub owner_of: Vec<CardId>,
    pub leader_of: Vec<CardId>,
}

/// Each person once, sorted by name.
pub fn people(handbook: &Handbook) -> Vec<Person> {
    let _ = handbook;
    todo!("people")
}
