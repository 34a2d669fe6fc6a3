//! The in-memory model of a handbook: documents, the cards they hold, and the
//! diagnostics found while reading them. Everything else (query, people, flow,
//! CLI, TUI) is a view of these types.

mod card;
mod diagnostic;
mod document;
mod field;
mod member;
mod params;
mod publication;
mod value;
mod zone;

pub use card::{CARD, Card, CardId, STRATEGY_CARD, Shortcode};
pub use diagnostic::{
    Diagnostic, Finding, NameDifference, NamePlace, Rule, Severity, TagProblem as TagFinding,
};
pub(crate) use document::lookup as front_matter_get;
pub use document::{Document, FrontMatter, FrontMatterFormat, Handbook, KeyLine};
pub use field::Field;
pub use member::Member;
pub use params::{Params, ParamsBuilder, ValueRef};
pub use publication::{Publication, now as now_unix, parse_date, parse_date_in};
pub use value::Value;
pub use zone::{TimeZone, UnknownTimeZone};
