//! The query syntax: text to [`Term`]s, in one left-to-right pass.
//!
//! ```text
//! query  = { space | term }
//! term   = [ "-" ] [ scope ":" [ space ] ] value
//! value  = '"' phrase '"' | "/" regex "/" | word
//! ```
//!
//! A `scope:` prefix is only a scope when the name before the colon is one we
//! know; a name one slip away from one we know is an error that names it;
//! otherwise the colon is part of the word (`kl:12` is the word `kl:12`).

use super::fold::fold;
use super::{Pattern, QueryError, QueryErrorKind, Scope, Term};

pub(super) fn parse(input: &str) -> Result<Vec<Term>, QueryError> {
    let mut terms = Vec::new();
    let mut i = 0;
    // A scope (with its `-`) written with nothing after it yet: it applies to
    // the next value (`eier: hanne`), or to nothing at the end of the query.
    let mut pending: Option<(bool, Scope, usize)> = None;
    while let Some(start) = skip_space(input, i) {
        i = start;
        let mut negated = false;
        if input[i..].starts_with('-') {
            i += 1;
            if at_space_or_end(input, i) {
                // A lone `-` (perhaps about to be followed by a word).
                continue;
            }
            negated = true;
        }
        let (negated, scope, span_start) = match scope_prefix(input, i)? {
            Some((scope, after)) => {
                i = after;
                if at_space_or_end(input, i) {
                    pending = Some((negated, scope, start));
                    continue;
                }
                (negated, scope, start)
            }
            None => match pending.take() {
                Some(scoped) if !negated => scoped,
                _ => (negated, Scope::Any, start),
            },
        };
        pending = None;
        let (pattern, end) = value(input, i)?;
        i = end;
        push(&mut terms, negated, scope, pattern, span_start..end);
    }
    Ok(terms)
}

fn push(
    terms: &mut Vec<Term>,
    negated: bool,
    scope: Scope,
    pattern: Pattern,
    span: std::ops::Range<usize>,
) {
    // An empty phrase (`""`, or a word that folds to nothing) asks for nothing.
    if matches!(&pattern, Pattern::Text(t) if t.is_empty()) {
        return;
    }
    terms.push(Term {
        negated,
        scope,
        pattern,
        span,
    });
}

/// The value starting at byte `i` (not whitespace): its pattern and where it ends.
fn value(input: &str, i: usize) -> Result<(Pattern, usize), QueryError> {
    let rest = &input[i..];
    if let Some(body) = rest.strip_prefix('"') {
        let Some(close) = body.find('"') else {
            return Err(QueryError {
                offset: i,
                kind: QueryErrorKind::UnterminatedQuote,
                message: "unterminated quote: add a closing \"".into(),
            });
        };
        let end = i + 1 + close + 1;
        return Ok((Pattern::Text(fold(&body[..close])), end));
    }
    if let Some(body) = rest.strip_prefix('/') {
        let Some(close) = regex_end(body) else {
            return Err(QueryError {
                offset: i,
                kind: QueryErrorKind::UnterminatedRegex,
                message: "unterminated regex: add a closing /".into(),
            });
        };
        let source = &body[..close];
        let regex = compile(source, i + 1)?;
        return Ok((Pattern::Regex(regex), i + 1 + close + 1));
    }
    let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Ok((Pattern::Text(fold(&rest[..len])), i + len))
}

/// Byte index in `body` of the `/` closing a regex (a `\/` does not close it).
fn regex_end(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut j = 0;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'/' => return Some(j),
            _ => j += 1,
        }
    }
    None
}

/// Regexes are case-insensitive and Unicode-aware; `offset` is where the
/// pattern starts in the query, for the error position.
fn compile(source: &str, offset: usize) -> Result<regex::Regex, QueryError> {
    regex::RegexBuilder::new(source)
        .case_insensitive(true)
        .size_limit(1 << 22)
        .build()
        .map_err(|err| regex_error(source, offset, &err))
}

/// A regex error as one line, positioned where the regex crate points.
fn regex_error(source: &str, offset: usize, err: &regex::Error) -> QueryError {
    let text = err.to_string();
    let message = text
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or(text.lines().last().unwrap_or("invalid regex"));
    // For a one-line pattern the crate prints it indented by four spaces with a
    // line of `^` below it; the first `^` is the column of the problem.
    let mut at = 0;
    if !source.contains('\n')
        && let Some(caret) = text
            .lines()
            .find(|l| l.trim_start().starts_with('^') && l.trim().chars().all(|c| c == '^'))
        && let Some(col) = caret.find('^').and_then(|c| c.checked_sub(4))
    {
        at = source
            .char_indices()
            .nth(col)
            .map_or(source.len(), |(b, _)| b);
    }
    QueryError {
        offset: offset + at,
        kind: QueryErrorKind::InvalidRegex(message.to_owned()),
        message: format!("invalid regex: {message}"),
    }
}

/// A known `scope:` at byte `i`: the scope and the byte after the colon; an
/// error for a mistyped one.
fn scope_prefix(input: &str, i: usize) -> Result<Option<(Scope, usize)>, QueryError> {
    let rest = &input[i..];
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let Some(colon) = rest[..word_end].find(':') else {
        return Ok(None);
    };
    let name = &rest[..colon];
    if name.is_empty() || !name.chars().all(char::is_alphabetic) {
        return Ok(None);
    }
    if let Some(scope) = Scope::from_name(name) {
        return Ok(Some((scope, i + colon + 1)));
    }
    match crate::suggest::nearest(name, Scope::NAMES.map(|(n, _)| n)) {
        Some(nearest) => Err(QueryError {
            offset: i,
            kind: QueryErrorKind::UnknownScope {
                written: name.to_owned(),
                nearest,
            },
            message: format!("unknown scope `{name}:`; did you mean `{nearest}:`?"),
        }),
        None => Ok(None),
    }
}

/// The first non-whitespace byte at or after `i`, if any.
fn skip_space(input: &str, i: usize) -> Option<usize> {
    input[i..]
        .find(|c: char| !c.is_whitespace())
        .map(|at| i + at)
}

fn at_space_or_end(input: &str, i: usize) -> bool {
    input[i..].chars().next().is_none_or(char::is_whitespace)
}
