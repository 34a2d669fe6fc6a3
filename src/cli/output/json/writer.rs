//! The serde serializer every JSON output goes through: serde_json's pretty
//! layout byte for byte, strings escaped in one pass.
//!
//! serde_json escapes a string byte by byte, and a terminal-safe formatter
//! on top of it had to look at every piece again for the characters a
//! terminal acts on ([`prosesser::text::is_unsafe`]): two scans of every
//! string, most of a catalogue's `list --format json`. Here one scan, sixteen
//! bytes at a time, finds both what JSON must escape and what a terminal
//! would act on.
//!
//! Numbers are written as serde_json writes them (`itoa`, `zmij`, `null` for
//! a float that is not finite), so the output is what
//! `serde_json::to_writer_pretty` would write but for the extra escapes.

use serde::ser::{self, Serialize};
use std::fmt;
use std::io::{self, Write};

/// Writes values as pretty JSON into `out`, laid out as if `depth` levels
/// deep in a larger value.
pub(super) struct Pretty<W> {
    out: W,
    depth: usize,
    /// Whether the array or object being written has a value yet: its
    /// closing bracket then goes on a line of its own (serde_json's rule).
    has_value: bool,
}

impl<W: Write> Pretty<W> {
    pub(super) fn new(out: W, depth: usize) -> Self {
        Pretty {
            out,
            depth,
            has_value: false,
        }
    }

    fn open(&mut self, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        self.out.write_all(bracket)
    }

    fn close(&mut self, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.out.write_all(b"\n")?;
            indent(&mut self.out, self.depth)?;
        }
        self.out.write_all(bracket)
    }

    /// Before an item of an array or a key of an object.
    fn next(&mut self, first: bool) -> io::Result<()> {
        self.out.write_all(if first { b"\n" } else { b",\n" })?;
        indent(&mut self.out, self.depth)
    }

    fn string(&mut self, s: &str) -> io::Result<()> {
        write_string(&mut self.out, s)
    }

    fn compound(&mut self, empty: bool, bracket: &'static [u8]) -> Result<Compound<'_, W>, Error> {
        let closing: &'static [u8] = if bracket == b"[" { b"]" } else { b"}" };
        self.open(bracket)?;
        if empty {
            self.close(closing)?;
        }
        Ok(Compound {
            writer: self,
            state: if empty { State::Empty } else { State::First },
            closing,
            variant: false,
        })
    }

    /// `{"variant": ` before the value of an enum's newtype, tuple or
    /// struct variant.
    fn open_variant(&mut self, variant: &str) -> io::Result<()> {
        self.open(b"{")?;
        self.next(true)?;
        self.string(variant)?;
        self.out.write_all(b": ")
    }

    fn close_variant(&mut self) -> io::Result<()> {
        self.has_value = true;
        self.close(b"}")
    }
}

/// A line's indentation at `depth`: two spaces a level.
pub(super) fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = b"                                                                ";
    let mut left = 2 * depth;
    while left > 0 {
        let n = left.min(SPACES.len());
        w.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

/// `s` as a JSON string: what JSON requires escaped (`"`, `\`, C0 controls)
/// as serde_json escapes it, and characters a terminal would act on as
/// `\uXXXX` ([`write_escaped`]).
fn write_string<W: ?Sized + Write>(out: &mut W, s: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = s.as_bytes();
    // `bytes[start..]` is not written yet; `bytes[..at]` has been looked at.
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = prosesser::text::first_suspect_or(&s[at..], [b'"', b'\\']) {
        let i = at + found;
        let short: Option<&[u8]> = match bytes[i] {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\t' => Some(b"\\t"),
            b'\r' => Some(b"\\r"),
            0x08 => Some(b"\\b"),
            0x0c => Some(b"\\f"),
            _ => None,
        };
        if let Some(escape) = short {
            out.write_all(&bytes[start..i])?;
            out.write_all(escape)?;
            start = i + 1;
            at = i + 1;
            continue;
        }
        // Every found byte is ASCII or a lead byte: `i` is a char boundary.
        let c = s[i..].chars().next().unwrap_or_default();
        if prosesser::text::is_unsafe(c) {
            out.write_all(&bytes[start..i])?;
            write_escaped(out, c)?;
            start = i + c.len_utf8();
        }
        at = i + c.len_utf8();
    }
    out.write_all(&bytes[start..])?;
    out.write_all(b"\"")
}

/// `c` as JSON `\u` escapes: a surrogate pair past the first plane, and a
/// byte of a file name that is not UTF-8 ([`prosesser::text::raw_byte`]) as
/// the lone surrogate `\udc80`–`\udcff`. That is the form Python's
/// `surrogateescape` reads back to the exact byte (`os.fsencode(path)`); a
/// reader without it gets U+FFFD, as it would for the name itself.
fn write_escaped<W: ?Sized + Write>(writer: &mut W, c: char) -> io::Result<()> {
    if let Some(byte) = prosesser::text::raw_byte(c) {
        return write!(writer, "\\u{:04x}", 0xdc00 + u32::from(byte));
    }
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        write!(writer, "\\u{unit:04x}")?;
    }
    Ok(())
}

/// What went wrong writing: the output failing, or a value serde cannot
/// write as JSON (a map key that is not a string or a number).
#[derive(Debug)]
pub(super) struct Error(io::Error);

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error(error)
    }
}

impl From<Error> for io::Error {
    fn from(error: Error) -> Self {
        error.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(io::Error::other(message.to_string()))
    }
}

macro_rules! integers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, value: $ty) -> Result<(), Error> {
            self.out.write_all(itoa::Buffer::new().format(value).as_bytes())?;
            Ok(())
        }
    )*};
}

impl<'a, W: Write> ser::Serializer for &'a mut Pretty<W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, W>;
    type SerializeTuple = Compound<'a, W>;
    type SerializeTupleStruct = Compound<'a, W>;
    type SerializeTupleVariant = Compound<'a, W>;
    type SerializeMap = Compound<'a, W>;
    type SerializeStruct = Compound<'a, W>;
    type SerializeStructVariant = Compound<'a, W>;

    integers!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.out.write_all(if value { b"true" } else { b"false" })?;
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        match value.is_finite() {
            true => self
                .out
                .write_all(zmij::Buffer::new().format_finite(value).as_bytes())?,
            false => self.out.write_all(b"null")?,
        }
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        match value.is_finite() {
            true => self
                .out
                .write_all(zmij::Buffer::new().format_finite(value).as_bytes())?,
            false => self.out.write_all(b"null")?,
        }
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.string(value.encode_utf8(&mut [0; 4]))?;
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.string(value)?;
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(value.len()))?;
        for byte in value {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.write_all(b"null")?;
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.close_variant()?;
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        self.compound(len == Some(0), b"[")
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, W>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.open_variant(variant)?;
        let mut compound = self.serialize_seq(Some(len))?;
        compound.variant = true;
        Ok(compound)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        self.compound(len == Some(0), b"{")
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, W>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.open_variant(variant)?;
        let mut compound = self.serialize_map(Some(len))?;
        compound.variant = true;
        Ok(compound)
    }
}

#[derive(PartialEq)]
enum State {
    /// Known to be empty, and closed already.
    Empty,
    First,
    Rest,
}

/// An array or object being written.
pub(super) struct Compound<'a, W> {
    writer: &'a mut Pretty<W>,
    state: State,
    closing: &'static [u8],
    /// The value of an enum variant: `{"variant": ...}` to close too.
    variant: bool,
}

impl<W: Write> Compound<'_, W> {
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.next(self.state == State::First)?;
        self.state = State::Rest;
        value.serialize(&mut *self.writer)?;
        self.writer.has_value = true;
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        if self.state != State::Empty {
            self.writer.close(self.closing)?;
        }
        if self.variant {
            self.writer.close_variant()?;
        }
        Ok(())
    }

    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.writer.next(self.state == State::First)?;
        self.state = State::Rest;
        key.serialize(Key(&mut *self.writer))
    }

    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.out.write_all(b": ")?;
        value.serialize(&mut *self.writer)?;
        self.writer.has_value = true;
        Ok(())
    }
}

/// The item-by-item traits of arrays (sequences, tuples, tuple structs and
/// tuple variants): one behaviour under four names.
macro_rules! items {
    ($($trait:ident::$method:ident),*) => {$(
        impl<W: Write> ser::$trait for Compound<'_, W> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<W: Write> ser::SerializeMap for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// The field-by-field traits of objects (structs and struct variants).
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl<W: Write> ser::$trait for Compound<'_, W> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.key(key)?;
                self.value(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

/// An object's key: a string, or a number or bool written as one (as
/// serde_json does); anything else is an error.
struct Key<'a, W>(&'a mut Pretty<W>);

fn key_must_be_a_string() -> Error {
    ser::Error::custom("a JSON object's key must be a string")
}

macro_rules! quoted {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, value: $ty) -> Result<(), Error> {
            self.0.string(itoa::Buffer::new().format(value))?;
            Ok(())
        }
    )*};
}

impl<W: Write> ser::Serializer for Key<'_, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    quoted!(
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128
    );

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.0.string(value)?;
        Ok(())
    }
    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.0.string(value.encode_utf8(&mut [0; 4]))?;
        Ok(())
    }
    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.0.string(if value { "true" } else { "false" })?;
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(key_must_be_a_string());
        }
        self.0.string(zmij::Buffer::new().format_finite(value))?;
        Ok(())
    }
    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(key_must_be_a_string());
        }
        self.0.string(zmij::Buffer::new().format_finite(value))?;
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        value.serialize(&mut Pretty::new(&mut out, 0)).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn values_are_laid_out_as_serde_json_lays_them_out() {
        let value = json!({
            "empty array": [],
            "empty object": {},
            "nested": [[], {}, [[]], {"a": {}}, [1, [2, []]]],
            "numbers": [0, -1, i64::MIN, u64::MAX, 0.5, -2.25e-7, 1e21, 123456.789],
            "text": "quote \" backslash \\ newline \n tab \t cr \r bell \u{7} nul \u{0} \u{8} \u{c} \u{1f} æøå «» – “ ” … é",
            "more": {"null": null, "true": true, "false": false, "": ""},
        });
        assert_eq!(
            pretty(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn derived_structs_enums_and_options_are_written_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        enum Shape {
            Unit,
            Newtype(u8),
            Tuple(u8, &'static str),
            Struct { a: Option<u8>, b: Vec<u8> },
        }
        #[derive(serde::Serialize)]
        struct All {
            shapes: Vec<Shape>,
            tuple: (i32, f32, char),
            bytes: &'static [u8],
            map: std::collections::BTreeMap<u32, bool>,
            nothing: Option<String>,
            float: f64,
        }
        let value = All {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(1),
                Shape::Tuple(2, "x"),
                Shape::Struct { a: None, b: vec![] },
                Shape::Struct {
                    a: Some(3),
                    b: vec![4, 5],
                },
            ],
            tuple: (-7, 1.5, 'ø'),
            bytes: b"ab",
            map: [(1, true), (20, false)].into(),
            nothing: None,
            float: f64::NAN,
        };
        assert_eq!(
            pretty(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn every_character_reads_back_and_none_a_terminal_acts_on_is_written() {
        // (A file name's raw byte is written as a lone surrogate, which
        // serde_json does not read: see the JSON module's own test.)
        let all: String = (0..=0x10_ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| prosesser::text::raw_byte(c).is_none())
            .collect();
        let written = pretty(&all);
        let back: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(back.as_str().unwrap(), all);
        let unsafe_written = written
            .chars()
            .filter(|&c| prosesser::text::is_unsafe(c) || c.is_control())
            .count();
        assert_eq!(unsafe_written, 0);
    }

    #[test]
    fn keys_that_are_numbers_are_written_as_serde_json_writes_them() {
        let ints: std::collections::BTreeMap<i64, u8> = [(-3, 1), (40, 2)].into();
        assert_eq!(pretty(&ints), serde_json::to_string_pretty(&ints).unwrap());
        let floats = Object2([(1.5f32, 1), (0.1f32, 2)]);
        assert_eq!(
            pretty(&floats),
            serde_json::to_string_pretty(&floats).unwrap()
        );
        let options = Object2([(Some("a"), 1)]);
        assert_eq!(
            pretty(&options),
            serde_json::to_string_pretty(&options).unwrap()
        );
    }

    /// Pairs written as an object, whatever their keys' type.
    struct Object2<K, const N: usize>([(K, u8); N]);

    impl<K: Serialize, const N: usize> Serialize for Object2<K, N> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    #[test]
    fn a_key_that_cannot_be_a_string_is_an_error_not_a_panic() {
        let map: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        let mut out = Vec::new();
        let error = map.serialize(&mut Pretty::new(&mut out, 0)).unwrap_err();
        assert!(
            error.to_string().contains("key must be a string"),
            "{error}"
        );
    }
}
