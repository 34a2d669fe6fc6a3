//! `navigation_link.text`: HTML written by hand in front matter, to a list of
//! entries. The seed's own text has an unclosed `<p>`, so this reads the text
//! content between any tags, not a tree.

/// Entries in order: text between tags, one per line or paragraph, with list
/// bullets (`- `, `* `, `• `, `– `) and entities taken away.
pub fn entries(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |piece: &str| {
        for line in piece.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // A no-break space reads as a space in an entry.
            let decoded = decode_entities(line).replace('\u{a0}', " ");
            let entry = strip_bullet(decoded.trim()).trim();
            if !entry.is_empty() {
                out.push(entry.to_owned());
            }
        }
    };
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        match rest[open..].find('>') {
            Some(close) => {
                push(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    push(rest);
    out
}

fn strip_bullet(line: &str) -> &str {
    for bullet in ["- ", "* ", "• ", "– ", "— "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest;
        }
    }
    if line == "-" || line == "*" || line == "•" {
        return "";
    }
    line
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
