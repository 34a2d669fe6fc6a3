//! One content file to a [`Document`], reading it the way Hugo 0.111 does.

use crate::model::{Diagnostic, Document};

/// Parse one file. Never fails: what Hugo would reject becomes an error
/// diagnostic with its true position, and everything before it is kept.
pub fn parse_document(path: &str, bytes: &[u8]) -> (Document, Vec<Diagnostic>) {
    let _ = (path, bytes);
    todo!("parser")
}
