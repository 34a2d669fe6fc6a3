//! Folding: the canonical form in which words are compared, so that `mork`
//! finds `Mørk` (see [`fold`] for the rules), and [`FoldMap`], the way back
//! from a match in folded text to the original text.

/// `s` in its folded form: the one canonical form that both the searched text
/// and the query are turned into before a word or phrase is looked up, so
/// that `mork` finds `Mørk`, and `buaroy` and `buaroey` both find `Buarøy`.
///
/// It walks the text once, left to right, applying:
///
/// 1. **Case**: letters are lowercased (`Hanne` → `hanne`; full Unicode
///    lowercasing, so `İ` → `i` once its combining dot is dropped by rule 3).
/// 2. **Letters with marks** become plain ASCII letters:
///    `æ` → `ae`, `ø` `ö` `ó` `ò` `ô` `õ` `ő` → `o`, `å` `ä` `á` `à` `â` `ã` → `a`,
///    `é` `è` `ê` `ë` → `e`, `ü` `ú` `ù` `û` → `u`, `í` `ì` `î` `ï` → `i`,
///    `ñ` → `n`, `ç` `č` → `c`, `š` → `s`, `ž` → `z`, `ý` `ÿ` → `y`, `ł` → `l`,
///    `ð` `đ` → `d`, `ß` → `ss`, `œ` → `oe`, `þ` → `th` (and the other
///    common Latin letters with a diacritic, upper or lower case).
/// 3. **Combining marks** (U+0300–U+036F and the other combining blocks) are
///    dropped, so decomposed text (`o` + U+0308) folds like `ö`. Soft hyphens
///    and zero-width characters (U+00AD, U+200B–U+200F, U+2060, U+FEFF) are
///    dropped too.
/// 4. **Whitespace and control characters** (space, tab, newline, NBSP, ...)
///    become one space; a run of them becomes a single space.
/// 5. **Digraphs**, applied to the result of rules 1–4: an `e` right after an
///    `o` is dropped (`oe` → `o`), and an `a` right after an `a` is dropped
///    (`aa` → `a`, so any run of `a`s is one `a`).
///
/// Because the same rules are applied to both sides, `buaroey` and `Buarøy`
/// both fold to `buaroy`, `aakero` and `Aakerø` to `akero`, `formaal` and
/// `Formål` to `formal`, `foresporsler` and `Forespørsler` to `foresporsler`.
/// The price is a few harmless extra hits (`pot` finds `poet`), and a query
/// cannot match half of a folded pair (`ey` does not find `Buaroey`, whose
/// `oe` became one `o`). `æ` is `ae`, not `a`: `kjarlighet` does not find
/// `kjærlighet`, `kjaerlighet` does.
///
/// Folding may change the length of the text, so a match in folded text is
/// mapped back to the original with [`FoldMap`], computed on demand for the one
/// card being highlighted; the search index stores no per-byte mapping.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`. Folding starts afresh at `s`'s
/// first character (no digraph is formed with what `out` already holds).
pub fn fold_into(s: &str, out: &mut String) {
    Folder::new(out, NoSpans).run(s);
}

/// The folded form of one text together with, for every folded byte, the byte
/// range of the original character it came from.
#[derive(Debug, Clone, Default)]
pub struct FoldMap {
    folded: String,
    /// One `(start, end)` per byte of `folded`: the original character(s) it
    /// stands for. A dropped character widens the span of the byte before it.
    /// `u32`, half the memory of `usize`: a field comes from a file, and files
    /// are far below 4 GiB ([`crate::parse::limits::MAX_FILE_BYTES`]).
    spans: Vec<(u32, u32)>,
}

impl FoldMap {
    pub fn new(original: &str) -> FoldMap {
        let mut folded = String::with_capacity(original.len());
        let mut spans = Vec::with_capacity(original.len());
        Folder::new(&mut folded, &mut spans).run(original);
        FoldMap { folded, spans }
    }

    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The byte range in the original text that the folded range `range`
    /// stands for. Always on the original's char boundaries. An empty range
    /// maps to an empty range.
    pub fn original_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        if range.start >= range.end || range.start >= self.spans.len() {
            let at = self
                .spans
                .get(range.start)
                .map(|s| s.0 as usize)
                .or_else(|| self.spans.last().map(|s| s.1 as usize))
                .unwrap_or(0);
            return at..at;
        }
        let end = range.end.min(self.spans.len());
        self.spans[range.start].0 as usize..self.spans[end - 1].1 as usize
    }
}

/// Where a folder records which original bytes each folded byte came from.
trait Spans {
    fn push(&mut self, bytes: usize, start: usize, end: usize);
    /// Each byte of `from..to` stands for itself.
    fn push_each(&mut self, from: usize, to: usize);
    /// The last folded byte also stands for the original bytes up to `end`.
    fn extend(&mut self, end: usize);
}

struct NoSpans;

impl Spans for NoSpans {
    #[inline(always)]
    fn push(&mut self, _: usize, _: usize, _: usize) {}
    #[inline(always)]
    fn push_each(&mut self, _: usize, _: usize) {}
    #[inline(always)]
    fn extend(&mut self, _: usize) {}
}

impl Spans for &mut Vec<(u32, u32)> {
    fn push(&mut self, bytes: usize, start: usize, end: usize) {
        for _ in 0..bytes {
            Vec::push(self, (start as u32, end as u32));
        }
    }
    fn push_each(&mut self, from: usize, to: usize) {
        Extend::extend(*self, (from as u32..to as u32).map(|i| (i, i + 1)));
    }
    fn extend(&mut self, end: usize) {
        if let Some(last) = self.last_mut() {
            last.1 = end as u32;
        }
    }
}

struct Folder<'o, S> {
    out: &'o mut String,
    spans: S,
    /// The last byte written, if it was ASCII (0 otherwise): the state the
    /// whitespace and digraph rules look at.
    last: u8,
}

impl<'o, S: Spans> Folder<'o, S> {
    fn new(out: &'o mut String, spans: S) -> Self {
        Folder {
            out,
            spans,
            last: 0,
        }
    }

    fn run(mut self, s: &str) {
        let bytes = s.as_bytes();
        // Most bytes (lowercase letters, digits, punctuation, single spaces)
        // fold to themselves: they are copied a stretch at a time.
        let mut same_from = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if folds_to_itself(b) && !self.drops(b) {
                self.last = b;
                i += 1;
                continue;
            }
            self.copy(s, same_from, i);
            i = self.step(s, i);
            same_from = i;
        }
        self.copy(s, same_from, bytes.len());
    }

    /// Copies `s[from..to]`, bytes that fold to themselves.
    #[inline]
    fn copy(&mut self, s: &str, from: usize, to: usize) {
        if from < to {
            self.out.push_str(&s[from..to]);
            self.spans.push_each(from, to);
        }
    }

    /// Folds the character at byte `i` (a char boundary); returns where the
    /// next one starts.
    fn step(&mut self, s: &str, i: usize) -> usize {
        let b = s.as_bytes()[i];
        if b < 0x80 {
            let folded = match b {
                b'A'..=b'Z' => b + (b'a' - b'A'),
                0..=0x20 | 0x7f => b' ',
                _ => b,
            };
            self.ascii(folded, i, i + 1);
            i + 1
        } else {
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            let end = i + c.len_utf8();
            self.non_ascii(c, i, end);
            end
        }
    }

    /// The whitespace and digraph rules: `b` after the last byte written is dropped.
    #[inline(always)]
    fn drops(&self, b: u8) -> bool {
        match b {
            b' ' => self.last == b' ',
            b'e' => self.last == b'o',
            b'a' => self.last == b'a',
            _ => false,
        }
    }

    /// One character at a time, no stretches: the reference `run` must agree with.
    #[cfg(test)]
    fn run_bytewise(mut self, s: &str) {
        let mut i = 0;
        while i < s.len() {
            i = self.step(s, i);
        }
    }

    #[inline(always)]
    fn ascii(&mut self, b: u8, start: usize, end: usize) {
        if self.drops(b) {
            self.spans.extend(end);
        } else {
            self.out.push(b as char);
            self.spans.push(1, start, end);
            self.last = b;
        }
    }

    fn non_ascii(&mut self, c: char, start: usize, end: usize) {
        if let Some(piece) = letter(c) {
            for &b in piece.as_bytes() {
                self.ascii(b, start, end);
            }
        } else if is_dropped(c) {
            self.spans.extend(end);
        } else if c.is_whitespace() || c.is_control() {
            self.ascii(b' ', start, end);
        } else {
            for lower in c.to_lowercase() {
                if lower.is_ascii() {
                    self.ascii(lower as u8, start, end);
                } else if let Some(piece) = letter(lower) {
                    for &b in piece.as_bytes() {
                        self.ascii(b, start, end);
                    }
                } else if is_dropped(lower) {
                    self.spans.extend(end);
                } else {
                    self.out.push(lower);
                    self.spans.push(lower.len_utf8(), start, end);
                    self.last = 0;
                }
            }
        }
    }
}

/// Printable ASCII but uppercase letters (and space): what folding leaves
/// as it is, unless the whitespace or digraph rule drops it.
#[inline(always)]
fn folds_to_itself(b: u8) -> bool {
    matches!(b, b' '..=b'@' | b'['..=b'~')
}

/// Combining marks, soft hyphen and zero-width characters: folded to nothing.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{00ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'
        | '\u{feff}')
}

/// A Latin letter with a diacritic (either case) as plain lowercase ASCII.
fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä'
        | 'Å' | 'Ā' | 'Ă' | 'Ą' | 'Ǎ' => "a",
        'æ' | 'Æ' | 'ǣ' | 'ǽ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "c",
        'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' => "i",
        'ĵ' | 'Ĵ' => "j",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǿ' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö'
        | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' | 'Ǿ' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "s",
        'ß' | 'ẞ' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ŵ' | 'Ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    #[test]
    fn lowercases_and_strips_norwegian_letters() {
        assert_eq!(fold("Dan Remi Mørk"), "dan remi mork");
        assert_eq!(fold("Snorre Aakerø"), "snorre akero");
        assert_eq!(fold("Torkel Buarøy"), "torkel buaroy");
        assert_eq!(fold("Forespørsler"), "foresporsler");
        assert_eq!(fold("Formål"), "formal");
        assert_eq!(fold("Kjærlighet"), "kjaerlighet");
    }

    #[test]
    fn ascii_spellings_fold_like_the_letters_they_stand_for() {
        assert_eq!(fold("buaroey"), fold("Buarøy"));
        assert_eq!(fold("buaroy"), fold("Buarøy"));
        assert_eq!(fold("aakero"), fold("Aakerø"));
        assert_eq!(fold("formaal"), fold("formål"));
        assert_eq!(fold("foresporsler"), fold("Forespørsler"));
        assert_eq!(fold("MORK"), fold("mørk"));
    }

    #[test]
    fn other_european_letters_fold_to_ascii() {
        assert_eq!(
            fold("Ärlig Öl Über Café Señor Straße Œuvre"),
            "arlig ol uber cafe senor strasse ouvre"
        );
    }

    #[test]
    fn decomposed_marks_fold_like_composed_letters() {
        assert_eq!(fold("Mo\u{308}rk"), fold("Mörk"));
        assert_eq!(fold("A\u{30a}se"), fold("Åse"));
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(fold("Hanne \t\n\u{a0} Lauritsen"), "hanne lauritsen");
    }

    #[test]
    fn runs_of_a_become_one_a() {
        assert_eq!(fold("aaa"), "a");
        assert_eq!(fold("Åaa"), "a");
    }

    #[test]
    fn other_scripts_are_lowercased_and_kept() {
        assert_eq!(fold("ΣΟΦΊΑ"), "σοφία");
        assert_eq!(fold("日本"), "日本");
    }

    #[test]
    fn fold_map_maps_folded_ranges_to_original_chars() {
        let original = "Dan Remi Mørk";
        let map = FoldMap::new(original);
        let at = map.folded().find("mork").unwrap();
        let range = map.original_range(at..at + 4);
        assert_eq!(&original[range], "Mørk");
    }

    #[test]
    fn fold_map_covers_dropped_digraph_letters() {
        let original = "Buaroey!";
        let map = FoldMap::new(original);
        assert_eq!(map.folded(), "buaroy!");
        let range = map.original_range(0..6);
        assert_eq!(&original[range], "Buaroey");
    }

    #[test]
    fn fold_map_covers_expanded_letters_and_combining_marks() {
        let original = "Kjærlighet, mo\u{308}rk";
        let map = FoldMap::new(original);
        let at = map.folded().find("kjae").unwrap();
        assert_eq!(&original[map.original_range(at..at + 4)], "Kjæ");
        let at = map.folded().find("e").unwrap();
        // Half of `æ` maps to the whole `æ`.
        assert_eq!(&original[map.original_range(at..at + 1)], "æ");
        let at = map.folded().find("mork").unwrap();
        assert_eq!(&original[map.original_range(at..at + 4)], "mo\u{308}rk");
    }

    #[test]
    fn copying_stretches_folds_like_one_character_at_a_time() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "  a",
            "aa aaa a",
            "oe oee ooe Oe OE øe",
            "Buaroey  Aakerø\t\nX",
            "Tilgangsstyring/Espen Herskedal",
            "a\u{0}b\u{7f}c\u{1b}[2J",
            "ÆØÅ æøå Œuvre ß",
            "mo\u{308}rk  \u{a0} x",
            "ΣΟΦΊΑ 日本 🙂 aé",
            "kl:12, (test) [x] {y} ~`^_|\\",
        ]
        .map(String::from)
        .to_vec();
        for (_, card) in crate::query::testdata::synthetic(3, 4).cards() {
            texts.extend(Field::ALL.map(|f| card.text(f).into_owned()));
        }
        for text in &texts {
            let mut bytewise = String::new();
            let mut spans = Vec::new();
            Folder::new(&mut bytewise, &mut spans).run_bytewise(text);
            assert_eq!(fold(text), bytewise, "{text:?}");
            let map = FoldMap::new(text);
            assert_eq!(map.folded(), bytewise, "{text:?}");
            assert_eq!(map.spans, spans, "{text:?}");
        }
    }

    #[test]
    fn fold_map_spans_are_char_boundaries() {
        let original = "ÆØÅ æøå  Œ ß İ ǅ";
        let map = FoldMap::new(original);
        for start in 0..map.folded().len() {
            for end in start + 1..=map.folded().len() {
                let r = map.original_range(start..end);
                assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
            }
        }
    }
}
