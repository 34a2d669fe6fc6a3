//! libyaml's event parser (`libyaml-rs`, libyaml 0.2.5 transpiled to Rust)
//! behind a safe interface: YAML text in, owned events out.
//!
//! Why libyaml: Hugo's YAML decoder (Go's yaml.v2) is a port of libyaml, so
//! libyaml reads the same syntax the same way, down to its quirks (U+2028 is
//! a line break, a block scalar's indentation rules, its error messages).
//! Why events: what a scalar means to Hugo depends on its style and tag, which
//! serde-based readers resolve by YAML 1.2 and then drop.
//!
//! This is the crate's only `unsafe` code. Its invariants: the parser is
//! initialised before use and deleted exactly once (in `Drop`); the input
//! outlives the parser (the `'t` lifetime); every event libyaml hands out is
//! copied into owned Rust values and then deleted before the next call; the
//! pointers read from an event are the ones libyaml documents for that event
//! type, each NUL-terminated or with its length given.

use libyaml_rs as sys;
use std::marker::PhantomData;
use std::mem::MaybeUninit;

/// A position in the input: a byte offset, and 0-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Alias {
        anchor: String,
    },
    Scalar {
        anchor: Option<String>,
        /// The resolved tag (`tag:yaml.org,2002:str` for `!!str`), `None` when
        /// none was written.
        tag: Option<String>,
        value: String,
        style: Style,
    },
    SequenceStart {
        anchor: Option<String>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
    },
    MappingEnd,
}

/// libyaml's error: what went wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub problem: String,
    pub mark: Mark,
}

/// The events of a YAML text, in order.
pub struct Parser<'t> {
    parser: Box<MaybeUninit<sys::yaml_parser_t>>,
    done: bool,
    _input: PhantomData<&'t [u8]>,
}

impl<'t> Parser<'t> {
    pub fn new(input: &'t [u8]) -> Parser<'t> {
        let mut parser = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
        // SAFETY: `yaml_parser_initialize` fills the whole struct (it cannot
        // fail but for allocation, which aborts in Rust); the input pointer
        // and length describe `input`, which outlives the parser.
        unsafe {
            let p = parser.as_mut_ptr();
            let ok = sys::yaml_parser_initialize(p).ok;
            assert!(ok, "libyaml could not initialise a parser");
            sys::yaml_parser_set_input_string(p, input.as_ptr(), input.len() as u64);
        }
        Parser {
            parser,
            done: false,
            _input: PhantomData,
        }
    }

    /// The next event and where it starts; after `StreamEnd` or an error,
    /// `StreamEnd` again.
    pub fn next_event(&mut self) -> Result<(Event, Mark), Error> {
        if self.done {
            return Ok((Event::StreamEnd, Mark::default()));
        }
        let mut raw = MaybeUninit::<sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised in `new`; on success
        // `yaml_parser_parse` initialises the event, which is copied and then
        // deleted once; on failure it leaves no event to delete.
        unsafe {
            let p = self.parser.as_mut_ptr();
            if !sys::yaml_parser_parse(p, raw.as_mut_ptr()).ok {
                self.done = true;
                return Err(error_of(&*p));
            }
            let event = convert(&*raw.as_ptr());
            let start = mark((*raw.as_ptr()).start_mark);
            sys::yaml_event_delete(raw.as_mut_ptr());
            if event == Event::StreamEnd {
                self.done = true;
            }
            Ok((event, start))
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted only here.
        unsafe { sys::yaml_parser_delete(self.parser.as_mut_ptr()) }
    }
}

fn mark(m: sys::yaml_mark_t) -> Mark {
    Mark {
        index: m.index as usize,
        line: m.line as usize,
        column: m.column as usize,
    }
}

/// A NUL-terminated libyaml string, `None` for a null pointer.
///
/// SAFETY: `ptr` is null or points to a NUL-terminated string.
unsafe fn c_string(ptr: *const u8) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: as the caller promises.
    let bytes = unsafe { std::ffi::CStr::from_ptr(ptr.cast()) }.to_bytes();
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// SAFETY: `parser` is an initialised parser whose last call failed.
unsafe fn error_of(parser: &sys::yaml_parser_t) -> Error {
    // SAFETY: libyaml sets `problem` to a static NUL-terminated message.
    let problem = unsafe { c_string(parser.problem.cast()) }
        .unwrap_or_else(|| "unknown problem parsing YAML content".to_owned());
    // A reader error (bad UTF-8, a control character) has an offset, not a mark.
    let mark = if parser.error == sys::YAML_READER_ERROR {
        Mark {
            index: parser.problem_offset as usize,
            ..Mark::default()
        }
    } else {
        mark(parser.problem_mark)
    };
    Error { problem, mark }
}

/// SAFETY: `event` was initialised by a successful `yaml_parser_parse`.
unsafe fn convert(event: &sys::yaml_event_t) -> Event {
    // SAFETY (for every union read below): the union field read is the one
    // for the event's type, as libyaml documents.
    unsafe {
        match event.type_ {
            sys::YAML_STREAM_START_EVENT => Event::StreamStart,
            sys::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
            sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
            sys::YAML_ALIAS_EVENT => Event::Alias {
                anchor: c_string(event.data.alias.anchor).unwrap_or_default(),
            },
            sys::YAML_SCALAR_EVENT => {
                let s = event.data.scalar;
                let value = if s.value.is_null() {
                    String::new()
                } else {
                    let bytes = std::slice::from_raw_parts(s.value, s.length as usize);
                    String::from_utf8_lossy(bytes).into_owned()
                };
                Event::Scalar {
                    anchor: c_string(s.anchor),
                    tag: c_string(s.tag),
                    value,
                    style: match s.style {
                        sys::YAML_SINGLE_QUOTED_SCALAR_STYLE => Style::SingleQuoted,
                        sys::YAML_DOUBLE_QUOTED_SCALAR_STYLE => Style::DoubleQuoted,
                        sys::YAML_LITERAL_SCALAR_STYLE => Style::Literal,
                        sys::YAML_FOLDED_SCALAR_STYLE => Style::Folded,
                        _ => Style::Plain,
                    },
                }
            }
            sys::YAML_SEQUENCE_START_EVENT => Event::SequenceStart {
                anchor: c_string(event.data.sequence_start.anchor),
            },
            sys::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
            sys::YAML_MAPPING_START_EVENT => Event::MappingStart {
                anchor: c_string(event.data.mapping_start.anchor),
            },
            sys::YAML_MAPPING_END_EVENT => Event::MappingEnd,
            _ => Event::StreamEnd,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Result<Vec<Event>, Error> {
        let mut p = Parser::new(text.as_bytes());
        let mut out = Vec::new();
        loop {
            let (e, _) = p.next_event()?;
            let end = e == Event::StreamEnd;
            out.push(e);
            if end {
                return Ok(out);
            }
        }
    }

    #[test]
    fn styles_tags_and_anchors_come_through() {
        let e = events("a: &x yes\nb: \"yes\"\nc: !!str on\nd: *x\n").unwrap();
        assert!(e.contains(&Event::Scalar {
            anchor: Some("x".into()),
            tag: None,
            value: "yes".into(),
            style: Style::Plain
        }));
        assert!(e.contains(&Event::Scalar {
            anchor: None,
            tag: None,
            value: "yes".into(),
            style: Style::DoubleQuoted
        }));
        assert!(e.contains(&Event::Scalar {
            anchor: None,
            tag: Some("tag:yaml.org,2002:str".into()),
            value: "on".into(),
            style: Style::Plain
        }));
        assert!(e.contains(&Event::Alias { anchor: "x".into() }));
    }

    #[test]
    fn errors_carry_the_problem_and_a_byte_offset() {
        let e = events("a: 1\nb: [\n").unwrap_err();
        assert!(!e.problem.is_empty());
        assert!(e.mark.index >= 5, "{e:?}");
        let e = events("æ: \u{1}\n").unwrap_err();
        assert_eq!(e.problem, "control characters are not allowed");
        assert_eq!(e.mark.index, 4);
    }

    #[test]
    fn a_tag_before_a_comma_in_a_flow_list_is_read() {
        // libyaml-safer 0.3 panics here ("TODO: What is expected here?").
        assert!(events("a: [!x, y]\n").is_ok());
    }
}
