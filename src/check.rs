//! The handbook's lint rules (warnings), on top of what the parser reports.

use crate::model::{Diagnostic, Handbook};

/// Warnings for every document: missing fields, navigation drift, bad HTML, duplicates.
pub fn check(handbook: &Handbook) -> Vec<Diagnostic> {
    let _ = handbook;
    todo!("check")
}
