//! Where front-matter keys are written. The decoders give values without
//! positions; this light scan of the same text gives findings about a value
//! (an unclosed `<p>` in `navigation_link.text`) a line to point at.

use crate::model::{FrontMatterFormat, KeyLine};

/// The key paths kept for one front matter, in bytes all together. A path
/// repeats the keys above it, so a long key over many lines would otherwise
/// cost its length once per line: quadratic memory from 1 MiB of YAML.
const MAX_PATH_BYTES: usize = 4 * super::limits::MAX_FRONT_MATTER_BYTES;

/// Keys of YAML or TOML front matter that starts at file line `first_line`.
/// Past [`MAX_PATH_BYTES`] of key paths, later keys have no line.
pub fn scan(format: FrontMatterFormat, text: &str, first_line: u32) -> Vec<KeyLine> {
    match format {
        FrontMatterFormat::Yaml => yaml(text, first_line),
        FrontMatterFormat::Toml => toml(text, first_line),
        FrontMatterFormat::Json | FrontMatterFormat::Org => Vec::new(),
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn yaml(text: &str, first_line: u32) -> Vec<KeyLine> {
    let mut out = Vec::new();
    let mut budget = MAX_PATH_BYTES;
    let lines: Vec<&str> = text.lines().collect();
    // (indentation, key) of the keys enclosing the current line.
    let mut stack: Vec<(usize, String)> = Vec::new();
    // Inside a block scalar: lines indented deeper than this belong to it.
    let mut block_indent: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        let line_no = first_line + n as u32;
        let indent = indent_of(line);
        let content = line[indent..].trim_end();
        if content.is_empty() {
            continue;
        }
        if let Some(b) = block_indent {
            if indent > b {
                continue;
            }
            block_indent = None;
        }
        if content.starts_with('#') || content.starts_with("- ") || content == "-" {
            continue;
        }
        let Some(colon) = content
            .match_indices(':')
            .map(|(i, _)| i)
            .find(|&i| matches!(content.as_bytes().get(i + 1), None | Some(b' ')))
        else {
            continue;
        };
        let key = content[..colon].trim().trim_matches(['"', '\'']).to_owned();
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let path_len = stack.iter().map(|(_, k)| k.len() + 1).sum::<usize>() + key.len();
        if path_len > budget {
            break;
        }
        budget -= path_len;
        let path = stack
            .iter()
            .map(|(_, k)| k.as_str())
            .chain(std::iter::once(key.as_str()))
            .collect::<Vec<_>>()
            .join(".");
        let rest = content[colon + 1..].trim_start();
        let rest_at = indent + colon + 1 + (content[colon + 1..].len() - rest.len());
        let (value_line, value_column) = if rest.starts_with('|') || rest.starts_with('>') {
            block_indent = Some(indent);
            let next = lines[n + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .map_or(indent + 2, |l| indent_of(l));
            (line_no + 1, next as u32 + 1)
        } else {
            (line_no, rest_at as u32 + 1)
        };
        out.push(KeyLine {
            path,
            line: line_no,
            value_line,
            value_column,
        });
        stack.push((indent, key));
    }
    out
}

fn toml(text: &str, first_line: u32) -> Vec<KeyLine> {
    let mut out = Vec::new();
    let mut budget = MAX_PATH_BYTES;
    let mut table = String::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = first_line + n as u32;
        let content = line.trim();
        if let Some(header) = content.strip_prefix('[') {
            table = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_owned();
            continue;
        }
        let Some((key, _)) = content.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']);
        if key.is_empty() || key.starts_with('#') {
            continue;
        }
        let path_len = table.len() + 1 + key.len();
        if path_len > budget {
            break;
        }
        budget -= path_len;
        let path = if table.is_empty() {
            key.to_owned()
        } else {
            format!("{table}.{key}")
        };
        let eq = line.find('=').unwrap_or(0);
        let value_at = eq + 1 + (line[eq + 1..].len() - line[eq + 1..].trim_start().len());
        out.push(KeyLine {
            path,
            line: line_no,
            value_line: line_no,
            value_column: value_at as u32 + 1,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(keys: &'a [KeyLine], path: &str) -> &'a KeyLine {
        keys.iter()
            .find(|k| k.path == path)
            .unwrap_or_else(|| panic!("no {path}: {keys:?}"))
    }

    #[test]
    fn seed_navigation_text_is_a_block_on_the_line_after_its_key() {
        let seed = include_str!("../../data/prosesser/utvikling-drift.md");
        let fm = seed.split("---\n").nth(1).unwrap();
        let keys = scan(FrontMatterFormat::Yaml, fm, 2);
        let text = find(&keys, "navigation_link.text");
        assert_eq!((text.line, text.value_line, text.value_column), (14, 15, 5));
        assert_eq!(find(&keys, "banner.image.alt").line, 11);
        assert_eq!(find(&keys, "weight").value_column, 9);
    }

    #[test]
    fn toml_tables_prefix_their_keys() {
        let keys = scan(
            FrontMatterFormat::Toml,
            "title = 'x'\n[params]\nowner = 'y'\n",
            2,
        );
        assert_eq!(find(&keys, "params.owner").line, 4);
        assert_eq!(find(&keys, "title").value_column, 9);
    }
}
