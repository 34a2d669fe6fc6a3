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
//!
//! Tab and newline are kept by [`sanitize`] (multi-line text such as a
//! purpose). [`sanitize_line`], for one-line places (list rows, status bar,
//! CSV-ish text), also turns each newline, CRLF and tab into one space.
//!
//! Both return the text borrowed, without copying, when there is nothing to
//! change (the usual case).

use std::borrow::Cow;

/// Control characters (C0 but tab/newline, DEL, C1) and bidi controls made
/// visible; tab and newline kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// As [`sanitize`], for one line: newline, CRLF and tab also become a space.
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
        '\n' | '\t' if line => Some(Shown::Char(' ')),
        '\n' | '\t' => None,
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).map(Shown::Char),
        '\u{7f}' => Some(Shown::Char('\u{2421}')),
        '\u{80}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some(Shown::Code(c as u32)),
        _ => None,
    }
}

/// A byte that may start a character [`shown_as`] changes: C0, DEL, or the
/// UTF-8 lead bytes of U+0080–U+00BF (C1), U+0600–U+063F (U+061C) and
/// U+2000–U+2FFF (the bidi controls).
fn suspect(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2
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
    fn is_unsafe_agrees_with_sanitize() {
        assert!(is_unsafe('\u{1b}'));
        assert!(is_unsafe('\u{9b}'));
        assert!(is_unsafe('\u{202e}'));
        assert!(!is_unsafe('\n'));
        assert!(!is_unsafe('ø'));
    }
}
