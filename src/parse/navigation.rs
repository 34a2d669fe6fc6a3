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
            let decoded = decode_entities(line);
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

/// The entities people write by hand; others are left as written.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Look for the `;` in bytes: 12 bytes in may fall inside a character.
        let Some(semi) = memchr::memchr(b';', &rest.as_bytes()[..rest.len().min(12)]) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "aelig" => Some('æ'),
            "AElig" => Some('Æ'),
            "oslash" => Some('ø'),
            "Oslash" => Some('Ø'),
            "aring" => Some('å'),
            "Aring" => Some('Å'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
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
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(entries("a < b"), ["a < b"]);
    }
}
