//! Text to styled terminal lines: highlighting matched byte ranges, word
//! wrapping by display width, and truncating one line to a width.
//!
//! Everything here counts columns with `unicode-width`, never bytes, so æøå,
//! CJK and emoji keep a layout straight. Document text is sanitised here, piece
//! by piece, after the match ranges (byte ranges in the original text) have been
//! applied, so a control character can never shift a highlight.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// A run of text in one style.
pub type Segment = (String, Style);

/// The display width of a string in columns.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Document text made safe for one terminal line: control characters and bidi
/// overrides made visible, line breaks and tabs turned into spaces.
pub fn clean_line(s: &str) -> String {
    prosesser::text::sanitize_line(s).into_owned()
}

/// Document text made safe for a paragraph that may keep its line breaks.
pub fn clean(s: &str) -> String {
    prosesser::text::sanitize(s).into_owned()
}

/// `text` split into segments: `base` style, with `ranges` (byte ranges into
/// `text`, in any order, possibly overlapping or off char boundaries) in
/// `highlight`. Each piece is cleaned with `clean_fn`.
pub fn highlight(
    text: &str,
    ranges: &[Range<usize>],
    base: Style,
    highlight: Style,
    clean_fn: fn(&str) -> String,
) -> Vec<Segment> {
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
        out.push((clean_fn(&text[r.start..r.end]), base.patch(highlight)));
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
pub fn wrap(segments: &[Segment], width: usize) -> Vec<Vec<Segment>> {
    if width == 0 {
        return Vec::new();
    }
    let mut lines: Vec<Vec<Segment>> = Vec::new();
    let mut line = LineBuf::default();
    // Words: runs of non-space characters, with their styles, as (char, style).
    let mut word: Vec<(char, Style)> = Vec::new();
    let mut word_width = 0;
    let mut pending_space: Option<Style> = None;

    let flush_word = |line: &mut LineBuf,
                      lines: &mut Vec<Vec<Segment>>,
                      word: &mut Vec<(char, Style)>,
                      word_width: &mut usize,
                      pending_space: &mut Option<Style>| {
        if word.is_empty() {
            return;
        }
        let space = if line.width > 0 && pending_space.is_some() {
            1
        } else {
            0
        };
        if line.width + space + *word_width <= width {
            if space == 1 {
                line.push(' ', pending_space.unwrap_or_default());
            }
        } else if line.width > 0 {
            lines.push(line.take());
        }
        *pending_space = None;
        for &(c, style) in word.iter() {
            let w = char_width(c);
            if line.width + w > width && line.width > 0 {
                lines.push(line.take());
            }
            line.push(c, style);
        }
        word.clear();
        *word_width = 0;
    };

    for (text, style) in segments {
        for c in text.chars() {
            if c == '\n' {
                flush_word(
                    &mut line,
                    &mut lines,
                    &mut word,
                    &mut word_width,
                    &mut pending_space,
                );
                lines.push(line.take());
                pending_space = None;
            } else if c.is_whitespace() {
                flush_word(
                    &mut line,
                    &mut lines,
                    &mut word,
                    &mut word_width,
                    &mut pending_space,
                );
                if line.width > 0 {
                    pending_space = Some(*style);
                }
            } else {
                word.push((c, *style));
                word_width += char_width(c);
            }
        }
    }
    flush_word(
        &mut line,
        &mut lines,
        &mut word,
        &mut word_width,
        &mut pending_space,
    );
    lines.push(line.take());
    lines
}

#[derive(Default)]
struct LineBuf {
    segments: Vec<Segment>,
    width: usize,
}

impl LineBuf {
    fn push(&mut self, c: char, style: Style) {
        self.width += char_width(c);
        match self.segments.last_mut() {
            Some((text, s)) if *s == style => text.push(c),
            _ => self.segments.push((c.to_string(), style)),
        }
    }

    fn take(&mut self) -> Vec<Segment> {
        self.width = 0;
        std::mem::take(&mut self.segments)
    }
}

/// Segments cut to `width` columns, ending in `…` when something was cut.
pub fn truncate(segments: Vec<Segment>, width: usize) -> Vec<Segment> {
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
    let mut last_style = Style::default();
    'outer: for (text, style) in segments {
        last_style = style;
        let mut piece = String::new();
        for c in text.chars() {
            let w = char_width(c);
            if used + w > budget {
                if !piece.is_empty() {
                    out.push((piece, style));
                }
                break 'outer;
            }
            used += w;
            piece.push(c);
        }
        if !piece.is_empty() {
            out.push((piece, style));
        }
    }
    out.push(("…".to_owned(), last_style));
    out
}

/// Segments as a ratatui line.
pub fn to_line(segments: Vec<Segment>) -> Line<'static> {
    Line::from(
        segments
            .into_iter()
            .map(|(t, s)| Span::styled(t, s))
            .collect::<Vec<_>>(),
    )
}

/// Pad segments with spaces in `style` to exactly `width` columns (after truncating).
pub fn fill(segments: Vec<Segment>, width: usize, style: Style) -> Vec<Segment> {
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
