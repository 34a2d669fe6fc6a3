//! prosesser: read a Hugo process handbook (`prosesser/strategy-card` shortcodes)
//! into memory, and ask it questions.
//!
//! This crate is the domain and knows nothing of terminals. The `prosesser`
//! binary (`src/main.rs`, `src/cli/`, `src/tui/`) is a thin layer on top.
//!
//! - [`model`]: documents, cards, diagnostics.
//! - [`parse`]: one content file to a [`model::Document`], as Hugo 0.111 reads it.
//! - [`load`]: files, folders and Hugo site roots to a [`model::Handbook`].
//! - [`query`]: the search language shared by `prosesser search` and the browser.
//! - [`people`]: who owns and leads what.
//! - [`check`]: the handbook's lint rules.
//! - [`flow`]: how processes hand work to each other.
//! - [`history`]: each card's history from git.
//! - [`text`]: making document text safe to show in a terminal.
//! - [`i18n`]: the user's language.

pub mod check;
pub mod flow;
pub mod history;
pub mod i18n;
pub mod load;
pub mod model;
pub mod parse;
pub mod people;
pub mod query;
pub mod text;

pub use model::{
    Card, CardId, Diagnostic, Document, Field, Handbook, Params, Rule, Severity, Value, ValueRef,
};
