//! `navigation_link.text`: HTML written by hand in front matter, to a list of
//! entries. The seed's own text has an unclosed `<p>`, so this reads the text
//! content between any tags, not a tree.

/// Entries in order: text between tags, one per line or paragraph, with list
/// bullets (`- `, `* `, `• `, `– `) and entities taken away.
pub fn entries(html: &str) -> Vec<String> {
    read(html).into_iter().map(|e| e.text).collect()
}

/// The entries that make the text a list of items, for comparing with the
/// cards' titles:
/// - the entries written as items (after a bullet, or inside `<li>`), when
///   there are any: an intro line before the bullets is not an item;
/// - otherwise, two or more entries none of which ends like a sentence
///   (`.`, `!`, `?`, `:`): `<p>Release</p><p>Behov</p>`;
/// - otherwise none: a teaser sentence (`<p>Her finner du prosessene.</p>`,
///   `Oversikt over prosessene vi bruker`) is not a list.
pub fn list_items(html: &str) -> Vec<String> {
    let entries = read(html);
    if entries.iter().any(|e| e.item) {
        return entries
            .into_iter()
            .filter(|e| e.item)
            .map(|e| e.text)
            .collect();
    }
    let sentence = |t: &str| t.ends_with(['.', '!', '?', ':']);
    if entries.len() >= 2 && !entries.iter().any(|e| sentence(&e.text)) {
        return entries.into_iter().map(|e| e.text).collect();
    }
    Vec::new()
}

struct Entry {
    text: String,
    /// Written as a list item: after a bullet, or inside `<li>`.
    item: bool,
}

fn read(html: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut in_li = 0usize;
    let mut push = |piece: &str, in_li: bool| {
        for line in piece.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // A no-break space reads as a space in an entry.
            let mut decoded = decode_entities(line);
            if decoded.contains('\u{a0}') {
                decoded = decoded.replace('\u{a0}', " ").into();
            }
            let decoded = decoded.trim();
            let (entry, bulleted) = strip_bullet(decoded);
            let entry = entry.trim();
            if !entry.is_empty() {
                out.push(Entry {
                    text: entry.to_owned(),
                    item: bulleted || in_li,
                });
            }
        }
    };
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        match rest[open..].find('>') {
            Some(close) => {
                push(&rest[..open], in_li > 0);
                let tag = rest[open + 1..open + close].trim().as_bytes();
                let li = tag
                    .get(..2)
                    .is_some_and(|name| name.eq_ignore_ascii_case(b"li"));
                // `<li>`, `<li class=…>` (any space after the name), not `<link>`.
                if li && tag.get(2).is_none_or(u8::is_ascii_whitespace) {
                    in_li += 1;
                } else if tag.eq_ignore_ascii_case(b"/li") {
                    in_li = in_li.saturating_sub(1);
                }
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    push(rest, in_li > 0);
    out
}

/// The line without its bullet, and whether it had one.
fn strip_bullet(line: &str) -> (&str, bool) {
    for bullet in ["- ", "* ", "• ", "– ", "— "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return (rest, true);
        }
    }
    if line == "-" || line == "*" || line == "•" {
        return ("", true);
    }
    (line, false)
}

/// Character references decoded as a browser decodes them in text (the
/// WHATWG rules, through `htmlize`): every named entity (`&eacute;`,
/// `&ndash;`, `&nbsp;`), the legacy ones without `;` (`&eacute`), numeric ones
/// (`&#248;`, `&#xE5;`, `&#128;` as `€`, `&#0;` as U+FFFD); anything else is
/// text as written.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    htmlize::unescape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_navigation_with_unclosed_p_gives_nine_entries() {
        let html =
            "<p> - Release</p>\n<p> - Endringsstyring</p>\n<p> - Behov<p>\n<p> - Utvikling</p>\n";
        assert_eq!(
            entries(html),
            ["Release", "Endringsstyring", "Behov", "Utvikling"]
        );
    }

    #[test]
    fn bullets_and_li_make_a_list_and_a_teaser_sentence_does_not() {
        let seed = "<p> - Release</p>\n<p> - Behov<p>\n";
        assert_eq!(list_items(seed), ["Release", "Behov"]);
        assert_eq!(list_items("<ul><li>A</li><li>B</li></ul>"), ["A", "B"]);
        assert_eq!(
            list_items("<ul><LI\tclass=\"x\">A</li><li\nid=b>B</LI></ul>"),
            ["A", "B"]
        );
        assert_eq!(
            list_items("<p>Prosessene:</p>\n<p> - A</p>"),
            ["A"],
            "an intro line is not an item"
        );
        assert_eq!(
            list_items("<p>Release</p><p>Behov</p>"),
            ["Release", "Behov"]
        );
        for teaser in [
            "<p>Her finner du prosessene, teamene og rutinene våre.</p>\n",
            "Oversikt over prosessene vi bruker i styring og utvikling",
            "<p>Les mer om teamene.</p><p>Og om rutinene.</p>",
        ] {
            assert_eq!(list_items(teaser), Vec::<String>::new(), "{teaser}");
            assert!(!entries(teaser).is_empty());
        }
    }

    #[test]
    fn list_items_and_entities() {
        assert_eq!(
            entries("<ul><li>R&amp;D</li><li>Behov &#248; &#xE5;</li></ul>"),
            ["R&D", "Behov ø å"]
        );
    }

    #[test]
    fn plain_lines_and_markdown_bullets() {
        assert_eq!(entries("- Release\n- Behov\n"), ["Release", "Behov"]);
    }

    #[test]
    fn an_ampersand_before_wide_characters_is_text() {
        // The `;` search window once ended inside the sixth `æ` and panicked.
        assert_eq!(decode_entities("&ææææææææ"), "&ææææææææ");
        assert_eq!(decode_entities("&æ;"), "&æ;");
    }

    #[test]
    fn every_named_entity_a_browser_knows() {
        assert_eq!(
            decode_entities(
                "&eacute;t&eacute; &ndash; &mdash; &hellip; &euro; &Oslash;&aring;&AElig;"
            ),
            "été – — … € ØåÆ"
        );
        // Legacy entities need no `;`, as in a browser (which reads `&notit;`
        // as `¬it;`); unknown ones stay text.
        assert_eq!(
            decode_entities("&eacute &amp &notit; &zzz; &"),
            "é & ¬it; &zzz; &"
        );
        // Numeric references as the HTML spec maps them.
        assert_eq!(decode_entities("&#128; &#0; &#x1F600;"), "€ \u{FFFD} 😀");
        assert_eq!(
            entries("<p>Behov&nbsp;og&nbsp;drift</p>"),
            ["Behov og drift"]
        );
        assert_eq!(entries("<li>&ndash; Release</li>"), ["Release"]);
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(entries("a < b"), ["a < b"]);
    }
}
