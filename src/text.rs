//! Making document text safe to show in a terminal.
//!
//! Nothing read from a document may reach the terminal as a control sequence
//! (an `ESC [2J` that clears the screen, an OSC 52 that writes the clipboard,
//! a bidi override that reorders what the reader sees). [`sanitize`] makes
//! such characters visible instead:
//!
//! | character                                   | shown as                      |
//! |---------------------------------------------|-------------------------------|
//! | C0 controls U+0000–U+001F, except tab and newline (NUL, BEL, BS, CR, ESC, …) | its Control Picture U+2400 + code: `␀` `␇` `␈` `␍` `␛` |
//! | DEL U+007F                                  | `␡`                           |
//! | C1 controls U+0080–U+009F (8-bit CSI U+009B, …) | `<U+009B>`                |
//! | bidi controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 | `<U+202E>` |
//! | invisible U+200B (zero-width space), U+2060 (word joiner), U+FEFF (BOM) | `<U+200B>` |
//! | line and paragraph separators U+2028, U+2029 | a newline                     |
//!
//! Tab and newline are kept by [`sanitize`] (multi-line text such as a
//! purpose). [`sanitize_line`], for one-line places (list rows, status bar,
//! CSV-ish text), also turns each newline, CRLF, tab, U+2028 and U+2029 into
//! one space.
//!
//! Why the last two rows: a zero-width character can hide text (`Han\u{200B}ne`
//! reads as `Hanne`), and terminals disagree about how wide U+2028/U+2029 are,
//! so printed raw they shift the rest of the screen. Both are rare in real
//! text, so showing them costs nothing. Joiners that real text needs (U+200C,
//! U+200D in emoji and Indic scripts) and the soft hyphen are left alone.
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

/// Control characters (C0 but tab/newline, DEL, C1), bidi controls and
/// zero-width spaces made visible; tab and newline kept, U+2028 and U+2029
/// made newlines.
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
}

fn shown_as(c: char, line: bool) -> Option<Shown> {
    match c {
        '\n' | '\t' | '\u{2028}' | '\u{2029}' if line => Some(Shown::Char(' ')),
        '\n' | '\t' => None,
        '\u{2028}' | '\u{2029}' => Some(Shown::Char('\n')),
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).map(Shown::Char),
        '\u{7f}' => Some(Shown::Char('\u{2421}')),
        '\u{80}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200b}'
        | '\u{2060}'
        | '\u{feff}' => Some(Shown::Code(c as u32)),
        _ => None,
    }
}

/// A byte that may start a character [`shown_as`] changes: C0, DEL, or the
/// UTF-8 lead bytes of U+0080–U+00BF (C1), U+0600–U+063F (U+061C),
/// U+2000–U+2FFF (bidi controls, separators, U+200B, U+2060) and
/// U+F000–U+FFFF (U+FEFF).
fn suspect(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2 || b == 0xef
}

fn clean(s: &str, line: bool) -> Cow<'_, str> {
    let Some(from) = s.bytes().position(suspect) else {
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
            sanitize("\u{2014}\u{2065}\u{606}"),
            "\u{2014}\u{2065}\u{606}"
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
        // Joiners that emoji and scripts need are text, not tricks.
        assert_eq!(sanitize("👩\u{200d}💻 \u{200c}"), "👩\u{200d}💻 \u{200c}");
        // Neighbours of U+FEFF are ordinary text.
        assert_eq!(sanitize("\u{fefe}\u{ff01}"), "\u{fefe}\u{ff01}");
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
