//! Telling apart text that looks the same: `Release` and `Release` followed by
//! invisible tag characters, `Hanne` with a Latin `a` and with a Cyrillic `а`.
//!
//! The [`skeleton`] of a text is what a reader sees: characters drawn as
//! nothing ([`crate::text::is_invisible`]) left out, each look-alike written
//! as the Latin letter it imitates, full-width ASCII as ASCII, every kind of
//! space as one space, and surrounding space trimmed. Two different texts
//! with one skeleton look alike but are not the same, which is what
//! `check`'s `confusable` rule reports. The look-alikes are the Cyrillic and
//! Greek letters that share their shape with a Latin one (after Unicode's
//! confusables list, UTS #39), not every lookalike Unicode knows of: they are
//! the ones a keyboard layout or a copy from another document puts into
//! Norwegian text.
//!
//! Case and accents are not folded: `release` and `Release`, `Mork` and
//! `Mørk` look different, and the reader can see it.

use crate::text::is_invisible;

/// What `text` looks like (see the module docs).
pub fn skeleton(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        let seen = looks_like(c).unwrap_or(c);
        if seen == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(seen);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The characters of `text` that its skeleton leaves out or writes as
/// another: the invisible ones, the look-alikes and the other spaces; each
/// once, in order.
pub fn hidden_differences(text: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in text.chars() {
        if (is_invisible(c) || looks_like(c).is_some()) && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// The ASCII character `c` is drawn like, when it is another one.
fn looks_like(c: char) -> Option<char> {
    let latin = match c {
        // Spaces.
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            ' '
        }
        '\t' | '\n' | '\r' => ' ',
        // Hyphens and minus.
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{fe63}' => '-',
        // Full-width ASCII.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0)?,
        // Cyrillic.
        'а' => 'a',
        'в' => 'B',
        'е' => 'e',
        'ё' => 'ë',
        'һ' => 'h',
        'і' => 'i',
        'ї' => 'ï',
        'ј' => 'j',
        'к' => 'k',
        'ӏ' => 'l',
        'м' => 'M',
        'н' => 'H',
        'о' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' => 'T',
        'у' => 'y',
        'ԝ' => 'w',
        'х' => 'x',
        'ԁ' => 'd',
        'ɡ' => 'g',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'Ё' => 'Ë',
        'З' => '3',
        'І' => 'I',
        'Ї' => 'Ï',
        'Ј' => 'J',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'с' => 'c',
        'Ѕ' => 'S',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'Ү' => 'Y',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        // Greek.
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ο' => 'o',
        'ν' => 'v',
        'ρ' => 'p',
        'ι' => 'i',
        'κ' => 'k',
        'υ' => 'u',
        'χ' => 'x',
        // Latin look-alikes of Latin letters.
        'ı' => 'i',
        'ȷ' => 'j',
        'ℓ' => 'l',
        '\u{212a}' => 'K',
        '\u{212b}' => 'Å',
        _ => return None,
    };
    (latin != c).then_some(latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_and_look_alikes_vanish_from_the_skeleton() {
        assert_eq!(skeleton("Release\u{e0001}\u{e0072}\u{e007f}"), "Release");
        assert_eq!(skeleton("Re\u{200d}lease"), "Release");
        assert_eq!(skeleton("H\u{430}nne Lauritsen"), "Hanne Lauritsen");
        assert_eq!(skeleton("Ηanne\u{a0}\u{a0}Lauritsen "), "Hanne Lauritsen");
        assert_eq!(skeleton("Ｒｅｌｅａｓｅ"), "Release");
        assert_eq!(skeleton("\u{212b}"), "Å");
    }

    #[test]
    fn case_and_accents_are_seen_and_kept() {
        assert_ne!(skeleton("release"), skeleton("Release"));
        assert_ne!(skeleton("Mork"), skeleton("Mørk"));
        assert_eq!(skeleton("Buarøy"), "Buarøy");
    }

    #[test]
    fn the_differences_are_the_characters_a_reader_cannot_see() {
        assert_eq!(
            hidden_differences("Rele\u{430}se\u{e0001}\u{a0}x\u{430}"),
            ['\u{430}', '\u{e0001}', '\u{a0}']
        );
        assert!(hidden_differences("Hanne Lauritsen").is_empty());
    }
}
