//! prosesser: read a Hugo process handbook (`prosesser/strategy-card` and the
//! other card shortcodes) into memory, and ask it questions.
//!
//! The domain modules know nothing of terminals. On top of them sit the
//! terminal browser, [`tui`] (the `tui` feature, on by default), and the
//! `prosesser` binary (`src/main.rs`, `src/cli/`); nothing below imports them,
//! and `cargo build --no-default-features` builds the domain alone.
//!
//! - [`model`]: documents, cards, diagnostics.
//! - [`parse`]: one content file to a [`model::Document`], as Hugo 0.111 reads it.
//! - [`load`]: files, folders and Hugo site roots to a [`model::Handbook`].
//! - [`query`]: the search language shared by `prosesser search` and the browser.
//! - [`site`]: what a Hugo site says about itself (which shortcodes are cards).
//! - [`directory`]: the site's own people directory (team pages).
//! - [`people`]: who owns and leads what, read as real sites write names.
//! - [`check`]: the handbook's lint rules.
//! - [`confusable`]: telling apart text that only looks the same.
//! - [`collate`]: sorting names in the reader's language.
//! - [`labels`]: cards named by title, told apart when titles repeat.
//! - [`flow`]: how processes hand work to each other.
//! - [`history`]: each card's history from git.
//! - [`suggest`]: the known name nearest to a mistyped one.
//! - [`text`]: making document text safe to show in a terminal.
//! - [`i18n`]: the user's language, and every word people read.
//! - [`tui`]: the terminal browser.

pub mod check;
pub mod collate;
pub mod confusable;
pub mod directory;
pub mod flow;
pub mod history;
pub mod i18n;
pub mod labels;
pub mod load;
pub mod model;
mod parallel;
pub mod parse;
pub mod people;
pub mod query;
pub mod site;
pub mod suggest;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;

pub use model::{
    Card, CardId, Diagnostic, Document, Field, Handbook, Params, Publication, Rule, Severity,
    Value, ValueRef,
};
