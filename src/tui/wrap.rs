//! Text to styled terminal lines: highlighting matched byte ranges, word
//! wrapping by display width, and truncating one line to a width.
//!
//! Everything here counts columns by grapheme cluster ([`crate::text::width`],
//! the way ratatui's buffer draws them), never bytes or chars, so æøå, CJK
//! and emoji (`❤️`, two columns) keep a layout straight. Document text is sanitised here, piece
//! by piece, after the match ranges (byte ranges in the original text) have been
//! applied, so a control character can never shift a highlight.

use std::ops::Range;

use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::grapheme_width;

/// A run of text in one style. The style is a ratatui [`Style`] when
/// drawing, or any other tag (the detail's semantic [`super::theme::Ink`]) for
/// text laid out before it is styled.
pub type Segment<S = Style> = (String, S);

/// What a segment's style must allow for wrapping: copied into each piece,
/// compared to merge neighbours, and a default for padding.
pub trait Tag: Copy + PartialEq + Default {}
impl<S: Copy + PartialEq + Default> Tag for S {}

/// The display width of a string in columns.
pub fn width(s: &str) -> usize {
    crate::text::width(s)
}

/// Document text made safe for one terminal line: control characters and bidi
/// overrides made visible, line breaks and tabs turned into spaces.
pub fn clean_line(s: &str) -> String {
    crate::text::sanitize_line(s).into_owned()
}

/// Document text made safe for a paragraph that may keep its line breaks.
pub fn clean(s: &str) -> String {
    crate::text::sanitize(s).into_owned()
}

/// `text` split into segments: `base` style, with `ranges` (byte ranges into
/// `text`, in any order, possibly overlapping or off char boundaries) in
/// `hit`. Each piece is cleaned with `clean_fn`.
pub fn highlight<S: Tag>(
    text: &str,
    ranges: &[Range<usize>],
    base: S,
    hit: S,
    clean_fn: fn(&str) -> String,
) -> Vec<Segment<S>> {
    let mut spans: Vec<Range<usize>> = ranges
        .iter()
        .filter_map(|r| {
            let start = floor_boundary(text, r.start.min(text.len()));
            let end = ceil_boundary(text, r.end.min(text.len()));
            (start < end).then_some(start..end)
        })
        .collect();
    spans.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = Vec::with_capacity(merged.len() * 2 + 1);
    let mut at = 0;
    for r in merged {
        if at < r.start {
            out.push((clean_fn(&text[at..r.start]), base));
        }
        out.push((clean_fn(&text[r.start..r.end]), hit));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((clean_fn(&text[at..]), base));
    }
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Word-wrap styled segments to `width` columns. `\n` breaks a line; a word
/// longer than the width is split. Never returns an empty vector for a
/// non-zero width (an empty text is one empty line).
pub fn wrap<S: Tag>(segments: &[Segment<S>], width: usize) -> Vec<Vec<Segment<S>>> {
    if width == 0 {
        return Vec::new();
    }
    let mut w = Wrapper {
        width,
        lines: Vec::new(),
        line: LineBuf::default(),
        word: Vec::new(),
        word_width: 0,
        pending_space: None,
    };
    for (text, style) in segments {
        for g in text.graphemes(true) {
            if g.contains('\n') {
                w.flush_word();
                w.break_line();
                w.pending_space = None;
            } else if g.chars().all(char::is_whitespace) {
                w.flush_word();
                if w.line.width > 0 {
                    w.pending_space = Some(*style);
                }
            } else {
                w.word.push((g, *style));
                w.word_width += grapheme_width(g);
            }
        }
    }
    w.flush_word();
    w.break_line();
    w.lines
}

/// The state of [`wrap`]: the lines done, the line being filled, and the word
/// being read (a run of grapheme clusters that are not spaces, with their
/// styles).
struct Wrapper<'a, S> {
    width: usize,
    lines: Vec<Vec<Segment<S>>>,
    line: LineBuf<S>,
    word: Vec<(&'a str, S)>,
    word_width: usize,
    /// The style of a space seen since the last word, if any.
    pending_space: Option<S>,
}

impl<S: Tag> Wrapper<'_, S> {
    fn break_line(&mut self) {
        self.lines.push(self.line.take());
    }

    /// Put the word read so far on the line, or on a new one when it does
    /// not fit; a word wider than the line is split, after a `/` where it
    /// has one (a path breaks between its folders, not inside a name).
    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let space = usize::from(self.line.width > 0 && self.pending_space.is_some());
        if self.line.width + space + self.word_width <= self.width {
            if let (1, Some(style)) = (space, self.pending_space) {
                self.line.push(" ", style);
            }
        } else if self.line.width > 0 {
            self.break_line();
        }
        self.pending_space = None;
        let word = std::mem::take(&mut self.word);
        for piece in word.split_inclusive(|(g, _)| *g == "/") {
            let piece_width: usize = piece.iter().map(|(g, _)| grapheme_width(g)).sum();
            if self.line.width + piece_width > self.width && self.line.width > 0 {
                self.break_line();
            }
            for &(g, style) in piece {
                if self.line.width + grapheme_width(g) > self.width && self.line.width > 0 {
                    self.break_line();
                }
                self.line.push(g, style);
            }
        }
        self.word_width = 0;
    }
}

struct LineBuf<S> {
    segments: Vec<Segment<S>>,
    width: usize,
}

impl<S> Default for LineBuf<S> {
    fn default() -> Self {
        LineBuf {
            segments: Vec::new(),
            width: 0,
        }
    }
}

impl<S: Tag> LineBuf<S> {
    fn push(&mut self, g: &str, style: S) {
        self.width += grapheme_width(g);
        match self.segments.last_mut() {
            Some((text, s)) if *s == style => text.push_str(g),
            _ => self.segments.push((g.to_owned(), style)),
        }
    }

    fn take(&mut self) -> Vec<Segment<S>> {
        self.width = 0;
        std::mem::take(&mut self.segments)
    }
}

/// Segments cut to `width` columns, ending in `…` when something was cut.
pub fn truncate<S: Tag>(segments: Vec<Segment<S>>, width: usize) -> Vec<Segment<S>> {
    let total: usize = segments.iter().map(|(t, _)| self::width(t)).sum();
    if total <= width {
        return segments;
    }
    if width == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut used = 0;
    let budget = width - 1; // room for the ellipsis
    let mut last_style = S::default();
    'outer: for (text, style) in segments {
        last_style = style;
        let mut piece = String::new();
        for g in text.graphemes(true) {
            let w = grapheme_width(g);
            if used + w > budget {
                if !piece.is_empty() {
                    out.push((piece, style));
                }
                break 'outer;
            }
            used += w;
            piece.push_str(g);
        }
        if !piece.is_empty() {
            out.push((piece, style));
        }
    }
    out.push(("…".to_owned(), last_style));
    out
}

/// Pad segments with spaces in `style` to exactly `width` columns (after truncating).
pub fn fill<S: Tag>(segments: Vec<Segment<S>>, width: usize, style: S) -> Vec<Segment<S>> {
    let mut segments = truncate(segments, width);
    let used: usize = segments.iter().map(|(t, _)| self::width(t)).sum();
    if used < width {
        segments.push((" ".repeat(width - used), style));
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn plain(lines: &[Vec<Segment>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_by_words() {
        let segs = vec![(
            "Behov fra portefølje-, behovs- og utviklingsprosessene.".to_owned(),
            Style::default(),
        )];
        let lines = wrap(&segs, 20);
        assert_eq!(
            plain(&lines),
            vec![
                "Behov fra",
                "portefølje-, behovs-",
                "og",
                "utviklingsprosessene",
                "."
            ]
        );
        for l in &lines {
            assert!(l.iter().map(|(t, _)| width(t)).sum::<usize>() <= 20);
        }
    }

    #[test]
    fn a_path_too_long_for_a_line_breaks_after_a_slash_not_inside_a_name() {
        let path = vec![(
            "content/prosesser/styring/index.md:14".to_owned(),
            Style::default(),
        )];
        assert_eq!(
            plain(&wrap(&path, 20)),
            ["content/prosesser/", "styring/index.md:14"]
        );
        assert_eq!(
            plain(&wrap(&path, 30)),
            ["content/prosesser/styring/", "index.md:14"]
        );
        // A name longer than the line still splits, as any word does.
        assert_eq!(
            plain(&wrap(
                &[("a/utviklingsprosessene".to_owned(), Style::default())],
                8
            )),
            ["a/", "utviklin", "gsproses", "sene"]
        );
    }

    #[test]
    fn wrapping_keeps_newlines_and_empty_text_is_one_line() {
        assert_eq!(
            plain(&wrap(&[("a\n\nb".into(), Style::default())], 5)),
            vec!["a", "", "b"]
        );
        assert_eq!(
            plain(&wrap(&[(String::new(), Style::default())], 5)),
            vec![""]
        );
        assert!(wrap(&[("abc".into(), Style::default())], 0).is_empty());
    }

    #[test]
    fn wide_characters_never_overflow_and_always_progress() {
        let segs = vec![("日本語のテキスト😀😀".to_owned(), Style::default())];
        for w in 1..8 {
            let lines = wrap(&segs, w);
            let text: String = plain(&lines).concat();
            assert_eq!(text, "日本語のテキスト😀😀");
            for l in &lines {
                let lw: usize = l.iter().map(|(t, _)| width(t)).sum();
                assert!(lw <= w.max(2), "{lw} > {w}");
            }
        }
    }

    #[test]
    fn highlight_splits_on_char_boundaries() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        // "ø" is two bytes; a range ending inside it still takes the whole char.
        let segs = highlight(
            "Dan Remi Mørk",
            std::slice::from_ref(&(9..11)),
            Style::default(),
            hl,
            |s| s.to_owned(),
        );
        assert_eq!(
            segs,
            vec![
                ("Dan Remi ".to_owned(), Style::default()),
                ("Mø".to_owned(), hl),
                ("rk".to_owned(), Style::default())
            ]
        );
        // Out of range and empty ranges are ignored; overlapping ones merge.
        let segs = highlight(
            "abc",
            &[5..9, 1..1, 0..2, 1..3],
            Style::default(),
            hl,
            |s| s.to_owned(),
        );
        assert_eq!(segs, vec![("abc".to_owned(), hl)]);
    }

    /// Where ratatui's buffer ends up after drawing `s` from column 0.
    fn drawn_width(s: &str) -> usize {
        let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 40, 1));
        buffer.set_stringn(0, 0, s, 40, Style::default()).0 as usize
    }

    #[test]
    fn widths_agree_with_what_ratatui_draws() {
        for s in [
            "Mørk",
            "日本語",
            "\u{2764}\u{FE0F}",
            "\u{2764}",
            "e\u{301}t\u{301}",
            "👨\u{200D}👩\u{200D}👧",
            "🇳🇴 Norge",
            "a\u{200D}b",
        ] {
            assert_eq!(width(s), drawn_width(s), "{s:?}");
        }
    }

    #[test]
    fn a_heart_with_its_emoji_selector_is_cut_where_ratatui_draws_it() {
        let hearts = "\u{2764}\u{FE0F}".repeat(5);
        let cut = truncate(vec![(hearts, Style::default())], 7);
        let text: String = cut.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(text, format!("{}…", "\u{2764}\u{FE0F}".repeat(3)));
        assert_eq!(drawn_width(&text), 7);
        // Wrapped, no line is wider than the width as drawn.
        let lines = wrap(&[("❤️ ❤️❤️ ❤️❤️❤️".to_owned(), Style::default())], 4);
        for line in plain(&lines) {
            assert!(drawn_width(&line) <= 4, "{line:?}");
        }
    }

    #[test]
    fn truncate_adds_ellipsis() {
        let segs = vec![("Produksjonssetting".to_owned(), Style::default())];
        let t = truncate(segs.clone(), 8);
        assert_eq!(
            t.iter().map(|(s, _)| s.as_str()).collect::<String>(),
            "Produks…"
        );
        assert_eq!(truncate(segs.clone(), 100), segs);
        assert!(truncate(segs, 0).is_empty());
    }
}
