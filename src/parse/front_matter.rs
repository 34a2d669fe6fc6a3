//! Finding the front matter, as Hugo's intro lexer state does (hugo-content.md §2.1–2.3).

use crate::model::FrontMatterFormat;

/// Where the front matter is, and where the body (Hugo's main section) starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub front_matter: Option<Block>,
    pub body_start: usize,
}

/// The front matter's text, without its delimiters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub format: FrontMatterFormat,
    /// Byte range of the front-matter text in the file.
    pub start: usize,
    pub end: usize,
}

/// Hugo would reject the file before its body: what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub offset: usize,
    pub message: String,
}

const BOM: char = '\u{FEFF}';

fn err(offset: usize, message: impl Into<String>) -> Result<Split, SplitError> {
    Err(SplitError {
        offset,
        message: message.into(),
    })
}

pub fn split(text: &str) -> Result<Split, SplitError> {
    let mut pos = 0;
    let mut in_html_comment = false;
    loop {
        let Some(c) = text[pos..].chars().next() else {
            return Ok(Split {
                front_matter: None,
                body_start: pos,
            });
        };
        match c {
            ' ' | '\t' | '\r' | '\n' | BOM => pos += c.len_utf8(),
            '-' => return delimited(text, pos, '-', FrontMatterFormat::Yaml, in_html_comment),
            '+' => return delimited(text, pos, '+', FrontMatterFormat::Toml, in_html_comment),
            '{' => return json(text, pos, in_html_comment),
            '#' => return Ok(org(text, pos)),
            '<' if text[pos..].starts_with("<!--") => {
                // Hugo 0.111 reads front matter wrapped in an HTML comment; the
                // comment's first line is skipped.
                in_html_comment = true;
                pos = next_line(text, pos);
            }
            '<' => return err(pos, "plain HTML documents not supported"),
            _ => {
                return Ok(Split {
                    front_matter: None,
                    body_start: pos,
                });
            }
        }
    }
}

fn next_line(text: &str, pos: usize) -> usize {
    match memchr::memchr(b'\n', &text.as_bytes()[pos..]) {
        Some(i) => pos + i + 1,
        None => text.len(),
    }
}

/// Optional CR, then optional LF.
fn consume_crlf(text: &str, mut pos: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut consumed = false;
    if bytes.get(pos) == Some(&b'\r') {
        pos += 1;
        consumed = true;
    }
    if bytes.get(pos) == Some(&b'\n') {
        pos += 1;
        consumed = true;
    }
    (pos, consumed)
}

fn delimited(
    text: &str,
    open: usize,
    delim: char,
    format: FrontMatterFormat,
    in_html_comment: bool,
) -> Result<Split, SplitError> {
    let name = match format {
        FrontMatterFormat::Toml => "TOML",
        _ => "YAML",
    };
    let bytes = text.as_bytes();
    let d = delim as u8;
    for i in 1..3 {
        if bytes.get(open + i) != Some(&d) {
            return err(open, format!("invalid {name} delimiter"));
        }
    }
    let (start, mut at_line_start) = consume_crlf(text, open + 3);
    let closing = [d, d, d];
    let mut pos = start;
    loop {
        if at_line_start && bytes[pos..].starts_with(&closing) {
            let end = pos;
            let (body_start, _) = consume_crlf(text, pos + 3);
            let body_start = end_html_comment(text, body_start, in_html_comment)?;
            return Ok(Split {
                front_matter: Some(Block { format, start, end }),
                body_start,
            });
        }
        // Jump to the next line break: the closing delimiter can only follow one.
        match memchr::memchr2(b'\r', b'\n', &bytes[pos..]) {
            Some(i) => {
                pos += i + 1;
                at_line_start = true;
            }
            None => {
                return err(
                    open,
                    format!(
                        "EOF looking for end {name} front matter delimiter (no line starts with `{}` after this one)",
                        delim.to_string().repeat(3)
                    ),
                );
            }
        }
    }
}

fn end_html_comment(text: &str, pos: usize, in_html_comment: bool) -> Result<usize, SplitError> {
    if !in_html_comment {
        return Ok(pos);
    }
    match text[pos..].find("-->") {
        Some(i) => Ok(pos + i + 3),
        None => Err(SplitError {
            offset: pos,
            message: "starting HTML comment with no end".into(),
        }),
    }
}

fn json(text: &str, open: usize, in_html_comment: bool) -> Result<Split, SplitError> {
    let bytes = text.as_bytes();
    let mut level = 0usize;
    let mut in_quote = false;
    let mut pos = open;
    while pos < bytes.len() {
        match bytes[pos] {
            b'{' if !in_quote => level += 1,
            b'}' if !in_quote => level -= 1,
            b'"' => in_quote = !in_quote,
            // Hugo skips the character after a backslash, quoted or not.
            b'\\' => pos += 1,
            _ => {}
        }
        pos += 1;
        if level == 0 {
            let end = pos.min(bytes.len());
            let (body_start, _) = consume_crlf(text, end);
            let body_start = end_html_comment(text, body_start, in_html_comment)?;
            return Ok(Split {
                front_matter: Some(Block {
                    format: FrontMatterFormat::Json,
                    start: open,
                    end,
                }),
                body_start,
            });
        }
    }
    err(open, "unexpected EOF parsing JSON front matter")
}

fn org(text: &str, open: usize) -> Split {
    if !text[open..].starts_with("#+") {
        return Split {
            front_matter: None,
            body_start: open,
        };
    }
    let bytes = text.as_bytes();
    let mut pos = open;
    loop {
        match memchr::memchr(b'\n', &bytes[pos..]) {
            Some(i) => {
                pos += i + 1;
                if !bytes[pos..].starts_with(b"#+") {
                    break;
                }
            }
            None => {
                pos = bytes.len();
                break;
            }
        }
    }
    Split {
        front_matter: Some(Block {
            format: FrontMatterFormat::Org,
            start: open,
            end: pos,
        }),
        body_start: pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> (String, String) {
        let s = split(text).unwrap();
        let b = s.front_matter.unwrap();
        (
            text[b.start..b.end].to_owned(),
            text[s.body_start..].to_owned(),
        )
    }

    #[test]
    fn yaml_block_includes_its_last_line_break() {
        assert_eq!(fm("---\na: 1\n---\nbody"), ("a: 1\n".into(), "body".into()));
    }

    #[test]
    fn empty_yaml_block() {
        assert_eq!(fm("---\n---\n"), ("".into(), "".into()));
    }

    #[test]
    fn rest_of_opening_line_is_front_matter() {
        assert_eq!(
            fm("--- # note\na: 1\n---\n"),
            (" # note\na: 1\n".into(), "".into())
        );
    }

    #[test]
    fn four_dashes_close_and_body_starts_with_dash() {
        assert_eq!(fm("---\na: 1\n----\nx"), ("a: 1\n".into(), "-\nx".into()));
    }

    #[test]
    fn indented_delimiter_does_not_close() {
        assert!(split("---\na: 1\n ---\n").is_err());
    }

    #[test]
    fn bom_and_blank_lines_are_skipped() {
        assert_eq!(fm("\u{FEFF}\n\n  ---\na: 1\n---\n").0, "a: 1\n");
    }

    #[test]
    fn crlf_files_split() {
        assert_eq!(
            fm("---\r\na: 1\r\n---\r\nbody"),
            ("a: 1\r\n".into(), "body".into())
        );
    }

    #[test]
    fn bad_delimiters_are_errors() {
        assert_eq!(
            split("- item\n").unwrap_err().message,
            "invalid YAML delimiter"
        );
        assert_eq!(split("++\n").unwrap_err().message, "invalid TOML delimiter");
        assert_eq!(
            split("---\na: 1\n").unwrap_err().message,
            "EOF looking for end YAML front matter delimiter (no line starts with `---` after this one)"
        );
        assert_eq!(
            split("<p>hi</p>").unwrap_err().message,
            "plain HTML documents not supported"
        );
    }

    #[test]
    fn json_counts_braces_outside_strings() {
        assert_eq!(
            fm("{\"a\": \"}{\", \"b\": {\"c\": 1}}\nbody"),
            ("{\"a\": \"}{\", \"b\": {\"c\": 1}}".into(), "body".into())
        );
        assert!(split("{\"a\": 1").is_err());
    }

    #[test]
    fn toml_block() {
        assert_eq!(fm("+++\na = 1\n+++\nb"), ("a = 1\n".into(), "b".into()));
    }

    #[test]
    fn org_block_is_the_hash_plus_lines() {
        assert_eq!(
            fm("#+title: X\n#+weight: 2\nbody"),
            ("#+title: X\n#+weight: 2\n".into(), "body".into())
        );
    }

    #[test]
    fn heading_is_not_front_matter() {
        let s = split("# Heading\n").unwrap();
        assert_eq!(s.front_matter, None);
        assert_eq!(s.body_start, 0);
    }

    #[test]
    fn html_comment_wraps_front_matter() {
        let text = "<!--\n---\na: 1\n---\n-->\nbody";
        assert_eq!(fm(text), ("a: 1\n".into(), "\nbody".into()));
    }
}
