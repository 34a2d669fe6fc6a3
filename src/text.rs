//! Making document text safe to show in a terminal.
//!
//! Nothing read from a document may reach the terminal as a control sequence
//! (an `ESC [2J` that clears the screen, an OSC 52 that writes the clipboard,
//! a bidi override that reorders what the reader sees), and nothing may hide
//! in it unseen. [`sanitize`] makes such characters visible instead:
//!
//! | character                                   | shown as                      |
//! |---------------------------------------------|-------------------------------|
//! | C0 controls U+0000–U+001F, except tab and newline (NUL, BEL, BS, CR, ESC, …) | its Control Picture U+2400 + code: `␀` `␇` `␈` `␍` `␛` |
//! | DEL U+007F                                  | `␡`                           |
//! | C1 controls U+0080–U+009F (8-bit CSI U+009B, …) | `<U+009B>`                |
//! | characters drawn as nothing ([`is_invisible`]): bidi controls, zero-width space and joiners, soft hyphen, invisible operators, Hangul fillers, variation selectors, tag characters, … | `<U+202E>` |
//! | line and paragraph separators U+2028, U+2029 | a newline                     |
//! | a byte of a file name that is not UTF-8 ([`RAW_BYTE_BASE`]) | `\xFF`             |
//!
//! Tab and newline are kept by [`sanitize`] (multi-line text such as a
//! purpose). [`sanitize_line`], for one-line places (list rows, status bar,
//! CSV-ish text), also turns each newline, CRLF, tab, U+2028 and U+2029 into
//! one space.
//!
//! Why the invisible ones: a character drawn as nothing can hide text
//! (`Han\u{200B}ne` reads as `Hanne`, and tag characters U+E0000–U+E007F can
//! carry a whole hidden sentence after `Release`), and terminals disagree about
//! how wide such characters and U+2028/U+2029 are, so printed raw they shift
//! the rest of the screen (a ZWJ moves a pane border by a column). The joiners
//! and variation selectors that emoji and some scripts use are shown too: in a
//! process handbook they are far more likely a trick than a need, and showing
//! them costs only looks.
//!
//! Both return the text borrowed, without copying, when there is nothing to
//! change (the usual case).
//!
//! [`width`] is how many columns a text takes, measured the one way both the
//! command line's tables and the browser (and ratatui's buffer under it)
//! measure: by grapheme cluster, so `❤️` (a heart and its emoji selector) is
//! two columns to all of them.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `s` takes in a terminal: the sum of its grapheme clusters'
/// widths, as ratatui's buffer lays them out.
pub fn width(s: &str) -> usize {
    if s.chars().all(alone) {
        // Every character its own cluster: no need to find the clusters.
        return s.chars().map(|c| c.width().unwrap_or(0)).sum();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// A character below the combining marks (U+0300), not a control: Latin
/// text with æøå. Such a character never joins a cluster with its
/// neighbours, so text of them is measured a character at a time.
fn alone(c: char) -> bool {
    (' '..'\u{300}').contains(&c) && !c.is_control()
}

/// The columns one grapheme cluster takes (0 for one that draws nothing, as
/// a lone combining mark).
pub fn grapheme_width(g: &str) -> usize {
    g.width()
}

/// Control characters (C0 but tab/newline, DEL, C1) and characters drawn as
/// nothing made visible; tab and newline kept, U+2028 and U+2029 made newlines.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// As [`sanitize`], for one line: newline, CRLF, tab, U+2028 and U+2029 also
/// become a space.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// True when [`sanitize`] would change `c`.
pub fn is_unsafe(c: char) -> bool {
    shown_as(c, false).is_some()
}

enum Shown {
    Char(char),
    /// `<U+XXXX>`
    Code(u32),
    /// `\xFF`: a byte of a file name that is not UTF-8.
    Byte(u8),
}

fn shown_as(c: char, line: bool) -> Option<Shown> {
    match c {
        '\n' | '\t' | '\u{2028}' | '\u{2029}' if line => Some(Shown::Char(' ')),
        '\n' | '\t' => None,
        '\u{2028}' | '\u{2029}' => Some(Shown::Char('\n')),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).map(Shown::Char),
        '\u{7f}' => Some(Shown::Char('\u{2421}')),
        '\u{80}'..='\u{9f}' => Some(Shown::Code(c as u32)),
        c if raw_byte(c).is_some() => raw_byte(c).map(Shown::Byte),
        c if is_invisible(c) => Some(Shown::Code(c as u32)),
        _ => None,
    }
}

/// False when `s` surely holds nothing [`is_unsafe`]: a check of its bytes,
/// much cheaper than of its characters, for text written out in bulk.
pub fn may_be_unsafe(s: &str) -> bool {
    first_suspect(s).is_some()
}

/// Where the first byte is that may start a character [`is_unsafe`] (or a
/// non-ASCII whitespace character): every such character starts at one, so
/// only the characters there need looking at. Always a char boundary.
pub fn first_suspect(s: &str) -> Option<usize> {
    first_suspect_or(s, [0, 0])
}

/// [`first_suspect`], or the first of the two ASCII bytes `also` if that is
/// sooner: a writer that must also escape some characters of its own (JSON's
/// `"` and `\`) finds both in one pass.
#[inline(always)]
pub fn first_suspect_or(s: &str, also: [u8; 2]) -> Option<usize> {
    // A non-ASCII byte could be found inside a character: no boundary then.
    debug_assert!(also.is_ascii(), "{also:?}");
    let bytes = s.as_bytes();
    let wanted = |b: u8| suspect(b) | (b == also[0]) | (b == also[1]);
    // Norwegian text has a non-ASCII letter every few words, and none of
    // them (Æ Ø Å are 0xc3 0x..) is suspect: the chunk holding the first
    // wanted byte is found sixteen bytes at a time with comparisons the
    // compiler runs on all sixteen at once...
    let (chunks, _) = bytes.as_chunks::<16>();
    let from = chunks
        .iter()
        .position(|chunk| chunk.iter().fold(false, |any, &b| any | wanted(b)))
        .map_or(16 * chunks.len(), |k| 16 * k);
    // ...and from there each byte is looked at.
    bytes[from..]
        .iter()
        .position(|&b| SUSPECT[b as usize] | (b == also[0]) | (b == also[1]))
        .map(|i| from + i)
}

/// [`suspect`] for every byte.
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = suspect(b as u8);
        b += 1;
    }
    table
};

/// Characters Unicode says are drawn as nothing (its `Default_Ignorable_Code_Point`
/// property, Unicode 15.1), the bidi controls among them: soft hyphen,
/// combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer
/// inherent vowels, Mongolian variation selectors and vowel separator, zero-width
/// space, non-joiner and joiner, LRM and RLM, bidi embeddings, overrides and
/// isolates, word joiner, invisible operators (function application, times,
/// separator, plus), deprecated format characters, variation selectors,
/// BOM, shorthand format controls, musical beam controls and tag characters.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Where the bytes of a file name that are not UTF-8 are kept in a `String`:
/// byte `b` (0x80–0xFF) is the character `RAW_BYTE_BASE + b`, in the last
/// private-use plane, which no text uses. A name read this way is exact (see
/// [`lossless_name`]); shown, such a byte is `\xFF`; JSON writes it as the
/// `\udcff` escape Python's `surrogateescape` reads back to the byte.
pub const RAW_BYTE_BASE: u32 = 0x10_ff00;

/// The byte a [`RAW_BYTE_BASE`] character stands for.
pub fn raw_byte(c: char) -> Option<u8> {
    let code = c as u32;
    (RAW_BYTE_BASE + 0x80..=RAW_BYTE_BASE + 0xff)
        .contains(&code)
        .then(|| (code - RAW_BYTE_BASE) as u8)
}

/// A file name as a `String` without losing a byte: UTF-8 as it is, every
/// byte that is not part of valid UTF-8 as its [`RAW_BYTE_BASE`] character.
pub fn lossless_name(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.extend(char::from_u32(RAW_BYTE_BASE + u32::from(b)));
        }
    }
    out
}

/// A byte that may start a character [`shown_as`] changes: C0, DEL, or the
/// UTF-8 lead byte of a range holding one: U+0080–U+00BF (C1, soft hyphen),
/// U+0340–U+037F, U+0600–U+063F, U+1000–U+1FFF (fillers, Khmer, Mongolian),
/// U+2000–U+2FFF (bidi controls, separators, zero-width, invisible
/// operators), U+3000–U+3FFF (Hangul filler), U+F000–U+FFFF (variation
/// selectors, BOM, half-width filler) and the planes past the first.
const fn suspect(b: u8) -> bool {
    // No valid UTF-8 has a byte past 0xf4.
    (b < 0x20)
        | (b == 0x7f)
        | (b == 0xc2)
        | (b == 0xcd)
        | (b == 0xd8)
        | (b == 0xe1)
        | (b == 0xe2)
        | (b == 0xe3)
        | (b == 0xef)
        | (b >= 0xf0)
}

fn clean(s: &str, line: bool) -> Cow<'_, str> {
    let Some(from) = first_suspect(s) else {
        return Cow::Borrowed(s);
    };
    // `from` is a char boundary: every suspect byte is ASCII or a lead byte.
    let Some(first) = s[from..]
        .char_indices()
        .find(|&(_, c)| shown_as(c, line).is_some())
        .map(|(at, _)| from + at)
    else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    let mut chars = s[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if line && c == '\r' && chars.peek() == Some(&'\n') {
            continue; // CRLF is one line break: the `\n` becomes the space.
        }
        match shown_as(c, line) {
            None => out.push(c),
            Some(Shown::Char(shown)) => out.push(shown),
            Some(Shown::Code(code)) => {
                use std::fmt::Write;
                let _ = write!(out, "<U+{code:04X}>");
            }
            Some(Shown::Byte(byte)) => {
                use std::fmt::Write;
                let _ = write!(out, "\\x{byte:02X}");
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_counts_grapheme_clusters_as_ratatui_does() {
        assert_eq!(width("Mørk"), 4);
        assert_eq!(width("日本"), 4);
        // A heart with VS16 is an emoji, two columns; alone it is one.
        assert_eq!(width("\u{2764}\u{FE0F}"), 2);
        assert_eq!(width("\u{2764}"), 1);
        // e and a combining acute are one cluster, one column.
        assert_eq!(width("e\u{301}"), 1);
        // Measured a character at a time, text below U+0300 measures the
        // same as cluster by cluster, each character alone or in pairs.
        let latin: Vec<char> = (' '..'\u{300}').filter(|c| !c.is_control()).collect();
        for &a in &latin {
            for b in [' ', 'a', 'ø', '\u{ad}'] {
                let s = format!("{a}{b}");
                let clusters: usize = s.graphemes(true).map(grapheme_width).sum();
                assert_eq!(width(&s), clusters, "{s:?}");
            }
        }
    }

    fn is_borrowed(c: Cow<'_, str>) -> bool {
        matches!(c, Cow::Borrowed(_))
    }

    #[test]
    fn may_be_unsafe_is_never_wrong_about_an_unsafe_character() {
        // Every character there is, alone and after text of every length
        // that puts it in a whole chunk or in the padded rest.
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe(c))
        {
            for before in [0, 31, 33] {
                let s = format!("{}{c}æøå", "x".repeat(before));
                assert!(may_be_unsafe(&s), "{s:?}");
            }
        }
        for safe in ["", "Hanne Lauritsen", "æøå ÆØÅ é ü", &"Formål ".repeat(20)] {
            assert!(!may_be_unsafe(safe), "{safe:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        for s in [
            "",
            "Hanne Lauritsen",
            "Sørge for at vi håndterer etterspørsler",
            "Pris: £5 – «sitat» … 日本 🙂",
            "to linjer\nmed\ttab",
        ] {
            assert_eq!(sanitize(s), s);
            assert!(is_borrowed(sanitize(s)), "{s:?}");
        }
        assert!(is_borrowed(sanitize_line("Pris: £5 – Buarøy")));
    }

    #[test]
    fn csi_clear_screen_is_shown_not_run() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a␛[2Jb");
    }

    #[test]
    fn osc_52_clipboard_write_is_shown_not_run() {
        assert_eq!(sanitize("\u{1b}]52;c;ZXZpbA==\u{7}"), "␛]52;c;ZXZpbA==␇");
        assert_eq!(
            sanitize("\u{1b}]52;c;ZXZpbA==\u{1b}\\"),
            "␛]52;c;ZXZpbA==␛\\"
        );
    }

    #[test]
    fn eight_bit_csi_and_other_c1_controls_are_shown_as_code_points() {
        assert_eq!(sanitize("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(sanitize("x\u{80}y\u{9f}"), "x<U+0080>y<U+009F>");
        // Not C1: U+00A0 and up are ordinary text.
        assert_eq!(sanitize("\u{a0}é"), "\u{a0}é");
    }

    #[test]
    fn every_c0_control_but_tab_and_newline_becomes_its_control_picture() {
        assert_eq!(sanitize("\0"), "␀");
        assert_eq!(sanitize("\u{7}"), "␇");
        assert_eq!(sanitize("\u{8}"), "␈");
        assert_eq!(sanitize("a\r\nb"), "a␍\nb");
        assert_eq!(sanitize("\u{1f}"), "␟");
        for code in 0u32..0x20 {
            let c = char::from_u32(code).unwrap();
            let out = sanitize(&c.to_string()).into_owned();
            if c == '\n' || c == '\t' {
                assert_eq!(out, c.to_string());
            } else {
                assert_eq!(out, char::from_u32(0x2400 + code).unwrap().to_string());
            }
        }
    }

    #[test]
    fn del_becomes_its_control_picture() {
        assert_eq!(sanitize("a\u{7f}"), "a␡");
    }

    #[test]
    fn bidi_controls_are_shown_as_code_points() {
        assert_eq!(sanitize("abc\u{202e}fed"), "abc<U+202E>fed");
        assert_eq!(
            sanitize("\u{202a}\u{202b}\u{202c}\u{202d}"),
            "<U+202A><U+202B><U+202C><U+202D>"
        );
        assert_eq!(
            sanitize("\u{2066}\u{2067}\u{2068}\u{2069}"),
            "<U+2066><U+2067><U+2068><U+2069>"
        );
        assert_eq!(
            sanitize("\u{200e}\u{200f}\u{61c}"),
            "<U+200E><U+200F><U+061C>"
        );
        // Neighbours of the bidi controls are left alone.
        assert_eq!(
            sanitize("\u{2014}\u{2070}\u{606}"),
            "\u{2014}\u{2070}\u{606}"
        );
    }

    #[test]
    fn sanitize_line_turns_line_breaks_and_tabs_into_spaces() {
        assert_eq!(sanitize_line("a\nb\tc"), "a b c");
        assert_eq!(sanitize_line("a\r\nb"), "a b");
        assert_eq!(sanitize_line("a\rb"), "a␍b");
        assert_eq!(sanitize_line("\u{1b}[31mrød\n"), "␛[31mrød ");
    }

    #[test]
    fn zero_width_characters_that_hide_text_are_shown_as_code_points() {
        assert_eq!(sanitize("Han\u{200b}ne"), "Han<U+200B>ne");
        assert_eq!(sanitize("a\u{2060}b\u{feff}c"), "a<U+2060>b<U+FEFF>c");
        // Joiners are shown too: in a handbook they are a trick, not a need.
        assert_eq!(sanitize("👩\u{200d}💻 \u{200c}"), "👩<U+200D>💻 <U+200C>");
        // Neighbours of U+FEFF are ordinary text.
        assert_eq!(sanitize("\u{fefe}\u{ff01}"), "\u{fefe}\u{ff01}");
    }

    #[test]
    fn characters_drawn_as_nothing_are_shown_as_code_points() {
        // Tag characters spell a hidden "rm" after a title that reads "Release".
        assert_eq!(
            sanitize("Release\u{e0001}\u{e0072}\u{e006d}\u{e007f}"),
            "Release<U+E0001><U+E0072><U+E006D><U+E007F>"
        );
        assert_eq!(
            sanitize("f\u{2061}x\u{2062}y\u{2063}z\u{2064}"),
            "f<U+2061>x<U+2062>y<U+2063>z<U+2064>"
        );
        assert_eq!(
            sanitize("\u{115f}\u{1160}\u{3164}\u{ffa0}"),
            "<U+115F><U+1160><U+3164><U+FFA0>"
        );
        assert_eq!(
            sanitize("Han\u{ad}ne\u{34f}\u{180e}\u{17b4}\u{fe0f}\u{e0100}\u{1bca0}\u{1d173}"),
            "Han<U+00AD>ne<U+034F><U+180E><U+17B4><U+FE0F><U+E0100><U+1BCA0><U+1D173>"
        );
        // Their visible neighbours stay text: Hangul, Khmer, Mongolian, CJK.
        for text in [
            "한글",
            "\u{17b3}\u{17b6}",
            "\u{1820}",
            "日本語",
            "\u{3165}",
            "\u{ffa1}",
        ] {
            assert_eq!(sanitize(text), text);
        }
    }

    #[test]
    fn every_invisible_character_is_a_default_ignorable_code_point() {
        // What Unicode's DerivedCoreProperties.txt lists as Default_Ignorable_Code_Point.
        let listed: &[(u32, u32)] = &[
            (0xad, 0xad),
            (0x34f, 0x34f),
            (0x61c, 0x61c),
            (0x115f, 0x1160),
            (0x17b4, 0x17b5),
            (0x180b, 0x180f),
            (0x200b, 0x200f),
            (0x202a, 0x202e),
            (0x2060, 0x206f),
            (0x3164, 0x3164),
            (0xfe00, 0xfe0f),
            (0xfeff, 0xfeff),
            (0xffa0, 0xffa0),
            (0xfff0, 0xfff8),
            (0x1bca0, 0x1bca3),
            (0x1d173, 0x1d17a),
            (0xe0000, 0xe0fff),
        ];
        for code in 0..=0x10_ffffu32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let in_list = listed.iter().any(|&(a, b)| (a..=b).contains(&code));
            assert_eq!(is_invisible(c), in_list, "U+{code:04X}");
        }
    }

    #[test]
    fn a_file_name_that_is_not_utf8_keeps_every_byte() {
        let name = lossless_name(b"caf\xe9 \xff\xfe.md");
        assert_eq!(sanitize(&name), "caf\\xE9 \\xFF\\xFE.md");
        let back: Vec<u8> = name
            .chars()
            .flat_map(|c| match raw_byte(c) {
                Some(b) => vec![b],
                None => c.to_string().into_bytes(),
            })
            .collect();
        assert_eq!(back, b"caf\xe9 \xff\xfe.md");
        assert_eq!(lossless_name("Behov.md".as_bytes()), "Behov.md");
    }

    #[test]
    fn line_and_paragraph_separators_become_line_breaks() {
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(sanitize_line("a\u{2028}b\u{2029}c"), "a b c");
    }

    #[test]
    fn every_character_sanitize_keeps_is_harmless_to_a_terminal() {
        // All of Unicode: what comes out is never a control character (but
        // tab and newline), and never a bidi or zero-width control.
        for code in 0..=0x10_ffffu32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let s = c.to_string();
            for out in [sanitize(&s), sanitize_line(&s)] {
                for o in out.chars() {
                    assert!(
                        !(o.is_control() && o != '\n' && o != '\t'),
                        "U+{code:04X} gave {out:?}"
                    );
                    assert!(!is_unsafe(o), "U+{code:04X} gave {out:?}");
                }
            }
        }
    }

    #[test]
    fn is_unsafe_agrees_with_sanitize() {
        assert!(is_unsafe('\u{1b}'));
        assert!(is_unsafe('\u{9b}'));
        assert!(is_unsafe('\u{202e}'));
        assert!(is_unsafe('\u{2028}'));
        assert!(is_unsafe('\u{feff}'));
        assert!(!is_unsafe('\n'));
        assert!(!is_unsafe('ø'));
        for code in 0..=0x10_ffffu32 {
            if let Some(c) = char::from_u32(code) {
                let s = c.to_string();
                assert_eq!(is_unsafe(c), sanitize(&s) != s, "U+{code:04X}");
            }
        }
    }
}
