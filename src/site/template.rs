//! Reading a shortcode template to tell whether it draws a process card.

use std::path::{Path, PathBuf};

/// The fields that, with `title`, make a template a card.
const CARD_FIELDS: [&str; 6] = ["owner", "leader", "purpose", "input", "output", "effect"];

/// True when the template reads `title` and at least one of owner, leader,
/// purpose, input, output or effect through `.Get` (`.Get "owner"`,
/// `$.Get "owner"`, `` .Get `owner` ``). Template comments (`{{/* … */}}`) do
/// not count.
pub fn is_card_template(source: &str) -> bool {
    let keys = get_keys(&without_comments(source));
    keys.iter().any(|k| k == "title") && keys.iter().any(|k| CARD_FIELDS.contains(&k.as_str()))
}

/// Every key the template reads with `.Get "key"`.
fn get_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(".Get") {
        rest = &rest[at + 4..];
        // `.GetPage` and the like are other methods.
        let after = rest.trim_start();
        if after.len() == rest.len() {
            continue;
        }
        let mut chars = after.chars();
        let quote = match chars.next() {
            Some(q @ ('"' | '`')) => q,
            _ => continue,
        };
        if let Some(end) = chars.as_str().find(quote) {
            keys.push(chars.as_str()[..end].to_owned());
        }
    }
    keys
}

/// The template without its `/* … */` comments (Go template comments are
/// `{{/* … */}}`; the same markers in CSS or JS are dropped too, harmlessly).
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find("/*") {
        out.push_str(&rest[..open]);
        match rest[open + 2..].find("*/") {
            Some(close) => rest = &rest[open + 2 + close + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Each shortcode name defined under `dir` (a `layouts/shortcodes` folder),
/// sorted, with whether it is a card: a name is a card when any of its
/// variants (`card.html`, `card.en.html`, `card.amp.html`) is one.
pub fn decide(dir: &Path) -> Vec<(String, bool)> {
    per_name(dir, is_card_template)
}

/// Whether a template takes inner text: Hugo pairs a call with a closing tag
/// only when its template evaluates `.Inner` or `.InnerDeindent` (checked
/// against hugo 0.111). Template comments do not count.
pub fn uses_inner(source: &str) -> bool {
    without_comments(source).contains(".Inner")
}

/// Each shortcode name defined under `dir`, sorted, with whether it takes
/// inner text (any of its variants does).
pub fn inner_use(dir: &Path) -> Vec<(String, bool)> {
    per_name(dir, uses_inner)
}

/// Each shortcode name defined under `dir`, sorted, with whether `test`
/// holds for the source of any of its variants.
fn per_name(dir: &Path, test: fn(&str) -> bool) -> Vec<(String, bool)> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    collect(dir, "", &mut files, 0);
    files.sort();
    let mut names: Vec<(String, bool)> = Vec::new();
    for (name, file) in files {
        let holds = std::fs::read_to_string(&file).is_ok_and(|s| test(&s));
        match names.last_mut() {
            Some((last, any)) if *last == name => *any |= holds,
            _ => names.push((name, holds)),
        }
    }
    names
}

/// Folders deeper than this are not looked into (a symlink loop ends here).
const MAX_DEPTH: usize = 16;

fn collect(dir: &Path, prefix: &str, files: &mut Vec<(String, PathBuf)>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(&path, &format!("{prefix}{file_name}/"), files, depth + 1);
        } else if let Some((stem, _)) = file_name.split_once('.')
            && !stem.is_empty()
        {
            files.push((format!("{prefix}{stem}"), path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_takes_inner_text_when_it_evaluates_inner() {
        assert!(uses_inner("<div>{{ .Inner }}</div>"));
        assert!(uses_inner("{{ .InnerDeindent | markdownify }}"));
        assert!(uses_inner("{{ $.Inner }}"));
        assert!(!uses_inner("{{/* .Inner is not used */}}<hr>"));
        assert!(!uses_inner(r#"{{ .Get "title" }}"#));
    }

    #[test]
    fn a_template_reading_title_and_a_card_field_is_a_card() {
        assert!(is_card_template(
            r#"{{ $title := .Get "title" }}<h3>{{ $title }}</h3>{{ .Get "owner" }}"#
        ));
        assert!(is_card_template(
            "{{ with $.Get `title` }}{{ . }}{{ end }}{{ (.Get \"effect\") }}"
        ));
    }

    #[test]
    fn title_url_and_text_alone_are_not_a_card() {
        assert!(!is_card_template(
            r#"<a href="{{ .Get "url" }}"><h3>{{ .Get "title" }}</h3><p>{{ .Get "text" }}</p></a>"#
        ));
        assert!(!is_card_template(
            r#"{{ .Get "owner" }} {{ .Get "leader" }}"#
        ));
        assert!(!is_card_template(
            r#"{{ .GetPage "title" }} {{ .Get "owner" }}"#
        ));
    }

    #[test]
    fn commented_out_reads_do_not_count() {
        assert!(!is_card_template(
            r#"{{ .Get "title" }}{{/* {{ .Get "owner" }} */}}"#
        ));
    }
}
