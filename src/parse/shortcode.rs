//! The shortcode lexer: Hugo's main-section and shortcode states
//! (hugo-content.md §3), one pass over the body, errors as values with offsets.
//!
//! Unlike Hugo, which stops at the first error, we note it and carry on from the
//! next `{{<` or `{{%`, so one broken call does not hide the cards after it.

use crate::model::{Value, ValueRef};
use std::borrow::Cow;

/// `{{<` (output inserted after Markdown) or `{{%` (output goes through Markdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delim {
    Angle,
    Percent,
}

impl Delim {
    fn right(self) -> &'static str {
        match self {
            Delim::Angle => ">}}",
            Delim::Percent => "%}}",
        }
    }
}

/// A param value as lexed. Text is borrowed from the file unless Hugo's
/// backslash rule changed it, so a call's params cost no allocation until a
/// card keeps them (most calls' text is copied once, into the card).
#[derive(Debug, Clone, PartialEq)]
pub enum Lexeme<'a> {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(Cow<'a, str>),
}

impl Lexeme<'_> {
    pub fn as_value_ref(&self) -> ValueRef<'_> {
        match self {
            Lexeme::Bool(b) => ValueRef::Bool(*b),
            Lexeme::Int(i) => ValueRef::Int(*i),
            Lexeme::Float(f) => ValueRef::Float(*f),
            Lexeme::Text(t) => ValueRef::String(t),
        }
    }

    pub fn to_value(&self) -> Value {
        self.as_value_ref().to_value()
    }
}

/// A call's params: Hugo decides named or positional by the first one.
#[derive(Debug, Clone, PartialEq)]
pub enum Params<'a> {
    Named(Vec<(Cow<'a, str>, Lexeme<'a>)>),
    Positional(Vec<Lexeme<'a>>),
}

/// One `{{< ... >}}` action.
#[derive(Debug, Clone, PartialEq)]
pub struct Call<'a> {
    /// Offset of the `{{`.
    pub start: usize,
    /// Offset just after the closing `>}}`.
    pub end: usize,
    pub delim: Delim,
    pub name: String,
    /// `{{< /name >}}`.
    pub closing: bool,
    /// `{{< name />}}`.
    pub self_closing: bool,
    pub params: Params<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub offset: usize,
    pub message: String,
    /// Where an unquoted value ran past the call's `>}}`, the likely real mistake.
    pub swallowed_delimiter: Option<(usize, &'static str)>,
}

/// Every call in `text[from..]`, and every error Hugo would stop at.
#[cfg(test)]
pub fn lex(text: &str, from: usize) -> (Vec<Call<'_>>, Vec<LexError>) {
    let lexed = lex_capped(text, from, usize::MAX);
    (lexed.calls, lexed.errors)
}

/// The calls in a body, and the errors met in it, in file order.
pub struct Lexed<'a> {
    pub calls: Vec<Call<'a>>,
    /// The first errors, at most the cap given to [`lex_capped`].
    pub errors: Vec<LexError>,
    /// How many more errors there were past the cap.
    pub more_errors: usize,
}

/// [`lex`], keeping only the first `max_errors` errors (the rest are counted),
/// so a file of a million broken calls costs no more memory than its text.
pub fn lex_capped(text: &str, from: usize, max_errors: usize) -> Lexed<'_> {
    let mut lexer = Lexer {
        text,
        opened: std::collections::HashSet::new(),
        any_name: false,
    };
    let mut calls = Vec::new();
    let mut errors = Vec::new();
    let mut more_errors = 0usize;
    let mut push = |errors: &mut Vec<LexError>, e: LexError| {
        if errors.len() < max_errors {
            errors.push(e);
        } else {
            more_errors += 1;
        }
    };
    // Past this offset no `*/>}}` (index 0) or `*/%}}` (index 1) is left: an
    // unclosed comment escape is reported without searching the rest again.
    let mut no_comment_end_after = [usize::MAX; 2];
    let finder = memchr::memmem::Finder::new("{{");
    let mut pos = from;
    while let Some(i) = finder.find(&text.as_bytes()[pos..]) {
        let at = pos + i;
        let delim = match text.as_bytes().get(at + 2) {
            Some(b'<') => Delim::Angle,
            Some(b'%') => Delim::Percent,
            _ => {
                pos = at + 1;
                continue;
            }
        };
        let inside = at + 3;
        if text[inside..].starts_with("/*") {
            let memo = &mut no_comment_end_after[delim as usize];
            let end = if inside >= *memo {
                None
            } else {
                comment_end(text, inside, delim)
            };
            if end.is_none() {
                *memo = (*memo).min(inside);
            }
            pos = match end {
                Some(end) => end,
                None => {
                    push(
                        &mut errors,
                        LexError {
                            swallowed_delimiter: None,
                            offset: at,
                            message: format!(
                                "comment must be closed: `{}/*` needs a matching `*/{}`",
                                &text[at..inside],
                                delim.right()
                            ),
                        },
                    );
                    inside
                }
            };
            continue;
        }
        match lexer.call(at, delim) {
            Ok(call) => {
                pos = call.end;
                calls.push(call);
            }
            Err(e) => {
                pos = e.resume.max(at + 1);
                push(&mut errors, e.error);
            }
        }
    }
    Lexed {
        calls,
        errors,
        more_errors,
    }
}

/// Document text quoted in a message: at most 40 characters of it.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
        None => text.into(),
    }
}

/// `{{</* ... */>}}` is text, not a call: where it ends.
fn comment_end(text: &str, inside: usize, delim: Delim) -> Option<usize> {
    let close = match delim {
        Delim::Angle => "*/>}}",
        Delim::Percent => "*/%}}",
    };
    let i = text[inside..].find(close)?;
    (i > 1).then_some(inside + i + close.len())
}

struct Lexer<'a> {
    text: &'a str,
    /// Names opened so far in the file: a closing tag must name one of them.
    /// A set, not a list: a hostile file can use 100,000 different names.
    opened: std::collections::HashSet<String>,
    /// Whether any shortcode name has been read yet in the file.
    any_name: bool,
}

struct Failure {
    error: LexError,
    /// Where to look for the next call.
    resume: usize,
}

enum Token<'a> {
    Name(String),
    Close,
    /// A param word or quoted positional value.
    Param(Lexeme<'a>),
    /// What follows `=`.
    ParamValue(Lexeme<'a>),
}

/// Go's `isAlphaNumeric`: `_`, a letter or a digit.
fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

fn is_alnum_or_hyphen(c: char) -> bool {
    c == '-' || is_alnum(c)
}

/// Hugo's typing of unquoted values (`item.go`).
pub fn typed(s: &str) -> Value {
    lexeme(s).to_value()
}

/// [`typed`], borrowing the text when the value is a string.
fn lexeme(s: &str) -> Lexeme<'_> {
    if s == "true" {
        return Lexeme::Bool(true);
    }
    if s == "false" {
        return Lexeme::Bool(false);
    }
    let text = || Lexeme::Text(Cow::Borrowed(s));
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().map_or_else(|_| text(), Lexeme::Int);
    }
    if let Some((whole, frac)) = digits.split_once('.')
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
    {
        return s.parse::<f64>().map_or_else(|_| text(), Lexeme::Float);
    }
    text()
}

fn describe(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{c}'", c as u32)
    }
}

/// Lexing state of one call.
struct CallState<'a> {
    at: usize,
    delim: Delim,
    pos: usize,
    step: usize,
    /// 0: none yet, 1: positional, 2: named.
    param_elements: u8,
    closing_state: u8,
    tokens: Vec<Token<'a>>,
    /// An unquoted value that swallowed the closing delimiter, for a better message.
    swallowed: Option<usize>,
}

impl<'a> Lexer<'a> {
    fn call(&mut self, at: usize, delim: Delim) -> Result<Call<'a>, Failure> {
        let mut st = CallState {
            at,
            delim,
            pos: at + 3,
            step: 0,
            param_elements: 0,
            closing_state: 0,
            tokens: Vec::with_capacity(16),
            swallowed: None,
        };
        let text = self.text;
        let right = delim.right();
        loop {
            if text[st.pos..].starts_with(right) {
                st.pos += right.len();
                return self.finish(st);
            }
            let Some(c) = text[st.pos..].chars().next() else {
                return Err(self.fail(
                    &st,
                    at,
                    text.len(),
                    format!("unclosed shortcode action: no `{right}` before the end of the file"),
                ));
            };
            match c {
                ' ' | '\t' | '\r' | '\n' => st.pos += 1,
                '=' => {
                    st.pos += 1;
                    while let Some(w) = text[st.pos..].chars().next().filter(|w| w.is_whitespace())
                    {
                        st.pos += w.len_utf8();
                    }
                    let value = match text.as_bytes().get(st.pos) {
                        Some(b'"') => self.quoted(&mut st, true)?,
                        Some(b'\\') => self.quoted(&mut st, false)?,
                        Some(b'`') => self.raw(&mut st)?,
                        _ => self.unquoted(&mut st),
                    };
                    st.tokens.push(Token::ParamValue(value));
                }
                '/' => {
                    if !self.any_name {
                        return Err(self.fail(
                            &st,
                            st.pos,
                            st.pos + 1,
                            "got closing shortcode, but none is open".into(),
                        ));
                    }
                    st.closing_state += 1;
                    st.tokens.push(Token::Close);
                    st.pos += 1;
                }
                '\\' => {
                    st.pos += 1;
                    if matches!(text.as_bytes().get(st.pos), Some(b'"' | b'`')) {
                        self.param(&mut st, true)?;
                    }
                }
                c if st.step > 0 && (is_alnum_or_hyphen(c) || c == '"' || c == '`') => {
                    self.param(&mut st, false)?;
                }
                c if is_alnum(c) => {
                    let look_for_end = self.identifier(&mut st)?;
                    if look_for_end {
                        return self.end_of_closing_tag(st);
                    }
                }
                c => {
                    return Err(self.fail(
                        &st,
                        st.pos,
                        st.pos + c.len_utf8(),
                        format!(
                            "unrecognized character in shortcode action: {}. Note: Parameters with non-alphanumeric args must be quoted",
                            describe(c)
                        ),
                    ));
                }
            }
        }
    }

    fn fail(&self, st: &CallState, offset: usize, resume: usize, message: String) -> Failure {
        Failure {
            error: LexError {
                offset,
                message,
                swallowed_delimiter: st.swallowed.map(|at| (at, st.delim.right())),
            },
            resume,
        }
    }

    /// The shortcode name (first token), or the name in a closing tag.
    fn identifier(&mut self, st: &mut CallState<'a>) -> Result<bool, Failure> {
        let text = self.text;
        let start = st.pos;
        while let Some(c) = text[st.pos..].chars().next() {
            if is_alnum_or_hyphen(c) || c == '/' {
                st.pos += c.len_utf8();
            } else if c == '.' {
                let rest = &text[st.pos..];
                let inline = rest.starts_with(".inline")
                    && !rest[7..]
                        .chars()
                        .next()
                        .is_some_and(|n| is_alnum_or_hyphen(n) || n == '/' || n == '.');
                if !inline {
                    return Err(self.fail(
                        st,
                        st.pos,
                        st.pos + 1,
                        "period in shortcode name only allowed for inline identifiers".into(),
                    ));
                }
                st.pos += ".inline".len();
                break;
            } else {
                break;
            }
        }
        let word = text[start..st.pos].to_owned();
        let mut look_for_end = false;
        if st.closing_state > 0 {
            if !self.opened.contains(&word) {
                return Err(self.fail(
                    st,
                    start,
                    st.pos,
                    format!(
                        "closing tag for shortcode '{}' does not match start tag",
                        shown(&word)
                    ),
                ));
            }
            look_for_end = true;
        }
        st.closing_state = 0;
        self.any_name = true;
        if !self.opened.contains(&word) {
            self.opened.insert(word.clone());
        }
        st.step += 1;
        st.tokens.push(Token::Name(word));
        Ok(look_for_end)
    }

    /// After `/name` only spaces and tabs may come before the delimiter.
    fn end_of_closing_tag(&mut self, mut st: CallState<'a>) -> Result<Call<'a>, Failure> {
        let right = st.delim.right();
        loop {
            let rest = &self.text[st.pos..];
            if rest.starts_with(right) {
                st.pos += right.len();
                return self.finish(st);
            }
            match rest.as_bytes().first() {
                Some(b' ' | b'\t') => st.pos += 1,
                _ => {
                    return Err(self.fail(
                        &st,
                        st.pos,
                        st.pos,
                        format!("unclosed shortcode: a closing tag ends with `{right}` right after its name"),
                    ));
                }
            }
        }
    }

    /// A positional word, a named key, or a quoted positional value.
    fn param(&mut self, st: &mut CallState<'a>, escaped_start: bool) -> Result<(), Failure> {
        let text = self.text;
        let first = text[st.pos..].chars().next().unwrap_or(' ');
        if first == '"' || (first == '`' && !escaped_start) {
            if st.param_elements == 2 {
                return Err(self.fail(
                    st,
                    st.pos,
                    st.pos + 1,
                    "got quoted positional parameter. Cannot mix named and positional parameters"
                        .into(),
                ));
            }
            st.param_elements = 1;
            let value = if first == '"' {
                self.quoted(st, !escaped_start)?
            } else {
                self.raw(st)?
            };
            st.tokens.push(Token::Param(value));
            return Ok(());
        }
        if first == '`' {
            return Err(self.fail(
                st,
                st.pos,
                st.pos + 1,
                "unrecognized escape character".into(),
            ));
        }
        let start = st.pos;
        st.pos += first.len_utf8();
        let mut next_eq = false;
        let bytes = text.as_bytes();
        while let Some(&b) = bytes.get(st.pos) {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
                st.pos += 1;
                continue;
            }
            if b == b'=' {
                next_eq = true;
                break;
            }
            if b.is_ascii() {
                break;
            }
            let c = text[st.pos..].chars().next().unwrap_or(' ');
            if !is_alnum_or_hyphen(c) {
                break;
            }
            st.pos += c.len_utf8();
        }
        let word = &text[start..st.pos];
        if st.param_elements == 0 {
            st.param_elements = if next_eq { 2 } else { 1 };
        } else if next_eq && st.param_elements == 1 {
            return Err(self.fail(
                st,
                start,
                st.pos,
                format!(
                    "got named parameter '{}'. Cannot mix named and positional parameters",
                    shown(word)
                ),
            ));
        } else if !next_eq && st.param_elements == 2 {
            return Err(self.fail(
                st,
                start,
                st.pos,
                format!(
                    "got positional parameter '{}'. Cannot mix named and positional parameters",
                    shown(word)
                ),
            ));
        }
        let value = if next_eq {
            Lexeme::Text(Cow::Borrowed(word))
        } else {
            lexeme(word)
        };
        st.tokens.push(Token::Param(value));
        Ok(())
    }

    /// A `"..."` value (or `\"...\"` when `escaped_quotes_allowed` is false),
    /// with Hugo's backslash rules (§3.3).
    fn quoted(
        &mut self,
        st: &mut CallState<'a>,
        escaped_quotes_allowed: bool,
    ) -> Result<Lexeme<'a>, Failure> {
        let text = self.text;
        let bytes = text.as_bytes();
        let quote_at = st.pos;
        let mut open = false;
        let mut content_start = st.pos;
        let mut inner_escape = false;
        let mut escaping = false;
        loop {
            // Only quotes, backslashes and line feeds matter here.
            st.pos = memchr::memchr3(b'"', b'\\', b'\n', &bytes[st.pos..])
                .map_or(bytes.len(), |k| st.pos + k);
            let Some(&b) = bytes.get(st.pos) else {
                return Err(self.unterminated(st, quote_at, content_start));
            };
            st.pos += 1;
            match b {
                b'\\' => match bytes.get(st.pos) {
                    Some(b'"') if open && !escaped_quotes_allowed => {
                        st.pos -= 1;
                        break;
                    }
                    Some(b'"') if open => {
                        inner_escape = true;
                        escaping = true;
                    }
                    Some(b'`') => {
                        return Err(self.fail(
                            st,
                            st.pos - 1,
                            st.pos,
                            "unrecognized escape character: a backtick cannot be escaped in a quoted value".into(),
                        ));
                    }
                    _ => {}
                },
                b'\n' => return Err(self.unterminated(st, quote_at, content_start)),
                b'"' if escaping => escaping = false,
                b'"' if open => {
                    st.pos -= 1;
                    break;
                }
                b'"' => {
                    open = true;
                    content_start = st.pos;
                }
                _ => {}
            }
        }
        let raw = &text[content_start..st.pos];
        let value = if inner_escape {
            Cow::Owned(raw.replace('\\', ""))
        } else {
            Cow::Borrowed(raw)
        };
        match bytes.get(st.pos) {
            Some(b'\\') if bytes.get(st.pos + 1) == Some(&b'"') => st.pos += 2,
            Some(b'"') => st.pos += 1,
            _ => {}
        }
        Ok(Lexeme::Text(value))
    }

    fn unterminated(&self, st: &CallState, quote_at: usize, content_start: usize) -> Failure {
        let rest = &self.text[content_start..];
        let line = rest.split('\n').next().unwrap_or("");
        let resume = (content_start + line.len()).min(self.text.len());
        self.fail(
            st,
            quote_at,
            resume,
            format!(
                "unterminated quoted string in shortcode parameter-argument: '{}' (a \"...\" value cannot span lines; use a `raw string`)",
                shown(line)
            ),
        )
    }

    /// A `` `...` `` value: no escapes, may span lines.
    fn raw(&mut self, st: &mut CallState<'a>) -> Result<Lexeme<'a>, Failure> {
        let open = st.pos;
        let content = open + 1;
        match memchr::memchr(b'`', &self.text.as_bytes()[content..]) {
            Some(i) => {
                st.pos = content + i + 1;
                Ok(Lexeme::Text(Cow::Borrowed(
                    &self.text[content..content + i],
                )))
            }
            None => {
                // No backtick is left in the file, so the next call can be
                // looked for from here without a second search.
                let line = self.text[content..].split('\n').next().unwrap_or("");
                Err(self.fail(
                    st,
                    open,
                    content,
                    format!(
                        "unterminated raw string in shortcode parameter-argument: '{}'",
                        shown(line)
                    ),
                ))
            }
        }
    }

    /// An unquoted value runs to the next whitespace, delimiter or not.
    fn unquoted(&mut self, st: &mut CallState<'a>) -> Lexeme<'a> {
        let start = st.pos;
        let rest = &self.text[start..];
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        st.pos = start + len;
        let word = &rest[..len];
        if word.contains(st.delim.right()) {
            st.swallowed = Some(start);
        }
        lexeme(word)
    }

    /// The tokens of one action to a call (Hugo's `extractShortcode`).
    fn finish(&mut self, mut st: CallState<'a>) -> Result<Call<'a>, Failure> {
        let end = st.pos;
        let fail =
            |me: &Self, st: &CallState, message: &str| Err(me.fail(st, st.at, end, message.into()));
        let taken = std::mem::take(&mut st.tokens);
        let capacity = taken.len() / 2;
        let mut tokens = taken.into_iter().peekable();
        let closing = matches!(tokens.peek(), Some(Token::Close));
        if closing {
            tokens.next();
        }
        let name = match tokens.next() {
            Some(Token::Name(n)) => n,
            _ => return fail(self, &st, "shortcode has no name"),
        };
        let mut named: Vec<(Cow<'a, str>, Lexeme<'a>)> = Vec::with_capacity(capacity);
        // Where each key is in `named`, once there are enough keys for a
        // scan to cost more than hashing: a call with 200,000 params stays linear.
        let mut slots: Option<std::collections::HashMap<Cow<'a, str>, usize>> = None;
        let mut positional: Vec<Lexeme<'a>> = Vec::new();
        let mut self_closing = false;
        while let Some(token) = tokens.next() {
            match token {
                Token::Param(p) => {
                    if let Some(Token::ParamValue(v)) =
                        tokens.next_if(|t| matches!(t, Token::ParamValue(_)))
                    {
                        if !positional.is_empty() {
                            return fail(self, &st, "cannot mix named and positional parameters");
                        }
                        let key = match p {
                            Lexeme::Text(k) => k,
                            other => Cow::Owned(other.as_value_ref().to_string()),
                        };
                        if slots.is_none() && named.len() >= 16 {
                            slots = Some(
                                named
                                    .iter()
                                    .enumerate()
                                    .map(|(i, (k, _))| (k.clone(), i))
                                    .collect(),
                            );
                        }
                        let slot = match &slots {
                            Some(slots) => slots.get(&key).copied(),
                            None => named.iter().position(|(k, _)| *k == key),
                        };
                        match slot {
                            Some(slot) => named[slot].1 = v,
                            None => {
                                if let Some(slots) = &mut slots {
                                    slots.insert(key.clone(), named.len());
                                }
                                named.push((key, v));
                            }
                        }
                    } else {
                        if !named.is_empty() {
                            return fail(self, &st, "cannot mix named and positional parameters");
                        }
                        positional.push(p);
                    }
                }
                // Hugo drops a value with no name before its `=` without a word.
                Token::ParamValue(_) => {}
                Token::Close if tokens.peek().is_none() && !closing => self_closing = true,
                Token::Close | Token::Name(_) => {
                    return fail(
                        self,
                        &st,
                        "a `/` may only start a closing tag or end a self-closing call",
                    );
                }
            }
        }
        // Hugo calls params named only when the first one is named: a call
        // with none is positional, with an empty list (`.IsNamedParams` false).
        let params = if named.is_empty() {
            Params::Positional(positional)
        } else {
            Params::Named(named)
        };
        Ok(Call {
            start: st.at,
            end,
            delim: st.delim,
            name,
            closing,
            self_closing,
            params,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Call<'_> {
        let (calls, errors) = lex(text, 0);
        assert_eq!(errors, vec![], "{text}");
        assert_eq!(calls.len(), 1, "{text}");
        calls.into_iter().next().unwrap()
    }

    fn error(text: &str) -> LexError {
        let (_, errors) = lex(text, 0);
        errors
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no error for {text}"))
    }

    fn named(text: &str) -> Vec<(String, Value)> {
        match one(text).params {
            Params::Named(p) => p
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v.to_value()))
                .collect(),
            p => panic!("not named: {p:?}"),
        }
    }

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn named_params_keep_order_and_last_repeat_wins() {
        assert_eq!(
            named(r#"{{< x b="1" a="2" b="3" >}}"#),
            vec![("b".into(), s("3")), ("a".into(), s("2"))]
        );
    }

    #[test]
    fn names_may_hold_slashes_and_need_no_spaces() {
        assert_eq!(
            one("{{<prosesser/strategy-card>}}").name,
            "prosesser/strategy-card"
        );
        assert_eq!(one("{{< box/>}}").name, "box/");
    }

    #[test]
    fn quoted_values_are_always_strings() {
        assert_eq!(
            named(r#"{{< x a="true" b=`42` >}}"#),
            vec![("a".into(), s("true")), ("b".into(), s("42"))]
        );
    }

    #[test]
    fn raw_strings_span_lines_and_keep_everything() {
        assert_eq!(
            named("{{< x a=`line 1\r\nline \"2\" >}} \\n` >}}")[0].1,
            s("line 1\r\nline \"2\" >}} \\n")
        );
        assert_eq!(named("{{< x a=`` >}}")[0].1, s(""));
    }

    #[test]
    fn closing_and_self_closing_tags() {
        let (calls, errors) = lex("{{< box >}}in{{< /box >}}{{< box />}}{{</box>}}", 0);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!calls[0].closing);
        assert!(calls[1].closing);
        assert!(calls[2].self_closing);
        assert!(calls[3].closing);
        assert!(
            error("{{< a >}}{{< /b >}}")
                .message
                .contains("closing tag for shortcode 'b' does not match start tag")
        );
        assert!(
            error("{{< a >}}{{< /a\n>}}")
                .message
                .starts_with("unclosed shortcode")
        );
    }

    #[test]
    fn inline_shortcode_names() {
        assert_eq!(one("{{< time.inline >}}").name, "time.inline");
    }

    #[test]
    fn a_call_without_params_is_positional_and_empty() {
        assert_eq!(one("{{< x >}}").params, Params::Positional(vec![]));
        assert_eq!(one(r#"{{< x ="v" >}}"#).params, Params::Positional(vec![]));
    }
}
