//! Bytes to text, and text offsets back to the file's line:column.
//!
//! Hugo reads bytes; Rust wants `str`. Invalid UTF-8 is replaced (lossily) so the
//! rest of the file still parses, but positions must stay those of the file on
//! disk, so every replacement is remembered and offsets are mapped back.

/// A file's text, ready to lex, and the way back to its byte positions.
pub struct SourceText<'a> {
    pub text: std::borrow::Cow<'a, str>,
    bytes: &'a [u8],
    /// (offset in `text` just after a replacement, original offset there), ascending.
    replacements: Vec<(usize, usize)>,
    /// Offsets of invalid UTF-8 in the original file.
    pub invalid_utf8: Vec<usize>,
    /// The last position asked for: (original offset, its line, its line's start).
    /// Positions are mostly asked for in file order, so each is found by
    /// counting line breaks from the one before, not from the start.
    cursor: std::cell::Cell<(usize, u32, usize)>,
}

impl<'a> SourceText<'a> {
    pub fn new(bytes: &'a [u8]) -> SourceText<'a> {
        let cursor = std::cell::Cell::new((0, 1, 0));
        // Every byte of every file is checked here: with SIMD, a tenth of
        // the time of the standard check on text that mixes ASCII and æøå.
        match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => SourceText {
                text: std::borrow::Cow::Borrowed(text),
                bytes,
                replacements: Vec::new(),
                invalid_utf8: Vec::new(),
                cursor,
            },
            Err(_) => {
                let mut text = String::with_capacity(bytes.len() + 16);
                let mut replacements = Vec::new();
                let mut invalid_utf8 = Vec::new();
                let mut original = 0;
                for chunk in bytes.utf8_chunks() {
                    text.push_str(chunk.valid());
                    original += chunk.valid().len();
                    if !chunk.invalid().is_empty() {
                        invalid_utf8.push(original);
                        text.push(char::REPLACEMENT_CHARACTER);
                        original += chunk.invalid().len();
                        replacements.push((text.len(), original));
                    }
                }
                SourceText {
                    text: std::borrow::Cow::Owned(text),
                    bytes,
                    replacements,
                    invalid_utf8,
                    cursor,
                }
            }
        }
    }

    /// The original file offset of an offset into `text`.
    pub fn original_offset(&self, offset: usize) -> usize {
        let i = self.replacements.partition_point(|&(t, _)| t <= offset);
        match i {
            0 => offset,
            _ => {
                let (t, o) = self.replacements[i - 1];
                o + (offset - t)
            }
        }
    }

    /// 1-based line and 1-based byte column of an offset into `text`.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        self.position_of_original(self.original_offset(offset))
    }

    /// 1-based line and byte column of an offset into the original bytes.
    pub fn position_of_original(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.bytes.len());
        let (mut from, mut line, mut line_start) = self.cursor.get();
        if offset < from {
            (from, line, line_start) = (0, 1, 0);
        }
        let between = &self.bytes[from..offset];
        line += memchr::memchr_iter(b'\n', between).count() as u32;
        if let Some(last) = memchr::memrchr(b'\n', between) {
            line_start = from + last + 1;
        }
        self.cursor.set((offset, line, line_start));
        (line, (offset - line_start + 1) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_bytes() {
        let src = SourceText::new("ab\næøå {{< x >}}".as_bytes());
        assert_eq!(src.position(3), (2, 1));
        assert_eq!(src.position(0), (1, 1));
        assert_eq!(src.position(2), (1, 3));
        assert_eq!(src.position(3), (2, 1));
        let at = src.text.find("{{").unwrap();
        assert_eq!(src.position(at), (2, 8));
    }

    #[test]
    fn invalid_utf8_keeps_original_positions() {
        let bytes = b"a\xff\xfeb {{< x >}}";
        let src = SourceText::new(bytes);
        assert_eq!(src.invalid_utf8, vec![1, 2]);
        let at = src.text.find("{{").unwrap();
        assert_eq!(src.position(at), (1, 6));
        assert!(src.text.contains('\u{FFFD}'));
    }
}
